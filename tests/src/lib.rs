//! Workspace integration tests live in `tests/tests/`; `support` holds what they share.

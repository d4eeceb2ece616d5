//! The body of a non-2xx answer, read once by the hooks so that errors can be decoded without
//! awaiting (and so a hostile body cannot exhaust memory).

use bytes::Bytes;

/// The start of an error response's body, attached to the response's extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapturedErrorBody {
    /// The body, or its first `max_error_body` bytes.
    pub bytes: Bytes,
    /// Whether the body was longer than what is kept.
    pub truncated: bool,
}

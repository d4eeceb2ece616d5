//! Sending a checked request: the call path every operation shares.

mod captured;
mod context;
mod redact;
pub(crate) mod retry;
mod send;

pub(crate) use captured::snippet;
pub use context::Clock;
pub(crate) use context::{Auth, Context};
pub(crate) use send::{Answer, CallFailure, Delivery, FailureKind, Unsigned, execute, prepare};

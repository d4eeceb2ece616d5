//! Calls that ended without a usable answer: the request never left, the connection broke, the
//! deadline passed, or a success answer could not be read.

use std::fmt;

use crate::call::{Answer, CallFailure, Delivery, FailureKind};

/// No answer arrived, and repeating the call cannot do anything twice: the request was never
/// sent, or the operation only reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError {
    pub(crate) operation: &'static str,
    pub(crate) attempts: u32,
    pub(crate) sent: bool,
    pub(crate) cause: String,
}

impl TransportError {
    /// The official operation name.
    pub fn operation(&self) -> &'static str {
        self.operation
    }
    /// Attempts made, all of them failed.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
    /// Whether the last attempt's request may have reached the server (only ever for
    /// operations that merely read).
    pub fn may_have_been_sent(&self) -> bool {
        self.sent
    }
    /// The underlying error.
    pub fn cause(&self) -> &str {
        &self.cause
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({})",
            self.operation,
            self.cause,
            attempts(self.attempts)
        )
    }
}

impl std::error::Error for TransportError {}

/// A call that changes something (create, adjust, reclaim, issue) may or may not have taken
/// effect: its request may have reached the server, and no answer says what happened.
///
/// It was not sent again, and must not be sent again blindly: look up its effect first with
/// the values in [`reconcile`](Self::reconcile) (for CreateSubCustomer: `xaccount_id`,
/// `xaccount_type`, and `domain_name` when one was chosen). The README gives the recipe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeUnknown {
    pub(crate) operation: &'static str,
    pub(crate) attempts: u32,
    pub(crate) timed_out: bool,
    pub(crate) cause: String,
    pub(crate) reconcile: Vec<(&'static str, String)>,
}

impl OutcomeUnknown {
    /// The official operation name.
    pub fn operation(&self) -> &'static str {
        self.operation
    }
    /// Attempts made.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
    /// Whether the call's deadline passed (otherwise the connection broke).
    pub fn timed_out(&self) -> bool {
        self.timed_out
    }
    /// The underlying error.
    pub fn cause(&self) -> &str {
        &self.cause
    }
    /// The request's identifying fields (the spec's `x-bss-reconcile-keys`) and their values.
    pub fn reconcile(&self) -> &[(&'static str, String)] {
        &self.reconcile
    }
    /// The value of one identifying field, e.g. `reconcile_value("xaccount_id")`.
    pub fn reconcile_value(&self, key: &str) -> Option<&str> {
        self.reconcile
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Display for OutcomeUnknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "outcome of {} unknown: {} after the request may have reached the server ({}); \
             it was not sent again: reconcile before retrying",
            self.operation,
            self.cause,
            attempts(self.attempts)
        )?;
        for (i, (key, value)) in self.reconcile.iter().enumerate() {
            let lead = if i == 0 { " with " } else { ", " };
            write!(f, "{lead}{key}={value}")?;
        }
        Ok(())
    }
}

impl std::error::Error for OutcomeUnknown {}

/// A success answer whose body could not be read in full or does not decode as the spec
/// describes. The status says the operation took effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidResponse {
    pub(crate) operation: &'static str,
    pub(crate) status: Option<u16>,
    pub(crate) request_id: Option<String>,
    pub(crate) attempts: u32,
    pub(crate) cause: String,
    pub(crate) body_snippet: String,
}

impl InvalidResponse {
    /// The official operation name (empty when unknown).
    pub fn operation(&self) -> &'static str {
        self.operation
    }
    /// The HTTP status received.
    pub fn status(&self) -> Option<u16> {
        self.status
    }
    /// The request id (`X-Request-Id`), to quote to Huawei Cloud support.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
    /// Attempts made.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
    /// Why the body is unusable.
    pub fn cause(&self) -> &str {
        &self.cause
    }
    /// The start of the body, when one arrived.
    pub fn body_snippet(&self) -> &str {
        &self.body_snippet
    }
}

impl fmt::Display for InvalidResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: unusable success answer: {}",
            self.operation, self.cause
        )?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status}")?;
        } else {
            write!(f, " (")?;
        }
        write!(
            f,
            ", request id {})",
            self.request_id.as_deref().unwrap_or("none")
        )?;
        if !self.body_snippet.is_empty() {
            write!(f, "; body starts: {:?}", self.body_snippet)?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidResponse {}

fn attempts(n: u32) -> String {
    if n == 1 {
        "1 attempt".to_owned()
    } else {
        format!("{n} attempts")
    }
}

/// The typed error for a runtime [`CallFailure`].
pub(crate) fn from_call_failure(failure: &CallFailure) -> crate::Error {
    use crate::Error;
    if let FailureKind::InvalidSuccessBody { status } = failure.kind {
        return Error::InvalidResponse(Box::new(InvalidResponse {
            operation: failure.operation,
            status: Some(status),
            request_id: failure.request_id.clone(),
            attempts: failure.attempts,
            cause: failure.cause.clone(),
            body_snippet: failure.body_snippet.clone().unwrap_or_default(),
        }));
    }
    let timed_out = failure.kind == FailureKind::Timeout;
    if failure.outcome_unknown() {
        return Error::OutcomeUnknown(Box::new(OutcomeUnknown {
            operation: failure.operation,
            attempts: failure.attempts,
            timed_out,
            cause: failure.cause.clone(),
            reconcile: failure.reconcile.clone(),
        }));
    }
    let transport = Box::new(TransportError {
        operation: failure.operation,
        attempts: failure.attempts,
        sent: failure.delivery == Delivery::MaybeSent,
        cause: failure.cause.clone(),
    });
    if timed_out {
        Error::Timeout(transport)
    } else {
        Error::Transport(transport)
    }
}

/// The typed error for a success answer whose body does not decode as the spec describes.
pub(crate) fn invalid_success_body(
    operation: &'static str,
    answer: &Answer,
    attempts: u32,
    error: &serde_json::Error,
) -> crate::Error {
    crate::Error::InvalidResponse(Box::new(InvalidResponse {
        operation,
        status: Some(answer.status),
        request_id: answer.request_id().map(str::to_owned),
        attempts,
        cause: format!("the body does not match the spec: {error}"),
        body_snippet: crate::call::snippet(&answer.body, false),
    }))
}

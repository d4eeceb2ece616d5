//! `Error`: every way a call can fail, with what a caller needs to act on it.

use std::fmt;

use crate::failure::{InvalidResponse, OutcomeUnknown, TransportError};
use crate::{ConfigError, ErrorCode, InvalidRequest, Violation};

/// Any failure of a call; every operation's result converts into it with `?`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request was rejected before anything was sent: fields broke documented rules (every
    /// one is listed, with its full path and the rule) or required fields are missing.
    #[error(transparent)]
    InvalidRequest(Box<InvalidRequest>),
    /// The server answered with an error (or a status the spec does not describe).
    #[error(transparent)]
    Api(Box<ApiError>),
    /// The request could not be signed or completed; it was not sent.
    #[error("request not sent: {0}")]
    Prepare(String),
    /// The call's timeout passed before a complete answer, for an operation that only reads
    /// (a write whose deadline passes is [`Error::OutcomeUnknown`]).
    #[error("timed out: {0}")]
    Timeout(Box<TransportError>),
    /// No answer, and nothing can have happened twice: the request was never sent (connect,
    /// DNS or TLS failure), or the operation only reads. Retried per the retry policy first.
    #[error("transport error: {0}")]
    Transport(Box<TransportError>),
    /// A write may or may not have taken effect: its request may have reached the server and
    /// the connection broke or the deadline passed. It was not sent again; reconcile first.
    #[error(transparent)]
    OutcomeUnknown(Box<OutcomeUnknown>),
    /// A success answer whose body could not be read or does not decode as the spec describes.
    #[error(transparent)]
    InvalidResponse(Box<InvalidResponse>),
    /// The client could not be configured.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

impl Error {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::InvalidResponse(e) => e.status,
            _ => None,
        }
    }

    /// How many attempts the call made, when it was sent at all.
    pub fn attempts(&self) -> Option<u32> {
        match self {
            Error::Api(e) => Some(e.attempts),
            Error::Timeout(e) | Error::Transport(e) => Some(e.attempts),
            Error::OutcomeUnknown(e) => Some(e.attempts),
            Error::InvalidResponse(e) => Some(e.attempts),
            _ => None,
        }
    }

    /// Whether the call's deadline passed (as [`Error::Timeout`], or as an
    /// [`Error::OutcomeUnknown`] of a write).
    pub fn is_timeout(&self) -> bool {
        match self {
            Error::Timeout(_) => true,
            Error::OutcomeUnknown(e) => e.timed_out,
            _ => false,
        }
    }

    /// The unknown outcome of a write, with what is needed to reconcile it.
    pub fn outcome_unknown(&self) -> Option<&OutcomeUnknown> {
        match self {
            Error::OutcomeUnknown(e) => Some(e),
            _ => None,
        }
    }

    /// The error code of the answer (`CBC.…`, `APIGW.…`), when it carried one.
    ///
    /// ```
    /// # fn check(err: &huaweicloud_bss::Error) -> bool {
    /// use huaweicloud_bss::ErrorCode;
    /// err.code() == Some(ErrorCode::Cbc99005003)
    /// # }
    /// ```
    pub fn code(&self) -> Option<ErrorCode> {
        self.api().and_then(|e| e.code.clone())
    }

    /// The broken rules of a request refused before sending ([`Error::InvalidRequest`]);
    /// empty for other errors.
    pub fn violations(&self) -> &[Violation] {
        match self {
            Error::InvalidRequest(e) => e.violations(),
            _ => &[],
        }
    }

    /// The full path of the first field that broke a rule (`new_sub_customer.customer_name`,
    /// `limit`), for a request refused before sending.
    pub fn field(&self) -> Option<&str> {
        self.violations().first().map(Violation::field)
    }

    /// The rule the first such field broke (`5 to 32 characters`).
    pub fn rule(&self) -> Option<&str> {
        self.violations().first().map(Violation::rule)
    }

    /// Whether sending the same request again, as it is, is safe and may succeed: the request
    /// was throttled (HTTP 429, APIGW.0308, CBC.99007197), never sent, or only reads and
    /// failed on the way or with a 5xx answer. Never for a write whose outcome is unknown, an
    /// invalid request or a business error.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(e) => {
                let throttled = e.status == 429
                    || e.code.as_ref().is_some_and(|code| {
                        matches!(code.as_str(), "APIGW.0308" | "APIG.0308" | "CBC.99007197")
                    });
                throttled || (e.read_only && e.status >= 500)
            }
            Error::Timeout(_) | Error::Transport(_) => true,
            _ => false,
        }
    }

    /// The error message of the answer, when it carried one.
    pub fn message(&self) -> Option<&str> {
        self.api().and_then(|e| e.message.as_deref())
    }

    /// The request id (`X-Request-Id`), to quote to Huawei Cloud support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            Error::InvalidResponse(e) => e.request_id.as_deref(),
            _ => None,
        }
    }

    /// The business rules a CBC.7004 answer says were not met.
    pub fn fail_check_items(&self) -> &[String] {
        self.api()
            .map(|e| e.fail_check_items.as_slice())
            .unwrap_or_default()
    }

    /// The account that exists although the call failed (CreateSubCustomer, CBC.99000050).
    pub fn created_account(&self) -> Option<&CreatedAccount> {
        self.api().and_then(|e| e.created_account.as_ref())
    }

    /// The server's answer, when the failure is one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }
}

/// A request that breaks documented rules (from a builder's `build()` or a call's checks).
impl From<InvalidRequest> for Error {
    fn from(error: InvalidRequest) -> Self {
        Error::InvalidRequest(Box::new(error))
    }
}

/// Who produced an error answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// The BSS service (`CBC.…` codes).
    Service,
    /// The API gateway in front of it (`APIGW.…`, `APIG.…`), e.g. a signature mismatch.
    Gateway,
    /// An answer with no recognisable error body (an HTML page from a proxy, an empty body,
    /// a status the spec does not describe).
    Unrecognized,
}

/// The account CreateSubCustomer created although it answered with an error (CBC.99000050):
/// record it, or the customer has an account the platform does not know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedAccount {
    /// The customer's account id.
    pub domain_id: Option<String>,
    /// The customer's account name.
    pub domain_name: Option<String>,
}

/// An error answer from the server, decoded against the spec's shared error schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub(crate) status: u16,
    pub(crate) kind: ApiErrorKind,
    pub(crate) code: Option<ErrorCode>,
    pub(crate) message: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) fail_check_items: Vec<String>,
    pub(crate) created_account: Option<CreatedAccount>,
    pub(crate) encoded_authorization_message: Option<String>,
    pub(crate) body_snippet: String,
    pub(crate) attempts: u32,
    /// The operation only reads (a 5xx answer may then be retried).
    pub(crate) read_only: bool,
}

impl ApiError {
    /// How many attempts the call made (more than one when throttling or, for reads, a 5xx
    /// answer was retried).
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }
    /// Who produced the answer.
    pub fn kind(&self) -> ApiErrorKind {
        self.kind
    }
    /// The error code, documented ones typed, others verbatim.
    pub fn code(&self) -> Option<ErrorCode> {
        self.code.clone()
    }
    /// The error message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    /// The request id (`X-Request-Id`, or the body's `request_id`).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
    /// Unmet business rules (CBC.7004).
    pub fn fail_check_items(&self) -> &[String] {
        &self.fail_check_items
    }
    /// The account that exists despite the error (CBC.99000050).
    pub fn created_account(&self) -> Option<&CreatedAccount> {
        self.created_account.as_ref()
    }
    /// The encoded reason of an authorization failure, when the gateway sends one.
    pub fn encoded_authorization_message(&self) -> Option<&str> {
        self.encoded_authorization_message.as_deref()
    }
    /// The start of the body as received (bounded), for answers that are not error objects.
    pub fn body_snippet(&self) -> &str {
        &self.body_snippet
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, &self.message) {
            (Some(code), Some(message)) => write!(f, "{code}: {message}")?,
            (Some(code), None) => write!(f, "{code}")?,
            (None, _) if self.body_snippet.is_empty() => {
                write!(f, "error answer with an empty body")?
            }
            (None, _) => write!(
                f,
                "error answer that is not an error object: {:?}",
                self.body_snippet
            )?,
        }
        write!(
            f,
            " (HTTP {}, request id {})",
            self.status,
            self.request_id.as_deref().unwrap_or("none")
        )?;
        if let Some(account) = &self.created_account {
            write!(
                f,
                "; the customer account was created nevertheless: domain_id={}, domain_name={}",
                account.domain_id.as_deref().unwrap_or("?"),
                account.domain_name.as_deref().unwrap_or("?"),
            )?;
        }
        if !self.fail_check_items.is_empty() {
            write!(f, "; unmet checks: {}", self.fail_check_items.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

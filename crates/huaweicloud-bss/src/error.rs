//! `Error`: every way a call can fail, with what a caller needs to act on it.

use std::fmt;

use crate::{ConfigError, ErrorCode};

/// Any failure of a call; every operation's result converts into it with `?`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request was rejected before anything was sent: a field broke a documented rule
    /// (the message names the field and the rule) or a required field is missing.
    #[error("invalid request: {message}")]
    InvalidRequest {
        /// Which field, and which rule it broke.
        message: String,
    },
    /// The server answered with an error (or a status the spec does not describe).
    #[error(transparent)]
    Api(Box<ApiError>),
    /// The request could not be signed or completed; it was not sent.
    #[error("request not sent: {0}")]
    Prepare(String),
    /// The call took longer than the configured timeout.
    #[error("timed out: {0}")]
    Timeout(#[source] reqwest::Error),
    /// Connecting, sending or receiving failed.
    #[error("transport error: {0}")]
    Transport(#[source] reqwest::Error),
    /// A success answer whose body does not decode as the spec describes.
    #[error("the response body does not match the spec ({source}); body starts: {body_snippet}")]
    InvalidResponse {
        /// The start of the body.
        body_snippet: String,
        /// The decoding error.
        #[source]
        source: serde_json::Error,
    },
    /// The client could not be configured.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

impl Error {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Timeout(e) | Error::Transport(e) => e.status().map(|s| s.as_u16()),
            _ => None,
        }
    }

    /// The error code of the answer (`CBC.…`, `APIGW.…`), when it carried one.
    pub fn code(&self) -> Option<&ErrorCode> {
        self.api().and_then(|e| e.code.as_ref())
    }

    /// The error message of the answer, when it carried one.
    pub fn message(&self) -> Option<&str> {
        self.api().and_then(|e| e.message.as_deref())
    }

    /// The request id (`X-Request-Id`), to quote to Huawei Cloud support.
    pub fn request_id(&self) -> Option<&str> {
        self.api().and_then(|e| e.request_id.as_deref())
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

/// A value rejected by a generated type's constraint (e.g. `"op_x".parse::<DomainName>()`).
impl From<huaweicloud_bss_api::types::error::ConversionError> for Error {
    fn from(error: huaweicloud_bss_api::types::error::ConversionError) -> Self {
        Error::InvalidRequest {
            message: error.to_string(),
        }
    }
}

/// A secret field's value outside its documented length.
impl From<huaweicloud_bss_runtime::SecretLengthError> for Error {
    fn from(error: huaweicloud_bss_runtime::SecretLengthError) -> Self {
        Error::InvalidRequest {
            message: error.to_string(),
        }
    }
}

/// An integer field's value outside its documented range.
impl From<huaweicloud_bss_runtime::OutOfRange> for Error {
    fn from(error: huaweicloud_bss_runtime::OutOfRange) -> Self {
        Error::InvalidRequest {
            message: error.to_string(),
        }
    }
}

/// An amount with too many decimal places, outside its documented bounds, or not a decimal.
impl From<huaweicloud_bss_runtime::MoneyError> for Error {
    fn from(error: huaweicloud_bss_runtime::MoneyError) -> Self {
        Error::InvalidRequest {
            message: error.to_string(),
        }
    }
}

impl From<progenitor_client::Error<()>> for Error {
    fn from(error: progenitor_client::Error<()>) -> Self {
        use progenitor_client::Error as E;
        match error {
            E::InvalidRequest(message) => Error::InvalidRequest { message },
            E::Custom(message) => Error::Prepare(message),
            E::CommunicationError(e) | E::ResponseBodyError(e) | E::InvalidUpgrade(e) => {
                if e.is_timeout() {
                    Error::Timeout(e)
                } else {
                    Error::Transport(e)
                }
            }
            E::UnexpectedResponse(response) => {
                Error::Api(Box::new(crate::error_body::decode(&response)))
            }
            E::InvalidResponsePayload(bytes, source) => Error::InvalidResponse {
                body_snippet: crate::error_body::snippet(&bytes, false),
                source,
            },
            // Errors are never declared to the generator, so it never builds this variant.
            E::ErrorResponse(response) => {
                Error::Api(Box::new(ApiError::bare(response.status().as_u16())))
            }
        }
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
}

impl ApiError {
    fn bare(status: u16) -> Self {
        Self {
            status,
            kind: ApiErrorKind::Unrecognized,
            code: None,
            message: None,
            request_id: None,
            fail_check_items: Vec::new(),
            created_account: None,
            encoded_authorization_message: None,
            body_snippet: String::new(),
        }
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
    pub fn code(&self) -> Option<&ErrorCode> {
        self.code.as_ref()
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

//! The signer's error type.

/// Why a request could not be signed.
///
/// Messages name the offending part (a header name, the method) but never carry the secret key,
/// the security token or a header value, so an error can be logged as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The access key (AK) is empty.
    #[error("the access key (AK) is empty")]
    MissingAccessKey,
    /// The secret key (SK) is empty.
    #[error("the secret key (SK) is empty")]
    MissingSecretKey,
    /// The access key contains characters that cannot appear in an HTTP header value.
    #[error("the access key (AK) contains characters not allowed in an HTTP header value")]
    InvalidAccessKey,
    /// The security token contains characters that cannot appear in an HTTP header value.
    #[error("the security token contains characters not allowed in an HTTP header value")]
    InvalidSecurityToken,
    /// The method is not an HTTP token (RFC 9110).
    #[error("the HTTP method is not a valid token")]
    InvalidMethod,
    /// The host is empty or contains characters not allowed in a `Host` header.
    #[error("the host is empty or not a valid Host header value")]
    InvalidHost,
    /// A header name is not an HTTP token (RFC 9110).
    #[error("invalid header name {name:?}")]
    InvalidHeaderName {
        /// The offending name, as given.
        name: String,
    },
    /// A header value contains control characters (other than tab), or a value the signer must
    /// interpret is not in the expected form.
    #[error("invalid value for header {name:?}")]
    InvalidHeaderValue {
        /// The header's name, as given (the value is left out: it may be a secret).
        name: String,
    },
    /// Two headers have the same name, ignoring ASCII case; the signed header list would name the
    /// header twice and no server could verify it.
    #[error("header {name:?} is present more than once (names compare case-insensitively)")]
    DuplicateHeader {
        /// The duplicated name, lower-cased.
        name: String,
    },
    /// The request already carries a header the signer must produce itself.
    #[error("header {name:?} must not be set before signing")]
    ReservedHeader {
        /// The header's name, as given.
        name: String,
    },
    /// The request carries a header whose value disagrees with what the signer must add.
    #[error("header {name:?} conflicts with the value the signer must add")]
    HeaderConflict {
        /// The header's name, as given.
        name: String,
    },
    /// A date is not a valid `YYYYMMDDTHHMMSSZ` UTC timestamp.
    #[error("{value:?} is not a valid X-Sdk-Date (expected YYYYMMDDTHHMMSSZ)")]
    InvalidDate {
        /// The rejected text.
        value: String,
    },
    /// A time falls outside years 1..=9999, which `YYYYMMDDTHHMMSSZ` cannot express.
    #[error("the signing time is outside the years 1..=9999")]
    TimeOutOfRange,
    /// The request's URL has no host and no `Host` header (HTTP adapters).
    #[error("the request has neither a URL host nor a Host header")]
    MissingHost,
    /// The URL query does not decode to UTF-8 (HTTP adapters).
    #[error("the URL query string does not decode to UTF-8")]
    InvalidQuery,
    /// The URL could not be rebuilt with the canonical query (HTTP adapters).
    #[error("the request URL could not be rebuilt with the canonical query")]
    InvalidUri,
    /// The body is a stream, whose bytes cannot be hashed before sending (HTTP adapters).
    #[error("the request body is a stream; buffer it before signing")]
    UnbufferedBody,
}

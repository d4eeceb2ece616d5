//! Huawei Cloud AK/SK request signing (`SDK-HMAC-SHA256`), byte-identical to the signer of the
//! official SDKs (checked against `huaweicloudsdkcore` 3.1.219 by the conformance vectors in
//! `tests/vectors/`).
//!
//! The core is a set of pure functions over a borrowed [`SigningRequest`]: [`sign`] returns a
//! [`SigningOutput`] with every intermediate string and the exact headers to add. The steps are
//! public too ([`canonical_uri`], [`canonical_query`], [`canonical_headers`],
//! [`canonical_request`], [`string_to_sign`], [`signature`], [`authorization_header`]).
//!
//! Optional features sign a request of an HTTP library in place:
//! - `http`: [`sign_http_request`] for `http::Request<B>`;
//! - `reqwest`: [`sign_reqwest_request`] for `reqwest::Request` (e.g. in a progenitor pre-hook).
//!
//! ```
//! use huaweicloud_signer::{Credentials, SigningRequest, SigningTime, sign};
//!
//! let creds = Credentials::new("AKEXAMPLE", "SKEXAMPLE");
//! let body = br#"{"domain_name": "test"}"#;
//! let headers = [("Content-Type", "application/json"), ("X-Domain-Id", "0123456789abcdef")];
//! let request = SigningRequest::new("POST", "bss.myhuaweicloud.com", "/v2/partners/sub-customers")
//!     .with_headers(&headers)
//!     .with_body(body);
//! let out = sign(&request, &creds, SigningTime::now()?)?;
//! for (name, value) in out.headers_to_add() {
//!     // add `name: value` to the outgoing request
//! #   let _ = (name, value);
//! }
//! assert_eq!(out.signed_headers(), "content-type;host;x-domain-id;x-sdk-date");
//! # Ok::<(), huaweicloud_signer::SignError>(())
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod canonical;
mod credentials;
mod error;
mod output;
mod sign;
mod signature;
mod time;
mod validate;

#[cfg(feature = "http")]
mod adapters;

pub use canonical::{
    CanonicalHeaders, EMPTY_PAYLOAD_HASH, canonical_headers, canonical_query, canonical_request,
    canonical_uri, payload_hash,
};
pub use credentials::Credentials;
pub use error::SignError;
pub use output::SigningOutput;
pub use sign::{SigningRequest, header, sign};
pub use signature::{ALGORITHM, authorization_header, signature, string_to_sign};
pub use time::{SigningTime, format_x_sdk_date};

#[cfg(feature = "http")]
pub use adapters::http::sign_http_request;
#[cfg(feature = "reqwest")]
pub use adapters::reqwest::sign_reqwest_request;

/// The `secrecy` types [`Credentials`] is built from.
pub use secrecy;

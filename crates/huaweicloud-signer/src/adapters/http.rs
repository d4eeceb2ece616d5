//! Signing an `http::Request<B>`.

use http::Request;
use http::uri::{PathAndQuery, Uri};

use super::{HeaderChanges, borrow_headers, decode_query, host_header_value};
use crate::{Credentials, SignError, SigningOutput, SigningRequest, SigningTime, sign};

/// Signs an [`http::Request`] in place, given the exact body bytes it will send (empty for none).
///
/// The host comes from the URI's authority (with the port only when it is not the scheme's
/// default, as hyper writes `Host`), or from the `Host` header for a URI without authority. The
/// query is read with form-encoding rules (`+` is a space) and the URI's query is rewritten to
/// the canonical query, which is what was signed. Then the produced headers are added and padded
/// header values replaced by their trimmed form. On error the request is left unchanged.
///
/// Requires the `http` feature.
///
/// ```
/// use huaweicloud_signer::{Credentials, SigningTime, sign_http_request};
///
/// let body = br#"{"domain_name": "test"}"#.to_vec();
/// let mut request = http::Request::post("https://bss.myhuaweicloud.com/v2/partners/sub-customers?b=2&a=1")
///     .header("Content-Type", "application/json")
///     .header("X-Domain-Id", "0123456789abcdef")
///     .body(body)?;
/// let creds = Credentials::new("AKEXAMPLE", "SKEXAMPLE");
/// let time = SigningTime::parse("20240102T030405Z")?;
///
/// let (parts, body) = request.into_parts();
/// let mut request = http::Request::from_parts(parts, ());
/// let out = sign_http_request(&mut request, &body, &creds, time)?;
///
/// assert_eq!(request.uri().path_and_query().unwrap(), "/v2/partners/sub-customers?a=1&b=2");
/// assert_eq!(request.headers()["host"], "bss.myhuaweicloud.com");
/// assert_eq!(request.headers()["x-sdk-date"], "20240102T030405Z");
/// assert_eq!(request.headers()["authorization"], out.authorization());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sign_http_request<B>(
    request: &mut Request<B>,
    body: &[u8],
    credentials: &Credentials,
    time: SigningTime,
) -> Result<SigningOutput, SignError> {
    let uri = request.uri();
    let host = match uri.authority() {
        Some(authority) => {
            host_header_value(uri.scheme_str(), authority.host(), authority.port_u16())
        }
        None => request
            .headers()
            .get(http::header::HOST)
            .and_then(|v| v.to_str().ok())
            .ok_or(SignError::MissingHost)?
            .to_owned()
            .into(),
    };
    let query = decode_query(uri.query().unwrap_or_default())?;
    let query: Vec<(&str, &str)> = query.iter().map(|(k, v)| (&**k, &**v)).collect();
    // The borrowed header list must be gone before the request is changed.
    let output = {
        let headers = borrow_headers(request.headers())?;
        let signing_request = SigningRequest {
            method: request.method().as_str(),
            host: &host,
            path: uri.path(),
            query: &query,
            headers: &headers,
            body: Some(body),
        };
        sign(&signing_request, credentials, time)?
    };

    let changes = HeaderChanges::new(&output)?;
    // Rebuild the URI only when the canonical query differs from the one it holds.
    if uri.path_and_query().map(PathAndQuery::as_str) != Some(output.path_and_query()) {
        let mut parts = uri.clone().into_parts();
        parts.path_and_query = Some(
            PathAndQuery::try_from(output.path_and_query()).map_err(|_| SignError::InvalidUri)?,
        );
        *request.uri_mut() = Uri::from_parts(parts).map_err(|_| SignError::InvalidUri)?;
    }
    changes.apply(request.headers_mut());
    Ok(output)
}

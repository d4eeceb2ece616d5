//! Signing a `reqwest::Request` in place.

use super::{HeaderChanges, borrow_headers, decode_query, host_header_value};
use crate::{Credentials, SignError, SigningOutput, SigningRequest, SigningTime, sign};

/// Signs a [`reqwest::Request`] in place, e.g. from a progenitor pre-hook.
///
/// - The body must be buffered (`request.body()` holds bytes, as after `.json(..)` or
///   `.body(Vec<u8>)`); a streaming body gives [`SignError::UnbufferedBody`].
/// - The host is taken from the URL, with the port only when it is not the scheme's default,
///   which is exactly the `Host` header hyper would send; it is set explicitly on the request
///   (unless a `Host` header is already there) so that what is sent is what was signed.
/// - The query is read with form-encoding rules (`+` is a space, as `reqwest`'s `query()`
///   writes it) and the URL's query is rewritten to the canonical query.
/// - The produced headers are added and padded header values replaced by their trimmed form.
///
/// On error the request is left unchanged. Requires the `reqwest` feature.
///
/// ```
/// use huaweicloud_signer::{Credentials, SigningTime, sign_reqwest_request};
///
/// let url = "https://bss.myhuaweicloud.com:8443/v2/partners/sub-customers?b=2&a=x+y".parse()?;
/// let mut request = reqwest::Request::new(reqwest::Method::POST, url);
/// request.headers_mut().insert("content-type", "application/json".parse()?);
/// request.headers_mut().insert("x-domain-id", "0123456789abcdef".parse()?);
/// *request.body_mut() = Some(br#"{"domain_name": "test"}"#.to_vec().into());
///
/// let creds = Credentials::new("AKEXAMPLE", "SKEXAMPLE");
/// let out = sign_reqwest_request(&mut request, &creds, SigningTime::now()?)?;
///
/// assert_eq!(request.url().query(), Some("a=x%20y&b=2"));
/// assert_eq!(request.headers()["host"], "bss.myhuaweicloud.com:8443");
/// assert_eq!(request.headers()["authorization"], out.authorization());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sign_reqwest_request(
    request: &mut reqwest::Request,
    credentials: &Credentials,
    time: SigningTime,
) -> Result<SigningOutput, SignError> {
    let body = match request.body() {
        None => None,
        Some(body) => Some(body.as_bytes().ok_or(SignError::UnbufferedBody)?),
    };
    let url = request.url();
    let host = host_header_value(
        Some(url.scheme()),
        url.host_str().ok_or(SignError::MissingHost)?,
        url.port(),
    );
    let query = decode_query(url.query().unwrap_or_default())?;
    let query: Vec<(&str, &str)> = query.iter().map(|(k, v)| (&**k, &**v)).collect();
    // The borrowed header list must be gone before the request is changed.
    let output = {
        let headers = borrow_headers(request.headers())?;
        let signing_request = SigningRequest {
            method: request.method().as_str(),
            host: &host,
            path: url.path(),
            query: &query,
            headers: &headers,
            body,
        };
        sign(&signing_request, credentials, time)?
    };

    let changes = HeaderChanges::new(&output)?;
    // The canonical query holds only unreserved characters, `%XX`, `=` and `&`, which the URL
    // parser keeps verbatim. Most calls already send it (or none): leave those URLs alone.
    let query = Some(output.canonical_query()).filter(|q| !q.is_empty());
    if request.url().query() != query {
        request.url_mut().set_query(query);
    }
    changes.apply(request.headers_mut());
    Ok(output)
}

//! The top-level signing step over a borrowed request description.

use secrecy::ExposeSecret;
use smallvec::SmallVec;

use crate::canonical::{
    EMPTY_PAYLOAD_HASH, HexDigest, canonical_query, headers_len, push_canonical_headers,
    push_canonical_uri, push_method, sort_headers,
};
use crate::output::{AddedHeaders, Span};
use crate::signature::ALGORITHM;
use crate::validate::{is_header_value, is_token, trim};
use crate::{Credentials, SignError, SigningOutput, SigningTime};

/// Header names the signer reads or writes, in the case the official signer writes them.
pub mod header {
    /// The signing time.
    pub const X_SDK_DATE: &str = "X-Sdk-Date";
    /// The host the request is for.
    pub const HOST: &str = "Host";
    /// The signature.
    pub const AUTHORIZATION: &str = "Authorization";
    /// The security token of temporary credentials.
    pub const X_SECURITY_TOKEN: &str = "X-Security-Token";
    /// An explicit payload hash; the signer sets it to [`UNSIGNED_PAYLOAD`] for bodies that are
    /// neither JSON nor BSON.
    pub const X_SDK_CONTENT_SHA256: &str = "X-Sdk-Content-Sha256";
    /// The account id global services such as BSS expect; the caller adds it before signing.
    pub const X_DOMAIN_ID: &str = "X-Domain-Id";
    /// The only spelling under which the official signer looks the content type up.
    pub const CONTENT_TYPE: &str = "Content-Type";
    /// The value of `X-Sdk-Content-Sha256` for bodies the signature does not cover.
    pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
}

/// A request to sign, borrowed from the caller.
///
/// Headers are the ones present before signing, `X-Domain-Id` included when the account id is
/// known; the signer adds the rest (see [`SigningOutput::headers_to_add`]).
///
/// ```
/// use huaweicloud_signer::SigningRequest;
///
/// let headers = [("Content-Type", "application/json")];
/// let request = SigningRequest::new("POST", "bss.myhuaweicloud.com", "/v2/partners/sub-customers")
///     .with_headers(&headers)
///     .with_body(br#"{"domain_name": "test"}"#);
/// assert_eq!(request.query, &[]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SigningRequest<'a> {
    /// The HTTP method (upper-cased in the canonical request).
    pub method: &'a str,
    /// The endpoint's host, with `:port` when the URL has a non-default port: it becomes the
    /// `Host` header unless one is given.
    pub host: &'a str,
    /// The path as sent, percent-encoded or not.
    pub path: &'a str,
    /// Raw (not percent-encoded) query pairs, in any order; repeated keys allowed.
    pub query: &'a [(&'a str, &'a str)],
    /// Headers present before signing, as (name, value).
    pub headers: &'a [(&'a str, &'a str)],
    /// The exact body bytes sent; `None` and an empty body are signed alike.
    pub body: Option<&'a [u8]>,
}

impl<'a> SigningRequest<'a> {
    /// A request with no query, no headers and no body.
    pub fn new(method: &'a str, host: &'a str, path: &'a str) -> Self {
        Self {
            method,
            host,
            path,
            query: &[],
            headers: &[],
            body: None,
        }
    }

    /// Sets the raw query pairs.
    pub fn with_query(mut self, query: &'a [(&'a str, &'a str)]) -> Self {
        self.query = query;
        self
    }

    /// Sets the headers present before signing.
    pub fn with_headers(mut self, headers: &'a [(&'a str, &'a str)]) -> Self {
        self.headers = headers;
        self
    }

    /// Sets the body bytes.
    pub fn with_body(mut self, body: &'a [u8]) -> Self {
        self.body = Some(body);
        self
    }
}

/// Signs a request with SDK-HMAC-SHA256, exactly as the official SDK signer does.
///
/// Rules, beyond the canonical forms of [`canonical_uri`](crate::canonical_uri),
/// [`canonical_query`] and [`canonical_headers`](crate::canonical_headers):
/// - a caller's `X-Sdk-Date` or `Host` header (any case) is kept, and its date is the signing
///   time; otherwise both are added;
/// - credentials with a security token add `X-Security-Token`;
/// - if a header named exactly `Content-Type` has a non-empty value that does not start with
///   `application/json` or `application/bson`, `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` is added
///   (the official signer's lookup is case-sensitive, and so is this one);
/// - the payload hash is that of the body, or the trimmed value of `X-Sdk-Content-Sha256` when
///   that header is set and the body is not empty; an empty body always hashes as empty.
///
/// # Errors
/// See [`SignError`]: empty AK/SK, invalid method, host, header names or values, headers equal
/// ignoring case, an `Authorization` header already present, a malformed caller `X-Sdk-Date`,
/// or a caller header that conflicts with one the signer must add.
///
/// ```
/// use huaweicloud_signer::{Credentials, SigningRequest, SigningTime, sign};
///
/// let creds = Credentials::new("AKEXAMPLE", "SKEXAMPLE");
/// let headers = [("Content-Type", "application/json"), ("X-Domain-Id", "0123456789abcdef")];
/// let query = [("limit", "10"), ("offset", "0")];
/// let request = SigningRequest::new("GET", "bss.myhuaweicloud.com", "/v2/bills/customer-bills")
///     .with_query(&query)
///     .with_headers(&headers);
/// let out = sign(&request, &creds, SigningTime::parse("20240102T030405Z")?)?;
///
/// assert_eq!(out.signed_headers(), "content-type;host;x-domain-id;x-sdk-date");
/// assert_eq!(out.path_and_query(), "/v2/bills/customer-bills?limit=10&offset=0");
/// assert!(out.authorization().starts_with("SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders="));
/// let names: Vec<&str> = out.headers_to_add().map(|(n, _)| n).collect();
/// assert_eq!(names, ["X-Sdk-Date", "Host", "Authorization"]);
/// # Ok::<(), huaweicloud_signer::SignError>(())
/// ```
pub fn sign(
    request: &SigningRequest<'_>,
    credentials: &Credentials,
    time: SigningTime,
) -> Result<SigningOutput, SignError> {
    let ak = credentials.ak();
    if ak.is_empty() {
        return Err(SignError::MissingAccessKey);
    }
    if !is_header_value(ak) {
        return Err(SignError::InvalidAccessKey);
    }
    if credentials.sk().expose_secret().is_empty() {
        return Err(SignError::MissingSecretKey);
    }
    if !is_token(request.method) {
        return Err(SignError::InvalidMethod);
    }
    if request.host.is_empty() || !is_header_value(request.host) {
        return Err(SignError::InvalidHost);
    }

    let find = |wanted: &str| {
        request
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
    };
    if let Some((name, _)) = find(header::AUTHORIZATION) {
        return Err(SignError::ReservedHeader {
            name: (*name).to_owned(),
        });
    }

    let token = match credentials.security_token() {
        None => None,
        Some(token) => {
            if let Some((name, _)) = find(header::X_SECURITY_TOKEN) {
                return Err(SignError::HeaderConflict {
                    name: (*name).to_owned(),
                });
            }
            let token = token.expose_secret();
            if !is_header_value(token) {
                return Err(SignError::InvalidSecurityToken);
            }
            Some(token)
        }
    };

    let add_unsigned_payload = needs_unsigned_payload(request.headers)
        && match find(header::X_SDK_CONTENT_SHA256) {
            // Already says what the signer would add: nothing to do.
            Some((_, value)) if value.trim() == header::UNSIGNED_PAYLOAD => false,
            Some((name, _)) => {
                return Err(SignError::HeaderConflict {
                    name: (*name).to_owned(),
                });
            }
            None => true,
        };

    // The official signer parses the caller's date and re-formats it into the string to sign;
    // a strictly valid date is the one case where both agree with the header sent.
    let (x_sdk_date, add_date) = match find(header::X_SDK_DATE) {
        Some((_, value)) => (SigningTime::parse(value)?, false),
        None => (time, true),
    };
    let add_host = find(header::HOST).is_none();

    // What the signer adds before `Authorization`, borrowed until the output is written.
    let mut added: SmallVec<[(&'static str, &str); 4]> = SmallVec::new();
    if let Some(token) = token {
        added.push((header::X_SECURITY_TOKEN, token));
    }
    if add_unsigned_payload {
        added.push((header::X_SDK_CONTENT_SHA256, header::UNSIGNED_PAYLOAD));
    }
    if add_date {
        added.push((header::X_SDK_DATE, x_sdk_date.as_str()));
    }
    if add_host {
        added.push((header::HOST, request.host));
    }

    // Every header, sorted: the canonical headers are written from it straight into the
    // canonical request.
    let mut all_headers: SmallVec<[(&str, &str); 12]> = SmallVec::new();
    all_headers.extend_from_slice(request.headers);
    all_headers.extend(added.iter().map(|&(name, value)| (name as &str, value)));
    sort_headers(&mut all_headers)?;

    let body = request.body.unwrap_or_default();
    let body_hash;
    let payload_hash = if body.is_empty() {
        EMPTY_PAYLOAD_HASH
    } else {
        match payload_hash_override(&all_headers)? {
            Some(value) => value,
            None => {
                body_hash = HexDigest::sha256(body);
                body_hash.as_str()
            }
        }
    };

    Ok(write_output(
        request,
        credentials,
        x_sdk_date.as_str(),
        &all_headers,
        payload_hash,
        &added,
    ))
}

/// Writes the canonical request, the string to sign, the `Authorization` value, the path and
/// query, and the added header values into one buffer, and the spans of each part.
fn write_output(
    request: &SigningRequest<'_>,
    credentials: &Credentials,
    x_sdk_date: &str,
    all_headers: &[(&str, &str)],
    payload_hash: &str,
    added: &[(&'static str, &str)],
) -> SigningOutput {
    let ak = credentials.ak();
    let canonical_query = canonical_query(request.query);
    let headers_len = headers_len(all_headers);
    let mut text = String::with_capacity(
        canonical_request_capacity(request, &canonical_query, headers_len, payload_hash)
            + string_to_sign_len()
            + authorization_capacity(ak, headers_len)
            + request.path.len()
            + 1
            + canonical_query.len()
            + added.iter().map(|(_, value)| value.len()).sum::<usize>(),
    );

    let mut signed_names = String::with_capacity(headers_len);
    let (canonical_query_span, signed_headers) = push_canonical_request(
        &mut text,
        request,
        &canonical_query,
        all_headers,
        payload_hash,
        &mut signed_names,
    );
    let canonical_request = Span::since(0, &text);

    let canonical_request_hash = HexDigest::sha256(text.as_bytes());
    let start = text.len();
    text.push_str(ALGORITHM);
    text.push('\n');
    let date_start = text.len();
    text.push_str(x_sdk_date);
    let x_sdk_date_span = Span::since(date_start, &text);
    text.push('\n');
    text.push_str(canonical_request_hash.as_str());
    let string_to_sign = Span::since(start, &text);

    let signature_hex = credentials.hmac_hex(&text.as_bytes()[string_to_sign.range()]);
    let start = text.len();
    for part in [ALGORITHM, " Access=", ak, ", SignedHeaders="] {
        text.push_str(part);
    }
    text.push_str(&signed_names);
    text.push_str(", Signature=");
    let signature_start = text.len();
    text.push_str(signature_hex.as_str());
    let signature = Span::since(signature_start, &text);
    let authorization = Span::since(start, &text);

    let start = text.len();
    text.push_str(request.path);
    if !canonical_query.is_empty() {
        text.push('?');
        text.push_str(&canonical_query);
    }
    let path_and_query = Span::since(start, &text);

    let mut headers_to_add = AddedHeaders::default();
    for &(name, value) in added {
        let start = text.len();
        text.push_str(value);
        headers_to_add.push(name, Span::since(start, &text));
    }
    headers_to_add.push(header::AUTHORIZATION, authorization);

    let trimmed_headers = request
        .headers
        .iter()
        .filter(|(_, value)| trim(value).len() != value.len())
        .map(|(name, value)| ((*name).to_owned(), trim(value).to_owned()))
        .collect();

    SigningOutput {
        text,
        canonical_request,
        canonical_query: canonical_query_span,
        signed_headers,
        string_to_sign,
        x_sdk_date: x_sdk_date_span,
        authorization,
        signature,
        path_and_query,
        headers_to_add,
        trimmed_headers,
    }
}

/// The payload hash a caller set in `X-Sdk-Content-Sha256` (trimmed), used instead of the body's
/// hash when not empty.
fn payload_hash_override<'h>(headers: &[(&str, &'h str)]) -> Result<Option<&'h str>, SignError> {
    let Some((_, value)) = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(header::X_SDK_CONTENT_SHA256))
    else {
        return Ok(None);
    };
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    // The official signer hashes this value after re-decoding it as Latin-1, which garbles
    // anything but ASCII; no such value can be verified, so refuse it.
    if !value.is_ascii() {
        return Err(SignError::InvalidHeaderValue {
            name: header::X_SDK_CONTENT_SHA256.to_owned(),
        });
    }
    Ok(Some(value))
}

/// Room for the canonical request. A path without escapes or non-ASCII characters keeps its
/// length (plus a final `/`); longer ones only cost a reallocation.
fn canonical_request_capacity(
    request: &SigningRequest<'_>,
    canonical_query: &str,
    headers_len: usize,
    payload_hash: &str,
) -> usize {
    request.method.len()
        + request.path.len()
        + 1
        + canonical_query.len()
        + 2 * headers_len
        + payload_hash.len()
        + 5
}

/// `SDK-HMAC-SHA256\n<16-character date>\n<64 hex digits>`.
fn string_to_sign_len() -> usize {
    ALGORITHM.len() + 1 + 16 + 1 + 64
}

/// `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<list>, Signature=<64 hex digits>`; the list
/// is shorter than `headers_len`.
fn authorization_capacity(ak: &str, headers_len: usize) -> usize {
    ALGORITHM.len()
        + " Access=".len()
        + ak.len()
        + ", SignedHeaders=".len()
        + headers_len
        + ", Signature=".len()
        + 64
}

/// Writes the canonical request at the start of `out`, with no intermediate string per part,
/// and returns where the canonical query and the signed-header list are in it. The list is
/// also left in `signed_names`, for the `Authorization` value.
fn push_canonical_request(
    out: &mut String,
    request: &SigningRequest<'_>,
    canonical_query: &str,
    sorted_headers: &[(&str, &str)],
    payload_hash: &str,
    signed_names: &mut String,
) -> (Span, Span) {
    push_method(out, request.method);
    out.push('\n');
    push_canonical_uri(out, request.path);
    out.push('\n');
    let start = out.len();
    out.push_str(canonical_query);
    let query = Span::since(start, out);
    out.push('\n');
    push_canonical_headers(out, signed_names, sorted_headers);
    out.push('\n');
    let start = out.len();
    out.push_str(signed_names);
    let signed = Span::since(start, out);
    out.push('\n');
    out.push_str(payload_hash);
    (query, signed)
}

/// Whether the official signer would add `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`: it looks the
/// content type up under the exact key `Content-Type` and compares the raw value's prefix.
fn needs_unsigned_payload(headers: &[(&str, &str)]) -> bool {
    headers
        .iter()
        .find(|(name, _)| *name == header::CONTENT_TYPE)
        .is_some_and(|(_, value)| {
            !value.is_empty()
                && !value.starts_with("application/json")
                && !value.starts_with("application/bson")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::payload_hash;

    const SK: &str = "sk-must-never-leak";
    const TOKEN: &str = "token-must-never-leak";

    fn creds() -> Credentials {
        Credentials::new("AK", SK)
    }

    fn date() -> SigningTime {
        SigningTime::parse("20240102T030405Z").unwrap()
    }

    fn sign_with(
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Result<SigningOutput, SignError> {
        let request = SigningRequest {
            body,
            ..SigningRequest::new("POST", "h.example", "/p").with_headers(headers)
        };
        sign(&request, &creds(), date())
    }

    fn added_names(out: &SigningOutput) -> Vec<&'static str> {
        out.headers_to_add().map(|(n, _)| n).collect()
    }

    #[test]
    fn adds_date_host_and_authorization() {
        let out = sign_with(&[("Content-Type", "application/json")], Some(b"{}")).unwrap();
        assert_eq!(added_names(&out), ["X-Sdk-Date", "Host", "Authorization"]);
        assert_eq!(out.headers_to_add().next().unwrap().1, "20240102T030405Z");
        assert_eq!(out.headers_to_add().nth(1).unwrap().1, "h.example");
        assert_eq!(out.headers_to_add().nth(2).unwrap().1, out.authorization());
        assert_eq!(out.signed_headers(), "content-type;host;x-sdk-date");
        assert!(out.canonical_request().ends_with(&payload_hash(b"{}")));
        assert_eq!(
            out.authorization(),
            format!(
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date, Signature={}",
                out.signature()
            )
        );
    }

    #[test]
    fn keeps_caller_date_and_host_in_any_case() {
        let out = sign_with(
            &[("x-SDK-date", "20991231T235959Z"), ("HOST", "other:81")],
            None,
        )
        .unwrap();
        assert_eq!(added_names(&out), ["Authorization"]);
        assert_eq!(out.x_sdk_date(), "20991231T235959Z");
        assert!(out.string_to_sign().contains("\n20991231T235959Z\n"));
        assert!(out.canonical_request().contains("\nhost:other:81\n"));
    }

    #[test]
    fn rejects_malformed_caller_date() {
        let err = sign_with(&[("X-Sdk-Date", " 20240102T030405Z")], None).unwrap_err();
        assert!(matches!(err, SignError::InvalidDate { .. }));
    }

    #[test]
    fn security_token_is_added_and_signed() {
        let request = SigningRequest::new("GET", "h", "/");
        let out = sign(&request, &creds().with_security_token(TOKEN), date()).unwrap();
        assert_eq!(
            added_names(&out),
            ["X-Security-Token", "X-Sdk-Date", "Host", "Authorization"]
        );
        assert_eq!(out.headers_to_add().next().unwrap().1, TOKEN);
        assert_eq!(out.signed_headers(), "host;x-sdk-date;x-security-token");

        // Same signature as a caller-set header would give.
        let headers = [("X-Security-Token", TOKEN)];
        let plain = sign(&request.with_headers(&headers), &creds(), date()).unwrap();
        assert_eq!(plain.authorization(), out.authorization());
    }

    #[test]
    fn security_token_header_conflicts_with_credentials_token() {
        let headers = [("x-security-token", "other")];
        let request = SigningRequest::new("GET", "h", "/").with_headers(&headers);
        let err = sign(&request, &creds().with_security_token(TOKEN), date()).unwrap_err();
        assert_eq!(
            err,
            SignError::HeaderConflict {
                name: "x-security-token".into()
            }
        );
    }

    #[test]
    fn authorization_must_not_be_preset() {
        let err = sign_with(&[("authorization", "x")], None).unwrap_err();
        assert_eq!(
            err,
            SignError::ReservedHeader {
                name: "authorization".into()
            }
        );
    }

    #[test]
    fn case_duplicates_are_rejected() {
        let err = sign_with(&[("X-A", "1"), ("x-a", "2")], None).unwrap_err();
        assert_eq!(err, SignError::DuplicateHeader { name: "x-a".into() });
        // Also against a header the signer adds.
        let headers = [("host", "a")];
        let request = SigningRequest::new("GET", "h", "/").with_headers(&headers);
        assert!(sign(&request, &creds(), date()).is_ok());
    }

    #[test]
    fn underscore_headers_are_not_signed() {
        let out = sign_with(&[("X_Trace", "1"), ("X-Ok", "2")], None).unwrap();
        assert_eq!(out.signed_headers(), "host;x-ok;x-sdk-date");
        assert!(!out.canonical_request().contains("x_trace"));
    }

    #[test]
    fn unsigned_payload_for_non_json_content_type() {
        let out = sign_with(&[("Content-Type", "text/plain")], Some(b"hello")).unwrap();
        assert_eq!(
            added_names(&out),
            [
                "X-Sdk-Content-Sha256",
                "X-Sdk-Date",
                "Host",
                "Authorization"
            ]
        );
        assert!(out.canonical_request().ends_with("\nUNSIGNED-PAYLOAD"));

        // An empty body hashes as empty even then.
        let out = sign_with(&[("Content-Type", "text/plain")], None).unwrap();
        assert!(out.canonical_request().ends_with(EMPTY_PAYLOAD_HASH));
        assert!(out.signed_headers().contains("x-sdk-content-sha256"));

        // JSON and BSON prefixes are signed.
        for ct in [
            "application/json",
            "application/json;charset=UTF-8",
            "application/bson",
        ] {
            let out = sign_with(&[("Content-Type", ct)], Some(b"x")).unwrap();
            assert_eq!(
                added_names(&out),
                ["X-Sdk-Date", "Host", "Authorization"],
                "{ct}"
            );
        }
    }

    #[test]
    fn unsigned_payload_lookup_is_case_sensitive_like_the_official_signer() {
        let out = sign_with(&[("content-type", "text/plain")], Some(b"x")).unwrap();
        assert_eq!(added_names(&out), ["X-Sdk-Date", "Host", "Authorization"]);
    }

    #[test]
    fn caller_unsigned_payload_is_accepted_other_values_conflict() {
        let headers = [
            ("Content-Type", "text/plain"),
            ("x-sdk-content-sha256", " UNSIGNED-PAYLOAD "),
        ];
        let out = sign_with(&headers, Some(b"x")).unwrap();
        assert_eq!(added_names(&out), ["X-Sdk-Date", "Host", "Authorization"]);
        assert!(out.canonical_request().ends_with("\nUNSIGNED-PAYLOAD"));

        let headers = [
            ("Content-Type", "text/plain"),
            ("X-Sdk-Content-Sha256", "abc"),
        ];
        assert_eq!(
            sign_with(&headers, Some(b"x")).unwrap_err(),
            SignError::HeaderConflict {
                name: "X-Sdk-Content-Sha256".into()
            }
        );
    }

    #[test]
    fn non_ascii_payload_hash_override_is_refused() {
        let headers = [("X-Sdk-Content-Sha256", "é")];
        assert!(matches!(
            sign_with(&headers, Some(b"x")),
            Err(SignError::InvalidHeaderValue { .. })
        ));
        // Not used as the hash for an empty body: just a header then.
        assert!(sign_with(&headers, None).is_ok());
    }

    #[test]
    fn trimmed_headers_report_padded_values() {
        let out = sign_with(&[("X-A", " a "), ("X-B", "b"), ("X-C", "\u{3000}c")], None).unwrap();
        assert_eq!(
            out.trimmed_headers(),
            [
                ("X-A".to_owned(), "a".to_owned()),
                ("X-C".to_owned(), "c".to_owned())
            ]
        );
    }

    #[test]
    fn path_and_query() {
        let query = [("b", "2"), ("a", "x y")];
        let request = SigningRequest::new("GET", "h", "/v2/a b").with_query(&query);
        let out = sign(&request, &creds(), date()).unwrap();
        assert_eq!(out.canonical_query(), "a=x%20y&b=2");
        assert_eq!(out.path_and_query(), "/v2/a b?a=x%20y&b=2");
        let out = sign(&SigningRequest::new("GET", "h", "/x"), &creds(), date()).unwrap();
        assert_eq!(out.path_and_query(), "/x");
    }

    #[test]
    fn invalid_inputs_are_typed_errors() {
        let ok = SigningRequest::new("GET", "h", "/");
        let cases: [(SigningRequest<'_>, Credentials, SignError); 6] = [
            (ok, Credentials::new("", SK), SignError::MissingAccessKey),
            (ok, Credentials::new("AK", ""), SignError::MissingSecretKey),
            (
                ok,
                Credentials::new("A\nK", SK),
                SignError::InvalidAccessKey,
            ),
            (
                ok,
                creds().with_security_token("t\r\nX: y"),
                SignError::InvalidSecurityToken,
            ),
            (
                SigningRequest::new("GE T", "h", "/"),
                creds(),
                SignError::InvalidMethod,
            ),
            (
                SigningRequest::new("GET", "", "/"),
                creds(),
                SignError::InvalidHost,
            ),
        ];
        for (request, credentials, expected) in cases {
            assert_eq!(sign(&request, &credentials, date()).unwrap_err(), expected);
        }
    }

    #[test]
    fn errors_never_contain_secrets() {
        let secret_value = "value-must-never-leak";
        let attempts: Vec<Result<SigningOutput, SignError>> = vec![
            sign_with(&[("X-Auth", "bad\nvalue-must-never-leak")], None),
            sign_with(
                &[("X-Sdk-Content-Sha256", "é-value-must-never-leak")],
                Some(b"x"),
            ),
            sign(
                &SigningRequest::new("GET", "h", "/"),
                &creds().with_security_token("token-must-never-leak\n"),
                date(),
            ),
            sign(
                &SigningRequest::new("GET", "h", "/").with_headers(&[("X-Security-Token", "t")]),
                &creds().with_security_token(TOKEN),
                date(),
            ),
        ];
        for attempt in attempts {
            let err = attempt.unwrap_err();
            for text in [err.to_string(), format!("{err:?}")] {
                for secret in [SK, TOKEN, secret_value] {
                    assert!(!text.contains(secret), "{text}");
                }
            }
        }
    }

    #[test]
    fn output_debug_redacts_the_token() {
        let request = SigningRequest::new("GET", "h", "/");
        let out = sign(&request, &creds().with_security_token(TOKEN), date()).unwrap();
        assert!(out.canonical_request().contains(TOKEN));
        let debug = format!("{out:?}");
        assert!(!debug.contains(TOKEN), "{debug}");
        assert!(!debug.contains(SK));
        assert!(debug.contains(r"x-security-token:[REDACTED]"), "{debug}");
        assert!(
            debug.contains(r#"("X-Security-Token", "[REDACTED]")"#),
            "{debug}"
        );
    }

    /// Deterministic xorshift stream of awkward characters: every input must give `Ok` or a
    /// typed error, never a panic.
    #[test]
    fn arbitrary_inputs_never_panic() {
        const ALPHABET: &[char] = &[
            'a', 'Z', '0', '-', '_', '.', '~', ' ', '\t', '\r', '\n', '\0', '\u{7f}', '%', '+',
            '&', '=', '?', '#', '/', ':', ';', ',', '"', '\\', 'é', '中', '😀', '\u{85}',
            '\u{3000}', '\u{fffd}', 'F', 'f', '2',
        ];
        struct Rng(u64);
        impl Rng {
            fn next(&mut self) -> u64 {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                self.0
            }
            fn text(&mut self, max: u64) -> String {
                let len = self.next() % (max + 1);
                (0..len)
                    .map(|_| ALPHABET[(self.next() % ALPHABET.len() as u64) as usize])
                    .collect()
            }
        }
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let (method, host, path) = (rng.text(4), rng.text(6), rng.text(12));
            let (k, v) = (rng.text(4), rng.text(4));
            let (n1, v1, n2, v2) = (rng.text(4), rng.text(6), rng.text(4), rng.text(6));
            let (ak, sk, token) = (rng.text(3), rng.text(3), rng.text(3));
            let (body, x_sdk_date) = (rng.text(8), rng.text(16));
            let query = [(k.as_str(), v.as_str())];
            let headers = [
                (n1.as_str(), v1.as_str()),
                (n2.as_str(), v2.as_str()),
                ("Content-Type", v1.as_str()),
                ("X-Sdk-Date", x_sdk_date.as_str()),
            ];
            let request = SigningRequest::new(&method, &host, &path)
                .with_query(&query)
                .with_headers(&headers[..(rng.next() % 5) as usize])
                .with_body(body.as_bytes());
            let credentials = Credentials::new(ak, sk).with_security_token(token);
            let _ = sign(&request, &credentials, date());
            let _ = SigningTime::parse(&x_sdk_date);
        }
    }
}

//! What signing produced, kept in one buffer: every intermediate string is a slice of it, so
//! signing a request allocates once for its text instead of once per string.

use std::fmt;
use std::ops::Range;

use crate::header;

/// Everything signing produced: the intermediate strings (for debugging and conformance tests)
/// and what the caller must change on the request before sending it.
///
/// `Debug` redacts the security token wherever it appears.
///
/// ```
/// use huaweicloud_signer::{Credentials, SigningRequest, SigningTime, sign};
///
/// let creds = Credentials::new("AKEXAMPLE", "SKEXAMPLE");
/// let request = SigningRequest::new("GET", "bss.myhuaweicloud.com", "/v2/x");
/// let out = sign(&request, &creds, SigningTime::parse("20240102T030405Z")?)?;
///
/// assert_eq!(out.x_sdk_date(), "20240102T030405Z");
/// assert!(out.string_to_sign().starts_with("SDK-HMAC-SHA256\n20240102T030405Z\n"));
/// assert!(out.authorization().ends_with(out.signature()));
/// # Ok::<(), huaweicloud_signer::SignError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SigningOutput {
    // Filled in by `crate::sign`: the text it wrote, and where each part is in it.
    pub(crate) text: String,
    pub(crate) canonical_request: Span,
    pub(crate) canonical_query: Span,
    pub(crate) signed_headers: Span,
    pub(crate) string_to_sign: Span,
    pub(crate) x_sdk_date: Span,
    pub(crate) authorization: Span,
    pub(crate) signature: Span,
    pub(crate) path_and_query: Span,
    pub(crate) headers_to_add: AddedHeaders,
    pub(crate) trimmed_headers: Vec<(String, String)>,
}

/// A byte range of [`SigningOutput::text`]; `Range` is not `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// The text written to `text` since `start`.
    pub(crate) fn since(start: usize, text: &str) -> Self {
        Self {
            start,
            end: text.len(),
        }
    }

    pub(crate) fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// At most five headers are added (token, content hash, date, host, authorization): kept inline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct AddedHeaders {
    entries: [(&'static str, Span); 5],
    len: usize,
}

impl AddedHeaders {
    pub(crate) fn push(&mut self, name: &'static str, value: Span) {
        self.entries[self.len] = (name, value);
        self.len += 1;
    }

    fn as_slice(&self) -> &[(&'static str, Span)] {
        &self.entries[..self.len]
    }
}

impl SigningOutput {
    fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The `X-Sdk-Date` signed: the caller's header if it had one, else the signing time.
    pub fn x_sdk_date(&self) -> &str {
        self.slice(self.x_sdk_date)
    }

    /// The canonical query string; the query actually sent must be exactly this.
    pub fn canonical_query(&self) -> &str {
        self.slice(self.canonical_query)
    }

    /// The path as given, then `?` and the canonical query if it is not empty: the request
    /// target to send.
    pub fn path_and_query(&self) -> &str {
        self.slice(self.path_and_query)
    }

    /// The canonical request.
    pub fn canonical_request(&self) -> &str {
        self.slice(self.canonical_request)
    }

    /// The string to sign.
    pub fn string_to_sign(&self) -> &str {
        self.slice(self.string_to_sign)
    }

    /// The signed header names, `;`-separated.
    pub fn signed_headers(&self) -> &str {
        self.slice(self.signed_headers)
    }

    /// The hex signature.
    pub fn signature(&self) -> &str {
        self.slice(self.signature)
    }

    /// The `Authorization` header value.
    pub fn authorization(&self) -> &str {
        self.slice(self.authorization)
    }

    /// Headers to add to the request, in the order the official signer adds them: any of
    /// `X-Security-Token`, `X-Sdk-Content-Sha256`, `X-Sdk-Date`, `Host`, then always
    /// `Authorization`.
    pub fn headers_to_add(&self) -> impl ExactSizeIterator<Item = (&'static str, &str)> + '_ {
        self.headers_to_add
            .as_slice()
            .iter()
            .map(|&(name, value)| (name, self.slice(value)))
    }

    /// The caller's headers whose value had surrounding whitespace, with the trimmed value to
    /// send instead (the value that was signed; the official SDK sends it trimmed too).
    pub fn trimmed_headers(&self) -> &[(String, String)] {
        &self.trimmed_headers
    }
}

impl fmt::Debug for SigningOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The security token is signed, so it shows up in the canonical request and in the
        // header lists; keep it out of logs.
        fn is_token_header(name: &str) -> bool {
            name.eq_ignore_ascii_case(header::X_SECURITY_TOKEN)
        }
        let redact = |name: &str, value: &str| -> String {
            if is_token_header(name) {
                "[REDACTED]".to_owned()
            } else {
                value.to_owned()
            }
        };
        let canonical_request: Vec<String> = self
            .canonical_request()
            .split('\n')
            .map(|line| match line.split_once(':') {
                Some((name, _)) if is_token_header(name) => format!("{name}:[REDACTED]"),
                _ => line.to_owned(),
            })
            .collect();
        let added: Vec<(&str, String)> = self
            .headers_to_add()
            .map(|(n, v)| (n, redact(n, v)))
            .collect();
        let trimmed: Vec<(&str, String)> = self
            .trimmed_headers
            .iter()
            .map(|(n, v)| (n.as_str(), redact(n, v)))
            .collect();
        f.debug_struct("SigningOutput")
            .field("x_sdk_date", &self.x_sdk_date())
            .field("canonical_query", &self.canonical_query())
            .field("path_and_query", &self.path_and_query())
            .field("canonical_request", &canonical_request.join("\n"))
            .field("string_to_sign", &self.string_to_sign())
            .field("signed_headers", &self.signed_headers())
            .field("signature", &self.signature())
            .field("authorization", &self.authorization())
            .field("headers_to_add", &added)
            .field("trimmed_headers", &trimmed)
            .finish()
    }
}

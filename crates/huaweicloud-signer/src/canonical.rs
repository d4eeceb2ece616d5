//! The canonical forms of a request's parts, as the official signer builds them.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use sha2::{Digest, Sha256};

use crate::SignError;
use crate::validate::{is_header_value, is_token, trim};

/// Bytes percent-encoded in URI segments, query keys and values: all but `A-Z a-z 0-9 - _ . ~`
/// (the official signer's `quote(s, safe='~')`).
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `ENCODED`, but keeping `/`: encoding a decoded path whole gives the same result as splitting
/// it on `/` and encoding each segment.
const ENCODED_PATH: &AsciiSet = &ENCODED.remove(b'/');

/// Hex SHA-256 of the empty string: the payload hash of a request without a body.
pub const EMPTY_PAYLOAD_HASH: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The canonical URI: the path percent-decoded, then each `/`-separated segment
/// percent-encoded (upper-case hex of UTF-8, only `A-Z a-z 0-9 - _ . ~` literal), with a `/`
/// appended if missing.
///
/// Decoding is lenient, as in the official signer: a `%` not followed by two hex digits stays
/// literal (and is then encoded as `%25`), and decoded bytes that are not UTF-8 become U+FFFD.
/// An encoded slash (`%2F`) therefore becomes a segment separator. An empty path gives `/`
/// (the official signer fails on it).
///
/// ```
/// use huaweicloud_signer::canonical_uri;
///
/// assert_eq!(canonical_uri("/v2/partners/sub-customers"), "/v2/partners/sub-customers/");
/// assert_eq!(canonical_uri("/v2/a b/客户/"), "/v2/a%20b/%E5%AE%A2%E6%88%B7/");
/// assert_eq!(canonical_uri("/v2/a%20b"), "/v2/a%20b/");
/// ```
pub fn canonical_uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len() + 1);
    push_canonical_uri(&mut uri, path);
    uri
}

/// Appends the canonical URI of `path` to `out` (see [`canonical_uri`]), so that the signer can
/// write it straight into the canonical request.
pub(crate) fn push_canonical_uri(out: &mut String, path: &str) {
    let start = out.len();
    // Most paths hold no escape: skip the decoder's scan and UTF-8 re-check for them.
    let decoded = if path.contains('%') {
        percent_decode_str(path).decode_utf8_lossy()
    } else {
        Cow::Borrowed(path)
    };
    out.extend(utf8_percent_encode(&decoded, ENCODED_PATH));
    if !out[start..].ends_with('/') {
        out.push('/');
    }
}

/// The canonical query string: the raw (unencoded) pairs sorted by key then value, each written
/// `enc(key)=enc(value)` and joined by `&`. Space is `%20`, an empty value gives `key=`,
/// repeated keys stay repeated. This is also the query string to send.
///
/// ```
/// use huaweicloud_signer::canonical_query;
///
/// let q = canonical_query(&[("limit", "10"), ("ids", "b"), ("ids", "a"), ("name", "a b+c")]);
/// assert_eq!(q, "ids=a&ids=b&limit=10&name=a%20b%2Bc");
/// assert_eq!(canonical_query(&[("flag", "")]), "flag=");
/// assert_eq!(canonical_query(&[]), "");
/// ```
pub fn canonical_query(pairs: &[(&str, &str)]) -> String {
    // Most BSS calls have no query: return without allocating.
    if pairs.is_empty() {
        return String::new();
    }
    let mut sorted: Vec<&(&str, &str)> = pairs.iter().collect();
    // `str` orders by UTF-8 bytes, which is code-point order: the order Python sorts strings in.
    sorted.sort_unstable();
    let raw_len: usize = pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    let mut query = String::with_capacity(raw_len);
    for (i, (key, value)) in sorted.into_iter().enumerate() {
        if i > 0 {
            query.push('&');
        }
        query.extend(utf8_percent_encode(key, ENCODED));
        query.push('=');
        query.extend(utf8_percent_encode(value, ENCODED));
    }
    query
}

/// Canonical headers and the matching signed-header list, see [`canonical_headers`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CanonicalHeaders {
    /// `name:value\n` for every signed header, sorted by lower-cased name.
    pub canonical: String,
    /// The lower-cased names of the signed headers, sorted, joined by `;`.
    pub signed: String,
}

/// Builds the canonical headers and the signed-header list from the complete header set (the
/// caller's headers plus those the signer adds).
///
/// Every header whose name contains no `_` is signed: its name lower-cased, its value trimmed of
/// surrounding whitespace. Headers with `_` are sent but not signed.
///
/// # Errors
/// [`SignError::InvalidHeaderName`] for a name that is not an HTTP token,
/// [`SignError::InvalidHeaderValue`] for a value with control characters other than tab, and
/// [`SignError::DuplicateHeader`] when two names are equal ignoring case.
///
/// ```
/// use huaweicloud_signer::canonical_headers;
///
/// let h = canonical_headers(&[
///     ("X-Sdk-Date", "20240102T030405Z"),
///     ("Host", "bss.myhuaweicloud.com"),
///     ("Content-Type", "  application/json "),
///     ("X_Trace_Id", "not signed"),
/// ])?;
/// assert_eq!(h.signed, "content-type;host;x-sdk-date");
/// assert_eq!(
///     h.canonical,
///     "content-type:application/json\nhost:bss.myhuaweicloud.com\nx-sdk-date:20240102T030405Z\n"
/// );
/// # Ok::<(), huaweicloud_signer::SignError>(())
/// ```
pub fn canonical_headers(headers: &[(&str, &str)]) -> Result<CanonicalHeaders, SignError> {
    let mut sorted = headers.to_vec();
    sort_headers(&mut sorted)?;
    let capacity = headers_len(&sorted);
    let mut canonical = String::with_capacity(capacity);
    let mut signed = String::with_capacity(capacity);
    push_canonical_headers(&mut canonical, &mut signed, &sorted);
    Ok(CanonicalHeaders { canonical, signed })
}

/// Checks every header (in the caller's order, so the first bad one is reported), then sorts
/// them in place by lower-cased name and refuses names equal ignoring case: the signer sorts
/// its own list this way instead of copying it.
pub(crate) fn sort_headers(headers: &mut [(&str, &str)]) -> Result<(), SignError> {
    for &(name, value) in headers.iter() {
        if !is_token(name) {
            return Err(SignError::InvalidHeaderName {
                name: name.to_owned(),
            });
        }
        if !is_header_value(value) {
            return Err(SignError::InvalidHeaderValue {
                name: name.to_owned(),
            });
        }
    }
    // Compare lower-cased without allocating: names are ASCII tokens, so this is the order of
    // the lower-cased strings.
    headers.sort_unstable_by(|a, b| cmp_lowered(a.0, b.0));
    if let Some(pair) = headers
        .windows(2)
        .find(|pair| pair[0].0.eq_ignore_ascii_case(pair[1].0))
    {
        return Err(SignError::DuplicateHeader {
            name: pair[0].0.to_ascii_lowercase(),
        });
    }
    Ok(())
}

/// Bytes of `name:value\n` over all headers: enough room for the canonical headers, and for
/// the signed-header list.
pub(crate) fn headers_len(headers: &[(&str, &str)]) -> usize {
    headers
        .iter()
        .map(|(name, value)| name.len() + value.len() + 2)
        .sum()
}

/// Appends the canonical headers of headers already checked and sorted by [`sort_headers`] to
/// `canonical`, and their `;`-separated lower-cased names to `signed` (see
/// [`canonical_headers`]). Headers whose name holds `_` are skipped.
pub(crate) fn push_canonical_headers(
    canonical: &mut String,
    signed: &mut String,
    sorted: &[(&str, &str)],
) {
    for (name, value) in sorted.iter().filter(|(name, _)| !name.contains('_')) {
        let start = canonical.len();
        canonical.push_str(name);
        canonical[start..].make_ascii_lowercase();
        canonical.push(':');
        // Values are free of control characters other than tab here, so `trim` strips exactly
        // what Python's `str.strip` strips in the official signer.
        canonical.push_str(trim(value));
        canonical.push('\n');
        if !signed.is_empty() {
            signed.push(';');
        }
        signed.push_str(&canonical[start..start + name.len()]);
    }
}

/// The order of `a` and `b` lower-cased, without lower-casing them: names are ASCII tokens.
fn cmp_lowered(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.iter()
        .zip(b)
        .map(|(x, y)| x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()))
        .find(|order| order.is_ne())
        .unwrap_or_else(|| a.len().cmp(&b.len()))
}

/// Lower-case hex SHA-256 of the body bytes exactly as sent.
///
/// ```
/// use huaweicloud_signer::{EMPTY_PAYLOAD_HASH, payload_hash};
///
/// assert_eq!(payload_hash(b""), EMPTY_PAYLOAD_HASH);
/// ```
pub fn payload_hash(body: &[u8]) -> String {
    HexDigest::sha256(body).as_str().to_owned()
}

/// Lower-case hex of a 32-byte digest, kept on the stack: the signer copies it straight into
/// the string it builds instead of allocating a `String` per hash.
pub(crate) struct HexDigest(const_hex::Buffer<32>);

impl HexDigest {
    /// The hex of a SHA-256 or HMAC-SHA256 output.
    pub(crate) fn new(digest: &[u8; 32]) -> Self {
        let mut hex = const_hex::Buffer::new();
        hex.format(digest);
        Self(hex)
    }

    /// The hex SHA-256 of `data`.
    pub(crate) fn sha256(data: &[u8]) -> Self {
        Self::new(&Sha256::digest(data).into())
    }

    pub(crate) fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// Joins the parts of the canonical request:
/// `METHOD\nURI\nQUERY\nCANONICAL_HEADERS\nSIGNED_HEADERS\nPAYLOAD_HASH`, with the method
/// upper-cased. `canonical_headers` ends in `\n`, so a blank line precedes the signed headers.
///
/// ```
/// use huaweicloud_signer::{EMPTY_PAYLOAD_HASH, canonical_request};
///
/// let cr = canonical_request("get", "/v2/x/", "a=1", "host:h\n", "host", EMPTY_PAYLOAD_HASH);
/// assert_eq!(cr, format!("GET\n/v2/x/\na=1\nhost:h\n\nhost\n{EMPTY_PAYLOAD_HASH}"));
/// ```
pub fn canonical_request(
    method: &str,
    canonical_uri: &str,
    canonical_query: &str,
    canonical_headers: &str,
    signed_headers: &str,
    payload_hash: &str,
) -> String {
    let mut out = String::with_capacity(
        method.len()
            + canonical_uri.len()
            + canonical_query.len()
            + canonical_headers.len()
            + signed_headers.len()
            + payload_hash.len()
            + 5,
    );
    push_method(&mut out, method);
    for part in [
        canonical_uri,
        canonical_query,
        canonical_headers,
        signed_headers,
        payload_hash,
    ] {
        out.push('\n');
        out.push_str(part);
    }
    out
}

/// Appends the method upper-cased, the first line of the canonical request.
pub(crate) fn push_method(out: &mut String, method: &str) {
    out.extend(method.chars().map(|c| c.to_ascii_uppercase()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_appends_trailing_slash_once() {
        assert_eq!(canonical_uri("/v2/x"), "/v2/x/");
        assert_eq!(canonical_uri("/v2/x/"), "/v2/x/");
        assert_eq!(canonical_uri("/"), "/");
        assert_eq!(canonical_uri(""), "/");
        assert_eq!(canonical_uri("//"), "//");
    }

    #[test]
    fn uri_reencodes_reserved_and_unicode() {
        assert_eq!(canonical_uri("/a b/c+d/e=f;g"), "/a%20b/c%2Bd/e%3Df%3Bg/");
        assert_eq!(canonical_uri("/~user/a-b_c.d"), "/~user/a-b_c.d/");
        assert_eq!(canonical_uri("/%e4%b8%ad"), "/%E4%B8%AD/");
        assert_eq!(canonical_uri("/中"), "/%E4%B8%AD/");
        assert_eq!(canonical_uri("/😀"), "/%F0%9F%98%80/");
    }

    #[test]
    fn uri_decodes_encoded_slash_into_a_separator() {
        assert_eq!(canonical_uri("/a%2Fb"), "/a/b/");
        assert_eq!(canonical_uri("/a%2fb/"), "/a/b/");
    }

    #[test]
    fn uri_keeps_malformed_escapes_literal() {
        assert_eq!(canonical_uri("/%zz/%4/100%"), "/%25zz/%254/100%25/");
        assert_eq!(canonical_uri("/%2520"), "/%2520/");
    }

    #[test]
    fn uri_replaces_invalid_utf8_like_python() {
        // One U+FFFD per maximal invalid subsequence, as Python's errors="replace".
        assert_eq!(canonical_uri("/%FF"), "/%EF%BF%BD/");
        assert_eq!(canonical_uri("/%E4%B8"), "/%EF%BF%BD/");
        assert_eq!(canonical_uri("/%C0%80"), "/%EF%BF%BD%EF%BF%BD/");
        assert_eq!(canonical_uri("/%E4%B8中"), "/%EF%BF%BD%E4%B8%AD/");
    }

    #[test]
    fn query_empty() {
        assert_eq!(canonical_query(&[]), "");
    }

    #[test]
    fn query_empty_value_and_key() {
        assert_eq!(canonical_query(&[("k", "")]), "k=");
        assert_eq!(canonical_query(&[("", "v")]), "=v");
        assert_eq!(canonical_query(&[("", "")]), "=");
    }

    #[test]
    fn query_space_is_percent_20() {
        assert_eq!(canonical_query(&[("a b", "c d")]), "a%20b=c%20d");
        assert_eq!(canonical_query(&[("q", "+")]), "q=%2B");
    }

    #[test]
    fn query_sorts_by_key_then_value_and_keeps_repeats() {
        let q = canonical_query(&[("b", "2"), ("a", "z"), ("a", "y"), ("B", "1"), ("a", "y")]);
        assert_eq!(q, "B=1&a=y&a=y&a=z&b=2");
    }

    #[test]
    fn query_sorts_raw_strings_not_encoded_ones() {
        // Order is that of the raw strings: '%' (0x25) < 'a' < '~' (0x7E) < 'é' (U+00E9).
        let q = canonical_query(&[("k", "~"), ("k", "a"), ("k", "%"), ("k", "é")]);
        assert_eq!(q, "k=%25&k=a&k=~&k=%C3%A9");
    }

    #[test]
    fn query_encodes_reserved() {
        let q = canonical_query(&[("x", "a&b=c/d?e#f%g!*'()")]);
        assert_eq!(q, "x=a%26b%3Dc%2Fd%3Fe%23f%25g%21%2A%27%28%29");
    }

    #[test]
    fn headers_lowercase_sort_trim_and_skip_underscores() {
        let h = canonical_headers(&[
            ("X-B", "\t two  words \t"),
            ("x-a", "1"),
            ("X_Skip", "x"),
            ("X-Empty", ""),
            ("X-Ideographic", "\u{3000}v\u{a0}"),
        ])
        .unwrap();
        assert_eq!(h.signed, "x-a;x-b;x-empty;x-ideographic");
        assert_eq!(
            h.canonical,
            "x-a:1\nx-b:two  words\nx-empty:\nx-ideographic:v\n"
        );
    }

    #[test]
    fn headers_empty_set() {
        let h = canonical_headers(&[]).unwrap();
        assert_eq!((h.canonical.as_str(), h.signed.as_str()), ("", ""));
    }

    #[test]
    fn headers_reject_case_duplicates() {
        let err = canonical_headers(&[("X-A", "1"), ("b", "2"), ("x-a", "1")]).unwrap_err();
        assert_eq!(err, SignError::DuplicateHeader { name: "x-a".into() });
        let err = canonical_headers(&[("X_A", "1"), ("x_a", "1")]).unwrap_err();
        assert_eq!(err, SignError::DuplicateHeader { name: "x_a".into() });
    }

    #[test]
    fn headers_reject_invalid_names_and_values() {
        assert_eq!(
            canonical_headers(&[("Bad Name", "v")]).unwrap_err(),
            SignError::InvalidHeaderName {
                name: "Bad Name".into()
            }
        );
        assert_eq!(
            canonical_headers(&[("", "v")]).unwrap_err(),
            SignError::InvalidHeaderName { name: "".into() }
        );
        let err = canonical_headers(&[("X-Inject", "v\r\nEvil: 1")]).unwrap_err();
        assert_eq!(
            err,
            SignError::InvalidHeaderValue {
                name: "X-Inject".into()
            }
        );
        assert!(!err.to_string().contains("Evil"));
    }

    #[test]
    fn trim_matches_python_strip_on_valid_values() {
        // Python's str.isspace() set minus the control characters a header value cannot hold.
        let python_space = [
            0x09, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
            0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
        ];
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            let s = c.to_string();
            if !is_header_value(&s) {
                continue;
            }
            assert_eq!(
                c.is_whitespace(),
                python_space.contains(&u32::from(c)),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn payload_hash_of_known_input() {
        assert_eq!(
            payload_hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn canonical_request_layout() {
        let cr = canonical_request("POST", "/a/", "", "host:h\nx-a:1\n", "host;x-a", "abc");
        assert_eq!(cr, "POST\n/a/\n\nhost:h\nx-a:1\n\nhost;x-a\nabc");
    }
}

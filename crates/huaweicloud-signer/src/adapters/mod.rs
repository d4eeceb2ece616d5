//! Adapters that sign the request types of HTTP libraries in place, built on [`crate::sign`].

use std::borrow::Cow;

use ::http::header::{AUTHORIZATION, CONTENT_TYPE, HOST, HeaderMap, HeaderName, HeaderValue};
use percent_encoding::percent_decode_str;
use smallvec::SmallVec;

use crate::{SignError, SigningOutput, header};

pub(crate) mod http;
#[cfg(feature = "reqwest")]
pub(crate) mod reqwest;

/// `host[:port]` as hyper writes the `Host` header: the port only when it is not the default of
/// the scheme (443 for `https`/`wss`, 80 otherwise).
fn host_header_value<'a>(scheme: Option<&str>, host: &'a str, port: Option<u16>) -> Cow<'a, str> {
    let secure = matches!(scheme, Some("https" | "wss"));
    match (port, secure) {
        (None, _) | (Some(443), true) | (Some(80), false) => Cow::Borrowed(host),
        (Some(port), _) => Cow::Owned(format!("{host}:{port}")),
    }
}

/// A decoded query (key, value), borrowed from the URL when nothing needed decoding.
type QueryPair<'a> = (Cow<'a, str>, Cow<'a, str>);

/// Splits a URL query into raw pairs with `application/x-www-form-urlencoded` rules (`+` is a
/// space), which is how `reqwest`'s `query()` and the `url` crate write them. A piece without
/// `=` is a key with an empty value; empty pieces are skipped.
fn decode_query(query: &str) -> Result<Vec<QueryPair<'_>>, SignError> {
    query
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
            Ok((decode_component(key)?, decode_component(value)?))
        })
        .collect()
}

/// Form-decodes one key or value. UTF-8 is required: replacing bad bytes would sign (and send)
/// something else than what was asked for.
fn decode_component(s: &str) -> Result<Cow<'_, str>, SignError> {
    if !s.contains('+') {
        return percent_decode_str(s)
            .decode_utf8()
            .map_err(|_| SignError::InvalidQuery);
    }
    let spaced = s.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(|decoded| Cow::Owned(decoded.into_owned()))
        .map_err(|_| SignError::InvalidQuery)
}

/// Borrows a header map as (name, value) pairs for [`crate::sign`].
///
/// `http` lower-cases every name, but the official signer only notices a content type stored
/// under `Content-Type` (its client always stores it so): present it under that name so that a
/// non-JSON body gets `UNSIGNED-PAYLOAD` as with the official client.
fn borrow_headers(headers: &HeaderMap) -> Result<SmallVec<[(&str, &str); 12]>, SignError> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = std::str::from_utf8(value.as_bytes()).map_err(|_| {
                SignError::InvalidHeaderValue {
                    name: name.as_str().to_owned(),
                }
            })?;
            let name = if name == CONTENT_TYPE {
                header::CONTENT_TYPE
            } else {
                name.as_str()
            };
            Ok((name, value))
        })
        .collect()
}

/// The header changes a [`SigningOutput`] asks for, converted up front so that a request is
/// either fully signed or left untouched.
struct HeaderChanges(SmallVec<[(HeaderName, HeaderValue); 6]>);

impl HeaderChanges {
    fn new(output: &SigningOutput) -> Result<Self, SignError> {
        let trimmed = output
            .trimmed_headers()
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()));
        let added = output
            .headers_to_add()
            .map(|(name, value): (&'static str, &str)| (name as &str, value));
        trimmed
            .chain(added)
            .map(|(name, value)| {
                let header_name = header_name(name)?;
                let mut header_value =
                    HeaderValue::from_str(value).map_err(|_| SignError::InvalidHeaderValue {
                        name: name.to_owned(),
                    })?;
                // Keeps credentials out of `Debug` output and HPACK tables.
                if header_name == AUTHORIZATION || header_name == X_SECURITY_TOKEN {
                    header_value.set_sensitive(true);
                }
                Ok((header_name, header_value))
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    fn apply(self, headers: &mut HeaderMap) {
        for (name, value) in self.0 {
            headers.insert(name, value);
        }
    }
}

const X_SDK_DATE: HeaderName = HeaderName::from_static("x-sdk-date");
const X_SECURITY_TOKEN: HeaderName = HeaderName::from_static("x-security-token");
const X_SDK_CONTENT_SHA256: HeaderName = HeaderName::from_static("x-sdk-content-sha256");

/// The `http` name of a header: the ones the signer adds without parsing or copying.
fn header_name(name: &str) -> Result<HeaderName, SignError> {
    match name {
        header::AUTHORIZATION => Ok(AUTHORIZATION),
        header::HOST => Ok(HOST),
        header::X_SDK_DATE => Ok(X_SDK_DATE),
        header::X_SECURITY_TOKEN => Ok(X_SECURITY_TOKEN),
        header::X_SDK_CONTENT_SHA256 => Ok(X_SDK_CONTENT_SHA256),
        _ => HeaderName::from_bytes(name.as_bytes()).map_err(|_| SignError::InvalidHeaderName {
            name: name.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_header_drops_default_ports_only() {
        assert_eq!(host_header_value(Some("https"), "h", None), "h");
        assert_eq!(host_header_value(Some("https"), "h", Some(443)), "h");
        assert_eq!(host_header_value(Some("https"), "h", Some(80)), "h:80");
        assert_eq!(host_header_value(Some("http"), "h", Some(80)), "h");
        assert_eq!(host_header_value(Some("http"), "h", Some(443)), "h:443");
        assert_eq!(host_header_value(Some("http"), "h", Some(8080)), "h:8080");
        assert_eq!(host_header_value(None, "[::1]", Some(8443)), "[::1]:8443");
    }

    #[test]
    fn query_decoding() {
        let pairs = decode_query("b=2&a=x+y&&c&d=%E4%B8%AD%2B&e=").unwrap();
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (&**k, &**v)).collect();
        assert_eq!(
            pairs,
            [("b", "2"), ("a", "x y"), ("c", ""), ("d", "中+"), ("e", "")]
        );
        assert!(decode_query("").unwrap().is_empty());
        assert_eq!(decode_query("a=%FF"), Err(SignError::InvalidQuery));
    }
}

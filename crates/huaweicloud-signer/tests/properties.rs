//! Property tests: the signer never panics on any input, rejects what cannot go on the wire with
//! a typed error, and its canonical forms have the shape the official signer gives them.

use huaweicloud_signer::{
    Credentials, SignError, SigningRequest, SigningTime, canonical_headers, canonical_query,
    canonical_uri, sign,
};
use proptest::prelude::*;

const DATE: &str = "20240102T030405Z";

/// Strings of every kind: arbitrary Unicode, lossy-decoded random bytes, Latin-1 bytes (control
/// characters included), and `%`-escape soup (valid, short, non-hex, lower/upper case).
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(any::<u8>(), 0..24)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        proptest::collection::vec(any::<u8>(), 0..24)
            .prop_map(|b| b.into_iter().map(char::from).collect::<String>()),
        "(%[0-9a-fA-FgzZ%]{0,2}|[/a-zA-Z0-9 ~._+=&?#-]|[\\x00-\\x1f\\x7f]|\\PC)*",
        Just(String::new()),
    ]
}

fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::vec((any_text(), any_text()), 0..6)
}

/// An RFC 9110 token.
fn token() -> impl Strategy<Value = String> {
    "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}"
}

/// A header value the signer accepts: no control characters except tab.
fn valid_value() -> impl Strategy<Value = String> {
    "[^\\x00-\\x08\\x0a-\\x1f\\x7f]{0,16}"
}

fn borrow(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// Checks that `s` holds only unreserved bytes, bytes in `extra`, and `%XX` upper-case escapes.
fn assert_encoded(s: &str, extra: &[u8]) -> Result<(), TestCaseError> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3);
            prop_assert!(
                hex.is_some_and(|h| h
                    .iter()
                    .all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(c))),
                "bad escape at byte {i} of {s:?}"
            );
            i += 3;
        } else {
            prop_assert!(
                is_unreserved(b) || extra.contains(&b),
                "unexpected byte {b:#04x} at {i} in {s:?}"
            );
            i += 1;
        }
    }
    Ok(())
}

fn creds() -> impl Strategy<Value = Credentials> {
    (any_text(), any_text(), proptest::option::of(any_text())).prop_map(|(ak, sk, token)| {
        let c = Credentials::new(ak, sk);
        match token {
            Some(t) => c.with_security_token(t),
            None => c,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// `canonical_uri` never panics, always ends with `/`, and contains only unreserved
    /// characters, `/` and upper-case `%XX` escapes.
    #[test]
    fn canonical_uri_shape(path in any_text()) {
        let uri = canonical_uri(&path);
        prop_assert!(uri.ends_with('/'), "{uri:?}");
        assert_encoded(&uri, b"/")?;
    }

    /// `canonical_uri` is idempotent: its output is already canonical.
    #[test]
    fn canonical_uri_idempotent(path in any_text()) {
        let once = canonical_uri(&path);
        prop_assert_eq!(canonical_uri(&once), once);
    }

    /// `canonical_query` never panics, does not depend on the order of the pairs, and holds
    /// only unreserved characters, `=`, `&` and upper-case `%XX` escapes.
    #[test]
    fn canonical_query_permutation_invariant(
        (pairs, shuffled) in pairs().prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle()))
    ) {
        let q = canonical_query(&borrow(&pairs));
        prop_assert_eq!(&q, &canonical_query(&borrow(&shuffled)));
        assert_encoded(&q, b"=&")?;
        prop_assert_eq!(q.matches('=').count(), pairs.len());
    }

    /// `canonical_headers` never panics; any failure is one of its three documented errors.
    #[test]
    fn canonical_headers_never_panics(headers in pairs()) {
        match canonical_headers(&borrow(&headers)) {
            Ok(h) => {
                prop_assert!(h.canonical.is_empty() || h.canonical.ends_with('\n'));
                prop_assert_eq!(h.canonical.lines().count(), h.signed.split(';').filter(|s| !s.is_empty()).count());
            }
            Err(SignError::InvalidHeaderName { .. }
                | SignError::InvalidHeaderValue { .. }
                | SignError::DuplicateHeader { .. }) => {}
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
    }

    /// A header name with a non-token character gives `InvalidHeaderName` naming it, from
    /// `canonical_headers` and from `sign` alike.
    #[test]
    fn invalid_header_name_is_typed(
        prefix in "[A-Za-z0-9-]{0,6}",
        bad in prop_oneof![
            Just('\n'), Just('\r'), Just('\0'), Just(' '), Just(':'), Just('"'), Just('('),
            Just('/'), Just('@'), Just('\u{7f}'), Just('ä'), Just('客'),
            any::<char>().prop_filter("non-token", |c| !c.is_ascii_alphanumeric()
                && !"!#$%&'*+.^_`|~-".contains(*c)),
        ],
        suffix in any_text(),
        value in valid_value(),
    ) {
        let name = format!("{prefix}{bad}{suffix}");
        let expected = SignError::InvalidHeaderName { name: name.clone() };
        let headers = [("X-Ok", "fine"), (name.as_str(), value.as_str())];
        prop_assert_eq!(canonical_headers(&headers).unwrap_err(), expected.clone());
        let request = SigningRequest::new("GET", "example.com", "/").with_headers(&headers);
        let creds = Credentials::new("AK", "SK");
        prop_assert_eq!(
            sign(&request, &creds, SigningTime::parse(DATE).unwrap()).unwrap_err(),
            expected
        );
    }

    /// A header value with a control character (other than tab) gives `InvalidHeaderValue`
    /// naming the header, from `canonical_headers` and from `sign` alike.
    #[test]
    fn invalid_header_value_is_typed(
        name_suffix in token(),
        before in valid_value(),
        bad in prop_oneof![Just('\n'), Just('\r'), Just('\0'), Just('\u{7f}'), Just('\u{b}'),
            (0u8..0x20).prop_filter("not tab", |b| *b != b'\t').prop_map(char::from)],
        after in any_text(),
    ) {
        let name = format!("X-P-{name_suffix}");
        let value = format!("{before}{bad}{after}");
        let expected = SignError::InvalidHeaderValue { name: name.clone() };
        let headers = [(name.as_str(), value.as_str())];
        prop_assert_eq!(canonical_headers(&headers).unwrap_err(), expected.clone());
        let request = SigningRequest::new("POST", "example.com", "/v2/x").with_headers(&headers);
        let creds = Credentials::new("AK", "SK");
        prop_assert_eq!(
            sign(&request, &creds, SigningTime::parse(DATE).unwrap()).unwrap_err(),
            expected
        );
    }

    /// `sign` never panics on any method, host, path, query, headers, body or credentials, and
    /// signing the same request twice gives the same result (output or error).
    #[test]
    fn sign_never_panics_and_is_deterministic(
        method in prop_oneof![any_text(), token(), Just("GET".to_string())],
        host in prop_oneof![any_text(), Just("bss.myhuaweicloud.com".to_string())],
        path in any_text(),
        query in pairs(),
        headers in pairs(),
        body in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..64)),
        creds in creds(),
    ) {
        let query = borrow(&query);
        let headers = borrow(&headers);
        let mut request = SigningRequest::new(&method, &host, &path)
            .with_query(&query)
            .with_headers(&headers);
        request.body = body.as_deref();
        let time = SigningTime::parse(DATE).unwrap();
        let first = sign(&request, &creds, time.clone());
        let second = sign(&request, &creds, time);
        prop_assert_eq!(&first, &second);
        if let Ok(out) = first {
            prop_assert_eq!(out.headers_to_add().last().map(|(n, _)| n), Some("Authorization"));
            prop_assert!(out.path_and_query().starts_with(path.as_str()));
        }
    }

    /// A well-formed request (token method, valid host and header values, distinct names, no
    /// reserved headers) always signs, whatever its path, query and body; twice alike.
    #[test]
    fn valid_request_signs(
        method in token(),
        host in "[a-z0-9.-]{1,20}(:[0-9]{1,5})?",
        path in any_text(),
        query in pairs(),
        values in proptest::collection::vec((token(), valid_value()), 0..5),
        body in proptest::collection::vec(any::<u8>(), 0..64),
        token in proptest::option::of(valid_value()),
    ) {
        // Prefix each name with its index so names are distinct and never reserved.
        let headers: Vec<(String, String)> = values
            .into_iter()
            .enumerate()
            .map(|(i, (n, v))| (format!("X-H{i}-{n}"), v))
            .collect();
        let headers = borrow(&headers);
        let query = borrow(&query);
        let request = SigningRequest::new(&method, &host, &path)
            .with_query(&query)
            .with_headers(&headers)
            .with_body(&body);
        let mut creds = Credentials::new("AKEXAMPLE", "SKEXAMPLE");
        if let Some(t) = token {
            creds = creds.with_security_token(t);
        }
        let time = SigningTime::parse(DATE).unwrap();
        let first = sign(&request, &creds, time.clone());
        prop_assert!(first.is_ok(), "{first:?}");
        let first = first.unwrap();
        prop_assert_eq!(&first, &sign(&request, &creds, time).unwrap());
        let uri = canonical_uri(&path);
        let line = format!("\n{uri}\n");
        prop_assert!(first.canonical_request().contains(&line));
        prop_assert_eq!(&first.canonical_query(), &canonical_query(&query));
        prop_assert_eq!(first.signature().len(), 64);
    }

    /// `SigningTime::parse` never panics; a rejection is `InvalidDate` carrying the input.
    #[test]
    fn signing_time_parse_never_panics(text in prop_oneof![
        any_text(),
        "[0-9]{8}T[0-9]{6}Z",
        "[0-9T Z+-]{0,20}",
    ]) {
        match SigningTime::parse(&text) {
            Ok(t) => prop_assert_eq!(t.as_str(), text.as_str()),
            Err(e) => prop_assert_eq!(e, SignError::InvalidDate { value: text.clone() }),
        }
    }

    /// Every real calendar date and time in years 1..=9999 parses.
    #[test]
    fn signing_time_parse_accepts_valid_dates(
        year in 1u32..=9999, month in 1u32..=12, day in 1u32..=28,
        hour in 0u32..24, minute in 0u32..60, second in 0u32..60,
    ) {
        let text = format!("{year:04}{month:02}{day:02}T{hour:02}{minute:02}{second:02}Z");
        prop_assert_eq!(SigningTime::parse(&text).map(|t| t.as_str().to_owned()), Ok(text));
    }
}

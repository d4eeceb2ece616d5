//! `sign_http_request`: what it reads from an `http::Request` and what it changes.

use huaweicloud_signer::{
    Credentials, SignError, SigningRequest, SigningTime, sign, sign_http_request,
};

fn creds() -> Credentials {
    Credentials::new("AK", "SK")
}

fn date() -> SigningTime {
    SigningTime::parse("20240102T030405Z").unwrap()
}

fn request(uri: &str) -> http::Request<()> {
    http::Request::post(uri)
        .header("content-type", "application/json")
        .header("x-domain-id", "dom")
        .body(())
        .unwrap()
}

#[test]
fn signs_like_the_core_and_rewrites_the_query() {
    let body = br#"{"a": 1}"#;
    let mut req = request("https://bss.myhuaweicloud.com/v2/x?b=2&a=x+y&c");
    let out = sign_http_request(&mut req, body, &creds(), date()).unwrap();

    let query = [("b", "2"), ("a", "x y"), ("c", "")];
    let headers = [("Content-Type", "application/json"), ("x-domain-id", "dom")];
    let core = SigningRequest::new("POST", "bss.myhuaweicloud.com", "/v2/x")
        .with_query(&query)
        .with_headers(&headers)
        .with_body(body);
    assert_eq!(out, sign(&core, &creds(), date()).unwrap());

    assert_eq!(
        req.uri().to_string(),
        "https://bss.myhuaweicloud.com/v2/x?a=x%20y&b=2&c="
    );
    let h = req.headers();
    assert_eq!(h["host"], "bss.myhuaweicloud.com");
    assert_eq!(h["x-sdk-date"], "20240102T030405Z");
    assert_eq!(h["authorization"], out.authorization());
    assert!(h["authorization"].is_sensitive());
}

#[test]
fn host_port_only_when_not_default() {
    for (uri, host) in [
        ("https://h.example:443/", "h.example"),
        ("https://h.example:8443/", "h.example:8443"),
        ("http://h.example:80/", "h.example"),
        ("http://h.example:443/", "h.example:443"),
        ("http://[::1]:8080/", "[::1]:8080"),
        ("https://[2001:db8::1]/", "[2001:db8::1]"),
    ] {
        let mut req = request(uri);
        sign_http_request(&mut req, b"", &creds(), date()).unwrap();
        assert_eq!(req.headers()["host"], host, "{uri}");
    }
}

#[test]
fn keeps_a_caller_host_header() {
    let mut req = request("https://h.example/x");
    req.headers_mut()
        .insert("host", "front.example".parse().unwrap());
    let out = sign_http_request(&mut req, b"", &creds(), date()).unwrap();
    assert_eq!(req.headers()["host"], "front.example");
    assert!(out.canonical_request().contains("\nhost:front.example\n"));
}

#[test]
fn origin_form_uri_takes_host_from_header() {
    let mut req = http::Request::get("/v2/x?a=1")
        .header("host", "h.example:8080")
        .body(())
        .unwrap();
    let out = sign_http_request(&mut req, b"", &creds(), date()).unwrap();
    assert_eq!(req.uri(), "/v2/x?a=1");
    assert!(out.canonical_request().contains("\nhost:h.example:8080\n"));

    let mut req = http::Request::get("/v2/x").body(()).unwrap();
    assert_eq!(
        sign_http_request(&mut req, b"", &creds(), date()),
        Err(SignError::MissingHost)
    );
}

#[test]
fn non_json_content_type_gets_unsigned_payload_as_with_the_official_client() {
    let mut req = http::Request::put("https://h.example/upload")
        .header("content-type", "text/plain")
        .body(())
        .unwrap();
    let out = sign_http_request(&mut req, b"hello", &creds(), date()).unwrap();
    assert_eq!(req.headers()["x-sdk-content-sha256"], "UNSIGNED-PAYLOAD");
    assert!(out.canonical_request().ends_with("\nUNSIGNED-PAYLOAD"));
}

#[test]
fn padded_values_are_replaced_by_the_signed_trimmed_value() {
    let mut req = request("https://h.example/");
    req.headers_mut()
        .insert("x-note", "  padded\t".parse().unwrap());
    sign_http_request(&mut req, b"", &creds(), date()).unwrap();
    assert_eq!(req.headers()["x-note"], "padded");
}

#[test]
fn utf8_header_values_are_signed_as_utf8() {
    let mut req = request("https://h.example/");
    req.headers_mut().insert(
        "x-note",
        http::HeaderValue::from_bytes("客户".as_bytes()).unwrap(),
    );
    let out = sign_http_request(&mut req, b"", &creds(), date()).unwrap();
    assert!(out.canonical_request().contains("\nx-note:客户\n"));

    req.headers_mut()
        .insert("x-bad", http::HeaderValue::from_bytes(b"\xff").unwrap());
    req.headers_mut().remove("authorization");
    assert_eq!(
        sign_http_request(&mut req, b"", &creds(), date()),
        Err(SignError::InvalidHeaderValue {
            name: "x-bad".into()
        })
    );
}

#[test]
fn failures_leave_the_request_untouched() {
    let mut req = request("https://h.example/x?b=1&a=2");
    req.headers_mut()
        .insert("authorization", "old".parse().unwrap());
    let before = (req.uri().clone(), req.headers().clone());
    assert!(matches!(
        sign_http_request(&mut req, b"", &creds(), date()),
        Err(SignError::ReservedHeader { .. })
    ));
    assert_eq!((req.uri().clone(), req.headers().clone()), before);

    let mut req = request("https://h.example/x?a=%FF");
    assert_eq!(
        sign_http_request(&mut req, b"", &creds(), date()),
        Err(SignError::InvalidQuery)
    );
    assert_eq!(req.uri(), "https://h.example/x?a=%FF");
}

#[test]
fn repeated_header_values_are_rejected() {
    let mut req = request("https://h.example/");
    req.headers_mut().append("x-dup", "1".parse().unwrap());
    req.headers_mut().append("x-dup", "2".parse().unwrap());
    assert_eq!(
        sign_http_request(&mut req, b"", &creds(), date()),
        Err(SignError::DuplicateHeader {
            name: "x-dup".into()
        })
    );
}

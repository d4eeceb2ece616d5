//! `sign_reqwest_request`, including a round trip through reqwest/hyper to a local socket that
//! checks what is actually sent is what was signed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::thread;

use huaweicloud_signer::{
    Credentials, SignError, SigningTime, canonical_query, canonical_request, canonical_uri,
    payload_hash, sign_reqwest_request, string_to_sign,
};

fn creds() -> Credentials {
    Credentials::new("AK", "SK")
}

fn request(method: reqwest::Method, url: &str) -> reqwest::Request {
    reqwest::Request::new(method, url.parse().unwrap())
}

#[test]
fn signs_in_place() {
    let mut req = request(
        reqwest::Method::POST,
        "https://bss.myhuaweicloud.com/v2/partners/sub-customers?b=2&a=x+y&a=%2B",
    );
    req.headers_mut()
        .insert("content-type", "application/json".parse().unwrap());
    *req.body_mut() = Some(br#"{"a": 1}"#.to_vec().into());
    let time = SigningTime::parse("20240102T030405Z").unwrap();
    let out = sign_reqwest_request(&mut req, &creds(), time).unwrap();

    assert_eq!(req.url().query(), Some("a=%2B&a=x%20y&b=2"));
    assert_eq!(out.canonical_query(), "a=%2B&a=x%20y&b=2");
    assert_eq!(req.headers()["host"], "bss.myhuaweicloud.com");
    assert_eq!(req.headers()["x-sdk-date"], "20240102T030405Z");
    assert_eq!(req.headers()["authorization"], out.authorization());
    assert!(
        out.canonical_request()
            .ends_with(&payload_hash(br#"{"a": 1}"#))
    );
}

#[test]
fn empty_query_is_removed_and_default_port_dropped() {
    let mut req = request(reqwest::Method::GET, "https://h.example:443/x?");
    let out = sign_reqwest_request(&mut req, &creds(), SigningTime::now().unwrap()).unwrap();
    assert_eq!(req.url().as_str(), "https://h.example/x");
    assert_eq!(req.headers()["host"], "h.example");
    assert_eq!(out.path_and_query(), "/x");
}

#[test]
fn streaming_body_is_refused() {
    let mut req = request(reqwest::Method::POST, "https://h.example/x");
    let chunks = futures::stream::iter([Ok::<_, std::io::Error>(b"chunk".to_vec())]);
    *req.body_mut() = Some(reqwest::Body::wrap_stream(chunks));
    assert_eq!(
        sign_reqwest_request(&mut req, &creds(), SigningTime::now().unwrap()),
        Err(SignError::UnbufferedBody)
    );
    assert!(req.headers().is_empty());
}

/// One raw HTTP/1.1 request as received.
struct Received {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Accepts `count` connections, one request each, and answers 200.
fn serve(count: usize) -> (u16, mpsc::Receiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for _ in 0..count {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let mut parts = line.split_whitespace();
            let method = parts.next().unwrap().to_owned();
            let target = parts.next().unwrap().to_owned();
            let mut headers = Vec::new();
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let line = line.trim_end_matches(['\r', '\n']);
                if line.is_empty() {
                    break;
                }
                let (name, value) = line.split_once(':').unwrap();
                headers.push((name.to_owned(), value.trim().to_owned()));
            }
            let length = headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
                .map_or(0, |(_, v)| v.parse().unwrap());
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let mut stream = stream;
            stream
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                .unwrap();
            tx.send(Received {
                method,
                target,
                headers,
                body,
            })
            .unwrap();
        }
    });
    (port, rx)
}

/// Rebuilds the canonical request from the bytes received, as a verifying server would.
fn canonical_request_as_received(r: &Received, signed_headers: &str) -> String {
    let (path, query) = r.target.split_once('?').unwrap_or((&r.target, ""));
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .unwrap()
            .into_owned()
    };
    let pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut canonical_headers = String::new();
    for name in signed_headers.split(';') {
        let value = r.header(name).unwrap_or_else(|| panic!("{name} not sent"));
        canonical_headers.push_str(&format!("{name}:{value}\n"));
    }
    let hash = match r.header("x-sdk-content-sha256") {
        Some(v) if !r.body.is_empty() => v.to_owned(),
        _ => payload_hash(&r.body),
    };
    canonical_request(
        &r.method,
        &canonical_uri(path),
        &canonical_query(&pairs),
        &canonical_headers,
        signed_headers,
        &hash,
    )
}

#[tokio::test]
async fn what_hyper_sends_is_what_was_signed() {
    // reqwest is built without a default TLS provider; the client wants one even for http.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let (port, received) = serve(2);
    let client = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}/v2/partners/sub-customers/a b/客户");

    // Unsigned first: the Host header hyper writes by itself.
    client.get(&url).send().await.unwrap();
    let unsigned = received.recv().unwrap();
    let hyper_host = unsigned.header("host").unwrap().to_owned();

    let mut req = client
        .post(&url)
        .query(&[("b", "x y"), ("a", "1+1"), ("a", "é")])
        .json(&serde_json::json!({"domain_name": "test", "remark": "客户"}))
        .header("X-Domain-Id", "dom")
        .header("X-Note", " padded ")
        .build()
        .unwrap();
    assert!(req.headers().get("host").is_none());
    let out = sign_reqwest_request(&mut req, &creds(), SigningTime::now().unwrap()).unwrap();
    let sent_body = req.body().and_then(|b| b.as_bytes()).unwrap().to_vec();
    client.execute(req).await.unwrap();
    let signed = received.recv().unwrap();

    assert_eq!(signed.header("host"), Some(hyper_host.as_str()));
    assert_eq!(hyper_host, format!("127.0.0.1:{port}"));
    assert_eq!(signed.target, out.path_and_query());
    assert_eq!(signed.body, sent_body);
    assert_eq!(signed.header("authorization"), Some(out.authorization()));
    let rebuilt = canonical_request_as_received(&signed, out.signed_headers());
    assert_eq!(rebuilt, out.canonical_request());
    assert_eq!(
        string_to_sign(signed.header("x-sdk-date").unwrap(), &rebuilt),
        out.string_to_sign()
    );
}

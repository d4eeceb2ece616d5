//! Error answers decoded through a real call: a local HTTP server answers each request with a
//! fixed status, headers and body, and the client's `send()` gives the typed error. (The
//! property tests of the decoding itself, over any status and body, are unit tests in
//! `src/error_body.rs`.)

use std::convert::Infallible;

use bytes::Bytes;
use http_body_util::Full;
use huaweicloud_bss::{ApiErrorKind, Client, Credentials, Error, ErrorCode, RetryPolicy};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// Longest snippet: 512 characters plus the `…` marking a cut.
const MAX_SNIPPET_CHARS: usize = 513;

/// Starts a server answering every request with `status`, `request_id` (as `X-Request-Id`)
/// and `body`; returns a client aimed at it that does not retry.
async fn client_answered_with(
    status: u16,
    request_id: Option<&'static str>,
    body: Vec<u8>,
) -> Client {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let url = format!("http://{}", listener.local_addr().expect("bound"));
    let body = Bytes::from(body);
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let body = body.clone();
            tokio::spawn(async move {
                let service = service_fn(move |_request| {
                    let body = body.clone();
                    async move {
                        let mut response = hyper::Response::new(Full::new(body));
                        *response.status_mut() = status.try_into().expect("a valid status");
                        let headers = response.headers_mut();
                        headers.insert("content-type", "application/json".parse().unwrap());
                        if let Some(id) = request_id {
                            headers.insert("x-request-id", id.parse().unwrap());
                        }
                        Ok::<_, Infallible>(response)
                    }
                });
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new("TEST_AK", "TEST_SK"))
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("a loopback endpoint is accepted")
}

/// The error a ListPartnerBalances call gets from the server.
async fn error_of(status: u16, request_id: Option<&'static str>, body: Vec<u8>) -> Error {
    let client = client_answered_with(status, request_id, body).await;
    client
        .list_partner_balances()
        .send()
        .await
        .expect_err("the server answers with an error")
}

#[tokio::test]
async fn a_cbc_error_object_gives_its_code_message_and_header_request_id() {
    let body = serde_json::to_vec(&serde_json::json!({
        "error_code": "CBC.0100",
        "error_msg": "Invalid parameter.",
        "request_id": "from-the-body",
    }))
    .unwrap();
    let err = error_of(400, Some("from-the-header"), body).await;
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some(ErrorCode::parse("CBC.0100")));
    assert_eq!(err.message(), Some("Invalid parameter."));
    // The header wins over the body's request_id.
    assert_eq!(err.request_id(), Some("from-the-header"));
    let Error::Api(api) = &err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api.kind(), ApiErrorKind::Service);
}

#[tokio::test]
async fn the_body_request_id_is_used_without_a_header_and_gateway_codes_are_gateway_errors() {
    let body = serde_json::to_vec(&serde_json::json!({
        "error_code": "APIGW.0301",
        "error_msg": "Incorrect IAM authentication information.",
        "request_id": "from-the-body",
    }))
    .unwrap();
    let err = error_of(401, None, body).await;
    assert_eq!(err.request_id(), Some("from-the-body"));
    assert_eq!(err.code(), Some(ErrorCode::parse("APIGW.0301")));
    let Error::Api(api) = &err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api.kind(), ApiErrorKind::Gateway);
}

#[tokio::test]
async fn a_body_that_is_not_an_error_object_gives_a_bounded_snippet_and_no_code() {
    let body = "客".repeat(700).into_bytes();
    let err = error_of(502, Some("gateway-id"), body).await;
    let Error::Api(api) = &err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api.status(), 502);
    assert_eq!(api.kind(), ApiErrorKind::Unrecognized);
    assert!(api.code().is_none());
    assert_eq!(api.request_id(), Some("gateway-id"));
    let chars = api.body_snippet().chars().count();
    assert!(chars <= MAX_SNIPPET_CHARS, "snippet of {chars} chars");
    assert!(api.body_snippet().ends_with('…'));
    // Display never panics either.
    let _ = err.to_string();
}

//! The thin crate's promises: configuration rules, token authentication, typed errors for any
//! answer (including ones that are not error objects), and secrets that never print.

mod support;

use huaweicloud_bss::{ApiErrorKind, Client, ConfigError, Credentials, Error, builders, types};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

fn check_name(name: &str) -> builders::CheckSubcustomerUserReqBuilder {
    types::CheckSubcustomerUserReq::builder()
        .search_type(types::CheckSubcustomerUserReqSearchType::Name)
        .search_value(name)
}

async fn check(client: &Client) -> Result<types::CheckUserIdentityResponse, Error> {
    Ok(client
        .check_user_identity()
        .body(check_name("someone01"))
        .send()
        .await?
        .into_inner())
}

/// A server that answers every request with `response` (raw HTTP/1.1 bytes), then closes.
async fn canned_server(response: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            // Read the head and the (small, Content-Length-delimited) body.
            loop {
                let n = stream.read(&mut buf).await.unwrap_or(0);
                if n == 0 {
                    break;
                }
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request);
                if let Some(head_end) = text.find("\r\n\r\n") {
                    let length = text[..head_end]
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    if request.len() >= head_end + 4 + length {
                        break;
                    }
                }
            }
            let _ = stream.write_all(response.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
    });
    format!("http://{addr}")
}

fn client_at(endpoint: &str) -> Client {
    Client::builder()
        .endpoint(endpoint)
        .credentials(Credentials::new(support::AK, support::SK))
        .build()
        .expect("valid configuration")
}

#[tokio::test]
async fn an_html_502_from_a_proxy_keeps_status_request_id_and_a_snippet() {
    let endpoint = canned_server(
        "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nX-Request-Id: proxy-123\r\nContent-Length: 48\r\nConnection: close\r\n\r\n<html><body><h1>502 Bad Gateway</h1></body></html>",
    )
    .await;
    let error = check(&client_at(&endpoint)).await.unwrap_err();
    assert_eq!(error.status(), Some(502));
    assert_eq!(error.request_id(), Some("proxy-123"));
    assert_eq!(error.code(), None);
    let api = error.api().expect("an answer from the server");
    assert_eq!(api.kind(), ApiErrorKind::Unrecognized);
    assert!(
        api.body_snippet().starts_with("<html><body><h1>502"),
        "{}",
        api.body_snippet()
    );
    let shown = error.to_string();
    assert!(
        shown.contains("HTTP 502")
            && shown.contains("proxy-123")
            && shown.contains("502 Bad Gateway"),
        "{shown}"
    );
}

#[tokio::test]
async fn an_empty_500_is_a_typed_error_with_its_status() {
    let endpoint = canned_server(
        "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    )
    .await;
    let error = check(&client_at(&endpoint)).await.unwrap_err();
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.api().map(|a| a.body_snippet()), Some(""));
    assert!(error.to_string().contains("empty body"), "{error}");
}

#[tokio::test]
async fn a_redirect_is_not_followed() {
    let endpoint = canned_server(
        "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    )
    .await;
    let error = check(&client_at(&endpoint)).await.unwrap_err();
    assert_eq!(error.status(), Some(302));
}

#[tokio::test]
async fn a_throttled_gateway_answer_keeps_code_message_and_request_id() {
    let endpoint = canned_server(
        "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nX-Request-Id: gw-9\r\nContent-Length: 82\r\nConnection: close\r\n\r\n{\"error_code\":\"APIGW.0308\",\"error_message\":\"throttled\",\"request_id\":\"gw-9\", \"x\":1}",
    )
    .await;
    let error = check(&client_at(&endpoint)).await.unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert_eq!(
        error.code().as_ref().map(|c| c.as_str()),
        Some("APIGW.0308")
    );
    assert_eq!(error.message(), Some("throttled"));
    assert_eq!(error.request_id(), Some("gw-9"));
    assert_eq!(error.api().map(|a| a.kind()), Some(ApiErrorKind::Gateway));
}

#[tokio::test]
async fn a_token_client_is_accepted_and_a_wrong_token_is_a_gateway_error() {
    let (sim, _) = support::sim_and_client().await;
    let good = Client::builder()
        .endpoint(sim.url())
        .auth_token(support::TOKEN.to_string())
        .build()
        .unwrap();
    check(&good)
        .await
        .expect("the configured token is accepted");
    let sent = sim.received();
    assert_eq!(sent[0].header("x-auth-token"), Some(support::TOKEN));
    assert_eq!(
        sent[0].header("authorization"),
        None,
        "a token client does not sign"
    );

    let bad = Client::builder()
        .endpoint(sim.url())
        .auth_token("not-the-token".to_string())
        .build()
        .unwrap();
    let error = check(&bad).await.unwrap_err();
    assert_eq!(
        (error.status(), error.code().as_ref().map(|c| c.as_str())),
        (Some(401), Some("APIGW.0301"))
    );
}

#[test]
fn from_env_follows_the_official_variables() {
    let env = |name: &str| {
        match name {
            "HUAWEICLOUD_SDK_AK" => Some("AK"),
            "HUAWEICLOUD_SDK_SK" => Some("SK"),
            "HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1" => Some("https://bss.example.test:8443/"),
            _ => None,
        }
        .map(str::to_string)
    };
    let client = Client::from_env_with(env).expect("complete environment");
    assert_eq!(client.endpoint(), "https://bss.example.test:8443");

    let default = Client::from_env_with(|n| {
        (n.ends_with("_AK") || n.ends_with("_SK")).then(|| "x".to_string())
    })
    .unwrap();
    assert_eq!(default.endpoint(), "https://bss.myhuaweicloud.com");

    let missing = Client::from_env_with(|n| (n == "HUAWEICLOUD_SDK_AK").then(|| "AK".to_string()))
        .unwrap_err();
    assert!(
        matches!(
            missing,
            ConfigError::MissingEnv {
                name: "HUAWEICLOUD_SDK_SK"
            }
        ),
        "{missing}"
    );
    assert_eq!(
        missing.to_string(),
        "environment variable HUAWEICLOUD_SDK_SK is not set"
    );
}

#[test]
fn plain_http_is_refused_off_loopback_unless_opted_in() {
    let build = |endpoint: &str, allow: bool| {
        Client::builder()
            .endpoint(endpoint)
            .credentials(Credentials::new("AK", "SK"))
            .allow_insecure_http(allow)
            .build()
    };
    assert!(matches!(
        build("http://bss.myhuaweicloud.com", false),
        Err(ConfigError::InsecureEndpoint { .. })
    ));
    assert!(build("http://bss.myhuaweicloud.com", true).is_ok());
    assert!(build("http://127.0.0.1:9", false).is_ok());
    assert!(matches!(
        Client::builder().build(),
        Err(ConfigError::MissingCredentials)
    ));
}

#[test]
fn secrets_never_appear_in_debug_output() {
    let credentials =
        Credentials::new("AK_VISIBLE", support::SK).with_security_token(support::TOKEN);
    assert_eq!(
        format!("{credentials:?}"),
        r#"Credentials { ak: "AK_VISIBLE", sk: "[REDACTED]", security_token: Some("[REDACTED]") }"#
    );
    let signing = Client::builder().credentials(credentials).build().unwrap();
    let token = Client::builder()
        .auth_token(support::TOKEN.to_string())
        .build()
        .unwrap();
    let builder = Client::builder().auth_token(support::TOKEN.to_string());
    let request = types::CreateCustomerV2Req::builder()
        .xaccount_id("x1")
        .xaccount_type("t")
        .password("Secret#Pass1")
        .verification_code("987123");
    let built = request.clone().build().unwrap();
    let call = token.create_sub_customer().body(request.clone());
    let sub = types::NewCustomerV2::builder()
        .customer_name("sub-acct01")
        .password("Secret#Pass1");
    for (what, shown) in [
        ("signing client", format!("{signing:?}")),
        ("token client", format!("{token:?}")),
        ("client builder", format!("{builder:?}")),
        ("request builder", format!("{request:?}")),
        ("request", format!("{built:?}")),
        ("sub-account builder", format!("{sub:?}")),
        ("call", format!("{call:?}")),
    ] {
        for secret in [support::SK, support::TOKEN, "Secret#Pass1", "987123"] {
            assert!(
                !shown.contains(secret),
                "{what} Debug shows a secret: {shown}"
            );
        }
    }
}

#[tokio::test]
async fn a_huge_error_body_is_cut_to_a_bounded_snippet() {
    // 1 MiB of HTML: far above the 64 KiB the client reads of an error body.
    static RESPONSE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let body = "<p>x</p>".repeat(128 * 1024);
    let response = RESPONSE.get_or_init(|| {
        format!(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    });
    let endpoint = canned_server(response.as_str()).await;
    let error = check(&client_at(&endpoint)).await.unwrap_err();
    assert_eq!(error.status(), Some(503));
    let snippet = error.api().expect("an answer").body_snippet();
    assert!(
        snippet.starts_with("<p>x</p>") && snippet.ends_with('…'),
        "{snippet}"
    );
    assert!(
        snippet.chars().count() <= 513,
        "snippet of {} characters",
        snippet.chars().count()
    );
}

#[tokio::test]
async fn a_slow_answer_past_the_timeout_is_a_timeout_error() {
    let (sim, _) = support::sim_and_client().await;
    sim.inject(huaweicloud_bss_sim::Injection::Delay {
        operation: "CheckUserIdentity".to_string(),
        delay: std::time::Duration::from_secs(5),
    });
    let client = Client::builder()
        .endpoint(sim.url())
        .credentials(Credentials::new(support::AK, support::SK))
        .timeout(std::time::Duration::from_millis(200))
        .build()
        .unwrap();
    let error = check(&client).await.unwrap_err();
    assert!(matches!(error, Error::Timeout(_)), "{error:?}");
    assert!(error.to_string().starts_with("timed out"), "{error}");
}

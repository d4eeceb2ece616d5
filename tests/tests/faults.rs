//! Every fault the client must survive, each through a real loopback socket: what the caller
//! gets (typed), the HTTP status and request id where one exists, how many attempts were made
//! (counted by the client and by the server), and no panic.
//!
//! CreateSubCustomer stands for the writes (never sent twice once they may have arrived),
//! ListSubCustomers for the reads (retried on anything but a client error).

mod support;

use std::time::{Duration, Instant};

use huaweicloud_bss::{
    ApiErrorKind, Client, ClientBuilder, Credentials, Error, PartialFailures, RetryPolicy,
};
use support::fault_server::{FaultServer, Step, response};

/// The whole-call timeout of these clients: short, so stalls are quick to test.
const TIMEOUT: Duration = Duration::from_millis(600);
/// Time for a client to connect and write its request before the server resets.
const SETTLE: Duration = Duration::from_millis(100);
/// Longer than [`TIMEOUT`]: the server stalls past it.
const STALL: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, Copy)]
enum Call {
    Write,
    Read,
    /// A batch write (ReclaimCouponQuotas) whose 200 answer may list failed items.
    Batch,
}

/// What a row expects the call to end with.
#[derive(Debug)]
enum Expect {
    Success,
    /// A 200 answer listing this many failed items in `error_details`, kept as typed data.
    PartialFailure {
        failed: usize,
    },
    Api {
        status: u16,
        code: Option<&'static str>,
    },
    Timeout,
    Transport {
        may_have_been_sent: bool,
    },
    OutcomeUnknown {
        timed_out: bool,
    },
    InvalidResponse {
        status: u16,
    },
}

struct Row {
    name: &'static str,
    call: Call,
    script: Vec<Step>,
    expect: Expect,
    /// Attempts the error reports (None for a success).
    attempts: Option<u32>,
    /// Requests the server received in full.
    requests: usize,
    /// The request id the error keeps.
    request_id: Option<&'static str>,
}

/// The longest body snippet an error keeps: 512 characters and an ellipsis.
const MAX_SNIPPET_CHARS: usize = 513;

const CUSTOMER: &str =
    r#"{"domain_id":"0123456789abcdef0123456789abcdef","domain_name":"faulty-customer"}"#;
const EMPTY_LIST: &str = r#"{"count":0,"customer_infos":[]}"#;

fn html_502() -> Step {
    Step::respond(
        "502 Bad Gateway",
        &[("Content-Type", "text/html"), ("X-Request-Id", "req-proxy")],
        b"<html><body><h1>502 Bad Gateway</h1></body></html>",
    )
}

fn throttled() -> Step {
    Step::respond(
        "429 Too Many Requests",
        &[("Content-Type", "application/json"), ("X-Request-Id", "req-throttled")],
        br#"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached","request_id":"req-throttled"}"#,
    )
}

fn rows() -> Vec<Row> {
    let big_error_body = vec![b'x'; 10 * 1024 * 1024];
    vec![
        Row {
            name: "slow headers past the timeout, write",
            call: Call::Write,
            script: vec![Step::Answer { wait: STALL, bytes: response("200 OK", &[], CUSTOMER.as_bytes()) }],
            expect: Expect::OutcomeUnknown { timed_out: true },
            attempts: Some(1),
            requests: 1,
            request_id: None,
        },
        Row {
            name: "slow headers past the timeout, read",
            call: Call::Read,
            script: vec![Step::Answer { wait: STALL, bytes: response("200 OK", &[], EMPTY_LIST.as_bytes()) }],
            expect: Expect::Timeout,
            attempts: Some(1),
            requests: 1,
            request_id: None,
        },
        Row {
            name: "slow body past the timeout, read",
            call: Call::Read,
            script: vec![Step::Stall {
                head: b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 31\r\n\r\n{\"count\":0,".to_vec(),
                stall: STALL,
            }],
            expect: Expect::Timeout,
            attempts: Some(1),
            requests: 1,
            request_id: None,
        },
        Row {
            name: "reset before any byte of the answer (request unread), write",
            call: Call::Write,
            script: vec![Step::ResetUnread { after: SETTLE }],
            expect: Expect::OutcomeUnknown { timed_out: false },
            attempts: Some(1),
            requests: 0,
            request_id: None,
        },
        Row {
            name: "reset before any byte of the answer (request unread), read",
            call: Call::Read,
            script: vec![Step::ResetUnread { after: SETTLE }],
            expect: Expect::Transport { may_have_been_sent: true },
            attempts: Some(3),
            requests: 0,
            request_id: None,
        },
        Row {
            name: "reset after the request was sent, write",
            call: Call::Write,
            script: vec![Step::ResetAfterRequest],
            expect: Expect::OutcomeUnknown { timed_out: false },
            attempts: Some(1),
            requests: 1,
            request_id: None,
        },
        Row {
            name: "reset after the request was sent, read: retried until it succeeds",
            call: Call::Read,
            script: vec![Step::ResetAfterRequest, Step::ok_json(EMPTY_LIST)],
            expect: Expect::Success,
            attempts: None,
            requests: 2,
            request_id: None,
        },
        Row {
            name: "reset in the middle of the answer's head, write",
            call: Call::Write,
            script: vec![Step::ResetMidAnswer { head: b"HTTP/1.1 200 OK\r\nContent-Le".to_vec() }],
            expect: Expect::OutcomeUnknown { timed_out: false },
            attempts: Some(1),
            requests: 1,
            request_id: None,
        },
        Row {
            name: "HTML 502 from a proxy, write: not repeated",
            call: Call::Write,
            script: vec![html_502()],
            expect: Expect::Api { status: 502, code: None },
            attempts: Some(1),
            requests: 1,
            request_id: Some("req-proxy"),
        },
        Row {
            name: "HTML 502 from a proxy, read: retried up to the policy's attempts",
            call: Call::Read,
            script: vec![html_502()],
            expect: Expect::Api { status: 502, code: None },
            attempts: Some(3),
            requests: 3,
            request_id: Some("req-proxy"),
        },
        Row {
            name: "empty 500, write",
            call: Call::Write,
            script: vec![Step::respond("500 Internal Server Error", &[("X-Request-Id", "req-empty")], b"")],
            expect: Expect::Api { status: 500, code: None },
            attempts: Some(1),
            requests: 1,
            request_id: Some("req-empty"),
        },
        Row {
            name: "truncated JSON on a 200 (the connection closes mid-body)",
            call: Call::Write,
            script: vec![Step::Stall {
                head: b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: req-cut\r\nContent-Length: 90\r\n\r\n{\"domain_id\":\"0123".to_vec(),
                stall: Duration::ZERO,
            }],
            expect: Expect::InvalidResponse { status: 200 },
            attempts: Some(1),
            requests: 1,
            request_id: Some("req-cut"),
        },
        Row {
            name: "a 10 MB error body is cut to a bounded snippet",
            call: Call::Write,
            script: vec![Step::respond("500 Internal Server Error", &[("X-Request-Id", "req-huge")], &big_error_body)],
            expect: Expect::Api { status: 500, code: None },
            attempts: Some(1),
            requests: 1,
            request_id: Some("req-huge"),
        },
        Row {
            name: "wrong JSON types in a 200",
            call: Call::Read,
            script: vec![Step::respond(
                "200 OK",
                &[("Content-Type", "application/json"), ("X-Request-Id", "req-types")],
                br#"{"count":"ten","customer_infos":{}}"#,
            )],
            expect: Expect::InvalidResponse { status: 200 },
            attempts: Some(1),
            requests: 1,
            request_id: Some("req-types"),
        },
        Row {
            name: "unknown extra fields decode",
            call: Call::Write,
            script: vec![Step::ok_json(
                r#"{"domain_id":"0123456789abcdef0123456789abcdef","domain_name":"n","added_later":{"x":[1,2]},"flag":true}"#,
            )],
            expect: Expect::Success,
            attempts: None,
            requests: 1,
            request_id: None,
        },
        Row {
            name: "200 with error_details: the failed items reach the caller",
            call: Call::Batch,
            script: vec![Step::ok_json(
                r#"{"quota_ids":["Q-1"],"error_details":[{"id":"Q-2","error_code":"CBC.99000012","error_msg":"quota not found"},{"id":"Q-3","error_code":"CBC.9999999","error_msg":"new"}]}"#,
            )],
            expect: Expect::PartialFailure { failed: 2 },
            attempts: None,
            requests: 1,
            request_id: None,
        },
        Row {
            name: "429 with an APIGW body, write: throttling is retried, then reported",
            call: Call::Write,
            script: vec![throttled()],
            expect: Expect::Api { status: 429, code: Some("APIGW.0308") },
            attempts: Some(3),
            requests: 3,
            request_id: Some("req-throttled"),
        },
        Row {
            name: "429 then success, write: the retry goes through",
            call: Call::Write,
            script: vec![throttled(), Step::ok_json(CUSTOMER)],
            expect: Expect::Success,
            attempts: None,
            requests: 2,
            request_id: None,
        },
        Row {
            name: "CBC.99007197 (IP rate limit), write: retried",
            call: Call::Write,
            script: vec![
                Step::respond(
                    "400 Bad Request",
                    &[("Content-Type", "application/json"), ("X-Request-Id", "req-ip")],
                    br#"{"error_code":"CBC.99007197","error_msg":"rate limited"}"#,
                ),
                Step::ok_json(CUSTOMER),
            ],
            expect: Expect::Success,
            attempts: None,
            requests: 2,
            request_id: None,
        },
        Row {
            name: "CBC.0100 (a client error) is never retried",
            call: Call::Read,
            script: vec![Step::respond(
                "400 Bad Request",
                &[("Content-Type", "application/json"), ("X-Request-Id", "req-bad")],
                br#"{"error_code":"CBC.0100","error_msg":"parameter error"}"#,
            )],
            expect: Expect::Api { status: 400, code: Some("CBC.0100") },
            attempts: Some(1),
            requests: 1,
            request_id: Some("req-bad"),
        },
        Row {
            name: "a redirect is not followed",
            call: Call::Write,
            script: vec![Step::respond(
                "302 Found",
                &[("Location", "https://elsewhere.example/"), ("X-Request-Id", "req-moved")],
                b"",
            )],
            expect: Expect::Api { status: 302, code: None },
            attempts: Some(1),
            requests: 1,
            request_id: Some("req-moved"),
        },
    ]
}

/// A client signing with the test credentials, sending to `url` (a fault server).
fn signing_to(url: &str) -> ClientBuilder {
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new(support::AK, support::SK))
}

fn client(url: &str) -> Client {
    signing_to(url)
        .timeout(TIMEOUT)
        .retry_policy(
            RetryPolicy::default()
                .with_backoff(Duration::from_millis(5), Duration::from_millis(20)),
        )
        .build()
        .expect("valid configuration")
}

/// Makes the call; `Ok` holds the number of failed items a batch answer listed.
async fn make(call: Call, client: &Client) -> Result<usize, Error> {
    match call {
        Call::Batch => {
            let answer = client
                .reclaim_coupon_quotas()
                .quota_ids(["Q-1", "Q-2", "Q-3"])
                .send()
                .await?;
            let failed: Vec<_> = answer.failed().collect();
            // Typed: a documented code is parsed, an unknown one kept verbatim.
            assert_eq!(
                failed[0].code,
                huaweicloud_bss::ErrorCode::parse("CBC.99000012")
            );
            assert_eq!(failed[0].id, Some("Q-2"));
            assert_eq!(failed[1].code.as_str(), "CBC.9999999");
            Ok(failed.len())
        }
        Call::Write => client
            .create_sub_customer()
            .domain_name("faulty-customer")
            .xaccount_id("platform-user-7")
            .xaccount_type("example_IDP")
            .send()
            .await
            .map(|_| 0),
        Call::Read => client.list_sub_customers().send().await.map(|_| 0),
    }
}

/// Everything wrong with `result` against `row` (empty when right).
fn problems(row: &Row, result: &Result<usize, Error>, requests: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            found.push(what);
        }
    };
    match (&row.expect, result) {
        (Expect::Success, Ok(0)) => {}
        (Expect::PartialFailure { failed }, Ok(n)) => {
            check(n == failed, format!("{n} failed items reported"))
        }
        (Expect::Api { status, code }, Err(Error::Api(api))) => {
            check(api.status() == *status, format!("status {}", api.status()));
            check(
                api.code().as_ref().map(|c| c.as_str()) == *code,
                format!("code {:?}", api.code()),
            );
            if code.is_none() {
                check(
                    api.kind() == ApiErrorKind::Unrecognized,
                    format!("kind {:?}", api.kind()),
                );
                check(
                    api.body_snippet().chars().count() <= MAX_SNIPPET_CHARS,
                    format!("snippet of {} chars", api.body_snippet().chars().count()),
                );
            }
        }
        (Expect::Timeout, Err(e @ Error::Timeout(_))) => check(e.is_timeout(), "is_timeout".into()),
        (Expect::Transport { may_have_been_sent }, Err(Error::Transport(t))) => check(
            t.may_have_been_sent() == *may_have_been_sent,
            format!("may_have_been_sent {}", t.may_have_been_sent()),
        ),
        (Expect::OutcomeUnknown { timed_out }, Err(Error::OutcomeUnknown(unknown))) => {
            check(
                unknown.timed_out() == *timed_out,
                format!("timed_out {}", unknown.timed_out()),
            );
            check(
                unknown.reconcile_value("xaccount_id") == Some("platform-user-7")
                    && unknown.reconcile_value("xaccount_type") == Some("example_IDP")
                    && unknown.reconcile_value("domain_name") == Some("faulty-customer"),
                format!("reconcile {:?}", unknown.reconcile()),
            );
        }
        (Expect::InvalidResponse { status }, Err(Error::InvalidResponse(invalid))) => {
            check(
                invalid.status() == Some(*status),
                format!("status {:?}", invalid.status()),
            );
        }
        (expected, got) => check(false, format!("expected {expected:?}, got {got:?}")),
    }
    if let Err(error) = result {
        check(
            error.attempts() == row.attempts,
            format!("attempts {:?}", error.attempts()),
        );
        check(
            error.request_id() == row.request_id,
            format!("request id {:?}", error.request_id()),
        );
        // Display must work for every error (and say something).
        check(!error.to_string().is_empty(), "empty Display".into());
    }
    check(
        requests == row.requests,
        format!("server received {requests} requests"),
    );
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_fault_ends_in_its_typed_outcome_with_status_request_id_and_attempts() {
    let mut failures = Vec::new();
    for row in rows() {
        let server = FaultServer::start(row.script.clone()).await;
        let client = client(server.url());
        let result = make(row.call, &client).await;
        for problem in problems(&row, &result, server.requests().len()) {
            failures.push(format!("{}: {problem}", row.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[tokio::test]
async fn a_refused_connection_is_retried_even_for_a_write_because_nothing_was_sent() {
    // Bind then drop a listener: its port now refuses connections.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let client = client(&format!("http://127.0.0.1:{port}"));
    match make(Call::Write, &client).await {
        Err(Error::Transport(t)) => {
            assert!(!t.may_have_been_sent(), "{t}");
            assert_eq!(t.attempts(), 3, "{t}");
        }
        other => panic!("expected a transport error, got {other:?}"),
    }
}

#[tokio::test]
async fn retry_after_is_honoured_and_each_attempt_is_signed_afresh() {
    let throttled_for_a_second = Step::respond(
        "429 Too Many Requests",
        &[("Retry-After", "1"), ("X-Request-Id", "req-wait")],
        br#"{"error_code":"APIGW.0308","error_msg":"throttled"}"#,
    );
    let server = FaultServer::start(vec![throttled_for_a_second, Step::ok_json(CUSTOMER)]).await;
    // A real clock: the retry must carry a later X-Sdk-Date than the first attempt.
    let client = signing_to(server.url())
        .timeout(Duration::from_secs(10))
        .build()
        .expect("valid configuration");
    let started = Instant::now();
    make(Call::Write, &client)
        .await
        .expect("the retry succeeds");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After: 1 was not waited for"
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let header = |request: &[u8], name: &str| {
        String::from_utf8_lossy(request)
            .lines()
            .find_map(|line| {
                let (n, v) = line.split_once(':')?;
                n.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
            })
            .unwrap_or_else(|| panic!("no {name} header"))
    };
    assert_ne!(
        header(&requests[0], "x-sdk-date"),
        header(&requests[1], "x-sdk-date")
    );
    assert_ne!(
        header(&requests[0], "authorization"),
        header(&requests[1], "authorization")
    );
}

#[tokio::test]
async fn a_retry_after_beyond_the_call_timeout_is_not_waited_for() {
    let server = FaultServer::start(vec![Step::respond(
        "429 Too Many Requests",
        &[("Retry-After", "30"), ("X-Request-Id", "req-later")],
        br#"{"error_code":"APIGW.0308","error_msg":"throttled"}"#,
    )])
    .await;
    let started = Instant::now();
    let error = make(Call::Read, &client(server.url()))
        .await
        .expect_err("throttled");
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.attempts(), Some(1));
    assert!(
        started.elapsed() < STALL,
        "the client waited for a Retry-After it could not honour"
    );
}

#[tokio::test]
async fn retries_can_be_switched_off() {
    let server = FaultServer::start(vec![html_502()]).await;
    let client = signing_to(server.url())
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("valid configuration");
    let error = make(Call::Read, &client).await.expect_err("502");
    assert_eq!((error.status(), error.attempts()), (Some(502), Some(1)));
    assert_eq!(server.requests().len(), 1);
}

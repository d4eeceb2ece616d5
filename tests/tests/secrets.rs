//! The quickstart flow (the example's own code), run with tracing at TRACE, once signing with
//! AK/SK and once with a token, plus the failures a caller prints: nothing printed or logged
//! contains a secret (SK, token, passwords, verification codes), while the TRACE output does
//! show the request bodies, with those fields redacted.

mod support;

use huaweicloud_bss::{Client, Credentials, Error};
use huaweicloud_bss_sim::Injection;
use support::captured::Captured;

#[allow(dead_code)] // the example's `main` is not called here
#[path = "../../crates/huaweicloud-bss/examples/quickstart.rs"]
mod quickstart;

/// The password the quickstart sets on the customer it creates.
const QUICKSTART_PASSWORD: &str = "Examp1e#Pass";
const SECURITY_TOKEN: &str = "TEST_SECURITY_TOKEN_do_not_print";
const OTHER_PASSWORD: &str = "An0ther#Secret";
/// A password too short to be sent: refused before sending, and never printed either.
const SHORT_PASSWORD: &str = "Sh0rt#";

/// Runs `flow` with a TRACE subscriber writing into the returned capture.
async fn traced<F: std::future::Future<Output = ()>>(flow: impl FnOnce(Captured) -> F) -> String {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .with_ansi(false)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    flow(captured.clone()).await;
    captured.text()
}

fn assert_no_secret(output: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!output.contains(secret), "{secret:?} appears in:\n{output}");
    }
}

/// The quickstart, then the failures a caller would print with `{}` and `{:?}`.
async fn quickstart_and_failures(
    sim: &huaweicloud_bss_sim::RunningSimulator,
    client: &Client,
    out: &Captured,
) {
    let report = |line: &str| out.push(line);
    quickstart::run(client, report)
        .await
        .expect("the quickstart succeeds");
    out.push(&format!("{client:?}"));

    // An API error answering a request that carried a password.
    sim.inject(Injection::error("CreateSubCustomer", "CBC.99000036"));
    let error = create(client, "secrets-02").await.expect_err("injected");
    out.push(&format!("{error}\n{error:?}"));
    // A write whose outcome is unknown (its report quotes request fields).
    sim.inject(Injection::DropAfterHandling {
        operation: "CreateSubCustomer".into(),
    });
    let error = create(client, "secrets-03").await.expect_err("dropped");
    assert!(matches!(error, Error::OutcomeUnknown(_)), "{error:?}");
    out.push(&format!("{error}\n{error:?}"));
    // A value refused before sending.
    let refused = client
        .create_sub_customer()
        .domain_name("secrets-04")
        .xaccount_id("x-secrets-04")
        .xaccount_type("example_IDP")
        .password(SHORT_PASSWORD)
        .send()
        .await
        .expect_err("too short");
    assert_eq!(refused.field(), Some("password"), "{refused:?}");
    out.push(&format!("{refused}\n{refused:?}"));
}

async fn create(client: &Client, name: &str) -> Result<(), Error> {
    client
        .create_sub_customer()
        .domain_name(name)
        .xaccount_id(format!("x-{name}"))
        .xaccount_type("example_IDP")
        .password(OTHER_PASSWORD)
        .send()
        .await?;
    Ok(())
}

#[tokio::test]
async fn signing_with_ak_sk_prints_and_logs_no_secret() {
    let (sim, _) = support::sim_and_client().await;
    let credentials =
        Credentials::new(support::AK, support::SK).with_security_token(SECURITY_TOKEN);
    let client = support::builder_for(&sim)
        .credentials(credentials)
        .build()
        .expect("valid configuration");
    let output =
        traced(|out| async move { quickstart_and_failures(&sim, &client, &out).await }).await;

    assert_no_secret(
        &output,
        &[
            support::SK,
            SECURITY_TOKEN,
            QUICKSTART_PASSWORD,
            OTHER_PASSWORD,
            SHORT_PASSWORD,
        ],
    );
    // The capture is real: calls, bodies (redacted) and printed lines are in it.
    assert!(output.contains("CreateSubCustomer: domain_id="), "{output}");
    assert!(output.contains("request body"), "{output}");
    assert!(output.contains(r#""password":"[REDACTED]""#), "{output}");
    assert!(
        output.contains("outcome of CreateSubCustomer unknown"),
        "{output}"
    );
}

#[tokio::test]
async fn a_token_client_prints_and_logs_no_token() {
    let (sim, _) = support::sim_and_client().await;
    let client = Client::builder()
        .endpoint(sim.url())
        .auth_token(support::TOKEN)
        .build()
        .expect("valid configuration");
    let output =
        traced(|out| async move { quickstart_and_failures(&sim, &client, &out).await }).await;

    assert_no_secret(
        &output,
        &[
            support::TOKEN,
            QUICKSTART_PASSWORD,
            OTHER_PASSWORD,
            SHORT_PASSWORD,
        ],
    );
    assert!(output.contains("ListSubCustomers: "), "{output}");
}

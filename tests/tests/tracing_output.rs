//! Every call leaves one span with operation, status, attempts, duration and request id; and
//! nothing logged at any level, TRACE included, shows a secret.

mod support;

use huaweicloud_bss::{Error, types};
use support::captured::Captured;

const PASSWORD: &str = "Tr4ce#Secret";
const MOBILE: &str = "13912345678";

#[tokio::test]
async fn the_quickstart_flow_at_trace_level_logs_spans_and_no_secret() -> Result<(), Error> {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .with_ansi(false)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let (sim, client) = support::sim_and_client().await;
    client
        .send_verification_message_code()
        .receiver_type(1)
        .mobile_phone(MOBILE)
        .send()
        .await?;
    let code = sim
        .state()
        .verification_code(MOBILE)
        .expect("a code was sent")
        .to_string();
    client
        .check_user_identity()
        .search_type(types::CheckSubcustomerUserReqSearchType::Name)
        .search_value("tracer01")
        .send()
        .await?;
    client
        .create_sub_customer()
        .domain_name("tracer01")
        .xaccount_id("trace-1")
        .xaccount_type("example_IDP")
        .mobile_phone(MOBILE)
        .verification_code(code.as_str())
        .password(PASSWORD)
        .send()
        .await?;
    client.list_sub_customers().send().await?;

    let output = captured.utf8().expect("UTF-8 logs");
    for operation in [
        "SendVerificationMessageCode",
        "CheckUserIdentity",
        "CreateSubCustomer",
        "ListSubCustomers",
    ] {
        let line = output
            .lines()
            .find(|l| {
                l.contains("bss.call")
                    && l.contains(&format!("operation=\"{operation}\""))
                    && l.contains("BSS call answered")
            })
            .unwrap_or_else(|| panic!("no span event for {operation} in:\n{output}"));
        for field in ["attempts=1", "status=", "request_id=\"sim-", "duration_ms="] {
            assert!(
                line.contains(field),
                "{operation} span lacks {field}: {line}"
            );
        }
    }
    for secret in [support::SK, PASSWORD, code.as_str()] {
        assert!(!output.contains(secret), "a secret was logged:\n{output}");
    }
    Ok(())
}

//! The `bss` binary against the simulator: calls end to end, exit codes by error class, help.

use std::net::TcpListener;

use assert_cmd::Command;
use huaweicloud_bss_sim::{Injection, RunningSimulator, Simulator};

const AK: &str = "CLI_TEST_AK";
const SK: &str = "CLI_TEST_SK";
const ENDPOINT_VAR: &str = "HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1";

/// A simulator served by its own runtime, kept alive as long as the test holds it.
struct Sim {
    running: RunningSimulator,
    _runtime: tokio::runtime::Runtime,
}

fn simulator() -> Sim {
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let running = runtime
        .block_on(Simulator::new(AK, SK).start())
        .expect("simulator starts");
    Sim {
        running,
        _runtime: runtime,
    }
}

/// `bss` with credentials for the simulator and nothing from the real environment.
fn bss(sim: &Sim) -> Command {
    let mut cmd = bare_bss();
    cmd.env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .env(ENDPOINT_VAR, sim.running.url());
    cmd
}

fn bare_bss() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bss"));
    cmd.env_clear();
    cmd
}

fn stdout_json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn create_sub_customer_from_flags_prints_the_new_account_as_json() {
    let sim = simulator();
    let output = bss(&sim)
        .args(["create-sub-customer", "--xaccount-id", "cli-flags-1"])
        .args([
            "--xaccount-type",
            "example_IDP",
            "--domain-name",
            "cliflags01",
        ])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let created = stdout_json(&output);
    let customer = sim
        .running
        .state()
        .customer_by_name("cliflags01")
        .cloned()
        .expect("the simulator holds the new customer");
    assert_eq!(created["domain_name"], "cliflags01");
    assert_eq!(created["domain_id"], customer.domain_id.as_str());
    assert_eq!(customer.xaccount_id, "cli-flags-1");
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
}

#[test]
fn create_sub_customer_from_a_json_body_file() {
    let sim = simulator();
    let body = serde_json::json!({
        "xaccount_id": "cli-json-1",
        "xaccount_type": "example_IDP",
        "domain_name": "clijson01",
        "password": "Examp1e#Pass",
    });
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("create-sub-customer.json");
    std::fs::write(&path, body.to_string()).unwrap();
    let output = bss(&sim)
        .args(["create-sub-customer", "--json-body"])
        .arg(&path)
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert_eq!(stdout_json(&output)["domain_name"], "clijson01");
    let received = sim.running.received();
    let sent: serde_json::Value = serde_json::from_slice(&received[0].body).unwrap();
    assert_eq!(sent, body, "the file's body is sent as written");
}

#[test]
fn a_field_breaking_a_documented_rule_exits_2_before_sending() {
    let sim = simulator();
    let too_long = "x".repeat(129); // maxLength 128
    let output = bss(&sim)
        .args(["create-sub-customer", "--xaccount-id", &too_long])
        .args(["--xaccount-type", "example_IDP"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        stderr(&output).contains("xaccount_id: at most 128 characters"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
    assert_eq!(sim.running.requests_served(), 0);
}

#[test]
fn create_sub_customer_from_a_json_body_on_stdin() {
    let sim = simulator();
    let body = serde_json::json!({
        "xaccount_id": "cli-stdin-1",
        "xaccount_type": "example_IDP",
        "domain_name": "clistdin01",
        "password": "Examp1e#Pass",
    });
    let output = bss(&sim)
        .args(["create-sub-customer", "--json-body", "-"])
        .write_stdin(body.to_string())
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert_eq!(stdout_json(&output)["domain_name"], "clistdin01");
    let received = sim.running.received();
    let sent: serde_json::Value = serde_json::from_slice(&received[0].body).unwrap();
    assert_eq!(sent, body, "the body read from stdin is sent as written");
}

#[test]
fn flags_replace_single_fields_of_a_json_body() {
    let sim = simulator();
    let body = r#"{"xaccount_id": "cli-both-1", "xaccount_type": "example_IDP"}"#;
    bss(&sim)
        .args(["create-sub-customer", "--json-body", "-"])
        .args(["--domain-name", "cliboth01"])
        .write_stdin(body)
        .assert()
        .code(0);
    let received = sim.running.received();
    let sent: serde_json::Value = serde_json::from_slice(&received[0].body).unwrap();
    assert_eq!(sent["xaccount_id"], "cli-both-1");
    assert_eq!(sent["domain_name"], "cliboth01");
}

#[test]
fn an_invalid_json_body_on_stdin_exits_2_before_sending() {
    let sim = simulator();
    let output = bss(&sim)
        .args(["create-sub-customer", "--json-body", "-"])
        .write_stdin(r#"{"xaccount_id": "cli-stdin-2"}"#)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = stderr(&output);
    assert!(stderr.contains("standard input"), "{stderr}");
    assert!(stderr.contains("xaccount_type"), "{stderr}");
    assert_eq!(sim.running.requests_served(), 0);
}

#[test]
fn a_bad_secret_is_rejected_without_echoing_it() {
    let sim = simulator();
    let output = bss(&sim)
        .args(["create-sub-customer", "--xaccount-id", "cli-secret-1"])
        .args(["--xaccount-type", "example_IDP", "--password", "Sh0rt!"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = stderr(&output);
    assert!(stderr.contains("password: 8 to 32 characters"), "{stderr}");
    assert!(!stderr.contains("Sh0rt!"), "{stderr}");

    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("short-password.json");
    let body =
        r#"{"xaccount_id": "cli-secret-2", "xaccount_type": "example_IDP", "password": "Sh0rt!"}"#;
    std::fs::write(&path, body).unwrap();
    let output = bss(&sim)
        .args(["create-sub-customer", "--json-body"])
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("password: 8 to 32 characters"), "{stderr}");
    assert!(!stderr.contains("Sh0rt!"), "{stderr}");
    assert_eq!(sim.running.requests_served(), 0);
}

#[test]
fn an_invalid_json_body_exits_2_naming_the_file_before_sending() {
    let sim = simulator();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("missing-type.json");
    std::fs::write(&path, r#"{"xaccount_id": "cli-json-2"}"#).unwrap();
    let output = bss(&sim)
        .args(["create-sub-customer", "--json-body"])
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = stderr(&output);
    assert!(stderr.contains("missing-type.json"), "{stderr}");
    assert!(stderr.contains("xaccount_type"), "{stderr}");
    assert_eq!(sim.running.requests_served(), 0);
}

#[test]
fn an_error_answer_exits_3_with_one_line_naming_the_code() {
    let sim = simulator();
    sim.running
        .inject(Injection::error("CreateSubCustomer", "CBC.0999"));
    let output = bss(&sim)
        .args(["create-sub-customer", "--xaccount-id", "cli-api-1"])
        .args(["--xaccount-type", "example_IDP"])
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stderr = stderr(&output);
    assert!(stderr.starts_with("bss: "), "{stderr}");
    assert!(stderr.contains("CBC.0999"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn a_write_whose_answer_is_lost_exits_5() {
    let sim = simulator();
    sim.running.inject(Injection::DropAfterHandling {
        operation: "CreateSubCustomer".into(),
    });
    let output = bss(&sim)
        .args(["create-sub-customer", "--xaccount-id", "cli-lost-1"])
        .args(["--xaccount-type", "example_IDP"])
        .assert()
        .code(5)
        .get_output()
        .clone();
    assert!(
        stderr(&output).contains("cli-lost-1"),
        "the reconcile keys are named: {}",
        stderr(&output)
    );
}

#[test]
fn an_endpoint_refusing_connections_exits_4() {
    let sim = simulator();
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    bss(&sim)
        .args(["check-user-identity", "--search-type", "name"])
        .args(["--search-value", "someone01", "--endpoint"])
        .arg(format!("http://{closed}"))
        .assert()
        .code(4);
    assert_eq!(
        sim.running.requests_served(),
        0,
        "--endpoint wins over the environment"
    );
}

#[test]
fn missing_credentials_exit_6_naming_the_variable() {
    let output = bare_bss()
        .args(["list-sub-customers"])
        .assert()
        .code(6)
        .get_output()
        .clone();
    assert!(
        stderr(&output).contains("HUAWEICLOUD_SDK_AK"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_json_body_template_is_the_documented_example() {
    let output = bare_bss()
        .args(["create-sub-customer", "--json-body-template"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert_eq!(stdout_json(&output)["xaccount_type"], "example_IDP");
}

#[test]
fn help_lists_every_operation_of_the_spec() {
    let output = bare_bss()
        .arg("--help")
        .assert()
        .code(0)
        .get_output()
        .clone();
    let help = String::from_utf8(output.stdout).unwrap();
    for op in huaweicloud_bss::operations::OPERATIONS {
        let name = op.client_method.replace('_', "-");
        assert!(
            help.contains(&format!("  {name}\n")),
            "{name} missing from:\n{help}"
        );
        assert!(help.contains(op.summary), "{} missing", op.summary);
    }
}

#[test]
fn create_sub_customer_help() {
    let output = bare_bss()
        .args(["create-sub-customer", "--help"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn an_integer_flag_outside_its_enum_exits_2_before_sending() {
    let sim = simulator();
    let output = bss(&sim)
        .args(["list-enterprise-sub-customers", "--fuzzy-query", "7"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = stderr(&output);
    assert!(stderr.contains("fuzzy_query"), "{stderr}");
    assert_eq!(sim.running.requests_served(), 0);
}

//! Every error code the spec documents, answered by the simulator to a valid call, comes back
//! as the typed error a caller acts on: documented status, typed code, documented message,
//! request id, and a Display line that quotes all three.

mod support;

use std::collections::BTreeSet;

use huaweicloud_bss::operations::OPERATIONS;
use huaweicloud_bss::{ApiErrorKind, Client, Credentials, Error, ErrorCode};
use huaweicloud_bss_sim::Injection;
use support::calls::call_valid;

/// Everything wrong with one error against the documentation of `code` (empty when right).
fn problems_with(err: &Error, code: &str, expected_kind: ApiErrorKind) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(info) = ErrorCode::parse(code).info() else {
        return vec![format!("{code} is not in the spec's error record")];
    };
    let Some(api) = err.api() else {
        return vec![format!("not an answer from the server: {err:?}")];
    };
    if err.status() != Some(info.status) {
        problems.push(format!(
            "status {:?}, documented {}",
            err.status(),
            info.status
        ));
    }
    match err.code() {
        None => problems.push("no error code".to_string()),
        Some(ErrorCode::Unknown(raw)) => {
            problems.push(format!("code {raw:?} decoded as ErrorCode::Unknown"))
        }
        Some(typed) if typed.as_str() != code => {
            problems.push(format!("code decoded as {typed:?} ({})", typed.as_str()))
        }
        Some(_) => {}
    }
    if err.message() != Some(info.message) {
        problems.push(format!(
            "message {:?}, documented {:?}",
            err.message(),
            info.message
        ));
    }
    if api.kind() != expected_kind {
        problems.push(format!("kind {:?}, expected {expected_kind:?}", api.kind()));
    }
    let request_id = err.request_id().unwrap_or_default();
    if !request_id.starts_with("sim-") {
        problems.push(format!("request id {:?}", err.request_id()));
    }
    let display = err.to_string();
    let status = info.status.to_string();
    for part in [code, status.as_str(), request_id] {
        if part.is_empty() || !display.contains(part) {
            problems.push(format!("Display {display:?} does not quote {part:?}"));
        }
    }
    problems
}

/// Every (operation, code) pair the spec documents, read from `spec/bss.yaml` itself (each
/// operation's `x-bss-error-codes` list), not from the generated table the test walks.
fn documented_pairs() -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/bss.yaml"))
        .expect("spec/bss.yaml is readable");
    let spec: serde_yaml::Value = serde_yaml::from_str(&text).expect("spec/bss.yaml is YAML");
    let paths = spec["paths"].as_mapping().expect("the spec has paths");
    let mut pairs = BTreeSet::new();
    for item in paths.values() {
        for op in item.as_mapping().into_iter().flat_map(|m| m.values()) {
            let Some(id) = op["operationId"].as_str() else {
                continue;
            };
            for code in op["x-bss-error-codes"].as_sequence().into_iter().flatten() {
                let code = code.as_str().expect("error codes are strings");
                pairs.insert((id.to_string(), code.to_string()));
            }
        }
    }
    pairs
}

fn assert_no_failures(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} of {what} failed:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[tokio::test]
async fn every_documented_code_of_every_operation_decodes_to_its_typed_error() {
    let (sim, client) = support::sim_and_single_attempt_client().await;
    let mut failures = Vec::new();
    let mut pairs = 0;
    let mut exercised = BTreeSet::new();
    // Requests made to prepare a call (the customer a real-name application is for).
    let mut setup = 0;
    for op in OPERATIONS {
        assert!(
            !op.error_codes.is_empty(),
            "{} documents no error code",
            op.id
        );
        for &code in op.error_codes {
            pairs += 1;
            exercised.insert((op.id.to_string(), code.to_string()));
            setup += support::calls::setup_requests(op.id);
            if ErrorCode::parse(code)
                .info()
                .is_some_and(|info| info.gateway)
            {
                failures.push(format!(
                    "{} / {code}: gateway codes must not be repeated in operation lists",
                    op.id
                ));
            }
            sim.inject(Injection::error(op.id, code));
            // Codes documented with HTTP 200 are per-item failures of a batch, reported in
            // a successful answer's error_details (see tests/tests/operations/coupons.rs).
            let partial = ErrorCode::parse(code)
                .info()
                .is_some_and(|info| info.status == 200);
            match call_valid(&client, op.id).await {
                Ok(()) if partial => {}
                Err(err) if partial => failures.push(format!(
                    "{} / {code}: a partial failure made the call fail: {err}",
                    op.id
                )),
                Ok(()) => failures.push(format!("{} / {code}: the call succeeded", op.id)),
                Err(err) => {
                    for problem in problems_with(&err, code, ApiErrorKind::Service) {
                        failures.push(format!("{} / {code}: {problem}", op.id));
                    }
                }
            }
        }
    }
    assert_no_failures(&format!("{pairs} (operation, code) pairs"), &failures);
    // The pairs exercised are exactly the ones the spec documents: a code missing from the
    // generated table (or skipped above) is named here, and so is one the spec does not have.
    let documented = documented_pairs();
    let missing: Vec<_> = documented.difference(&exercised).collect();
    let undocumented: Vec<_> = exercised.difference(&documented).collect();
    assert!(
        missing.is_empty() && undocumented.is_empty(),
        "documented in the spec but not exercised: {missing:?}; exercised but not in the spec: \
         {undocumented:?}"
    );
    assert_eq!(pairs, documented.len(), "every pair exercised once");
    // Every recorded code that is not the gateway's belongs to some operation's list.
    let unused: Vec<_> = ErrorCode::ALL
        .iter()
        .filter(|&&code| {
            !ErrorCode::parse(code)
                .info()
                .is_some_and(|info| info.gateway)
        })
        .filter(|&&code| !exercised.iter().any(|(_, c)| c == code))
        .collect();
    assert!(
        unused.is_empty(),
        "recorded codes no operation documents: {unused:?}"
    );
    assert_eq!(sim.requests_served(), pairs + setup);
}

#[tokio::test]
async fn a_valid_call_of_each_operation_succeeds_even_when_repeated() {
    let (sim, client) = support::sim_and_single_attempt_client().await;
    let mut failures = Vec::new();
    for op in OPERATIONS {
        for attempt in 1..=2 {
            if let Err(err) = call_valid(&client, op.id).await {
                failures.push(format!("{} (call {attempt}): {err}", op.id));
            }
        }
    }
    assert_no_failures("the valid calls", &failures);
    let setup: usize = OPERATIONS
        .iter()
        .map(|op| 2 * support::calls::setup_requests(op.id))
        .sum();
    assert_eq!(sim.requests_served(), 2 * OPERATIONS.len() + setup);
    let state = sim.state();
    assert_eq!(
        state.created_customers().len(),
        2 + setup,
        "CreateSubCustomer created two customers, and one per real-name application"
    );
    assert_eq!(
        state.sub_enterprise_accounts.len(),
        1 + 2,
        "CreateSubEnterpriseAccount created two member accounts besides the seeded one"
    );
    assert_eq!(
        state.verification_codes.len(),
        2,
        "two codes went to two numbers"
    );
}

#[tokio::test]
async fn injected_errors_are_consumed_by_exactly_one_call() {
    let (sim, client) = support::sim_and_single_attempt_client().await;
    for op in OPERATIONS {
        sim.inject(Injection::error(op.id, "CBC.0999"));
        let err = call_valid(&client, op.id)
            .await
            .expect_err("the injected error answers the first call");
        assert_eq!(err.code(), Some(ErrorCode::Cbc0999), "{}: {err}", op.id);
        call_valid(&client, op.id)
            .await
            .unwrap_or_else(|e| panic!("{}: the second call is served normally: {e}", op.id));
    }
}

#[tokio::test]
async fn a_wrong_secret_key_is_rejected_by_the_gateway_with_apigw_0301() {
    let (sim, _) = support::sim_and_single_attempt_client().await;
    let client = Client::builder()
        .endpoint(sim.url())
        .credentials(Credentials::new(support::AK, "not-the-secret-key"))
        .build()
        .expect("valid configuration");
    let mut failures = Vec::new();
    for op in OPERATIONS {
        let err = match call_valid(&client, op.id).await {
            Ok(()) => {
                failures.push(format!("{}: accepted a wrong signature", op.id));
                continue;
            }
            Err(err) => err,
        };
        let info = ErrorCode::Apigw0301.info().expect("documented");
        assert!(info.gateway);
        let api = err.api().expect("an answer from the gateway");
        let mut problems = Vec::new();
        if err.status() != Some(401) || info.status != 401 {
            problems.push(format!("status {:?}", err.status()));
        }
        if err.code() != Some(ErrorCode::Apigw0301) {
            problems.push(format!("code {:?}", err.code()));
        }
        if api.kind() != ApiErrorKind::Gateway {
            problems.push(format!("kind {:?}", api.kind()));
        }
        // The gateway says why; the documented meaning is the start of it.
        if !err
            .message()
            .is_some_and(|m| m.starts_with("Incorrect IAM authentication information"))
        {
            problems.push(format!("message {:?}", err.message()));
        }
        let request_id = err.request_id().unwrap_or_default();
        if !request_id.starts_with("sim-") {
            problems.push(format!("request id {request_id:?}"));
        }
        let display = err.to_string();
        if !(display.contains("APIGW.0301")
            && display.contains("401")
            && display.contains(request_id))
        {
            problems.push(format!("Display {display:?}"));
        }
        failures.extend(problems.into_iter().map(|p| format!("{}: {p}", op.id)));
    }
    assert_no_failures("the wrongly signed calls", &failures);
    // Nothing was done on behalf of a caller who failed authentication.
    assert!(sim.state().created_customers().is_empty());
    assert_eq!(
        sim.state().sub_enterprise_accounts.len(),
        1,
        "only the seeded member"
    );
}

#[tokio::test]
async fn a_wrong_token_is_rejected_by_the_gateway_with_apigw_0301() {
    let (sim, _) = support::sim_and_single_attempt_client().await;
    let client = Client::builder()
        .endpoint(sim.url())
        .auth_token("not-the-token")
        .build()
        .expect("valid configuration");
    let err = call_valid(&client, "ListSubCustomers")
        .await
        .expect_err("a wrong token is refused");
    assert_eq!(err.status(), Some(401), "{err}");
    assert_eq!(err.code(), Some(ErrorCode::Apigw0301), "{err}");
    assert_eq!(err.api().map(|a| a.kind()), Some(ApiErrorKind::Gateway));
}

#[tokio::test]
async fn throttling_by_the_gateway_is_apigw_0308_with_status_429() {
    let (sim, client) = support::sim_and_single_attempt_client().await;
    let mut failures = Vec::new();
    for op in OPERATIONS {
        sim.inject(Injection::error(op.id, "APIGW.0308"));
        match call_valid(&client, op.id).await {
            Ok(()) => failures.push(format!("{}: the call succeeded", op.id)),
            Err(err) => {
                for problem in problems_with(&err, "APIGW.0308", ApiErrorKind::Gateway) {
                    failures.push(format!("{}: {problem}", op.id));
                }
            }
        }
    }
    assert_no_failures("the throttled calls", &failures);
}

#[tokio::test]
async fn cbc_7004_lists_its_failed_check_items_in_the_error_and_its_display() {
    let (sim, client) = support::sim_and_single_attempt_client().await;
    sim.inject(Injection::error("CreateSubEnterpriseAccount", "CBC.7004"));
    let err = call_valid(&client, "CreateSubEnterpriseAccount")
        .await
        .expect_err("CBC.7004 was injected");
    assert_eq!(err.code(), Some(ErrorCode::Cbc7004), "{err}");
    assert_eq!(err.status(), Some(500), "{err}");
    assert_eq!(err.fail_check_items(), ["MAX_SUB_CUSTOMER_NUM"]);
    assert_eq!(
        err.api().map(|a| a.fail_check_items().to_vec()),
        Some(vec!["MAX_SUB_CUSTOMER_NUM".to_string()])
    );
    let display = err.to_string();
    assert!(
        display.contains("unmet checks: MAX_SUB_CUSTOMER_NUM"),
        "{display}"
    );
    assert_eq!(
        sim.state().sub_enterprise_accounts.len(),
        1,
        "only the seeded member"
    );
}

#[tokio::test]
async fn cbc_99000050_reports_the_account_the_simulator_created_despite_the_error() {
    let (sim, client) = support::sim_and_single_attempt_client().await;
    sim.inject(Injection::CreatedDespiteError);
    let err = call_valid(&client, "CreateSubCustomer")
        .await
        .expect_err("CBC.99000050 was injected");
    assert!(problems_with(&err, "CBC.99000050", ApiErrorKind::Service).is_empty());

    let customers: Vec<_> = sim
        .state()
        .created_customers()
        .into_iter()
        .cloned()
        .collect();
    assert_eq!(
        customers.len(),
        1,
        "the account exists although the call failed"
    );
    let created = err
        .created_account()
        .expect("CBC.99000050 carries the account");
    assert_eq!(
        created.domain_id.as_deref(),
        Some(customers[0].domain_id.as_str())
    );
    assert_eq!(
        created.domain_name.as_deref(),
        Some(customers[0].domain_name.as_str())
    );
    let display = err.to_string();
    assert!(
        display.contains(&format!("domain_id={}", customers[0].domain_id)),
        "{display}"
    );
    assert!(display.contains(&customers[0].domain_name), "{display}");

    // The account is there for ListSubCustomers to confirm, as the documentation advises.
    let listed = client
        .list_sub_customers()
        .customer_id(customers[0].domain_id.as_str())
        .send()
        .await
        .expect("ListSubCustomers answers")
        .into_inner();
    assert_eq!(listed.count, Some(1));
}

#[tokio::test]
async fn an_error_without_an_account_carries_no_created_account() {
    let (sim, client) = support::sim_and_single_attempt_client().await;
    sim.inject(Injection::error("CreateSubCustomer", "CBC.99000050"));
    let err = call_valid(&client, "CreateSubCustomer")
        .await
        .expect_err("CBC.99000050 was injected");
    assert_eq!(err.code(), Some(ErrorCode::Cbc99000050));
    assert_eq!(err.created_account(), None, "{err}");
    assert!(!err.to_string().contains("created nevertheless"), "{err}");
}

#[tokio::test]
async fn an_unknown_code_from_the_server_is_kept_verbatim() {
    // RESPOND_WITH_HEADER cannot be sent through the public client (it has no per-request
    // header), so the unknown code is injected.
    let (sim, client) = support::sim_and_single_attempt_client().await;
    sim.inject(Injection::error("ListSubCustomers", "CBC.12345"));
    let err = call_valid(&client, "ListSubCustomers")
        .await
        .expect_err("CBC.12345 was injected");
    assert_eq!(
        err.code(),
        Some(ErrorCode::Unknown("CBC.12345".to_string())),
        "{err}"
    );
    assert_eq!(
        err.code().as_ref().map(ErrorCode::as_str),
        Some("CBC.12345")
    );
    assert_eq!(err.code().as_ref().and_then(ErrorCode::info), None);
    assert_eq!(err.api().map(|a| a.kind()), Some(ApiErrorKind::Service));
    assert_eq!(err.status(), Some(500), "{err}");
    assert!(err.request_id().is_some_and(|id| id.starts_with("sim-")));
    let display = err.to_string();
    assert!(
        display.contains("CBC.12345") && display.contains("500"),
        "{display}"
    );
}

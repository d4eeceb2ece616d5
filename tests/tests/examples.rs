//! Every example's own flow (its `run`), against the simulator: what it reports and what it
//! leaves in the simulator's state. `cargo run --example` would build each example separately;
//! including the files here runs the same code in one test binary.

mod support;

use std::sync::Mutex;

use huaweicloud_bss::{Decimal, Error};
use huaweicloud_bss_sim::{Injection, seed};

#[allow(dead_code)]
#[path = "../../crates/huaweicloud-bss/examples/coupons.rs"]
mod coupons;
#[allow(dead_code)] // each example's `main` is not called here
#[path = "../../crates/huaweicloud-bss/examples/customer_lifecycle.rs"]
mod customer_lifecycle;
#[allow(dead_code)]
#[path = "../../crates/huaweicloud-bss/examples/enterprise_multi_account.rs"]
mod enterprise_multi_account;
#[allow(dead_code)]
#[path = "../../crates/huaweicloud-bss/examples/reseller_funding.rs"]
mod reseller_funding;

/// The lines an example reports.
#[derive(Default)]
struct Lines(Mutex<Vec<String>>);

impl Lines {
    fn push(&self, line: &str) {
        self.0.lock().unwrap().push(line.to_string());
    }
    fn text(&self) -> String {
        self.0.lock().unwrap().join("\n")
    }
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).expect("a decimal")
}

#[tokio::test]
async fn customer_lifecycle_creates_funds_and_partly_reclaims() {
    let (sim, client) = support::sim_and_client().await;
    let lines = Lines::default();
    let customer = customer_lifecycle::run(&client, |l| lines.push(l))
        .await
        .expect("the lifecycle succeeds");
    let text = lines.text();
    let state = sim.state();
    let created = state
        .customer_by_name(customer_lifecycle::DOMAIN_NAME)
        .expect("the customer exists");
    assert_eq!(created.domain_id, customer);
    assert_eq!(
        state.ledger.customer_amount(&customer),
        dec("60.00"),
        "{text}"
    );
    assert!(state.realname(&customer).is_some(), "applied: {text}");
    assert!(text.contains("balance 60.00"), "{text}");
    assert_eq!(text.lines().count(), 7, "one line per call: {text}");
}

#[tokio::test]
async fn customer_lifecycle_reports_the_reconcile_keys_of_a_lost_creation() {
    let (sim, client) = support::sim_and_client().await;
    sim.inject(Injection::DropAfterHandling {
        operation: "CreateSubCustomer".into(),
    });
    let lines = Lines::default();
    let error = customer_lifecycle::run(&client, |l| lines.push(l))
        .await
        .expect_err("the answer is lost");
    assert!(matches!(error, Error::OutcomeUnknown(_)), "{error:?}");
    assert!(
        lines
            .text()
            .contains(r#"outcome unknown; reconcile with xaccount_id=Some("platform-user-1001")"#),
        "{}",
        lines.text()
    );
}

#[tokio::test]
async fn reseller_funding_moves_exact_amounts_and_shows_a_refusal() {
    let (sim, client) = support::sim_and_client().await;
    let lines = Lines::default();
    reseller_funding::run(&client, seed::RESELLER_A, |l| lines.push(l))
        .await
        .expect("the funding succeeds");
    let text = lines.text();
    let state = sim.state();
    let reseller = state.partner_accounts(Some(seed::RESELLER_A)).unwrap();
    assert_eq!(
        reseller.cash(),
        dec(seed::RESELLER_CASH) + dec("200.00"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "ListIndirectPartners: {} reseller(s)",
            state.resellers.len()
        )),
        "{text}"
    );
    assert!(
        text.contains("99999999.00 refused (CBC.99005003)"),
        "{text}"
    );
}

#[tokio::test]
async fn coupons_are_issued_listed_and_reclaimed_with_typed_partial_failures() {
    let (sim, client) = support::sim_and_client().await;
    let lines = Lines::default();
    coupons::run(&client, seed::PARTNER_QUOTA, seed::RESELLER_A, |l| {
        lines.push(l)
    })
    .await
    .expect("the coupon flow succeeds");
    let text = lines.text();
    assert!(
        text.contains(&format!(
            "no quota for {} (CBC.99000037)",
            coupons::UNKNOWN_RESELLER
        )),
        "{text}"
    );
    assert!(text.contains("the customer holds 1 coupon(s)"), "{text}");
    assert!(
        text.contains("ReclaimCouponQuotas: 1 quota(s) back, 0 failed"),
        "{text}"
    );
    let state = sim.state();
    let partner_quota = state.coupons.quota(seed::PARTNER_QUOTA).unwrap();
    // 10.00 issued as a quota and 20.00 as a coupon, both reclaimed.
    assert_eq!(partner_quota.balance, dec("1000000.00"), "{text}");
}

#[tokio::test]
async fn enterprise_multi_account_creates_a_member_and_moves_cash_both_ways() {
    let (sim, client) = support::sim_and_client().await;
    let lines = Lines::default();
    enterprise_multi_account::run(&client, seed::MEMBER_ID, |l| lines.push(l))
        .await
        .expect("the multi-account flow succeeds");
    let text = lines.text();
    assert!(
        text.contains("member holds 300.00, master can transfer 9800.00"),
        "{text}"
    );
    let state = sim.state();
    assert_eq!(
        state.multi_account.member_cash(seed::MEMBER_ID),
        dec("300.00"),
        "{text}"
    );
    assert!(
        state
            .sub_enterprise_accounts
            .iter()
            .any(|a| a.customer_name == "example-team01"),
        "{text}"
    );
}

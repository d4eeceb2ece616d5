//! Coupons: carve a cash-coupon quota for a reseller out of the distributor's quota, issue a
//! coupon to a customer, list what was issued, and take both back. Batch operations answer
//! HTTP 200 even when some items fail; `PartialFailures::failed` lists those items, typed.
//!
//! Runs against the BSS simulator started in-process (no Huawei credentials needed), whose
//! seeded quota and reseller it uses:
//!
//! ```text
//! cargo run -p huaweicloud-bss --example coupons
//! ```

use std::process::ExitCode;

use huaweicloud_bss::{Client, Credentials, Error, PartialFailures};
use huaweicloud_bss_sim::seed;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    // RUST_LOG=huaweicloud_bss=debug (or trace) shows each request, its retries and answers.
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();
    // The simulator's credentials mean nothing outside this process.
    let sim = match huaweicloud_bss_sim::Simulator::new("EXAMPLE_AK", "EXAMPLE_SK")
        .start()
        .await
    {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("could not start the local simulator: {e}");
            return ExitCode::FAILURE;
        }
    };
    let client = Client::builder()
        .endpoint(sim.url())
        .credentials(Credentials::new("EXAMPLE_AK", "EXAMPLE_SK"))
        .build();
    let result = match client {
        Ok(client) => {
            let quota = seed::PARTNER_QUOTA;
            run(&client, quota, seed::RESELLER_A, |line| println!("{line}")).await
        }
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A reseller id that does not exist: its part of the batch fails, the rest succeeds.
pub const UNKNOWN_RESELLER: &str = "0123456789abcdef0123456789abcdef";

/// Issues from the distributor's `quota`: a 10.00 quota to `reseller` (and to an unknown
/// reseller, which fails), a 20.00 coupon to a new customer; then reclaims both. Each result
/// is reported as one line through `report`.
pub async fn run(
    client: &Client,
    quota: &str,
    reseller: &str,
    report: impl Fn(&str),
) -> Result<(), Error> {
    let issued = client
        .update_coupon_quotas()
        .quota_id(quota)
        .indirect_partner_ids([reseller, UNKNOWN_RESELLER])
        .quota_amount("10.00")
        .send()
        .await?;
    for failure in issued.failed() {
        report(&format!(
            "UpdateCouponQuotas: no quota for {} ({})",
            failure.id.unwrap_or("?"),
            failure.code.as_str()
        ));
    }
    let new_quotas: Vec<String> = issued
        .simple_quota_infos
        .iter()
        .filter_map(|q| q.quota_id.clone())
        .collect();
    report(&format!("UpdateCouponQuotas: issued {new_quotas:?}"));

    let listed = client
        .list_issued_coupon_quotas()
        .parent_quota_id(quota)
        .send()
        .await?;
    report(&format!(
        "ListIssuedCouponQuotas: {} quota(s) issued from {quota}",
        listed.total_count.unwrap_or(0)
    ));

    let customer = client
        .create_sub_customer()
        .domain_name("coupon-holder01")
        .xaccount_id("platform-user-2001")
        .xaccount_type("example_IDP")
        .send()
        .await?
        .into_inner()
        .domain_id
        .unwrap_or_default();
    let coupons = client
        .create_partner_coupons()
        .quota_id(quota)
        .customer_ids([customer.as_str()])
        .face_value("20.00")
        .memo("welcome")
        .send()
        .await?;
    if coupons.has_failures() {
        report("CreatePartnerCoupons: some customers got no coupon");
    }
    let coupon_ids: Vec<String> = coupons
        .coupon_infos
        .iter()
        .filter_map(|c| c.coupon_id.clone())
        .collect();
    report(&format!(
        "CreatePartnerCoupons: {coupon_ids:?} to {customer}"
    ));

    let held = client
        .list_issued_partner_coupons()
        .customer_id(customer.as_str())
        .send()
        .await?;
    report(&format!(
        "ListIssuedPartnerCoupons: the customer holds {} coupon(s)",
        held.total_count.unwrap_or(0)
    ));

    for coupon_id in &coupon_ids {
        client
            .reclaim_partner_coupons()
            .coupon_id(coupon_id.as_str())
            .send()
            .await?;
        report(&format!("ReclaimPartnerCoupons: {coupon_id} back"));
    }

    let reclaimed = client
        .reclaim_coupon_quotas()
        .quota_ids(new_quotas)
        .remark("end of campaign")
        .send()
        .await?;
    report(&format!(
        "ReclaimCouponQuotas: {} quota(s) back, {} failed",
        reclaimed.simple_quota_infos.len(),
        reclaimed.failed().count()
    ));
    Ok(())
}

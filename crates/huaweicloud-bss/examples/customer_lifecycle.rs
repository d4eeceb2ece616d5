//! Customer lifecycle: check that an account name is free, create the customer, fund it,
//! apply for its enterprise real-name authentication, read the review, take part of the money
//! back, and read its balance.
//!
//! Runs against the BSS simulator started in-process (no Huawei credentials needed):
//!
//! ```text
//! cargo run -p huaweicloud-bss --example customer_lifecycle
//! ```

use std::process::ExitCode;

use huaweicloud_bss::{Amount, Client, Credentials, Error, types, values};
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
        Ok(client) => run(&client, |line| println!("{line}")).await.map(drop),
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

/// The account name the platform chose for its new customer.
pub const DOMAIN_NAME: &str = "lifecycle01";

/// The lifecycle's calls, each result reported as one line through `report`; returns the new
/// customer's id.
pub async fn run(client: &Client, report: impl Fn(&str)) -> Result<String, Error> {
    let check = client
        .check_user_identity()
        .search_type(types::CheckSubcustomerUserReqSearchType::Name)
        .search_value(DOMAIN_NAME)
        .send()
        .await?;
    report(&format!(
        "CheckUserIdentity({DOMAIN_NAME}): {}",
        check
            .check_result
            .as_ref()
            .map_or("no result", |r| r.as_str())
    ));

    // Choose domain_name yourself: if the answer is lost, it is how the account is found.
    let sign_up = client
        .create_sub_customer()
        .domain_name(DOMAIN_NAME)
        .xaccount_id("platform-user-1001")
        .xaccount_type("example_IDP");
    let customer_id = match sign_up.send().await {
        Ok(created) => created.into_inner().domain_id.unwrap_or_default(),
        Err(error) => {
            if let Error::OutcomeUnknown(unknown) = &error {
                // The account may exist: never sign the person up under a new xaccount_id.
                // Re-send the identical request (see the README's reconcile recipe).
                report(&format!(
                    "CreateSubCustomer outcome unknown; reconcile with xaccount_id={:?}",
                    unknown.reconcile_value("xaccount_id")
                ));
            }
            return Err(error);
        }
    };
    report(&format!("CreateSubCustomer: customer {customer_id}"));

    let funded = client
        .update_customer_account_amount()
        .customer_id(customer_id.as_str())
        .amount("100.00")
        .send()
        .await?;
    report(&format!(
        "UpdateCustomerAccountAmount: 100.00 (transfer {})",
        funded.transfer_id.as_deref().unwrap_or("?")
    ));

    let applied = client
        .create_enterprise_realname_authentication()
        .customer_id(customer_id.as_str())
        .identify_type(1)
        .verified_file_url(["license.jpg"])
        .corp_name("Example Co., Ltd.")
        .verified_number("91110000000000000X")
        .xaccount_type("example_IDP")
        .send()
        .await?;
    report(&format!(
        "CreateEnterpriseRealnameAuthentication: needs review = {}",
        applied.is_review == Some(values::IsReview::Yes)
    ));

    let review = client
        .show_realname_authentication_review_result()
        .customer_id(customer_id.as_str())
        .send()
        .await?;
    report(&format!(
        "ShowRealnameAuthenticationReviewResult: {:?}",
        review.review_result
    ));

    let reclaimed = client
        .reclaim_to_partner_account()
        .customer_id(customer_id.as_str())
        .amount("40.00")
        .send()
        .await?;
    report(&format!(
        "ReclaimToPartnerAccount: 40.00 (transaction {})",
        reclaimed.trans_id.as_deref().unwrap_or("?")
    ));

    let balances = client
        .list_customers_balances_detail()
        .customer_infos([types::CustomerInfoV2 {
            customer_id: customer_id.clone(),
        }])
        .send()
        .await?;
    let balance = balances
        .customer_balances
        .first()
        .and_then(|b| b.amount)
        .map(Amount::get)
        .unwrap_or_default();
    report(&format!(
        "ListCustomersBalancesDetail: balance {balance:.2}"
    ));
    Ok(customer_id)
}

//! Quickstart: check an account name, create a customer, list customers.
//!
//! With `HUAWEICLOUD_SDK_AK` unset it starts the local BSS simulator in-process and talks to
//! it; otherwise it uses `Client::from_env()` (HUAWEICLOUD_SDK_AK / _SK / _DOMAIN_ID, endpoint
//! override HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1). The calls are the same either way.
//!
//! ```text
//! cargo run -p huaweicloud-bss --example quickstart
//! ```

use std::process::ExitCode;

use huaweicloud_bss::{Client, Credentials, Error, types};
use tracing_subscriber::EnvFilter;

/// The simulator's credentials; they mean nothing outside this process.
const SIM_AK: &str = "QUICKSTART_AK";
const SIM_SK: &str = "QUICKSTART_SK";

#[tokio::main]
async fn main() -> ExitCode {
    // RUST_LOG=huaweicloud_bss=debug (or trace) shows each request, its retries and answers.
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();
    // Kept alive until the end of main: dropping it stops the simulator.
    let mut _simulator = None;
    let client = if std::env::var_os("HUAWEICLOUD_SDK_AK").is_none() {
        let sim = match huaweicloud_bss_sim::Simulator::new(SIM_AK, SIM_SK)
            .start()
            .await
        {
            Ok(sim) => sim,
            Err(e) => {
                eprintln!("could not start the local simulator: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!(
            "HUAWEICLOUD_SDK_AK is not set: using the local BSS simulator at {}",
            sim.url()
        );
        let client = Client::builder()
            .endpoint(sim.url())
            .credentials(Credentials::new(SIM_AK, SIM_SK))
            .build();
        _simulator = Some(sim);
        client
    } else {
        Client::from_env()
    };
    let result = match client {
        Ok(client) => run(&client, |line| println!("{line}")).await,
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

/// The quickstart's calls; each result is reported as one line through `report`.
pub async fn run(client: &Client, report: impl Fn(&str)) -> Result<(), Error> {
    // The documented example of CreateSubCustomer, without the mobile number and verification
    // code (those need an SMS) and without a reseller id (yours would differ).
    let domain_name = "testuser01";

    let check = client
        .check_user_identity()
        .search_type(types::CheckSubcustomerUserReqSearchType::Name)
        .search_value(domain_name)
        .send()
        .await?
        .into_inner();
    report(&format!(
        "CheckUserIdentity({domain_name}): {}",
        check
            .check_result
            .as_ref()
            .map_or("no result", |r| r.as_str())
    ));

    let created = client
        .create_sub_customer()
        .domain_name(domain_name)
        .xaccount_id("35rey1234")
        .xaccount_type("example_IDP")
        .password("Examp1e#Pass")
        .is_close_market_ms(types::CreateCustomerV2ReqIsCloseMarketMs::True)
        .include_association_result(false)
        .send()
        .await?
        .into_inner();
    report(&format!(
        "CreateSubCustomer: domain_id={} domain_name={}",
        created.domain_id.as_deref().unwrap_or("?"),
        created.domain_name.as_deref().unwrap_or("?")
    ));

    let listed = client
        .list_sub_customers()
        .limit(10)
        .send()
        .await?
        .into_inner();
    report(&format!(
        "ListSubCustomers: {} customer(s)",
        listed.count.unwrap_or(0)
    ));
    for customer in &listed.customer_infos {
        report(&format!(
            "  {} {} (xaccount_id {})",
            customer.customer_id.as_deref().unwrap_or("?"),
            customer.account_name.as_deref().unwrap_or("?"),
            customer.xaccount_id.as_deref().unwrap_or("?")
        ));
    }
    Ok(())
}

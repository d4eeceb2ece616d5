//! Reseller (云经销商) funding: list the resellers page by page, fund one, take part of the
//! money back, and see a reclaim larger than the reseller's balance refused with its
//! documented code (nothing moves).
//!
//! Runs against the BSS simulator started in-process (no Huawei credentials needed), whose
//! seeded reseller it funds:
//!
//! ```text
//! cargo run -p huaweicloud-bss --example reseller_funding
//! ```

use std::process::ExitCode;

use futures::TryStreamExt;
use huaweicloud_bss::{Client, Credentials, Error, ErrorCode, types};
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
    let reseller = huaweicloud_bss_sim::seed::RESELLER_A;
    let result = match client {
        Ok(client) => run(&client, reseller, |line| println!("{line}")).await,
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

/// Funds `reseller` with 250.00 and takes 50.00 back; each result is reported as one line
/// through `report`.
pub async fn run(client: &Client, reseller: &str, report: impl Fn(&str)) -> Result<(), Error> {
    // Every reseller, two per page: `items` asks for pages until the reported total.
    let resellers: Vec<types::IndirectPartnerInfo> = client
        .list_indirect_partners()
        .limit(2)
        .items()
        .try_collect()
        .await?;
    report(&format!(
        "ListIndirectPartners: {} reseller(s)",
        resellers.len()
    ));

    let funded = client
        .update_indirect_partner_account()
        .indirect_partner_id(reseller)
        // Amounts are exact decimals, sent as written: never a float.
        .amount("250.00")
        .send()
        .await?;
    report(&format!(
        "UpdateIndirectPartnerAccount: 250.00 to {reseller} (transfer {})",
        funded.transfer_id.as_deref().unwrap_or("?")
    ));

    let reclaim = |amount: &'static str| {
        client
            .reclaim_indirect_partner_account()
            .indirect_partner_id(reseller)
            .amount(amount)
            .send()
    };
    reclaim("50.00").await?;
    report("ReclaimIndirectPartnerAccount: 50.00 back");

    // More than the reseller holds: the service refuses it and nothing moves.
    match reclaim("99999999.00").await {
        Err(error) if error.code() == Some(ErrorCode::Cbc99005003) => report(&format!(
            "ReclaimIndirectPartnerAccount: 99999999.00 refused ({})",
            error
                .code()
                .as_ref()
                .map(ErrorCode::as_str)
                .unwrap_or_default()
        )),
        Err(error) => return Err(error),
        Ok(_) => report("ReclaimIndirectPartnerAccount: 99999999.00 unexpectedly accepted"),
    }
    Ok(())
}

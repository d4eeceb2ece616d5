//! `huaweicloud_bss::Error` in an application that uses `anyhow`: `?` turns it into an
//! `anyhow::Error`, `.context(..)` adds what the application was doing, and `{err:#}` prints
//! the whole chain, down to the documented error code (CBC.xxxxxxxx) and the request id to
//! quote to Huawei Cloud support.
//!
//! Runs against the BSS simulator started in-process (no Huawei credentials needed): it asks
//! to take back far more than the seeded reseller holds, which the service refuses with
//! CBC.99005003. The example exits non-zero if the printed chain lacks that code.
//!
//! ```text
//! RUST_LOG=huaweicloud_bss=debug cargo run -p huaweicloud-bss --example anyhow_main
//! ```

use anyhow::{Context, bail};
use huaweicloud_bss::{Client, Credentials};
use tracing_subscriber::EnvFilter;

/// The simulator's credentials; they mean nothing outside this process.
const SIM_AK: &str = "EXAMPLE_AK";
const SIM_SK: &str = "EXAMPLE_SK";

/// The documented code of a reclaim larger than the balance.
const EXPECTED_CODE: &str = "CBC.99005003";

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the tokio runtime")?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    // Kept alive until the end of `run`: dropping it stops the simulator.
    let sim = huaweicloud_bss_sim::Simulator::new(SIM_AK, SIM_SK)
        .start()
        .await
        .context("starting the local BSS simulator")?;
    let client = Client::builder()
        .endpoint(sim.url())
        .credentials(Credentials::new(SIM_AK, SIM_SK))
        .build()?;
    let reseller = huaweicloud_bss_sim::seed::RESELLER_A;

    let err = match reclaim(&client, reseller, "99999999.00").await {
        Ok(()) => bail!("reclaiming 99999999.00 from {reseller} was unexpectedly accepted"),
        Err(err) => err,
    };
    // `{err:#}` prints every cause, separated by ": "; `{err:?}` would add a "Caused by" list.
    let printed = format!("{err:#}");
    println!("error: {printed}");
    if !printed.contains(EXPECTED_CODE) {
        bail!("the printed error lacks {EXPECTED_CODE}: {printed}");
    }
    // The typed error is still there underneath, for code that needs to branch on it.
    let code = err
        .downcast_ref::<huaweicloud_bss::Error>()
        .and_then(huaweicloud_bss::Error::code);
    println!("typed code: {code:?}");
    Ok(())
}

/// Takes `amount` back from `reseller`; a refusal comes back as an `anyhow::Error` saying what
/// was attempted, with the BSS error as its cause.
async fn reclaim(client: &Client, reseller: &str, amount: &str) -> anyhow::Result<()> {
    client
        .reclaim_indirect_partner_account()
        .indirect_partner_id(reseller)
        .amount(amount)
        .send()
        .await
        .with_context(|| format!("reclaiming {amount} from reseller {reseller}"))?;
    Ok(())
}

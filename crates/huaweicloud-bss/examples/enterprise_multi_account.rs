//! Enterprise multi-account: read the organization tree, create a member account in one of
//! its units, list the members, then move cash from the master account to a member and part
//! of it back, reading both balances as exact decimals.
//!
//! Runs against the BSS simulator started in-process (no Huawei credentials needed), whose
//! seeded member it funds:
//!
//! ```text
//! cargo run -p huaweicloud-bss --example enterprise_multi_account
//! ```

use std::process::ExitCode;

use huaweicloud_bss::{Client, Credentials, Decimal, Error, types};
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
    let member = huaweicloud_bss_sim::seed::MEMBER_ID;
    let result = match client {
        Ok(client) => run(&client, member, |line| println!("{line}")).await,
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

/// What the master account can transfer from its cash balance.
async fn master_cash(client: &Client) -> Result<Decimal, Error> {
    let shown = client
        .show_multi_account_transfer_amount()
        .balance_type(types::ShowMultiAccountTransferAmountBalanceType::BalanceTypeDebit)
        .send()
        .await?;
    Ok(shown
        .amount_infos
        .iter()
        .filter_map(|info| info.avail_transfer_amount)
        .map(|amount| amount.get())
        .sum())
}

/// What the master can take back from `member`'s cash balance.
async fn member_cash(client: &Client, member: &str) -> Result<Decimal, Error> {
    let listed = client
        .list_enterprise_multi_account()
        .sub_customer_id(member)
        .balance_type(types::ListEnterpriseMultiAccountBalanceType::BalanceTypeDebit)
        .send()
        .await?;
    Ok(listed
        .amount_infos
        .iter()
        .filter_map(|info| info.avail_retrieve_amount)
        .map(|amount| amount.get())
        .sum())
}

/// Creates a member, then moves 250.75 to `member` and 50.75 back; each result is reported as
/// one line through `report`.
pub async fn run(client: &Client, member: &str, report: impl Fn(&str)) -> Result<(), Error> {
    let tree = client.list_enterprise_organizations().send().await?;
    let unit = tree
        .child_nodes
        .first()
        .and_then(|node| node.id.clone())
        .or_else(|| tree.root_id.clone())
        .unwrap_or_default();
    report(&format!(
        "ListEnterpriseOrganizations: root {}, {} unit(s) under it; using unit {unit}",
        tree.root_name.as_deref().unwrap_or("?"),
        tree.child_nodes.len()
    ));

    client
        .create_sub_enterprise_account()
        .party_id(unit.as_str())
        .display_name("Example team")
        .sub_customer_association_type(1)
        .new_sub_customer(
            types::NewCustomerV2::builder()
                .customer_name("example-team01")
                .password("Examp1e#Pass")
                .use_pri_mobile_phone(types::NewCustomerV2UsePriMobilePhone::Y),
        )
        .send()
        .await?;
    let members = client.list_enterprise_sub_customers().send().await?;
    report(&format!(
        "CreateSubEnterpriseAccount: example-team01; ListEnterpriseSubCustomers: {} member(s)",
        members.total_count.unwrap_or(0)
    ));

    report(&format!(
        "ShowMultiAccountTransferAmount: master can transfer {:.2}",
        master_cash(client).await?
    ));
    client
        .update_sub_enterprise_amount()
        .customer_id(member)
        .amount("250.75")
        .send()
        .await?;
    report(&format!(
        "UpdateSubEnterpriseAmount: 250.75 to {member}, who now holds {:.2}",
        member_cash(client, member).await?
    ));
    client
        .reclaim_sub_enterprise_amount()
        .customer_id(member)
        .amount("50.75")
        .send()
        .await?;
    report(&format!(
        "ReclaimSubEnterpriseAmount: 50.75 back; member holds {:.2}, master can transfer {:.2}",
        member_cash(client, member).await?,
        master_cash(client).await?
    ));
    Ok(())
}

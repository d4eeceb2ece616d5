//! Resellers (indirect partners) against the simulator: reseller accounts move money exactly
//! and refuse over-reclaims and bad amounts, and the reseller list pages through `.items()`,
//! stopping at an error.

use futures::{StreamExt, TryStreamExt};
use huaweicloud_bss::{Client, Decimal, Error, types};
use huaweicloud_bss_sim::state::resellers::Reseller;
use huaweicloud_bss_sim::{Injection, seed};

use crate::support;

fn code(err: &Error) -> String {
    err.code()
        .map(|c| c.as_str().to_owned())
        .unwrap_or_default()
}

/// A cash balance as the simulator's one ledger holds it (`None`: the partner's own).
fn cash(sim: &huaweicloud_bss_sim::RunningSimulator, reseller: Option<&str>) -> Decimal {
    sim.state()
        .partner_accounts(reseller)
        .expect("a registered reseller")
        .cash()
}

fn reseller_balance(sim: &huaweicloud_bss_sim::RunningSimulator, id: &str) -> Decimal {
    cash(sim, Some(id))
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).expect("a decimal")
}

async fn adjust(client: &Client, reseller: &str, amount: &str) -> Result<String, Error> {
    let answer = client
        .update_indirect_partner_account()
        .indirect_partner_id(reseller)
        .amount(amount)
        .send()
        .await?;
    Ok(answer.transfer_id.clone().unwrap_or_default())
}

async fn reclaim(client: &Client, reseller: &str, amount: &str) -> Result<(), Error> {
    client
        .reclaim_indirect_partner_account()
        .indirect_partner_id(reseller)
        .amount(amount)
        .send()
        .await?;
    Ok(())
}

#[tokio::test]
async fn funding_and_reclaiming_a_reseller_moves_exact_amounts() {
    let (sim, client) = support::sim_and_client().await;
    let start = reseller_balance(&sim, seed::RESELLER_A);
    let partner_start = cash(&sim, None);

    // 0.1 + 0.2 is 0.3 exactly: amounts go out as decimal text, not floats.
    let transfer = adjust(&client, seed::RESELLER_A, "0.1").await.unwrap();
    assert!(transfer.starts_with("AD"), "{transfer}");
    adjust(&client, seed::RESELLER_A, "0.2").await.unwrap();
    let bodies: Vec<String> = sim
        .received()
        .iter()
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect();
    assert!(bodies[1].contains(r#""amount":0.2"#), "{}", bodies[1]);
    assert_eq!(
        reseller_balance(&sim, seed::RESELLER_A),
        start + dec("0.30")
    );
    assert_eq!(cash(&sim, None), partner_start - dec("0.30"));

    reclaim(&client, seed::RESELLER_A, "100.30").await.unwrap();
    assert_eq!(
        reseller_balance(&sim, seed::RESELLER_A),
        start - dec("100.00")
    );
    assert_eq!(cash(&sim, None), partner_start + dec("100.00"));
}

#[tokio::test]
async fn reclaiming_more_than_the_reseller_balance_is_refused() {
    let (sim, client) = support::sim_and_client().await;
    let balance = reseller_balance(&sim, seed::RESELLER_B);
    let too_much = (balance + dec("0.01")).to_string();

    let err = reclaim(&client, seed::RESELLER_B, &too_much)
        .await
        .unwrap_err();
    assert_eq!(code(&err), "CBC.99005003", "{err}");
    assert_eq!(err.status(), Some(400));
    assert_eq!(reseller_balance(&sim, seed::RESELLER_B), balance);

    // Exactly the balance is allowed and empties the account.
    let all = balance.to_string();
    reclaim(&client, seed::RESELLER_B, &all).await.unwrap();
    assert_eq!(reseller_balance(&sim, seed::RESELLER_B), Decimal::ZERO);
}

#[tokio::test]
async fn funding_beyond_the_distributor_balance_or_an_unknown_reseller_is_refused() {
    let (sim, client) = support::sim_and_client().await;
    // Leave the partner 1.00: move the rest to another reseller, through the ledger.
    let rest = cash(&sim, None) - dec("1.00");
    adjust(&client, seed::RESELLER_B, &rest.to_string())
        .await
        .unwrap();
    let err = adjust(&client, seed::RESELLER_A, "1.01").await.unwrap_err();
    assert_eq!(code(&err), "CBC.99005003", "{err}");

    let err = adjust(&client, "0123456789abcdef0123456789abcdef", "1.00")
        .await
        .unwrap_err();
    assert_eq!(code(&err), "CBC.99000037", "{err}");
    assert_eq!(cash(&sim, None), dec("1.00"));
}

#[tokio::test]
async fn invalid_reseller_amounts_are_rejected_before_any_request() {
    let (sim, client) = support::sim_and_client().await;
    for amount in ["0", "-1", "1.001"] {
        let result = adjust(&client, seed::RESELLER_A, amount).await;
        assert!(result.is_err(), "amount {amount} was accepted");
    }
    assert_eq!(sim.requests_served(), 0);
}

fn seed_resellers(sim: &huaweicloud_bss_sim::RunningSimulator, total: usize) {
    let mut state = sim.state();
    let resellers = &mut state.resellers;
    resellers.truncate(0);
    for i in 0..total {
        resellers.push(Reseller {
            id: format!("{i:032x}"),
            account_name: format!("paged{i:03}"),
            name: format!("Paged Reseller {i}"),
            associated_on: "2021-01-01T00:00:00Z".to_string(),
        });
    }
}

async fn all_resellers(
    client: &Client,
    limit: i32,
) -> Result<Vec<types::IndirectPartnerInfo>, Error> {
    client
        .list_indirect_partners()
        .limit(limit)
        .items()
        .try_collect()
        .await
}

#[tokio::test]
async fn paginate_fetches_every_page_up_to_the_total() {
    let (sim, client) = support::sim_and_client().await;
    seed_resellers(&sim, 23);
    let resellers = all_resellers(&client, 10).await.unwrap();
    let names: Vec<_> = resellers
        .iter()
        .map(|r| r.account_name.clone().unwrap())
        .collect();
    assert_eq!(names.len(), 23);
    assert_eq!(names[0], "paged000");
    assert_eq!(names[22], "paged022");
    assert_eq!(sim.requests_served(), 3);

    // An exact multiple of the page size needs no extra request.
    let (sim, client) = support::sim_and_client().await;
    seed_resellers(&sim, 20);
    assert_eq!(all_resellers(&client, 10).await.unwrap().len(), 20);
    assert_eq!(sim.requests_served(), 2);

    // Nothing to list: one request, no items.
    let (sim, client) = support::sim_and_client().await;
    seed_resellers(&sim, 0);
    assert!(all_resellers(&client, 10).await.unwrap().is_empty());
    assert_eq!(sim.requests_served(), 1);
}

#[tokio::test]
async fn paginate_surfaces_an_error_and_stops() {
    // One attempt per call: a 5xx on a read would otherwise be retried (and succeed).
    let (sim, client) = support::sim_and_single_attempt_client().await;
    seed_resellers(&sim, 25);
    let mut stream = Box::pin(client.list_indirect_partners().limit(10).items());
    for _ in 0..10 {
        stream.next().await.unwrap().unwrap();
    }
    sim.inject(Injection::error("ListIndirectPartners", "CBC.0999"));
    let err = stream.next().await.unwrap().unwrap_err();
    assert_eq!(code(&err), "CBC.0999");
    assert!(stream.next().await.is_none());
    assert_eq!(sim.requests_served(), 2);
}

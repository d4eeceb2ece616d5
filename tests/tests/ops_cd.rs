//! Resellers and coupons through the simulator: reseller accounts move money exactly and
//! refuse over-reclaims, quotas and coupons issued appear in the lists and records and go back
//! when reclaimed, batch failures inside HTTP 200 come back as typed data, repeated query keys
//! are sent and signed as such, and list operations page through `.items()`.

mod support;

use futures::{StreamExt, TryStreamExt};
use huaweicloud_bss::{Amount, Client, Decimal, Error, PartialFailures, types, values};
use huaweicloud_bss_sim::state::resellers::Reseller;
use huaweicloud_bss_sim::{Injection, seed};
use support::calls::call_valid;

/// An exact amount (compared by value: 10.0 == 10.00).
fn yuan(text: &str) -> Amount {
    text.parse().expect("a decimal amount")
}

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
async fn invalid_amounts_and_ranges_are_rejected_before_any_request() {
    let (sim, client) = support::sim_and_client().await;
    for amount in ["0", "-1", "1.001"] {
        let result = adjust(&client, seed::RESELLER_A, amount).await;
        assert!(result.is_err(), "amount {amount} was accepted");
    }
    let result = client.list_issued_coupon_quotas().limit(101).send().await;
    assert!(result.is_err(), "limit 101 was accepted");
    let long_id = "x".repeat(65);
    let err = client
        .list_partner_coupons_record()
        .coupon_ids([long_id])
        .send()
        .await
        .expect_err("a 65-character coupon id was accepted");
    assert_eq!(err.field(), Some("coupon_ids[0]"), "{err}");
    assert_eq!(sim.requests_served(), 0);

    // List sizes are documented rules too: refused before sending (the simulator would answer
    // CBC.0100, as the service does).
    let eleven: Vec<String> = (0..11).map(|i| format!("q{i}")).collect();
    let err = client
        .reclaim_coupon_quotas()
        .quota_ids(eleven)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert_eq!(err.field(), Some("quota_ids"), "{err}");
    assert_eq!(err.rule(), Some("at most 10 items"), "{err}");
    assert_eq!(sim.requests_served(), 0);
}

#[tokio::test]
async fn issued_quotas_appear_in_lists_and_records_and_go_back_when_reclaimed() {
    let (sim, client) = support::sim_and_client().await;
    let unknown = "0123456789abcdef0123456789abcdef";
    let issued = client
        .update_coupon_quotas()
        .quota_id(seed::PARTNER_QUOTA)
        .indirect_partner_ids([seed::RESELLER_A, unknown, seed::RESELLER_B])
        .quota_amount("10.00")
        .send()
        .await
        .unwrap();
    // One reseller failed inside the HTTP 200: typed, not lost.
    assert_eq!(issued.status(), 200);
    let failed: Vec<_> = issued.failed().collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].id, Some(unknown));
    assert_eq!(failed[0].code.as_str(), "CBC.99000037");
    assert!(failed[0].info().is_some());
    let new_quotas: Vec<String> = issued
        .simple_quota_infos
        .iter()
        .map(|q| q.quota_id.clone().unwrap())
        .collect();
    assert_eq!(new_quotas.len(), 2);

    let listed = client
        .list_issued_coupon_quotas()
        .parent_quota_id(seed::PARTNER_QUOTA)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.total_count, Some(2));
    for quota in &listed.quotas {
        assert_eq!(quota.balance, Some(yuan("10.00")));
        assert_eq!(
            quota.quota_status,
            Some(values::IssuedCouponQuotaQuotaStatus::Normal)
        );
    }
    let partner_quota = || async {
        client
            .list_quota_coupons()
            .quota_ids([seed::PARTNER_QUOTA])
            .send()
            .await
            .unwrap()
            .quotas[0]
            .balance
    };
    assert_eq!(partner_quota().await, Some(yuan("999980.00")));

    let reclaimed = client
        .reclaim_coupon_quotas()
        .quota_ids([new_quotas[0].as_str(), "9999999999999999"])
        .remark("end of campaign")
        .send()
        .await
        .unwrap();
    assert_eq!(reclaimed.simple_quota_infos.len(), 1);
    let failed: Vec<_> = reclaimed.failed().collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].code.as_str(), "CBC.99000012");
    assert_eq!(partner_quota().await, Some(yuan("999990.00")));

    let records = client
        .list_coupon_quotas_records()
        .quota_id(new_quotas[0].as_str())
        .send()
        .await
        .unwrap();
    let kinds: Vec<_> = records
        .records
        .iter()
        .map(|r| (r.operation_type.clone().unwrap(), r.amount.unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            (values::QuotaRecordOperationType::QuotaIssued, yuan("10.00")),
            (
                values::QuotaRecordOperationType::QuotaReclaimed,
                yuan("10.00")
            )
        ]
    );
    assert_eq!(
        records.records[1].remark.as_deref(),
        Some("end of campaign")
    );
    let quota = sim.state().coupons.quota(&new_quotas[0]).cloned().unwrap();
    assert_eq!((quota.status, quota.balance), (6, Decimal::ZERO));
}

async fn new_customer(client: &Client, name: &str) -> String {
    client
        .create_sub_customer()
        .domain_name(name)
        .xaccount_id(format!("x-{name}"))
        .xaccount_type("example_IDP")
        .send()
        .await
        .unwrap()
        .domain_id
        .clone()
        .unwrap()
}

#[tokio::test]
async fn issued_coupons_appear_in_lists_and_records_and_reclaim_moves_them_back() {
    let (sim, client) = support::sim_and_client().await;
    let first = new_customer(&client, "coupon-one").await;
    let second = new_customer(&client, "coupon-two").await;
    let stranger = "0123456789abcdef0123456789abcdef";

    let issued = client
        .create_partner_coupons()
        .quota_id(seed::PARTNER_QUOTA)
        .customer_ids([first.as_str(), stranger, second.as_str()])
        .face_value("20.00")
        .memo("welcome")
        .send()
        .await
        .unwrap();
    let failed: Vec<_> = issued.failed().collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0].id, Some(stranger));
    assert_eq!(failed[0].code.as_str(), "CBC.99000035");
    let coupons: Vec<String> = issued
        .coupon_infos
        .iter()
        .map(|c| c.coupon_id.clone().unwrap())
        .collect();
    assert_eq!(coupons.len(), 2);

    let mine = client
        .list_issued_partner_coupons()
        .customer_id(first.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(mine.total_count, Some(1));
    assert_eq!(mine.user_coupons[0].coupon_id.as_ref(), Some(&coupons[0]));
    assert_eq!(mine.user_coupons[0].face_value, Some(yuan("20.00")));
    let all = client.list_sub_customer_coupons().send().await.unwrap();
    assert_eq!(all.count, Some(2));

    client
        .reclaim_partner_coupons()
        .coupon_id(coupons[0].as_str())
        .send()
        .await
        .unwrap();
    let reclaimed = client
        .list_issued_partner_coupons()
        .status(5)
        .send()
        .await
        .unwrap();
    assert_eq!(reclaimed.total_count, Some(1));
    assert_eq!(reclaimed.user_coupons[0].balance, Some(yuan("0")));
    let quota = sim
        .state()
        .coupons
        .quota(seed::PARTNER_QUOTA)
        .cloned()
        .unwrap();
    assert_eq!(quota.balance, dec("1000000.00") - dec("20.00"));

    let records = client
        .list_partner_coupons_record()
        .coupon_ids(&coupons)
        .send()
        .await
        .unwrap();
    let kinds: Vec<_> = records
        .records
        .iter()
        .map(|r| {
            (
                r.coupon_id.clone().unwrap(),
                r.operation_type.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (
                coupons[0].clone(),
                values::CouponRecordV2OperationType::Issued
            ),
            (
                coupons[1].clone(),
                values::CouponRecordV2OperationType::Issued
            ),
            (
                coupons[0].clone(),
                values::CouponRecordV2OperationType::ReclaimedByHand
            ),
        ]
    );
    let reclaims = client
        .list_partner_coupons_record()
        .operation_types([types::ListPartnerCouponsRecordOperationTypesItem::X2])
        .send()
        .await
        .unwrap();
    assert_eq!(reclaims.total_count, Some(1));
    assert_eq!(reclaims.records[0].operation_amount, Some(yuan("20.00")));
}

#[tokio::test]
async fn repeated_query_keys_are_sent_and_signed_as_repeated_keys() {
    let (sim, client) = support::sim_and_client().await;
    client
        .list_partner_coupons_record()
        .coupon_ids(["CP-b", "CP-a"])
        .operation_types([
            types::ListPartnerCouponsRecordOperationTypesItem::X2,
            types::ListPartnerCouponsRecordOperationTypesItem::X1,
        ])
        .limit(10)
        .send()
        .await
        .expect("the simulator verified the signature over the repeated keys");
    let received = sim.received();
    let [request] = received.as_slice() else {
        panic!("one request expected")
    };
    let expected = "coupon_ids=CP-a&coupon_ids=CP-b&limit=10&operation_types=1&operation_types=2";
    assert_eq!(request.raw_query.as_deref(), Some(expected));
    let canonical = request.canonical_request().expect("signed");
    assert_eq!(canonical.lines().nth(2), Some(expected));
    // The same string the signer builds from the pairs in the order the caller gave them.
    let pairs = [
        ("coupon_ids", "CP-b"),
        ("coupon_ids", "CP-a"),
        ("operation_types", "2"),
        ("operation_types", "1"),
        ("limit", "10"),
    ];
    assert_eq!(huaweicloud_signer::canonical_query(&pairs), expected);
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
async fn paginate_walks_query_operations_and_existing_list_operations() {
    let (sim, client) = support::sim_and_client().await;
    for _ in 0..7 {
        call_valid(&client, "CreateSubCustomer").await.unwrap();
    }
    let customers: Vec<_> = client
        .list_sub_customers()
        .limit(3)
        .items()
        .try_collect()
        .await
        .unwrap();
    // The 7 created and the partner's 3 seeded customers (seed::CUSTOMERS 0, 1 and 3).
    assert_eq!(customers.len(), 7 + 3);
    let served = sim.requests_served();
    assert_eq!(served, 7 + 4, "pages of 3, 3, 3 and 1");

    for i in 0..4 {
        client
            .update_coupon_quotas()
            .quota_id(seed::PARTNER_QUOTA)
            .indirect_partner_ids([seed::RESELLER_A])
            .quota_amount(format!("{}.00", i + 1))
            .send()
            .await
            .unwrap();
    }
    let quotas: Vec<_> = client
        .list_issued_coupon_quotas()
        .indirect_partner_id(seed::RESELLER_A)
        .limit(2)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(quotas.len(), 4);
    assert_eq!(sim.requests_served(), served + 4 + 2);
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

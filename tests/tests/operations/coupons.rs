//! Coupon quotas and coupons against the simulator: quotas and coupons issued appear in the
//! lists and records and go back when reclaimed, batch failures inside HTTP 200 come back as
//! typed data, repeated query keys are sent and signed as such, and out-of-range values and
//! list sizes are refused before anything is sent.

use huaweicloud_bss::{Amount, Client, Decimal, Error, PartialFailures, types, values};
use huaweicloud_bss_sim::seed;

use crate::support;

/// An exact amount (compared by value: 10.0 == 10.00).
fn yuan(text: &str) -> Amount {
    text.parse().expect("a decimal amount")
}

#[tokio::test]
async fn invalid_coupon_ranges_and_list_sizes_are_rejected_before_any_request() {
    let (sim, client) = support::sim_and_client().await;
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
    assert_eq!(
        quota.balance,
        Decimal::from_str_exact("1000000.00").unwrap() - Decimal::from_str_exact("20.00").unwrap()
    );

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

//! Customer funds against the simulator: funding credits the customer and debits the partner
//! exactly, reclaiming more than the customer holds is refused with CBC.99005003, and every
//! movement shows up in the record lists with totals and paging.

use huaweicloud_bss::{Amount, Decimal, Error, ErrorCode, types, values};
use huaweicloud_bss_sim::seed;

use super::{NEW_CUSTOMER, sim_and_client};

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).expect("a decimal")
}

async fn partner_cash(client: &huaweicloud_bss::Client, reseller: Option<&str>) -> Decimal {
    let mut call = client.list_partner_balances();
    if let Some(reseller) = reseller {
        call = call.indirect_partner_id(reseller);
    }
    let balances = call.send().await.expect("balances").into_inner();
    balances
        .account_balances
        .iter()
        .find(|a| a.account_type == Some(values::AccountType::CashBalance))
        .and_then(|a| a.amount)
        .expect("a cash account")
        .get()
}

async fn customer_amount(
    client: &huaweicloud_bss::Client,
    customer_id: &str,
    reseller: Option<&str>,
) -> Option<Decimal> {
    let mut call =
        client
            .list_customers_balances_detail()
            .customer_infos([types::CustomerInfoV2 {
                customer_id: customer_id.into(),
            }]);
    if let Some(reseller) = reseller {
        call = call.indirect_partner_id(reseller);
    }
    let answer = call.send().await.expect("customer balances").into_inner();
    answer
        .customer_balances
        .first()
        .and_then(|b| b.amount)
        .map(Amount::get)
}

pub(crate) async fn adjust(
    client: &huaweicloud_bss::Client,
    customer_id: &str,
    amount: impl Into<String>,
) -> Result<String, Error> {
    let answer = client
        .update_customer_account_amount()
        .customer_id(customer_id)
        .amount(amount.into())
        .send()
        .await?;
    Ok(answer.into_inner().transfer_id.expect("a transfer id"))
}

async fn reclaim(
    client: &huaweicloud_bss::Client,
    customer_id: &str,
    amount: &str,
) -> Result<String, Error> {
    let answer = client
        .reclaim_to_partner_account()
        .customer_id(customer_id)
        .amount(amount)
        .send()
        .await?;
    Ok(answer.into_inner().trans_id.expect("a transaction id"))
}

#[tokio::test]
async fn funding_credits_the_customer_and_debits_the_partner_exactly() {
    let (sim, client) = sim_and_client().await;
    let before = partner_cash(&client, None).await;
    assert_eq!(before, dec("100000.00"));

    // 0.1 + 0.2 is exactly 0.3, on the wire too.
    let sum = dec("0.1") + dec("0.2");
    adjust(&client, NEW_CUSTOMER, sum.to_string())
        .await
        .expect("funded");
    let body = String::from_utf8(sim.received().last().unwrap().body.to_vec()).unwrap();
    assert!(body.contains(r#""amount":0.3"#), "{body}");

    adjust(&client, NEW_CUSTOMER, "1234.56")
        .await
        .expect("funded");
    assert_eq!(
        customer_amount(&client, NEW_CUSTOMER, None).await,
        Some(dec("1234.86"))
    );
    assert_eq!(partner_cash(&client, None).await, dec("98765.14"));
    assert_eq!(
        sim.state().ledger.customer_amount(NEW_CUSTOMER),
        dec("1234.86")
    );
}

#[tokio::test]
async fn reclaiming_more_than_the_customer_holds_is_refused_with_cbc_99005003() {
    let (_sim, client) = sim_and_client().await;
    adjust(&client, NEW_CUSTOMER, "10.00")
        .await
        .expect("funded");

    let err = reclaim(&client, NEW_CUSTOMER, "10.01")
        .await
        .expect_err("more than the balance");
    assert_eq!(err.code(), Some(ErrorCode::Cbc99005003), "{err}");
    assert_eq!(err.status(), Some(400));
    assert_eq!(
        customer_amount(&client, NEW_CUSTOMER, None).await,
        Some(dec("10.00")),
        "a refused reclaim moves nothing"
    );

    reclaim(&client, NEW_CUSTOMER, "10.00")
        .await
        .expect("the whole balance can be reclaimed");
    assert_eq!(
        customer_amount(&client, NEW_CUSTOMER, None).await,
        Some(Decimal::ZERO)
    );
    assert_eq!(partner_cash(&client, None).await, dec("100000.00"));
}

#[tokio::test]
async fn funding_more_than_the_partner_holds_is_refused_with_cbc_99005003() {
    let (sim, client) = sim_and_client().await;
    sim.state()
        .ledger
        .partners
        .get_mut(&None)
        .unwrap()
        .designated_amount = dec("99990.00");
    let err = adjust(&client, NEW_CUSTOMER, "10.01")
        .await
        .expect_err("more than the available amount (balance less designated amount)");
    assert_eq!(err.code(), Some(ErrorCode::Cbc99005003), "{err}");
    adjust(&client, NEW_CUSTOMER, "10.00")
        .await
        .expect("exactly the available amount");
}

#[tokio::test]
async fn a_reseller_funds_its_own_customers_out_of_its_own_balance() {
    let (_sim, client) = sim_and_client().await;
    let reseller = seed::DOC_RESELLERS[1];
    let customer = seed::CUSTOMERS[2]; // seeded as that reseller's customer, with 1000.00
    let before = partner_cash(&client, Some(reseller)).await;
    client
        .update_customer_account_amount()
        .customer_id(customer)
        .amount("250.00")
        .indirect_partner_id(reseller)
        .send()
        .await
        .expect("funded by the reseller");
    assert_eq!(
        partner_cash(&client, Some(reseller)).await,
        before - dec("250")
    );
    assert_eq!(partner_cash(&client, None).await, dec("100000.00"));
    assert_eq!(
        customer_amount(&client, customer, Some(reseller)).await,
        Some(dec("1250.00"))
    );
    // Not the partner's own customer: left out of the partner's own balance query.
    assert_eq!(customer_amount(&client, customer, None).await, None);

    let err = client
        .update_customer_account_amount()
        .customer_id(customer)
        .amount("1")
        .indirect_partner_id("ffffffffffffffffffffffffffffffff")
        .send()
        .await
        .expect_err("an unknown reseller");
    assert_eq!(err.code(), Some(ErrorCode::Cbc99000037), "{err}");
}

#[tokio::test]
async fn movements_appear_in_the_adjust_records_and_account_entries_with_totals_and_pages() {
    let (_sim, client) = sim_and_client().await;
    let mut ids = Vec::new();
    for amount in ["1.00", "2.00", "3.00"] {
        ids.push(adjust(&client, NEW_CUSTOMER, amount).await.unwrap());
    }
    ids.push(reclaim(&client, NEW_CUSTOMER, "0.50").await.unwrap());

    let page = |offset: i32, limit: i32| {
        client
            .list_partner_adjust_records()
            .offset(offset)
            .limit(limit)
            .send()
    };
    let first = page(0, 3).await.unwrap().into_inner();
    assert_eq!(first.total_count, Some(4));
    assert_eq!(first.records.len(), 3);
    // Newest first; amounts arrive as JSON strings and decode exactly.
    assert_eq!(first.records[0].trans_id.as_deref(), Some(ids[3].as_str()));
    assert_eq!(
        first.records[0].operation_type,
        Some(values::AdjustRecordV3OperationType::Reclaim)
    );
    assert_eq!(first.records[0].amount.map(Amount::get), Some(dec("0.50")));
    let second = page(3, 3).await.unwrap().into_inner();
    assert_eq!(second.total_count, Some(4));
    assert_eq!(second.records.len(), 1);
    assert_eq!(second.records[0].trans_id.as_deref(), Some(ids[0].as_str()));
    assert_eq!(second.records[0].amount.map(Amount::get), Some(dec("1")));

    let reclaims = client
        .list_partner_adjust_records()
        .operation_type(types::ListPartnerAdjustRecordsOperationType::SourceOperationBeretrieve)
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(reclaims.total_count, Some(1));
    let by_id = client
        .list_partner_adjust_records()
        .trans_id(ids[1].as_str())
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(by_id.total_count, Some(1));
    assert_eq!(by_id.records[0].amount.map(Amount::get), Some(dec("2")));

    let entries = client
        .list_partner_account_change_records()
        .balance_type(types::ListPartnerAccountChangeRecordsBalanceType::BalanceTypeDebit)
        .trade_type(types::ListPartnerAccountChangeRecordsTradeType::Beadjust)
        .limit(2)
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(entries.total_count, Some(3));
    assert_eq!(entries.records.len(), 2);
    let newest = &entries.records[0];
    assert_eq!(
        newest.type_,
        Some(values::AccountChangeRecordType::Expense),
        "funding is an expense"
    );
    assert_eq!(newest.change_amount.map(Amount::get), Some(dec("3.00")));
    assert_eq!(
        newest.balance_after_change.map(Amount::get),
        Some(dec("99994.00"))
    );
    assert_eq!(newest.customer_id.as_deref(), Some(NEW_CUSTOMER));

    let credit = client
        .list_partner_account_change_records()
        .balance_type(types::ListPartnerAccountChangeRecordsBalanceType::BalanceTypeCredit)
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        credit.total_count,
        Some(0),
        "nothing moved on the credit account"
    );
}

#[tokio::test]
async fn amounts_breaking_a_documented_rule_are_refused_before_anything_is_sent() {
    let (sim, client) = sim_and_client().await;
    for (amount, rule) in [
        ("0", "greater than 0"),
        ("-1", "greater than 0"),
        ("1.005", "at most 2 decimal places"),
        ("1e-3", "at most 2 decimal places"),
        ("ten", "a decimal number such as 10.50"),
    ] {
        let err = adjust(&client, NEW_CUSTOMER, amount)
            .await
            .expect_err(amount);
        match &err {
            Error::InvalidRequest(invalid) => {
                assert_eq!(invalid.violations().len(), 1, "{invalid}");
                assert_eq!(err.field(), Some("amount"), "{invalid}");
                assert_eq!(err.rule(), Some(rule), "{invalid}");
            }
            other => panic!("{amount}: {other:?}"),
        }
    }
    assert_eq!(sim.requests_served(), 0);

    // List sizes are documented rules too: an empty customer list is refused before sending
    // (the simulator would refuse it with CBC.0100, as the service does).
    let err = client
        .list_customers_balances_detail()
        .customer_infos(Vec::<types::CustomerInfoV2>::new())
        .send()
        .await
        .expect_err("at least one customer");
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert_eq!(err.field(), Some("customer_infos"), "{err}");
    assert_eq!(err.rule(), Some("1 to 100 items"), "{err}");
    assert_eq!(sim.requests_served(), 0);
}

/// The issue's requirement: response amounts decode whether they arrive as JSON strings or
/// numbers (plain or with an exponent), exactly, on the real response types.
#[test]
fn response_amounts_decode_from_strings_and_numbers() {
    let records: types::ListPartnerAdjustRecordsResponse = serde_json::from_str(
        r#"{"total_count": 3, "records": [
            {"amount": "10.10"}, {"amount": 10.1}, {"amount": 1.01e1}
        ]}"#,
    )
    .expect("decodes");
    for record in &records.records {
        assert_eq!(record.amount.map(Amount::get), Some(dec("10.1")));
    }
    let balances: types::ListCustomersBalancesDetailResponse = serde_json::from_str(
        r#"{"customer_balances": [
            {"customer_id": "a", "amount": "99999999999999999.99", "debt_amount": 0.3}
        ]}"#,
    )
    .expect("decodes");
    let balance = &balances.customer_balances[0];
    assert_eq!(
        balance.amount.map(Amount::get),
        Some(dec("99999999999999999.99")),
        "beyond f64 precision, still exact"
    );
    assert_eq!(balance.debt_amount.map(Amount::get), Some(dec("0.3")));
    let entries: types::ListPartnerAccountChangeRecordsResponse = serde_json::from_str(
        r#"{"records": [{"change_amount": "-5.00", "balance_after_change": 95}]}"#,
    )
    .expect("decodes");
    assert_eq!(
        entries.records[0].change_amount.map(Amount::get),
        Some(dec("-5"))
    );
    assert_eq!(
        entries.records[0].balance_after_change.map(Amount::get),
        Some(dec("95"))
    );
}

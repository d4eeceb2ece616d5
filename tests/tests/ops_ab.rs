//! Customer funds and real-name authentication against the simulator: funding credits the
//! customer and debits the partner exactly, reclaiming more than the customer holds is refused
//! with CBC.99005003, and every movement shows up in the record lists with totals and paging.

mod support;

use huaweicloud_bss::{Amount, Decimal, Error, ErrorCode, builders, types, values};
use huaweicloud_bss_sim::seed;

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

async fn adjust(
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

const NEW_CUSTOMER: &str = "5eed00000000000000000000000000aa";

/// A simulator where [`NEW_CUSTOMER`] is a registered customer of the partner, with nothing
/// in its account (the simulator refuses ids that are not its customers).
async fn sim_and_client() -> (
    huaweicloud_bss_sim::RunningSimulator,
    huaweicloud_bss::Client,
) {
    let (sim, client) = support::sim_and_client().await;
    register(&sim, NEW_CUSTOMER);
    (sim, client)
}

/// Registers `id` as a customer of the partner, with nothing in its account.
fn register(sim: &huaweicloud_bss_sim::RunningSimulator, id: &str) {
    sim.state()
        .customers
        .push(huaweicloud_bss_sim::state::customers::Customer {
            domain_id: id.to_string(),
            domain_name: format!("customer-{id}"),
            xaccount_id: format!("x-{id}"),
            xaccount_type: "example_IDP".to_string(),
            mobile_phone: None,
            indirect_partner_id: None,
            associated_on: "2026-01-01T00:00:00Z".to_string(),
            association_type: "2".to_string(),
        });
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

// ---------------------------------------------------------------------------------------
// Real-name authentication
// ---------------------------------------------------------------------------------------

fn personal(customer_id: &str) -> builders::ApplyIndividualRealnameAuthsReqBuilder {
    types::ApplyIndividualRealnameAuthsReq::builder()
        .customer_id(customer_id)
        .identify_type(0)
        .verified_type(3)
        .verified_file_url(["p1.jpg", "p2.jpg", "p3.jpg"])
        .name("Li Si")
        .verified_number("E87654321")
        .xaccount_type("example_IDP")
}

async fn review_result(
    client: &huaweicloud_bss::Client,
    customer_id: &str,
) -> types::ShowRealnameAuthenticationReviewResultResponse {
    client
        .show_realname_authentication_review_result()
        .customer_id(customer_id)
        .send()
        .await
        .expect("review result")
        .into_inner()
}

#[tokio::test]
async fn a_document_application_is_reviewed_and_its_result_queryable() {
    let (sim, client) = sim_and_client().await;
    assert_eq!(
        review_result(&client, NEW_CUSTOMER).await.review_result,
        None,
        "nothing before applying"
    );
    let answer = client
        .create_personal_realname_auth()
        .body(personal(NEW_CUSTOMER))
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        answer.is_review,
        Some(values::IsReview::Yes),
        "documents go to a reviewer"
    );
    assert_eq!(
        review_result(&client, NEW_CUSTOMER).await.review_result,
        Some(values::ReviewResult::UnderReview)
    );

    let again = client
        .create_personal_realname_auth()
        .body(personal(NEW_CUSTOMER))
        .send()
        .await
        .expect_err("already under review");
    assert_eq!(again.code(), Some(ErrorCode::Cbc99007188), "{again}");

    sim.state()
        .review(NEW_CUSTOMER, false, Some("the photo is blurred"));
    let rejected = review_result(&client, NEW_CUSTOMER).await;
    assert_eq!(rejected.review_result, Some(values::ReviewResult::Rejected));
    assert_eq!(rejected.opinion.as_deref(), Some("the photo is blurred"));

    // After a rejection the customer may apply again.
    client
        .create_personal_realname_auth()
        .body(personal(NEW_CUSTOMER))
        .send()
        .await
        .expect("a new application after a rejection");
    assert_eq!(sim.state().realname_applications.len(), 3, "seed + 2");
}

#[tokio::test]
async fn a_bank_card_application_needs_the_sms_code_and_is_approved_at_once() {
    let (sim, client) = sim_and_client().await;
    let mobile = "13900000001";
    client
        .send_verification_message_code()
        .receiver_type(1)
        .mobile_phone(mobile)
        .scene(18)
        .customer_id(NEW_CUSTOMER)
        .send()
        .await
        .expect("code sent");
    let code = sim
        .state()
        .verification_code(mobile)
        .expect("a code")
        .to_string();
    let card = |code: &str| {
        types::BankCardInfoV2::builder()
            .bank_account("6222-0000-0000")
            .areacode("0086")
            .mobile(mobile)
            .verification_code(code)
    };
    let bank = |code: &str| {
        personal(NEW_CUSTOMER)
            .identify_type(4)
            .verified_file_url(["face.jpg"])
            .bank_card_info(card(code))
    };
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let err = client
        .create_personal_realname_auth()
        .body(bank(wrong))
        .send()
        .await
        .expect_err("a wrong code");
    assert_eq!(err.code(), Some(ErrorCode::Cbc99000027), "{err}");

    let answer = client
        .create_personal_realname_auth()
        .body(bank(&code))
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(answer.is_review, Some(values::IsReview::No));
    assert_eq!(
        review_result(&client, NEW_CUSTOMER).await.review_result,
        Some(values::ReviewResult::Approved)
    );
}

#[tokio::test]
async fn an_approved_customer_gets_its_new_customer_tag() {
    let (sim, client) = sim_and_client().await;
    // Funding makes the customer one of the partner's customers in the simulator.
    adjust(&client, NEW_CUSTOMER, "1.00").await.unwrap();
    let tags = || async {
        client
            .list_sub_customer_new_tag()
            .customer_ids([NEW_CUSTOMER, "not-a-customer"])
            .send()
            .await
            .unwrap()
            .into_inner()
            .new_customer_tags
    };
    let before = tags().await;
    assert_eq!(
        before.len(),
        1,
        "accounts that are not customers are dropped"
    );
    assert_eq!(
        before[0].new_customer_tag, None,
        "no tag without real-name authentication"
    );

    let answer = client
        .create_enterprise_realname_authentication()
        .customer_id(NEW_CUSTOMER)
        .identify_type(1)
        .verified_file_url(["license.jpg"])
        .corp_name("Example Co., Ltd.")
        .verified_number("91110000000000000X")
        .xaccount_type("example_IDP")
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(answer.is_review, Some(values::IsReview::Yes));
    sim.state().review(NEW_CUSTOMER, true, None);
    let after = tags().await;
    assert_eq!(
        after[0].new_customer_tag,
        Some(values::NewCustomerTag::Qualified)
    );
    assert_eq!(
        after[0].customer_tag_type,
        Some(values::CustomerTagType::Smb)
    );

    // Paging over all the partner's customers (the seeded three without a reseller + this
    // one).
    let page = client
        .list_sub_customer_new_tag()
        .offset(3)
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.new_customer_tags.len(), 1);
}

#[tokio::test]
async fn only_an_authenticated_individual_can_change_to_an_enterprise() {
    let (_sim, client) = sim_and_client().await;
    let change = |customer: &'static str| {
        client
            .change_enterprise_realname_authentication()
            .customer_id(customer)
            .identify_type(1)
            .verified_file_url(["license.jpg"])
            .corp_name("Example Co., Ltd.")
            .verified_number("91110000000000000X")
            .change_type(1)
            .xaccount_type("example_IDP")
            .send()
    };
    let answer = change(seed::CUSTOMERS[0]).await.unwrap().into_inner();
    assert_eq!(answer.is_review, Some(values::IsReview::Yes));
    assert_eq!(
        review_result(&client, seed::CUSTOMERS[0])
            .await
            .review_result,
        Some(values::ReviewResult::UnderReview),
        "the change is under review"
    );
    let err = change(seed::CUSTOMERS[1])
        .await
        .expect_err("no individual authentication to change");
    assert_eq!(err.code(), Some(ErrorCode::Cbc0100), "{err}");
}

#[tokio::test]
async fn the_callers_own_status_qr_code_and_enterprise_projects() {
    let (sim, client) = sim_and_client().await;
    let status = || async {
        client
            .show_real_name_auth_status()
            .send()
            .await
            .unwrap()
            .into_inner()
    };
    let before = status().await;
    assert_eq!(
        (before.verified_status, before.verified_type),
        (
            Some(values::ShowRealNameAuthStatusResponseVerifiedStatus::NotAuthenticated),
            None
        )
    );

    let first = client
        .show_real_name_auth_qr_code()
        .send()
        .await
        .unwrap()
        .into_inner();
    let second = client
        .show_real_name_auth_qr_code()
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_ne!(
        first.qr_code_url, second.qr_code_url,
        "each code is single-use"
    );

    client
        .create_enterprise_project_auth()
        .send()
        .await
        .expect("enabled (204)");

    // The caller (X-Domain-Id) applies as an individual and is approved (as a registered
    // customer of the partner: the service refuses applications for anyone else).
    register(&sim, support::DOMAIN_ID);
    client
        .create_personal_realname_auth()
        .body(personal(support::DOMAIN_ID))
        .send()
        .await
        .unwrap();
    let pending = status().await;
    assert_eq!(
        (pending.verified_status, pending.verified_type),
        (
            Some(values::ShowRealNameAuthStatusResponseVerifiedStatus::UnderReview),
            Some(values::VerifiedType::Individual)
        )
    );
    sim.state().review(support::DOMAIN_ID, true, None);
    let approved = status().await;
    assert_eq!(
        (approved.verified_status, approved.verified_type),
        (
            Some(values::ShowRealNameAuthStatusResponseVerifiedStatus::Authenticated),
            Some(values::VerifiedType::Individual)
        )
    );

    let err = client
        .create_enterprise_project_auth()
        .send()
        .await
        .expect_err("an authenticated individual may not enable enterprise projects");
    assert_eq!(err.code(), Some(ErrorCode::Cbc99007004), "{err}");
    assert_eq!(
        err.fail_check_items(),
        ["SELF_OPEN_ONLY_FOR_ENT_AND_INTR_CUST".to_string()]
    );
}

//! Enterprise multi-account behaviour through the simulator: funds and coupons move between
//! the master account and a member and back, exactly (decimals, no float rounding); what
//! cannot be moved is refused with the documented code and changes nothing; lists filter and
//! page; an SMS code sent by SendSmsVerificationCode lets a member be created with its own
//! mobile number.

use crate::support;
use huaweicloud_bss::{Amount, Client, Decimal, Error, ErrorCode, types, values};
use huaweicloud_bss_sim::{RunningSimulator, seed};

type Debit = types::ShowMultiAccountTransferAmountBalanceType;

/// An amount in yuan. Amounts compare as numbers: `100.0` equals `100.00` (the simulator's
/// JSON numbers keep the value, not always the trailing zeros).
fn yuan(text: &str) -> Decimal {
    Decimal::from_str_exact(text).expect("a decimal")
}

fn value(amount: Option<Amount>) -> Decimal {
    amount.expect("the amount is reported").get()
}
type MemberDebit = types::ListEnterpriseMultiAccountBalanceType;

/// What the master can transfer from its cash balance.
async fn master_cash(client: &Client) -> Decimal {
    let shown = client
        .show_multi_account_transfer_amount()
        .balance_type(Debit::BalanceTypeDebit)
        .send()
        .await
        .expect("ShowMultiAccountTransferAmount answers")
        .into_inner();
    assert_eq!(shown.total_count, Some(1), "a single cash entry");
    let [info] = shown.amount_infos.as_slice() else {
        panic!("one cash entry: {shown:?}");
    };
    assert_eq!(info.currency.as_deref(), Some("CNY"));
    assert_eq!(info.measure_id, Some(values::MeasureId::Yuan));
    value(info.avail_transfer_amount)
}

/// What can be reclaimed from a member's cash balance.
async fn member_cash(client: &Client, member: &str) -> Decimal {
    let listed = client
        .list_enterprise_multi_account()
        .sub_customer_id(member)
        .balance_type(MemberDebit::BalanceTypeDebit)
        .send()
        .await
        .expect("ListEnterpriseMultiAccount answers")
        .into_inner();
    let [info] = listed.amount_infos.as_slice() else {
        panic!("one cash entry: {listed:?}");
    };
    value(info.avail_retrieve_amount)
}

async fn transfer(client: &Client, member: &str, amount: &str) -> Result<(), Error> {
    client
        .update_sub_enterprise_amount()
        .customer_id(member)
        .amount(amount)
        .send()
        .await
        .map(drop)
}

async fn reclaim(client: &Client, member: &str, amount: &str) -> Result<(), Error> {
    client
        .reclaim_sub_enterprise_amount()
        .customer_id(member)
        .amount(amount)
        .send()
        .await
        .map(drop)
}

fn assert_code(err: &Error, code: &str, status: u16) {
    assert_eq!(
        err.code().as_ref().map(ErrorCode::as_str),
        Some(code),
        "{err}"
    );
    assert_eq!(err.status(), Some(status), "{err}");
}

#[tokio::test]
async fn a_transfer_moves_cash_to_the_member_and_a_reclaim_moves_it_back_exactly() {
    let (_sim, client) = support::sim_and_client().await;
    assert_eq!(master_cash(&client).await, yuan("10000.00"));
    assert_eq!(member_cash(&client, seed::MEMBER_ID).await, yuan("100.00"));

    transfer(&client, seed::MEMBER_ID, "250.75").await.unwrap();
    assert_eq!(master_cash(&client).await, yuan("9749.25"));
    assert_eq!(member_cash(&client, seed::MEMBER_ID).await, yuan("350.75"));

    // 0.1 + 0.2 is 0.3 on both sides: the amounts are decimals end to end.
    transfer(&client, seed::MEMBER_ID, "0.1").await.unwrap();
    transfer(&client, seed::MEMBER_ID, "0.2").await.unwrap();
    assert_eq!(member_cash(&client, seed::MEMBER_ID).await, yuan("351.05"));
    assert_eq!(master_cash(&client).await, yuan("9748.95"));

    reclaim(&client, seed::MEMBER_ID, "51.05").await.unwrap();
    assert_eq!(member_cash(&client, seed::MEMBER_ID).await, yuan("300.00"));
    assert_eq!(master_cash(&client).await, yuan("9800.00"));
}

#[tokio::test]
async fn the_amount_goes_out_as_a_json_number_written_from_its_decimal_text() {
    let (sim, client) = support::sim_and_client().await;
    transfer(&client, seed::MEMBER_ID, "0.30").await.unwrap();
    let received = sim.received();
    let body: serde_json::Value = serde_json::from_slice(&received[0].body).unwrap();
    assert_eq!(
        String::from_utf8(received[0].body.to_vec()).unwrap(),
        format!(r#"{{"amount":0.30,"customer_id":"{}"}}"#, seed::MEMBER_ID),
        "{body}"
    );
}

#[tokio::test]
async fn reclaiming_more_than_the_member_holds_is_refused_with_cbc_99005003_and_changes_nothing() {
    let (_sim, client) = support::sim_and_client().await;
    let err = reclaim(&client, seed::MEMBER_ID, "100.01")
        .await
        .expect_err("the member holds 100.00");
    assert_code(&err, "CBC.99005003", 400);
    assert_eq!(member_cash(&client, seed::MEMBER_ID).await, yuan("100.00"));
    assert_eq!(master_cash(&client).await, yuan("10000.00"));

    // All of it can be reclaimed, and then nothing more.
    reclaim(&client, seed::MEMBER_ID, "100").await.unwrap();
    assert_eq!(member_cash(&client, seed::MEMBER_ID).await, yuan("0.00"));
    let err = reclaim(&client, seed::MEMBER_ID, "0.01").await.unwrap_err();
    assert_code(&err, "CBC.99005003", 400);
}

#[tokio::test]
async fn transferring_more_than_the_master_can_is_refused_with_cbc_99005003() {
    let (_sim, client) = support::sim_and_client().await;
    let err = transfer(&client, seed::MEMBER_ID, "10000.01")
        .await
        .unwrap_err();
    assert_code(&err, "CBC.99005003", 400);
    assert_eq!(master_cash(&client).await, yuan("10000.00"));
    assert_eq!(member_cash(&client, seed::MEMBER_ID).await, yuan("100.00"));
}

#[tokio::test]
async fn a_transaction_id_is_used_once_a_repeat_is_cbc_99007009() {
    let (_sim, client) = support::sim_and_client().await;
    let send = || {
        client
            .update_sub_enterprise_amount()
            .customer_id(seed::MEMBER_ID)
            .amount("10")
            .trans_id("2020042401")
            .send()
    };
    send().await.expect("the first submission is applied");
    let err = send().await.expect_err("the repeat is refused");
    assert_code(&err, "CBC.99007009", 400);
    assert_eq!(member_cash(&client, seed::MEMBER_ID).await, yuan("110.00"));
}

#[tokio::test]
async fn unknown_members_are_refused_with_the_documented_codes() {
    let (_sim, client) = support::sim_and_client().await;
    let stranger = "ffffffffffffffffffffffffffffffff";
    let err = transfer(&client, stranger, "1").await.unwrap_err();
    assert_code(&err, "CBC.99000043", 400);
    let err = client
        .list_enterprise_multi_account()
        .sub_customer_id(stranger)
        .balance_type(MemberDebit::BalanceTypeDebit)
        .send()
        .await
        .unwrap_err();
    assert_code(&err, "CBC.99000047", 400);
    assert_eq!(master_cash(&client).await, yuan("10000.00"));
}

#[tokio::test]
async fn credit_ledgers_are_listed_by_expiry_paged_and_transferred_one_by_one() {
    let (_sim, client) = support::sim_and_client().await;
    let credit = || {
        client
            .show_multi_account_transfer_amount()
            .balance_type(Debit::BalanceTypeCredit)
    };
    let all = credit().send().await.unwrap().into_inner();
    assert_eq!(all.total_count, Some(2));
    let expiries: Vec<_> = all
        .amount_infos
        .iter()
        .map(|i| i.expire_time.clone())
        .collect();
    assert_eq!(expiries, [None, Some(seed::CREDIT_EXPIRY.to_string())]);
    let second = credit()
        .offset(1)
        .limit(1)
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(second.total_count, Some(2), "the total ignores paging");
    assert_eq!(second.amount_infos.len(), 1);
    assert_eq!(
        second.amount_infos[0].expire_time.as_deref(),
        Some(seed::CREDIT_EXPIRY)
    );

    // Transfer from the expiring ledger: named by its expiry.
    client
        .update_sub_enterprise_amount()
        .customer_id(seed::MEMBER_ID)
        .amount("300")
        .balance_type(types::TransferEnterpriseMultiAccountReqBalanceType::BalanceTypeCredit)
        .expire_time(seed::CREDIT_EXPIRY)
        .send()
        .await
        .unwrap();
    let after = credit().send().await.unwrap().into_inner();
    let expiring = &after.amount_infos[1];
    assert_eq!(
        expiring.avail_transfer_amount.unwrap().get(),
        yuan("1700.00")
    );
    assert_eq!(expiring.credit_amount.unwrap().get(), yuan("1700.00"));
    assert_eq!(
        value(after.amount_infos[0].avail_transfer_amount),
        yuan("5000.00"),
        "the permanent ledger is untouched"
    );
    let member = client
        .list_enterprise_multi_account()
        .sub_customer_id(seed::MEMBER_ID)
        .balance_type(MemberDebit::BalanceTypeCredit)
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        member.total_count,
        Some(2),
        "the member got an expiring ledger"
    );
    let received = member
        .amount_infos
        .iter()
        .find(|i| i.expire_time.as_deref() == Some(seed::CREDIT_EXPIRY))
        .expect("the expiring ledger");
    assert_eq!(received.avail_retrieve_amount.unwrap().get(), yuan("300"));

    // A ledger that does not exist is a parameter error.
    let err = client
        .update_sub_enterprise_amount()
        .customer_id(seed::MEMBER_ID)
        .amount("1")
        .balance_type(types::TransferEnterpriseMultiAccountReqBalanceType::BalanceTypeCredit)
        .expire_time("2030-01-01T00:00:00Z")
        .send()
        .await
        .unwrap_err();
    assert_code(&err, "CBC.0100", 400);
}

async fn transferable_coupon_balance(client: &Client, coupon_id: &str) -> Option<Decimal> {
    let listed = client
        .list_multi_account_transfer_coupons()
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        listed.total_count,
        Some(listed.avail_transfer_coupons.len() as i32)
    );
    listed
        .avail_transfer_coupons
        .iter()
        .find(|c| c.coupon_id.as_deref() == Some(coupon_id))
        .map(|c| value(c.balance))
}

async fn reclaimable_coupons(client: &Client, member: &str) -> Vec<types::AvailRetrieveCoupons> {
    let listed = client
        .list_multi_account_retrieve_coupons()
        .sub_customer_id(member)
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        listed.total_count,
        Some(listed.avail_retrieve_coupons.len() as i32)
    );
    listed.avail_retrieve_coupons
}

#[tokio::test]
async fn a_transferred_coupon_appears_at_the_member_and_reclaiming_returns_it() {
    let (_sim, client) = support::sim_and_client().await;
    assert_eq!(
        transferable_coupon_balance(&client, seed::COUPON_ID).await,
        Some(yuan("500.00"))
    );
    assert_eq!(reclaimable_coupons(&client, seed::MEMBER_ID).await.len(), 1);

    let claimed = client
        .claim_enterprise_multi_account_coupon()
        .customer_id(seed::MEMBER_ID)
        .coupon_id(seed::COUPON_ID)
        .amount("120.50")
        .send()
        .await
        .unwrap()
        .into_inner();
    let sub_coupon_id = claimed.sub_coupon_id.expect("the new sub coupon's id");
    assert_eq!(
        transferable_coupon_balance(&client, seed::COUPON_ID).await,
        Some(yuan("379.50"))
    );
    let held = reclaimable_coupons(&client, seed::MEMBER_ID).await;
    let sub = held
        .iter()
        .find(|c| c.sub_coupon_id.as_deref() == Some(sub_coupon_id.as_str()))
        .expect("the sub coupon is reclaimable");
    assert_eq!(sub.coupon_id.as_deref(), Some(seed::COUPON_ID));
    assert_eq!(sub.balance.unwrap().get(), yuan("120.50"));
    assert_eq!(sub.plan_name.as_deref(), Some("Business cash coupon"));

    let reclaimed = client
        .reclaim_enterprise_multi_account_coupon()
        .customer_id(seed::MEMBER_ID)
        .coupon_id(seed::COUPON_ID)
        .sub_coupon_id(sub_coupon_id.as_str())
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(value(reclaimed.real_retrieve_amout), yuan("120.50"));
    assert_eq!(
        transferable_coupon_balance(&client, seed::COUPON_ID).await,
        Some(yuan("500.00"))
    );
    let held = reclaimable_coupons(&client, seed::MEMBER_ID).await;
    assert!(
        held.iter()
            .all(|c| c.sub_coupon_id.as_deref() != Some(sub_coupon_id.as_str())),
        "a reclaimed sub coupon is no longer listed: {held:?}"
    );
}

#[tokio::test]
async fn the_seeded_sub_coupon_is_reclaimed_once_then_gives_back_nothing() {
    let (_sim, client) = support::sim_and_client().await;
    let reclaim = || {
        client
            .reclaim_enterprise_multi_account_coupon()
            .customer_id(seed::MEMBER_ID)
            .coupon_id(seed::PARENT_COUPON_ID)
            .sub_coupon_id(seed::SUB_COUPON_ID)
            .send()
    };
    let first = reclaim().await.unwrap().into_inner();
    assert_eq!(first.real_retrieve_amout.unwrap().get(), yuan("50.00"));
    assert_eq!(
        transferable_coupon_balance(&client, seed::PARENT_COUPON_ID).await,
        Some(yuan("350.00"))
    );
    assert!(
        reclaimable_coupons(&client, seed::MEMBER_ID)
            .await
            .is_empty()
    );
    let again = reclaim().await.unwrap().into_inner();
    assert_eq!(again.real_retrieve_amout.unwrap().get(), yuan("0"));
    assert_eq!(
        transferable_coupon_balance(&client, seed::PARENT_COUPON_ID).await,
        Some(yuan("350.00"))
    );
}

#[tokio::test]
async fn coupon_transfers_beyond_the_balance_or_to_strangers_are_refused() {
    let (_sim, client) = support::sim_and_client().await;
    let claim = |member: &'static str, amount: &'static str| {
        client
            .claim_enterprise_multi_account_coupon()
            .customer_id(member)
            .coupon_id(seed::COUPON_ID)
            .amount(amount)
            .send()
    };
    let err = claim(seed::MEMBER_ID, "500.01").await.unwrap_err();
    assert_code(&err, "CBC.99005003", 400);
    let err = claim("ffffffffffffffffffffffffffffffff", "1")
        .await
        .unwrap_err();
    assert_code(&err, "CBC.99000086", 400);
    let err = client
        .reclaim_enterprise_multi_account_coupon()
        .customer_id(seed::MEMBER_ID)
        .coupon_id(seed::COUPON_ID)
        .sub_coupon_id("CP-NOT-THERE")
        .send()
        .await
        .unwrap_err();
    assert_code(&err, "CBC.0100", 400);
    assert_eq!(
        transferable_coupon_balance(&client, seed::COUPON_ID).await,
        Some(yuan("500.00"))
    );
}

/// Creates a member under `party_id` that reuses the master's mobile number.
async fn create_member(client: &Client, name: &str, display: &str, party_id: &str) {
    client
        .create_sub_enterprise_account()
        .party_id(party_id)
        .display_name(display)
        .sub_customer_association_type(1)
        .new_sub_customer(
            types::NewCustomerV2::builder()
                .customer_name(name)
                .password("Examp1e#Pass")
                .use_pri_mobile_phone(types::NewCustomerV2UsePriMobilePhone::Y),
        )
        .send()
        .await
        .expect("the member is created");
}

async fn member_names(
    client: &Client,
    call: impl FnOnce(
        huaweicloud_bss::calls::ListEnterpriseSubCustomers<'_>,
    ) -> huaweicloud_bss::calls::ListEnterpriseSubCustomers<'_>,
) -> (Option<i32>, Vec<String>) {
    let listed = call(client.list_enterprise_sub_customers())
        .send()
        .await
        .unwrap()
        .into_inner();
    let names = listed
        .sub_customer_infos
        .iter()
        .map(|m| m.name.clone().unwrap_or_default())
        .collect();
    (listed.total_count, names)
}

#[tokio::test]
async fn created_members_are_listed_filtered_exactly_or_fuzzily_and_paged() {
    let (_sim, client) = support::sim_and_client().await;
    create_member(&client, "alpha-team01", "Alpha", "393").await;
    create_member(&client, "beta-team02", "Beta", "394").await;

    let (total, names) = member_names(&client, |c| c).await;
    assert_eq!(total, Some(3));
    assert_eq!(names, ["subuser001", "alpha-team01", "beta-team02"]);

    let (total, names) = member_names(&client, |c| {
        c.sub_customer_account_name("team").fuzzy_query(1)
    })
    .await;
    assert_eq!(
        (total, names),
        (Some(2), vec!["alpha-team01".into(), "beta-team02".into()])
    );
    let (total, _) = member_names(&client, |c| c.sub_customer_account_name("team")).await;
    assert_eq!(
        total,
        Some(0),
        "without fuzzy_query the name must match exactly"
    );
    let (total, names) =
        member_names(&client, |c| c.sub_customer_account_name("alpha-team01")).await;
    assert_eq!((total, names), (Some(1), vec!["alpha-team01".into()]));
    let (_, names) = member_names(&client, |c| {
        c.sub_customer_display_name("et").fuzzy_query(1)
    })
    .await;
    assert_eq!(names, ["beta-team02"]);
    let (_, names) = member_names(&client, |c| c.org_id("393")).await;
    assert_eq!(names, ["alpha-team01"]);

    let (total, names) = member_names(&client, |c| c.offset(1).limit(1)).await;
    assert_eq!((total, names), (Some(3), vec!["alpha-team01".into()]));

    // A created member has an id, an organization and empty ledgers that can be funded.
    let listed = client
        .list_enterprise_sub_customers()
        .org_id("394")
        .send()
        .await
        .unwrap()
        .into_inner();
    let beta = &listed.sub_customer_infos[0];
    assert_eq!(beta.org_name.as_deref(), Some("Sales"));
    assert_eq!(beta.status, Some(values::SubCustomerInfoV2Status::Normal));
    let id = beta.id.clone().expect("members have ids");
    assert_eq!(member_cash(&client, &id).await, yuan("0"));
    transfer(&client, &id, "42.42").await.unwrap();
    assert_eq!(member_cash(&client, &id).await, yuan("42.42"));
}

async fn create_member_with_mobile(client: &Client, name: &str, code: &str) -> Result<(), Error> {
    client
        .create_sub_enterprise_account()
        .party_id("99920")
        .sub_customer_association_type(1)
        .new_sub_customer(
            types::NewCustomerV2::builder()
                .customer_name(name)
                .password("Examp1e#Pass")
                .mobile_phone("13900001111")
                .verification_code(code),
        )
        .send()
        .await
        .map(drop)
}

fn sms_code(sim: &RunningSimulator, mobile: &str) -> Option<String> {
    sim.state().multi_account.sms_codes.get(mobile).cloned()
}

#[tokio::test]
async fn an_sms_code_lets_a_member_be_created_with_its_own_mobile_number_once() {
    let (sim, client) = support::sim_and_client().await;
    client
        .send_sms_verification_code()
        .mobile_phone("13900001111")
        .sm_template_args([types::TemplateArgs {
            key: types::TemplateArgsKey::SubCustomerName,
            value: "mobile-member".into(),
        }])
        .send()
        .await
        .expect("the code is sent");
    let code = sms_code(&sim, "13900001111").expect("a code was recorded");
    let wrong = if code == "000000" { "111111" } else { "000000" };

    let err = create_member_with_mobile(&client, "mobile-member", wrong)
        .await
        .unwrap_err();
    assert_code(&err, "CBC.99000026", 400);
    create_member_with_mobile(&client, "mobile-member", &code)
        .await
        .expect("the right code is accepted");
    assert_eq!(sms_code(&sim, "13900001111"), None, "the code is consumed");
    let err = create_member_with_mobile(&client, "mobile-member-2", &code)
        .await
        .unwrap_err();
    assert_code(&err, "CBC.99000026", 400);
}

#[tokio::test]
async fn more_than_six_template_arguments_are_refused_before_sending() {
    // List sizes are documented rules too: the client refuses the request (the simulator
    // would answer CBC.0100, as the service does).
    let (sim, client) = support::sim_and_client().await;
    let arg = || types::TemplateArgs {
        key: types::TemplateArgsKey::SubCustomerName,
        value: "m".into(),
    };
    let err = client
        .send_sms_verification_code()
        .mobile_phone("13900002222")
        .sm_template_args(vec![arg(); 7])
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert_eq!(err.field(), Some("sm_template_args"), "{err}");
    assert_eq!(err.rule(), Some("at most 6 items"), "{err}");
    assert_eq!(sim.requests_served(), 0);
    assert_eq!(sms_code(&sim, "13900002222"), None);
}

#[tokio::test]
async fn broken_amounts_and_parameters_are_refused_before_anything_is_sent() {
    let (sim, client) = support::sim_and_client().await;
    for amount in ["0", "-1", "1.005", "ten"] {
        let err = transfer(&client, seed::MEMBER_ID, amount)
            .await
            .expect_err(amount);
        assert!(matches!(err, Error::InvalidRequest(_)), "{amount}: {err:?}");
    }
    let err = client
        .list_enterprise_sub_customers()
        .sub_customer_account_name("two words")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    let err = client
        .list_multi_account_transfer_coupons()
        .limit(101)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    let err = client
        .update_sub_enterprise_amount()
        .customer_id(seed::MEMBER_ID)
        .amount("1")
        .expire_time("2026-13-01T00:00:00Z")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert_eq!(err.field(), Some("expire_time"), "{err}");
    assert_eq!(sim.requests_served(), 0);
}

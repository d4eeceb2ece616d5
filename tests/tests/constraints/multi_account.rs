//! Constraint tables of the enterprise multi-account operations: member accounts and the
//! organization tree, the SMS code, and the fund and coupon transfers between the master
//! account and its members with their listing operations.

use crate::harness::*;

/// The tables of this domain: each operation and its rows.
pub(crate) const TABLES: Tables = &[
    (
        "CreateSubEnterpriseAccount",
        create_sub_enterprise_account_rows,
    ),
    (
        "ListEnterpriseOrganizations",
        list_enterprise_organizations_rows,
    ),
    ("SendSmsVerificationCode", send_sms_verification_code_rows),
    (
        "ListEnterpriseSubCustomers",
        list_enterprise_sub_customers_rows,
    ),
    (
        "UpdateSubEnterpriseAmount",
        update_sub_enterprise_amount_rows,
    ),
    (
        "ShowMultiAccountTransferAmount",
        show_multi_account_transfer_amount_rows,
    ),
    (
        "ReclaimSubEnterpriseAmount",
        reclaim_sub_enterprise_amount_rows,
    ),
    (
        "ListEnterpriseMultiAccount",
        list_enterprise_multi_account_rows,
    ),
    ("ClaimEnterpriseMultiAccountCoupon", claim_coupon_rows),
    (
        "ListMultiAccountTransferCoupons",
        list_multi_account_transfer_coupons_rows,
    ),
    ("ReclaimEnterpriseMultiAccountCoupon", reclaim_coupon_rows),
    (
        "ListMultiAccountRetrieveCoupons",
        list_multi_account_retrieve_coupons_rows,
    ),
];

/// Sends a listing operation of this domain with raw parameter values, through its call
/// builder's setters; `None` when the operation is not one of this domain's.
pub(crate) async fn send_query(
    client: &Client,
    operation: &str,
    query: &Query,
) -> Option<Result<(), Error>> {
    Some(match operation {
        "ListEnterpriseSubCustomers" => {
            let mut call = client.list_enterprise_sub_customers();
            for (name, value) in query {
                call = match *name {
                    "sub_customer_account_name" => call.sub_customer_account_name(text(value)),
                    "sub_customer_display_name" => call.sub_customer_display_name(text(value)),
                    "fuzzy_query" => call.fuzzy_query(int(value)),
                    "org_id" => call.org_id(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ShowMultiAccountTransferAmount" => {
            let mut call = client.show_multi_account_transfer_amount();
            for (name, value) in query {
                call = match *name {
                    "balance_type" => call.balance_type(text(value).parse().expect("an enum")),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListEnterpriseMultiAccount" => {
            let mut call = client.list_enterprise_multi_account();
            for (name, value) in query {
                call = match *name {
                    "sub_customer_id" => call.sub_customer_id(text(value)),
                    "balance_type" => call.balance_type(text(value).parse().expect("an enum")),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListMultiAccountTransferCoupons" => {
            let mut call = client.list_multi_account_transfer_coupons();
            for (name, value) in query {
                call = match *name {
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListMultiAccountRetrieveCoupons" => {
            let mut call = client.list_multi_account_retrieve_coupons();
            for (name, value) in query {
                call = match *name {
                    "sub_customer_id" => call.sub_customer_id(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// CreateSubEnterpriseAccount
// ---------------------------------------------------------------------------------------

/// The member account of the spec's request example of CreateSubEnterpriseAccount.
fn member() -> b::NewCustomerV2Builder {
    types::NewCustomerV2::builder()
        .customer_name("subuser003")
        .password("Examp1e#Pass")
        .mobile_phone("13800000000")
        .use_pri_mobile_phone(types::NewCustomerV2UsePriMobilePhone::N)
        .verification_code("625123")
}

/// The spec's request example of CreateSubEnterpriseAccount.
fn sub_account() -> b::CreateSubCustomerReqV2Builder {
    use types::CreateSubCustomerReqV2PermissionIdsItem as P;
    types::CreateSubCustomerReqV2::builder()
        .party_id("99920")
        .sub_customer_association_type(1)
        .permission_ids(vec![
            P::ReadFinanceInfo,
            P::ReadConsumeBill,
            P::SubstituteOpenInvoice,
            P::TakeOverOpenInvoice,
            P::ShareCreditToSub,
            P::ShareBizDiscountToSub,
        ])
        .new_sub_customer(member())
}

fn create_sub_enterprise_account_rows() -> Vec<Row> {
    use types::{CreateSubCustomerReqV2 as Req, NewCustomerV2 as Member};
    vec![
        documented_example(Call::CreateSubEnterpriseAccount(sub_account)),
        missing(
            "party_id missing",
            "party_id",
            Call::CreateSubEnterpriseAccount(|| {
                Req::builder()
                    .sub_customer_association_type(1)
                    .new_sub_customer(member())
            }),
        ),
        missing(
            "sub_customer_association_type missing",
            "sub_customer_association_type",
            Call::CreateSubEnterpriseAccount(|| {
                Req::builder().party_id("99920").new_sub_customer(member())
            }),
        ),
        missing(
            "new_sub_customer missing",
            "new_sub_customer",
            Call::CreateSubEnterpriseAccount(|| {
                Req::builder()
                    .party_id("99920")
                    .sub_customer_association_type(1)
            }),
        ),
        missing(
            "new_sub_customer.customer_name missing",
            "new_sub_customer.customer_name",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(Member::builder().password("Examp1e#Pass"))
            }),
        ),
        missing(
            "new_sub_customer.password missing",
            "new_sub_customer.password",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(Member::builder().customer_name("subuser003"))
            }),
        ),
        rejected(
            "party_id of 21 characters",
            "party_id",
            "maxLength",
            "at most 20 characters",
            Call::CreateSubEnterpriseAccount(|| sub_account().party_id("1".repeat(21))),
        ),
        rejected(
            "sub_customer_association_type 2",
            "sub_customer_association_type",
            "enum",
            "one of: 1",
            Call::CreateSubEnterpriseAccount(|| sub_account().sub_customer_association_type(2)),
        ),
        rejected(
            "new_sub_customer.customer_name of 33 characters",
            "new_sub_customer.customer_name",
            "maxLength",
            "at most 32 characters",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(member().customer_name(chars(33)))
            }),
        ),
        rejected(
            "new_sub_customer.password of 7 characters",
            "new_sub_customer.password",
            "minLength",
            "8 to 32 characters",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(member().password("Exa#1pw"))
            }),
        ),
        rejected(
            "new_sub_customer.password of 33 characters",
            "new_sub_customer.password",
            "maxLength",
            "8 to 32 characters",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(member().password(format!("Ex#1{}", chars(29))))
            }),
        ),
        rejected(
            "display_name of 65 characters",
            "display_name",
            "maxLength",
            "at most 64 characters",
            Call::CreateSubEnterpriseAccount(|| sub_account().display_name(chars(65))),
        ),
        rejected(
            "financial_custody 2",
            "financial_custody",
            "enum",
            "one of: 0, 1",
            Call::CreateSubEnterpriseAccount(|| sub_account().financial_custody(2)),
        ),
        rejected(
            "permission_ids with an undocumented permission",
            "permission_ids[0]",
            "enum",
            "one of: READ_FINANCE_INFO, READ_CONSUME_BILL, SUBSTITUTE-OPEN-INVOICE, TAKE-OVER-OPEN-INVOICE, SHARE-CREDIT-TO-SUB, SHARE-BIZ-DISCOUNT-TO-SUB",
            Call::Wire("CreateSubEnterpriseAccount", || {
                body_with(
                    sub_account().build(),
                    "permission_ids",
                    json!(["READ_EVERYTHING"]),
                )
            }),
        ),
        rejected(
            "new_sub_customer.mobile_phone of 21 characters",
            "new_sub_customer.mobile_phone",
            "maxLength",
            "at most 20 characters",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(member().mobile_phone("1".repeat(21)))
            }),
        ),
        rejected(
            "new_sub_customer.use_pri_mobile_phone not Y or N",
            "new_sub_customer.use_pri_mobile_phone",
            "enum",
            "one of: Y, N",
            Call::Wire("CreateSubEnterpriseAccount", || {
                body_with(
                    sub_account().build(),
                    "new_sub_customer.use_pri_mobile_phone",
                    json!("y"),
                )
            }),
        ),
        rejected(
            "new_sub_customer.verification_code of 7 characters",
            "new_sub_customer.verification_code",
            "maxLength",
            "at most 6 characters",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(member().verification_code("1234567"))
            }),
        ),
        known_gap(
            "member without a mobile number nor use_pri_mobile_phone Y",
            "new_sub_customer.mobile_phone",
            "required unless use_pri_mobile_phone is Y",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(Member {
                    mobile_phone: None,
                    verification_code: None,
                    ..member().build().expect("the example is valid")
                })
            }),
        ),
        known_gap(
            "member mobile number without a verification code",
            "new_sub_customer.verification_code",
            "needed when a member mobile number is given",
            Call::CreateSubEnterpriseAccount(|| {
                sub_account().new_sub_customer(Member {
                    verification_code: None,
                    ..member().build().expect("the example is valid")
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListEnterpriseOrganizations
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListEnterpriseOrganizations.
fn org_params() -> Params {
    Params {
        parent_id: Some("392".to_string()),
        recursive_query: Some(1),
    }
}

fn list_enterprise_organizations_rows() -> Vec<Row> {
    vec![
        documented_example(Call::ListEnterpriseOrganizations(org_params)),
        rejected(
            "parent_id of 21 digits",
            "parent_id",
            "maxLength",
            "at most 20 characters",
            Call::ListEnterpriseOrganizations(|| Params {
                parent_id: Some("1".repeat(21)),
                ..org_params()
            }),
        ),
        rejected(
            "parent_id with letters",
            "parent_id",
            "pattern",
            "digits only",
            Call::ListEnterpriseOrganizations(|| Params {
                parent_id: Some("39a".to_string()),
                ..org_params()
            }),
        ),
        rejected(
            "parent_id negative",
            "parent_id",
            "pattern",
            "digits only",
            Call::ListEnterpriseOrganizations(|| Params {
                parent_id: Some("-392".to_string()),
                ..org_params()
            }),
        ),
        rejected(
            "recursive_query 2",
            "recursive_query",
            "enum",
            "one of: 0, 1",
            Call::ListEnterpriseOrganizations(|| Params {
                recursive_query: Some(2),
                ..org_params()
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// Enterprise multi-account: SendSmsVerificationCode, the fund and coupon operations, and the
// listing operations (query parameters)
// ---------------------------------------------------------------------------------------

/// The member id the enterprise examples use (the simulator's seeded member).
const MEMBER: &str = "06a29c5eed0001400fc0c01027684d40";

/// The spec's request example of SendSmsVerificationCode.
fn sms() -> b::SendSmVerificationCodeReqBuilder {
    types::SendSmVerificationCodeReq::builder()
        .sm_template_args([template_arg()])
        .mobile_phone("18800008888")
        .language(types::SendSmVerificationCodeReqLanguage::ZhCn)
        .timeout(10)
}

fn template_arg() -> types::TemplateArgs {
    types::TemplateArgs {
        key: types::TemplateArgsKey::SubCustomerName,
        value: "subuser001".to_string(),
    }
}

fn send_sms_verification_code_rows() -> Vec<Row> {
    use types::SendSmVerificationCodeReq as Req;
    vec![
        documented_example(Call::SendSmsVerificationCode(sms)),
        missing(
            "mobile_phone missing",
            "mobile_phone",
            Call::SendSmsVerificationCode(|| Req::builder().sm_template_args([template_arg()])),
        ),
        missing(
            "sm_template_args missing",
            "sm_template_args",
            Call::SendSmsVerificationCode(|| Req::builder().mobile_phone("18800008888")),
        ),
        rejected(
            "mobile_phone of 21 characters",
            "mobile_phone",
            "maxLength",
            "at most 20 characters",
            Call::SendSmsVerificationCode(|| sms().mobile_phone("1".repeat(21))),
        ),
        rejected(
            "timeout 0",
            "timeout",
            "minimum",
            "from 1 to 100",
            Call::SendSmsVerificationCode(|| sms().timeout(0)),
        ),
        rejected(
            "timeout 101",
            "timeout",
            "maximum",
            "from 1 to 100",
            Call::SendSmsVerificationCode(|| sms().timeout(101)),
        ),
        rejected(
            "language not zh-cn or en-us",
            "language",
            "enum",
            "one of: zh-cn, en-us",
            Call::Wire("SendSmsVerificationCode", || {
                body_with(sms().build(), "language", json!("fr-fr"))
            }),
        ),
        rejected(
            "template argument without a key",
            "sm_template_args[0].key",
            "required",
            "required",
            Call::SendSmsVerificationCode(|| {
                sms().sm_template_args([types::TemplateArgs::builder().value("subuser001")])
            }),
        ),
        rejected(
            "template argument without a value",
            "sm_template_args[0].value",
            "required",
            "required",
            Call::SendSmsVerificationCode(|| {
                sms().sm_template_args([
                    types::TemplateArgs::builder().key(types::TemplateArgsKey::SubCustomerName)
                ])
            }),
        ),
        rejected(
            "template argument key other than sub_customer_name",
            "sm_template_args[0].key",
            "enum",
            "one of: sub_customer_name",
            Call::Wire("SendSmsVerificationCode", || {
                body_with(
                    sms().build(),
                    "sm_template_args[0].key",
                    json!("customer_name"),
                )
            }),
        ),
        // The key is an enum of one short name; its 64-character limit cannot be reached
        // separately: any longer text is not the documented name.
        rejected(
            "template argument key of 65 characters",
            "sm_template_args[0].key",
            "maxLength",
            "one of: sub_customer_name",
            Call::Wire("SendSmsVerificationCode", || {
                body_with(sms().build(), "sm_template_args[0].key", json!(chars(65)))
            }),
        ),
        rejected(
            "template argument value of 256 characters",
            "sm_template_args[0].value",
            "maxLength",
            "at most 255 characters",
            Call::SendSmsVerificationCode(|| {
                sms().sm_template_args([types::TemplateArgs {
                    value: chars(256),
                    ..template_arg()
                }])
            }),
        ),
    ]
}

/// The spec's request example of UpdateSubEnterpriseAmount.
fn transfer() -> b::TransferEnterpriseMultiAccountReqBuilder {
    types::TransferEnterpriseMultiAccountReq::builder()
        .customer_id(MEMBER)
        .amount("100.5")
        .trans_id("2020042401")
        .balance_type(types::TransferEnterpriseMultiAccountReqBalanceType::BalanceTypeDebit)
}

fn update_sub_enterprise_amount_rows() -> Vec<Row> {
    use types::TransferEnterpriseMultiAccountReq as Req;
    vec![
        documented_example(Call::UpdateSubEnterpriseAmount(transfer)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::UpdateSubEnterpriseAmount(|| Req::builder().amount("1")),
        ),
        missing(
            "amount missing",
            "amount",
            Call::UpdateSubEnterpriseAmount(|| Req::builder().customer_id(MEMBER)),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            Call::UpdateSubEnterpriseAmount(|| transfer().customer_id(chars(65))),
        ),
        rejected(
            "amount 0",
            "amount",
            "minimum",
            "greater than 0",
            Call::UpdateSubEnterpriseAmount(|| transfer().amount("0")),
        ),
        rejected(
            "trans_id of 33 characters",
            "trans_id",
            "maxLength",
            "at most 32 characters",
            Call::UpdateSubEnterpriseAmount(|| transfer().trans_id(chars(33))),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "one of: BALANCE_TYPE_DEBIT, BALANCE_TYPE_CREDIT",
            Call::Wire("UpdateSubEnterpriseAmount", || {
                body_with(
                    transfer().build(),
                    "balance_type",
                    json!("BALANCE_TYPE_CASH"),
                )
            }),
        ),
        rejected(
            "expire_time of 21 characters",
            "expire_time",
            "maxLength",
            "at most 20 characters",
            Call::UpdateSubEnterpriseAmount(|| transfer().expire_time("2016-03-28T14:45:38.Z")),
        ),
        rejected(
            "expire_time that is not a date",
            "expire_time",
            "pattern",
            "a UTC time as yyyy-MM-ddTHH:mm:ssZ",
            Call::UpdateSubEnterpriseAmount(|| transfer().expire_time("2016-13-28T14:45:38Z")),
        ),
    ]
}

/// The spec's request example of ReclaimSubEnterpriseAmount.
fn reclaim() -> b::RetrieveEnterpriseMultiAccountReqBuilder {
    types::RetrieveEnterpriseMultiAccountReq::builder()
        .customer_id(MEMBER)
        .amount("20.25")
        .trans_id("2020042402")
        .balance_type(types::RetrieveEnterpriseMultiAccountReqBalanceType::BalanceTypeDebit)
}

fn reclaim_sub_enterprise_amount_rows() -> Vec<Row> {
    use types::RetrieveEnterpriseMultiAccountReq as Req;
    vec![
        documented_example(Call::ReclaimSubEnterpriseAmount(reclaim)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::ReclaimSubEnterpriseAmount(|| Req::builder().amount("1")),
        ),
        missing(
            "amount missing",
            "amount",
            Call::ReclaimSubEnterpriseAmount(|| Req::builder().customer_id(MEMBER)),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            Call::ReclaimSubEnterpriseAmount(|| reclaim().customer_id(chars(65))),
        ),
        rejected(
            "amount negative",
            "amount",
            "minimum",
            "greater than 0",
            Call::ReclaimSubEnterpriseAmount(|| reclaim().amount("-5")),
        ),
        rejected(
            "trans_id of 33 characters",
            "trans_id",
            "maxLength",
            "at most 32 characters",
            Call::ReclaimSubEnterpriseAmount(|| reclaim().trans_id(chars(33))),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "one of: BALANCE_TYPE_DEBIT, BALANCE_TYPE_CREDIT",
            Call::Wire("ReclaimSubEnterpriseAmount", || {
                body_with(reclaim().build(), "balance_type", json!("debit"))
            }),
        ),
        rejected(
            "expire_time of 21 characters",
            "expire_time",
            "maxLength",
            "at most 20 characters",
            Call::ReclaimSubEnterpriseAmount(|| reclaim().expire_time("2016-03-28T14:45:38ZZ")),
        ),
        rejected(
            "expire_time without the Z",
            "expire_time",
            "pattern",
            "a UTC time as yyyy-MM-ddTHH:mm:ssZ",
            Call::ReclaimSubEnterpriseAmount(|| reclaim().expire_time("2016-03-28T14:45:38")),
        ),
    ]
}

/// The spec's request example of ClaimEnterpriseMultiAccountCoupon.
fn claim() -> b::TransferEnterpriseMultiAccountCouponReqBuilder {
    types::TransferEnterpriseMultiAccountCouponReq::builder()
        .customer_id(MEMBER)
        .amount("100.0")
        .trans_id("2020042401")
        .coupon_id("CP19092406014086E3")
}

fn claim_coupon_rows() -> Vec<Row> {
    use types::TransferEnterpriseMultiAccountCouponReq as Req;
    vec![
        documented_example(Call::ClaimEnterpriseMultiAccountCoupon(claim)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::ClaimEnterpriseMultiAccountCoupon(|| {
                Req::builder().coupon_id("CP19092406014086E3").amount("1")
            }),
        ),
        missing(
            "coupon_id missing",
            "coupon_id",
            Call::ClaimEnterpriseMultiAccountCoupon(|| {
                Req::builder().customer_id(MEMBER).amount("1")
            }),
        ),
        missing(
            "amount missing",
            "amount",
            Call::ClaimEnterpriseMultiAccountCoupon(|| {
                Req::builder()
                    .customer_id(MEMBER)
                    .coupon_id("CP19092406014086E3")
            }),
        ),
        rejected(
            "customer_id empty",
            "customer_id",
            "minLength",
            "1 to 64 characters",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().customer_id("")),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "1 to 64 characters",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().customer_id(chars(65))),
        ),
        rejected(
            "coupon_id empty",
            "coupon_id",
            "minLength",
            "1 to 64 characters",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().coupon_id("")),
        ),
        rejected(
            "coupon_id of 65 characters",
            "coupon_id",
            "maxLength",
            "1 to 64 characters",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().coupon_id(chars(65))),
        ),
        rejected(
            "amount 0",
            "amount",
            "minimum",
            "greater than 0",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().amount("0.00")),
        ),
        rejected(
            "trans_id of 33 characters",
            "trans_id",
            "maxLength",
            "at most 32 characters",
            Call::ClaimEnterpriseMultiAccountCoupon(|| claim().trans_id(chars(33))),
        ),
    ]
}

/// The spec's request example of ReclaimEnterpriseMultiAccountCoupon.
fn reclaim_coupon() -> b::RetrieveEnterpriseMultiAccountCouponReqBuilder {
    types::RetrieveEnterpriseMultiAccountCouponReq::builder()
        .customer_id(MEMBER)
        .coupon_id("CP19092406014086E2")
        .sub_coupon_id("CP19092406014086E1")
        .trans_id("333333")
}

fn reclaim_coupon_rows() -> Vec<Row> {
    use types::RetrieveEnterpriseMultiAccountCouponReq as Req;
    vec![
        documented_example(Call::ReclaimEnterpriseMultiAccountCoupon(reclaim_coupon)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| {
                Req::builder()
                    .coupon_id("CP19092406014086E2")
                    .sub_coupon_id("CP19092406014086E1")
            }),
        ),
        missing(
            "coupon_id missing",
            "coupon_id",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| {
                Req::builder()
                    .customer_id(MEMBER)
                    .sub_coupon_id("CP19092406014086E1")
            }),
        ),
        missing(
            "sub_coupon_id missing",
            "sub_coupon_id",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| {
                Req::builder()
                    .customer_id(MEMBER)
                    .coupon_id("CP19092406014086E2")
            }),
        ),
        rejected(
            "customer_id empty",
            "customer_id",
            "minLength",
            "1 to 64 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().customer_id("")),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "1 to 64 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().customer_id(chars(65))),
        ),
        rejected(
            "coupon_id empty",
            "coupon_id",
            "minLength",
            "1 to 64 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().coupon_id("")),
        ),
        rejected(
            "coupon_id of 65 characters",
            "coupon_id",
            "maxLength",
            "1 to 64 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().coupon_id(chars(65))),
        ),
        rejected(
            "sub_coupon_id empty",
            "sub_coupon_id",
            "minLength",
            "1 to 64 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().sub_coupon_id("")),
        ),
        rejected(
            "sub_coupon_id of 65 characters",
            "sub_coupon_id",
            "maxLength",
            "1 to 64 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().sub_coupon_id(chars(65))),
        ),
        rejected(
            "trans_id of 33 characters",
            "trans_id",
            "maxLength",
            "at most 32 characters",
            Call::ReclaimEnterpriseMultiAccountCoupon(|| reclaim_coupon().trans_id(chars(33))),
        ),
    ]
}

/// The spec's parameter examples of ListEnterpriseSubCustomers.
fn sub_customers_query() -> Query {
    vec![
        ("sub_customer_account_name", json!("subuser")),
        ("fuzzy_query", json!(1)),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_enterprise_sub_customers_rows() -> Vec<Row> {
    const OP: &str = "ListEnterpriseSubCustomers";
    let mut rows = vec![
        documented_example(Call::Query(OP, sub_customers_query)),
        rejected(
            "sub_customer_account_name of 65 characters",
            "sub_customer_account_name",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(
                    sub_customers_query(),
                    "sub_customer_account_name",
                    json!(chars(65)),
                )
            }),
        ),
        rejected(
            "sub_customer_account_name with a space",
            "sub_customer_account_name",
            "pattern",
            "no spaces",
            Call::Query(OP, || {
                param(
                    sub_customers_query(),
                    "sub_customer_account_name",
                    json!("sub user"),
                )
            }),
        ),
        rejected(
            "sub_customer_display_name of 65 characters",
            "sub_customer_display_name",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(
                    sub_customers_query(),
                    "sub_customer_display_name",
                    json!(chars(65)),
                )
            }),
        ),
        rejected(
            "sub_customer_display_name with a space",
            "sub_customer_display_name",
            "pattern",
            "no spaces",
            Call::Query(OP, || {
                param(
                    sub_customers_query(),
                    "sub_customer_display_name",
                    json!("Research member"),
                )
            }),
        ),
        rejected(
            "fuzzy_query 2",
            "fuzzy_query",
            "enum",
            "one of: 0, 1",
            Call::Query(OP, || param(sub_customers_query(), "fuzzy_query", json!(2))),
        ),
        rejected(
            "org_id of 21 characters",
            "org_id",
            "maxLength",
            "at most 20 characters",
            Call::Query(OP, || {
                param(sub_customers_query(), "org_id", json!("1".repeat(21)))
            }),
        ),
    ];
    rows.extend(paging_rows(OP, sub_customers_query));
    rows
}

/// The spec's parameter examples of ShowMultiAccountTransferAmount.
fn transfer_amount_query() -> Query {
    vec![
        ("balance_type", json!("BALANCE_TYPE_DEBIT")),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn show_multi_account_transfer_amount_rows() -> Vec<Row> {
    const OP: &str = "ShowMultiAccountTransferAmount";
    let mut rows = vec![
        documented_example(Call::Query(OP, transfer_amount_query)),
        missing(
            "balance_type missing",
            "balance_type",
            Call::Query(OP, || without(transfer_amount_query(), "balance_type")),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "one of the documented values",
            Call::Wire(OP, || {
                on_wire(param(
                    transfer_amount_query(),
                    "balance_type",
                    json!("BALANCE_TYPE_CASH"),
                ))
            }),
        ),
    ];
    rows.extend(paging_rows(OP, transfer_amount_query));
    rows
}

/// The spec's parameter examples of ListEnterpriseMultiAccount.
fn retrieve_amount_query() -> Query {
    vec![
        ("sub_customer_id", json!(MEMBER)),
        ("balance_type", json!("BALANCE_TYPE_DEBIT")),
    ]
}

fn list_enterprise_multi_account_rows() -> Vec<Row> {
    const OP: &str = "ListEnterpriseMultiAccount";
    let mut rows = vec![
        documented_example(Call::Query(OP, retrieve_amount_query)),
        missing(
            "sub_customer_id missing",
            "sub_customer_id",
            Call::Query(OP, || without(retrieve_amount_query(), "sub_customer_id")),
        ),
        missing(
            "balance_type missing",
            "balance_type",
            Call::Query(OP, || without(retrieve_amount_query(), "balance_type")),
        ),
        rejected(
            "sub_customer_id of 65 characters",
            "sub_customer_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(retrieve_amount_query(), "sub_customer_id", json!(chars(65)))
            }),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "one of the documented values",
            Call::Wire(OP, || {
                on_wire(param(
                    retrieve_amount_query(),
                    "balance_type",
                    json!("CREDIT"),
                ))
            }),
        ),
    ];
    rows.extend(paging_rows(OP, retrieve_amount_query));
    rows
}

/// The spec's parameter examples of ListMultiAccountTransferCoupons.
fn transfer_coupons_query() -> Query {
    vec![("offset", json!(0)), ("limit", json!(10))]
}

fn list_multi_account_transfer_coupons_rows() -> Vec<Row> {
    const OP: &str = "ListMultiAccountTransferCoupons";
    let mut rows = vec![documented_example(Call::Query(OP, transfer_coupons_query))];
    rows.extend(paging_rows(OP, transfer_coupons_query));
    rows
}

/// The spec's parameter examples of ListMultiAccountRetrieveCoupons.
fn retrieve_coupons_query() -> Query {
    vec![
        ("sub_customer_id", json!(MEMBER)),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_multi_account_retrieve_coupons_rows() -> Vec<Row> {
    const OP: &str = "ListMultiAccountRetrieveCoupons";
    let mut rows = vec![
        documented_example(Call::Query(OP, retrieve_coupons_query)),
        missing(
            "sub_customer_id missing",
            "sub_customer_id",
            Call::Query(OP, || without(retrieve_coupons_query(), "sub_customer_id")),
        ),
        rejected(
            "sub_customer_id empty",
            "sub_customer_id",
            "minLength",
            "1 to 64 characters",
            Call::Query(OP, || {
                param(retrieve_coupons_query(), "sub_customer_id", json!(""))
            }),
        ),
        rejected(
            "sub_customer_id of 65 characters",
            "sub_customer_id",
            "maxLength",
            "1 to 64 characters",
            Call::Query(OP, || {
                param(
                    retrieve_coupons_query(),
                    "sub_customer_id",
                    json!(chars(65)),
                )
            }),
        ),
    ];
    rows.extend(paging_rows(OP, retrieve_coupons_query));
    rows
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn create_sub_enterprise_account_rejects_every_documented_constraint_before_sending() {
    run_table("CreateSubEnterpriseAccount").await;
}

#[tokio::test]
async fn list_enterprise_organizations_rejects_every_documented_constraint_before_sending() {
    run_table("ListEnterpriseOrganizations").await;
}

#[tokio::test]
async fn send_sms_verification_code_rejects_every_documented_constraint_before_sending() {
    run_table("SendSmsVerificationCode").await;
}

#[tokio::test]
async fn list_enterprise_sub_customers_rejects_every_documented_constraint_before_sending() {
    run_table("ListEnterpriseSubCustomers").await;
}

#[tokio::test]
async fn update_sub_enterprise_amount_rejects_every_documented_constraint_before_sending() {
    run_table("UpdateSubEnterpriseAmount").await;
}

#[tokio::test]
async fn show_multi_account_transfer_amount_rejects_every_documented_constraint_before_sending() {
    run_table("ShowMultiAccountTransferAmount").await;
}

#[tokio::test]
async fn reclaim_sub_enterprise_amount_rejects_every_documented_constraint_before_sending() {
    run_table("ReclaimSubEnterpriseAmount").await;
}

#[tokio::test]
async fn list_enterprise_multi_account_rejects_every_documented_constraint_before_sending() {
    run_table("ListEnterpriseMultiAccount").await;
}

#[tokio::test]
async fn claim_enterprise_multi_account_coupon_rejects_every_documented_constraint_before_sending()
{
    run_table("ClaimEnterpriseMultiAccountCoupon").await;
}

#[tokio::test]
async fn list_multi_account_transfer_coupons_rejects_every_documented_constraint_before_sending() {
    run_table("ListMultiAccountTransferCoupons").await;
}

#[tokio::test]
async fn reclaim_enterprise_multi_account_coupon_rejects_every_documented_constraint_before_sending()
 {
    run_table("ReclaimEnterpriseMultiAccountCoupon").await;
}

#[tokio::test]
async fn list_multi_account_retrieve_coupons_rejects_every_documented_constraint_before_sending() {
    run_table("ListMultiAccountRetrieveCoupons").await;
}

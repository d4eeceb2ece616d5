//! Constraint tables of the customer-funds operations (and real-name authentication), in the
//! form of the parent module's tables.

use huaweicloud_bss::{Client, Error, types};
use serde_json::json;

use super::{
    Call, OFFSET_RULE, Query, Row, b, body_with, chars, documented_example, int, json_of, missing,
    on_wire, paging_rows, param, rejected, run_table, text, without,
};

/// The table of `operation`, if this module has it.
pub(super) fn rows(operation: &str) -> Option<Vec<Row>> {
    Some(match operation {
        "UpdateCustomerAccountAmount" => update_customer_account_amount_rows(),
        "ReclaimToPartnerAccount" => reclaim_to_partner_account_rows(),
        "ListPartnerAdjustRecords" => list_partner_adjust_records_rows(),
        "ListCustomersBalancesDetail" => list_customers_balances_detail_rows(),
        "ListPartnerBalances" => list_partner_balances_rows(),
        "ListPartnerAccountChangeRecords" => list_partner_account_change_records_rows(),
        "ListSubCustomerNewTag" => list_sub_customer_new_tag_rows(),
        "CreatePersonalRealnameAuth" => create_personal_realname_auth_rows(),
        "CreateEnterpriseRealnameAuthentication" => create_enterprise_rows(),
        "ChangeEnterpriseRealnameAuthentication" => change_enterprise_rows(),
        "ShowRealnameAuthenticationReviewResult" => review_result_rows(),
        // No parameters and no body: only the (empty) documented example.
        "ShowRealNameAuthStatus" => vec![documented_example(Call::Query(
            "ShowRealNameAuthStatus",
            Vec::new,
        ))],
        "ShowRealNameAuthQrCode" => vec![documented_example(Call::Query(
            "ShowRealNameAuthQrCode",
            Vec::new,
        ))],
        "CreateEnterpriseProjectAuth" => vec![documented_example(Call::Query(
            "CreateEnterpriseProjectAuth",
            Vec::new,
        ))],
        _ => return None,
    })
}

/// Sends a listing operation of this module with raw parameter values, through its call
/// builder's setters; `None` when the operation is not one of this module's.
pub(super) async fn send_query(
    client: &Client,
    operation: &str,
    query: &Query,
) -> Option<Result<(), Error>> {
    Some(match operation {
        "ListPartnerAdjustRecords" => {
            let mut call = client.list_partner_adjust_records();
            for (name, value) in query {
                call = match *name {
                    "customer_id" => call.customer_id(text(value)),
                    "operation_type" => call.operation_type(text(value).parse().expect("an enum")),
                    "operation_time_begin" => call.operation_time_begin(text(value)),
                    "operation_time_end" => call.operation_time_end(text(value)),
                    "trans_id" => call.trans_id(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    "indirect_partner_id" => call.indirect_partner_id(text(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListPartnerBalances" => {
            let mut call = client.list_partner_balances();
            for (name, value) in query {
                call = match *name {
                    "indirect_partner_id" => call.indirect_partner_id(text(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListPartnerAccountChangeRecords" => {
            let mut call = client.list_partner_account_change_records();
            for (name, value) in query {
                call = match *name {
                    "balance_type" => call.balance_type(text(value).parse().expect("an enum")),
                    "trade_type" => call.trade_type(text(value).parse().expect("an enum")),
                    "trade_time_begin" => call.trade_time_begin(text(value)),
                    "trade_time_end" => call.trade_time_end(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    "indirect_partner_id" => call.indirect_partner_id(text(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ShowRealnameAuthenticationReviewResult" => {
            let mut call = client.show_realname_authentication_review_result();
            for (name, value) in query {
                call = match *name {
                    "customer_id" => call.customer_id(text(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        _ => return None,
    })
}

/// Rows every "more than 0, at most 2 decimals" amount has; `$op` is the client method,
/// `$example` the documented body.
macro_rules! amount_rows {
    ($rows:ident, $op:ident, $example:ident) => {
        $rows.extend([
            rejected(
                "amount 0",
                "amount",
                "minimum",
                "greater than 0",
                send_body!($op, $example().amount("0")),
            ),
            rejected(
                "amount negative",
                "amount",
                "minimum",
                "greater than 0",
                send_body!($op, $example().amount("-5.00")),
            ),
            // multipleOf is not a keyword of the coverage list; the row still checks it.
            rejected(
                "amount with 3 decimal places",
                "amount",
                "minimum",
                "at most 2 decimal places",
                send_body!($op, $example().amount("0.005")),
            ),
        ]);
    };
}

// ---------------------------------------------------------------------------------------
// UpdateCustomerAccountAmount
// ---------------------------------------------------------------------------------------

/// The spec's request example of UpdateCustomerAccountAmount.
fn adjust() -> b::AdjustAccountReqBuilder {
    types::AdjustAccountReq::builder()
        .customer_id("0666aa7a7900d5c80f6dc01a9a3598a0")
        .amount("10.00")
}

fn update_customer_account_amount_rows() -> Vec<Row> {
    use types::AdjustAccountReq as Req;
    let mut rows = vec![
        documented_example(Call::Typed(|| json_of(adjust().build()))),
        missing(
            "customer_id missing",
            "customer_id",
            send_body!(update_customer_account_amount, Req::builder().amount("1")),
        ),
        missing(
            "amount missing",
            "amount",
            send_body!(
                update_customer_account_amount,
                Req::builder().customer_id("c1")
            ),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                update_customer_account_amount,
                adjust().customer_id(chars(65))
            ),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                update_customer_account_amount,
                adjust().indirect_partner_id(chars(65))
            ),
        ),
    ];
    amount_rows!(rows, update_customer_account_amount, adjust);
    rows
}

// ---------------------------------------------------------------------------------------
// ReclaimToPartnerAccount
// ---------------------------------------------------------------------------------------

/// The spec's request example of ReclaimToPartnerAccount.
fn reclaim() -> b::ReclaimToPartnerAccountBalancesReqBuilder {
    types::ReclaimToPartnerAccountBalancesReq::builder()
        .customer_id("06f9fb4f24002f0b0f40c00327c28d00")
        .amount("1.00")
}

fn reclaim_to_partner_account_rows() -> Vec<Row> {
    use types::ReclaimToPartnerAccountBalancesReq as Req;
    let mut rows = vec![
        documented_example(Call::Typed(|| json_of(reclaim().build()))),
        missing(
            "customer_id missing",
            "customer_id",
            send_body!(reclaim_to_partner_account, Req::builder().amount("1")),
        ),
        missing(
            "amount missing",
            "amount",
            send_body!(reclaim_to_partner_account, Req::builder().customer_id("c1")),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            send_body!(reclaim_to_partner_account, reclaim().customer_id(chars(65))),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                reclaim_to_partner_account,
                reclaim().indirect_partner_id(chars(65))
            ),
        ),
    ];
    amount_rows!(rows, reclaim_to_partner_account, reclaim);
    rows
}

// ---------------------------------------------------------------------------------------
// ListPartnerAdjustRecords
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListPartnerAdjustRecords.
fn adjust_records_query() -> Query {
    vec![
        ("customer_id", json!("0666aa7a7900d5c80f6dc01a9a3598a0")),
        ("operation_type", json!("SOURCE_OPERATION_BEADJUST")),
        ("operation_time_begin", json!("2026-01-01T00:00:00Z")),
        ("operation_time_end", json!("2026-12-31T23:59:59Z")),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_partner_adjust_records_rows() -> Vec<Row> {
    const OP: &str = "ListPartnerAdjustRecords";
    const TIME: &str = "a UTC time as yyyy-MM-ddTHH:mm:ssZ";
    let mut rows = vec![
        documented_example(Call::Query(OP, adjust_records_query)),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(adjust_records_query(), "customer_id", json!(chars(65)))
            }),
        ),
        rejected(
            "operation_type not one of the three",
            "operation_type",
            "enum",
            "one of the documented values",
            Call::Wire(OP, || {
                on_wire(param(
                    adjust_records_query(),
                    "operation_type",
                    json!("SOURCE_OPERATION_ADJUST"),
                ))
            }),
        ),
        rejected(
            "operation_time_begin of 21 characters",
            "operation_time_begin",
            "maxLength",
            "at most 20 characters",
            Call::Query(OP, || {
                param(
                    adjust_records_query(),
                    "operation_time_begin",
                    json!("2026-01-01T00:00:00.0"),
                )
            }),
        ),
        rejected(
            "operation_time_begin without a time",
            "operation_time_begin",
            "pattern",
            TIME,
            Call::Query(OP, || {
                param(
                    adjust_records_query(),
                    "operation_time_begin",
                    json!("2026-01-01"),
                )
            }),
        ),
        rejected(
            "operation_time_end of 21 characters",
            "operation_time_end",
            "maxLength",
            "at most 20 characters",
            Call::Query(OP, || {
                param(
                    adjust_records_query(),
                    "operation_time_end",
                    json!("2026-01-01T00:00:00+8"),
                )
            }),
        ),
        rejected(
            "operation_time_end with an offset instead of Z",
            "operation_time_end",
            "pattern",
            TIME,
            Call::Query(OP, || {
                param(
                    adjust_records_query(),
                    "operation_time_end",
                    json!("2026-01-01T00:00:00+"),
                )
            }),
        ),
        rejected(
            "trans_id of 129 characters",
            "trans_id",
            "maxLength",
            "at most 128 characters",
            Call::Query(OP, || {
                param(adjust_records_query(), "trans_id", json!(chars(129)))
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(
                    adjust_records_query(),
                    "indirect_partner_id",
                    json!(chars(65)),
                )
            }),
        ),
    ];
    rows.extend(paging_rows(OP, adjust_records_query));
    rows
}

// ---------------------------------------------------------------------------------------
// ListCustomersBalancesDetail
// ---------------------------------------------------------------------------------------

/// The spec's request example of ListCustomersBalancesDetail.
fn balances() -> b::QueryCustomersBalancesReqBuilder {
    types::QueryCustomersBalancesReq::builder()
        .customer_infos([types::CustomerInfoV2 {
            customer_id: "0bb43f81c000d3a10f19c014228fb580".into(),
        }])
        .indirect_partner_id("0ba6fe16eb80d2390f54c01379e93740")
}

fn list_customers_balances_detail_rows() -> Vec<Row> {
    use types::QueryCustomersBalancesReq as Req;
    vec![
        documented_example(Call::Typed(|| json_of(balances().build()))),
        missing(
            "customer_infos missing",
            "customer_infos",
            send_body!(
                list_customers_balances_detail,
                Req::builder().indirect_partner_id("0ba6fe16eb80d2390f54c01379e93740")
            ),
        ),
        missing(
            "customer_infos[].customer_id missing",
            "customer_infos[0].customer_id",
            send_body!(
                list_customers_balances_detail,
                balances().customer_infos([types::CustomerInfoV2::builder()])
            ),
        ),
        rejected(
            "customer_infos[].customer_id of 65 characters",
            "customer_infos[0].customer_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                list_customers_balances_detail,
                balances().customer_infos([types::CustomerInfoV2 {
                    customer_id: chars(65),
                }])
            ),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                list_customers_balances_detail,
                balances().indirect_partner_id(chars(65))
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListPartnerBalances
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListPartnerBalances.
fn partner_balances_query() -> Query {
    vec![(
        "indirect_partner_id",
        json!("0977ffa9f20010790f0fc003f6900520"),
    )]
}

fn list_partner_balances_rows() -> Vec<Row> {
    const OP: &str = "ListPartnerBalances";
    vec![
        documented_example(Call::Query(OP, partner_balances_query)),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(
                    partner_balances_query(),
                    "indirect_partner_id",
                    json!(chars(65)),
                )
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListPartnerAccountChangeRecords
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListPartnerAccountChangeRecords.
fn change_records_query() -> Query {
    vec![
        ("balance_type", json!("BALANCE_TYPE_DEBIT")),
        ("trade_type", json!("RECHARGE")),
        ("trade_time_begin", json!("2020-10-20")),
        ("trade_time_end", json!("2021-10-20")),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_partner_account_change_records_rows() -> Vec<Row> {
    const OP: &str = "ListPartnerAccountChangeRecords";
    const DATE: &str = "a date as yyyy-MM-dd";
    let mut rows = vec![
        documented_example(Call::Query(OP, change_records_query)),
        missing(
            "balance_type missing",
            "balance_type",
            Call::Query(OP, || without(change_records_query(), "balance_type")),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "one of the documented values",
            Call::Wire(OP, || {
                on_wire(param(
                    change_records_query(),
                    "balance_type",
                    json!("BALANCE_TYPE_BONUS"),
                ))
            }),
        ),
        rejected(
            "trade_type not a documented kind",
            "trade_type",
            "enum",
            "one of the documented values",
            Call::Wire(OP, || {
                on_wire(param(
                    change_records_query(),
                    "trade_type",
                    json!("EXPIRED"),
                ))
            }),
        ),
        rejected(
            "trade_time_begin of 11 characters",
            "trade_time_begin",
            "maxLength",
            "at most 10 characters",
            Call::Query(OP, || {
                param(
                    change_records_query(),
                    "trade_time_begin",
                    json!("2020-10-200"),
                )
            }),
        ),
        rejected(
            "trade_time_begin with slashes",
            "trade_time_begin",
            "pattern",
            DATE,
            Call::Query(OP, || {
                param(
                    change_records_query(),
                    "trade_time_begin",
                    json!("2020/10/20"),
                )
            }),
        ),
        rejected(
            "trade_time_end of 11 characters",
            "trade_time_end",
            "maxLength",
            "at most 10 characters",
            Call::Query(OP, || {
                param(
                    change_records_query(),
                    "trade_time_end",
                    json!("2021-10-20Z"),
                )
            }),
        ),
        rejected(
            "trade_time_end with a time",
            "trade_time_end",
            "pattern",
            DATE,
            Call::Query(OP, || {
                param(
                    change_records_query(),
                    "trade_time_end",
                    json!("2021-10-2T"),
                )
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(
                    change_records_query(),
                    "indirect_partner_id",
                    json!(chars(65)),
                )
            }),
        ),
    ];
    rows.extend(paging_rows(OP, change_records_query));
    rows
}

// ---------------------------------------------------------------------------------------
// ListSubCustomerNewTag
// ---------------------------------------------------------------------------------------

/// The spec's request example of ListSubCustomerNewTag.
fn new_tag() -> b::ListSubCustomerNewTagReqBuilder {
    types::ListSubCustomerNewTagReq::builder()
        .customer_ids([
            "0bb43f81c000d3a10f19c014228fb580",
            "0bb43f81c000d3a10f19c014228fb581",
        ])
        .offset(0)
        .limit(10)
}

fn list_sub_customer_new_tag_rows() -> Vec<Row> {
    const OP: &str = "ListSubCustomerNewTag";
    vec![
        documented_example(Call::Typed(|| json_of(new_tag().build()))),
        rejected(
            "customer_ids[] of 65 characters",
            "customer_ids[0]",
            "maxLength",
            "at most 64 characters",
            send_body!(
                list_sub_customer_new_tag,
                new_tag().customer_ids([chars(65)])
            ),
        ),
        rejected(
            "offset negative",
            "offset",
            "minimum",
            OFFSET_RULE,
            send_body!(list_sub_customer_new_tag, new_tag().offset(-1)),
        ),
        rejected(
            "offset above the largest integer",
            "offset",
            "maximum",
            // Beyond i32: no setter takes it, and the received body does not decode (the
            // rule is the decoder's message).
            "an integer from -2147483648 to 2147483647",
            Call::Wire(OP, || {
                body_with(new_tag().build(), "offset", json!(2_147_483_648_i64))
            }),
        ),
        rejected(
            "limit negative",
            "limit",
            "minimum",
            "from 0 to 200",
            send_body!(list_sub_customer_new_tag, new_tag().limit(-1)),
        ),
        rejected(
            "limit 201",
            "limit",
            "maximum",
            "from 0 to 200",
            send_body!(list_sub_customer_new_tag, new_tag().limit(201)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                list_sub_customer_new_tag,
                new_tag().indirect_partner_id(chars(65))
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// CreatePersonalRealnameAuth
// ---------------------------------------------------------------------------------------

/// The spec's example, without the field named `skip` (for the "missing" rows).
fn personal_without(skip: &str) -> b::ApplyIndividualRealnameAuthsReqBuilder {
    let mut r = types::ApplyIndividualRealnameAuthsReq::builder();
    if skip != "customer_id" {
        r = r.customer_id("0bb43f81c000d3a10f19c014228fb580");
    }
    if skip != "identify_type" {
        r = r.identify_type(0);
    }
    r = r.verified_type(3);
    if skip != "verified_file_url" {
        r = r.verified_file_url(["abc023.jpg", "def004.jpg", "gh007.jpg"]);
    }
    if skip != "name" {
        r = r.name("Zhang San");
    }
    if skip != "verified_number" {
        r = r.verified_number("E12345678");
    }
    r = r.change_type(-1);
    if skip != "xaccount_type" {
        r = r.xaccount_type("example_IDP");
    }
    r
}

fn personal() -> b::ApplyIndividualRealnameAuthsReqBuilder {
    personal_without("")
}

/// A bank card without the field named `skip`.
fn card_without(skip: &str) -> b::BankCardInfoV2Builder {
    let mut r = types::BankCardInfoV2::builder();
    if skip != "bank_account" {
        r = r.bank_account("6222000000000000");
    }
    if skip != "areacode" {
        r = r.areacode("0086");
    }
    if skip != "mobile" {
        r = r.mobile("13800000000");
    }
    if skip != "verification_code" {
        r = r.verification_code("123456");
    }
    r
}

/// The personal example with a bank card given by `card`.
fn personal_with_card(card: b::BankCardInfoV2Builder) -> b::ApplyIndividualRealnameAuthsReqBuilder {
    personal().bank_card_info(card)
}

fn create_personal_realname_auth_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| json_of(personal().build()))),
        missing(
            "customer_id missing",
            "customer_id",
            send_body!(
                create_personal_realname_auth,
                personal_without("customer_id")
            ),
        ),
        missing(
            "identify_type missing",
            "identify_type",
            send_body!(
                create_personal_realname_auth,
                personal_without("identify_type")
            ),
        ),
        missing(
            "verified_file_url missing",
            "verified_file_url",
            send_body!(
                create_personal_realname_auth,
                personal_without("verified_file_url")
            ),
        ),
        missing(
            "name missing",
            "name",
            send_body!(create_personal_realname_auth, personal_without("name")),
        ),
        missing(
            "verified_number missing",
            "verified_number",
            send_body!(
                create_personal_realname_auth,
                personal_without("verified_number")
            ),
        ),
        missing(
            "xaccount_type missing",
            "xaccount_type",
            send_body!(
                create_personal_realname_auth,
                personal_without("xaccount_type")
            ),
        ),
        missing(
            "bank_card_info.bank_account missing",
            "bank_card_info.bank_account",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("bank_account"))
            ),
        ),
        missing(
            "bank_card_info.areacode missing",
            "bank_card_info.areacode",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("areacode"))
            ),
        ),
        missing(
            "bank_card_info.mobile missing",
            "bank_card_info.mobile",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("mobile"))
            ),
        ),
        missing(
            "bank_card_info.verification_code missing",
            "bank_card_info.verification_code",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("verification_code"))
            ),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_personal_realname_auth,
                personal().customer_id(chars(65))
            ),
        ),
        rejected(
            "identify_type 1",
            "identify_type",
            "enum",
            "one of: 0, 4",
            send_body!(create_personal_realname_auth, personal().identify_type(1)),
        ),
        rejected(
            "verified_type 1",
            "verified_type",
            "enum",
            "one of: 3, 5, 6, 9, 10",
            send_body!(create_personal_realname_auth, personal().verified_type(1)),
        ),
        rejected(
            "name of 256 characters",
            "name",
            "maxLength",
            "at most 255 characters",
            send_body!(create_personal_realname_auth, personal().name(chars(256))),
        ),
        rejected(
            "verified_number of 33 characters",
            "verified_number",
            "maxLength",
            "at most 32 characters",
            send_body!(
                create_personal_realname_auth,
                personal().verified_number(chars(33))
            ),
        ),
        rejected(
            "change_type 0",
            "change_type",
            "enum",
            "one of: -1",
            send_body!(create_personal_realname_auth, personal().change_type(0)),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_personal_realname_auth,
                personal().xaccount_type(chars(65))
            ),
        ),
        rejected(
            "bank_card_info.bank_account starting with a dash",
            "bank_card_info.bank_account",
            "pattern",
            "a letter or digit, then letters, digits or dashes",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("").bank_account("-6222"))
            ),
        ),
        rejected(
            "bank_card_info.bank_account with a space",
            "bank_card_info.bank_account",
            "pattern",
            "a letter or digit, then letters, digits or dashes",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("").bank_account("6222 0000"))
            ),
        ),
        rejected(
            "bank_card_info.verification_code of 5 characters",
            "bank_card_info.verification_code",
            "minLength",
            "exactly 6 characters",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("").verification_code("12345"))
            ),
        ),
        rejected(
            "bank_card_info.verification_code of 7 characters",
            "bank_card_info.verification_code",
            "maxLength",
            "exactly 6 characters",
            send_body!(
                create_personal_realname_auth,
                personal_with_card(card_without("").verification_code("1234567"))
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// CreateEnterpriseRealnameAuthentication and ChangeEnterpriseRealnameAuthentication
// ---------------------------------------------------------------------------------------

fn enterprise_without(skip: &str) -> b::ApplyEnterpriseRealnameAuthsReqBuilder {
    let mut r = types::ApplyEnterpriseRealnameAuthsReq::builder();
    if skip != "customer_id" {
        r = r.customer_id("0bb43f81c000d3a10f19c014228fb580");
    }
    if skip != "identify_type" {
        r = r.identify_type(1);
    }
    r = r.certificate_type(0);
    if skip != "verified_file_url" {
        r = r.verified_file_url(["abc023.jpg", "def004.jpg", "gh007.jpg"]);
    }
    if skip != "corp_name" {
        r = r.corp_name("Example Co., Ltd.");
    }
    if skip != "verified_number" {
        r = r.verified_number("91110000000000000X");
    }
    r = r.reg_country("CN").reg_address("Beijing");
    if skip != "xaccount_type" {
        r = r.xaccount_type("example_IDP");
    }
    r.enterprise_person(person_without(""))
}

fn enterprise() -> b::ApplyEnterpriseRealnameAuthsReqBuilder {
    enterprise_without("")
}

fn person_without(skip: &str) -> b::EnterprisePersonNewBuilder {
    let mut r = types::EnterprisePersonNew::builder();
    if skip != "legel_name" {
        r = r.legel_name("Zhang San");
    }
    if skip != "legel_id_number" {
        r = r.legel_id_number("110101199001010000");
    }
    r.certifier_role(types::EnterprisePersonNewCertifierRole::LegalPerson)
}

/// Rows of the enterprise person, shared by both enterprise operations: `$op` is the client
/// method, `$OP` the operation, `$base` the documented body.
macro_rules! person_rows {
    ($op:ident, $OP:expr, $base:ident) => {
        vec![
            missing(
                "enterprise_person.legel_name missing",
                "enterprise_person.legel_name",
                send_body!($op, $base().enterprise_person(person_without("legel_name"))),
            ),
            missing(
                "enterprise_person.legel_id_number missing",
                "enterprise_person.legel_id_number",
                send_body!(
                    $op,
                    $base().enterprise_person(person_without("legel_id_number"))
                ),
            ),
            // A text outside the string enum: no setter takes it.
            rejected(
                "enterprise_person.certifier_role not legalPerson",
                "enterprise_person.certifier_role",
                "enum",
                "one of: legalPerson",
                Call::Wire($OP, || {
                    body_with(
                        $base().enterprise_person(person_without("")).build(),
                        "enterprise_person.certifier_role",
                        json!("agent"),
                    )
                }),
            ),
        ]
    };
}

/// The corporate-name rule in words.
const CORP_NAME_RULE: &str = "not only digits, spaces and special characters";

fn create_enterprise_rows() -> Vec<Row> {
    let mut rows = vec![
        documented_example(Call::Typed(|| json_of(enterprise().build()))),
        missing(
            "customer_id missing",
            "customer_id",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("customer_id")
            ),
        ),
        missing(
            "identify_type missing",
            "identify_type",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("identify_type")
            ),
        ),
        missing(
            "verified_file_url missing",
            "verified_file_url",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("verified_file_url")
            ),
        ),
        missing(
            "corp_name missing",
            "corp_name",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("corp_name")
            ),
        ),
        missing(
            "verified_number missing",
            "verified_number",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("verified_number")
            ),
        ),
        missing(
            "xaccount_type missing",
            "xaccount_type",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise_without("xaccount_type")
            ),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().customer_id(chars(65))
            ),
        ),
        rejected(
            "identify_type 0",
            "identify_type",
            "enum",
            "one of: 1",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().identify_type(0)
            ),
        ),
        rejected(
            "certificate_type 5",
            "certificate_type",
            "enum",
            "one of: 0, 1, 2, 3, 4, 99",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().certificate_type(5)
            ),
        ),
        rejected(
            "corp_name of digits only",
            "corp_name",
            "pattern",
            CORP_NAME_RULE,
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().corp_name("12345")
            ),
        ),
        rejected(
            "corp_name of special characters and spaces only",
            "corp_name",
            "pattern",
            CORP_NAME_RULE,
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().corp_name("-- (1) --")
            ),
        ),
        rejected(
            "reg_country in lower case",
            "reg_country",
            "pattern",
            "two upper-case letters (a country code such as CN)",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().reg_country("cn")
            ),
        ),
        rejected(
            "reg_country of three letters",
            "reg_country",
            "pattern",
            "two upper-case letters (a country code such as CN)",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().reg_country("CHN")
            ),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_enterprise_realname_authentication,
                enterprise().xaccount_type(chars(65))
            ),
        ),
    ];
    rows.extend(person_rows!(
        create_enterprise_realname_authentication,
        "CreateEnterpriseRealnameAuthentication",
        enterprise
    ));
    rows
}

fn change_without(skip: &str) -> b::ChangeEnterpriseRealnameAuthsReqBuilder {
    let mut r = types::ChangeEnterpriseRealnameAuthsReq::builder();
    if skip != "customer_id" {
        r = r.customer_id("0666aa7a7900d5c80f6dc01a9a3598a0");
    }
    if skip != "identify_type" {
        r = r.identify_type(1);
    }
    r = r.certificate_type(0);
    if skip != "verified_file_url" {
        r = r.verified_file_url(["abc023.jpg"]);
    }
    if skip != "corp_name" {
        r = r.corp_name("Example Co., Ltd.");
    }
    if skip != "verified_number" {
        r = r.verified_number("91110000000000000X");
    }
    if skip != "change_type" {
        r = r.change_type(1);
    }
    if skip != "xaccount_type" {
        r = r.xaccount_type("example_IDP");
    }
    r
}

fn change() -> b::ChangeEnterpriseRealnameAuthsReqBuilder {
    change_without("")
}

fn change_enterprise_rows() -> Vec<Row> {
    let mut rows = vec![
        documented_example(Call::Typed(|| json_of(change().build()))),
        missing(
            "customer_id missing",
            "customer_id",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("customer_id")
            ),
        ),
        missing(
            "identify_type missing",
            "identify_type",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("identify_type")
            ),
        ),
        missing(
            "verified_file_url missing",
            "verified_file_url",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("verified_file_url")
            ),
        ),
        missing(
            "corp_name missing",
            "corp_name",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("corp_name")
            ),
        ),
        missing(
            "verified_number missing",
            "verified_number",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("verified_number")
            ),
        ),
        missing(
            "change_type missing",
            "change_type",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("change_type")
            ),
        ),
        missing(
            "xaccount_type missing",
            "xaccount_type",
            send_body!(
                change_enterprise_realname_authentication,
                change_without("xaccount_type")
            ),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                change_enterprise_realname_authentication,
                change().customer_id(chars(65))
            ),
        ),
        rejected(
            "identify_type 0",
            "identify_type",
            "enum",
            "one of: 1",
            send_body!(
                change_enterprise_realname_authentication,
                change().identify_type(0)
            ),
        ),
        rejected(
            "certificate_type 5",
            "certificate_type",
            "enum",
            "one of: 0, 1, 2, 3, 4, 99",
            send_body!(
                change_enterprise_realname_authentication,
                change().certificate_type(5)
            ),
        ),
        rejected(
            "corp_name of digits only",
            "corp_name",
            "pattern",
            CORP_NAME_RULE,
            send_body!(
                change_enterprise_realname_authentication,
                change().corp_name("12345")
            ),
        ),
        rejected(
            "reg_country in lower case",
            "reg_country",
            "pattern",
            "two upper-case letters (a country code such as CN) or empty",
            send_body!(
                change_enterprise_realname_authentication,
                change().reg_country("cn")
            ),
        ),
        rejected(
            "change_type 2",
            "change_type",
            "enum",
            "one of: 1",
            send_body!(
                change_enterprise_realname_authentication,
                change().change_type(2)
            ),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "at most 64 characters",
            send_body!(
                change_enterprise_realname_authentication,
                change().xaccount_type(chars(65))
            ),
        ),
    ];
    rows.extend(person_rows!(
        change_enterprise_realname_authentication,
        "ChangeEnterpriseRealnameAuthentication",
        change
    ));
    rows
}

// ---------------------------------------------------------------------------------------
// ShowRealnameAuthenticationReviewResult
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ShowRealnameAuthenticationReviewResult.
fn review_query() -> Query {
    vec![("customer_id", json!("06a7969058802f0c0f01c00b91846780"))]
}

fn review_result_rows() -> Vec<Row> {
    const OP: &str = "ShowRealnameAuthenticationReviewResult";
    vec![
        documented_example(Call::Query(OP, review_query)),
        missing(
            "customer_id missing",
            "customer_id",
            Call::Query(OP, || without(review_query(), "customer_id")),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(review_query(), "customer_id", json!(chars(65)))
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn update_customer_account_amount_rejects_every_documented_constraint_before_sending() {
    run_table("UpdateCustomerAccountAmount").await;
}

#[tokio::test]
async fn reclaim_to_partner_account_rejects_every_documented_constraint_before_sending() {
    run_table("ReclaimToPartnerAccount").await;
}

#[tokio::test]
async fn list_partner_adjust_records_rejects_every_documented_constraint_before_sending() {
    run_table("ListPartnerAdjustRecords").await;
}

#[tokio::test]
async fn list_customers_balances_detail_rejects_every_documented_constraint_before_sending() {
    run_table("ListCustomersBalancesDetail").await;
}

#[tokio::test]
async fn list_partner_balances_rejects_every_documented_constraint_before_sending() {
    run_table("ListPartnerBalances").await;
}

#[tokio::test]
async fn list_partner_account_change_records_rejects_every_documented_constraint_before_sending() {
    run_table("ListPartnerAccountChangeRecords").await;
}

#[tokio::test]
async fn list_sub_customer_new_tag_rejects_every_documented_constraint_before_sending() {
    run_table("ListSubCustomerNewTag").await;
}

#[tokio::test]
async fn create_personal_realname_auth_rejects_every_documented_constraint_before_sending() {
    run_table("CreatePersonalRealnameAuth").await;
}

#[tokio::test]
async fn create_enterprise_realname_authentication_rejects_every_documented_constraint_before_sending()
 {
    run_table("CreateEnterpriseRealnameAuthentication").await;
}

#[tokio::test]
async fn change_enterprise_realname_authentication_rejects_every_documented_constraint_before_sending()
 {
    run_table("ChangeEnterpriseRealnameAuthentication").await;
}

#[tokio::test]
async fn show_realname_authentication_review_result_rejects_every_documented_constraint_before_sending()
 {
    run_table("ShowRealnameAuthenticationReviewResult").await;
}

#[tokio::test]
async fn parameterless_operations_send_their_documented_example() {
    for operation in [
        "ShowRealNameAuthStatus",
        "ShowRealNameAuthQrCode",
        "CreateEnterpriseProjectAuth",
    ] {
        run_table(operation).await;
    }
}

//! Constraint tables of the customer-funds operations: funding and reclaiming a customer's
//! account, and the balance and record listings.

use crate::harness::*;

/// The tables of this domain: each operation and its rows.
pub(crate) const TABLES: Tables = &[
    (
        "UpdateCustomerAccountAmount",
        update_customer_account_amount_rows,
    ),
    ("ReclaimToPartnerAccount", reclaim_to_partner_account_rows),
    ("ListPartnerAdjustRecords", list_partner_adjust_records_rows),
    (
        "ListCustomersBalancesDetail",
        list_customers_balances_detail_rows,
    ),
    ("ListPartnerBalances", list_partner_balances_rows),
    (
        "ListPartnerAccountChangeRecords",
        list_partner_account_change_records_rows,
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

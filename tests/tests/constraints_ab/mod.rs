//! Constraint tables of the customer-funds operations (and real-name authentication), in the
//! form of the parent module's tables.

use huaweicloud_bss::{Bounded, types};
use serde_json::{Map, Value, json};

use super::{
    Call, Row, b, chars, documented_example, json_of, missing, reject, rejected, run_table,
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
        _ => return None,
    })
}

/// Rows every "more than 0, at most 2 decimals" amount has.
macro_rules! amount_rows {
    ($rows:ident, $Req:ty, $example:expr) => {
        $rows.extend([
            rejected(
                "amount 0",
                "amount",
                "minimum",
                "less than the minimum 0.01",
                Call::Value(|| reject(<$Req>::try_from($example().amount("0")), drop)),
            ),
            rejected(
                "amount negative",
                "amount",
                "minimum",
                "less than the minimum 0.01",
                Call::Value(|| reject(<$Req>::try_from($example().amount("-5.00")), drop)),
            ),
            // multipleOf is not a keyword of the coverage list; the row still checks it.
            rejected(
                "amount with 3 decimal places",
                "amount",
                "minimum",
                "more than 2 decimal places",
                Call::Value(|| reject(<$Req>::try_from($example().amount("0.005")), drop)),
            ),
        ]);
    };
}

// ---------------------------------------------------------------------------------------
// UpdateCustomerAccountAmount
// ---------------------------------------------------------------------------------------

fn adjust() -> b::AdjustAccountReq {
    types::AdjustAccountReq::builder()
        .customer_id("0666aa7a7900d5c80f6dc01a9a3598a0")
        .amount("10.00")
}

fn update_customer_account_amount_rows() -> Vec<Row> {
    use types::AdjustAccountReq as Req;
    let mut rows = vec![
        documented_example(Call::Typed(|| json_of(Req::try_from(adjust())))),
        rejected(
            "customer_id missing",
            "customer_id",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Req::try_from(Req::builder().amount("1")), drop)),
        ),
        rejected(
            "amount missing",
            "amount",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Req::try_from(Req::builder().customer_id("c1")), drop)),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(Req::try_from(adjust().customer_id(chars(65))), drop)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::AdjustAccountReqIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
    ];
    amount_rows!(rows, Req, adjust);
    rows
}

// ---------------------------------------------------------------------------------------
// ReclaimToPartnerAccount
// ---------------------------------------------------------------------------------------

fn reclaim() -> b::ReclaimToPartnerAccountBalancesReq {
    types::ReclaimToPartnerAccountBalancesReq::builder()
        .customer_id("06f9fb4f24002f0b0f40c00327c28d00")
        .amount("1.00")
}

fn reclaim_to_partner_account_rows() -> Vec<Row> {
    use types::ReclaimToPartnerAccountBalancesReq as Req;
    let mut rows = vec![
        documented_example(Call::Typed(|| json_of(Req::try_from(reclaim())))),
        rejected(
            "customer_id missing",
            "customer_id",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Req::try_from(Req::builder().amount("1")), drop)),
        ),
        rejected(
            "amount missing",
            "amount",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Req::try_from(Req::builder().customer_id("c1")), drop)),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(Req::try_from(reclaim().customer_id(chars(65))), drop)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ReclaimToPartnerAccountBalancesReqIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
    ];
    amount_rows!(rows, Req, reclaim);
    rows
}

// ---------------------------------------------------------------------------------------
// Shared query-parameter rows
// ---------------------------------------------------------------------------------------

fn offset_limit_rows() -> Vec<Row> {
    vec![
        rejected(
            "offset negative",
            "offset",
            "minimum",
            "out of range",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(-1), drop)),
        ),
        rejected(
            "offset above the largest integer",
            "offset",
            "maximum",
            "out of range",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(2147483648_i64), drop)),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "out of range",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(0), drop)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "out of range",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(101), drop)),
        ),
    ]
}

fn params(pairs: &[(&str, Value)]) -> Result<Value, String> {
    let map: Map<String, Value> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    Ok(Value::Object(map))
}

// ---------------------------------------------------------------------------------------
// ListPartnerAdjustRecords
// ---------------------------------------------------------------------------------------

fn list_partner_adjust_records_rows() -> Vec<Row> {
    use types::ListPartnerAdjustRecordsOperationTimeBegin as Begin;
    use types::ListPartnerAdjustRecordsOperationTimeEnd as End;
    let mut rows = vec![
        documented_example(Call::Typed(|| {
            let ok = |e: types::error::ConversionError| e.to_string();
            params(&[
                (
                    "customer_id",
                    json!(
                        "0666aa7a7900d5c80f6dc01a9a3598a0"
                            .parse::<types::ListPartnerAdjustRecordsCustomerId>()
                            .map_err(ok)?
                            .as_str()
                    ),
                ),
                (
                    "operation_type",
                    json!(
                        "SOURCE_OPERATION_BEADJUST"
                            .parse::<types::ListPartnerAdjustRecordsOperationType>()
                            .map_err(ok)?
                            .to_string()
                    ),
                ),
                (
                    "operation_time_begin",
                    json!(
                        "2026-01-01T00:00:00Z"
                            .parse::<Begin>()
                            .map_err(ok)?
                            .as_str()
                    ),
                ),
                (
                    "operation_time_end",
                    json!("2026-12-31T23:59:59Z".parse::<End>().map_err(ok)?.as_str()),
                ),
                (
                    "offset",
                    json!(
                        Bounded::<0, 2147483647>::new(0)
                            .map_err(|e| e.to_string())?
                            .get()
                    ),
                ),
                (
                    "limit",
                    json!(Bounded::<1, 100>::new(10).map_err(|e| e.to_string())?.get()),
                ),
            ])
        })),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListPartnerAdjustRecordsCustomerId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_type not one of the three",
            "operation_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    "SOURCE_OPERATION_ADJUST"
                        .parse::<types::ListPartnerAdjustRecordsOperationType>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_time_begin of 21 characters",
            "operation_time_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| reject("2026-01-01T00:00:00.0".parse::<Begin>(), drop)),
        ),
        rejected(
            "operation_time_begin without a time",
            "operation_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject("2026-01-01".parse::<Begin>(), drop)),
        ),
        rejected(
            "operation_time_end of 21 characters",
            "operation_time_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| reject("2026-01-01T00:00:00+8".parse::<End>(), drop)),
        ),
        rejected(
            "operation_time_end with an offset instead of Z",
            "operation_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject("2026-01-01T00:00:00+".parse::<End>(), drop)),
        ),
        rejected(
            "trans_id of 129 characters",
            "trans_id",
            "maxLength",
            "longer than 128 characters",
            Call::Value(|| {
                reject(
                    chars(129).parse::<types::ListPartnerAdjustRecordsTransId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListPartnerAdjustRecordsIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
    ];
    rows.extend(offset_limit_rows());
    rows
}

// ---------------------------------------------------------------------------------------
// ListCustomersBalancesDetail
// ---------------------------------------------------------------------------------------

fn balances() -> b::QueryCustomersBalancesReq {
    types::QueryCustomersBalancesReq::builder()
        .customer_infos(vec![types::CustomerInfoV2 {
            customer_id: "0bb43f81c000d3a10f19c014228fb580".parse().expect("valid"),
        }])
        .indirect_partner_id(Some(
            "0ba6fe16eb80d2390f54c01379e93740".parse().expect("valid"),
        ))
}

fn list_customers_balances_detail_rows() -> Vec<Row> {
    use types::QueryCustomersBalancesReq as Req;
    vec![
        documented_example(Call::Typed(|| json_of(Req::try_from(balances())))),
        missing(
            "customer_infos missing",
            "customer_infos",
            Call::Send(|client| {
                Box::pin(async move {
                    client
                        .list_customers_balances_detail()
                        .body(Req::builder())
                        .send()
                        .await
                        .map(drop)
                        .map_err(huaweicloud_bss::Error::from)
                })
            }),
        ),
        rejected(
            "customer_infos[].customer_id missing",
            "customer_infos[].customer_id",
            "required",
            "no value supplied for customer_id",
            Call::Value(|| {
                reject(
                    types::CustomerInfoV2::try_from(types::CustomerInfoV2::builder()),
                    drop,
                )
            }),
        ),
        rejected(
            "customer_infos[].customer_id of 65 characters",
            "customer_infos[].customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(chars(65).parse::<types::CustomerInfoV2CustomerId>(), drop)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::QueryCustomersBalancesReqIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListPartnerBalances
// ---------------------------------------------------------------------------------------

fn list_partner_balances_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| {
            let id = "0977ffa9f20010790f0fc003f6900520"
                .parse::<types::ListPartnerBalancesIndirectPartnerId>()
                .map_err(|e| e.to_string())?;
            params(&[("indirect_partner_id", json!(id.as_str()))])
        })),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListPartnerBalancesIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListPartnerAccountChangeRecords
// ---------------------------------------------------------------------------------------

fn list_partner_account_change_records_rows() -> Vec<Row> {
    use types::ListPartnerAccountChangeRecordsTradeTimeBegin as Begin;
    use types::ListPartnerAccountChangeRecordsTradeTimeEnd as End;
    let mut rows = vec![
        documented_example(Call::Typed(|| {
            let ok = |e: types::error::ConversionError| e.to_string();
            params(&[
                (
                    "balance_type",
                    json!(
                        "BALANCE_TYPE_DEBIT"
                            .parse::<types::ListPartnerAccountChangeRecordsBalanceType>()
                            .map_err(ok)?
                            .to_string()
                    ),
                ),
                (
                    "trade_type",
                    json!(
                        "RECHARGE"
                            .parse::<types::ListPartnerAccountChangeRecordsTradeType>()
                            .map_err(ok)?
                            .to_string()
                    ),
                ),
                (
                    "trade_time_begin",
                    json!("2020-10-20".parse::<Begin>().map_err(ok)?.as_str()),
                ),
                (
                    "trade_time_end",
                    json!("2021-10-20".parse::<End>().map_err(ok)?.as_str()),
                ),
                (
                    "offset",
                    json!(
                        Bounded::<0, 2147483647>::new(0)
                            .map_err(|e| e.to_string())?
                            .get()
                    ),
                ),
                (
                    "limit",
                    json!(Bounded::<1, 100>::new(10).map_err(|e| e.to_string())?.get()),
                ),
            ])
        })),
        rejected(
            "balance_type missing",
            "balance_type",
            "required",
            "was not initialized",
            Call::Send(|client| {
                Box::pin(async move {
                    client
                        .list_partner_account_change_records()
                        .send()
                        .await
                        .map(drop)
                        .map_err(huaweicloud_bss::Error::from)
                })
            }),
        ),
        rejected(
            "balance_type not debit or credit",
            "balance_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    "BALANCE_TYPE_BONUS"
                        .parse::<types::ListPartnerAccountChangeRecordsBalanceType>(),
                    drop,
                )
            }),
        ),
        rejected(
            "trade_type not a documented kind",
            "trade_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    "EXPIRED".parse::<types::ListPartnerAccountChangeRecordsTradeType>(),
                    drop,
                )
            }),
        ),
        rejected(
            "trade_time_begin of 11 characters",
            "trade_time_begin",
            "maxLength",
            "longer than 10 characters",
            Call::Value(|| reject("2020-10-200".parse::<Begin>(), drop)),
        ),
        rejected(
            "trade_time_begin with slashes",
            "trade_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject("2020/10/20".parse::<Begin>(), drop)),
        ),
        rejected(
            "trade_time_end of 11 characters",
            "trade_time_end",
            "maxLength",
            "longer than 10 characters",
            Call::Value(|| reject("2021-10-20Z".parse::<End>(), drop)),
        ),
        rejected(
            "trade_time_end with a time",
            "trade_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject("2021-10-2T".parse::<End>(), drop)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListPartnerAccountChangeRecordsIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
    ];
    rows.extend(offset_limit_rows());
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

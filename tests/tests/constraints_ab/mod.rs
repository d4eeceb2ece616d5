//! Constraint tables of the customer-funds operations (and real-name authentication), in the
//! form of the parent module's tables.

use huaweicloud_bss::{Bounded, types};
use serde_json::{Map, Value, json};

use super::{
    Call, Row, b, chars, documented_example, json_of, missing, reject, rejected, run_table,
};

/// A "missing required field" row: name, field, and the parse that must fail.
type RequiredRow = (
    &'static str,
    &'static str,
    fn() -> Result<(), super::Rejection>,
);

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
        "ShowRealNameAuthStatus" | "ShowRealNameAuthQrCode" | "CreateEnterpriseProjectAuth" => {
            vec![documented_example(Call::Typed(|| params(&[])))]
        }
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
// ListSubCustomerNewTag
// ---------------------------------------------------------------------------------------

fn new_tag() -> b::ListSubCustomerNewTagReq {
    types::ListSubCustomerNewTagReq::builder()
        .customer_ids(vec![
            "0bb43f81c000d3a10f19c014228fb580".parse().expect("valid"),
            "0bb43f81c000d3a10f19c014228fb581".parse().expect("valid"),
        ])
        .offset(Some(Bounded::new(0).expect("valid")))
        .limit(Some(Bounded::new(10).expect("valid")))
}

fn list_sub_customer_new_tag_rows() -> Vec<Row> {
    use types::ListSubCustomerNewTagReq as Req;
    vec![
        documented_example(Call::Typed(|| json_of(Req::try_from(new_tag())))),
        rejected(
            "customer_ids[] of 65 characters",
            "customer_ids[]",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListSubCustomerNewTagReqCustomerIdsItem>(),
                    drop,
                )
            }),
        ),
        rejected(
            "offset negative",
            "offset",
            "minimum",
            "out of range",
            Call::Value(|| {
                reject(Bounded::<0, 2147483647>::try_from(-1), |v| {
                    new_tag().offset(Some(v))
                })
            }),
        ),
        rejected(
            "offset above the largest integer",
            "offset",
            "maximum",
            "out of range",
            Call::Value(|| {
                reject(Bounded::<0, 2147483647>::try_from(2147483648_i64), |v| {
                    new_tag().offset(Some(v))
                })
            }),
        ),
        rejected(
            "limit negative",
            "limit",
            "minimum",
            "out of range",
            Call::Value(|| {
                reject(Bounded::<0, 200>::try_from(-1), |v| {
                    new_tag().limit(Some(v))
                })
            }),
        ),
        rejected(
            "limit 201",
            "limit",
            "maximum",
            "out of range",
            Call::Value(|| {
                reject(Bounded::<0, 200>::try_from(201), |v| {
                    new_tag().limit(Some(v))
                })
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListSubCustomerNewTagReqIndirectPartnerId>(),
                    |v| new_tag().indirect_partner_id(Some(v)),
                )
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// CreatePersonalRealnameAuth
// ---------------------------------------------------------------------------------------

/// The spec's example, without the field named `skip` (for the "missing" rows).
fn personal_without(skip: &str) -> b::ApplyIndividualRealnameAuthsReq {
    let mut r = types::ApplyIndividualRealnameAuthsReq::builder();
    if skip != "customer_id" {
        r = r.customer_id("0bb43f81c000d3a10f19c014228fb580");
    }
    if skip != "identify_type" {
        r = r.identify_type(0);
    }
    r = r.verified_type(Some(3.try_into().expect("valid")));
    if skip != "verified_file_url" {
        r = r.verified_file_url(vec![
            "abc023.jpg".to_string(),
            "def004.jpg".to_string(),
            "gh007.jpg".to_string(),
        ]);
    }
    if skip != "name" {
        r = r.name("Zhang San");
    }
    if skip != "verified_number" {
        r = r.verified_number("E12345678");
    }
    r = r.change_type(Some((-1).try_into().expect("valid")));
    if skip != "xaccount_type" {
        r = r.xaccount_type("example_IDP");
    }
    r
}

fn personal() -> b::ApplyIndividualRealnameAuthsReq {
    personal_without("")
}

/// A bank card without the field named `skip`.
fn card_without(skip: &str) -> b::BankCardInfoV2 {
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

fn create_personal_realname_auth_rows() -> Vec<Row> {
    use types::ApplyIndividualRealnameAuthsReq as Req;
    use types::BankCardInfoV2 as Card;
    let mut rows = vec![documented_example(Call::Typed(|| {
        json_of(Req::try_from(personal()))
    }))];
    let required: [RequiredRow; 10] = [
        ("customer_id missing", "customer_id", || {
            reject(Req::try_from(personal_without("customer_id")), drop)
        }),
        ("identify_type missing", "identify_type", || {
            reject(Req::try_from(personal_without("identify_type")), drop)
        }),
        ("verified_file_url missing", "verified_file_url", || {
            reject(Req::try_from(personal_without("verified_file_url")), drop)
        }),
        ("name missing", "name", || {
            reject(Req::try_from(personal_without("name")), drop)
        }),
        ("verified_number missing", "verified_number", || {
            reject(Req::try_from(personal_without("verified_number")), drop)
        }),
        ("xaccount_type missing", "xaccount_type", || {
            reject(Req::try_from(personal_without("xaccount_type")), drop)
        }),
        (
            "bank_card_info.bank_account missing",
            "bank_card_info.bank_account",
            || reject(Card::try_from(card_without("bank_account")), drop),
        ),
        (
            "bank_card_info.areacode missing",
            "bank_card_info.areacode",
            || reject(Card::try_from(card_without("areacode")), drop),
        ),
        (
            "bank_card_info.mobile missing",
            "bank_card_info.mobile",
            || reject(Card::try_from(card_without("mobile")), drop),
        ),
        (
            "bank_card_info.verification_code missing",
            "bank_card_info.verification_code",
            || reject(Card::try_from(card_without("verification_code")), drop),
        ),
    ];
    rows.extend(required.into_iter().map(|(name, field, call)| {
        rejected(
            name,
            field,
            "required",
            "no value supplied for",
            Call::Value(call),
        )
    }));
    rows.extend([
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(Req::try_from(personal().customer_id(chars(65))), drop)),
        ),
        rejected(
            "identify_type 1",
            "identify_type",
            "enum",
            "invalid value",
            Call::Value(|| reject(Req::try_from(personal().identify_type(1)), drop)),
        ),
        rejected(
            "verified_type 1",
            "verified_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    types::ApplyIndividualRealnameAuthsReqVerifiedType::try_from(1),
                    drop,
                )
            }),
        ),
        rejected(
            "name of 256 characters",
            "name",
            "maxLength",
            "longer than 255 characters",
            Call::Value(|| reject(Req::try_from(personal().name(chars(256))), drop)),
        ),
        rejected(
            "verified_number of 33 characters",
            "verified_number",
            "maxLength",
            "longer than 32 characters",
            Call::Value(|| reject(Req::try_from(personal().verified_number(chars(33))), drop)),
        ),
        rejected(
            "change_type 0",
            "change_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    types::ApplyIndividualRealnameAuthsReqChangeType::try_from(0),
                    drop,
                )
            }),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(Req::try_from(personal().xaccount_type(chars(65))), drop)),
        ),
        rejected(
            "bank_card_info.bank_account starting with a dash",
            "bank_card_info.bank_account",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject(Card::try_from(card_without("").bank_account("-6222")), drop)),
        ),
        rejected(
            "bank_card_info.bank_account with a space",
            "bank_card_info.bank_account",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    Card::try_from(card_without("").bank_account("6222 0000")),
                    drop,
                )
            }),
        ),
        rejected(
            "bank_card_info.verification_code of 5 characters",
            "bank_card_info.verification_code",
            "minLength",
            "shorter than 6 characters",
            Call::Value(|| {
                reject(
                    Card::try_from(card_without("").verification_code("12345")),
                    drop,
                )
            }),
        ),
        rejected(
            "bank_card_info.verification_code of 7 characters",
            "bank_card_info.verification_code",
            "maxLength",
            "longer than 6 characters",
            Call::Value(|| {
                reject(
                    Card::try_from(card_without("").verification_code("1234567")),
                    drop,
                )
            }),
        ),
    ]);
    rows
}

// ---------------------------------------------------------------------------------------
// CreateEnterpriseRealnameAuthentication and ChangeEnterpriseRealnameAuthentication
// ---------------------------------------------------------------------------------------

fn enterprise_without(skip: &str) -> b::ApplyEnterpriseRealnameAuthsReq {
    let mut r = types::ApplyEnterpriseRealnameAuthsReq::builder();
    if skip != "customer_id" {
        r = r.customer_id("0bb43f81c000d3a10f19c014228fb580");
    }
    if skip != "identify_type" {
        r = r.identify_type(1);
    }
    r = r.certificate_type(Some(0.try_into().expect("valid")));
    if skip != "verified_file_url" {
        r = r.verified_file_url(vec![
            "abc023.jpg".to_string(),
            "def004.jpg".to_string(),
            "gh007.jpg".to_string(),
        ]);
    }
    if skip != "corp_name" {
        r = r.corp_name("Example Co., Ltd.");
    }
    if skip != "verified_number" {
        r = r.verified_number("91110000000000000X");
    }
    r = r
        .reg_country(Some("CN".parse().expect("valid")))
        .reg_address(Some("Beijing".to_string()));
    if skip != "xaccount_type" {
        r = r.xaccount_type("example_IDP");
    }
    r.enterprise_person(Some(
        types::EnterprisePersonNew::try_from(person_without("")).expect("valid"),
    ))
}

fn enterprise() -> b::ApplyEnterpriseRealnameAuthsReq {
    enterprise_without("")
}

fn person_without(skip: &str) -> b::EnterprisePersonNew {
    let mut r = types::EnterprisePersonNew::builder();
    if skip != "legel_name" {
        r = r.legel_name("Zhang San");
    }
    if skip != "legel_id_number" {
        r = r.legel_id_number("110101199001010000");
    }
    r.certifier_role(Some(types::EnterprisePersonNewCertifierRole::LegalPerson))
}

/// Rows of the enterprise person, shared by both enterprise operations.
fn person_rows() -> Vec<Row> {
    use types::EnterprisePersonNew as Person;
    vec![
        rejected(
            "enterprise_person.legel_name missing",
            "enterprise_person.legel_name",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Person::try_from(person_without("legel_name")), drop)),
        ),
        rejected(
            "enterprise_person.legel_id_number missing",
            "enterprise_person.legel_id_number",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Person::try_from(person_without("legel_id_number")), drop)),
        ),
        rejected(
            "enterprise_person.certifier_role not legalPerson",
            "enterprise_person.certifier_role",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    "agent".parse::<types::EnterprisePersonNewCertifierRole>(),
                    drop,
                )
            }),
        ),
    ]
}

fn create_enterprise_rows() -> Vec<Row> {
    use types::ApplyEnterpriseRealnameAuthsReq as Req;
    let mut rows = vec![documented_example(Call::Typed(|| {
        json_of(Req::try_from(enterprise()))
    }))];
    let required: [RequiredRow; 6] = [
        ("customer_id missing", "customer_id", || {
            reject(Req::try_from(enterprise_without("customer_id")), drop)
        }),
        ("identify_type missing", "identify_type", || {
            reject(Req::try_from(enterprise_without("identify_type")), drop)
        }),
        ("verified_file_url missing", "verified_file_url", || {
            reject(Req::try_from(enterprise_without("verified_file_url")), drop)
        }),
        ("corp_name missing", "corp_name", || {
            reject(Req::try_from(enterprise_without("corp_name")), drop)
        }),
        ("verified_number missing", "verified_number", || {
            reject(Req::try_from(enterprise_without("verified_number")), drop)
        }),
        ("xaccount_type missing", "xaccount_type", || {
            reject(Req::try_from(enterprise_without("xaccount_type")), drop)
        }),
    ];
    rows.extend(required.into_iter().map(|(name, field, call)| {
        rejected(
            name,
            field,
            "required",
            "no value supplied for",
            Call::Value(call),
        )
    }));
    rows.extend([
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(Req::try_from(enterprise().customer_id(chars(65))), drop)),
        ),
        rejected(
            "identify_type 0",
            "identify_type",
            "enum",
            "invalid value",
            Call::Value(|| reject(Req::try_from(enterprise().identify_type(0)), drop)),
        ),
        rejected(
            "certificate_type 5",
            "certificate_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    types::ApplyEnterpriseRealnameAuthsReqCertificateType::try_from(5),
                    drop,
                )
            }),
        ),
        rejected(
            "corp_name of digits only",
            "corp_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject(Req::try_from(enterprise().corp_name("12345")), drop)),
        ),
        rejected(
            "corp_name of special characters and spaces only",
            "corp_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject(Req::try_from(enterprise().corp_name("-- (1) --")), drop)),
        ),
        rejected(
            "reg_country in lower case",
            "reg_country",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "cn".parse::<types::ApplyEnterpriseRealnameAuthsReqRegCountry>(),
                    drop,
                )
            }),
        ),
        rejected(
            "reg_country of three letters",
            "reg_country",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "CHN".parse::<types::ApplyEnterpriseRealnameAuthsReqRegCountry>(),
                    drop,
                )
            }),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(Req::try_from(enterprise().xaccount_type(chars(65))), drop)),
        ),
    ]);
    rows.extend(person_rows());
    rows
}

fn change_without(skip: &str) -> b::ChangeEnterpriseRealnameAuthsReq {
    let mut r = types::ChangeEnterpriseRealnameAuthsReq::builder();
    if skip != "customer_id" {
        r = r.customer_id("0666aa7a7900d5c80f6dc01a9a3598a0");
    }
    if skip != "identify_type" {
        r = r.identify_type(1);
    }
    r = r.certificate_type(Some(0.try_into().expect("valid")));
    if skip != "verified_file_url" {
        r = r.verified_file_url(vec!["abc023.jpg".to_string()]);
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

fn change() -> b::ChangeEnterpriseRealnameAuthsReq {
    change_without("")
}

fn change_enterprise_rows() -> Vec<Row> {
    use types::ChangeEnterpriseRealnameAuthsReq as Req;
    let mut rows = vec![documented_example(Call::Typed(|| {
        json_of(Req::try_from(change()))
    }))];
    let required: [RequiredRow; 7] = [
        ("customer_id missing", "customer_id", || {
            reject(Req::try_from(change_without("customer_id")), drop)
        }),
        ("identify_type missing", "identify_type", || {
            reject(Req::try_from(change_without("identify_type")), drop)
        }),
        ("verified_file_url missing", "verified_file_url", || {
            reject(Req::try_from(change_without("verified_file_url")), drop)
        }),
        ("corp_name missing", "corp_name", || {
            reject(Req::try_from(change_without("corp_name")), drop)
        }),
        ("verified_number missing", "verified_number", || {
            reject(Req::try_from(change_without("verified_number")), drop)
        }),
        ("change_type missing", "change_type", || {
            reject(Req::try_from(change_without("change_type")), drop)
        }),
        ("xaccount_type missing", "xaccount_type", || {
            reject(Req::try_from(change_without("xaccount_type")), drop)
        }),
    ];
    rows.extend(required.into_iter().map(|(name, field, call)| {
        rejected(
            name,
            field,
            "required",
            "no value supplied for",
            Call::Value(call),
        )
    }));
    rows.extend([
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(Req::try_from(change().customer_id(chars(65))), drop)),
        ),
        rejected(
            "identify_type 0",
            "identify_type",
            "enum",
            "invalid value",
            Call::Value(|| reject(Req::try_from(change().identify_type(0)), drop)),
        ),
        rejected(
            "certificate_type 5",
            "certificate_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    types::ChangeEnterpriseRealnameAuthsReqCertificateType::try_from(5),
                    drop,
                )
            }),
        ),
        rejected(
            "corp_name of digits only",
            "corp_name",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| reject(Req::try_from(change().corp_name("12345")), drop)),
        ),
        rejected(
            "reg_country in lower case",
            "reg_country",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "cn".parse::<types::ChangeEnterpriseRealnameAuthsReqRegCountry>(),
                    drop,
                )
            }),
        ),
        rejected(
            "change_type 2",
            "change_type",
            "enum",
            "invalid value",
            Call::Value(|| reject(Req::try_from(change().change_type(2)), drop)),
        ),
        rejected(
            "xaccount_type of 65 characters",
            "xaccount_type",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| reject(Req::try_from(change().xaccount_type(chars(65))), drop)),
        ),
    ]);
    rows.extend(person_rows());
    rows
}

// ---------------------------------------------------------------------------------------
// ShowRealnameAuthenticationReviewResult
// ---------------------------------------------------------------------------------------

fn review_result_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| {
            let id = "06a7969058802f0c0f01c00b91846780"
                .parse::<types::ShowRealnameAuthenticationReviewResultCustomerId>()
                .map_err(|e| e.to_string())?;
            params(&[("customer_id", json!(id.as_str()))])
        })),
        rejected(
            "customer_id missing",
            "customer_id",
            "required",
            "was not initialized",
            Call::Send(|client| {
                Box::pin(async move {
                    client
                        .show_realname_authentication_review_result()
                        .send()
                        .await
                        .map(drop)
                        .map_err(huaweicloud_bss::Error::from)
                })
            }),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ShowRealnameAuthenticationReviewResultCustomerId>(),
                    drop,
                )
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

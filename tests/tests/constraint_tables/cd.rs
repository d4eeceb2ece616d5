//! Constraint tables of the reseller and coupon operations (groups C and D), one per
//! operation, in the format of the parent module. Query-parameter operations have no builder
//! of their own: their rows parse each parameter's type, and their documented example is the
//! map of typed example values.

use super::*;
use huaweicloud_bss::Bounded;

/// The typed form of a query example: parameter name → the value's JSON, or why a type
/// refused it.
fn query(pairs: Vec<(&str, Result<Value, String>)>) -> Result<Value, String> {
    let mut map = Map::new();
    for (name, value) in pairs {
        map.insert(name.to_string(), value?);
    }
    Ok(Value::Object(map))
}

// ---------------------------------------------------------------------------------------
// ListIndirectPartners
// ---------------------------------------------------------------------------------------

/// The spec's request example of ListIndirectPartners.
fn resellers_query() -> b::QueryIndirectPartnersReq {
    types::QueryIndirectPartnersReq::builder()
        .account_name(Some(ok("reseller01")))
        .associated_on_begin(Some(ok("2016-03-28T00:00:00Z")))
        .associated_on_end(Some(ok("2026-03-28T00:00:00Z")))
        .offset(Some(ok("0")))
        .limit(Some(ok("10")))
}

fn resellers_query_typed() -> types::QueryIndirectPartnersReq {
    resellers_query().try_into().expect("the example is valid")
}

pub(super) fn list_indirect_partners_rows() -> Vec<Row> {
    use types::QueryIndirectPartnersReq as Req;
    vec![
        documented_example(Call::Typed(|| {
            json_of(types::QueryIndirectPartnersReq::try_from(resellers_query()))
        })),
        rejected(
            "account_name of 65 characters",
            "account_name",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    account_name: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
        rejected(
            "associated_on_begin of 21 characters",
            "associated_on_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    associated_on_begin: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
        rejected(
            "associated_on_begin with month 13",
            "associated_on_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    associated_on_begin: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
        rejected(
            "associated_on_end of 21 characters",
            "associated_on_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    associated_on_end: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
        rejected(
            "associated_on_end with month 13",
            "associated_on_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    associated_on_end: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    indirect_partner_id: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "-1 is out of range 0..=40000000",
            Call::Value(|| {
                reject((-1_i64).try_into(), |v| Req {
                    offset: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
        rejected(
            "offset 40000001",
            "offset",
            "maximum",
            "40000001 is out of range 0..=40000000",
            Call::Value(|| {
                reject((40000001_i64).try_into(), |v| Req {
                    offset: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| {
                reject((0_i64).try_into(), |v| Req {
                    limit: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| {
                reject((101_i64).try_into(), |v| Req {
                    limit: Some(v),
                    ..resellers_query_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// UpdateIndirectPartnerAccount
// ---------------------------------------------------------------------------------------

/// The spec's request example of UpdateIndirectPartnerAccount.
fn reseller_funding() -> b::AdjustToIndirectPartnerReq {
    types::AdjustToIndirectPartnerReq::builder()
        .indirect_partner_id("92c4f5e7a1b34d6c8e0f2a4b6c8d0b40")
        .amount("99.99")
}

fn reseller_funding_typed() -> types::AdjustToIndirectPartnerReq {
    reseller_funding().try_into().expect("the example is valid")
}

pub(super) fn update_indirect_partner_account_rows() -> Vec<Row> {
    use types::AdjustToIndirectPartnerReq as Req;
    vec![
        documented_example(Call::Typed(|| {
            json_of(types::AdjustToIndirectPartnerReq::try_from(
                reseller_funding(),
            ))
        })),
        rejected(
            "indirect_partner_id missing",
            "indirect_partner_id",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Req::try_from(Req::builder().amount("1.00")), drop)),
        ),
        rejected(
            "amount missing",
            "amount",
            "required",
            "no value supplied for",
            Call::Value(|| {
                reject(
                    Req::try_from(
                        Req::builder().indirect_partner_id("92c4f5e7a1b34d6c8e0f2a4b6c8d0b40"),
                    ),
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
                reject(chars(65).parse(), |v| Req {
                    indirect_partner_id: v,
                    ..reseller_funding_typed()
                })
            }),
        ),
        rejected(
            "amount 0",
            "amount",
            "minimum",
            "is less than the minimum",
            Call::Value(|| {
                reject("0".parse(), |v| Req {
                    amount: v,
                    ..reseller_funding_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ReclaimIndirectPartnerAccount
// ---------------------------------------------------------------------------------------

/// The spec's request example of ReclaimIndirectPartnerAccount.
fn reseller_reclaim() -> b::ReclaimIndirectPartnerAccountReq {
    types::ReclaimIndirectPartnerAccountReq::builder()
        .indirect_partner_id("92c4f5e7a1b34d6c8e0f2a4b6c8d0b40")
        .amount("10.5")
}

fn reseller_reclaim_typed() -> types::ReclaimIndirectPartnerAccountReq {
    reseller_reclaim().try_into().expect("the example is valid")
}

pub(super) fn reclaim_indirect_partner_account_rows() -> Vec<Row> {
    use types::ReclaimIndirectPartnerAccountReq as Req;
    vec![
        documented_example(Call::Typed(|| {
            json_of(types::ReclaimIndirectPartnerAccountReq::try_from(
                reseller_reclaim(),
            ))
        })),
        rejected(
            "indirect_partner_id missing",
            "indirect_partner_id",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Req::try_from(Req::builder().amount("1.00")), drop)),
        ),
        rejected(
            "amount missing",
            "amount",
            "required",
            "no value supplied for",
            Call::Value(|| {
                reject(
                    Req::try_from(
                        Req::builder().indirect_partner_id("92c4f5e7a1b34d6c8e0f2a4b6c8d0b40"),
                    ),
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
                reject(chars(65).parse(), |v| Req {
                    indirect_partner_id: v,
                    ..reseller_reclaim_typed()
                })
            }),
        ),
        rejected(
            "amount 0",
            "amount",
            "minimum",
            "is less than the minimum",
            Call::Value(|| {
                reject("0".parse(), |v| Req {
                    amount: v,
                    ..reseller_reclaim_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// UpdateCouponQuotas
// ---------------------------------------------------------------------------------------

/// The spec's request example of UpdateCouponQuotas.
fn quota_issue() -> b::AdjustCouponQuotasReq {
    types::AdjustCouponQuotasReq::builder()
        .quota_id("2018011615520150")
        .indirect_partner_ids(vec!["62a3c5e7f9b14d2a8c6e0f1b3d5a7d30".to_string()])
        .quota_amount("1.11")
}

fn quota_issue_typed() -> types::AdjustCouponQuotasReq {
    quota_issue().try_into().expect("the example is valid")
}

pub(super) fn update_coupon_quotas_rows() -> Vec<Row> {
    use types::AdjustCouponQuotasReq as Req;
    vec![
        documented_example(Call::Typed(|| {
            json_of(types::AdjustCouponQuotasReq::try_from(quota_issue()))
        })),
        rejected(
            "quota_id missing",
            "quota_id",
            "required",
            "no value supplied for",
            Call::Value(|| {
                reject(
                    Req::try_from(
                        Req::builder()
                            .indirect_partner_ids(Vec::<String>::new())
                            .quota_amount("1.00"),
                    ),
                    drop,
                )
            }),
        ),
        rejected(
            "indirect_partner_ids missing",
            "indirect_partner_ids",
            "required",
            "no value supplied for",
            Call::Value(|| {
                reject(
                    Req::try_from(Req::builder().quota_id("q").quota_amount("1.00")),
                    drop,
                )
            }),
        ),
        rejected(
            "quota_amount missing",
            "quota_amount",
            "required",
            "no value supplied for",
            Call::Value(|| {
                reject(
                    Req::try_from(
                        Req::builder()
                            .quota_id("q")
                            .indirect_partner_ids(Vec::<String>::new()),
                    ),
                    drop,
                )
            }),
        ),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    quota_id: v,
                    ..quota_issue_typed()
                })
            }),
        ),
        rejected(
            "quota_amount 0",
            "quota_amount",
            "minimum",
            "is less than the minimum",
            Call::Value(|| {
                reject("0".parse(), |v| Req {
                    quota_amount: v,
                    ..quota_issue_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ReclaimCouponQuotas
// ---------------------------------------------------------------------------------------

/// The spec's request example of ReclaimCouponQuotas.
fn quota_reclaim() -> b::ReclaimCouponQuotasReq {
    types::ReclaimCouponQuotasReq::builder()
        .quota_ids(vec!["2020061902584509".to_string()])
        .remark(Some(ok("回收代金券额度")))
}

fn quota_reclaim_typed() -> types::ReclaimCouponQuotasReq {
    quota_reclaim().try_into().expect("the example is valid")
}

pub(super) fn reclaim_coupon_quotas_rows() -> Vec<Row> {
    use types::ReclaimCouponQuotasReq as Req;
    vec![
        documented_example(Call::Typed(|| {
            json_of(types::ReclaimCouponQuotasReq::try_from(quota_reclaim()))
        })),
        rejected(
            "quota_ids missing",
            "quota_ids",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Req::try_from(Req::builder()), drop)),
        ),
        rejected(
            "remark of 257 characters",
            "remark",
            "maxLength",
            "longer than 256 characters",
            Call::Value(|| {
                reject(chars(257).parse(), |v| Req {
                    remark: Some(v),
                    ..quota_reclaim_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListQuotaCoupons
// ---------------------------------------------------------------------------------------

/// The spec's request example of ListQuotaCoupons.
fn quotas_query() -> b::QueryCouponQuotasReqExt {
    types::QueryCouponQuotasReqExt::builder()
        .quota_status_list(vec![
            types::QueryCouponQuotasReqExtQuotaStatusListItem::try_from(0)
                .expect("documented status"),
        ])
        .quota_type(Some(
            types::QueryCouponQuotasReqExtQuotaType::try_from(0).expect("documented type"),
        ))
        .offset(Some(ok("0")))
        .limit(Some(ok("10")))
}

fn quotas_query_typed() -> types::QueryCouponQuotasReqExt {
    quotas_query().try_into().expect("the example is valid")
}

pub(super) fn list_quota_coupons_rows() -> Vec<Row> {
    use types::QueryCouponQuotasReqExt as Req;
    vec![
        documented_example(Call::Typed(|| {
            json_of(types::QueryCouponQuotasReqExt::try_from(quotas_query()))
        })),
        rejected(
            "quota_ids item of 65 characters",
            "quota_ids[]",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    quota_ids: vec![v],
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "quota_status_list item 1",
            "quota_status_list[]",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(
                    types::QueryCouponQuotasReqExtQuotaStatusListItem::try_from(1),
                    |v| Req {
                        quota_status_list: vec![v],
                        ..quotas_query_typed()
                    },
                )
            }),
        ),
        rejected(
            "quota_type 2",
            "quota_type",
            "enum",
            "invalid value",
            Call::Value(|| {
                reject(types::QueryCouponQuotasReqExtQuotaType::try_from(2), |v| {
                    Req {
                        quota_type: Some(v),
                        ..quotas_query_typed()
                    }
                })
            }),
        ),
        rejected(
            "create_time_begin of 21 characters",
            "create_time_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    create_time_begin: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "create_time_begin with month 13",
            "create_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    create_time_begin: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "create_time_end of 21 characters",
            "create_time_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    create_time_end: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "create_time_end with month 13",
            "create_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    create_time_end: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "effective_time_begin of 21 characters",
            "effective_time_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    effective_time_begin: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "effective_time_begin with month 13",
            "effective_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    effective_time_begin: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "effective_time_end of 21 characters",
            "effective_time_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    effective_time_end: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "effective_time_end with month 13",
            "effective_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    effective_time_end: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "expire_time_begin of 21 characters",
            "expire_time_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    expire_time_begin: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "expire_time_begin with month 13",
            "expire_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    expire_time_begin: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "expire_time_end of 21 characters",
            "expire_time_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    expire_time_end: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "expire_time_end with month 13",
            "expire_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    expire_time_end: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    indirect_partner_id: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "-1 is out of range 0..=2147483647",
            Call::Value(|| {
                reject((-1_i64).try_into(), |v| Req {
                    offset: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "offset 2147483648",
            "offset",
            "maximum",
            "2147483648 is out of range 0..=2147483647",
            Call::Value(|| {
                reject((2147483648_i64).try_into(), |v| Req {
                    offset: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| {
                reject((0_i64).try_into(), |v| Req {
                    limit: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| {
                reject((101_i64).try_into(), |v| Req {
                    limit: Some(v),
                    ..quotas_query_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListIssuedCouponQuotas
// ---------------------------------------------------------------------------------------

pub(super) fn list_issued_coupon_quotas_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| {
            query(vec![
                (
                    "quota_id",
                    json_of(types::ListIssuedCouponQuotasQuotaId::from_str(
                        "2020061902584509",
                    )),
                ),
                (
                    "indirect_partner_id",
                    json_of(types::ListIssuedCouponQuotasIndirectPartnerId::from_str(
                        "05bad7a90700d5bf0ff6c00ae40d0ca0",
                    )),
                ),
                (
                    "parent_quota_id",
                    json_of(types::ListIssuedCouponQuotasParentQuotaId::from_str(
                        "2020010206413502",
                    )),
                ),
                ("offset", json_of(Bounded::<0, 2147483647>::try_from(0))),
                ("limit", json_of(Bounded::<1, 100>::try_from(10))),
            ])
        })),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListIssuedCouponQuotasQuotaId>(),
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
                    chars(65).parse::<types::ListIssuedCouponQuotasIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "parent_quota_id of 65 characters",
            "parent_quota_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListIssuedCouponQuotasParentQuotaId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "-1 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(-1_i64), drop)),
        ),
        rejected(
            "offset 2147483648",
            "offset",
            "maximum",
            "2147483648 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(2147483648_i64), drop)),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(0_i64), drop)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(101_i64), drop)),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListCouponQuotasRecords
// ---------------------------------------------------------------------------------------

pub(super) fn list_coupon_quotas_records_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| {
            query(vec![
                (
                    "indirect_partner_id",
                    json_of(types::ListCouponQuotasRecordsIndirectPartnerId::from_str(
                        "05bad7a90700d5bf0ff6c00ae40d0ca0",
                    )),
                ),
                (
                    "operation_time_begin",
                    json_of(types::ListCouponQuotasRecordsOperationTimeBegin::from_str(
                        "2020-01-01T00:00:00Z",
                    )),
                ),
                (
                    "operation_time_end",
                    json_of(types::ListCouponQuotasRecordsOperationTimeEnd::from_str(
                        "2030-01-01T00:00:00Z",
                    )),
                ),
                (
                    "operation_type",
                    json_of(types::ListCouponQuotasRecordsOperationType::from_str("10")),
                ),
                ("offset", json_of(Bounded::<0, 2147483647>::try_from(0))),
                ("limit", json_of(Bounded::<1, 100>::try_from(10))),
            ])
        })),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListCouponQuotasRecordsIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListCouponQuotasRecordsQuotaId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_time_begin of 21 characters",
            "operation_time_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListCouponQuotasRecordsOperationTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_time_begin with month 13",
            "operation_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z"
                        .parse::<types::ListCouponQuotasRecordsOperationTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_time_end of 21 characters",
            "operation_time_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListCouponQuotasRecordsOperationTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_time_end with month 13",
            "operation_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z"
                        .parse::<types::ListCouponQuotasRecordsOperationTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "parent_quota_id of 65 characters",
            "parent_quota_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListCouponQuotasRecordsParentQuotaId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_type of 9 characters",
            "operation_type",
            "maxLength",
            "longer than 8 characters",
            Call::Value(|| {
                reject(
                    chars(9).parse::<types::ListCouponQuotasRecordsOperationType>(),
                    drop,
                )
            }),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "-1 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(-1_i64), drop)),
        ),
        rejected(
            "offset 2147483648",
            "offset",
            "maximum",
            "2147483648 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(2147483648_i64), drop)),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(0_i64), drop)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(101_i64), drop)),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// CreatePartnerCoupons
// ---------------------------------------------------------------------------------------

/// The spec's request example of CreatePartnerCoupons.
fn coupon_issue() -> b::CreatePartnerCouponsReq {
    types::CreatePartnerCouponsReq::builder()
        .quota_id("2018011615520150")
        .customer_ids(vec![ok("06a7969058802f0c0f01c00b91846780")])
        .face_value("100.5")
        .valid_time(Some(ok("2026-01-01T00:00:00Z")))
        .expire_time(Some(ok("2026-12-31T23:59:59Z")))
        .cloud_service_types(vec!["hws.service.type.ebs".to_string()])
        .memo(Some("welcome coupon".to_string()))
}

fn coupon_issue_typed() -> types::CreatePartnerCouponsReq {
    coupon_issue().try_into().expect("the example is valid")
}

pub(super) fn create_partner_coupons_rows() -> Vec<Row> {
    use types::CreatePartnerCouponsReq as Req;
    vec![
        documented_example(Call::Typed(|| {
            json_of(types::CreatePartnerCouponsReq::try_from(coupon_issue()))
        })),
        rejected(
            "quota_id missing",
            "quota_id",
            "required",
            "no value supplied for",
            Call::Value(|| {
                reject(
                    Req::try_from(
                        Req::builder()
                            .customer_ids(
                                Vec::<types::CreatePartnerCouponsReqCustomerIdsItem>::new(),
                            )
                            .face_value("1.00"),
                    ),
                    drop,
                )
            }),
        ),
        rejected(
            "customer_ids missing",
            "customer_ids",
            "required",
            "no value supplied for",
            Call::Value(|| {
                reject(
                    Req::try_from(Req::builder().quota_id("q").face_value("1.00")),
                    drop,
                )
            }),
        ),
        rejected(
            "face_value missing",
            "face_value",
            "required",
            "no value supplied for",
            Call::Value(|| {
                reject(
                    Req::try_from(
                        Req::builder().quota_id("q").customer_ids(Vec::<
                            types::CreatePartnerCouponsReqCustomerIdsItem,
                        >::new()),
                    ),
                    drop,
                )
            }),
        ),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    quota_id: v,
                    ..coupon_issue_typed()
                })
            }),
        ),
        rejected(
            "customer_ids item of 65 characters",
            "customer_ids[]",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    customer_ids: vec![v],
                    ..coupon_issue_typed()
                })
            }),
        ),
        rejected(
            "face_value 0",
            "face_value",
            "minimum",
            "is less than the minimum",
            Call::Value(|| {
                reject("0".parse(), |v| Req {
                    face_value: v,
                    ..coupon_issue_typed()
                })
            }),
        ),
        rejected(
            "valid_time of 21 characters",
            "valid_time",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    valid_time: Some(v),
                    ..coupon_issue_typed()
                })
            }),
        ),
        rejected(
            "valid_time with month 13",
            "valid_time",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    valid_time: Some(v),
                    ..coupon_issue_typed()
                })
            }),
        ),
        rejected(
            "expire_time of 21 characters",
            "expire_time",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(chars(21).parse(), |v| Req {
                    expire_time: Some(v),
                    ..coupon_issue_typed()
                })
            }),
        ),
        rejected(
            "expire_time with month 13",
            "expire_time",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject("2019-13-01T00:00:00Z".parse(), |v| Req {
                    expire_time: Some(v),
                    ..coupon_issue_typed()
                })
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    indirect_partner_id: Some(v),
                    ..coupon_issue_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListIssuedPartnerCoupons
// ---------------------------------------------------------------------------------------

pub(super) fn list_issued_partner_coupons_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| {
            query(vec![
                (
                    "customer_id",
                    json_of(types::ListIssuedPartnerCouponsCustomerId::from_str(
                        "06a7969058802f0c0f01c00b91846780",
                    )),
                ),
                (
                    "coupon_type",
                    json_of(types::ListIssuedPartnerCouponsCouponType::try_from(1)),
                ),
                (
                    "status",
                    json_of(types::ListIssuedPartnerCouponsStatus::try_from(2)),
                ),
                ("offset", json_of(Bounded::<0, 2147483647>::try_from(0))),
                ("limit", json_of(Bounded::<1, 100>::try_from(10))),
            ])
        })),
        rejected(
            "coupon_id of 65 characters",
            "coupon_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListIssuedPartnerCouponsCouponId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListIssuedPartnerCouponsCustomerId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "order_id of 65 characters",
            "order_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListIssuedPartnerCouponsOrderId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "coupon_type 2",
            "coupon_type",
            "enum",
            "invalid value",
            Call::Value(|| reject(types::ListIssuedPartnerCouponsCouponType::try_from(2), drop)),
        ),
        rejected(
            "status 6",
            "status",
            "enum",
            "invalid value",
            Call::Value(|| reject(types::ListIssuedPartnerCouponsStatus::try_from(6), drop)),
        ),
        rejected(
            "create_time_begin of 21 characters",
            "create_time_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListIssuedPartnerCouponsCreateTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "create_time_begin with month 13",
            "create_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z"
                        .parse::<types::ListIssuedPartnerCouponsCreateTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "create_time_end of 21 characters",
            "create_time_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListIssuedPartnerCouponsCreateTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "create_time_end with month 13",
            "create_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z".parse::<types::ListIssuedPartnerCouponsCreateTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "effective_time_begin of 21 characters",
            "effective_time_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListIssuedPartnerCouponsEffectiveTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "effective_time_begin with month 13",
            "effective_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z"
                        .parse::<types::ListIssuedPartnerCouponsEffectiveTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "effective_time_end of 21 characters",
            "effective_time_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListIssuedPartnerCouponsEffectiveTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "effective_time_end with month 13",
            "effective_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z"
                        .parse::<types::ListIssuedPartnerCouponsEffectiveTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "expire_time_begin of 21 characters",
            "expire_time_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListIssuedPartnerCouponsExpireTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "expire_time_begin with month 13",
            "expire_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z"
                        .parse::<types::ListIssuedPartnerCouponsExpireTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "expire_time_end of 21 characters",
            "expire_time_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListIssuedPartnerCouponsExpireTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "expire_time_end with month 13",
            "expire_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z".parse::<types::ListIssuedPartnerCouponsExpireTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "-1 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(-1_i64), drop)),
        ),
        rejected(
            "offset 2147483648",
            "offset",
            "maximum",
            "2147483648 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(2147483648_i64), drop)),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(0_i64), drop)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(101_i64), drop)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListIssuedPartnerCouponsIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ReclaimPartnerCoupons
// ---------------------------------------------------------------------------------------

/// The spec's request example of ReclaimPartnerCoupons.
fn coupon_reclaim() -> b::ReclaimPartnerCouponsReq {
    types::ReclaimPartnerCouponsReq::builder()
        .coupon_id("2018011615520150")
        .indirect_partner_id(Some(ok("f8231a7d11484dfaaea8b70755680c7e")))
}

fn coupon_reclaim_typed() -> types::ReclaimPartnerCouponsReq {
    coupon_reclaim().try_into().expect("the example is valid")
}

pub(super) fn reclaim_partner_coupons_rows() -> Vec<Row> {
    use types::ReclaimPartnerCouponsReq as Req;
    vec![
        documented_example(Call::Typed(|| {
            json_of(types::ReclaimPartnerCouponsReq::try_from(coupon_reclaim()))
        })),
        rejected(
            "coupon_id missing",
            "coupon_id",
            "required",
            "no value supplied for",
            Call::Value(|| reject(Req::try_from(Req::builder()), drop)),
        ),
        rejected(
            "coupon_id of 65 characters",
            "coupon_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(chars(65).parse(), |v| Req {
                    coupon_id: v,
                    ..coupon_reclaim_typed()
                })
            }),
        ),
        rejected(
            "indirect_partner_id empty",
            "indirect_partner_id",
            "minLength",
            "shorter than 1",
            Call::Value(|| {
                reject("".parse(), |v| Req {
                    indirect_partner_id: Some(v),
                    ..coupon_reclaim_typed()
                })
            }),
        ),
        rejected(
            "indirect_partner_id of 101 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 100 characters",
            Call::Value(|| {
                reject(chars(101).parse(), |v| Req {
                    indirect_partner_id: Some(v),
                    ..coupon_reclaim_typed()
                })
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListPartnerCouponsRecord
// ---------------------------------------------------------------------------------------

pub(super) fn list_partner_coupons_record_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| {
            query(vec![
                (
                    "operation_types",
                    json_of(Ok::<_, String>(vec![
                        types::ListPartnerCouponsRecordOperationTypesItem::X1,
                        types::ListPartnerCouponsRecordOperationTypesItem::X2,
                    ])),
                ),
                (
                    "coupon_ids",
                    json_of(
                        ["CP2001010000000002", "CP2001010000000001"]
                            .into_iter()
                            .map(types::ListPartnerCouponsRecordCouponIdsItem::from_str)
                            .collect::<Result<Vec<_>, _>>(),
                    ),
                ),
                ("offset", json_of(Bounded::<0, 2147483647>::try_from(0))),
                ("limit", json_of(Bounded::<1, 100>::try_from(10))),
            ])
        })),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListPartnerCouponsRecordQuotaId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "quota_type 2",
            "quota_type",
            "enum",
            "invalid value",
            Call::Value(|| reject(types::ListPartnerCouponsRecordQuotaType::try_from(2), drop)),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListPartnerCouponsRecordCustomerId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_time_begin of 21 characters",
            "operation_time_begin",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListPartnerCouponsRecordOperationTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_time_begin with month 13",
            "operation_time_begin",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z"
                        .parse::<types::ListPartnerCouponsRecordOperationTimeBegin>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_time_end of 21 characters",
            "operation_time_end",
            "maxLength",
            "longer than 20 characters",
            Call::Value(|| {
                reject(
                    chars(21).parse::<types::ListPartnerCouponsRecordOperationTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "operation_time_end with month 13",
            "operation_time_end",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z"
                        .parse::<types::ListPartnerCouponsRecordOperationTimeEnd>(),
                    drop,
                )
            }),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "-1 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(-1_i64), drop)),
        ),
        rejected(
            "offset 2147483648",
            "offset",
            "maximum",
            "2147483648 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(2147483648_i64), drop)),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(0_i64), drop)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(101_i64), drop)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListPartnerCouponsRecordIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListSubCustomerCoupons
// ---------------------------------------------------------------------------------------

pub(super) fn list_sub_customer_coupons_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| {
            query(vec![
                (
                    "coupon_type",
                    json_of(types::ListSubCustomerCouponsCouponType::try_from(1)),
                ),
                (
                    "status",
                    json_of(types::ListSubCustomerCouponsStatus::try_from(2)),
                ),
                ("offset", json_of(Bounded::<0, 2147483647>::try_from(0))),
                ("limit", json_of(Bounded::<1, 100>::try_from(10))),
            ])
        })),
        rejected(
            "coupon_id of 65 characters",
            "coupon_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListSubCustomerCouponsCouponId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "order_id of 65 characters",
            "order_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListSubCustomerCouponsOrderId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "promotion_plan_id of 65 characters",
            "promotion_plan_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListSubCustomerCouponsPromotionPlanId>(),
                    drop,
                )
            }),
        ),
        rejected(
            "coupon_type 5",
            "coupon_type",
            "enum",
            "invalid value",
            Call::Value(|| reject(types::ListSubCustomerCouponsCouponType::try_from(5), drop)),
        ),
        rejected(
            "status 6",
            "status",
            "enum",
            "invalid value",
            Call::Value(|| reject(types::ListSubCustomerCouponsStatus::try_from(6), drop)),
        ),
        rejected(
            "active_start_time of 65 characters",
            "active_start_time",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListSubCustomerCouponsActiveStartTime>(),
                    drop,
                )
            }),
        ),
        rejected(
            "active_start_time with month 13",
            "active_start_time",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z".parse::<types::ListSubCustomerCouponsActiveStartTime>(),
                    drop,
                )
            }),
        ),
        rejected(
            "active_end_time of 65 characters",
            "active_end_time",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListSubCustomerCouponsActiveEndTime>(),
                    drop,
                )
            }),
        ),
        rejected(
            "active_end_time with month 13",
            "active_end_time",
            "pattern",
            "doesn't match pattern",
            Call::Value(|| {
                reject(
                    "2019-13-01T00:00:00Z".parse::<types::ListSubCustomerCouponsActiveEndTime>(),
                    drop,
                )
            }),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "-1 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(-1_i64), drop)),
        ),
        rejected(
            "offset 2147483648",
            "offset",
            "maximum",
            "2147483648 is out of range 0..=2147483647",
            Call::Value(|| reject(Bounded::<0, 2147483647>::try_from(2147483648_i64), drop)),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "0 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(0_i64), drop)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "101 is out of range 1..=100",
            Call::Value(|| reject(Bounded::<1, 100>::try_from(101_i64), drop)),
        ),
        rejected(
            "source_id of 65 characters",
            "source_id",
            "maxLength",
            "longer than 64 characters",
            Call::Value(|| {
                reject(
                    chars(65).parse::<types::ListSubCustomerCouponsSourceId>(),
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
                    chars(65).parse::<types::ListSubCustomerCouponsIndirectPartnerId>(),
                    drop,
                )
            }),
        ),
    ]
}

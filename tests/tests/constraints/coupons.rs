//! Constraint tables of the coupon-quota and coupon operations, one per operation. Body
//! operations set their fields through body builders given to the call; query-parameter
//! operations give raw values to the call's setters, and their documented example is the map
//! of example values, checked as the client checks them.

use crate::harness::*;

/// The tables of this domain: each operation and its rows.
pub(crate) const TABLES: Tables = &[
    ("UpdateCouponQuotas", update_coupon_quotas_rows),
    ("ReclaimCouponQuotas", reclaim_coupon_quotas_rows),
    ("ListQuotaCoupons", list_quota_coupons_rows),
    ("ListIssuedCouponQuotas", list_issued_coupon_quotas_rows),
    ("ListCouponQuotasRecords", list_coupon_quotas_records_rows),
    ("CreatePartnerCoupons", create_partner_coupons_rows),
    ("ReclaimPartnerCoupons", reclaim_partner_coupons_rows),
    ("ListIssuedPartnerCoupons", list_issued_partner_coupons_rows),
    ("ListPartnerCouponsRecord", list_partner_coupons_record_rows),
    ("ListSubCustomerCoupons", list_sub_customer_coupons_rows),
];

/// Sends a listing operation of this domain with raw parameter values, through its call
/// builder's setters; `None` when the operation is not one of this domain's.
pub(crate) async fn send_query(
    client: &Client,
    operation: &str,
    query: &Query,
) -> Option<Result<(), Error>> {
    Some(match operation {
        "ListIssuedCouponQuotas" => {
            let mut call = client.list_issued_coupon_quotas();
            for (name, value) in query {
                call = match *name {
                    "quota_id" => call.quota_id(text(value)),
                    "indirect_partner_id" => call.indirect_partner_id(text(value)),
                    "parent_quota_id" => call.parent_quota_id(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListCouponQuotasRecords" => {
            let mut call = client.list_coupon_quotas_records();
            for (name, value) in query {
                call = match *name {
                    "indirect_partner_id" => call.indirect_partner_id(text(value)),
                    "quota_id" => call.quota_id(text(value)),
                    "operation_time_begin" => call.operation_time_begin(text(value)),
                    "operation_time_end" => call.operation_time_end(text(value)),
                    "parent_quota_id" => call.parent_quota_id(text(value)),
                    "operation_type" => call.operation_type(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListIssuedPartnerCoupons" => {
            let mut call = client.list_issued_partner_coupons();
            for (name, value) in query {
                call = match *name {
                    "coupon_id" => call.coupon_id(text(value)),
                    "customer_id" => call.customer_id(text(value)),
                    "order_id" => call.order_id(text(value)),
                    "coupon_type" => call.coupon_type(int(value)),
                    "status" => call.status(int(value)),
                    "create_time_begin" => call.create_time_begin(text(value)),
                    "create_time_end" => call.create_time_end(text(value)),
                    "effective_time_begin" => call.effective_time_begin(text(value)),
                    "effective_time_end" => call.effective_time_end(text(value)),
                    "expire_time_begin" => call.expire_time_begin(text(value)),
                    "expire_time_end" => call.expire_time_end(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    "indirect_partner_id" => call.indirect_partner_id(text(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListPartnerCouponsRecord" => {
            let mut call = client.list_partner_coupons_record();
            for (name, value) in query {
                call = match *name {
                    "operation_types" => call.operation_types(
                        texts(value)
                            .iter()
                            .map(|t| t.parse().expect("an enum"))
                            .collect::<Vec<_>>(),
                    ),
                    "quota_id" => call.quota_id(text(value)),
                    "quota_type" => call.quota_type(int(value)),
                    "coupon_ids" => call.coupon_ids(texts(value)),
                    "customer_id" => call.customer_id(text(value)),
                    "operation_time_begin" => call.operation_time_begin(text(value)),
                    "operation_time_end" => call.operation_time_end(text(value)),
                    "result" => call.result(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    "indirect_partner_id" => call.indirect_partner_id(text(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListSubCustomerCoupons" => {
            let mut call = client.list_sub_customer_coupons();
            for (name, value) in query {
                call = match *name {
                    "coupon_id" => call.coupon_id(text(value)),
                    "order_id" => call.order_id(text(value)),
                    "promotion_plan_id" => call.promotion_plan_id(text(value)),
                    "coupon_type" => call.coupon_type(int(value)),
                    "status" => call.status(int(value)),
                    "active_start_time" => call.active_start_time(text(value)),
                    "active_end_time" => call.active_end_time(text(value)),
                    "offset" => call.offset(int(value)),
                    "limit" => call.limit(int(value)),
                    "source_id" => call.source_id(text(value)),
                    "indirect_partner_id" => call.indirect_partner_id(text(value)),
                    other => panic!("unknown parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        _ => return None,
    })
}

/// Rows for a query parameter of at most `max` characters that must be a strict UTC time:
/// one too long, one with month 13.
fn time_rows(
    operation: &'static str,
    name: &'static str,
    too_long: fn() -> Query,
    month_13: fn() -> Query,
    max_rule: &'static str,
) -> Vec<Row> {
    vec![
        rejected(
            leak(format!("{name} too long")),
            name,
            "maxLength",
            max_rule,
            Call::Query(operation, too_long),
        ),
        rejected(
            leak(format!("{name} with month 13")),
            name,
            "pattern",
            TIME,
            Call::Query(operation, month_13),
        ),
    ]
}

/// A query row's name, the parameter it breaks, and the query breaking it.
type QueryRow = (&'static str, &'static str, fn() -> Query);

/// A row name built at run time (tables are built once per test).
fn leak(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

// ---------------------------------------------------------------------------------------
// UpdateCouponQuotas
// ---------------------------------------------------------------------------------------

/// The spec's request example of UpdateCouponQuotas.
fn quota_issue() -> b::AdjustCouponQuotasReqBuilder {
    types::AdjustCouponQuotasReq::builder()
        .quota_id("2018011615520150")
        .indirect_partner_ids(["62a3c5e7f9b14d2a8c6e0f1b3d5a7d30"])
        .quota_amount("1.11")
}

fn update_coupon_quotas_rows() -> Vec<Row> {
    use types::AdjustCouponQuotasReq as Req;
    vec![
        documented_example(Call::Typed(|| json_of(quota_issue().build()))),
        missing(
            "quota_id missing",
            "quota_id",
            send_body!(
                update_coupon_quotas,
                Req::builder()
                    .indirect_partner_ids(["62a3c5e7f9b14d2a8c6e0f1b3d5a7d30"])
                    .quota_amount("1.00")
            ),
        ),
        missing(
            "indirect_partner_ids missing",
            "indirect_partner_ids",
            send_body!(
                update_coupon_quotas,
                Req::builder().quota_id("q").quota_amount("1.00")
            ),
        ),
        missing(
            "quota_amount missing",
            "quota_amount",
            send_body!(
                update_coupon_quotas,
                Req::builder()
                    .quota_id("q")
                    .indirect_partner_ids(["62a3c5e7f9b14d2a8c6e0f1b3d5a7d30"])
            ),
        ),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "at most 64 characters",
            send_body!(update_coupon_quotas, quota_issue().quota_id(chars(65))),
        ),
        rejected(
            "quota_amount 0",
            "quota_amount",
            "minimum",
            "greater than 0",
            send_body!(update_coupon_quotas, quota_issue().quota_amount("0")),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ReclaimCouponQuotas
// ---------------------------------------------------------------------------------------

/// The spec's request example of ReclaimCouponQuotas.
fn quota_reclaim() -> b::ReclaimCouponQuotasReqBuilder {
    types::ReclaimCouponQuotasReq::builder()
        .quota_ids(["2020061902584509"])
        .remark("回收代金券额度")
}

fn reclaim_coupon_quotas_rows() -> Vec<Row> {
    use types::ReclaimCouponQuotasReq as Req;
    vec![
        documented_example(Call::Typed(|| json_of(quota_reclaim().build()))),
        missing(
            "quota_ids missing",
            "quota_ids",
            send_body!(reclaim_coupon_quotas, Req::builder().remark("r")),
        ),
        rejected(
            "remark of 257 characters",
            "remark",
            "maxLength",
            "at most 256 characters",
            send_body!(reclaim_coupon_quotas, quota_reclaim().remark(chars(257))),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListQuotaCoupons
// ---------------------------------------------------------------------------------------

/// The spec's request example of ListQuotaCoupons.
fn quotas_query() -> b::QueryCouponQuotasReqExtBuilder {
    types::QueryCouponQuotasReqExt::builder()
        .quota_status_list([0])
        .quota_type(0)
        .offset(0)
        .limit(10)
}

fn list_quota_coupons_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| json_of(quotas_query().build()))),
        rejected(
            "quota_ids item of 65 characters",
            "quota_ids[0]",
            "maxLength",
            "at most 64 characters",
            send_body!(list_quota_coupons, quotas_query().quota_ids([chars(65)])),
        ),
        rejected(
            "quota_status_list item 1",
            "quota_status_list[0]",
            "enum",
            "one of: 0, 3, 4, 5",
            send_body!(list_quota_coupons, quotas_query().quota_status_list([1])),
        ),
        rejected(
            "quota_type 2",
            "quota_type",
            "enum",
            "one of: 0, 1",
            send_body!(list_quota_coupons, quotas_query().quota_type(2)),
        ),
        rejected(
            "create_time_begin of 21 characters",
            "create_time_begin",
            "maxLength",
            "at most 20 characters",
            send_body!(
                list_quota_coupons,
                quotas_query().create_time_begin(chars(21))
            ),
        ),
        rejected(
            "create_time_begin with month 13",
            "create_time_begin",
            "pattern",
            TIME,
            send_body!(
                list_quota_coupons,
                quotas_query().create_time_begin(MONTH_13)
            ),
        ),
        rejected(
            "create_time_end of 21 characters",
            "create_time_end",
            "maxLength",
            "at most 20 characters",
            send_body!(
                list_quota_coupons,
                quotas_query().create_time_end(chars(21))
            ),
        ),
        rejected(
            "create_time_end with month 13",
            "create_time_end",
            "pattern",
            TIME,
            send_body!(list_quota_coupons, quotas_query().create_time_end(MONTH_13)),
        ),
        rejected(
            "effective_time_begin of 21 characters",
            "effective_time_begin",
            "maxLength",
            "at most 20 characters",
            send_body!(
                list_quota_coupons,
                quotas_query().effective_time_begin(chars(21))
            ),
        ),
        rejected(
            "effective_time_begin with month 13",
            "effective_time_begin",
            "pattern",
            TIME,
            send_body!(
                list_quota_coupons,
                quotas_query().effective_time_begin(MONTH_13)
            ),
        ),
        rejected(
            "effective_time_end of 21 characters",
            "effective_time_end",
            "maxLength",
            "at most 20 characters",
            send_body!(
                list_quota_coupons,
                quotas_query().effective_time_end(chars(21))
            ),
        ),
        rejected(
            "effective_time_end with month 13",
            "effective_time_end",
            "pattern",
            TIME,
            send_body!(
                list_quota_coupons,
                quotas_query().effective_time_end(MONTH_13)
            ),
        ),
        rejected(
            "expire_time_begin of 21 characters",
            "expire_time_begin",
            "maxLength",
            "at most 20 characters",
            send_body!(
                list_quota_coupons,
                quotas_query().expire_time_begin(chars(21))
            ),
        ),
        rejected(
            "expire_time_begin with month 13",
            "expire_time_begin",
            "pattern",
            TIME,
            send_body!(
                list_quota_coupons,
                quotas_query().expire_time_begin(MONTH_13)
            ),
        ),
        rejected(
            "expire_time_end of 21 characters",
            "expire_time_end",
            "maxLength",
            "at most 20 characters",
            send_body!(
                list_quota_coupons,
                quotas_query().expire_time_end(chars(21))
            ),
        ),
        rejected(
            "expire_time_end with month 13",
            "expire_time_end",
            "pattern",
            TIME,
            send_body!(list_quota_coupons, quotas_query().expire_time_end(MONTH_13)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                list_quota_coupons,
                quotas_query().indirect_partner_id(chars(65))
            ),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            OFFSET_RULE,
            send_body!(list_quota_coupons, quotas_query().offset(-1)),
        ),
        rejected(
            "offset 2147483648",
            "offset",
            "maximum",
            // Beyond i32: no setter takes it, and the received body does not decode (the
            // rule is the decoder's message).
            "an integer from -2147483648 to 2147483647",
            Call::Wire("ListQuotaCoupons", || {
                body_with(quotas_query().build(), "offset", json!(2_147_483_648_i64))
            }),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "from 1 to 100",
            send_body!(list_quota_coupons, quotas_query().limit(0)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "from 1 to 100",
            send_body!(list_quota_coupons, quotas_query().limit(101)),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListIssuedCouponQuotas
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListIssuedCouponQuotas.
fn issued_quotas_query() -> Query {
    vec![
        ("quota_id", json!("2020061902584509")),
        (
            "indirect_partner_id",
            json!("05bad7a90700d5bf0ff6c00ae40d0ca0"),
        ),
        ("parent_quota_id", json!("2020010206413502")),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_issued_coupon_quotas_rows() -> Vec<Row> {
    const OP: &str = "ListIssuedCouponQuotas";
    let mut rows = vec![
        documented_example(Call::Query(OP, issued_quotas_query)),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(issued_quotas_query(), "quota_id", json!(chars(65)))
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(
                    issued_quotas_query(),
                    "indirect_partner_id",
                    json!(chars(65)),
                )
            }),
        ),
        rejected(
            "parent_quota_id of 65 characters",
            "parent_quota_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(issued_quotas_query(), "parent_quota_id", json!(chars(65)))
            }),
        ),
    ];
    rows.extend(paging_rows(OP, issued_quotas_query));
    rows
}

// ---------------------------------------------------------------------------------------
// ListCouponQuotasRecords
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListCouponQuotasRecords.
fn quota_records_query() -> Query {
    vec![
        (
            "indirect_partner_id",
            json!("05bad7a90700d5bf0ff6c00ae40d0ca0"),
        ),
        ("operation_time_begin", json!("2020-01-01T00:00:00Z")),
        ("operation_time_end", json!("2030-01-01T00:00:00Z")),
        ("operation_type", json!("10")),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_coupon_quotas_records_rows() -> Vec<Row> {
    const OP: &str = "ListCouponQuotasRecords";
    let mut rows = vec![
        documented_example(Call::Query(OP, quota_records_query)),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(
                    quota_records_query(),
                    "indirect_partner_id",
                    json!(chars(65)),
                )
            }),
        ),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(quota_records_query(), "quota_id", json!(chars(65)))
            }),
        ),
        rejected(
            "parent_quota_id of 65 characters",
            "parent_quota_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(quota_records_query(), "parent_quota_id", json!(chars(65)))
            }),
        ),
        rejected(
            "operation_type of 9 characters",
            "operation_type",
            "maxLength",
            "at most 8 characters",
            Call::Query(OP, || {
                param(quota_records_query(), "operation_type", json!(chars(9)))
            }),
        ),
    ];
    rows.extend(time_rows(
        OP,
        "operation_time_begin",
        || {
            param(
                quota_records_query(),
                "operation_time_begin",
                json!(chars(21)),
            )
        },
        || {
            param(
                quota_records_query(),
                "operation_time_begin",
                json!(MONTH_13),
            )
        },
        "at most 20 characters",
    ));
    rows.extend(time_rows(
        OP,
        "operation_time_end",
        || {
            param(
                quota_records_query(),
                "operation_time_end",
                json!(chars(21)),
            )
        },
        || param(quota_records_query(), "operation_time_end", json!(MONTH_13)),
        "at most 20 characters",
    ));
    rows.extend(paging_rows(OP, quota_records_query));
    rows
}

// ---------------------------------------------------------------------------------------
// CreatePartnerCoupons
// ---------------------------------------------------------------------------------------

/// The spec's request example of CreatePartnerCoupons.
fn coupon_issue() -> b::CreatePartnerCouponsReqBuilder {
    types::CreatePartnerCouponsReq::builder()
        .quota_id("2018011615520150")
        .customer_ids(["06a7969058802f0c0f01c00b91846780"])
        .face_value("100.5")
        .valid_time("2026-01-01T00:00:00Z")
        .expire_time("2026-12-31T23:59:59Z")
        .cloud_service_types(["hws.service.type.ebs"])
        .memo("welcome coupon")
}

fn create_partner_coupons_rows() -> Vec<Row> {
    use types::CreatePartnerCouponsReq as Req;
    vec![
        documented_example(Call::Typed(|| json_of(coupon_issue().build()))),
        missing(
            "quota_id missing",
            "quota_id",
            send_body!(
                create_partner_coupons,
                Req::builder()
                    .customer_ids(["06a7969058802f0c0f01c00b91846780"])
                    .face_value("1.00")
            ),
        ),
        missing(
            "customer_ids missing",
            "customer_ids",
            send_body!(
                create_partner_coupons,
                Req::builder().quota_id("q").face_value("1.00")
            ),
        ),
        missing(
            "face_value missing",
            "face_value",
            send_body!(
                create_partner_coupons,
                Req::builder()
                    .quota_id("q")
                    .customer_ids(["06a7969058802f0c0f01c00b91846780"])
            ),
        ),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "at most 64 characters",
            send_body!(create_partner_coupons, coupon_issue().quota_id(chars(65))),
        ),
        rejected(
            "customer_ids item of 65 characters",
            "customer_ids[0]",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_partner_coupons,
                coupon_issue().customer_ids([chars(65)])
            ),
        ),
        rejected(
            "face_value 0",
            "face_value",
            "minimum",
            "greater than 0",
            send_body!(create_partner_coupons, coupon_issue().face_value("0")),
        ),
        rejected(
            "valid_time of 21 characters",
            "valid_time",
            "maxLength",
            "at most 20 characters",
            send_body!(create_partner_coupons, coupon_issue().valid_time(chars(21))),
        ),
        rejected(
            "valid_time with month 13",
            "valid_time",
            "pattern",
            TIME,
            send_body!(create_partner_coupons, coupon_issue().valid_time(MONTH_13)),
        ),
        rejected(
            "expire_time of 21 characters",
            "expire_time",
            "maxLength",
            "at most 20 characters",
            send_body!(
                create_partner_coupons,
                coupon_issue().expire_time(chars(21))
            ),
        ),
        rejected(
            "expire_time with month 13",
            "expire_time",
            "pattern",
            TIME,
            send_body!(create_partner_coupons, coupon_issue().expire_time(MONTH_13)),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                create_partner_coupons,
                coupon_issue().indirect_partner_id(chars(65))
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListIssuedPartnerCoupons
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListIssuedPartnerCoupons.
fn issued_coupons_query() -> Query {
    vec![
        ("customer_id", json!("06a7969058802f0c0f01c00b91846780")),
        ("coupon_type", json!(1)),
        ("status", json!(2)),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_issued_partner_coupons_rows() -> Vec<Row> {
    const OP: &str = "ListIssuedPartnerCoupons";
    let mut rows = vec![
        documented_example(Call::Query(OP, issued_coupons_query)),
        rejected(
            "coupon_id of 65 characters",
            "coupon_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(issued_coupons_query(), "coupon_id", json!(chars(65)))
            }),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(issued_coupons_query(), "customer_id", json!(chars(65)))
            }),
        ),
        rejected(
            "order_id of 65 characters",
            "order_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(issued_coupons_query(), "order_id", json!(chars(65)))
            }),
        ),
        rejected(
            "coupon_type 2",
            "coupon_type",
            "enum",
            "one of: 1, 4",
            Call::Query(OP, || {
                param(issued_coupons_query(), "coupon_type", json!(2))
            }),
        ),
        rejected(
            "status 6",
            "status",
            "enum",
            "one of: 1, 2, 3, 4, 5",
            Call::Query(OP, || param(issued_coupons_query(), "status", json!(6))),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(
                    issued_coupons_query(),
                    "indirect_partner_id",
                    json!(chars(65)),
                )
            }),
        ),
    ];
    rows.extend(time_rows(
        OP,
        "create_time_begin",
        || {
            param(
                issued_coupons_query(),
                "create_time_begin",
                json!(chars(21)),
            )
        },
        || param(issued_coupons_query(), "create_time_begin", json!(MONTH_13)),
        "at most 20 characters",
    ));
    rows.extend(time_rows(
        OP,
        "create_time_end",
        || param(issued_coupons_query(), "create_time_end", json!(chars(21))),
        || param(issued_coupons_query(), "create_time_end", json!(MONTH_13)),
        "at most 20 characters",
    ));
    rows.extend(time_rows(
        OP,
        "effective_time_begin",
        || {
            param(
                issued_coupons_query(),
                "effective_time_begin",
                json!(chars(21)),
            )
        },
        || {
            param(
                issued_coupons_query(),
                "effective_time_begin",
                json!(MONTH_13),
            )
        },
        "at most 20 characters",
    ));
    rows.extend(time_rows(
        OP,
        "effective_time_end",
        || {
            param(
                issued_coupons_query(),
                "effective_time_end",
                json!(chars(21)),
            )
        },
        || {
            param(
                issued_coupons_query(),
                "effective_time_end",
                json!(MONTH_13),
            )
        },
        "at most 20 characters",
    ));
    rows.extend(time_rows(
        OP,
        "expire_time_begin",
        || {
            param(
                issued_coupons_query(),
                "expire_time_begin",
                json!(chars(21)),
            )
        },
        || param(issued_coupons_query(), "expire_time_begin", json!(MONTH_13)),
        "at most 20 characters",
    ));
    rows.extend(time_rows(
        OP,
        "expire_time_end",
        || param(issued_coupons_query(), "expire_time_end", json!(chars(21))),
        || param(issued_coupons_query(), "expire_time_end", json!(MONTH_13)),
        "at most 20 characters",
    ));
    rows.extend(paging_rows(OP, issued_coupons_query));
    rows
}

// ---------------------------------------------------------------------------------------
// ReclaimPartnerCoupons
// ---------------------------------------------------------------------------------------

/// The spec's request example of ReclaimPartnerCoupons.
fn coupon_reclaim() -> b::ReclaimPartnerCouponsReqBuilder {
    types::ReclaimPartnerCouponsReq::builder()
        .coupon_id("2018011615520150")
        .indirect_partner_id("f8231a7d11484dfaaea8b70755680c7e")
}

fn reclaim_partner_coupons_rows() -> Vec<Row> {
    use types::ReclaimPartnerCouponsReq as Req;
    vec![
        documented_example(Call::Typed(|| json_of(coupon_reclaim().build()))),
        missing(
            "coupon_id missing",
            "coupon_id",
            send_body!(
                reclaim_partner_coupons,
                Req::builder().indirect_partner_id("f8231a7d11484dfaaea8b70755680c7e")
            ),
        ),
        rejected(
            "coupon_id of 65 characters",
            "coupon_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                reclaim_partner_coupons,
                coupon_reclaim().coupon_id(chars(65))
            ),
        ),
        rejected(
            "indirect_partner_id empty",
            "indirect_partner_id",
            "minLength",
            "1 to 100 characters",
            send_body!(
                reclaim_partner_coupons,
                coupon_reclaim().indirect_partner_id("")
            ),
        ),
        rejected(
            "indirect_partner_id of 101 characters",
            "indirect_partner_id",
            "maxLength",
            "1 to 100 characters",
            send_body!(
                reclaim_partner_coupons,
                coupon_reclaim().indirect_partner_id(chars(101))
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ListPartnerCouponsRecord
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListPartnerCouponsRecord.
fn coupon_records_query() -> Query {
    vec![
        ("operation_types", json!(["1", "2"])),
        (
            "coupon_ids",
            json!(["CP2001010000000002", "CP2001010000000001"]),
        ),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_partner_coupons_record_rows() -> Vec<Row> {
    const OP: &str = "ListPartnerCouponsRecord";
    let mut rows = vec![
        documented_example(Call::Query(OP, coupon_records_query)),
        rejected(
            "quota_id of 65 characters",
            "quota_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(coupon_records_query(), "quota_id", json!(chars(65)))
            }),
        ),
        rejected(
            "quota_type 2",
            "quota_type",
            "enum",
            "one of: 0, 1",
            Call::Query(OP, || param(coupon_records_query(), "quota_type", json!(2))),
        ),
        rejected(
            "customer_id of 65 characters",
            "customer_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(coupon_records_query(), "customer_id", json!(chars(65)))
            }),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, || {
                param(
                    coupon_records_query(),
                    "indirect_partner_id",
                    json!(chars(65)),
                )
            }),
        ),
    ];
    rows.extend(time_rows(
        OP,
        "operation_time_begin",
        || {
            param(
                coupon_records_query(),
                "operation_time_begin",
                json!(chars(21)),
            )
        },
        || {
            param(
                coupon_records_query(),
                "operation_time_begin",
                json!(MONTH_13),
            )
        },
        "at most 20 characters",
    ));
    rows.extend(time_rows(
        OP,
        "operation_time_end",
        || {
            param(
                coupon_records_query(),
                "operation_time_end",
                json!(chars(21)),
            )
        },
        || {
            param(
                coupon_records_query(),
                "operation_time_end",
                json!(MONTH_13),
            )
        },
        "at most 20 characters",
    ));
    rows.extend(paging_rows(OP, coupon_records_query));
    rows
}

// ---------------------------------------------------------------------------------------
// ListSubCustomerCoupons
// ---------------------------------------------------------------------------------------

/// The spec's parameter examples of ListSubCustomerCoupons.
fn sub_customer_coupons_query() -> Query {
    vec![
        ("coupon_type", json!(1)),
        ("status", json!(2)),
        ("offset", json!(0)),
        ("limit", json!(10)),
    ]
}

fn list_sub_customer_coupons_rows() -> Vec<Row> {
    const OP: &str = "ListSubCustomerCoupons";
    let mut rows = vec![documented_example(Call::Query(
        OP,
        sub_customer_coupons_query,
    ))];
    let too_long: [QueryRow; 5] = [
        ("coupon_id of 65 characters", "coupon_id", || {
            param(sub_customer_coupons_query(), "coupon_id", json!(chars(65)))
        }),
        ("order_id of 65 characters", "order_id", || {
            param(sub_customer_coupons_query(), "order_id", json!(chars(65)))
        }),
        (
            "promotion_plan_id of 65 characters",
            "promotion_plan_id",
            || {
                param(
                    sub_customer_coupons_query(),
                    "promotion_plan_id",
                    json!(chars(65)),
                )
            },
        ),
        ("source_id of 65 characters", "source_id", || {
            param(sub_customer_coupons_query(), "source_id", json!(chars(65)))
        }),
        (
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            || {
                param(
                    sub_customer_coupons_query(),
                    "indirect_partner_id",
                    json!(chars(65)),
                )
            },
        ),
    ];
    rows.extend(too_long.into_iter().map(|(name, field, query)| {
        rejected(
            name,
            field,
            "maxLength",
            "at most 64 characters",
            Call::Query(OP, query),
        )
    }));
    rows.extend([
        rejected(
            "coupon_type 5",
            "coupon_type",
            "enum",
            "one of: 1, 2, 3, 4",
            Call::Query(OP, || {
                param(sub_customer_coupons_query(), "coupon_type", json!(5))
            }),
        ),
        rejected(
            "status 6",
            "status",
            "enum",
            "one of: 1, 2, 3, 4, 5",
            Call::Query(OP, || {
                param(sub_customer_coupons_query(), "status", json!(6))
            }),
        ),
    ]);
    rows.extend(time_rows(
        OP,
        "active_start_time",
        || {
            param(
                sub_customer_coupons_query(),
                "active_start_time",
                json!(chars(65)),
            )
        },
        || {
            param(
                sub_customer_coupons_query(),
                "active_start_time",
                json!(MONTH_13),
            )
        },
        "at most 64 characters",
    ));
    rows.extend(time_rows(
        OP,
        "active_end_time",
        || {
            param(
                sub_customer_coupons_query(),
                "active_end_time",
                json!(chars(65)),
            )
        },
        || {
            param(
                sub_customer_coupons_query(),
                "active_end_time",
                json!(MONTH_13),
            )
        },
        "at most 64 characters",
    ));
    rows.extend(paging_rows(OP, sub_customer_coupons_query));
    rows
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn coupon_operations_reject_every_documented_constraint_before_sending() {
    for operation in [
        "UpdateCouponQuotas",
        "ReclaimCouponQuotas",
        "ListQuotaCoupons",
        "ListIssuedCouponQuotas",
        "ListCouponQuotasRecords",
        "CreatePartnerCoupons",
        "ReclaimPartnerCoupons",
        "ListIssuedPartnerCoupons",
        "ListPartnerCouponsRecord",
        "ListSubCustomerCoupons",
    ] {
        run_table(operation).await;
    }
}

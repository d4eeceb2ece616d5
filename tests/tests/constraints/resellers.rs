//! Constraint tables of the reseller (indirect partner) operations: listing resellers, and
//! funding and reclaiming a reseller's account.

use crate::harness::*;

/// The tables of this domain: each operation and its rows.
pub(crate) const TABLES: Tables = &[
    ("ListIndirectPartners", list_indirect_partners_rows),
    (
        "UpdateIndirectPartnerAccount",
        update_indirect_partner_account_rows,
    ),
    (
        "ReclaimIndirectPartnerAccount",
        reclaim_indirect_partner_account_rows,
    ),
];

// ---------------------------------------------------------------------------------------
// ListIndirectPartners
// ---------------------------------------------------------------------------------------

/// The spec's request example of ListIndirectPartners.
fn resellers_query() -> b::QueryIndirectPartnersReqBuilder {
    types::QueryIndirectPartnersReq::builder()
        .account_name("reseller01")
        .associated_on_begin("2016-03-28T00:00:00Z")
        .associated_on_end("2026-03-28T00:00:00Z")
        .offset(0)
        .limit(10)
}

fn list_indirect_partners_rows() -> Vec<Row> {
    vec![
        documented_example(Call::Typed(|| json_of(resellers_query().build()))),
        rejected(
            "account_name of 65 characters",
            "account_name",
            "maxLength",
            "at most 64 characters",
            send_body!(
                list_indirect_partners,
                resellers_query().account_name(chars(65))
            ),
        ),
        rejected(
            "associated_on_begin of 21 characters",
            "associated_on_begin",
            "maxLength",
            "at most 20 characters",
            send_body!(
                list_indirect_partners,
                resellers_query().associated_on_begin(chars(21))
            ),
        ),
        rejected(
            "associated_on_begin with month 13",
            "associated_on_begin",
            "pattern",
            TIME,
            send_body!(
                list_indirect_partners,
                resellers_query().associated_on_begin(MONTH_13)
            ),
        ),
        rejected(
            "associated_on_end of 21 characters",
            "associated_on_end",
            "maxLength",
            "at most 20 characters",
            send_body!(
                list_indirect_partners,
                resellers_query().associated_on_end(chars(21))
            ),
        ),
        rejected(
            "associated_on_end with month 13",
            "associated_on_end",
            "pattern",
            TIME,
            send_body!(
                list_indirect_partners,
                resellers_query().associated_on_end(MONTH_13)
            ),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                list_indirect_partners,
                resellers_query().indirect_partner_id(chars(65))
            ),
        ),
        rejected(
            "offset -1",
            "offset",
            "minimum",
            "from 0 to 40000000",
            send_body!(list_indirect_partners, resellers_query().offset(-1)),
        ),
        rejected(
            "offset 40000001",
            "offset",
            "maximum",
            "from 0 to 40000000",
            send_body!(list_indirect_partners, resellers_query().offset(40_000_001)),
        ),
        rejected(
            "limit 0",
            "limit",
            "minimum",
            "from 1 to 100",
            send_body!(list_indirect_partners, resellers_query().limit(0)),
        ),
        rejected(
            "limit 101",
            "limit",
            "maximum",
            "from 1 to 100",
            send_body!(list_indirect_partners, resellers_query().limit(101)),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// UpdateIndirectPartnerAccount
// ---------------------------------------------------------------------------------------

/// The reseller id the reseller examples use.
const RESELLER: &str = "92c4f5e7a1b34d6c8e0f2a4b6c8d0b40";

/// The spec's request example of UpdateIndirectPartnerAccount.
fn reseller_funding() -> b::AdjustToIndirectPartnerReqBuilder {
    types::AdjustToIndirectPartnerReq::builder()
        .indirect_partner_id(RESELLER)
        .amount("99.99")
}

fn update_indirect_partner_account_rows() -> Vec<Row> {
    use types::AdjustToIndirectPartnerReq as Req;
    vec![
        documented_example(Call::Typed(|| json_of(reseller_funding().build()))),
        missing(
            "indirect_partner_id missing",
            "indirect_partner_id",
            send_body!(
                update_indirect_partner_account,
                Req::builder().amount("1.00")
            ),
        ),
        missing(
            "amount missing",
            "amount",
            send_body!(
                update_indirect_partner_account,
                Req::builder().indirect_partner_id(RESELLER)
            ),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                update_indirect_partner_account,
                reseller_funding().indirect_partner_id(chars(65))
            ),
        ),
        rejected(
            "amount 0",
            "amount",
            "minimum",
            "greater than 0",
            send_body!(
                update_indirect_partner_account,
                reseller_funding().amount("0")
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// ReclaimIndirectPartnerAccount
// ---------------------------------------------------------------------------------------

/// The spec's request example of ReclaimIndirectPartnerAccount.
fn reseller_reclaim() -> b::ReclaimIndirectPartnerAccountReqBuilder {
    types::ReclaimIndirectPartnerAccountReq::builder()
        .indirect_partner_id(RESELLER)
        .amount("10.5")
}

fn reclaim_indirect_partner_account_rows() -> Vec<Row> {
    use types::ReclaimIndirectPartnerAccountReq as Req;
    vec![
        documented_example(Call::Typed(|| json_of(reseller_reclaim().build()))),
        missing(
            "indirect_partner_id missing",
            "indirect_partner_id",
            send_body!(
                reclaim_indirect_partner_account,
                Req::builder().amount("1.00")
            ),
        ),
        missing(
            "amount missing",
            "amount",
            send_body!(
                reclaim_indirect_partner_account,
                Req::builder().indirect_partner_id(RESELLER)
            ),
        ),
        rejected(
            "indirect_partner_id of 65 characters",
            "indirect_partner_id",
            "maxLength",
            "at most 64 characters",
            send_body!(
                reclaim_indirect_partner_account,
                reseller_reclaim().indirect_partner_id(chars(65))
            ),
        ),
        rejected(
            "amount 0",
            "amount",
            "minimum",
            "greater than 0",
            send_body!(
                reclaim_indirect_partner_account,
                reseller_reclaim().amount("0")
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn reseller_operations_reject_every_documented_constraint_before_sending() {
    for operation in [
        "ListIndirectPartners",
        "UpdateIndirectPartnerAccount",
        "ReclaimIndirectPartnerAccount",
    ] {
        run_table(operation).await;
    }
}

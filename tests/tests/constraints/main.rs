//! Every constraint the spec documents on a request is enforced by the client before anything
//! is sent: one table per operation, one row per documented rule.
//!
//! A row builds the violating request through the public API with plain values, the way a
//! caller would (the call builder's setters, or a body builder given to `.body(..)`), and the
//! violation surfaces at `send()` as `Error::InvalidRequest`, whose violations name the
//! field's full path and the rule. A value no setter can take (an integer beyond `i32`, a
//! text outside a string enum) is checked as the request would arrive on the wire
//! (`requests::check_wire`), the same check the client makes.
//!
//! Each table also holds the operation's documented request example (accepted, and equal to
//! the spec's example) and the rules the spec documents only in prose that are not enforced
//! ([`KNOWN_GAPS`]). A coverage test ties the tables to the spec: every constraint keyword of
//! every request schema has a rejecting row, and no row claims a keyword the spec does not
//! have.
//!
//! The runner is in `harness`, the spec's side in `spec`, and the tables in one module per
//! domain.

/// A row's request sent through the call builder of `$op` (a client method), with `$body` (a
/// body builder) as its body.
macro_rules! send_body {
    ($op:ident, $body:expr) => {
        Call::Send(|client| {
            Box::pin(async move { client.$op().body($body).send().await.map(drop) })
        })
    };
}

mod coupons;
mod customers;
mod funds;
mod harness;
mod multi_account;
mod realname;
mod resellers;
mod spec;
#[path = "../support/mod.rs"]
mod support;

use std::collections::BTreeSet;

use harness::{Client, Error, Expect, Query, Row, Tables, schema_path};
use huaweicloud_bss::operations::OPERATIONS;

/// Rules documented in the spec (in descriptions, not as schema keywords) that the client
/// does not enforce: `(operation, row name)`. Each is a row of its table marked
/// [`Expect::KnownGap`], checked to be still accepted; when a gap is closed, that row fails
/// and must become a rejecting row.
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "CreateSubCustomer",
        "password with a single character class",
    ),
    ("CreateSubCustomer", "password equal to the account name"),
    ("CreateSubCustomer", "password containing the mobile number"),
    (
        "CreateSubCustomer",
        "mobile number without a verification code",
    ),
    (
        "CreateSubEnterpriseAccount",
        "member without a mobile number nor use_pri_mobile_phone Y",
    ),
    (
        "CreateSubEnterpriseAccount",
        "member mobile number without a verification code",
    ),
    (
        "CheckUserIdentity",
        "search_type mobile with an account name as value",
    ),
    (
        "CheckUserIdentity",
        "search_type name with an email address as value",
    ),
    (
        "SendVerificationMessageCode",
        "scene 18 without customer_id",
    ),
];

/// The tables of every domain.
const DOMAINS: [Tables; 6] = [
    customers::TABLES,
    funds::TABLES,
    realname::TABLES,
    resellers::TABLES,
    coupons::TABLES,
    multi_account::TABLES,
];

/// The table of `operation`, from the domain that has it.
fn rows(operation: &str) -> Vec<Row> {
    let (_, rows) = DOMAINS
        .iter()
        .flat_map(|tables| tables.iter())
        .find(|(id, _)| *id == operation)
        .unwrap_or_else(|| panic!("{operation} has no constraint table in this test: add one"));
    rows()
}

/// Sends a listing operation with raw parameter values, through its call builder's setters.
async fn send_query(client: &Client, operation: &str, query: &Query) -> Result<(), Error> {
    if let Some(result) = multi_account::send_query(client, operation, query).await {
        return result;
    }
    if let Some(result) = coupons::send_query(client, operation, query).await {
        return result;
    }
    if let Some(result) = funds::send_query(client, operation, query).await {
        return result;
    }
    realname::send_query(client, operation, query)
        .await
        .unwrap_or_else(|| panic!("{operation} is not a listing operation of these tables"))
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[test]
fn every_constraint_keyword_in_the_spec_has_a_rejecting_row_and_no_row_invents_one() {
    let spec = spec::spec();
    let mut problems = Vec::new();
    for op in OPERATIONS {
        let documented = spec::spec_constraints(&spec, op);
        let rows = rows(op.id);
        let covered: BTreeSet<String> = rows
            .iter()
            .filter(|r| r.expect == Expect::Rejected)
            .map(|r| format!("{} {}", schema_path(r.field), r.keyword))
            .collect();
        for missing in documented.difference(&covered) {
            problems.push(format!("{}: no rejecting row for {missing}", op.id));
        }
        for invented in covered.difference(&documented) {
            problems.push(format!(
                "{}: a row claims {invented}, not in the spec",
                op.id
            ));
        }
        let examples = rows
            .iter()
            .filter(|r| r.expect == Expect::DocumentedExample)
            .count();
        if examples != 1 {
            problems.push(format!("{}: {examples} documented-example rows", op.id));
        }
        let mut names = BTreeSet::new();
        for row in &rows {
            if !names.insert(row.name) {
                problems.push(format!("{}: two rows named {:?}", op.id, row.name));
            }
        }
    }
    assert!(problems.is_empty(), "\n  {}", problems.join("\n  "));
}

#[test]
fn every_operation_has_its_table_in_exactly_one_domain() {
    let tables: Vec<&str> = DOMAINS
        .iter()
        .flat_map(|tables| tables.iter().map(|(id, _)| *id))
        .collect();
    let mut problems = Vec::new();
    for op in OPERATIONS {
        let count = tables.iter().filter(|id| **id == op.id).count();
        if count != 1 {
            problems.push(format!("{}: {count} tables", op.id));
        }
    }
    for id in &tables {
        if huaweicloud_bss::operations::find(id).is_none() {
            problems.push(format!("{id}: a table of no documented operation"));
        }
    }
    assert!(problems.is_empty(), "\n  {}", problems.join("\n  "));
}

#[test]
fn the_known_gaps_are_exactly_the_listed_ones() {
    let marked: BTreeSet<(&'static str, &'static str)> = OPERATIONS
        .iter()
        .flat_map(|op| {
            rows(op.id)
                .into_iter()
                .filter(|r| r.expect == Expect::KnownGap)
                .map(move |r| (op.id, r.name))
        })
        .collect();
    assert_eq!(
        marked,
        KNOWN_GAPS.iter().copied().collect(),
        "rows marked known_gap vs KNOWN_GAPS"
    );
}

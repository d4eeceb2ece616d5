//! The table runner: what a row is, how its request is made (sent through the client, built
//! into its types, or checked as it would arrive on the wire), and how one operation's table
//! is run against a simulator that must see no request.

pub(crate) use huaweicloud_bss::{Client, Error, InvalidRequest, builders as b, types};
pub(crate) use serde_json::{Value, json};

use crate::spec;
use crate::support;

/// A UTC time as the spec's strict pattern has it, in words.
pub(crate) const TIME: &str = "a UTC time as yyyy-MM-ddTHH:mm:ssZ";

/// A date-time that matches the shape but not the calendar (month 13).
pub(crate) const MONTH_13: &str = "2019-13-01T00:00:00Z";

// ---------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------

/// The tables of a domain: each operation and the function building its rows.
pub(crate) type Tables = &'static [(&'static str, fn() -> Vec<Row>)];

/// One row of a table.
pub(crate) struct Row {
    pub(crate) name: &'static str,
    /// The field's full path, as the violation names it (`new_sub_customer.password`,
    /// `permission_ids[0]`).
    pub(crate) field: &'static str,
    /// The spec keyword the row violates (`maxLength`, `pattern`, `enum`, `minimum`,
    /// `maximum`, `minLength`, `required`), or `example`/`description`.
    pub(crate) keyword: &'static str,
    /// The rule the violation must name, exactly (`5 to 32 characters`, `required`).
    pub(crate) rule: &'static str,
    pub(crate) call: Call,
    pub(crate) expect: Expect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// Rejected before any I/O; a violation names the field and the rule.
    Rejected,
    /// The documented example: accepted, and equal to the spec's example.
    DocumentedExample,
    /// Documented in prose, not enforced: still accepted (see [`KNOWN_GAPS`]).
    KnownGap,
}

/// What a [`Call::Send`] row returns.
pub(crate) type SendFuture<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), Error>> + 'a>>;

/// A request as it would arrive on the wire: query pairs and JSON body.
pub(crate) type Wire = (Vec<(&'static str, String)>, Option<Value>);

/// How a row's request is made.
pub(crate) enum Call {
    CreateSubCustomer(fn() -> b::CreateCustomerV2ReqBuilder),
    CreateSubEnterpriseAccount(fn() -> b::CreateSubCustomerReqV2Builder),
    CheckUserIdentity(fn() -> b::CheckSubcustomerUserReqBuilder),
    SendVerificationMessageCode(fn() -> b::SendVerificationCodeV2ReqBuilder),
    ListSubCustomers(fn() -> b::QuerySubCustomerListReqBuilder),
    ListEnterpriseOrganizations(fn() -> Params),
    SendSmsVerificationCode(fn() -> b::SendSmVerificationCodeReqBuilder),
    UpdateSubEnterpriseAmount(fn() -> b::TransferEnterpriseMultiAccountReqBuilder),
    ReclaimSubEnterpriseAmount(fn() -> b::RetrieveEnterpriseMultiAccountReqBuilder),
    ClaimEnterpriseMultiAccountCoupon(fn() -> b::TransferEnterpriseMultiAccountCouponReqBuilder),
    ReclaimEnterpriseMultiAccountCoupon(fn() -> b::RetrieveEnterpriseMultiAccountCouponReqBuilder),
    /// A listing operation (by name) and its raw query parameters, given to its setters.
    Query(&'static str, fn() -> Query),
    /// A value no setter takes (an integer beyond `i32`, a text outside a string enum): the
    /// operation's request as received on the wire, checked as the client checks what it
    /// sends.
    Wire(&'static str, fn() -> Wire),
    /// A listing operation's documented parameters with one integer parameter set: through
    /// its setter when the value fits, on the wire otherwise.
    Paging(&'static str, fn() -> Query, &'static str, i64),
    /// A request built into its types without sending it: its JSON form (request body, or
    /// the query parameters as a map), or why it is refused. Example rows only.
    Typed(fn() -> Result<Value, String>),
    /// A request sent through the client's call builder.
    Send(for<'a> fn(&'a Client) -> SendFuture<'a>),
}

/// The query parameters of ListEnterpriseOrganizations, as raw values given to its setters.
#[derive(Default)]
pub(crate) struct Params {
    pub(crate) parent_id: Option<String>,
    pub(crate) recursive_query: Option<i32>,
}

pub(crate) fn rejected(
    name: &'static str,
    field: &'static str,
    keyword: &'static str,
    rule: &'static str,
    call: Call,
) -> Row {
    Row {
        name,
        field,
        keyword,
        rule,
        call,
        expect: Expect::Rejected,
    }
}

pub(crate) fn missing(name: &'static str, field: &'static str, call: Call) -> Row {
    rejected(name, field, "required", "required", call)
}

pub(crate) fn documented_example(call: Call) -> Row {
    Row {
        name: "the documented example",
        field: "",
        keyword: "example",
        rule: "",
        call,
        expect: Expect::DocumentedExample,
    }
}

pub(crate) fn known_gap(
    name: &'static str,
    field: &'static str,
    rule: &'static str,
    call: Call,
) -> Row {
    Row {
        name,
        field,
        keyword: "description",
        rule,
        call,
        expect: Expect::KnownGap,
    }
}

/// A JSON body, as the wire carries it.
pub(crate) fn body(value: Value) -> Wire {
    (Vec::new(), Some(value))
}

/// `value` with the field at the dotted `path` (`a.b`, `a[0].b`) set to `to`.
pub(crate) fn with(mut value: Value, path: &str, to: Value) -> Value {
    let mut at = &mut value;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (
                name,
                Some(
                    rest.trim_end_matches(']')
                        .parse::<usize>()
                        .expect("an index"),
                ),
            ),
            None => (part, None),
        };
        at = &mut at[name];
        if let Some(index) = index {
            at = &mut at[index];
        }
    }
    *at = to;
    value
}

/// The JSON body of a built example with the field at `path` set to `to`, as the wire would
/// carry it.
pub(crate) fn body_with<T: serde::Serialize>(
    built: Result<T, InvalidRequest>,
    path: &str,
    to: Value,
) -> Wire {
    let example = serde_json::to_value(built.expect("the example is valid")).expect("JSON");
    body(with(example, path, to))
}

pub(crate) fn chars(n: usize) -> String {
    "x".repeat(n)
}

// ---------------------------------------------------------------------------------------
// Query parameters
// ---------------------------------------------------------------------------------------

/// Query parameters of a listing operation, as raw values given to its setters (JSON strings
/// and numbers, as the spec's examples are written).
pub(crate) type Query = Vec<(&'static str, Value)>;

pub(crate) fn without(mut query: Query, name: &str) -> Query {
    query.retain(|(key, _)| *key != name);
    query
}

/// `query` with the parameter `name` set to `value` (replaced, or added last).
pub(crate) fn param(mut query: Query, name: &'static str, value: Value) -> Query {
    match query.iter_mut().find(|(key, _)| *key == name) {
        Some(slot) => slot.1 = value,
        None => query.push((name, value)),
    }
    query
}

/// The query as the wire carries it (for values no setter takes).
pub(crate) fn on_wire(query: Query) -> Wire {
    (wire_pairs(&query), None)
}

/// Rows for `offset` (0..=2147483647) and `limit` (1..=100) of a listing operation, on top
/// of its documented parameters.
pub(crate) fn paging_rows(operation: &'static str, base: fn() -> Query) -> Vec<Row> {
    let row = |name, field, keyword, rule, value| {
        rejected(
            name,
            field,
            keyword,
            rule,
            Call::Paging(operation, base, field, value),
        )
    };
    vec![
        row("offset -1", "offset", "minimum", OFFSET_RULE, -1),
        row(
            "offset 2147483648",
            "offset",
            "maximum",
            // Beyond i32: no setter takes it, and the wire check refuses it as no integer of
            // the parameter's type.
            "an integer",
            2_147_483_648,
        ),
        row("limit 0", "limit", "minimum", "from 1 to 100", 0),
        row("limit 101", "limit", "maximum", "from 1 to 100", 101),
    ]
}

pub(crate) const OFFSET_RULE: &str = "from 0 to 2147483647";

/// A string parameter's raw value.
pub(crate) fn text(value: &Value) -> String {
    value.as_str().expect("a string parameter").to_string()
}

/// An array parameter's raw values, as text.
pub(crate) fn texts(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array parameter")
        .iter()
        .map(text)
        .collect()
}

/// An integer parameter's raw value.
pub(crate) fn int(value: &Value) -> i32 {
    let n = value.as_i64().expect("an integer parameter");
    i32::try_from(n).expect("an i32 parameter (larger ones are wire rows)")
}

/// The query parameters as the wire carries them (an array as one key per value).
pub(crate) fn wire_pairs(query: &[(&'static str, Value)]) -> Vec<(&'static str, String)> {
    fn wire_text(value: &Value) -> String {
        match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
    query
        .iter()
        .flat_map(|(name, value)| match value {
            Value::Array(items) => items.iter().map(|item| (*name, wire_text(item))).collect(),
            other => vec![(*name, wire_text(other))],
        })
        .collect()
}

/// Checks a request as received on the wire, as the client checks what it sends.
pub(crate) fn check_wire(operation: &str, (query, body): &Wire) -> Result<(), InvalidRequest> {
    let pairs: Vec<(&str, &str)> = query.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let body = body
        .as_ref()
        .map(|b| serde_json::to_vec(b).expect("JSON bodies serialize"));
    huaweicloud_bss_api::requests::check_wire(operation, &pairs, body.as_deref())
        .unwrap_or_else(|| panic!("{operation} is not in the spec"))
}

/// What the client makes of a listing operation's parameters: checked as the client checks
/// them, back as JSON.
pub(crate) fn typed_query(operation: &str, query: &Query) -> Result<Value, String> {
    check_wire(operation, &(wire_pairs(query), None)).map_err(|e| e.to_string())?;
    Ok(Value::Object(
        query
            .iter()
            .map(|(name, value)| (name.to_string(), value.clone()))
            .collect(),
    ))
}

// ---------------------------------------------------------------------------------------
// Running a row
// ---------------------------------------------------------------------------------------

/// Sends a row's request through the client's call builder.
pub(crate) async fn send(client: &Client, call: &Call) -> Result<(), Error> {
    match call {
        Call::Send(request) => request(client).await,
        Call::CreateSubCustomer(body) => client
            .create_sub_customer()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::CreateSubEnterpriseAccount(body) => client
            .create_sub_enterprise_account()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::CheckUserIdentity(body) => client
            .check_user_identity()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::SendVerificationMessageCode(body) => client
            .send_verification_message_code()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ListSubCustomers(body) => client
            .list_sub_customers()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ListEnterpriseOrganizations(params) => {
            let params = params();
            let mut request = client.list_enterprise_organizations();
            if let Some(parent_id) = params.parent_id {
                request = request.parent_id(parent_id);
            }
            if let Some(recursive_query) = params.recursive_query {
                request = request.recursive_query(recursive_query);
            }
            request.send().await.map(drop)
        }
        Call::SendSmsVerificationCode(body) => client
            .send_sms_verification_code()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::UpdateSubEnterpriseAmount(body) => client
            .update_sub_enterprise_amount()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ReclaimSubEnterpriseAmount(body) => client
            .reclaim_sub_enterprise_amount()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ClaimEnterpriseMultiAccountCoupon(body) => client
            .claim_enterprise_multi_account_coupon()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::ReclaimEnterpriseMultiAccountCoupon(body) => client
            .reclaim_enterprise_multi_account_coupon()
            .body(body())
            .send()
            .await
            .map(drop),
        Call::Query(operation, query) => crate::send_query(client, operation, &query()).await,
        Call::Paging(operation, base, name, value) => {
            crate::send_query(client, operation, &param(base(), name, json!(value))).await
        }
        Call::Wire(..) | Call::Typed(_) => unreachable!("wire and typed rows are not sent"),
    }
}

pub(crate) fn json_of<T: serde::Serialize>(
    typed: Result<T, InvalidRequest>,
) -> Result<Value, String> {
    typed
        .map(|t| serde_json::to_value(t).expect("request types serialize"))
        .map_err(|e| e.to_string())
}

/// What the builders make of a row's request, without any I/O: its JSON form, or why they
/// refuse it.
pub(crate) fn typed(call: &Call) -> Result<Value, String> {
    match call {
        Call::CreateSubCustomer(body) => json_of(body().build()),
        Call::CreateSubEnterpriseAccount(body) => json_of(body().build()),
        Call::CheckUserIdentity(body) => json_of(body().build()),
        Call::SendVerificationMessageCode(body) => json_of(body().build()),
        Call::ListSubCustomers(body) => json_of(body().build()),
        Call::ListEnterpriseOrganizations(params) => {
            let params = params();
            let mut query = Vec::new();
            if let Some(parent_id) = params.parent_id {
                query.push(("parent_id", json!(parent_id)));
            }
            if let Some(recursive_query) = params.recursive_query {
                query.push(("recursive_query", json!(recursive_query)));
            }
            typed_query("ListEnterpriseOrganizations", &query)
        }
        Call::SendSmsVerificationCode(body) => json_of(body().build()),
        Call::UpdateSubEnterpriseAmount(body) => json_of(body().build()),
        Call::ReclaimSubEnterpriseAmount(body) => json_of(body().build()),
        Call::ClaimEnterpriseMultiAccountCoupon(body) => json_of(body().build()),
        Call::ReclaimEnterpriseMultiAccountCoupon(body) => json_of(body().build()),
        Call::Query(operation, query) => typed_query(operation, &query()),
        Call::Wire(operation, wire) => {
            let wire = wire();
            check_wire(operation, &wire).map_err(|e| e.to_string())?;
            Ok(wire.1.unwrap_or(Value::Null))
        }
        Call::Typed(build) => build(),
        Call::Send(_) | Call::Paging(..) => Err("a sent row has no typed form".to_string()),
    }
}

/// Runs one rejecting row: the violation it must report, or what went wrong.
pub(crate) async fn rejection(
    client: &Client,
    operation: &str,
    call: &Call,
) -> Result<InvalidRequest, String> {
    match call {
        Call::Wire(op, wire) => {
            assert_eq!(*op, operation, "a wire row of another operation");
            match check_wire(op, &wire()) {
                Ok(()) => Err("the request was accepted".to_string()),
                Err(e) => Ok(e),
            }
        }
        Call::Paging(op, base, name, value) if i32::try_from(*value).is_err() => {
            assert_eq!(*op, operation, "a paging row of another operation");
            match check_wire(op, &on_wire(param(base(), name, json!(value)))) {
                Ok(()) => Err("the request was accepted".to_string()),
                Err(e) => Ok(e),
            }
        }
        call => match send(client, call).await {
            Err(Error::InvalidRequest(e)) => Ok(*e),
            other => Err(format!("expected Err(InvalidRequest), got {other:?}")),
        },
    }
}

/// Runs one row; `Err` says what is wrong.
pub(crate) async fn check(
    client: &Client,
    operation: &str,
    row: &Row,
    example: &Value,
) -> Result<(), String> {
    match row.expect {
        Expect::Rejected => {
            let error = rejection(client, operation, &row.call).await?;
            if error.operation() != operation {
                return Err(format!("reported for {}", error.operation()));
            }
            if error
                .violations()
                .iter()
                .any(|v| v.field() == row.field && v.rule() == row.rule)
            {
                Ok(())
            } else {
                Err(format!(
                    "no violation `{}: {}` among {:?}",
                    row.field,
                    row.rule,
                    error
                        .violations()
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                ))
            }
        }
        Expect::DocumentedExample => {
            let json = typed(&row.call).map_err(|e| format!("refused: {e}"))?;
            if &json == example {
                Ok(())
            } else {
                Err(format!(
                    "the request differs from the spec's example:\n    built: {json}\n    spec:  {example}"
                ))
            }
        }
        Expect::KnownGap => match typed(&row.call) {
            Ok(_) => Ok(()),
            Err(e) => Err(format!(
                "now rejected ({e}): the gap is closed, make this row `rejected` and remove it \
                 from KNOWN_GAPS"
            )),
        },
    }
}

/// A field path with its indices dropped (`a[0].b` → `a[].b`), as the spec's schema has it.
pub(crate) fn schema_path(field: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Running a table
// ---------------------------------------------------------------------------------------

/// Runs an operation's table against a live simulator: every row as expected, and nothing
/// reached the server.
pub(crate) async fn run_table(operation: &str) {
    let spec = spec::spec();
    let op = huaweicloud_bss::operations::find(operation).expect("a documented operation");
    let example = spec::spec_example(&spec, op);
    let (sim, client) = support::sim_and_client().await;
    let rows = crate::rows(operation);
    let mut failures = Vec::new();
    for row in &rows {
        if let Err(why) = check(&client, operation, row, &example).await {
            failures.push(format!(
                "{:?} ({} {}): {why}",
                row.name, row.field, row.keyword
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{operation}: {} of {} rows failed:\n  {}",
        failures.len(),
        rows.len(),
        failures.join("\n  ")
    );
    assert_eq!(
        sim.requests_served(),
        0,
        "{operation}: a request reached the simulator: {:#?}",
        sim.received()
    );
}

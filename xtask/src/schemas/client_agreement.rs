//! The exported schemas and the client judge the same bodies alike: a form that validates
//! against `schemas/` sends a body the client accepts, and a broken value the schema rejects is
//! rejected by the client too (before sending), except for the documented differences below.
//!
//! It reuses the rows of `tests` and checks each body as the client checks a request.

use serde_json::Value;

use super::tests::{
    Change, apply, boundary_rows, broken_rows, example_with_every_model, operations_with_a_body,
};

/// Checks `body` as the client checks a request of `operation` before sending it (decoding into
/// the generated request type, then every documented rule); `None` for an operation the spec
/// does not have.
fn decode(operation: &str, body: Value) -> Option<Result<(), String>> {
    let bytes = serde_json::to_vec(&body).expect("a JSON value serializes");
    huaweicloud_bss_api::requests::check_wire(operation, &[], Some(&bytes))
        .map(|checked| checked.map_err(|e| e.to_string()))
}

fn decode_known(operation: &str, body: Value) -> Result<(), String> {
    decode(operation, body)
        .unwrap_or_else(|| panic!("{operation} is not an operation of the generated requests"))
}

/// Where the schema is deliberately stricter than the client, by the keyword that rejects the
/// value: `type` for an amount given as a string (the client's amounts also decode a decimal
/// string exactly, but the API documents request amounts as numbers).
fn client_accepts_what_the_schema_rejects(keyword: &str, change: &Change) -> bool {
    match (keyword, change) {
        ("type", Change::Set(Value::String(text))) => text.parse::<f64>().is_ok(),
        _ => false,
    }
}

#[test]
fn every_documented_request_example_decodes_into_the_generated_type() {
    let failures: Vec<String> = operations_with_a_body()
        .iter()
        .filter_map(|(operation, example)| {
            let error = decode_known(operation, example.clone()).err()?;
            Some(format!("{operation}: {error}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_client_rejects_what_the_schema_rejects_apart_from_the_documented_differences() {
    let mut failures = Vec::new();
    for row in broken_rows() {
        let body = apply(
            &example_with_every_model(row.operation),
            row.pointer,
            &row.change,
        );
        let decoded = decode_known(row.operation, body);
        let expect_accepted = client_accepts_what_the_schema_rejects(row.keyword, &row.change);
        if decoded.is_ok() != expect_accepted {
            failures.push(format!(
                "{} {} ({}): the generated type {} it",
                row.operation,
                row.pointer,
                row.keyword,
                if decoded.is_ok() {
                    "accepts"
                } else {
                    "rejects"
                }
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_client_accepts_the_boundary_values_the_schema_accepts() {
    let mut failures = Vec::new();
    for (operation, pointer, value) in boundary_rows() {
        let body = apply(
            &example_with_every_model(operation),
            pointer,
            &Change::Set(value.clone()),
        );
        if let Err(error) = decode_known(operation, body) {
            failures.push(format!("{operation} {pointer} = {value}: {error}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

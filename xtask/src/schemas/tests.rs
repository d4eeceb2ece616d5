//! The checked-in `schemas/` against the spec, judged by a JSON Schema validator (`jsonschema`,
//! draft 2020-12) rather than by the generator's own reading of the files.
//!
//! The operations and their examples are enumerated through the typed OpenAPI model
//! (`openapiv3`), independently of `request_bodies`, so a generator that skipped an operation
//! would fail here.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{Value, json};

use super::document::DIALECT;
use super::request_bodies::file_name;
use crate::generate::spec::Spec;
use crate::workspace;

fn spec_bytes() -> Vec<u8> {
    std::fs::read(workspace::root().join("spec/bss.yaml")).expect("reading spec/bss.yaml")
}

/// `(operationId, documented request example)` of every operation with a request body, read
/// once per test binary.
pub(super) fn operations_with_a_body() -> &'static [(String, Value)] {
    static OPERATIONS: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    OPERATIONS.get_or_init(read_operations_with_a_body)
}

fn read_operations_with_a_body() -> Vec<(String, Value)> {
    let spec = Spec::parse(&spec_bytes()).expect("spec/bss.yaml parses");
    let operations: Vec<_> = spec
        .operations()
        .filter_map(|(_, _, op)| {
            let body = op.request_body.as_ref()?.as_item().expect("inline bodies");
            let id = op.operation_id.clone().expect("every operation has an id");
            let example = body
                .content
                .get("application/json")
                .and_then(|media| media.example.clone())
                .unwrap_or_else(|| panic!("{id}: the request body has no example"));
            Some((id, example))
        })
        .collect();
    assert!(
        operations.len() >= 25,
        "the spec has 25 bodies or more; found {}",
        operations.len()
    );
    operations
}

fn schemas_dir() -> PathBuf {
    workspace::root().join("schemas")
}

fn schema(operation: &str) -> Value {
    let path = schemas_dir().join(file_name(operation));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{operation} takes a request body but {} is missing: run `cargo xtask schemas`",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator(operation: &str) -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema(operation))
        .unwrap_or_else(|e| panic!("{operation}: the schema does not compile: {e}"))
}

fn example(operation: &str) -> Value {
    operations_with_a_body()
        .iter()
        .find(|(id, _)| id == operation)
        .unwrap_or_else(|| panic!("{operation} is not an operation with a request body"))
        .1
        .clone()
}

#[test]
fn every_operation_with_a_request_body_has_a_schema_file_listed_in_the_index() {
    let index = std::fs::read_to_string(schemas_dir().join("README.md"))
        .expect("schemas/README.md exists: run `cargo xtask schemas`");
    for (operation, _) in operations_with_a_body() {
        let file = file_name(operation);
        assert!(
            schemas_dir().join(&file).is_file(),
            "{operation} takes a request body but schemas/{file} is missing: run `cargo xtask schemas`"
        );
        assert!(
            index.contains(&format!("| {operation} | ")) && index.contains(&format!("]({file})")),
            "schemas/README.md does not list {operation} → {file}"
        );
    }
}

#[test]
fn checked_in_schemas_are_what_the_generator_writes() {
    let output = super::generate(&spec_bytes()).expect("the schemas generate");
    let expected: Vec<&String> = output.keys().collect();
    let mut present: Vec<String> = std::fs::read_dir(schemas_dir())
        .expect("schemas/ exists")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    present.sort();
    assert_eq!(
        present.iter().collect::<Vec<_>>(),
        expected,
        "schemas/ holds other files than the generator writes: run `cargo xtask schemas`"
    );
    let stale: Vec<&String> = output
        .iter()
        .filter(|(name, contents)| {
            std::fs::read_to_string(schemas_dir().join(name)).unwrap() != **contents
        })
        .map(|(name, _)| name)
        .collect();
    assert!(
        stale.is_empty(),
        "stale schemas {stale:?}: run `cargo xtask schemas` (`cargo xtask schemas --check` shows the diff)"
    );
}

#[test]
fn every_schema_is_a_valid_draft_2020_12_document() {
    for (operation, _) in operations_with_a_body() {
        let schema = schema(operation);
        assert_eq!(schema["$schema"], json!(DIALECT), "{operation}");
        if let Err(error) = jsonschema::draft202012::meta::validate(&schema) {
            panic!("{operation}: not a valid 2020-12 schema: {error}");
        }
    }
}

#[test]
fn every_documented_request_example_validates_and_is_carried_in_examples() {
    let mut failures = Vec::new();
    for (operation, example) in operations_with_a_body() {
        let validator = validator(operation);
        for error in validator.iter_errors(example) {
            failures.push(format!(
                "{operation} {}: {} ({})",
                error.instance_path(),
                error,
                error.kind().keyword()
            ));
        }
        assert_eq!(
            schema(operation)["examples"],
            json!([example]),
            "{operation}: `examples` is not the spec's request example"
        );
    }
    assert!(
        failures.is_empty(),
        "documented examples rejected:\n{}",
        failures.join("\n")
    );
}

/// How a row changes the documented example.
pub(super) enum Change {
    /// Set the value at the pointer (adding a missing object member, or appending to an
    /// array at index `len`).
    Set(Value),
    /// Remove the member at the pointer.
    Remove,
}

/// One broken value: the operation, where in its documented example, the change, and the
/// keyword that must reject it.
pub(super) struct Broken {
    pub(super) operation: &'static str,
    pub(super) pointer: &'static str,
    pub(super) change: Change,
    pub(super) keyword: &'static str,
}

fn set(
    operation: &'static str,
    pointer: &'static str,
    value: Value,
    keyword: &'static str,
) -> Broken {
    Broken {
        operation,
        pointer,
        change: Change::Set(value),
        keyword,
    }
}

fn remove(operation: &'static str, pointer: &'static str) -> Broken {
    Broken {
        operation,
        pointer,
        change: Change::Remove,
        keyword: "required",
    }
}

fn text(length: usize) -> Value {
    json!("a".repeat(length))
}

fn ids(count: usize) -> Value {
    json!((0..count).map(|i| format!("id{i}")).collect::<Vec<_>>())
}

pub(super) fn broken_rows() -> Vec<Broken> {
    let template_arg = json!({"key": "sub_customer_name", "value": "subuser001"});
    vec![
        // maxLength / minLength, at the root, in a nested object and in array items.
        set("CreateSubCustomer", "/xaccount_id", text(129), "maxLength"),
        set(
            "CreateSubCustomer",
            "/domain_name",
            json!("abcd"),
            "minLength",
        ),
        set(
            "CreateSubEnterpriseAccount",
            "/new_sub_customer/customer_name",
            text(33),
            "maxLength",
        ),
        set(
            "ListSubCustomerNewTag",
            "/customer_ids/0",
            text(65),
            "maxLength",
        ),
        set(
            "ReclaimEnterpriseMultiAccountCoupon",
            "/coupon_id",
            json!(""),
            "minLength",
        ),
        // Secrets keep their lengths.
        set(
            "CreateSubCustomer",
            "/password",
            json!("Short7!"),
            "minLength",
        ),
        set("CreateSubCustomer", "/password", text(33), "maxLength"),
        set(
            "CreateSubCustomer",
            "/verification_code",
            json!("12345"),
            "minLength",
        ),
        set(
            "CreatePersonalRealnameAuth",
            "/bank_card_info/verification_code",
            json!("1234567"),
            "maxLength",
        ),
        // pattern (ECMAScript, with lookaheads).
        set(
            "CreateSubCustomer",
            "/domain_name",
            json!("op_admin"),
            "pattern",
        ),
        set(
            "CreateSubCustomer",
            "/domain_name",
            json!("123456"),
            "pattern",
        ),
        set(
            "CheckUserIdentity",
            "/search_value",
            json!("not an email"),
            "pattern",
        ),
        set(
            "ListSubCustomers",
            "/associated_on_begin",
            json!("2024-13-01T00:00:00Z"),
            "pattern",
        ),
        set(
            "ListSubCustomers",
            "/account_name",
            json!("two words"),
            "pattern",
        ),
        set(
            "CreateEnterpriseRealnameAuthentication",
            "/corp_name",
            json!("12345 !"),
            "pattern",
        ),
        set(
            "CreateEnterpriseRealnameAuthentication",
            "/reg_country",
            json!("cn"),
            "pattern",
        ),
        set(
            "CreatePersonalRealnameAuth",
            "/bank_card_info/bank_account",
            json!("-6222"),
            "pattern",
        ),
        // enum: strings, integers, array items, inside a $defs model.
        set("CheckUserIdentity", "/search_type", json!("phone"), "enum"),
        set(
            "CreateSubCustomer",
            "/is_close_market_ms",
            json!("yes"),
            "enum",
        ),
        set(
            "CreateSubEnterpriseAccount",
            "/sub_customer_association_type",
            json!(2),
            "enum",
        ),
        set(
            "CreateSubEnterpriseAccount",
            "/permission_ids/0",
            json!("WRITE_EVERYTHING"),
            "enum",
        ),
        set(
            "SendSmsVerificationCode",
            "/sm_template_args/0/key",
            json!("other_key"),
            "enum",
        ),
        set("ListQuotaCoupons", "/quota_type", json!(2), "enum"),
        // minimum / maximum and integer type.
        set("ListSubCustomers", "/limit", json!(0), "minimum"),
        set("ListSubCustomers", "/limit", json!(101), "maximum"),
        set("ListSubCustomers", "/offset", json!(-1), "minimum"),
        set(
            "SendVerificationMessageCode",
            "/timeout",
            json!(3001),
            "maximum",
        ),
        set("ListSubCustomers", "/limit", json!(1.5), "type"),
        // Money: more than 0, at most 2 decimals, a JSON number.
        set(
            "UpdateCustomerAccountAmount",
            "/amount",
            json!(0),
            "exclusiveMinimum",
        ),
        set(
            "UpdateCustomerAccountAmount",
            "/amount",
            json!(-5),
            "exclusiveMinimum",
        ),
        set(
            "UpdateCustomerAccountAmount",
            "/amount",
            json!(10.005),
            "multipleOf",
        ),
        set(
            "CreatePartnerCoupons",
            "/face_value",
            json!(0.001),
            "multipleOf",
        ),
        set(
            "UpdateCouponQuotas",
            "/quota_amount",
            json!(1.111),
            "multipleOf",
        ),
        set(
            "UpdateCustomerAccountAmount",
            "/amount",
            json!("10.50"),
            "type",
        ),
        // required: at the root, in a nested model, in array items.
        remove("UpdateCustomerAccountAmount", "/amount"),
        remove("CreateSubCustomer", "/xaccount_type"),
        remove("CreateSubEnterpriseAccount", "/new_sub_customer/password"),
        remove(
            "ListCustomersBalancesDetail",
            "/customer_infos/0/customer_id",
        ),
        remove(
            "CreateEnterpriseRealnameAuthentication",
            "/enterprise_person/legel_name",
        ),
        // maxItems / minItems.
        set(
            "UpdateCouponQuotas",
            "/indirect_partner_ids",
            ids(101),
            "maxItems",
        ),
        set("ReclaimCouponQuotas", "/quota_ids", ids(11), "maxItems"),
        set(
            "CreateEnterpriseRealnameAuthentication",
            "/verified_file_url",
            ids(5),
            "maxItems",
        ),
        set(
            "SendSmsVerificationCode",
            "/sm_template_args",
            json!(vec![template_arg; 7]),
            "maxItems",
        ),
        set(
            "ListCustomersBalancesDetail",
            "/customer_infos",
            json!([]),
            "minItems",
        ),
        // Types of nested models.
        set(
            "CreateSubEnterpriseAccount",
            "/new_sub_customer",
            json!("subuser003"),
            "type",
        ),
    ]
}

/// The documented example, plus a valid instance of every optional model it leaves out, so
/// that rows can break values inside those models too.
pub(super) fn example_with_every_model(operation: &str) -> Value {
    let mut body = example(operation);
    if operation == "CreatePersonalRealnameAuth" && body.get("bank_card_info").is_none() {
        body["bank_card_info"] = json!({
            "bank_account": "6222000000000000",
            "areacode": "0086",
            "mobile": "13800000000",
            "verification_code": "123456"
        });
    }
    body
}

/// Applies a row to a copy of `example`.
pub(super) fn apply(example: &Value, pointer: &str, change: &Change) -> Value {
    let mut body = example.clone();
    let (parent, last) = pointer.rsplit_once('/').expect("pointers start with /");
    let parent = body
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("{pointer}: the example has no {parent}"));
    match (parent, change) {
        (Value::Object(members), Change::Set(value)) => {
            members.insert(last.to_owned(), value.clone());
        }
        (Value::Object(members), Change::Remove) => {
            members
                .remove(last)
                .unwrap_or_else(|| panic!("{pointer}: nothing to remove"));
        }
        (Value::Array(items), Change::Set(value)) => {
            let index: usize = last.parse().unwrap();
            if index == items.len() {
                items.push(value.clone());
            } else {
                items[index] = value.clone();
            }
        }
        (other, _) => panic!("{pointer}: cannot change inside {other}"),
    }
    body
}

#[test]
fn broken_values_are_rejected_by_the_documented_keyword() {
    let mut failures = Vec::new();
    for row in broken_rows() {
        let body = apply(
            &example_with_every_model(row.operation),
            row.pointer,
            &row.change,
        );
        let validator = validator(row.operation);
        let errors: Vec<(String, String, String)> = validator
            .iter_errors(&body)
            .map(|e| {
                (
                    e.instance_path().to_string(),
                    e.kind().keyword().to_owned(),
                    e.to_string(),
                )
            })
            .collect();
        // `required` is reported at the object that lacks the member.
        let expected_at = match row.change {
            Change::Remove => row.pointer.rsplit_once('/').unwrap().0,
            Change::Set(_) => row.pointer,
        };
        let expected = errors
            .iter()
            .any(|(at, keyword, _)| at == expected_at && keyword == row.keyword);
        // Only the broken value may fail, so the row tests what it names.
        let unrelated: Vec<_> = errors
            .iter()
            .filter(|(at, keyword, _)| !(at == expected_at && keyword == row.keyword))
            .collect();
        if !expected || !unrelated.is_empty() {
            failures.push(format!(
                "{} {} expected `{}` at `{expected_at}`; got {errors:?}",
                row.operation, row.pointer, row.keyword
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Values on the documented boundaries, which the schemas must accept.
pub(super) fn boundary_rows() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("UpdateCustomerAccountAmount", "/amount", json!(0.01)),
        ("UpdateCustomerAccountAmount", "/amount", json!(0.29)),
        ("UpdateCustomerAccountAmount", "/amount", json!(19.99)),
        ("UpdateCustomerAccountAmount", "/amount", json!(1234567.89)),
        ("UpdateCustomerAccountAmount", "/amount", json!(100)),
        ("CreatePartnerCoupons", "/face_value", json!(0.07)),
        (
            "CreateSubCustomer",
            "/domain_name",
            json!(format!("a{}", "b".repeat(31))),
        ),
        ("CreateSubCustomer", "/password", text(32)),
        ("CreateSubCustomer", "/password", text(8)),
        ("ListSubCustomers", "/limit", json!(100)),
        ("ListSubCustomers", "/offset", json!(40_000_000)),
        ("UpdateCouponQuotas", "/indirect_partner_ids", ids(100)),
        (
            "CheckUserIdentity",
            "/search_value",
            json!("0086-13800000000"),
        ),
        (
            "CreateEnterpriseRealnameAuthentication",
            "/corp_name",
            json!("华为 2024"),
        ),
        (
            "ChangeEnterpriseRealnameAuthentication",
            "/reg_country",
            json!(""),
        ),
    ]
}

#[test]
fn values_on_the_documented_boundaries_are_accepted() {
    let rows = boundary_rows();
    let mut failures = Vec::new();
    for (operation, pointer, value) in rows {
        let body = apply(
            &example_with_every_model(operation),
            pointer,
            &Change::Set(value.clone()),
        );
        let errors: Vec<String> = validator(operation)
            .iter_errors(&body)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        if !errors.is_empty() {
            failures.push(format!("{operation} {pointer} = {value}: {errors:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn check_fails_on_a_stale_missing_or_extra_file_and_write_repairs_them() {
    let dir = std::env::temp_dir().join(format!("xtask-schemas-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let output = super::generate(&spec_bytes()).expect("the schemas generate");
    super::write(&dir, &output).unwrap();
    super::check(&dir, &output).expect("freshly written files are up to date");

    let some_schema = dir.join(file_name("UpdateCustomerAccountAmount"));
    let edited = std::fs::read_to_string(&some_schema)
        .unwrap()
        .replace("\"multipleOf\": 0.01", "\"multipleOf\": 0.001");
    std::fs::write(&some_schema, edited).unwrap();
    let error = super::check(&dir, &output).unwrap_err().to_string();
    assert!(error.contains("cargo xtask schemas"), "{error}");

    super::write(&dir, &output).unwrap();
    std::fs::remove_file(dir.join(file_name("ListSubCustomers"))).unwrap();
    assert!(
        super::check(&dir, &output).is_err(),
        "a missing file is stale"
    );

    super::write(&dir, &output).unwrap();
    std::fs::write(dir.join(file_name("RemovedOperation")), "{}").unwrap();
    assert!(
        super::check(&dir, &output).is_err(),
        "an extra file is stale"
    );
    super::write(&dir, &output).unwrap();
    assert!(!dir.join(file_name("RemovedOperation")).exists());
    super::check(&dir, &output).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Validation keywords (not annotations) that occur anywhere in a schema.
fn constraint_keywords(schema: &Value, found: &mut std::collections::BTreeSet<String>) {
    const CONSTRAINTS: [&str; 13] = [
        "minLength",
        "maxLength",
        "pattern",
        "enum",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "required",
        "minItems",
        "maxItems",
        "type",
    ];
    match schema {
        Value::Object(members) => {
            for (key, value) in members {
                if CONSTRAINTS.contains(&key.as_str()) {
                    found.insert(key.clone());
                }
                match (key.as_str(), value) {
                    // Data, not schemas.
                    ("examples" | "enum" | "required", _) => {}
                    // Their keys are names, their values schemas.
                    ("properties" | "$defs", Value::Object(named)) => named
                        .values()
                        .for_each(|schema| constraint_keywords(schema, found)),
                    _ => constraint_keywords(value, found),
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|item| constraint_keywords(item, found)),
        _ => {}
    }
}

#[test]
fn every_kind_of_constraint_in_the_schemas_has_a_broken_row() {
    let mut used = std::collections::BTreeSet::new();
    for (operation, _) in operations_with_a_body() {
        constraint_keywords(&schema(operation), &mut used);
    }
    let tested: std::collections::BTreeSet<String> = broken_rows()
        .iter()
        .map(|row| row.keyword.to_owned())
        .collect();
    let untested: Vec<&String> = used.difference(&tested).collect();
    assert!(
        untested.is_empty(),
        "constraints without a row in broken_rows(): {untested:?}"
    );
}

//! The conformance test itself, and table-driven tests of the comparison: a spec fragment
//! against an SDK fragment gives exactly the expected differences.

use serde_json::{Value, json};

use super::check::{Outcome, check, load_and_check};
use super::official::Official;
use crate::generate::spec::Spec;
use crate::workspace;

/// spec/bss.yaml against the committed official description: zero unrecorded differences,
/// zero stale records, every spec operation official unless recorded (`at: operation`).
#[test]
fn spec_matches_the_official_sdk() {
    let outcome = load_and_check(&workspace::root(), None).expect("spec and SDK description load");
    println!("{}", outcome.report());
    if let Err(error) = outcome.verdict() {
        panic!("{error:#}");
    }
}

const SPEC: &str = r#"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /v2/things:
    post:
      operationId: CreateThing
      parameters:
        - {name: limit, in: query, required: false, schema: {type: integer, format: int32}}
        - {name: ids, in: query, required: false, schema: {type: array, items: {type: string}}}
        - {name: X-Language, in: header, required: false, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ThingReq'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ThingResponse'}
components:
  schemas:
    ThingReq:
      type: object
      required: [name]
      properties:
        name: {type: string}
        password: {type: string, format: password}
        amount: {type: number, format: decimal}
        rate: {type: number, format: decimal}
        tags: {type: array, items: {type: string}}
        owner: {$ref: '#/components/schemas/Owner'}
    Owner:
      type: object
      properties:
        id: {type: string}
    ThingResponse:
      type: object
      properties:
        nodes: {type: array, items: {$ref: '#/components/schemas/Node'}}
        count: {type: integer}
    Node:
      type: object
      properties:
        id: {type: string}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
"#;

/// The same operation as the SDK describes it (`rate` is an SDK float, `amount` a decimal;
/// `count` is required in the response, which is not compared).
fn sdk_operation() -> Value {
    let string = json!({"type": "string", "sdk_type": "str"});
    let node_fields = json!([
        {"name": "children", "required": false, "type": "array", "sdk_type": "list[Node]",
         "items": {"type": "object", "model": "Node", "recursive": true}},
        {"name": "id", "required": false, "type": "string"},
    ]);
    json!({
        "id": "CreateThing",
        "method": "POST",
        "path": "/v2/things",
        "path_params": [],
        "query_params": [
            {"name": "ids", "required": false, "repeated": true, "type": "array", "items": string},
            {"name": "limit", "required": false, "repeated": false, "type": "integer"},
        ],
        "header_params": [
            {"name": "X-Language", "required": false, "repeated": false, "type": "string"},
        ],
        "body": {"required": false, "type": "object", "model": "ThingReq", "fields": [
            {"name": "amount", "required": false, "type": "number", "format": "decimal"},
            {"name": "name", "required": true, "type": "string"},
            {"name": "owner", "required": false, "type": "object", "model": "Owner",
             "fields": [{"name": "id", "required": false, "type": "string"}]},
            {"name": "password", "required": false, "type": "string"},
            {"name": "rate", "required": false, "type": "number"},
            {"name": "tags", "required": false, "type": "array", "items": string},
        ]},
        "response": {"type": "object", "model": "ThingResponse", "fields": [
            {"name": "count", "required": true, "type": "integer"},
            {"name": "nodes", "required": false, "type": "array",
             "items": {"type": "object", "model": "Node", "fields": node_fields}},
        ]},
    })
}

enum Change {
    /// Replace the first occurrence of a text in the spec.
    Spec(&'static str, &'static str),
    /// Edit the SDK operation.
    Sdk(fn(&mut Value)),
}

/// The outcome's lines: `accepted|unrecorded|stale: <op> ...`, problems as `problem: ...`.
fn lines(changes: &[Change]) -> (Vec<String>, Outcome) {
    let mut spec = SPEC.to_string();
    let mut sdk = sdk_operation();
    for change in changes {
        match change {
            Change::Spec(from, to) => {
                assert!(spec.contains(from), "test setup: {from:?} not in the spec");
                spec = spec.replacen(from, to, 1);
            }
            Change::Sdk(edit) => edit(&mut sdk),
        }
    }
    let file = json!({"sdk": "test", "operation_count": 1, "operations": [sdk]});
    let official = Official::parse(&file.to_string()).expect("test SDK description parses");
    let spec = Spec::parse(spec.as_bytes()).expect("test spec parses");
    let outcome = check(&spec, &official);
    let mut lines = Vec::new();
    lines.extend(
        outcome
            .accepted
            .iter()
            .map(|(op, d, _)| format!("accepted: {op} {d}")),
    );
    lines.extend(
        outcome
            .unrecorded
            .iter()
            .map(|(op, d)| format!("unrecorded: {op} {d}")),
    );
    lines.extend(
        outcome
            .stale
            .iter()
            .map(|(op, r)| format!("stale: {op} {} {}", r.at, r.kind)),
    );
    lines.extend(outcome.problems.iter().map(|p| format!("problem: {p}")));
    (lines, outcome)
}

#[test]
fn identical_operations_have_no_differences() {
    let (found, outcome) = lines(&[]);
    assert_eq!(found, Vec::<String>::new());
    assert!(outcome.passed());
    assert_eq!(outcome.coverage(), "spec covers 1 of 1 official operations");
}

#[test]
fn each_difference_is_found_and_located() {
    use Change::{Sdk, Spec};
    let cases: Vec<(&str, Vec<Change>, Vec<&str>)> = vec![
        (
            "money as a float where the SDK has a decimal",
            vec![Spec(
                "amount: {type: number, format: decimal}",
                "amount: {type: number, format: double}",
            )],
            vec!["unrecorded: CreateThing body.amount type: sdk=decimal spec=number"],
        ),
        (
            "stricter integer where the SDK has a decimal",
            vec![Spec(
                "amount: {type: number, format: decimal}",
                "amount: {type: integer}",
            )],
            vec!["unrecorded: CreateThing body.amount type: sdk=decimal spec=integer"],
        ),
        (
            "a field the spec lacks",
            vec![Spec(
                "        password: {type: string, format: password}\n",
                "",
            )],
            vec!["unrecorded: CreateThing body.password missing: sdk=string spec=-"],
        ),
        (
            "a field the SDK lacks",
            vec![Spec(
                "        name: {type: string}\n",
                "        name: {type: string}\n        note: {type: string}\n",
            )],
            vec!["unrecorded: CreateThing body.note extra: sdk=- spec=string"],
        ),
        (
            "required on one side only",
            vec![Spec("required: [name]", "required: [name, password]")],
            vec!["unrecorded: CreateThing body.password required: sdk=false spec=true"],
        ),
        (
            "inside a nested model",
            vec![Spec(
                "        id: {type: string}\n    ThingResponse",
                "        id: {type: integer}\n    ThingResponse",
            )],
            vec!["unrecorded: CreateThing body.owner.id type: sdk=string spec=integer"],
        ),
        (
            "inside the items of an array of objects, through a recursive model",
            vec![Spec(
                "        id: {type: string}\n        children",
                "        id: {type: boolean}\n        children",
            )],
            vec!["unrecorded: CreateThing response.nodes[].id type: sdk=string spec=boolean"],
        ),
        (
            "array items",
            vec![Spec(
                "tags: {type: array, items: {type: string}}",
                "tags: {type: array, items: {type: integer}}",
            )],
            vec!["unrecorded: CreateThing body.tags[] type: sdk=string spec=integer"],
        ),
        (
            "object where the SDK has a string: reported once, not descended into",
            vec![Spec(
                "name: {type: string}",
                "name: {type: object, properties: {a: {type: string}}}",
            )],
            vec!["unrecorded: CreateThing body.name type: sdk=string spec=object"],
        ),
        (
            "oneOf is never a match",
            vec![Spec(
                "name: {type: string}",
                "name: {oneOf: [{type: string}]}",
            )],
            vec!["unrecorded: CreateThing body.name type: sdk=string spec=oneOf"],
        ),
        (
            "a query array sent as one comma-separated key",
            vec![Spec(
                "schema: {type: array, items: {type: string}}}",
                "explode: false, schema: {type: array, items: {type: string}}}",
            )],
            vec!["unrecorded: CreateThing query.ids repeated: sdk=true spec=false"],
        ),
        (
            "a query parameter's type and required flag",
            vec![Spec(
                "{name: limit, in: query, required: false, schema: {type: integer, format: int32}}",
                "{name: limit, in: query, required: true, schema: {type: string}}",
            )],
            vec![
                "unrecorded: CreateThing query.limit type: sdk=integer spec=string",
                "unrecorded: CreateThing query.limit required: sdk=false spec=true",
            ],
        ),
        (
            "a query parameter the spec lacks",
            vec![Spec(
                "        - {name: limit, in: query, required: false, schema: {type: integer, format: int32}}\n",
                "",
            )],
            vec!["unrecorded: CreateThing query.limit missing: sdk=integer spec=-"],
        ),
        (
            "a header the spec lacks",
            vec![Spec(
                "        - {name: X-Language, in: header, required: false, schema: {type: string}}\n",
                "",
            )],
            vec!["unrecorded: CreateThing header.X-Language missing: sdk=string spec=-"],
        ),
        (
            "header names are case-insensitive",
            vec![Spec("name: X-Language", "name: x-language")],
            vec![],
        ),
        (
            "another method",
            vec![Spec("    post:", "    put:")],
            vec!["unrecorded: CreateThing method value: sdk=POST spec=PUT"],
        ),
        (
            "another path",
            vec![Spec("/v2/things:", "/v3/things:")],
            vec!["unrecorded: CreateThing path value: sdk=/v2/things spec=/v3/things"],
        ),
        (
            "an operation the SDK does not have",
            vec![Spec("operationId: CreateThing", "operationId: CreateOther")],
            vec!["unrecorded: CreateOther operation extra: sdk=- spec=POST /v2/things"],
        ),
        (
            "204 without a body where the SDK model has fields",
            vec![Spec(
                "'200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/ThingResponse'}",
                "'204':\n          description: ok",
            )],
            vec!["unrecorded: CreateThing response missing: sdk=object spec=-"],
        ),
        (
            "204 without a body where the SDK model has no fields",
            vec![
                Spec(
                    "'200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/ThingResponse'}",
                    "'204':\n          description: ok",
                ),
                Sdk(|op| op["response"]["fields"] = json!([])),
            ],
            vec!["unrecorded: CreateThing response missing: sdk=object spec=-"],
        ),
        (
            "a 200 with an empty object where the SDK model has no fields",
            vec![
                Spec(
                    "schema: {$ref: '#/components/schemas/ThingResponse'}",
                    "schema: {type: object, properties: {}}",
                ),
                Sdk(|op| op["response"]["fields"] = json!([])),
            ],
            vec![],
        ),
        (
            "response fields the SDK lacks",
            vec![Sdk(|op| op["response"]["fields"] = json!([]))],
            vec![
                "unrecorded: CreateThing response.count extra: sdk=- spec=integer",
                "unrecorded: CreateThing response.nodes extra: sdk=- spec=array<object>",
            ],
        ),
        (
            "required flags of response fields are not compared (lenient responses)",
            vec![Spec(
                "      properties:\n        nodes:",
                "      required: [nodes]\n      properties:\n        nodes:",
            )],
            vec![],
        ),
        (
            "a body the SDK does not send",
            vec![Sdk(|op| op["body"] = Value::Null)],
            vec!["unrecorded: CreateThing body extra: sdk=- spec=object"],
        ),
        (
            "a float in the SDK is carried by a spec decimal, a password is a string",
            vec![Sdk(|op| op["body"]["fields"][0]["format"] = Value::Null)],
            vec![],
        ),
        (
            "a recorded difference is accepted",
            vec![
                Spec(
                    "      parameters:",
                    "      x-sdk-differences:\n        - {at: body.amount, kind: type, reason: documented as an integer}\n      parameters:",
                ),
                Spec(
                    "amount: {type: number, format: decimal}",
                    "amount: {type: integer}",
                ),
            ],
            vec!["accepted: CreateThing body.amount type: sdk=decimal spec=integer"],
        ),
        (
            "a record that no longer occurs is stale",
            vec![Spec(
                "      parameters:",
                "      x-sdk-differences:\n        - {at: body.amount, kind: type, reason: documented as an integer}\n      parameters:",
            )],
            vec!["stale: CreateThing body.amount type"],
        ),
        (
            "a record of another kind at the same place does not accept it",
            vec![
                Spec(
                    "      parameters:",
                    "      x-sdk-differences:\n        - {at: query.limit, kind: type, reason: r}\n      parameters:",
                ),
                Spec(
                    "required: false, schema: {type: integer, format: int32}",
                    "required: true, schema: {type: integer, format: int32}",
                ),
            ],
            vec![
                "unrecorded: CreateThing query.limit required: sdk=false spec=true",
                "stale: CreateThing query.limit type",
            ],
        ),
        (
            "a recorded missing operation is accepted and not covered",
            vec![
                Spec(
                    "      parameters:",
                    "      x-sdk-differences:\n        - {at: operation, kind: extra, reason: documented but not in the SDK}\n      parameters:",
                ),
                Spec("operationId: CreateThing", "operationId: CreateOther"),
            ],
            vec!["accepted: CreateOther operation extra: sdk=- spec=POST /v2/things"],
        ),
        (
            "a malformed record is a problem",
            vec![Spec(
                "      parameters:",
                "      x-sdk-differences:\n        - {at: body.amount, kind: renamed, reason: r}\n      parameters:",
            )],
            vec![
                "problem: CreateThing: `x-sdk-differences` body.amount renamed: kind must be one of missing, extra, type, required, repeated, value",
            ],
        ),
    ];
    let mut failures = Vec::new();
    for (name, changes, expected) in cases {
        let expected: Vec<String> = expected.iter().map(|e| e.trim_end().to_string()).collect();
        let (found, outcome) = lines(&changes);
        if found != expected {
            failures.push(format!(
                "{name}:\n  expected {expected:#?}\n  found {found:#?}"
            ));
        }
        assert_eq!(
            outcome.passed(),
            found.iter().all(|l| l.starts_with("accepted")),
            "{name}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn coverage_counts_only_official_operations() {
    let (_, outcome) = lines(&[
        Change::Spec(
            "      parameters:",
            "      x-sdk-differences:\n        - {at: operation, kind: extra, reason: r}\n      parameters:",
        ),
        Change::Spec("operationId: CreateThing", "operationId: CreateOther"),
    ]);
    assert!(outcome.passed(), "{}", outcome.report());
    assert_eq!(outcome.coverage(), "spec covers 0 of 1 official operations");
    assert_eq!(outcome.recorded_extra_operations, 1);
    assert!(
        outcome
            .report()
            .contains("CreateOther operation extra: sdk=- spec=POST /v2/things  [r]")
    );
}

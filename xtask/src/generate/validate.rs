//! Rules the spec must satisfy before anything is generated from it.
//!
//! Each rule protects a promise the generated client makes: unique official operation names,
//! a documentation link per operation, one shared error schema, every error code recorded once,
//! response schemas that never reject a value the server adds or lengthens, and well-formed
//! `x-sdk-differences` records (the conformance test matches them against the official SDK).

use std::collections::BTreeSet;

use anyhow::bail;
use openapiv3::{ReferenceOr, Schema, SchemaKind, StatusCode, Type};

use super::spec::{self, Spec};
use crate::official_sdk::conformance::records;

const ERROR_RESPONSE_REF: &str = "#/components/responses/Error";

pub fn validate(spec: &Spec) -> anyhow::Result<()> {
    let mut problems = Vec::new();
    if !spec.api.openapi.starts_with("3.0.") {
        problems.push(format!(
            "openapi is {:?}; the generator accepts OpenAPI 3.0.x only",
            spec.api.openapi
        ));
    }
    let records = spec.error_codes()?;
    let mut seen_ids = BTreeSet::new();
    let mut used_codes = BTreeSet::new();
    for (path, method, op) in spec.operations() {
        let Some(id) = op.operation_id.as_deref() else {
            problems.push(format!("{method} {path}: no operationId"));
            continue;
        };
        let at = format!("{id} ({} {path})", method.to_uppercase());
        if !seen_ids.insert(id) {
            problems.push(format!("{at}: operationId is not unique"));
        }
        if op
            .external_docs
            .as_ref()
            .is_none_or(|d| !d.url.starts_with("https://"))
        {
            problems.push(format!("{at}: externalDocs with an https URL is required"));
        }
        if op.summary.as_deref().is_none_or(str::is_empty) {
            problems.push(format!("{at}: summary is required"));
        }
        check_responses(&at, op, &mut problems);
        check_reconcile_keys(spec, &at, op, &mut problems);
        let (_, malformed) = records::parse(op.extensions.get(records::EXTENSION));
        problems.extend(malformed.into_iter().map(|p| format!("{at}: {p}")));
        match spec::operation_error_codes(op) {
            Ok(codes) => {
                for code in codes {
                    match records.get(&code) {
                        None => problems.push(format!(
                            "{at}: error code {code} is not recorded in the root `{}`",
                            spec::ERROR_CODES_EXT
                        )),
                        Some(record) if !declares_status(op, record.status) => problems.push(
                            format!("{at}: {code} answers HTTP {} but the operation declares no such response", record.status),
                        ),
                        Some(_) => {}
                    }
                    used_codes.insert(code);
                }
            }
            Err(e) => problems.push(format!("{at}: {e:#}")),
        }
    }
    for (code, record) in &records {
        if record.source.as_deref() != Some("gateway") && !used_codes.contains(code) {
            problems.push(format!(
                "error code {code} is recorded but no operation documents it"
            ));
        }
    }
    check_lenient_responses(spec, &mut problems);
    if let Err(e) = super::values::Values::collect(spec) {
        problems.push(format!("{e:#}"));
    }
    if !problems.is_empty() {
        bail!("spec/bss.yaml is invalid:\n  - {}", problems.join("\n  - "));
    }
    Ok(())
}

/// Reconcile keys belong to writes and name fields of their request body.
fn check_reconcile_keys(
    spec: &Spec,
    at: &str,
    op: &openapiv3::Operation,
    problems: &mut Vec<String>,
) {
    let keys = match spec::reconcile_keys(op) {
        Ok(keys) => keys,
        Err(e) => return problems.push(format!("{at}: {e:#}")),
    };
    if keys.is_empty() {
        return;
    }
    if spec::is_read_only(op) {
        problems.push(format!(
            "{at}: `{}` is for writes; a read-only operation is simply retried",
            spec::RECONCILE_KEYS_EXT
        ));
    }
    let body = spec::request_body_schema(op);
    for key in keys {
        if !body.is_some_and(|schema| spec.has_field(schema, &key)) {
            problems.push(format!(
                "{at}: reconcile key {key} is not a field of the request body"
            ));
        }
    }
}

/// Exactly one success response; every error status uses the shared error response.
fn check_responses(at: &str, op: &openapiv3::Operation, problems: &mut Vec<String>) {
    if op.responses.default.is_some() {
        problems.push(format!(
            "{at}: `default` responses are not allowed; list statuses"
        ));
    }
    let mut successes = 0;
    let mut errors = 0;
    for (status, response) in &op.responses.responses {
        let code = match status {
            StatusCode::Code(code) => *code,
            StatusCode::Range(range) => range * 100,
        };
        if (200..300).contains(&code) {
            successes += 1;
        } else if !matches!(response, ReferenceOr::Reference { reference } if reference == ERROR_RESPONSE_REF)
        {
            problems.push(format!(
                "{at}: response {status} must be `$ref: {ERROR_RESPONSE_REF}`"
            ));
        } else {
            errors += 1;
        }
    }
    if successes != 1 {
        problems.push(format!(
            "{at}: exactly one success response is required, found {successes}"
        ));
    }
    if errors == 0 {
        problems.push(format!("{at}: no error responses are declared"));
    }
}

fn declares_status(op: &openapiv3::Operation, status: u16) -> bool {
    op.responses
        .responses
        .contains_key(&StatusCode::Code(status))
        || op
            .responses
            .responses
            .contains_key(&StatusCode::Range(status / 100))
}

/// Response schemas must not constrain what the server may send.
fn check_lenient_responses(spec: &Spec, problems: &mut Vec<String>) {
    let schemas = spec
        .api
        .components
        .as_ref()
        .map(|c| c.schemas.clone())
        .unwrap_or_default();
    let mut pending: Vec<String> = Vec::new();
    for (_, _, op) in spec.operations() {
        for response in op.responses.responses.values() {
            let Some(response) = response.as_item() else {
                continue;
            };
            for media in response.content.values() {
                if let Some(schema) = &media.schema {
                    collect_refs(schema, &mut pending);
                }
            }
        }
    }
    let mut visited = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if !visited.insert(name.clone()) {
            continue;
        }
        if let Some(ReferenceOr::Item(schema)) = schemas.get(&name) {
            check_lenient_schema(&name, schema, problems);
            collect_refs(&ReferenceOr::Item(schema.clone()), &mut pending);
        }
    }
}

fn check_lenient_schema(at: &str, schema: &Schema, problems: &mut Vec<String>) {
    match &schema.schema_kind {
        // `enum` is allowed: documented values become open enums that keep any other value
        // (`values.rs`), so they never reject one the server adds.
        SchemaKind::Type(Type::String(s))
            if s.min_length.is_some() || s.max_length.is_some() || s.pattern.is_some() =>
        {
            problems.push(format!(
                "response schema {at}: strings must not carry length or pattern"
            ));
        }
        SchemaKind::Type(Type::Integer(i)) if i.minimum.is_some() || i.maximum.is_some() => {
            problems.push(format!(
                "response schema {at}: integers must not carry bounds"
            ));
        }
        SchemaKind::Type(Type::Number(n))
            if n.minimum.is_some()
                || n.maximum.is_some()
                || n.multiple_of.is_some()
                || !n.enumeration.is_empty() =>
        {
            problems.push(format!(
                "response schema {at}: numbers must not carry bounds, multipleOf or enum"
            ));
        }
        SchemaKind::Type(Type::Object(o)) => {
            if o.additional_properties.is_some() {
                problems.push(format!(
                    "response schema {at}: additionalProperties is not allowed"
                ));
            }
            if !o.required.is_empty() {
                problems.push(format!(
                    "response schema {at}: `required` is not allowed in responses"
                ));
            }
            for (name, property) in &o.properties {
                if let ReferenceOr::Item(property) = property {
                    check_lenient_schema(&format!("{at}.{name}"), property, problems);
                }
            }
        }
        SchemaKind::Type(Type::Array(a)) => {
            if a.min_items.is_some() || a.max_items.is_some() {
                problems.push(format!(
                    "response schema {at}: arrays must not carry size bounds"
                ));
            }
            if let Some(ReferenceOr::Item(items)) = &a.items {
                check_lenient_schema(&format!("{at}[]"), items, problems);
            }
        }
        _ => {}
    }
}

/// Names of component schemas referenced anywhere inside `schema`.
fn collect_refs(schema: &ReferenceOr<Schema>, out: &mut Vec<String>) {
    match schema {
        ReferenceOr::Reference { reference } => {
            if let Some(name) = crate::spec_walk::schema_name(reference) {
                out.push(name.to_string());
            }
        }
        ReferenceOr::Item(schema) => match &schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => {
                for property in o.properties.values() {
                    collect_refs(&property.clone().unbox(), out);
                }
            }
            SchemaKind::Type(Type::Array(a)) => {
                if let Some(items) = &a.items {
                    collect_refs(&items.clone().unbox(), out);
                }
            }
            _ => {}
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid one-operation spec; each test breaks one rule of it.
    const VALID: &str = r#"
openapi: 3.0.3
info: {title: t, version: "1"}
x-bss-error-codes:
  CBC.0100: {status: 400, message: Parameter error, message_zh: 参数错误}
  APIGW.0301: {status: 401, message: Bad signature, message_zh: 签名错误, source: gateway}
paths:
  /v2/things:
    post:
      operationId: CreateThing
      summary: Create a thing (创建)
      externalDocs: {url: "https://support.huaweicloud.com/x.html"}
      x-bss-error-codes: [CBC.0100]
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        '400': {$ref: '#/components/responses/Error'}
components:
  responses:
    Error:
      description: error
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Error'}
  schemas:
    Error: {type: object, properties: {error_code: {type: string}}}
    Thing: {type: object, properties: {name: {type: string}}}
"#;

    fn problems(yaml: &str) -> String {
        let spec = Spec::parse(yaml.as_bytes()).expect("test specs parse");
        validate(&spec)
            .map(|()| String::new())
            .unwrap_or_else(|e| format!("{e:#}"))
    }

    #[test]
    fn the_valid_spec_passes() {
        assert_eq!(problems(VALID), "");
    }

    #[test]
    fn each_rule_is_enforced_and_named() {
        let cases = [
            ("openapi: 3.0.3", "openapi: 3.1.0", "OpenAPI 3.0.x only"),
            (
                "      externalDocs: {url: \"https://support.huaweicloud.com/x.html\"}\n",
                "",
                "externalDocs",
            ),
            (
                "      summary: Create a thing (创建)\n",
                "",
                "summary is required",
            ),
            (
                "[CBC.0100]",
                "[CBC.0100, CBC.9999]",
                "CBC.9999 is not recorded",
            ),
            (
                "'400': {$ref: '#/components/responses/Error'}",
                "'401': {$ref: '#/components/responses/Error'}",
                "CBC.0100 answers HTTP 400",
            ),
            (
                "'400': {$ref: '#/components/responses/Error'}",
                "'400': {description: bad}",
                "must be `$ref: #/components/responses/Error`",
            ),
            (
                "name: {type: string}",
                "name: {type: string, maxLength: 5}",
                "response schema Thing.name",
            ),
            (
                "properties: {name: {type: string}}",
                "required: [name], properties: {name: {type: string}}",
                "`required` is not allowed",
            ),
            (
                "      x-bss-error-codes: [CBC.0100]\n",
                "      x-bss-error-codes: [CBC.0100]\n      x-bss-reconcile-keys: [name, nope]\n",
                "reconcile key nope is not a field of the request body",
            ),
            (
                "      x-bss-error-codes: [CBC.0100]\n",
                "      x-bss-error-codes: [CBC.0100]\n      x-bss-read-only: true\n      x-bss-reconcile-keys: [name]\n",
                "a read-only operation is simply retried",
            ),
            (
                "x-bss-error-codes: [CBC.0100]\n",
                "x-bss-error-codes: [CBC.0100]\n      x-sdk-differences: [{at: body.x, kind: renamed, reason: r}]\n",
                "CreateThing (POST /v2/things): `x-sdk-differences` body.x renamed: kind must be one of",
            ),
            (
                "x-bss-error-codes: [CBC.0100]\n",
                "x-bss-error-codes: [CBC.0100]\n      x-sdk-differences: [{at: body.x, kind: type, reason: ''}]\n",
                "reason must not be empty",
            ),
            (
                "x-bss-error-codes: [CBC.0100]\n",
                "x-bss-error-codes: [CBC.0100]\n      x-sdk-differences: [{at: 'body.a b', kind: type, reason: r}]\n",
                "`body.a b`: empty or malformed field name",
            ),
            (
                "x-bss-error-codes: [CBC.0100]\n",
                "x-bss-error-codes: [CBC.0100]\n      x-sdk-differences: {at: body.x, kind: type, reason: r}\n",
                "must be a list of {at, kind, reason}",
            ),
            (
                "message_zh: 参数错误}",
                "message_zh: 参数错误}\n  CBC.0200: {status: 400, message: x, message_zh: y}",
                "CBC.0200 is recorded but no operation",
            ),
        ];
        for (from, to, expected) in cases {
            assert!(VALID.contains(from), "test setup: {from:?} not in the spec");
            let broken = VALID.replacen(from, to, 1);
            let found = problems(&broken);
            assert!(
                found.contains(expected),
                "breaking {from:?} → {to:?}: expected {expected:?}, got:\n{found}"
            );
        }
    }

    #[test]
    fn response_enums_are_allowed_and_must_be_nameable() {
        let string = VALID.replace(
            "name: {type: string}",
            "name: {type: string, enum: [available, used_by_user]}",
        );
        assert_eq!(problems(&string), "");
        let integer = VALID.replace(
            "name: {type: string}",
            "name: {type: integer, enum: [1, 2], x-enum-varnames: [Normal, Frozen]}",
        );
        assert_eq!(problems(&integer), "");
        let unnamed = VALID.replace(
            "name: {type: string}",
            "name: {type: integer, enum: [1, 2]}",
        );
        assert!(
            problems(&unnamed).contains("Thing.name: an integer enum needs `x-enum-varnames`"),
            "{}",
            problems(&unnamed)
        );
        let short = VALID.replace(
            "name: {type: string}",
            "name: {type: integer, enum: [1, 2], x-enum-varnames: [Normal]}",
        );
        assert!(
            problems(&short).contains("must name every value"),
            "{}",
            problems(&short)
        );
        let bounded = VALID.replace("name: {type: string}", "name: {type: integer, maximum: 3}");
        assert!(problems(&bounded).contains("integers must not carry bounds"));
    }

    #[test]
    fn well_formed_sdk_differences_pass() {
        let recorded = VALID.replace(
            "x-bss-error-codes: [CBC.0100]\n",
            "x-bss-error-codes: [CBC.0100]\n      x-sdk-differences:\n        - {at: response.name, kind: type, reason: the docs give a number}\n",
        );
        assert_eq!(problems(&recorded), "");
    }

    #[test]
    fn duplicate_operation_ids_are_refused() {
        let second = VALID.replace("components:\n", "  /v2/other:\n    post:\n      operationId: CreateThing\n      summary: s\n      externalDocs: {url: \"https://x\"}\n      x-bss-error-codes: []\n      responses:\n        '200': {description: ok}\n        '400': {$ref: '#/components/responses/Error'}\ncomponents:\n");
        assert!(
            problems(&second).contains("operationId is not unique"),
            "{}",
            problems(&second)
        );
    }
}

//! The spec as the tables check against it: an operation's documented request example, and
//! every constraint keyword of its request (parameters and body, `$ref`s followed).

use std::collections::BTreeSet;

use huaweicloud_bss::operations::Operation;
use serde_json::{Map, Value};

pub(crate) fn spec() -> serde_yaml::Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/bss.yaml"))
        .expect("spec/bss.yaml is readable");
    serde_yaml::from_str(&text).expect("spec/bss.yaml is YAML")
}

fn spec_operation<'a>(spec: &'a serde_yaml::Value, op: &Operation) -> &'a serde_yaml::Value {
    let doc = &spec["paths"][op.path][op.method.to_lowercase().as_str()];
    assert!(!doc.is_null(), "{} is in the spec", op.id);
    doc
}

/// The request example of an operation: its body example, or its parameters' examples.
pub(crate) fn spec_example(spec: &serde_yaml::Value, op: &Operation) -> Value {
    let doc = spec_operation(spec, op);
    let body = &doc["requestBody"]["content"]["application/json"]["example"];
    if !body.is_null() {
        return serde_json::to_value(body).expect("examples are JSON");
    }
    let mut params = Map::new();
    for p in doc["parameters"].as_sequence().into_iter().flatten() {
        if !p["example"].is_null() {
            let name = p["name"].as_str().expect("parameters are named");
            params.insert(
                name.to_string(),
                serde_json::to_value(&p["example"]).expect("examples are JSON"),
            );
        }
    }
    Value::Object(params)
}

const KEYWORDS: [&str; 6] = [
    "minLength",
    "maxLength",
    "pattern",
    "enum",
    "minimum",
    "maximum",
];

fn resolve<'a>(
    spec: &'a serde_yaml::Value,
    schema: &'a serde_yaml::Value,
) -> &'a serde_yaml::Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference
                .strip_prefix("#/components/schemas/")
                .expect("local schema reference");
            &spec["components"]["schemas"][name]
        }
        None => schema,
    }
}

fn keywords_of(schema: &serde_yaml::Value, field: &str, out: &mut BTreeSet<String>) {
    for keyword in KEYWORDS {
        if !schema[keyword].is_null() {
            out.insert(format!("{field} {keyword}"));
        }
    }
}

fn walk(
    spec: &serde_yaml::Value,
    schema: &serde_yaml::Value,
    prefix: &str,
    out: &mut BTreeSet<String>,
) {
    let schema = resolve(spec, schema);
    for required in schema["required"].as_sequence().into_iter().flatten() {
        let name = required.as_str().expect("required names are strings");
        out.insert(format!("{prefix}{name} required"));
    }
    let Some(properties) = schema["properties"].as_mapping() else {
        return;
    };
    for (name, property) in properties {
        let field = format!(
            "{prefix}{}",
            name.as_str().expect("property names are strings")
        );
        if !property["$ref"].is_null() {
            walk(spec, property, &format!("{field}."), out);
            continue;
        }
        keywords_of(property, &field, out);
        if !property["items"].is_null() {
            let items = resolve(spec, &property["items"]);
            keywords_of(items, &format!("{field}[]"), out);
            if !items["properties"].is_null() {
                walk(spec, items, &format!("{field}[]."), out);
            }
        }
    }
}

/// Every constraint of an operation's request, as `field keyword`.
pub(crate) fn spec_constraints(spec: &serde_yaml::Value, op: &Operation) -> BTreeSet<String> {
    let doc = spec_operation(spec, op);
    let mut out = BTreeSet::new();
    for p in doc["parameters"].as_sequence().into_iter().flatten() {
        let name = p["name"].as_str().expect("parameters are named");
        if p["required"].as_bool() == Some(true) {
            out.insert(format!("{name} required"));
        }
        keywords_of(&p["schema"], name, &mut out);
    }
    let body = &doc["requestBody"]["content"]["application/json"]["schema"];
    if !body.is_null() {
        walk(spec, body, "", &mut out);
    }
    out
}

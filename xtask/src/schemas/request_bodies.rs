//! The request bodies of the spec, read from the YAML tree so that mappings keep the spec's order
//! (properties in documentation order, examples as written).

use anyhow::{Context, bail};
use serde_yaml::{Mapping, Value};

use crate::spec_walk;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// One operation that takes a JSON request body.
pub struct RequestBody<'a> {
    pub operation_id: &'a str,
    /// Upper case, e.g. `POST`.
    pub method: String,
    pub path: &'a str,
    pub summary: &'a str,
    pub docs_url: Option<&'a str>,
    /// The component schema of the body (`#/components/schemas/<model>`).
    pub model: &'a str,
    /// The documented request example (spec rule 8).
    pub example: &'a Value,
}

impl RequestBody<'_> {
    /// The schema file, relative to `schemas/`.
    pub fn file_name(&self) -> String {
        file_name(self.operation_id)
    }
}

/// `<OperationId>.request.json`.
pub fn file_name(operation_id: &str) -> String {
    format!("{operation_id}.request.json")
}

/// Every operation with a request body, in spec order.
pub fn request_bodies(spec: &Value) -> anyhow::Result<Vec<RequestBody<'_>>> {
    let paths = spec
        .get("paths")
        .and_then(Value::as_mapping)
        .context("the spec has no `paths` mapping")?;
    let mut bodies = Vec::new();
    for (path, item) in paths {
        let path = path.as_str().context("a path that is not a string")?;
        let item = item
            .as_mapping()
            .with_context(|| format!("paths.{path} is not a mapping"))?;
        for (method, operation) in item {
            let Some(method) = method.as_str().filter(|m| METHODS.contains(m)) else {
                continue;
            };
            if let Some(body) = request_body(path, method, operation)? {
                bodies.push(body);
            }
        }
    }
    Ok(bodies)
}

fn request_body<'a>(
    path: &'a str,
    method: &str,
    operation: &'a Value,
) -> anyhow::Result<Option<RequestBody<'a>>> {
    let at = format!("{} {path}", method.to_uppercase());
    let Some(body) = operation.get("requestBody") else {
        return Ok(None);
    };
    let operation_id = text(operation, "operationId", &at)?;
    let json = body
        .get("content")
        .and_then(|c| c.get("application/json"))
        .with_context(|| format!("{operation_id}: the request body has no application/json"))?;
    let reference = json
        .get("schema")
        .and_then(|s| s.get("$ref"))
        .and_then(Value::as_str)
        .with_context(|| format!("{operation_id}: the request body schema is not a `$ref`"))?;
    let Some(model) = spec_walk::schema_name(reference) else {
        bail!("{operation_id}: `{reference}` is not a component schema");
    };
    Ok(Some(RequestBody {
        operation_id,
        method: method.to_uppercase(),
        path,
        summary: text(operation, "summary", operation_id)?,
        docs_url: operation
            .get("externalDocs")
            .and_then(|d| d.get("url"))
            .and_then(Value::as_str),
        model,
        example: json
            .get("example")
            .with_context(|| format!("{operation_id}: the request body has no example"))?,
    }))
}

fn text<'a>(value: &'a Value, key: &str, at: &str) -> anyhow::Result<&'a str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .with_context(|| format!("{at}: `{key}` is missing or not a string"))
}

/// `components.schemas` of the spec.
pub fn components(spec: &Value) -> anyhow::Result<&Mapping> {
    spec.get("components")
        .and_then(|c| c.get("schemas"))
        .and_then(Value::as_mapping)
        .context("the spec has no `components.schemas` mapping")
}

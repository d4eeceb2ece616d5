//! The committed description of the official SDK (`cargo xtask sdk-models`) as shapes.

use std::collections::BTreeMap;

use anyhow::{Context, bail};
use serde::Deserialize;

use super::shape::{Field, Node, Operation, Param, Ty};

/// The official operations by id.
pub(super) struct Official {
    /// `huaweicloudsdkbss==<version>`.
    pub sdk: String,
    pub operations: BTreeMap<String, Operation>,
}

#[derive(Deserialize)]
struct File {
    sdk: String,
    operation_count: usize,
    operations: Vec<RawOperation>,
}

#[derive(Deserialize)]
struct RawOperation {
    id: String,
    method: String,
    path: String,
    path_params: Vec<RawParam>,
    query_params: Vec<RawParam>,
    header_params: Vec<RawParam>,
    body: Option<RawNode>,
    response: RawNode,
}

#[derive(Deserialize)]
struct RawParam {
    name: String,
    required: bool,
    repeated: bool,
    #[serde(flatten)]
    node: RawNode,
}

#[derive(Deserialize)]
struct RawNode {
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    items: Option<Box<RawNode>>,
    #[serde(default)]
    fields: Option<Vec<RawField>>,
}

#[derive(Deserialize)]
struct RawField {
    name: String,
    required: bool,
    #[serde(flatten)]
    node: RawNode,
}

impl Official {
    pub(super) fn parse(json: &str) -> anyhow::Result<Self> {
        let file: File = serde_json::from_str(json).context("not an SDK models description")?;
        if file.operation_count != file.operations.len() {
            bail!(
                "operation_count {} but {} operations",
                file.operation_count,
                file.operations.len()
            );
        }
        let mut operations = BTreeMap::new();
        for raw in file.operations {
            let id = raw.id.clone();
            if operations.insert(id.clone(), operation(raw)).is_some() {
                bail!("operation {id} is described twice");
            }
        }
        Ok(Official {
            sdk: file.sdk,
            operations,
        })
    }
}

fn operation(raw: RawOperation) -> Operation {
    let params = |raw: Vec<RawParam>, fold_case: bool| {
        raw.into_iter()
            .map(|p| {
                let key = if fold_case {
                    p.name.to_ascii_lowercase()
                } else {
                    p.name.clone()
                };
                let param = Param {
                    name: p.name,
                    required: p.required,
                    repeated: p.repeated,
                    node: node(p.node),
                };
                (key, param)
            })
            .collect()
    };
    Operation {
        method: raw.method.to_ascii_uppercase(),
        path: raw.path,
        path_params: params(raw.path_params, false),
        query: params(raw.query_params, false),
        headers: params(raw.header_params, true),
        body: raw.body.map(node),
        response: Some(node(raw.response)),
    }
}

fn node(raw: RawNode) -> Node {
    let ty = match (raw.ty.as_str(), raw.format.as_deref()) {
        ("string", _) => Ty::String,
        ("integer", _) => Ty::Integer,
        ("number", Some("decimal")) => Ty::Decimal,
        ("number", _) => Ty::Number,
        ("boolean", _) => Ty::Boolean,
        ("array", _) => Ty::Array,
        ("object", _) => Ty::Object,
        (other, _) => Ty::Other(other.to_string()),
    };
    Node {
        ty,
        items: raw.items.map(|items| Box::new(node(*items))),
        fields: raw.fields.map(|fields| {
            fields
                .into_iter()
                .map(|f| {
                    let field = Field {
                        required: f.required,
                        node: node(f.node),
                    };
                    (f.name, field)
                })
                .collect()
        }),
    }
}

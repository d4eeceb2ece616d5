//! Loading spec/bss.yaml and reading the project's vendor extensions from it.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use openapiv3::OpenAPI;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::spec_walk::{SpecWalk, schema_name};

/// Root extension: every documented error code, recorded once.
pub const ERROR_CODES_EXT: &str = "x-bss-error-codes";
/// Operation extension: the codes an operation documents (keys of the root record).
pub const OPERATION_ERROR_CODES_EXT: &str = "x-bss-error-codes";
/// Operation extension: the operation only reads, so repeating it is harmless.
pub const READ_ONLY_EXT: &str = "x-bss-read-only";

pub struct Spec {
    pub api: OpenAPI,
    /// Hex SHA-256 of the spec file's bytes, named in every generated file's header.
    pub sha256: String,
}

/// One entry of the root error-code record.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorCodeRecord {
    pub status: u16,
    pub message: String,
    pub message_zh: String,
    /// `gateway` for API gateway codes (APIGW.*); absent for BSS business codes.
    #[serde(default)]
    pub source: Option<String>,
}

impl Spec {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        Self::parse(&bytes)
            .with_context(|| format!("{} is not an OpenAPI 3.0 document", path.display()))
    }

    pub fn parse(bytes: &[u8]) -> anyhow::Result<Self> {
        let api: OpenAPI = serde_yaml::from_slice(bytes)?;
        Ok(Self {
            api,
            sha256: hex::encode(Sha256::digest(bytes)),
        })
    }

    pub fn error_codes(&self) -> anyhow::Result<BTreeMap<String, ErrorCodeRecord>> {
        let value = self
            .api
            .extensions
            .get(ERROR_CODES_EXT)
            .with_context(|| format!("the spec root has no `{ERROR_CODES_EXT}` record"))?;
        serde_json::from_value(value.clone())
            .with_context(|| format!("`{ERROR_CODES_EXT}` is not a map of code → record"))
    }

    /// Every operation in path order: (path, method, operation).
    pub fn operations(&self) -> impl Iterator<Item = (&str, &str, &openapiv3::Operation)> {
        self.api.paths.paths.iter().flat_map(|(path, item)| {
            let item = item.as_item().expect("validated: no path-item references");
            item.iter()
                .map(move |(method, op)| (path.as_str(), method, op))
        })
    }
}

/// Every operation of `api`, to change in place (a view of the spec made for one generator).
/// Path-item references are skipped: validation refuses them.
pub fn operations_mut(
    api: &mut openapiv3::OpenAPI,
) -> impl Iterator<Item = &mut openapiv3::Operation> {
    api.paths
        .paths
        .values_mut()
        .filter_map(|item| match item {
            openapiv3::ReferenceOr::Item(item) => Some(item),
            openapiv3::ReferenceOr::Reference { .. } => None,
        })
        .flat_map(|item| {
            [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.options,
                &mut item.head,
                &mut item.patch,
                &mut item.trace,
            ]
            .into_iter()
            .flatten()
        })
}

/// The error codes an operation documents.
pub fn operation_error_codes(op: &openapiv3::Operation) -> anyhow::Result<Vec<String>> {
    let value = op
        .extensions
        .get(OPERATION_ERROR_CODES_EXT)
        .with_context(|| format!("`{OPERATION_ERROR_CODES_EXT}` is missing"))?;
    serde_json::from_value(value.clone())
        .with_context(|| format!("`{OPERATION_ERROR_CODES_EXT}` must be a list of codes"))
}

pub fn is_read_only(op: &openapiv3::Operation) -> bool {
    op.extensions
        .get(READ_ONLY_EXT)
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false)
}

/// Operation extension: top-level request body fields that identify what a write creates, so
/// that a caller whose call ended with an unknown outcome can look it up.
pub const RECONCILE_KEYS_EXT: &str = "x-bss-reconcile-keys";

pub fn reconcile_keys(op: &openapiv3::Operation) -> anyhow::Result<Vec<String>> {
    match op.extensions.get(RECONCILE_KEYS_EXT) {
        None => Ok(Vec::new()),
        Some(value) => serde_json::from_value(value.clone())
            .with_context(|| format!("`{RECONCILE_KEYS_EXT}` must be a list of field names")),
    }
}

/// The component schema of the operation's JSON request body, when it is a `$ref`.
pub fn request_body_schema(op: &openapiv3::Operation) -> Option<&str> {
    let body = op.request_body.as_ref()?.as_item()?;
    match body.content.get("application/json")?.schema.as_ref()? {
        openapiv3::ReferenceOr::Reference { reference } => schema_name(reference),
        openapiv3::ReferenceOr::Item(_) => None,
    }
}

/// The component schema of the operation's 2xx JSON response, when it is a `$ref`.
pub fn success_response_schema(op: &openapiv3::Operation) -> Option<&str> {
    op.responses
        .responses
        .iter()
        .find_map(|(status, response)| {
            let success =
                matches!(status, openapiv3::StatusCode::Code(code) if (200..300).contains(code));
            let response = response.as_item().filter(|_| success)?;
            match response.content.get("application/json")?.schema.as_ref()? {
                openapiv3::ReferenceOr::Reference { reference } => schema_name(reference),
                openapiv3::ReferenceOr::Item(_) => None,
            }
        })
}

impl Spec {
    pub fn schema(&self, name: &str) -> Option<&openapiv3::Schema> {
        self.walk().model(name)
    }

    /// Follows this spec's references.
    pub fn walk(&self) -> SpecWalk<'_> {
        SpecWalk::new(self.api.components.as_ref())
    }

    /// Dotted paths of the `format: password` fields reachable from the schema `name` (array
    /// items are entered transparently), e.g. `new_sub_customer.password`.
    pub fn secret_fields(&self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(schema) = self.schema(name) {
            self.collect_secrets(schema, "", &mut out, 0);
        }
        out
    }

    /// Whether the dotted path `field` names a property reachable from the schema `name`.
    pub fn has_field(&self, name: &str, field: &str) -> bool {
        use openapiv3::{SchemaKind, Type};
        let mut schema = self.schema(name);
        for segment in field.split('.') {
            let properties = match schema.map(|s| &s.schema_kind) {
                Some(SchemaKind::Type(Type::Object(object))) => &object.properties,
                _ => return false,
            };
            schema = properties.get(segment).and_then(|p| self.resolve(p));
        }
        schema.is_some()
    }

    fn resolve<'a>(
        &'a self,
        schema: &'a openapiv3::ReferenceOr<Box<openapiv3::Schema>>,
    ) -> Option<&'a openapiv3::Schema> {
        self.walk()
            .schema(schema)
            .ok()
            .map(|resolved| resolved.schema)
    }

    fn collect_secrets(
        &self,
        schema: &openapiv3::Schema,
        prefix: &str,
        out: &mut Vec<String>,
        depth: usize,
    ) {
        use openapiv3::{SchemaKind, Type, VariantOrUnknownOrEmpty};
        // Request schemas are trees a few levels deep; the bound only guards against a cycle.
        if depth > 16 {
            return;
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => {
                for (field, property) in &object.properties {
                    let Some(property) = self.resolve(property) else {
                        continue;
                    };
                    let path = if prefix.is_empty() {
                        field.clone()
                    } else {
                        format!("{prefix}.{field}")
                    };
                    match &property.schema_kind {
                        SchemaKind::Type(Type::String(s))
                            if s.format == VariantOrUnknownOrEmpty::Unknown("password".into())
                                || matches!(
                                    s.format,
                                    VariantOrUnknownOrEmpty::Item(
                                        openapiv3::StringFormat::Password
                                    )
                                ) =>
                        {
                            out.push(path)
                        }
                        _ => self.collect_secrets(property, &path, out, depth + 1),
                    }
                }
            }
            SchemaKind::Type(Type::Array(array)) => {
                if let Some(items) = array.items.as_ref().and_then(|i| self.resolve(i)) {
                    self.collect_secrets(items, prefix, out, depth + 1);
                }
            }
            _ => {}
        }
    }
}

//! Loading spec/bss.yaml and reading the project's vendor extensions from it.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use openapiv3::OpenAPI;
use serde::Deserialize;
use sha2::{Digest, Sha256};

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

//! The client proper: progenitor over a generation view of the spec.

use std::collections::BTreeSet;

use anyhow::{Context, bail};
use openapiv3::{ReferenceOr, Schema, SchemaKind, StatusCode, Type};
use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;

use super::spec::Spec;

/// The hand-written type that every `format: password` request field becomes; its const
/// parameters carry the field's length bounds, so validation and redaction live in one place.
const SECRET_TYPE: &str = "huaweicloud_bss_runtime::Secret";

pub fn generate(spec: &Spec) -> anyhow::Result<proc_macro2::TokenStream> {
    let view = generation_view(spec);
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_hooks(HooksMode::Expected)
        .with_inner_type(quote! { huaweicloud_bss_runtime::Context })
        .with_derive("PartialEq");
    for bounds in secret_schemas(&view)? {
        settings.with_conversion(
            bounds.schema_object()?,
            format!("{SECRET_TYPE}<{}, {}>", bounds.min, bounds.max),
            [TypeImpl::FromStr].into_iter(),
        );
    }
    let mut generator = Generator::new(&settings);
    let client = generator
        .generate_tokens(&view)
        .map_err(|e| anyhow::anyhow!("progenitor: {e}"))?;
    Ok(quote! {
        //! Generated client for the Huawei Cloud BSS partner API.
        //!
        //! Do not depend on this crate directly: `huaweicloud-bss` configures credentials,
        //! signing and errors, and re-exports everything here.
        #![allow(clippy::all, clippy::pedantic, missing_docs, unused_imports)]

        pub mod error_codes;
        mod hooks;
        pub mod operations;

        #client
    })
}

/// What progenitor sees: the spec without its error responses.
///
/// Progenitor decodes typed error bodies itself and, when a body is not JSON (an HTML page
/// from a proxy, an empty 500), reports the bytes without the HTTP status. Leaving errors
/// undeclared routes every non-2xx answer to `Error::UnexpectedResponse`, which keeps the
/// whole response, so the runtime decodes all errors against the spec's shared schema.
fn generation_view(spec: &Spec) -> openapiv3::OpenAPI {
    let mut view = spec.api.clone();
    for item in view.paths.paths.values_mut() {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.options,
            &mut item.head,
            &mut item.patch,
            &mut item.trace,
        ];
        for op in operations.into_iter().flatten() {
            op.responses.responses.retain(|status, _| match status {
                StatusCode::Code(code) => (200..300).contains(code),
                StatusCode::Range(range) => *range == 2,
            });
        }
    }
    view
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct SecretBounds {
    min: usize,
    max: usize,
}

impl SecretBounds {
    /// The schema exactly as progenitor hands it to typify, which matches conversions by
    /// equality (ignoring descriptions).
    fn schema_object(&self) -> anyhow::Result<schemars08::schema::SchemaObject> {
        let mut json =
            serde_json::json!({"type": "string", "format": "password", "maxLength": self.max});
        if self.min > 0 {
            json["minLength"] = self.min.into();
        }
        serde_json::from_value(json).context("building the secret schema")
    }
}

/// Length bounds of every `format: password` string in request schemas.
fn secret_schemas(api: &openapiv3::OpenAPI) -> anyhow::Result<BTreeSet<SecretBounds>> {
    let mut found = BTreeSet::new();
    let mut visit = |at: &str, schema: &Schema| -> anyhow::Result<()> {
        let SchemaKind::Type(Type::String(s)) = &schema.schema_kind else {
            return Ok(());
        };
        if s.format != openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Password) {
            return Ok(());
        }
        if s.pattern.is_some() || !s.enumeration.is_empty() || schema.schema_data.nullable {
            bail!("{at}: a password field may carry only minLength/maxLength");
        }
        let Some(max) = s.max_length else {
            bail!("{at}: a password field needs maxLength");
        };
        found.insert(SecretBounds {
            min: s.min_length.unwrap_or(0),
            max,
        });
        Ok(())
    };
    for (name, schema) in api.components.iter().flat_map(|c| &c.schemas) {
        if let ReferenceOr::Item(schema) = schema {
            walk(name, schema, &mut visit)?;
        }
    }
    Ok(found)
}

fn walk(
    at: &str,
    schema: &Schema,
    visit: &mut impl FnMut(&str, &Schema) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    visit(at, schema)?;
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            for (name, property) in &o.properties {
                if let ReferenceOr::Item(property) = property {
                    walk(&format!("{at}.{name}"), property, visit)?;
                }
            }
        }
        SchemaKind::Type(Type::Array(a)) => {
            if let Some(ReferenceOr::Item(items)) = &a.items {
                walk(&format!("{at}[]"), items, visit)?;
            }
        }
        _ => {}
    }
    Ok(())
}

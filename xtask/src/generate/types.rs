//! The request and response types: progenitor (through typify) over a view of the spec without
//! error responses and without the rules of request fields.
//!
//! The rules are left out of the types on purpose: a field is a plain `String`, integer or
//! `huaweicloud_bss_runtime::Amount`, so callers set plain values, and the generated
//! request builders check every documented rule when a request is sent, reporting every broken
//! rule with the field's full path (see `rules.rs`). Typify would instead make a newtype per
//! constrained field whose errors name neither the field nor, for patterns, a readable rule.

use anyhow::Context;
use openapiv3::{ReferenceOr, Schema, SchemaKind, StatusCode, Type};
use progenitor::{GenerationSettings, Generator, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;

use super::spec::Spec;
use super::values::Values;

/// `format: password` strings: redacted in `Debug`.
const SECRET_TYPE: &str = "huaweicloud_bss_runtime::Secret";
/// `format: decimal` numbers: exact money instead of `f64`.
const AMOUNT_TYPE: &str = "huaweicloud_bss_runtime::Amount";

/// The `types` module: every schema of the spec, and the inline ones of parameters and fields.
pub fn generate(spec: &Spec) -> anyhow::Result<proc_macro2::TokenStream> {
    let view = generation_view(spec)?;
    let mut generator = Generator::new(&settings(spec)?);
    // Progenitor registers the types of parameters and inline schemas while it generates its
    // client; the client itself is not used (the request builders are ours).
    generator
        .generate_tokens(&view)
        .map_err(|e| anyhow::anyhow!("progenitor: {e}"))?;
    let types = generator.get_type_space().to_stream();
    Ok(quote! {
        /// Request and response types of every operation, generated from the spec.
        ///
        /// Request fields hold plain values; their documented rules are checked when the
        /// request is sent (see the request builders).
        #[allow(clippy::all, clippy::pedantic, missing_docs)]
        pub mod types {
            #types
        }
    })
}

/// Progenitor's settings, shared by every generator that names the types (the httpmock
/// extension must spell each type exactly as the requests do).
pub(super) fn settings(spec: &Spec) -> anyhow::Result<GenerationSettings> {
    let mut settings = GenerationSettings::new();
    settings
        // Positional: typify makes no builders of its own (ours check the rules).
        .with_interface(InterfaceStyle::Positional)
        .with_tag(TagStyle::Merged)
        .with_derive("PartialEq");
    let secret = serde_json::json!({"type": "string", "format": "password"});
    let amount = serde_json::json!({"type": "number", "format": "decimal"});
    for (json, type_name) in [(secret, SECRET_TYPE), (amount, AMOUNT_TYPE)] {
        let schema: schemars08::schema::SchemaObject =
            serde_json::from_value(json).context("building a conversion schema")?;
        settings.with_conversion(schema, type_name, std::iter::empty::<TypeImpl>());
    }
    // Documented response values: open enums (`values.rs`).
    Values::collect(spec)?.register(&mut settings);
    Ok(settings)
}

/// What progenitor sees: the spec without its error responses, and with no rule keywords on
/// request fields or parameters (string enums stay: they become Rust enums).
///
/// Error responses are left out because the client decodes every non-2xx answer itself,
/// against the spec's shared error schema, whatever its body.
pub(super) fn generation_view(spec: &Spec) -> anyhow::Result<openapiv3::OpenAPI> {
    let mut view = without_rules(spec)?;
    for op in super::spec::operations_mut(&mut view) {
        op.responses.responses.retain(|status, _| match status {
            StatusCode::Code(code) => (200..300).contains(code),
            StatusCode::Range(range) => *range == 2,
        });
    }
    Ok(view)
}

/// The spec with no rule keywords on fields or parameters (the types the mocks name), and
/// each response field with documented values marked for its open enum (`values.rs`).
pub(super) fn without_rules(spec: &Spec) -> anyhow::Result<openapiv3::OpenAPI> {
    let mut view = spec.api.clone();
    for op in super::spec::operations_mut(&mut view) {
        for parameter in &mut op.parameters {
            let ReferenceOr::Item(parameter) = parameter else {
                continue;
            };
            let data = match parameter {
                openapiv3::Parameter::Query { parameter_data, .. }
                | openapiv3::Parameter::Header { parameter_data, .. }
                | openapiv3::Parameter::Path { parameter_data, .. }
                | openapiv3::Parameter::Cookie { parameter_data, .. } => parameter_data,
            };
            if let openapiv3::ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) =
                &mut data.format
            {
                strip_rules(schema);
            }
        }
    }
    for schema in view
        .components
        .iter_mut()
        .flat_map(|c| c.schemas.values_mut())
    {
        if let ReferenceOr::Item(schema) = schema {
            strip_rules(schema);
        }
    }
    Values::collect(spec)?.mark(&mut view);
    Ok(view)
}

/// Removes the keywords that constrain a value (they are checked by the request builders).
fn strip_rules(schema: &mut Schema) {
    match &mut schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            s.min_length = None;
            s.max_length = None;
            s.pattern = None;
        }
        SchemaKind::Type(Type::Integer(i)) => {
            i.minimum = None;
            i.maximum = None;
            i.exclusive_minimum = false;
            i.exclusive_maximum = false;
            i.multiple_of = None;
            i.enumeration.clear();
        }
        SchemaKind::Type(Type::Number(n)) => {
            n.minimum = None;
            n.maximum = None;
            n.exclusive_minimum = false;
            n.exclusive_maximum = false;
            n.multiple_of = None;
        }
        SchemaKind::Type(Type::Object(o)) => {
            for property in o.properties.values_mut() {
                if let ReferenceOr::Item(property) = property {
                    strip_rules(property);
                }
            }
        }
        SchemaKind::Type(Type::Array(a)) => {
            a.min_items = None;
            a.max_items = None;
            if let Some(ReferenceOr::Item(items)) = &mut a.items {
                strip_rules(items);
            }
        }
        _ => {}
    }
}

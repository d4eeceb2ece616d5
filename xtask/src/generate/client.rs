//! The client proper: progenitor over a generation view of the spec.

use std::collections::BTreeSet;

use anyhow::{Context, bail};
use openapiv3::{ReferenceOr, Schema, SchemaKind, StatusCode, Type};
use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;

use super::spec::Spec;

/// Hand-written types that replace what typify would generate for some request schemas:
/// `format: password` strings (redacted, length-checked) and integers with a maximum (typify
/// keeps only the lower bound). Their const parameters carry the schema's bounds.
const SECRET_TYPE: &str = "huaweicloud_bss_runtime::Secret";
const BOUNDED_TYPE: &str = "huaweicloud_bss_runtime::Bounded";

pub fn generate(spec: &Spec) -> anyhow::Result<proc_macro2::TokenStream> {
    let view = generation_view(spec);
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_hooks(HooksMode::Expected)
        .with_inner_type(quote! { huaweicloud_bss_runtime::Context })
        .with_derive("PartialEq");
    for conversion in conversions(&view)? {
        let (schema, type_name, impls) = conversion.settings()?;
        settings.with_conversion(schema, type_name, impls.into_iter());
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

/// A request schema mapped to a hand-written type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Conversion {
    Secret {
        min: usize,
        max: usize,
    },
    Bounded {
        format: Option<String>,
        min: i64,
        max: i64,
    },
}

impl Conversion {
    /// The schema exactly as progenitor hands it to typify (which matches conversions by
    /// equality, ignoring descriptions), the replacement type and its trait impls.
    fn settings(
        &self,
    ) -> anyhow::Result<(schemars08::schema::SchemaObject, String, Vec<TypeImpl>)> {
        let (json, type_name, impls) = match self {
            Conversion::Secret { min, max } => {
                let mut json =
                    serde_json::json!({"type": "string", "format": "password", "maxLength": max});
                if *min > 0 {
                    json["minLength"] = (*min).into();
                }
                (
                    json,
                    format!("{SECRET_TYPE}<{min}, {max}>"),
                    vec![TypeImpl::FromStr],
                )
            }
            Conversion::Bounded { format, min, max } => {
                let mut json = serde_json::json!({"type": "integer", "minimum": *min as f64, "maximum": *max as f64});
                if let Some(format) = format {
                    json["format"] = format.as_str().into();
                }
                let impls = vec![TypeImpl::FromStr, TypeImpl::Display];
                (json, format!("{BOUNDED_TYPE}<{min}, {max}>"), impls)
            }
        };
        let schema = serde_json::from_value(json).context("building a conversion schema")?;
        Ok((schema, type_name, impls))
    }
}

/// Every schema of the spec that becomes a hand-written type.
fn conversions(api: &openapiv3::OpenAPI) -> anyhow::Result<BTreeSet<Conversion>> {
    let mut found = BTreeSet::new();
    let mut visit = |at: &str, schema: &Schema| -> anyhow::Result<()> {
        if let Some(conversion) = conversion_for(at, schema)? {
            found.insert(conversion);
        }
        Ok(())
    };
    for (name, schema) in api.components.iter().flat_map(|c| &c.schemas) {
        if let ReferenceOr::Item(schema) = schema {
            walk(name, schema, &mut visit)?;
        }
    }
    for (path, item) in &api.paths.paths {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        for (_, op) in item.iter() {
            for parameter in &op.parameters {
                let ReferenceOr::Item(parameter) = parameter else {
                    continue;
                };
                let data = parameter.parameter_data_ref();
                if let openapiv3::ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) =
                    &data.format
                {
                    walk(&format!("{path}?{}", data.name), schema, &mut visit)?;
                }
            }
        }
    }
    Ok(found)
}

fn conversion_for(at: &str, schema: &Schema) -> anyhow::Result<Option<Conversion>> {
    use openapiv3::{StringFormat, VariantOrUnknownOrEmpty};
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s))
            if s.format == VariantOrUnknownOrEmpty::Item(StringFormat::Password) =>
        {
            if s.pattern.is_some() || !s.enumeration.is_empty() || schema.schema_data.nullable {
                bail!("{at}: a password field may carry only minLength/maxLength");
            }
            let Some(max) = s.max_length else {
                bail!("{at}: a password field needs maxLength");
            };
            Ok(Some(Conversion::Secret {
                min: s.min_length.unwrap_or(0),
                max,
            }))
        }
        SchemaKind::Type(Type::Integer(i)) if i.maximum.is_some() && i.enumeration.is_empty() => {
            if i.exclusive_minimum
                || i.exclusive_maximum
                || i.multiple_of.is_some()
                || schema.schema_data.nullable
            {
                bail!("{at}: a bounded integer may carry only format, minimum and maximum");
            }
            if !schema.schema_data.extensions.is_empty() {
                bail!("{at}: a bounded integer may not carry extensions");
            }
            let Some(min) = i.minimum else {
                bail!("{at}: an integer with a maximum needs a minimum too");
            };
            let format = match &i.format {
                openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int32) => {
                    Some("int32".to_string())
                }
                openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int64) => {
                    Some("int64".to_string())
                }
                openapiv3::VariantOrUnknownOrEmpty::Unknown(other) => Some(other.clone()),
                openapiv3::VariantOrUnknownOrEmpty::Empty => None,
            };
            Ok(Some(Conversion::Bounded {
                format,
                min,
                max: i.maximum.expect("matched"),
            }))
        }
        _ => Ok(None),
    }
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

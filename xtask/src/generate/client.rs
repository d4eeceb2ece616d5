//! The client proper: progenitor over a generation view of the spec.

use std::collections::BTreeSet;

use anyhow::{Context, bail};
use openapiv3::{ReferenceOr, Schema, SchemaKind, StatusCode, Type};
use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;

use super::spec::Spec;

/// Hand-written types that replace what typify would generate for some request schemas:
/// `format: password` strings (redacted, length-checked) and integers with a maximum (typify
/// keeps only the lower bound), and `format: decimal` numbers (exact money instead of `f64`:
/// `Amount` when unconstrained, `Money` with decimal places and bounds otherwise). Their const
/// parameters carry the schema's bounds.
const SECRET_TYPE: &str = "huaweicloud_bss_runtime::Secret";
const BOUNDED_TYPE: &str = "huaweicloud_bss_runtime::Bounded";
const AMOUNT_TYPE: &str = "huaweicloud_bss_runtime::Amount";
const MONEY_TYPE: &str = "huaweicloud_bss_runtime::Money";

pub fn generate(spec: &Spec) -> anyhow::Result<proc_macro2::TokenStream> {
    let view = generation_view(spec);
    let mut generator = Generator::new(&settings(&view)?);
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

/// Progenitor's settings for the client, shared by every generator that names its types (the
/// CLI and the httpmock extension must spell each type exactly as the client does).
pub(super) fn settings(view: &openapiv3::OpenAPI) -> anyhow::Result<GenerationSettings> {
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_hooks(HooksMode::Expected)
        .with_inner_type(quote! { huaweicloud_bss_runtime::Context })
        .with_derive("PartialEq");
    for conversion in conversions(view)? {
        let (schema, type_name, impls) = conversion.settings()?;
        settings.with_conversion(schema, type_name, impls.into_iter());
    }
    Ok(settings)
}

/// What progenitor sees: the spec without its error responses.
///
/// Progenitor decodes typed error bodies itself and, when a body is not JSON (an HTML page
/// from a proxy, an empty 500), reports the bytes without the HTTP status. Leaving errors
/// undeclared routes every non-2xx answer to `Error::UnexpectedResponse`, which keeps the
/// whole response, so the runtime decodes all errors against the spec's shared schema.
pub(super) fn generation_view(spec: &Spec) -> openapiv3::OpenAPI {
    let mut view = spec.api.clone();
    for op in super::spec::operations_mut(&mut view) {
        op.responses.responses.retain(|status, _| match status {
            StatusCode::Code(code) => (200..300).contains(code),
            StatusCode::Range(range) => *range == 2,
        });
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
    /// A `format: decimal` number. The schema's keywords are kept as `f64` bits (typify matches
    /// on them); `scale`, `min` and `max` are what `Money` checks: at most `scale` decimal
    /// places, `min..=max` in units of `10^-scale` (exclusive bounds moved one unit inward).
    Decimal {
        multiple_of: Option<u64>,
        minimum: Option<(u64, bool)>,
        maximum: Option<(u64, bool)>,
        scale: u32,
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
            Conversion::Decimal {
                multiple_of,
                minimum,
                maximum,
                scale,
                min,
                max,
            } => {
                // As progenitor converts OpenAPI 3.0 bounds: an exclusive bound becomes
                // `exclusiveMinimum: <value>` with no `minimum`.
                let mut json = serde_json::json!({"type": "number", "format": "decimal"});
                if let Some(bits) = multiple_of {
                    json["multipleOf"] = f64::from_bits(*bits).into();
                }
                if let Some((bits, exclusive)) = minimum {
                    let key = if *exclusive {
                        "exclusiveMinimum"
                    } else {
                        "minimum"
                    };
                    json[key] = f64::from_bits(*bits).into();
                }
                if let Some((bits, exclusive)) = maximum {
                    let key = if *exclusive {
                        "exclusiveMaximum"
                    } else {
                        "maximum"
                    };
                    json[key] = f64::from_bits(*bits).into();
                }
                let impls = vec![TypeImpl::FromStr, TypeImpl::Display];
                let type_name = if multiple_of.is_none() && minimum.is_none() && maximum.is_none() {
                    AMOUNT_TYPE.to_string()
                } else {
                    let bound = |value: i64| match value {
                        i64::MIN => "{ i64::MIN }".to_string(),
                        i64::MAX => "{ i64::MAX }".to_string(),
                        units => units.to_string(),
                    };
                    format!("{MONEY_TYPE}<{scale}, {}, {}>", bound(*min), bound(*max))
                };
                (json, type_name, impls)
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
                    if matches!(schema.schema_kind, SchemaKind::Type(Type::Number(_))) {
                        // Amounts are written as JSON numbers, which a query string cannot carry.
                        bail!(
                            "{path}?{}: decimal query parameters are not supported",
                            data.name
                        );
                    }
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
        SchemaKind::Type(Type::Number(n)) => decimal_conversion(at, schema, n).map(Some),
        _ => Ok(None),
    }
}

/// `type: number` must be `format: decimal` (money is never a float). Its keywords say how many
/// decimal places are allowed (`multipleOf: 0.01` is 2) and the bounds.
fn decimal_conversion(
    at: &str,
    schema: &Schema,
    n: &openapiv3::NumberType,
) -> anyhow::Result<Conversion> {
    if n.format != openapiv3::VariantOrUnknownOrEmpty::Unknown("decimal".to_string()) {
        bail!("{at}: every number must be `format: decimal` (exact money)");
    }
    if !n.enumeration.is_empty() || schema.schema_data.nullable {
        bail!("{at}: a decimal may carry only multipleOf, minimum and maximum");
    }
    if !schema.schema_data.extensions.is_empty() {
        bail!("{at}: a decimal may not carry extensions");
    }
    let bounded = n.minimum.is_some() || n.maximum.is_some();
    let scale = match n.multiple_of {
        Some(step) => (0..=28u32)
            .find(|&places| (step * 10f64.powi(places as i32) - 1.0).abs() < 1e-9)
            .with_context(|| format!("{at}: multipleOf must be 1, 0.1, 0.01, … (got {step})"))?,
        None if bounded => bail!("{at}: a bounded decimal needs multipleOf (its decimal places)"),
        None => 0,
    };
    let units = |value: f64, what: &str| -> anyhow::Result<i64> {
        let scaled = value * 10f64.powi(scale as i32);
        if (scaled - scaled.round()).abs() > 1e-6 || scaled.abs() >= 9.0e18 {
            bail!("{at}: {what} {value} is not a multiple of multipleOf");
        }
        Ok(scaled.round() as i64)
    };
    let min = match n.minimum {
        Some(value) => units(value, "minimum")? + i64::from(n.exclusive_minimum),
        None if n.exclusive_minimum => bail!("{at}: exclusiveMinimum needs minimum"),
        None => i64::MIN,
    };
    let max = match n.maximum {
        Some(value) => units(value, "maximum")? - i64::from(n.exclusive_maximum),
        None if n.exclusive_maximum => bail!("{at}: exclusiveMaximum needs maximum"),
        None => i64::MAX,
    };
    Ok(Conversion::Decimal {
        multiple_of: n.multiple_of.map(f64::to_bits),
        minimum: n.minimum.map(|v| (v.to_bits(), n.exclusive_minimum)),
        maximum: n.maximum.map(|v| (v.to_bits(), n.exclusive_maximum)),
        scale,
        min,
        max,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(yaml: &str) -> anyhow::Result<Option<(String, serde_json::Value)>> {
        let schema: Schema = serde_yaml::from_str(yaml).unwrap();
        let Some(conversion) = conversion_for("at", &schema)? else {
            return Ok(None);
        };
        let (schema, type_name, _) = conversion.settings()?;
        Ok(Some((type_name, serde_json::to_value(schema).unwrap())))
    }

    #[test]
    fn decimals_map_to_amount_or_money_with_their_rules() {
        let (name, schema) = decimal("{type: number, format: decimal}").unwrap().unwrap();
        assert_eq!(name, AMOUNT_TYPE);
        assert_eq!(
            schema,
            serde_json::json!({"type": "number", "format": "decimal"})
        );

        let positive =
            "{type: number, format: decimal, minimum: 0, exclusiveMinimum: true, multipleOf: 0.01}";
        let (name, schema) = decimal(positive).unwrap().unwrap();
        assert_eq!(name, format!("{MONEY_TYPE}<2, 1, {{ i64::MAX }}>"));
        assert_eq!(schema["exclusiveMinimum"], 0.0);
        assert!(schema.get("minimum").is_none());

        let capped = "{type: number, format: decimal, minimum: 0, maximum: 1000, exclusiveMaximum: true, multipleOf: 0.1}";
        let (name, _) = decimal(capped).unwrap().unwrap();
        assert_eq!(name, format!("{MONEY_TYPE}<1, 0, 9999>"));

        for bad in [
            "{type: number}",
            "{type: number, format: double}",
            "{type: number, format: decimal, minimum: 0}",
            "{type: number, format: decimal, multipleOf: 0.03}",
            "{type: number, format: decimal, multipleOf: 0.01, minimum: 0.005}",
        ] {
            assert!(decimal(bad).is_err(), "{bad}");
        }
    }
}

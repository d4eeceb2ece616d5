//! Open enums of response values: every response field whose documented values the spec lists
//! (`enum`, with `x-enum-varnames` naming integer codes) becomes a Rust enum in the API crate's
//! `values` module, with one variant per documented value and an `Unknown(..)` variant that
//! keeps any other value verbatim, so a value the service adds never fails decoding.
//!
//! Fields with the same values and names share one type, named after the field in UpperCamel
//! case (`check_result` → `CheckResult`); when one name would stand for different value sets
//! (or is too generic, like `type`), each type is prefixed with its first schema's name
//! (`SubCustomerInfoV2Status`). Progenitor is told to use the type for the field through a
//! conversion matched on a marker the generation view puts on the field (`x-bss-value-type`),
//! so no request schema can ever match it.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, bail};
use heck::ToUpperCamelCase;
use openapiv3::{ReferenceOr, Schema, SchemaKind, StringType, Type};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::spec::Spec;

/// The extension naming a value's variants (integer codes, and strings that are no identifier).
pub const VARNAMES_EXT: &str = "x-enum-varnames";
/// The marker the generation view puts on a field that takes an open enum.
const MARKER_EXT: &str = "x-bss-value-type";
/// Where the types live, spelled so that both the API crate (`extern crate self`) and the
/// crates generated against it resolve it.
const MODULE_PATH: &str = "huaweicloud_bss_api::values";
/// Names a field's type never takes unprefixed (they would shadow std or say nothing).
const GENERIC_NAMES: &[&str] = &["Type", "Result", "Option", "String", "Value", "Kind"];

/// A documented value, its variant name and its meaning.
type Variant = (Value, String, Option<String>);
/// Fields with the same values and names: integer?, variants, (schema, field) list, description.
type Group = (bool, Vec<Variant>, Vec<(String, String)>, String);

/// One documented value.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Value {
    Int(i64),
    Str(String),
}

/// One open enum type.
#[derive(Debug)]
pub struct OpenEnum {
    pub name: String,
    integer: bool,
    /// (value, variant name, meaning from the description).
    variants: Vec<(Value, String, Option<String>)>,
    /// The fields using it, as `Schema.field`, and the description of the first.
    fields: Vec<String>,
    description: String,
}

/// Every open enum of the spec's responses and the fields that use them.
#[derive(Debug, Default)]
pub struct Values {
    pub enums: Vec<OpenEnum>,
    /// (component schema, field) → index into `enums`.
    fields: BTreeMap<(String, String), usize>,
}

/// The component schemas reachable from a success or error response.
fn response_schemas(spec: &Spec) -> BTreeSet<String> {
    fn refs(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(r)) = map.get("$ref")
                    && let Some(name) = crate::spec_walk::schema_name(r)
                {
                    out.push(name.to_owned());
                }
                map.values().for_each(|v| refs(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let schemas = spec
        .api
        .components
        .as_ref()
        .map(|c| c.schemas.clone())
        .unwrap_or_default();
    let mut pending = Vec::new();
    for (_, _, op) in spec.operations() {
        for response in op.responses.responses.values() {
            if let ReferenceOr::Item(response) = response {
                refs(
                    &serde_json::to_value(response).unwrap_or_default(),
                    &mut pending,
                );
            }
        }
    }
    let mut seen = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if seen.insert(name.clone())
            && let Some(schema) = schemas.get(&name)
        {
            refs(
                &serde_json::to_value(schema).unwrap_or_default(),
                &mut pending,
            );
        }
    }
    seen
}

/// A documented value's meaning: the text after `value =` up to the next `,`, `;` or `(`.
fn meaning(description: &str, value: &str) -> Option<String> {
    let text = description.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [format!("\"{value}\" = "), format!("{value} = ")] {
        let mut from = 0;
        while let Some(at) = text[from..].find(&needle).map(|i| i + from) {
            let before = text[..at].chars().next_back();
            if before.is_none_or(|c| matches!(c, ' ' | ',' | ';' | ':' | '(')) {
                let rest = &text[at + needle.len()..];
                let end = rest.find([',', ';', '(']).unwrap_or(rest.len());
                let meaning = rest[..end].trim().trim_end_matches('.').trim();
                if !meaning.is_empty() {
                    return Some(meaning.to_owned());
                }
            }
            from = at + needle.len();
        }
    }
    None
}

fn is_identifier(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Reads one enum field: whether its values are integers, and its (value, name, meaning) list.
#[allow(clippy::type_complexity)]
fn read_field(
    at: &str,
    schema: &Schema,
) -> anyhow::Result<Option<(bool, Vec<(Value, String, Option<String>)>)>> {
    let (integer, values): (bool, Vec<Value>) = match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => (
            false,
            s.enumeration
                .iter()
                .map(|v| v.clone().map(Value::Str))
                .collect::<Option<_>>()
                .with_context(|| format!("{at}: null in enum"))?,
        ),
        SchemaKind::Type(Type::Integer(i)) => (
            true,
            i.enumeration
                .iter()
                .map(|v| v.map(Value::Int))
                .collect::<Option<_>>()
                .with_context(|| format!("{at}: null in enum"))?,
        ),
        _ => return Ok(None),
    };
    if values.is_empty() {
        return Ok(None);
    }
    let names: Option<Vec<String>> = schema
        .schema_data
        .extensions
        .get(VARNAMES_EXT)
        .map(|v| serde_json::from_value(v.clone()))
        .transpose()
        .with_context(|| format!("{at}: `{VARNAMES_EXT}` must be a list of names"))?;
    let names = match names {
        Some(names) if names.len() == values.len() => names,
        Some(_) => bail!("{at}: `{VARNAMES_EXT}` must name every value of `enum`, in order"),
        None if integer => bail!("{at}: an integer enum needs `{VARNAMES_EXT}`"),
        None => values
            .iter()
            .map(|v| match v {
                Value::Str(s) => s.to_upper_camel_case(),
                Value::Int(i) => i.to_string(),
            })
            .collect(),
    };
    let mut seen = BTreeSet::new();
    for name in &names {
        if !is_identifier(name) || name == "Unknown" || !seen.insert(name) {
            bail!(
                "{at}: variant name {name:?} must be a unique UpperCamel identifier other than \
                 Unknown (name the values with `{VARNAMES_EXT}`)"
            );
        }
    }
    let description = schema.schema_data.description.clone().unwrap_or_default();
    Ok(Some((
        integer,
        values
            .into_iter()
            .zip(names)
            .map(|(value, name)| {
                let text = match &value {
                    Value::Int(i) => i.to_string(),
                    Value::Str(s) => s.clone(),
                };
                let meaning = meaning(&description, &text);
                (value, name, meaning)
            })
            .collect(),
    )))
}

impl Values {
    /// Collects the open enums of every response schema's fields; fails on an enum it cannot
    /// name or one nested below a field (give it a component schema).
    pub fn collect(spec: &Spec) -> anyhow::Result<Values> {
        let schemas = spec
            .api
            .components
            .as_ref()
            .map(|c| c.schemas.clone())
            .unwrap_or_default();
        // (integer, variants) → (fields with their schema, description of the first).
        let mut groups: Vec<Group> = Vec::new();
        for name in response_schemas(spec) {
            let Some(ReferenceOr::Item(schema)) = schemas.get(&name) else {
                continue;
            };
            let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
                continue;
            };
            for (field, property) in &object.properties {
                let ReferenceOr::Item(property) = property else {
                    continue;
                };
                let at = format!("response schema {name}.{field}");
                let Some((integer, variants)) = read_field(&at, property)? else {
                    if has_nested_enum(property) {
                        bail!("{at}: an enum below a field needs a component schema of its own");
                    }
                    continue;
                };
                let key = |v: &[(Value, String, Option<String>)]| {
                    v.iter()
                        .map(|(v, n, _)| (v.clone(), n.clone()))
                        .collect::<Vec<_>>()
                };
                match groups
                    .iter_mut()
                    .find(|g| g.0 == integer && key(&g.1) == key(&variants))
                {
                    Some(group) => group.2.push((name.clone(), field.clone())),
                    None => groups.push((
                        integer,
                        variants,
                        vec![(name.clone(), field.clone())],
                        property.schema_data.description.clone().unwrap_or_default(),
                    )),
                }
            }
        }
        // Names: the first field's name, unless taken by another group or too generic.
        let plain = |group: &Group| group.2[0].1.to_upper_camel_case();
        let mut counts = BTreeMap::<String, usize>::new();
        for group in &groups {
            *counts.entry(plain(group)).or_default() += 1;
        }
        let mut values = Values::default();
        let mut names = BTreeSet::new();
        for group in &groups {
            let base = plain(group);
            let name = if counts[&base] > 1 || GENERIC_NAMES.contains(&base.as_str()) {
                format!("{}{base}", group.2[0].0.to_upper_camel_case())
            } else {
                base
            };
            if !names.insert(name.clone()) {
                bail!("two open enums of responses would both be named {name}");
            }
            let index = values.enums.len();
            for field in &group.2 {
                values.fields.insert(field.clone(), index);
            }
            values.enums.push(OpenEnum {
                name,
                integer: group.0,
                variants: group.1.clone(),
                fields: group.2.iter().map(|(s, f)| format!("{s}.{f}")).collect(),
                description: group.3.clone(),
            });
        }
        // Sorted by name; the field map follows.
        let mut order: Vec<usize> = (0..values.enums.len()).collect();
        order.sort_by(|a, b| values.enums[*a].name.cmp(&values.enums[*b].name));
        let mut position = vec![0; order.len()];
        for (new, old) in order.iter().enumerate() {
            position[*old] = new;
        }
        for index in values.fields.values_mut() {
            *index = position[*index];
        }
        let mut enums: Vec<Option<OpenEnum>> = values.enums.drain(..).map(Some).collect();
        values.enums = order
            .iter()
            .map(|i| enums[*i].take().expect("each once"))
            .collect();
        Ok(values)
    }

    /// Replaces each enum field of the view with a marked plain field (what the conversion
    /// registered by [`Values::register`] matches).
    pub fn mark(&self, view: &mut openapiv3::OpenAPI) {
        let Some(components) = view.components.as_mut() else {
            return;
        };
        for ((schema, field), index) in &self.fields {
            let Some(ReferenceOr::Item(Schema {
                schema_kind: SchemaKind::Type(Type::Object(object)),
                ..
            })) = components.schemas.get_mut(schema)
            else {
                continue;
            };
            let Some(ReferenceOr::Item(property)) = object.properties.get_mut(field) else {
                continue;
            };
            let open = &self.enums[*index];
            let mut data = openapiv3::SchemaData {
                description: property.schema_data.description.clone(),
                ..Default::default()
            };
            data.extensions
                .insert(MARKER_EXT.to_owned(), serde_json::json!(open.name));
            **property = Schema {
                schema_data: data,
                schema_kind: SchemaKind::Type(if open.integer {
                    Type::Integer(Default::default())
                } else {
                    Type::String(StringType::default())
                }),
            };
        }
    }

    /// Tells progenitor to use each open enum for its marked fields.
    pub fn register(&self, settings: &mut progenitor::GenerationSettings) {
        for open in &self.enums {
            let mut schema = schemars08::schema::SchemaObject {
                instance_type: Some(
                    if open.integer {
                        schemars08::schema::InstanceType::Integer
                    } else {
                        schemars08::schema::InstanceType::String
                    }
                    .into(),
                ),
                ..Default::default()
            };
            schema
                .extensions
                .insert(MARKER_EXT.to_owned(), serde_json::json!(open.name));
            settings.with_conversion(
                schema,
                format!("{MODULE_PATH}::{}", open.name),
                std::iter::empty::<progenitor::TypeImpl>(),
            );
        }
    }

    /// The `values` module of the API crate.
    pub fn module(&self) -> TokenStream {
        let enums = self.enums.iter().map(OpenEnum::tokens);
        quote! {
            //! Open enums of documented response values.
            //!
            //! Every response field whose values the documentation lists takes one of these
            //! types: a variant per documented value, and `Unknown` keeping any other value
            //! verbatim, so a value the service adds later never fails decoding and is sent
            //! back unchanged when re-encoded. Values compare by what they encode to
            //! (`Unknown(1)` equals the variant of `1`); build one from a wire value with
            //! `From`.

            #(#enums)*
        }
    }
}

fn has_nested_enum(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Array(a)) => match &a.items {
            Some(ReferenceOr::Item(items)) => {
                read_field("", items).ok().flatten().is_some() || has_nested_enum(items)
            }
            _ => false,
        },
        SchemaKind::Type(Type::Object(o)) => o.properties.values().any(|p| match p {
            ReferenceOr::Item(p) => {
                read_field("", p).ok().flatten().is_some() || has_nested_enum(p)
            }
            ReferenceOr::Reference { .. } => false,
        }),
        _ => false,
    }
}

impl OpenEnum {
    fn tokens(&self) -> TokenStream {
        let name = format_ident!("{}", self.name);
        let fields = self
            .fields
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let doc = format!(
            "{}\n\nThe type of {fields}. A value not listed here decodes into `Unknown` \
             unchanged.",
            self.description
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        let variants = self.variants.iter().map(|(value, variant, meaning)| {
            let ident = format_ident!("{variant}");
            let shown = match value {
                Value::Int(i) => i.to_string(),
                Value::Str(s) => format!("\"{s}\""),
            };
            let doc = match meaning {
                Some(m) => format!("`{shown}`: {m}."),
                None => format!("`{shown}`."),
            };
            quote! { #[doc = #doc] #ident, }
        });
        let idents: Vec<_> = self
            .variants
            .iter()
            .map(|(_, v, _)| format_ident!("{v}"))
            .collect();
        if self.integer {
            let literals: Vec<_> = self
                .variants
                .iter()
                .map(|(v, _, _)| match v {
                    Value::Int(i) => Literal::i64_unsuffixed(*i),
                    Value::Str(_) => unreachable!("integer enum"),
                })
                .collect();
            quote! {
                #[doc = #doc]
                #[derive(Clone, Copy, Debug)]
                pub enum #name {
                    #(#variants)*
                    /// A value the documentation does not list, kept as received.
                    Unknown(i64),
                }

                impl #name {
                    /// The value as it is encoded.
                    pub fn value(&self) -> i64 {
                        match self {
                            #(Self::#idents => #literals,)*
                            Self::Unknown(value) => *value,
                        }
                    }

                    /// Whether the value is not one the documentation lists.
                    pub fn is_unknown(&self) -> bool {
                        matches!(Self::from(self.value()), Self::Unknown(_))
                    }
                }

                impl From<i64> for #name {
                    fn from(value: i64) -> Self {
                        match value {
                            #(#literals => Self::#idents,)*
                            other => Self::Unknown(other),
                        }
                    }
                }

                impl From<#name> for i64 {
                    fn from(value: #name) -> Self {
                        value.value()
                    }
                }

                impl PartialEq for #name {
                    fn eq(&self, other: &Self) -> bool {
                        self.value() == other.value()
                    }
                }

                impl Eq for #name {}

                impl std::hash::Hash for #name {
                    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                        self.value().hash(state);
                    }
                }

                impl std::fmt::Display for #name {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "{}", self.value())
                    }
                }

                impl serde::Serialize for #name {
                    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                        serializer.serialize_i64(self.value())
                    }
                }

                impl<'de> serde::Deserialize<'de> for #name {
                    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        i64::deserialize(deserializer).map(Self::from)
                    }
                }
            }
        } else {
            let literals: Vec<_> = self
                .variants
                .iter()
                .map(|(v, _, _)| match v {
                    Value::Str(s) => s.clone(),
                    Value::Int(_) => unreachable!("string enum"),
                })
                .collect();
            quote! {
                #[doc = #doc]
                #[derive(Clone, Debug)]
                pub enum #name {
                    #(#variants)*
                    /// A value the documentation does not list, kept as received.
                    Unknown(String),
                }

                impl #name {
                    /// The value as it is encoded.
                    pub fn as_str(&self) -> &str {
                        match self {
                            #(Self::#idents => #literals,)*
                            Self::Unknown(value) => value,
                        }
                    }

                    /// Whether the value is not one the documentation lists.
                    pub fn is_unknown(&self) -> bool {
                        matches!(Self::from(self.as_str()), Self::Unknown(_))
                    }
                }

                impl From<&str> for #name {
                    fn from(value: &str) -> Self {
                        match value {
                            #(#literals => Self::#idents,)*
                            other => Self::Unknown(other.to_owned()),
                        }
                    }
                }

                impl From<String> for #name {
                    fn from(value: String) -> Self {
                        match Self::from(value.as_str()) {
                            Self::Unknown(_) => Self::Unknown(value),
                            known => known,
                        }
                    }
                }

                impl PartialEq for #name {
                    fn eq(&self, other: &Self) -> bool {
                        self.as_str() == other.as_str()
                    }
                }

                impl Eq for #name {}

                impl std::hash::Hash for #name {
                    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                        self.as_str().hash(state);
                    }
                }

                impl std::fmt::Display for #name {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }

                impl serde::Serialize for #name {
                    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                        serializer.serialize_str(self.as_str())
                    }
                }

                impl<'de> serde::Deserialize<'de> for #name {
                    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        String::deserialize(deserializer).map(Self::from)
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::meaning;

    #[test]
    fn meanings_are_read_from_the_description() {
        let text = "State: 1 = normal, 2 = being created, 101 = registering (子账号状态).";
        assert_eq!(meaning(text, "1").as_deref(), Some("normal"));
        assert_eq!(meaning(text, "101").as_deref(), Some("registering"));
        assert_eq!(meaning("0 = success, -1 = failure (操作结果).", "1"), None);
        assert_eq!(
            meaning("0 = success, -1 = failure (操作结果).", "-1").as_deref(),
            Some("failure")
        );
        assert_eq!(
            meaning("Direction; \"1\" = income, \"2\" = expense", "2").as_deref(),
            Some("expense")
        );
        assert_eq!(meaning("Customer level, V0 to V5", "V0"), None);
    }
}

//! OpenAPI 3.0 schema objects of the spec → JSON Schema draft 2020-12.
//!
//! Every keyword the spec's request schemas use is mapped explicitly; any other keyword is an
//! error naming the schema and the keyword, so a constraint added to the spec can never be
//! dropped from the export without anyone noticing. The mappings that differ from a copy:
//! - `exclusiveMinimum: true` / `exclusiveMaximum: true` (3.0 booleans next to
//!   `minimum`/`maximum`) become the numeric 2020-12 keywords holding the bound;
//! - `format: int32` becomes the int32 range as `minimum`/`maximum` where the spec documents
//!   no tighter bound or enum (what the generated client enforces);
//! - `format: decimal` numbers (money, spec rule 6) stay JSON numbers with `multipleOf`; the
//!   description says that strings are rejected;
//! - `format: password` strings keep the format as a form hint and gain `writeOnly: true`;
//! - `$ref: '#/components/schemas/X'` becomes `#/$defs/X` (or `#` for the document's own model).

use std::collections::BTreeSet;

use anyhow::{Context, bail, ensure};
use serde_yaml::{Mapping, Value};

use super::json::{Json, Object};
use crate::spec_walk::{self, SCHEMAS};

/// Sentence appended to the description of every `format: decimal` number.
pub const DECIMAL_NOTE: &str = "Send a JSON number such as 10.5, not a string: the API \
     documents request amounts as numbers, and this schema rejects a string such as \"10.50\".";

/// Converts the component schemas reachable from one request body.
///
/// The schemas are read from the YAML tree, where every keyword is visible (so none is dropped
/// unnoticed) and mappings keep the spec's order; which models the document carries comes from
/// the spec walk.
pub struct Converter<'a> {
    components: &'a Mapping,
    /// The model the document describes at its root; a reference to it becomes `#`.
    root: &'a str,
    /// The models the root reaches ([`spec_walk::SpecWalk::reachable`]), carried in `$defs`.
    reachable: &'a BTreeSet<&'a str>,
}

impl<'a> Converter<'a> {
    pub fn new(components: &'a Mapping, root: &'a str, reachable: &'a BTreeSet<&'a str>) -> Self {
        Self {
            components,
            root,
            reachable,
        }
    }

    /// The component schema `name`, converted.
    pub fn component(&self, name: &str) -> anyhow::Result<Object> {
        let schema = self
            .components
            .get(name)
            .with_context(|| format!("{SCHEMAS}{name} does not exist"))?;
        self.convert(schema, &format!("{SCHEMAS}{name}"))
    }

    /// The converted `$defs`: every model reachable from the root, sorted by name.
    pub fn definitions(&self) -> anyhow::Result<Object> {
        let mut definitions = Object::new();
        for name in self.reachable {
            definitions.push(*name, self.component(name)?);
        }
        Ok(definitions)
    }

    /// One schema object; `at` is its JSON pointer in the spec, for errors.
    fn convert(&self, schema: &Value, at: &str) -> anyhow::Result<Object> {
        let mut keywords = Keywords::new(schema, at)?;
        let out = if let Some(reference) = keywords.string("$ref")? {
            self.reference(&reference, &mut keywords)?
        } else {
            self.typed(&mut keywords)?
        };
        keywords.all_used()?;
        Ok(out)
    }

    fn reference(&self, reference: &str, keywords: &mut Keywords) -> anyhow::Result<Object> {
        let name = spec_walk::schema_name(reference).with_context(|| {
            format!(
                "{}: `$ref: {reference}` is not a component schema",
                keywords.at
            )
        })?;
        let mut out = Object::new();
        if name == self.root {
            out.push("$ref", "#");
        } else {
            // The walk and this conversion both follow properties and array items only.
            ensure!(
                self.reachable.contains(name),
                "{}: `$ref: {reference}` was not reached by the spec walk",
                keywords.at
            );
            out.push("$ref", format!("#/$defs/{name}"));
        }
        // 2020-12 allows keywords beside `$ref`; OpenAPI 3.0 ignores them, so only the
        // description is carried over.
        if let Some(description) = keywords.string("description")? {
            out.push("description", description);
        }
        Ok(out)
    }

    fn typed(&self, keywords: &mut Keywords) -> anyhow::Result<Object> {
        let at = keywords.at.clone();
        let kind = keywords
            .string("type")?
            .with_context(|| format!("{at}: a schema without `type` or `$ref`"))?;
        let format = keywords.string("format")?;
        let mut description = keywords.string("description")?;
        let mut out = Object::new();
        out.push("type", kind.as_str());
        match (kind.as_str(), format.as_deref()) {
            ("string", None) | ("integer" | "boolean" | "array" | "object", None) => {}
            ("string", Some("password")) => {
                out.push("format", "password");
                out.push("writeOnly", true);
            }
            ("integer", Some("int32" | "int64")) => {}
            ("number", Some("decimal")) => {
                description = Some(match description {
                    Some(text) => format!("{text} {DECIMAL_NOTE}"),
                    None => DECIMAL_NOTE.to_owned(),
                });
            }
            ("number", _) => bail!("{at}: a number must be `format: decimal` (spec rule 6)"),
            (kind, Some(format)) => bail!("{at}: `type: {kind}, format: {format}` has no mapping"),
            (kind, None) => bail!("{at}: unknown type `{kind}`"),
        }
        if let Some(description) = description {
            out.push("description", description);
        }
        keywords.copy("enum", &mut out)?;
        match kind.as_str() {
            "string" => {
                for keyword in ["minLength", "maxLength", "pattern"] {
                    keywords.copy(keyword, &mut out)?;
                }
            }
            "integer" => {
                // An enum already bounds the value; the int32 range would only be noise there.
                let int32 = format.as_deref() == Some("int32") && out.get("enum").is_none();
                bounds(keywords, &mut out, int32)?;
            }
            "number" => {
                bounds(keywords, &mut out, false)?;
                keywords.copy("multipleOf", &mut out)?;
            }
            "array" => {
                keywords.copy("minItems", &mut out)?;
                keywords.copy("maxItems", &mut out)?;
                let items = keywords
                    .take("items")
                    .with_context(|| format!("{at}: an array without `items`"))?;
                out.push("items", self.convert(items, &format!("{at}/items"))?);
            }
            "object" => {
                keywords.copy("required", &mut out)?;
                if let Some(properties) = keywords.take("properties") {
                    let properties = properties
                        .as_mapping()
                        .with_context(|| format!("{at}/properties is not a mapping"))?;
                    let mut converted = Object::new();
                    for (name, property) in properties {
                        let name = name
                            .as_str()
                            .with_context(|| format!("{at}/properties: a non-string name"))?;
                        let schema = self.convert(property, &format!("{at}/properties/{name}"))?;
                        converted.push(name, schema);
                    }
                    out.push("properties", converted);
                }
            }
            _ => {}
        }
        Ok(out)
    }
}

/// `minimum`/`maximum` with the 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` turned into
/// the numeric 2020-12 keywords; `int32` fills an undocumented side with the int32 range.
fn bounds(keywords: &mut Keywords, out: &mut Object, int32: bool) -> anyhow::Result<()> {
    let sides = [
        ("minimum", "exclusiveMinimum", i64::from(i32::MIN)),
        ("maximum", "exclusiveMaximum", i64::from(i32::MAX)),
    ];
    for (inclusive, exclusive, int32_limit) in sides {
        let bound = keywords.json(inclusive)?;
        let is_exclusive = match keywords.take(exclusive) {
            None => false,
            Some(Value::Bool(flag)) => *flag,
            Some(other) => bail!(
                "{}: `{exclusive}: {other:?}` must be a boolean in OpenAPI 3.0",
                keywords.at
            ),
        };
        match (bound, is_exclusive) {
            (Some(bound), true) => out.push(exclusive, bound),
            (Some(bound), false) => out.push(inclusive, bound),
            (None, true) => bail!("{}: `{exclusive}: true` without `{inclusive}`", keywords.at),
            (None, false) if int32 => out.push(inclusive, int32_limit),
            (None, false) => {}
        }
    }
    Ok(())
}

/// The keywords of one schema object, remembering which were read so that an unknown one is
/// reported instead of silently dropped.
struct Keywords<'v> {
    map: &'v Mapping,
    used: BTreeSet<String>,
    at: String,
}

impl<'v> Keywords<'v> {
    fn new(schema: &'v Value, at: &str) -> anyhow::Result<Self> {
        let map = schema
            .as_mapping()
            .with_context(|| format!("{at}: a schema must be a mapping"))?;
        Ok(Self {
            map,
            used: BTreeSet::new(),
            at: at.to_owned(),
        })
    }

    fn take(&mut self, keyword: &str) -> Option<&'v Value> {
        let value = self.map.get(keyword)?;
        self.used.insert(keyword.to_owned());
        Some(value)
    }

    fn string(&mut self, keyword: &str) -> anyhow::Result<Option<String>> {
        match self.take(keyword) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(other) => bail!("{}/{keyword} is not a string: {other:?}", self.at),
        }
    }

    fn json(&mut self, keyword: &str) -> anyhow::Result<Option<Json>> {
        let at = format!("{}/{keyword}", self.at);
        self.take(keyword)
            .map(|value| Json::from_yaml(value, &at))
            .transpose()
    }

    /// Copies a keyword whose meaning is the same in 3.0 and 2020-12.
    fn copy(&mut self, keyword: &str, out: &mut Object) -> anyhow::Result<()> {
        if let Some(value) = self.json(keyword)? {
            out.push(keyword, value);
        }
        Ok(())
    }

    fn all_used(&self) -> anyhow::Result<()> {
        for key in self.map.keys() {
            let key = key.as_str().unwrap_or("<non-string key>");
            if !self.used.contains(key) {
                bail!(
                    "{}: `{key}` has no JSON Schema mapping for this type; \
                     add one in xtask/src/schemas/convert.rs",
                    self.at
                );
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(components_yaml: &str, root: &str) -> anyhow::Result<(String, String)> {
        let components: Mapping = serde_yaml::from_str(components_yaml).unwrap();
        let mut model = Mapping::new();
        model.insert("schemas".into(), Value::Mapping(components.clone()));
        let model: openapiv3::Components = serde_yaml::from_value(Value::Mapping(model)).unwrap();
        let reachable = spec_walk::SpecWalk::new(Some(&model))
            .reachable(root)
            .map_err(anyhow::Error::msg)?;
        let converter = Converter::new(&components, root, &reachable);
        let schema = Json::from(converter.component(root)?).to_pretty_string();
        let definitions = Json::from(converter.definitions()?).to_pretty_string();
        Ok((schema, definitions))
    }

    fn value(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn exclusive_minimum_becomes_the_numeric_keyword_and_money_keeps_multiple_of() {
        let (schema, _) = convert(
            "Req:
               type: object
               properties:
                 amount: {type: number, format: decimal, description: Amount., minimum: 0, exclusiveMinimum: true, multipleOf: 0.01}",
            "Req",
        )
        .unwrap();
        let amount = value(&schema)["properties"]["amount"].clone();
        assert_eq!(amount["exclusiveMinimum"], value("0"));
        assert_eq!(amount["multipleOf"], value("0.01"));
        assert!(amount.get("minimum").is_none(), "{amount}");
        assert!(amount.get("format").is_none(), "{amount}");
        assert_eq!(amount["description"], format!("Amount. {DECIMAL_NOTE}"));
    }

    #[test]
    fn int32_fills_undocumented_bounds_and_password_is_write_only() {
        let (schema, _) = convert(
            "Req:
               type: object
               properties:
                 limit: {type: integer, format: int32, minimum: 1}
                 secret: {type: string, format: password, minLength: 8, maxLength: 32}",
            "Req",
        )
        .unwrap();
        let schema = value(&schema);
        assert_eq!(schema["properties"]["limit"]["minimum"], value("1"));
        assert_eq!(
            schema["properties"]["limit"]["maximum"],
            value("2147483647")
        );
        let secret = &schema["properties"]["secret"];
        assert_eq!(secret["writeOnly"], value("true"));
        assert_eq!(secret["format"], value("\"password\""));
        assert_eq!(
            (secret["minLength"].clone(), secret["maxLength"].clone()),
            (value("8"), value("32"))
        );
    }

    #[test]
    fn references_become_defs_transitively_and_a_self_reference_is_the_root() {
        let (schema, definitions) = convert(
            "Req: {type: object, properties: {a: {$ref: '#/components/schemas/A'}, \
                                             again: {$ref: '#/components/schemas/Req'}}}\n\
             A: {type: array, items: {$ref: '#/components/schemas/B'}}\n\
             B: {type: boolean}\n\
             Unused: {type: string}",
            "Req",
        )
        .unwrap();
        let schema = value(&schema);
        assert_eq!(schema["properties"]["a"]["$ref"], value("\"#/$defs/A\""));
        assert_eq!(schema["properties"]["again"]["$ref"], value("\"#\""));
        let names: Vec<String> = value(&definitions)
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(names, ["A", "B"]);
    }

    #[test]
    fn a_keyword_without_mapping_is_an_error_naming_it() {
        for (yaml, expected) in [
            (
                "Req: {type: string, uniqueItems: true}",
                "#/components/schemas/Req: `uniqueItems`",
            ),
            ("Req: {type: number}", "spec rule 6"),
            (
                "Req: {type: string, format: date-time}",
                "format: date-time",
            ),
            (
                "Req: {type: integer, exclusiveMinimum: true}",
                "without `minimum`",
            ),
            (
                "Req: {type: object, properties: {x: {type: string, nullable: true}}}",
                "#/components/schemas/Req/properties/x: `nullable`",
            ),
        ] {
            let error = format!("{:#}", convert(yaml, "Req").unwrap_err());
            assert!(error.contains(expected), "{yaml}: {error}");
        }
    }
}

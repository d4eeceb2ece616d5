//! The documented rules of a request field (the schema keywords the types leave out), as text
//! people read and as the checks the request builders run.

use std::collections::BTreeMap;

use anyhow::{Context, bail};
use openapiv3::{Schema, SchemaKind, Type};
use proc_macro2::TokenStream;
use quote::quote;

/// The root extension that gives every pattern its rule in words.
pub const PATTERNS_EXT: &str = "x-bss-patterns";

/// One rule of a field.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// Characters, `min..=max`.
    Length { min: usize, max: usize },
    /// An ECMAScript pattern and its rule in words.
    Pattern { regex: String, words: String },
    /// An integer in `min..=max`.
    Range { min: i64, max: i64 },
    /// One of these integers.
    OneOf(Vec<i64>),
    /// Array items, `min..=max`.
    Items { min: usize, max: usize },
    /// At most this many decimal places.
    Scale(u32),
    /// An amount from (or, exclusive, above) `units` × 10^-`scale` (`text` in words).
    Above {
        text: String,
        units: i64,
        scale: u32,
        exclusive: bool,
    },
    /// An amount up to (or, exclusive, below) `units` × 10^-`scale`.
    Below {
        text: String,
        units: i64,
        scale: u32,
        exclusive: bool,
    },
}

impl Rule {
    /// The rule as the client states it.
    pub fn words(&self) -> String {
        match self {
            Rule::Length { min, max } => match (*min, *max) {
                (min, max) if min == max => format!("exactly {min} characters"),
                (0, usize::MAX) => "any length".to_string(),
                (0, max) => format!("at most {max} characters"),
                (min, usize::MAX) => format!("at least {min} characters"),
                (min, max) => format!("{min} to {max} characters"),
            },
            Rule::Pattern { words, .. } => words.clone(),
            Rule::Range { min, max } => match (*min, *max) {
                (i64::MIN, max) => format!("at most {max}"),
                (min, i64::MAX) => format!("at least {min}"),
                (min, max) => format!("from {min} to {max}"),
            },
            Rule::OneOf(values) => format!(
                "one of: {}",
                values
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Rule::Items { min, max } => match (*min, *max) {
                (min, max) if min == max => format!("exactly {min} items"),
                (0, max) => format!("at most {max} items"),
                (min, usize::MAX) => format!("at least {min} item{}", plural(min)),
                (min, max) => format!("{min} to {max} items"),
            },
            Rule::Scale(0) => "a whole number".to_string(),
            Rule::Scale(places) => {
                format!("at most {places} decimal place{}", plural(*places as usize))
            }
            Rule::Above {
                text,
                exclusive: true,
                ..
            } => format!("greater than {text}"),
            Rule::Above {
                text,
                exclusive: false,
                ..
            } => format!("at least {text}"),
            Rule::Below {
                text,
                exclusive: true,
                ..
            } => format!("less than {text}"),
            Rule::Below {
                text,
                exclusive: false,
                ..
            } => format!("at most {text}"),
        }
    }

    /// The check of `value` (an expression of the field's plain type, by reference for strings
    /// and arrays, by value for integers and decimals) at `at` (a `Path`), recording into `v`.
    pub fn check(&self, value: &TokenStream, patterns: &Patterns) -> TokenStream {
        let words = self.words();
        match self {
            Rule::Length { min, max } => {
                let max = if *max == usize::MAX {
                    quote! { usize::MAX }
                } else {
                    quote! { #max }
                };
                quote! { check::length(v, &at, #value, #min, #max, #words); }
            }
            Rule::Pattern { regex, .. } => {
                let index = patterns.index(regex);
                let name = quote::format_ident!("PATTERN_{}", index);
                quote! { check::pattern(v, &at, #value, &crate::patterns::#name, #words); }
            }
            Rule::Range { min, max } => {
                quote! { check::range(v, &at, i64::from(#value), #min, #max, #words); }
            }
            Rule::OneOf(values) => {
                quote! { check::one_of(v, &at, i64::from(#value), &[#(#values),*], #words); }
            }
            Rule::Items { min, max } => {
                let max = if *max == usize::MAX {
                    quote! { usize::MAX }
                } else {
                    quote! { #max }
                };
                quote! { check::items(v, &at, #value.len(), #min, #max, #words); }
            }
            Rule::Scale(places) => {
                quote! { check::scale(v, &at, #value.get(), #places, #words); }
            }
            Rule::Above {
                units,
                scale,
                exclusive,
                ..
            } => quote! {
                check::above(v, &at, #value.get(), Decimal::new(#units, #scale), #exclusive, #words);
            },
            Rule::Below {
                units,
                scale,
                exclusive,
                ..
            } => quote! {
                check::below(v, &at, #value.get(), Decimal::new(#units, #scale), #exclusive, #words);
            },
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Every pattern of the spec with its rule in words, numbered for the generated statics.
#[derive(Debug, Default)]
pub struct Patterns(BTreeMap<String, String>);

impl Patterns {
    /// Reads the root `x-bss-patterns` map.
    pub fn from_spec(api: &openapiv3::OpenAPI) -> anyhow::Result<Self> {
        let Some(value) = api.extensions.get(PATTERNS_EXT) else {
            return Ok(Self::default());
        };
        let map: BTreeMap<String, String> = serde_json::from_value(value.clone())
            .with_context(|| format!("`{PATTERNS_EXT}` must map patterns to their rule"))?;
        for (pattern, words) in &map {
            if words.trim().is_empty() {
                bail!("`{PATTERNS_EXT}`: {pattern:?} has no rule in words");
            }
            regress::Regex::new(pattern).with_context(|| {
                format!("`{PATTERNS_EXT}`: {pattern:?} is not an ECMAScript regex")
            })?;
        }
        Ok(Self(map))
    }

    fn words(&self, at: &str, regex: &str) -> anyhow::Result<String> {
        self.0.get(regex).cloned().with_context(|| {
            format!("{at}: pattern {regex:?} has no rule in words in the root `{PATTERNS_EXT}`")
        })
    }

    fn index(&self, regex: &str) -> usize {
        self.0
            .keys()
            .position(|k| k == regex)
            .expect("every pattern of a rule was looked up in the map")
    }

    /// Patterns no request field uses.
    pub fn unused(&self, used: &[String]) -> Vec<&str> {
        self.0
            .keys()
            .filter(|k| !used.contains(k))
            .map(String::as_str)
            .collect()
    }

    /// The `patterns` module: one lazily compiled regex per pattern.
    pub fn module(&self) -> TokenStream {
        let statics = self.0.iter().enumerate().map(|(index, (regex, words))| {
            let name = quote::format_ident!("PATTERN_{}", index);
            let doc = format!("`{regex}`: {words}.");
            quote! {
                #[doc = #doc]
                pub(crate) static #name: LazyLock<Regex> = LazyLock::new(|| {
                    Regex::new(#regex).expect("the generator compiled this pattern")
                });
            }
        });
        quote! {
            //! The spec's patterns, compiled once.
            use std::sync::LazyLock;
            use huaweicloud_bss_runtime::regress::Regex;
            #(#statics)*
        }
    }
}

/// The rules of one field's schema (not of its array items, which have their own).
pub fn of(at: &str, schema: &Schema, patterns: &Patterns) -> anyhow::Result<Vec<Rule>> {
    let mut rules = Vec::new();
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            if s.min_length.is_some() || s.max_length.is_some() {
                rules.push(Rule::Length {
                    min: s.min_length.unwrap_or(0),
                    max: s.max_length.unwrap_or(usize::MAX),
                });
            }
            if let Some(regex) = &s.pattern {
                rules.push(Rule::Pattern {
                    regex: regex.clone(),
                    words: patterns.words(at, regex)?,
                });
            }
        }
        SchemaKind::Type(Type::Integer(i)) => {
            if i.exclusive_minimum || i.exclusive_maximum || i.multiple_of.is_some() {
                bail!("{at}: an integer may carry only minimum, maximum and enum");
            }
            if !i.enumeration.is_empty() {
                rules.push(Rule::OneOf(
                    i.enumeration.iter().flatten().copied().collect(),
                ));
            } else if i.minimum.is_some() || i.maximum.is_some() {
                rules.push(Rule::Range {
                    min: i.minimum.unwrap_or(i64::MIN),
                    max: i.maximum.unwrap_or(i64::MAX),
                });
            }
        }
        SchemaKind::Type(Type::Number(n)) => rules.extend(decimal(at, schema, n)?),
        SchemaKind::Type(Type::Array(a)) if a.min_items.is_some() || a.max_items.is_some() => {
            rules.push(Rule::Items {
                min: a.min_items.unwrap_or(0),
                max: a.max_items.unwrap_or(usize::MAX),
            });
        }
        _ => {}
    }
    Ok(rules)
}

/// `type: number` must be `format: decimal` (money is never a float). Its keywords say how many
/// decimal places are allowed (`multipleOf: 0.01` is 2) and the bounds.
fn decimal(at: &str, schema: &Schema, n: &openapiv3::NumberType) -> anyhow::Result<Vec<Rule>> {
    if n.format != openapiv3::VariantOrUnknownOrEmpty::Unknown("decimal".to_string()) {
        bail!("{at}: every number must be `format: decimal` (exact money)");
    }
    if !n.enumeration.is_empty() || schema.schema_data.nullable {
        bail!("{at}: a decimal may carry only multipleOf, minimum and maximum");
    }
    let bounded = n.minimum.is_some() || n.maximum.is_some();
    let mut rules = Vec::new();
    let scale = match n.multiple_of {
        Some(step) => (0..=28u32)
            .find(|&places| (step * 10f64.powi(places as i32) - 1.0).abs() < 1e-9)
            .with_context(|| format!("{at}: multipleOf must be 1, 0.1, 0.01, … (got {step})"))?,
        None if bounded => bail!("{at}: a bounded decimal needs multipleOf (its decimal places)"),
        None => return Ok(rules),
    };
    rules.push(Rule::Scale(scale));
    let units = |value: f64, what: &str| -> anyhow::Result<i64> {
        let scaled = value * 10f64.powi(scale as i32);
        if (scaled - scaled.round()).abs() > 1e-6 || scaled.abs() >= 9.0e18 {
            bail!("{at}: {what} {value} is not a multiple of multipleOf");
        }
        Ok(scaled.round() as i64)
    };
    if let Some(min) = n.minimum {
        rules.push(Rule::Above {
            text: format!("{min}"),
            units: units(min, "minimum")?,
            scale,
            exclusive: n.exclusive_minimum,
        });
    } else if n.exclusive_minimum {
        bail!("{at}: exclusiveMinimum needs minimum");
    }
    if let Some(max) = n.maximum {
        rules.push(Rule::Below {
            text: format!("{max}"),
            units: units(max, "maximum")?,
            scale,
            exclusive: n.exclusive_maximum,
        });
    } else if n.exclusive_maximum {
        bail!("{at}: exclusiveMaximum needs maximum");
    }
    Ok(rules)
}

/// Every pattern a rule uses.
pub fn patterns_used(rules: &[Rule]) -> impl Iterator<Item = String> + '_ {
    rules.iter().filter_map(|rule| match rule {
        Rule::Pattern { regex, .. } => Some(regex.clone()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(yaml: &str) -> anyhow::Result<Vec<String>> {
        let schema: Schema = serde_yaml::from_str(yaml).unwrap();
        let patterns = Patterns(BTreeMap::from([(
            "^[0-9]+$".to_string(),
            "digits only".to_string(),
        )]));
        Ok(of("at", &schema, &patterns)?
            .iter()
            .map(Rule::words)
            .collect())
    }

    #[test]
    fn rules_read_as_the_documentation_states_them() {
        assert_eq!(
            rules("{type: string, minLength: 5, maxLength: 32}").unwrap(),
            ["5 to 32 characters"]
        );
        assert_eq!(
            rules("{type: string, maxLength: 64}").unwrap(),
            ["at most 64 characters"]
        );
        assert_eq!(
            rules("{type: string, minLength: 6, maxLength: 6}").unwrap(),
            ["exactly 6 characters"]
        );
        assert_eq!(
            rules("{type: string, pattern: '^[0-9]+$'}").unwrap(),
            ["digits only"]
        );
        assert_eq!(
            rules("{type: integer, minimum: 1, maximum: 100}").unwrap(),
            ["from 1 to 100"]
        );
        assert_eq!(
            rules("{type: integer, minimum: 0}").unwrap(),
            ["at least 0"]
        );
        assert_eq!(
            rules("{type: integer, enum: [0, 1]}").unwrap(),
            ["one of: 0, 1"]
        );
        assert_eq!(
            rules("{type: array, items: {type: string}, minItems: 1, maxItems: 10}").unwrap(),
            ["1 to 10 items"]
        );
        assert_eq!(
            rules("{type: number, format: decimal, minimum: 0, exclusiveMinimum: true, multipleOf: 0.01}").unwrap(),
            ["at most 2 decimal places", "greater than 0"]
        );
        assert_eq!(
            rules("{type: number, format: decimal, minimum: 0, maximum: 1000.5, multipleOf: 0.1}")
                .unwrap(),
            ["at most 1 decimal place", "at least 0", "at most 1000.5"]
        );
    }

    #[test]
    fn undescribed_patterns_and_float_money_are_refused() {
        let error = rules("{type: string, pattern: '^[a-z]+$'}")
            .unwrap_err()
            .to_string();
        assert!(error.contains("no rule in words"), "{error}");
        for bad in [
            "{type: number}",
            "{type: number, format: double}",
            "{type: number, format: decimal, minimum: 0}",
            "{type: number, format: decimal, multipleOf: 0.03}",
            "{type: number, format: decimal, multipleOf: 0.01, minimum: 0.005}",
        ] {
            assert!(rules(bad).is_err(), "{bad}");
        }
    }
}

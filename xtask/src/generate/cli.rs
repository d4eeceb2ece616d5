//! The `bss` command tree: progenitor's clap CLI over the same view of the spec as the client.
//!
//! Progenitor names the client crate by path; the CLI crate points it at its hand-written
//! `api` module, which re-exports the generated types and builders but offers the thin crate's
//! `huaweicloud_bss::Client` (configured, signing) as `Client`. Its methods are the generated
//! client's, reached through `Deref`, so the generated code needs no edits.

use proc_macro2::{Delimiter, Group, Literal, TokenStream, TokenTree};
use quote::quote;

use super::requests::Model;
use super::types;
use super::spec::Spec;

/// The module of the CLI crate that the generated code imports everything from.
const CLIENT_CRATE_PATH: &str = "crate::api";

/// Progenitor's help text for its `--json-body-template` flag, a placeholder it never fills.
const TEMPLATE_HELP_PLACEHOLDER: &str = "XXX";

pub fn generate(spec: &Spec, _model: &Model) -> anyhow::Result<TokenStream> {
    let view = types::generation_view(spec);
    let mut generator = progenitor::Generator::new(&types::settings()?);
    let cli = generator
        .cli(&command_line_view(view), CLIENT_CRATE_PATH)
        .map_err(|e| anyhow::anyhow!("progenitor (cli): {e}"))?;
    let cli = describe_template_flag(cli);
    Ok(quote! {
        //! One clap subcommand per operation of the spec: flags from path, query and body
        //! fields (help from the spec's descriptions), `--json-body FILE` for the whole body.
        #![allow(clippy::all, clippy::pedantic, missing_docs, unused_imports, unused_variables, dead_code)]

        #cli
    })
}

/// The client's view of the spec, with query parameters a flag can carry.
///
/// Progenitor gives every query parameter a flag parsed by `clap::value_parser!` of its type,
/// which exists only for types that parse from one string. Two kinds of parameter do not:
/// - an integer enum (typify makes a newtype without `FromStr`): the flag takes a plain integer
///   and the builder converts it with the type's `TryFrom<i32>`, so a value outside the enum
///   is still rejected before sending (as `Error::InvalidRequest`);
/// - an array (a repeated query key): there is no flag; set it from Rust.
///
/// Every flag's help also states the rules its value must follow (from the schema keywords),
/// so `--help` says what a value is checked against before anything is sent.
fn command_line_view(mut view: openapiv3::OpenAPI) -> openapiv3::OpenAPI {
    use openapiv3::{Parameter, ParameterSchemaOrContent, ReferenceOr, SchemaKind, Type};
    for schema in view
        .components
        .iter_mut()
        .flat_map(|c| c.schemas.values_mut())
    {
        let ReferenceOr::Item(schema) = schema else {
            continue;
        };
        let SchemaKind::Type(Type::Object(object)) = &mut schema.schema_kind else {
            continue;
        };
        for property in object.properties.values_mut() {
            if let ReferenceOr::Item(property) = property
                && let Some(rules) = rules(property)
            {
                append(&mut property.schema_data.description, &rules);
            }
        }
    }
    for op in super::spec::operations_mut(&mut view) {
        op.parameters.retain_mut(|parameter| {
            let ReferenceOr::Item(Parameter::Query { parameter_data, .. }) = parameter else {
                return true;
            };
            let ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) =
                &mut parameter_data.format
            else {
                return true;
            };
            if let Some(rules) = rules(schema) {
                append(&mut parameter_data.description, &rules);
            }
            match &mut schema.schema_kind {
                SchemaKind::Type(Type::Array(_)) => false,
                SchemaKind::Type(Type::Integer(integer)) if !integer.enumeration.is_empty() => {
                    // clap no longer lists the values, so the help does.
                    let values: Vec<String> = integer
                        .enumeration
                        .drain(..)
                        .flatten()
                        .map(|v| v.to_string())
                        .collect();
                    let values = format!("[one of {}]", values.join(", "));
                    append(&mut parameter_data.description, &values);
                    true
                }
                _ => true,
            }
        });
    }
    view
}

/// Adds `text` to the end of a description (which becomes `text` when there is none).
fn append(description: &mut Option<String>, text: &str) {
    let joined = format!(
        "{} {text}",
        description.as_deref().unwrap_or_default().trim_end()
    );
    *description = Some(joined.trim_start().to_string());
}

/// The rules a value must follow, as help text: `[at most 128 characters]`, `[range 1 to 100]`.
fn rules(schema: &openapiv3::Schema) -> Option<String> {
    use openapiv3::{SchemaKind, Type};
    let mut rules = Vec::new();
    let range = |min: Option<String>, max: Option<String>, unit: &str| match (min, max) {
        (Some(min), Some(max)) if min == max => Some(format!("exactly {min}{unit}")),
        (Some(min), Some(max)) => Some(format!("{min} to {max}{unit}")),
        (Some(min), None) => Some(format!("at least {min}{unit}")),
        (None, Some(max)) => Some(format!("at most {max}{unit}")),
        (None, None) => None,
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            let length = range(
                s.min_length.filter(|&n| n > 0).map(|n| n.to_string()),
                s.max_length.map(|n| n.to_string()),
                " characters",
            );
            rules.extend(length);
            rules.extend(s.pattern.as_ref().map(|p| format!("matching {p}")));
        }
        SchemaKind::Type(Type::Integer(i)) if i.enumeration.is_empty() => {
            let bound = |value: Option<i64>, exclusive: bool, step: i64| {
                value.map(|v| (v + if exclusive { step } else { 0 }).to_string())
            };
            rules.extend(range(
                bound(i.minimum, i.exclusive_minimum, 1),
                bound(i.maximum, i.exclusive_maximum, -1),
                "",
            ));
        }
        SchemaKind::Type(Type::Number(n)) => {
            let bound = |value: Option<f64>, exclusive: bool, word: &str| {
                value.map(|v| {
                    if exclusive {
                        format!("{word} {v}")
                    } else {
                        v.to_string()
                    }
                })
            };
            match (n.minimum, n.maximum) {
                (Some(_), Some(_)) => rules.push(format!(
                    "from {} to {}",
                    bound(n.minimum, n.exclusive_minimum, "more than")?,
                    bound(n.maximum, n.exclusive_maximum, "less than")?
                )),
                (Some(min), None) if n.exclusive_minimum => rules.push(format!("more than {min}")),
                (Some(min), None) => rules.push(format!("at least {min}")),
                (None, Some(max)) if n.exclusive_maximum => rules.push(format!("less than {max}")),
                (None, Some(max)) => rules.push(format!("at most {max}")),
                (None, None) => {}
            }
            if let Some(step) = n.multiple_of {
                let places = (0..=28)
                    .find(|&p| (step * 10f64.powi(p) - 1.0).abs() < 1e-9)
                    .unwrap_or_default();
                rules.push(format!("at most {places} decimal places"));
            }
        }
        _ => {}
    }
    (!rules.is_empty()).then(|| format!("[{}]", rules.join("; ")))
}

/// Gives `--json-body-template` a real help text in place of progenitor's placeholder.
///
/// The flag is progenitor's; the CLI's main answers it by printing the operation's documented
/// example body, which is what a template for `--json-body` should be.
fn describe_template_flag(tokens: TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    for token in tokens {
        match token {
            TokenTree::Group(group) => {
                let placeholder = group.delimiter() == Delimiter::Parenthesis
                    && is_placeholder(&group.stream())
                    && matches!(out.last(), Some(TokenTree::Ident(i)) if i == "help");
                let stream = if placeholder {
                    let help = Literal::string(
                        "Print the operation's documented example body (a starting point for \
                         --json-body) and exit.",
                    );
                    TokenTree::Literal(help).into()
                } else {
                    describe_template_flag(group.stream())
                };
                let mut rebuilt = Group::new(group.delimiter(), stream);
                rebuilt.set_span(group.span());
                out.push(TokenTree::Group(rebuilt));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

fn is_placeholder(stream: &TokenStream) -> bool {
    let mut tokens = stream.clone().into_iter();
    let placeholder = format!("{TEMPLATE_HELP_PLACEHOLDER:?}");
    matches!(
        (tokens.next(), tokens.next()),
        (Some(TokenTree::Literal(l)), None) if l.to_string() == placeholder
    )
}

/// `(operation id as progenitor names it, documented example body as JSON)` for every
/// operation whose request body carries an example.
pub fn example_bodies(spec: &Spec) -> anyhow::Result<TokenStream> {
    let mut entries = Vec::new();
    for (_, _, op) in spec.operations() {
        let Some(openapiv3::ReferenceOr::Item(body)) = &op.request_body else {
            continue;
        };
        let Some(example) = body
            .content
            .get("application/json")
            .and_then(|media| media.example.as_ref())
        else {
            continue;
        };
        let id = op.operation_id.as_deref().unwrap_or_default();
        let client_method = heck::ToSnakeCase::to_snake_case(id);
        let json = serde_json::to_string_pretty(example)?;
        entries.push(quote! { (#client_method, #json), });
    }
    Ok(quote! {
        /// `(operation, documented example request body as JSON)`, for `--json-body-template`.
        pub const EXAMPLE_BODIES: &[(&str, &str)] = &[#(#entries)*];
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_of(yaml: &str) -> Option<String> {
        rules(&serde_yaml::from_str(yaml).unwrap())
    }

    #[test]
    fn flag_help_states_the_schema_rules() {
        let cases = [
            (
                "{type: string, maxLength: 128}",
                Some("[at most 128 characters]"),
            ),
            (
                "{type: string, minLength: 5, maxLength: 32, pattern: '^[a-z]+$'}",
                Some("[5 to 32 characters; matching ^[a-z]+$]"),
            ),
            (
                "{type: string, minLength: 6, maxLength: 6}",
                Some("[exactly 6 characters]"),
            ),
            (
                "{type: integer, minimum: 1, maximum: 100}",
                Some("[1 to 100]"),
            ),
            ("{type: integer, enum: [0, 1]}", None),
            (
                "{type: number, format: decimal, minimum: 0, exclusiveMinimum: true, multipleOf: 0.01}",
                Some("[more than 0; at most 2 decimal places]"),
            ),
            ("{type: string}", None),
        ];
        for (schema, expected) in cases {
            assert_eq!(rules_of(schema).as_deref(), expected, "{schema}");
        }
    }

    #[test]
    fn query_parameters_without_a_single_value_parser_are_adapted() {
        let view: openapiv3::OpenAPI = serde_yaml::from_str(
            r#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /things:
    get:
      operationId: ListThings
      parameters:
        - {name: ids, in: query, schema: {type: array, items: {type: string}}}
        - {name: fuzzy, in: query, schema: {type: integer, enum: [0, 1]}}
        - {name: limit, in: query, description: Page size., schema: {type: integer, minimum: 1, maximum: 100}}
      responses:
        '200': {description: ok}
"#,
        )
        .unwrap();
        let view = command_line_view(view);
        let op = view.paths.paths["/things"]
            .as_item()
            .unwrap()
            .get
            .as_ref()
            .unwrap();
        let params: Vec<_> = op
            .parameters
            .iter()
            .map(|p| p.as_item().unwrap().parameter_data_ref())
            .collect();
        let names: Vec<_> = params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["fuzzy", "limit"], "the array parameter has no flag");
        let openapiv3::ParameterSchemaOrContent::Schema(openapiv3::ReferenceOr::Item(fuzzy)) =
            &params[0].format
        else {
            panic!("inline schema")
        };
        let openapiv3::SchemaKind::Type(openapiv3::Type::Integer(fuzzy)) = &fuzzy.schema_kind
        else {
            panic!("integer")
        };
        assert!(
            fuzzy.enumeration.is_empty(),
            "the flag takes a plain integer"
        );
        assert_eq!(
            params[1].description.as_deref(),
            Some("Page size. [1 to 100]")
        );
    }
}

//! The `bss` command tree (crates/huaweicloud-bss-cli/src/generated/commands.rs), from the same
//! request model as the client's call builders.
//!
//! One clap subcommand per operation, named after it (`CreateSubCustomer` is
//! `create-sub-customer`). Every query parameter and every top-level body field of a plain kind
//! (text, secret, integer, amount, enum, bool, or an array of those) gets a flag whose value
//! goes to the call builder's setter as text or as the parsed value; the help states the field's
//! documented rules. Operations with a body also take `--json-body FILE` (`-` reads standard
//! input) and `--json-body-template`. The rules themselves are checked by the client when the
//! call is sent, so a flag and a body file are refused with the same message.

use std::collections::BTreeSet;

use anyhow::bail;
use heck::ToKebabCase;
use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::requests::{Field, Kind, Model, OperationModel};
use super::rules::Rule;
use super::spec::{self, Spec};

/// The flag naming a file with the whole body (`-`: standard input).
const JSON_BODY_FLAG: &str = "json-body";
/// The flag printing the operation's documented example body.
const TEMPLATE_FLAG: &str = "json-body-template";

pub fn generate(spec: &Spec, model: &Model) -> anyhow::Result<TokenStream> {
    let ops: Vec<&openapiv3::Operation> = spec.operations().map(|(_, _, op)| op).collect();
    let mut variants = Vec::new();
    let mut ids = Vec::new();
    let mut commands = Vec::new();
    let mut executes = Vec::new();
    let mut functions = Vec::new();
    for op in &model.operations {
        let Some(spec_op) = ops.get(op.index) else {
            bail!("{}: not an operation of the spec", op.id);
        };
        let variant = &op.request;
        let method = op.method.to_string();
        let cli_fn = format_ident!("cli_{}", op.method);
        let execute_fn = format_ident!("execute_{}", op.method);
        variants.push(quote! { #variant });
        ids.push(quote! { CliCommand::#variant => #method, });
        commands.push(quote! { CliCommand::#variant => #cli_fn(), });
        executes.push(quote! { CliCommand::#variant => #execute_fn(client, matches).await, });
        let flags = flags(spec, spec_op, op)?;
        functions.push(command(op, &flags, &cli_fn));
        functions.push(execute(op, &flags, &execute_fn));
    }
    Ok(quote! {
        //! One clap subcommand per operation of the spec: a flag per query parameter and per
        //! top-level body field of a plain kind (help from the spec's descriptions and rules),
        //! `--json-body FILE` for the whole body (`-` reads standard input).
        #![allow(clippy::too_many_lines)]

        use crate::api::{Client, types};

        /// An operation of the spec, as a subcommand.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum CliCommand {
            #(#variants,)*
        }

        impl CliCommand {
            /// Every operation, in the order of the spec.
            pub fn iter() -> impl Iterator<Item = CliCommand> {
                [#(CliCommand::#variants,)*].into_iter()
            }

            /// The client method of the operation (`create_sub_customer`).
            pub fn operation_id(&self) -> &'static str {
                match self {
                    #(#ids)*
                }
            }

            /// The subcommand with its flags.
            pub fn command(&self) -> ::clap::Command {
                match self {
                    #(#commands)*
                }
            }

            /// Builds the call from the flags (and `--json-body`), sends it and prints the
            /// answer. A failed call is returned as a `huaweicloud_bss::Error`; anything else
            /// (an unreadable body file) failed before sending.
            pub async fn execute(&self, client: &Client, matches: &::clap::ArgMatches) -> anyhow::Result<()> {
                match self {
                    #(#executes)*
                }
            }
        }

        #(#functions)*
    })
}

/// How a flag's values are read and handed to the setter.
#[derive(Clone)]
enum Value {
    /// Text, given to the setter as `&str` (strings, secrets, amounts).
    Text,
    /// A value clap parses (`i32`, `bool`).
    Parsed(TokenStream),
    /// A generated enum, from its documented values (or its `FromStr` when none are found).
    Enum {
        ty: proc_macro2::Ident,
        values: Vec<String>,
    },
}

/// A flag of a subcommand, for one field of the call.
struct Flag<'a> {
    name: String,
    field: &'a Field,
    value: Value,
    repeated: bool,
    /// A query parameter the call needs: clap requires the flag.
    required: bool,
}

/// The flags of an operation, by name: query parameters, then body fields of a plain kind.
fn flags<'a>(
    spec: &Spec,
    spec_op: &openapiv3::Operation,
    op: &'a OperationModel,
) -> anyhow::Result<Vec<Flag<'a>>> {
    let body_schema = spec::request_body_schema(spec_op).and_then(|name| spec.schema(name));
    let mut flags = Vec::new();
    let query = op.query.iter().map(|field| {
        let schema = spec_op.parameters.iter().find_map(|p| match p {
            ReferenceOr::Item(openapiv3::Parameter::Query { parameter_data, .. })
                if parameter_data.name == field.json =>
            {
                match &parameter_data.format {
                    openapiv3::ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) => {
                        Some(schema)
                    }
                    _ => None,
                }
            }
            _ => None,
        });
        (field, schema, true)
    });
    let body = op.body.iter().flat_map(|b| &b.fields).map(|field| {
        let schema = body_schema.and_then(|object| match &object.schema_kind {
            SchemaKind::Type(Type::Object(object)) => {
                resolve(spec, object.properties.get(&field.json)?)
            }
            _ => None,
        });
        (field, schema, false)
    });
    for (field, schema, in_query) in query.chain(body) {
        let (kind, repeated, schema) = match &field.kind {
            Kind::List(inner) => (inner.as_ref(), true, schema.and_then(|s| items(spec, s))),
            kind => (kind, false, schema),
        };
        let value = match kind {
            Kind::String | Kind::Secret | Kind::Amount => Value::Text,
            Kind::Int(ty) => Value::Parsed(quote! { #ty }),
            Kind::Bool => Value::Parsed(quote! { bool }),
            Kind::Enum(ty) => Value::Enum {
                ty: ty.clone(),
                values: schema.map(enum_values).unwrap_or_default(),
            },
            Kind::Object(_) | Kind::List(_) | Kind::Other(_) => continue,
        };
        flags.push(Flag {
            name: field.json.to_kebab_case(),
            field,
            value,
            repeated,
            required: in_query && field.required,
        });
    }
    flags.sort_by(|a, b| a.name.cmp(&b.name));
    let mut names = BTreeSet::from([JSON_BODY_FLAG, TEMPLATE_FLAG, "endpoint", "help"]);
    for flag in &flags {
        if !names.insert(flag.name.as_str()) {
            bail!("{}: two fields are both the flag --{}", op.id, flag.name);
        }
    }
    Ok(flags)
}

fn resolve<'a>(spec: &'a Spec, schema: &'a ReferenceOr<Box<Schema>>) -> Option<&'a Schema> {
    spec.walk()
        .schema(schema)
        .ok()
        .map(|resolved| resolved.schema)
}

/// The item schema of an array schema.
fn items<'a>(spec: &'a Spec, schema: &'a Schema) -> Option<&'a Schema> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Array(array)) => resolve(spec, array.items.as_ref()?),
        _ => None,
    }
}

/// The documented values of a string enum.
fn enum_values(schema: &Schema) -> Vec<String> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => s.enumeration.iter().flatten().cloned().collect(),
        _ => Vec::new(),
    }
}

/// A flag's help: the field's description and, in brackets, its rules.
fn help(field: &Field) -> String {
    let mut rules: Vec<String> = Vec::new();
    if field.required {
        rules.push("required".to_string());
    }
    rules.extend(field.rules.iter().map(Rule::words));
    if !field.item_rules.is_empty() {
        let items: Vec<String> = field.item_rules.iter().map(Rule::words).collect();
        rules.push(format!("each value {}", items.join(", ")));
    }
    let mut help = field.doc.trim().to_string();
    if !rules.is_empty() {
        help = format!("{help} [{}]", rules.join("; "));
    }
    if matches!(field.kind, Kind::List(_)) {
        help.push_str(" Repeat the flag for several values.");
    }
    help.trim_start().to_string()
}

/// The function returning the operation's subcommand.
fn command(op: &OperationModel, flags: &[Flag<'_>], cli_fn: &proc_macro2::Ident) -> TokenStream {
    let name = op.id.to_kebab_case();
    let summary = op.summary.trim();
    let long_about = match op.description.trim() {
        "" => summary.to_string(),
        description => format!("{summary}\n\n{description}"),
    };
    let args = flags.iter().map(|flag| {
        let name = &flag.name;
        let help = help(flag.field);
        let parser = match &flag.value {
            Value::Text => quote! { ::clap::value_parser!(::std::string::String) },
            Value::Parsed(ty) => quote! { ::clap::value_parser!(#ty) },
            Value::Enum { ty, values } if values.is_empty() => quote! {
                |value: &str| value.parse::<types::#ty>().map_err(|error| error.to_string())
            },
            Value::Enum { ty, values } => quote! {
                ::clap::builder::TypedValueParser::map(
                    ::clap::builder::PossibleValuesParser::new([#(#values),*]),
                    |value| value.parse::<types::#ty>().expect("a documented value"),
                )
            },
        };
        let action = if flag.repeated {
            quote! { ::clap::ArgAction::Append }
        } else {
            quote! { ::clap::ArgAction::Set }
        };
        let required = flag.required;
        quote! {
            .arg(
                ::clap::Arg::new(#name)
                    .long(#name)
                    .value_name(#name)
                    .value_parser(#parser)
                    .action(#action)
                    .required(#required)
                    .help(#help)
            )
        }
    });
    let body_args = op.body.as_ref().map(|body| {
        // A required field without a flag can only come from the file.
        let needs_file = body.fields.iter().any(|field| {
            field.required && !flags.iter().any(|flag| std::ptr::eq(flag.field, field))
        });
        quote! {
            .arg(
                ::clap::Arg::new(#JSON_BODY_FLAG)
                    .long(#JSON_BODY_FLAG)
                    .value_name("JSON-FILE")
                    .value_parser(::clap::value_parser!(::std::path::PathBuf))
                    .required(#needs_file)
                    .help(
                        "Path to a file with the whole request body as JSON (`-` reads standard \
                         input); flags for body fields, given as well, replace those fields."
                    )
            )
            .arg(
                ::clap::Arg::new(#TEMPLATE_FLAG)
                    .long(#TEMPLATE_FLAG)
                    .action(::clap::ArgAction::SetTrue)
                    // Printing the template needs no other flag, even a required one.
                    .exclusive(true)
                    .help(
                        "Print the operation's documented example body (a starting point for \
                         --json-body) and exit."
                    )
            )
        }
    });
    quote! {
        fn #cli_fn() -> ::clap::Command {
            ::clap::Command::new(#name)
                .about(#summary)
                .long_about(#long_about)
                #(#args)*
                #body_args
        }
    }
}

/// The function building the call from the flags, sending it and printing the answer.
fn execute(
    op: &OperationModel,
    flags: &[Flag<'_>],
    execute_fn: &proc_macro2::Ident,
) -> TokenStream {
    let method = &op.method;
    let body = op.body.as_ref().map(|body| {
        let ty = &body.name;
        quote! {
            if let Some(path) = matches.get_one::<::std::path::PathBuf>(#JSON_BODY_FLAG) {
                call = call.body(crate::api::read_body::<types::#ty>(path)?);
            }
        }
    });
    let setters = flags.iter().map(|flag| {
        let name = &flag.name;
        let setter = &flag.field.ident;
        let (ty, single, many) = match &flag.value {
            Value::Text => (
                quote! { ::std::string::String },
                quote! { value.as_str() },
                quote! { values.map(::std::string::String::as_str) },
            ),
            Value::Parsed(ty) => (ty.clone(), quote! { *value }, quote! { values.copied() }),
            Value::Enum { ty, .. } => (
                quote! { types::#ty },
                quote! { *value },
                quote! { values.copied() },
            ),
        };
        if flag.repeated {
            quote! {
                if let Some(values) = matches.get_many::<#ty>(#name) {
                    call = call.#setter(#many);
                }
            }
        } else {
            quote! {
                if let Some(value) = matches.get_one::<#ty>(#name) {
                    call = call.#setter(#single);
                }
            }
        }
    });
    let print = match op.output {
        Some(_) => quote! { crate::output::print(&*response); },
        None => quote! { drop(response); },
    };
    // An operation without flags builds nothing from them.
    let (matches, call) = if body.is_none() && flags.is_empty() {
        (quote! { _ }, quote! { call })
    } else {
        (quote! { matches }, quote! { mut call })
    };
    quote! {
        async fn #execute_fn(client: &Client, #matches: &::clap::ArgMatches) -> anyhow::Result<()> {
            let #call = client.#method();
            #body
            #(#setters)*
            let response = call.send().await?;
            #print
            Ok(())
        }
    }
}

/// `(client method, documented example body as JSON)` for every operation whose request body
/// carries an example.
pub fn example_bodies(spec: &Spec) -> anyhow::Result<TokenStream> {
    let mut entries = Vec::new();
    for (_, _, op) in spec.operations() {
        let Some(ReferenceOr::Item(body)) = &op.request_body else {
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

    fn field(kind: Kind, required: bool, rules: Vec<Rule>, doc: &str) -> Field {
        Field {
            json: "limit".into(),
            ident: format_ident!("limit"),
            required,
            optional_in_type: true,
            kind,
            rules,
            item_rules: Vec::new(),
            doc: doc.into(),
        }
    }

    #[test]
    fn flag_help_states_the_rules() {
        let limit = field(
            Kind::Int(format_ident!("i32")),
            false,
            vec![Rule::Range { min: 1, max: 100 }],
            "Page size. ",
        );
        assert_eq!(help(&limit), "Page size. [from 1 to 100]");
        let id = field(
            Kind::String,
            true,
            vec![Rule::Length { min: 0, max: 64 }],
            "",
        );
        assert_eq!(help(&id), "[required; at most 64 characters]");
        let ids = field(Kind::List(Box::new(Kind::String)), false, vec![], "Ids.");
        assert_eq!(help(&ids), "Ids. Repeat the flag for several values.");
    }
}

//! The request layer of the API crate, from the spec and the generated types:
//! - `builders.rs`: a builder per request object (`types::NewCustomerV2::builder()`), setters
//!   taking plain values, `build()` checking every documented rule;
//! - `requests.rs`: a request per operation (query parameters and top-level body fields as
//!   setters) implementing `huaweicloud_bss_runtime::Request`, and `check_wire` for the
//!   simulator, which refuses what the client refuses;
//! - `patterns.rs`: the spec's patterns, compiled once.
//!
//! The thin crate's call builders (`calls.rs`) wrap these requests; see [`Model`].

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, bail};
use heck::{ToSnakeCase, ToUpperCamelCase};
use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::rules::{self, Patterns, Rule};
use super::spec::{self, Spec};

/// What a field holds, as its setter takes it.
#[derive(Clone)]
pub enum Kind {
    String,
    Secret,
    Int(Ident),
    Bool,
    Amount,
    /// A generated enum (by its type name).
    Enum(Ident),
    /// A request object with a builder (by its type name).
    Object(Ident),
    List(Box<Kind>),
    /// Anything else, set as its generated type.
    Other(Box<syn::Type>),
}

/// One field of a request object, or one query parameter.
#[derive(Clone)]
pub struct Field {
    pub json: String,
    pub ident: Ident,
    pub required: bool,
    /// The generated struct holds it as `Option<…>` (else plain, or a `Vec` defaulting to empty).
    pub optional_in_type: bool,
    pub kind: Kind,
    pub rules: Vec<Rule>,
    pub item_rules: Vec<Rule>,
    pub doc: String,
}

/// A request object: a struct of the generated types that a request body contains.
#[derive(Clone)]
pub struct Object {
    pub name: Ident,
    pub doc: String,
    pub fields: Vec<Field>,
}

/// One operation as the request layer sees it.
#[derive(Clone)]
pub struct OperationModel {
    pub id: String,
    pub index: usize,
    pub http_method: String,
    pub path: String,
    pub method: Ident,
    pub request: Ident,
    pub summary: String,
    pub description: String,
    pub doc_url: String,
    pub read_only: bool,
    pub query: Vec<Field>,
    pub body: Option<Object>,
    pub output: Option<Ident>,
    /// `offset` and `limit` are parameters or body fields: the list can be walked page by page.
    pub paged: Option<PageSize>,
}

/// The page size rules of a paged operation's `limit`.
#[derive(Debug, Clone, Copy)]
pub struct PageSize {
    pub default: i64,
}

/// Everything the request layer and the call builders are generated from.
pub struct Model {
    pub objects: BTreeMap<String, Object>,
    pub operations: Vec<OperationModel>,
    pub patterns: Patterns,
}

/// A struct of the generated types: field ident, JSON name, Rust type.
struct TypeStruct {
    fields: Vec<(Ident, String, syn::Type)>,
}

impl Model {
    pub fn new(spec: &Spec, types: &TokenStream) -> anyhow::Result<Self> {
        let patterns = Patterns::from_spec(&spec.api)?;
        let (structs, enums) = parse_types(types)?;
        let components: BTreeMap<String, &Schema> = spec
            .api
            .components
            .iter()
            .flat_map(|c| &c.schemas)
            .filter_map(|(name, schema)| Some((name.to_upper_camel_case(), schema.as_item()?)))
            .collect();
        let mut objects = BTreeMap::new();
        let mut pending: Vec<String> = Vec::new();
        let mut operations = Vec::new();
        let mut used_patterns = Vec::new();
        for (index, (path, http_method, op)) in spec.operations().enumerate() {
            let id = op.operation_id.clone().context("operationId")?;
            let mut query = Vec::new();
            for parameter in &op.parameters {
                let ReferenceOr::Item(openapiv3::Parameter::Query { parameter_data, .. }) =
                    parameter
                else {
                    bail!("{id}: only inline query parameters are supported");
                };
                let openapiv3::ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) =
                    &parameter_data.format
                else {
                    bail!("{id}?{}: inline schemas only", parameter_data.name);
                };
                let at = format!("{id}?{}", parameter_data.name);
                let ty_name = format!("{}{}", id, parameter_data.name.to_upper_camel_case());
                let kind = param_kind(&at, schema, &ty_name, &enums)?;
                let (rules, item_rules) = field_rules(&at, schema, &patterns)?;
                used_patterns.extend(rules::patterns_used(&rules));
                used_patterns.extend(rules::patterns_used(&item_rules));
                query.push(Field {
                    json: parameter_data.name.clone(),
                    ident: format_ident!("{}", parameter_data.name.to_snake_case()),
                    required: parameter_data.required,
                    optional_in_type: true,
                    kind,
                    rules,
                    item_rules,
                    doc: parameter_data.description.clone().unwrap_or_default(),
                });
            }
            let body = match spec::request_body_schema(op) {
                Some(name) => {
                    pending.push(name.to_upper_camel_case());
                    Some(name.to_upper_camel_case())
                }
                None => None,
            };
            let output = spec::success_response_schema(op)
                .map(|name| format_ident!("{}", name.to_upper_camel_case()));
            operations.push((index, path, http_method, id, op, query, body, output));
        }
        while let Some(name) = pending.pop() {
            if objects.contains_key(&name) {
                continue;
            }
            let schema = components
                .get(&name)
                .with_context(|| format!("request object {name} is not a component schema"))?;
            let ty = structs
                .get(&name)
                .with_context(|| format!("request object {name} is not a generated struct"))?;
            let object = object(&name, schema, ty, &structs, &enums, &patterns)?;
            for field in &object.fields {
                let mut kind = &field.kind;
                while let Kind::List(inner) = kind {
                    kind = inner;
                }
                if let Kind::Object(nested) = kind {
                    pending.push(nested.to_string());
                }
                used_patterns.extend(rules::patterns_used(&field.rules));
                used_patterns.extend(rules::patterns_used(&field.item_rules));
            }
            objects.insert(name, object);
        }
        let unused = patterns.unused(&used_patterns);
        if !unused.is_empty() {
            bail!(
                "`{}` describes patterns no request uses: {unused:?}",
                rules::PATTERNS_EXT
            );
        }
        let operations = operations
            .into_iter()
            .map(|(index, path, http_method, id, op, query, body, output)| {
                let body = body.map(|name| objects[&name].clone());
                let field = |name: &str| {
                    query
                        .iter()
                        .chain(body.iter().flat_map(|b| &b.fields))
                        .find(|f| f.json == name)
                };
                let paged = match (field("offset"), field("limit")) {
                    (Some(_), Some(limit)) => Some(PageSize {
                        default: limit
                            .rules
                            .iter()
                            .find_map(|rule| match rule {
                                Rule::Range { max, .. } if *max < 1000 => Some(*max),
                                _ => None,
                            })
                            .unwrap_or(100),
                    }),
                    _ => None,
                };
                OperationModel {
                    index,
                    http_method: http_method.to_uppercase(),
                    path: path.to_string(),
                    method: format_ident!("{}", id.to_snake_case()),
                    request: format_ident!("{}", id),
                    summary: op.summary.clone().unwrap_or_default(),
                    description: op.description.clone().unwrap_or_default(),
                    doc_url: op
                        .external_docs
                        .as_ref()
                        .map(|d| d.url.clone())
                        .unwrap_or_default(),
                    read_only: spec::is_read_only(op),
                    id,
                    query,
                    body,
                    output,
                    paged,
                }
            })
            .collect();
        Ok(Model {
            objects,
            operations,
            patterns,
        })
    }
}

/// Structs (by name) and enums (names) of the generated `types` module.
fn parse_types(
    types: &TokenStream,
) -> anyhow::Result<(BTreeMap<String, TypeStruct>, BTreeSet<String>)> {
    let file: syn::File = syn::parse2(types.clone()).context("the generated types do not parse")?;
    let items = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == "types" => m.content.as_ref().map(|(_, items)| items),
            _ => None,
        })
        .context("no `types` module")?;
    let mut structs = BTreeMap::new();
    let mut enums = BTreeSet::new();
    for item in items {
        match item {
            syn::Item::Struct(s) => {
                let syn::Fields::Named(named) = &s.fields else {
                    continue;
                };
                let fields = named
                    .named
                    .iter()
                    .map(|f| {
                        let ident = f.ident.clone().expect("named");
                        let json = serde_rename(&f.attrs).unwrap_or_else(|| {
                            ident.to_string().trim_start_matches("r#").to_string()
                        });
                        (ident, json, f.ty.clone())
                    })
                    .collect();
                structs.insert(s.ident.to_string(), TypeStruct { fields });
            }
            syn::Item::Enum(e) => {
                enums.insert(e.ident.to_string());
            }
            _ => {}
        }
    }
    Ok((structs, enums))
}

fn serde_rename(attrs: &[syn::Attribute]) -> Option<String> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                let value: syn::LitStr = meta.value()?.parse()?;
                found = Some(value.value());
            } else if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    found
}

fn object(
    name: &str,
    schema: &Schema,
    ty: &TypeStruct,
    structs: &BTreeMap<String, TypeStruct>,
    enums: &BTreeSet<String>,
    patterns: &Patterns,
) -> anyhow::Result<Object> {
    let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
        bail!("request body {name} is not an object");
    };
    let mut fields = Vec::new();
    for (ident, json, rust_type) in &ty.fields {
        let at = format!("{name}.{json}");
        let property = object
            .properties
            .get(json)
            .with_context(|| format!("{at}: not a property of the spec's schema"))?;
        let property = match property {
            ReferenceOr::Item(schema) => Some(schema.as_ref()),
            ReferenceOr::Reference { .. } => None,
        };
        let (inner, optional_in_type) = match option_inner(rust_type) {
            Some(inner) => (inner, true),
            None => (rust_type.clone(), false),
        };
        let kind = type_kind(&inner, structs, enums);
        let (rules, item_rules) = match property {
            Some(schema) => field_rules(&at, schema, patterns)?,
            None => (Vec::new(), Vec::new()),
        };
        let doc = property
            .and_then(|p| p.schema_data.description.clone())
            .unwrap_or_default();
        fields.push(Field {
            json: json.clone(),
            ident: ident.clone(),
            required: object.required.contains(json),
            optional_in_type,
            kind,
            rules,
            item_rules,
            doc,
        });
    }
    Ok(Object {
        name: format_ident!("{name}"),
        doc: schema.schema_data.description.clone().unwrap_or_default(),
        fields,
    })
}

/// The rules of a field and, for an array, of its items.
fn field_rules(
    at: &str,
    schema: &Schema,
    patterns: &Patterns,
) -> anyhow::Result<(Vec<Rule>, Vec<Rule>)> {
    let rules = rules::of(at, schema, patterns)?;
    let items = match &schema.schema_kind {
        SchemaKind::Type(Type::Array(a)) => match &a.items {
            Some(ReferenceOr::Item(items)) => rules::of(&format!("{at}[]"), items, patterns)?,
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    Ok((rules, items))
}

fn param_kind(
    at: &str,
    schema: &Schema,
    enum_name: &str,
    enums: &BTreeSet<String>,
) -> anyhow::Result<Kind> {
    Ok(match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) if !s.enumeration.is_empty() => {
            if !enums.contains(enum_name) {
                bail!("{at}: expected a generated enum {enum_name}");
            }
            Kind::Enum(format_ident!("{enum_name}"))
        }
        SchemaKind::Type(Type::String(_)) => Kind::String,
        SchemaKind::Type(Type::Integer(i)) => match &i.format {
            openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int64) => {
                Kind::Int(format_ident!("i64"))
            }
            _ => Kind::Int(format_ident!("i32")),
        },
        SchemaKind::Type(Type::Boolean(_)) => Kind::Bool,
        SchemaKind::Type(Type::Array(a)) => match &a.items {
            Some(ReferenceOr::Item(items)) => Kind::List(Box::new(param_kind(
                at,
                items,
                &format!("{enum_name}Item"),
                enums,
            )?)),
            _ => bail!("{at}: array parameters need inline items"),
        },
        _ => bail!("{at}: unsupported query parameter type"),
    })
}

fn option_inner(ty: &syn::Type) -> Option<syn::Type> {
    generic_inner(ty, "Option")
}

fn generic_inner(ty: &syn::Type, outer: &str) -> Option<syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != outer {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(inner) => Some(inner.clone()),
        _ => None,
    }
}

fn type_kind(
    ty: &syn::Type,
    structs: &BTreeMap<String, TypeStruct>,
    enums: &BTreeSet<String>,
) -> Kind {
    if let Some(inner) = generic_inner(ty, "Vec") {
        return Kind::List(Box::new(type_kind(&inner, structs, enums)));
    }
    let syn::Type::Path(path) = ty else {
        return Kind::Other(Box::new(ty.clone()));
    };
    let Some(last) = path.path.segments.last() else {
        return Kind::Other(Box::new(ty.clone()));
    };
    let name = last.ident.to_string();
    match name.as_str() {
        "String" => Kind::String,
        "Secret" => Kind::Secret,
        "Amount" => Kind::Amount,
        "bool" => Kind::Bool,
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => {
            Kind::Int(last.ident.clone())
        }
        _ if structs.contains_key(&name) => Kind::Object(last.ident.clone()),
        _ if enums.contains(&name) => Kind::Enum(last.ident.clone()),
        _ => Kind::Other(Box::new(ty.clone())),
    }
}

// ---------------------------------------------------------------------------------------------
// Emitting
// ---------------------------------------------------------------------------------------------

impl Kind {
    /// The type a builder stores for a set field.
    pub fn stored(&self) -> TokenStream {
        match self {
            Kind::String => quote! { String },
            Kind::Secret => quote! { Secret },
            Kind::Int(ty) => quote! { #ty },
            Kind::Bool => quote! { bool },
            Kind::Amount => quote! { Given<Amount> },
            Kind::Enum(name) => quote! { types::#name },
            Kind::Object(name) => {
                let builder = builder_name(name);
                quote! { #builder }
            }
            Kind::List(inner) => {
                let inner = inner.stored();
                quote! { Vec<#inner> }
            }
            Kind::Other(ty) => quote! { #ty },
        }
    }

    /// The setter's parameter type and how it becomes the stored value.
    pub fn setter(&self, path: &TokenStream) -> (TokenStream, TokenStream) {
        match self {
            Kind::String => (quote! { impl Into<String> }, quote! { value.into() }),
            Kind::Secret => (quote! { impl Into<#path Secret> }, quote! { value.into() }),
            Kind::Int(ty) => (quote! { #ty }, quote! { value }),
            Kind::Bool => (quote! { bool }, quote! { value }),
            Kind::Amount => (
                quote! { impl #path IntoAmount },
                quote! { value.into_amount() },
            ),
            Kind::Enum(name) => (quote! { #path types::#name }, quote! { value }),
            Kind::Object(name) => {
                let builder = builder_name(name);
                (
                    quote! { impl Into<#path builders::#builder> },
                    quote! { value.into() },
                )
            }
            Kind::List(inner) => {
                let (item, convert) = inner.setter(path);
                let convert = if convert.to_string() == "value" {
                    quote! { value.into_iter().collect() }
                } else {
                    quote! { value.into_iter().map(|value| #convert).collect() }
                };
                (quote! { impl IntoIterator<Item = #item> }, convert)
            }
            Kind::Other(ty) => (quote! { #ty }, quote! { value }),
        }
    }

    /// What the setter takes, in words, for its docs.
    fn takes(&self) -> &'static str {
        match self {
            Kind::Amount => {
                " Takes text (`\"10.50\"`) or a `Decimal`; the amount is sent exactly as given."
            }
            Kind::Secret => " Never printed in `Debug` output, logs or errors.",
            _ => "",
        }
    }
}

pub fn builder_name(name: &Ident) -> Ident {
    format_ident!("{}Builder", name)
}

/// The doc of a setter: the field's description and its rules.
pub fn setter_doc(field: &Field) -> String {
    let mut doc = field.doc.trim().to_string();
    if doc.is_empty() {
        doc = format!("`{}`.", field.json);
    }
    let mut rules: Vec<String> = Vec::new();
    if field.required {
        rules.push("required".to_string());
    }
    rules.extend(field.rules.iter().map(Rule::words));
    if !field.item_rules.is_empty() {
        let items: Vec<String> = field.item_rules.iter().map(Rule::words).collect();
        rules.push(format!("each item {}", items.join(", ")));
    }
    if !rules.is_empty() {
        doc.push_str(&format!(
            "\n\nRules (checked when the request is sent): {}.",
            rules.join("; ")
        ));
    }
    doc.push_str(field.kind.takes());
    doc
}

/// The statements building one field into a local of the struct's field type (`Option` when it
/// may be missing), with every check.
fn build_field(field: &Field, patterns: &Patterns) -> TokenStream {
    let ident = &field.ident;
    let json = &field.json;
    let checks = |rules: &[Rule], subject: TokenStream| -> TokenStream {
        let checks = rules.iter().map(|rule| rule.check(&subject, patterns));
        quote! { #(#checks)* }
    };
    let built = match &field.kind {
        Kind::String => {
            let c = checks(&field.rules, quote! { value.as_str() });
            quote! { { #c Some(value) } }
        }
        Kind::Secret => {
            let c = checks(&field.rules, quote! { value.expose() });
            quote! { { #c Some(value) } }
        }
        Kind::Int(_) => {
            let c = checks(&field.rules, quote! { value });
            quote! { { #c Some(value) } }
        }
        Kind::Amount => {
            let c = checks(&field.rules, quote! { value });
            quote! {
                match value.take(&at, v) {
                    Some(value) => { #c Some(value) }
                    None => None,
                }
            }
        }
        Kind::Object(_) => quote! { value.build_at(&at, v) },
        Kind::List(inner) => {
            let list_checks = checks(&field.rules, quote! { value });
            let items = match inner.as_ref() {
                Kind::Object(_) => quote! {
                    let built: Vec<_> = value
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| item.build_at(&at.index(i), v))
                        .collect();
                    built.into_iter().collect::<Option<Vec<_>>>()
                },
                kind => {
                    let subject = match kind {
                        Kind::String => quote! { item.as_str() },
                        Kind::Int(_) => quote! { *item },
                        _ => quote! { item },
                    };
                    let item_checks = field
                        .item_rules
                        .iter()
                        .map(|rule| rule.check(&subject, patterns));
                    if field.item_rules.is_empty() {
                        quote! { Some(value) }
                    } else {
                        quote! {
                            for (i, item) in value.iter().enumerate() {
                                let at = at.index(i);
                                #(#item_checks)*
                            }
                            Some(value)
                        }
                    }
                }
            };
            quote! { { #list_checks #items } }
        }
        _ => quote! { Some(value) },
    };
    let missing = if field.required {
        quote! { { v.required(&at); None } }
    } else {
        quote! { None }
    };
    quote! {
        let #ident = {
            let at = root.field(#json);
            match self.#ident {
                Some(value) => #built,
                None => #missing,
            }
        };
    }
}

/// The struct field's value from the built local.
fn assemble_field(field: &Field) -> TokenStream {
    let ident = &field.ident;
    let is_list = matches!(field.kind, Kind::List(_));
    if field.optional_in_type {
        quote! { #ident }
    } else if field.required {
        quote! { #ident: #ident? }
    } else if is_list {
        quote! { #ident: #ident.unwrap_or_default() }
    } else {
        quote! { #ident: #ident? }
    }
}

/// The builder's stored value from the struct's field (`value.ident`).
fn from_field(field: &Field) -> TokenStream {
    let ident = &field.ident;
    let convert = |kind: &Kind, value: TokenStream| -> TokenStream {
        match kind {
            Kind::Amount => quote! { Given(Ok(#value)) },
            Kind::Object(_) => quote! { #value.into() },
            Kind::List(inner) if matches!(inner.as_ref(), Kind::Object(_) | Kind::Amount) => {
                let item = match inner.as_ref() {
                    Kind::Amount => quote! { Given(Ok(item)) },
                    _ => quote! { item.into() },
                };
                quote! { #value.into_iter().map(|item| #item).collect() }
            }
            _ => value,
        }
    };
    let is_list = matches!(field.kind, Kind::List(_));
    if field.optional_in_type {
        let c = convert(&field.kind, quote! { x });
        quote! { #ident: value.#ident.map(|x| #c) }
    } else if is_list && !field.required {
        let c = convert(&field.kind, quote! { value.#ident });
        quote! { #ident: (!value.#ident.is_empty()).then(|| #c) }
    } else {
        let c = convert(&field.kind, quote! { value.#ident });
        quote! { #ident: Some(#c) }
    }
}

/// `builders.rs`.
pub fn builders(model: &Model) -> TokenStream {
    let path = quote! { crate:: };
    let items = model.objects.values().map(|object| {
        let name = &object.name;
        let builder = builder_name(name);
        let type_doc = format!(
            "Builds a [`types::{name}`]: setters take plain values; \
             [`build`](Self::build) checks every documented rule.\n\n{}",
            object.doc.trim()
        );
        let stored = object.fields.iter().map(|f| {
            let ident = &f.ident;
            let ty = f.kind.stored();
            quote! { pub(crate) #ident: Option<#ty> }
        });
        let setters = object.fields.iter().map(|f| setter(f, &path, None));
        let builds = object
            .fields
            .iter()
            .map(|f| build_field(f, &model.patterns));
        let assembled = object.fields.iter().map(assemble_field);
        let froms = object.fields.iter().map(from_field);
        let subject = name.to_string();
        quote! {
            #[doc = #type_doc]
            #[derive(Debug, Clone, Default, PartialEq)]
            pub struct #builder {
                #(#stored,)*
            }

            impl types::#name {
                /// A builder of this value: plain values in, every rule checked by `build()`.
                pub fn builder() -> #builder {
                    #builder::default()
                }
            }

            impl From<types::#name> for #builder {
                fn from(value: types::#name) -> Self {
                    Self { #(#froms,)* }
                }
            }

            impl #builder {
                #(#setters)*

                /// The value, or every documented rule it breaks (fields named from this
                /// value's root).
                pub fn build(self) -> Result<types::#name, InvalidRequest> {
                    let mut v = Violations::new();
                    let built = self.build_at(&Path::Root, &mut v);
                    v.finish(#subject, built)
                }

                /// Builds the value found at `root` of a request, recording broken rules in `v`.
                #[doc(hidden)]
                pub fn build_at(self, root: &Path<'_>, v: &mut Violations) -> Option<types::#name> {
                    #(#builds)*
                    Some(types::#name { #(#assembled,)* })
                }
            }
        }
    });
    quote! {
        //! A builder per request object: plain values in, every documented rule checked.
        #![allow(unused_variables, unused_imports, unused_mut, clippy::all)]
        use huaweicloud_bss_runtime::check::{self, Given, Path, Violations};
        use huaweicloud_bss_runtime::{Amount, Decimal, InvalidRequest, IntoAmount, Secret};

        use crate::types;

        #(#items)*
    }
}

/// A setter storing into the field of the same name; with `forward`, the setter forwards to the
/// inner builder `forward` instead.
pub fn setter(field: &Field, path: &TokenStream, forward: Option<TokenStream>) -> TokenStream {
    let ident = &field.ident;
    let doc = setter_doc(field);
    let (param, convert) = field.kind.setter(path);
    let body = match forward {
        Some(inner) => quote! { #inner = #inner.#ident(value); },
        None => quote! { self.#ident = Some(#convert); },
    };
    quote! {
        #[doc = #doc]
        pub fn #ident(mut self, value: #param) -> Self {
            #body
            self
        }
    }
}

/// `requests.rs`.
pub fn requests(model: &Model) -> TokenStream {
    let path = quote! { crate:: };
    let items = model.operations.iter().map(|op| {
        let name = &op.request;
        let index = op.index;
        let id = &op.id;
        let doc = format!(
            "A request of {id}: {}\n\nSet its fields, then send it with the client (or check \
             it with [`Request::encode`]). See the [documentation page]({}).",
            op.summary, op.doc_url
        );
        let output = match &op.output {
            Some(output) => quote! { types::#output },
            None => quote! { () },
        };
        let query_fields = op.query.iter().map(|f| {
            let ident = &f.ident;
            let ty = f.kind.stored();
            quote! { #ident: Option<#ty> }
        });
        let body_field = op.body.as_ref().map(|b| {
            let builder = builder_name(&b.name);
            quote! { body: builders::#builder, }
        });
        let query_setters = op.query.iter().map(|f| setter(f, &path, None));
        let body_setters = op.body.iter().flat_map(|b| {
            let path = path.clone();
            b.fields
                .iter()
                .map(move |f| setter(f, &path, Some(quote! { self.body })))
        });
        let body_method = op.body.as_ref().map(|b| {
            let body_name = &b.name;
            let builder = builder_name(body_name);
            let doc = format!(
                "Replaces the whole body with `body`: a [`types::{body_name}`] built elsewhere, or \
                 its builder. Setters called afterwards change single fields of it."
            );
            quote! {
                #[doc = #doc]
                pub fn body(mut self, body: impl Into<builders::#builder>) -> Self {
                    self.body = body.into();
                    self
                }
            }
        });
        let page = op.paged.map(|_| {
            let in_query = op.query.iter().any(|f| f.json == "offset");
            let source = if in_query { quote! { self } } else { quote! { self.body } };
            quote! {
                /// The offset and limit set so far (`None` when unset).
                pub fn page(&self) -> (Option<i32>, Option<i32>) {
                    (#source.offset, #source.limit)
                }
            }
        });
        let query_checks = op.query.iter().map(|f| query_encoding(f, &model.patterns));
        let query_len = op.query.len();
        let body_encoding = match &op.body {
            Some(_) => quote! {
                let body = self.body.build_at(&root, v);
                let body = violations.finish(Self::OPERATION.id, body)?;
                let body = check::to_json(Self::OPERATION.id, &body)?;
                Ok(Encoded { query, body: Some(body) })
            },
            None => quote! {
                violations.finish(Self::OPERATION.id, Some(()))?;
                Ok(Encoded { query, body: None })
            },
        };
        let wire_query = op.query.iter().map(wire_query_field);
        let wire_body = op.body.as_ref().map(|b| {
            let body_name = &b.name;
            quote! {
                match body {
                    Some(bytes) => {
                        if let Some(body) = check::decode_body::<types::#body_name>(bytes, v) {
                            request.body = body.into();
                        }
                    }
                    None => v.push(&root.field("body"), "a JSON body"),
                }
            }
        });
        let body_param = if op.body.is_some() {
            quote! { body }
        } else {
            quote! { _body }
        };
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, Default, PartialEq)]
            pub struct #name {
                #(#query_fields,)*
                #body_field
            }

            impl #name {
                /// An empty request.
                pub fn new() -> Self {
                    Self::default()
                }
                #(#query_setters)*
                #(#body_setters)*
                #body_method
                #page

                /// The request as received on the wire (query pairs, JSON body), for a server
                /// that checks what it receives as the client does: every value that does not
                /// parse, and every broken rule, is reported.
                pub fn from_wire(query: &[(&str, &str)], #body_param: Option<&[u8]>) -> Result<Self, InvalidRequest> {
                    let root = Path::Root;
                    let mut violations = Violations::new();
                    let v = &mut violations;
                    let mut request = Self::default();
                    #(#wire_query)*
                    #wire_body
                    let _ = (&root, query, &v);
                    violations.finish(Self::OPERATION.id, Some(request))
                }
            }

            impl Request for #name {
                type Output = #output;
                const OPERATION: &'static Operation = &crate::operations::OPERATIONS[#index];

                fn encode(self) -> Result<Encoded, InvalidRequest> {
                    let root = Path::Root;
                    let mut violations = Violations::new();
                    let v = &mut violations;
                    let mut query: Vec<(&'static str, String)> = Vec::with_capacity(#query_len);
                    #(#query_checks)*
                    #body_encoding
                }
            }
        }
    });
    let wire_arms = model.operations.iter().map(|op| {
        let name = &op.request;
        let id = &op.id;
        quote! { #id => #name::from_wire(query, body).and_then(|request| request.encode().map(drop)), }
    });
    quote! {
        //! A request per operation: query parameters and top-level body fields as setters taking
        //! plain values; `encode` checks every documented rule and reports every broken one.
        #![allow(unused_variables, unused_imports, unused_mut, clippy::all)]
        use huaweicloud_bss_runtime::check::{self, Path, Violations};
        use huaweicloud_bss_runtime::{Encoded, InvalidRequest, Operation, Request};

        use crate::{builders, types};

        #(#items)*

        /// Checks a request of operation `id` as received on the wire, as the client checks
        /// what it sends; `None` for an operation the spec does not have.
        pub fn check_wire(id: &str, query: &[(&str, &str)], body: Option<&[u8]>) -> Option<Result<(), InvalidRequest>> {
            Some(match id {
                #(#wire_arms)*
                _ => return None,
            })
        }
    }
}

/// Checks a query parameter and appends it to `query`.
fn query_encoding(field: &Field, patterns: &Patterns) -> TokenStream {
    let ident = &field.ident;
    let json = &field.json;
    let checks = |rules: &[Rule], subject: TokenStream| -> TokenStream {
        let checks = rules.iter().map(|rule| rule.check(&subject, patterns));
        quote! { #(#checks)* }
    };
    let present = match &field.kind {
        Kind::List(inner) => {
            let list_checks = checks(&field.rules, quote! { value });
            let subject = match inner.as_ref() {
                Kind::String => quote! { item.as_str() },
                Kind::Int(_) => quote! { *item },
                _ => quote! { item },
            };
            let item_checks = checks(&field.item_rules, subject);
            quote! {
                #list_checks
                for (i, item) in value.iter().enumerate() {
                    let at = at.index(i);
                    #item_checks
                    let _ = at;
                }
                query.extend(value.into_iter().map(|item| (#json, item.to_string())));
            }
        }
        Kind::String => {
            let c = checks(&field.rules, quote! { value.as_str() });
            quote! { #c query.push((#json, value)); }
        }
        _ => {
            let c = checks(&field.rules, quote! { value });
            quote! { #c query.push((#json, value.to_string())); }
        }
    };
    let missing = if field.required {
        quote! { v.required(&at); }
    } else {
        quote! {}
    };
    quote! {
        {
            let at = root.field(#json);
            match self.#ident {
                Some(value) => { #present }
                None => { #missing }
            }
        }
    }
}

/// Parses a query parameter from the received pairs into the request.
fn wire_query_field(field: &Field) -> TokenStream {
    let ident = &field.ident;
    let json = &field.json;
    let parse_one = |kind: &Kind| -> TokenStream {
        match kind {
            Kind::String => quote! { Some(text.to_string()) },
            Kind::Int(ty) => quote! {
                match text.parse::<#ty>() {
                    Ok(value) => Some(value),
                    Err(_) => { v.push(&at, "an integer"); None }
                }
            },
            Kind::Enum(name) => quote! {
                match text.parse::<types::#name>() {
                    Ok(value) => Some(value),
                    Err(_) => { v.push(&at, "one of the documented values"); None }
                }
            },
            _ => quote! { None },
        }
    };
    match &field.kind {
        Kind::List(inner) => {
            let parse = parse_one(inner);
            quote! {
                {
                    let at = root.field(#json);
                    let values: Vec<_> = query
                        .iter()
                        .filter(|(key, _)| *key == #json)
                        .filter_map(|(_, text)| #parse)
                        .collect();
                    if !values.is_empty() {
                        request.#ident = Some(values);
                    }
                }
            }
        }
        kind => {
            let parse = parse_one(kind);
            quote! {
                if let Some((_, text)) = query.iter().find(|(key, _)| *key == #json) {
                    let at = root.field(#json);
                    request.#ident = #parse;
                }
            }
        }
    }
}

//! The httpmock extension (crates/huaweicloud-bss-httpmock/src/generated.rs): progenitor's typed
//! `When`/`Then` per operation and a `MockServerExt` method per operation, documented from the
//! spec, plus an `error(code)` answer per operation built from the spec's error record.

use std::collections::BTreeMap;

use anyhow::{Context, anyhow};
use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::TokenStream;
use progenitor::Generator;
use quote::{ToTokens, format_ident, quote};

use super::spec::Spec;
use super::types;

/// The crate the generated mocks name their types through: the one downstream code depends on,
/// so a stub takes exactly the `types::…` values the client sends and returns.
const CLIENT_CRATE: &str = "huaweicloud_bss";

/// What the docs of one operation's mock items say.
struct OperationDoc {
    id: String,
    method: String,
    path: String,
    summary: String,
}

pub fn generate(spec: &Spec) -> anyhow::Result<TokenStream> {
    // The client's own settings, so every type is spelled as the client spells it (the
    // conversions to Secret, Bounded and Money above all).
    let mut generator = Generator::new(&types::settings(spec)?);
    // The full spec, not the client's view without errors: its error responses give every
    // `Then` a typed method per documented error status (`bad_request(&types::Error)`, …).
    let mocks = generator
        .httpmock(&types::without_rules(spec)?, CLIENT_CRATE)
        .map_err(|e| anyhow!("progenitor httpmock: {e}"))?;
    let mut file: syn::File =
        syn::parse2(mocks).context("progenitor's httpmock output is not a Rust file")?;
    let docs = operation_docs(spec);
    document(&mut file, &docs)?;

    let error_answers = docs.iter().map(|(snake, op)| {
        let then = format_ident!("{}Then", snake.to_upper_camel_case());
        let id = &op.id;
        let doc = format!(
            "Answers as BSS does with `code`, which must be documented for {id} or be an API \
             Gateway code: the HTTP status the spec records for it, a JSON error body with the \
             documented message, and an `X-Request-Id` header \
             ([`MOCK_REQUEST_ID`](crate::MOCK_REQUEST_ID)).\n\n\
             Panics, naming the operation and its documented codes, for any other code; stub an \
             undocumented answer with the status methods (`bad_request(&types::Error)`, …) or \
             `into_inner()`."
        );
        quote! {
            impl operations::#then {
                #[doc = #doc]
                pub fn error(self, code: huaweicloud_bss::ErrorCode) -> Self {
                    Self::new(crate::error_answer(#id, self.into_inner(), &code))
                }
            }
        }
    });
    Ok(quote! {
        //! Typed httpmock stubs for every operation of spec/bss.yaml.
        #![allow(clippy::all, clippy::pedantic, unused_imports)]

        #file

        #(#error_answers)*
    })
}

/// Each operation by progenitor's snake-case name (how it names the mock items).
fn operation_docs(spec: &Spec) -> BTreeMap<String, OperationDoc> {
    spec.operations()
        .map(|(path, method, op)| {
            let id = op.operation_id.clone().unwrap_or_default();
            let doc = OperationDoc {
                id: id.clone(),
                method: method.to_uppercase(),
                path: path.to_string(),
                summary: op.summary.clone().unwrap_or_default(),
            };
            (id.to_snake_case(), doc)
        })
        .collect()
}

/// Adds docs, which progenitor's output lacks, to the `When`/`Then` wrappers, their
/// constructors and the `MockServerExt` methods; fails if an item names no spec operation.
fn document(file: &mut syn::File, docs: &BTreeMap<String, OperationDoc>) -> anyhow::Result<()> {
    let by_type = |ident: &syn::Ident, suffix: &str| -> anyhow::Result<&OperationDoc> {
        let name = ident.to_string();
        let stem = name
            .strip_suffix(suffix)
            .with_context(|| format!("unexpected mock item {name}"))?;
        docs.get(&stem.to_snake_case())
            .with_context(|| format!("mock item {name} names no operation of the spec"))
    };
    for item in &mut file.items {
        match item {
            syn::Item::Mod(module) if module.ident == "operations" => {
                let Some((_, items)) = &mut module.content else {
                    continue;
                };
                for item in items {
                    match item {
                        syn::Item::Struct(item) => {
                            let name = item.ident.to_string();
                            let doc = if name.ends_with("When") {
                                let op = by_type(&item.ident, "When")?;
                                format!(
                                    "Which requests a stub of {} answers: `{} {}` ({}), narrowed \
                                     by the request's parameters and body.",
                                    op.id, op.method, op.path, op.summary
                                )
                            } else {
                                let op = by_type(&item.ident, "Then")?;
                                format!(
                                    "How a stub of {} answers: a typed success body, a \
                                     documented error (`error`), or a body per error status.",
                                    op.id
                                )
                            };
                            item.attrs.push(syn::parse_quote!(#[doc = #doc]));
                        }
                        syn::Item::Impl(block) => {
                            let is_when = matches!(&*block.self_ty, syn::Type::Path(p)
                                if p.path.segments.last().is_some_and(|s| s.ident.to_string().ends_with("When")));
                            for member in &mut block.items {
                                if let syn::ImplItem::Fn(function) = member {
                                    let name = function.sig.ident.to_string();
                                    if is_when {
                                        match_each_repeated_value(function)?;
                                    }
                                    let doc = member_doc(is_when, &name);
                                    function.attrs.push(syn::parse_quote!(#[doc = #doc]));
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            syn::Item::Trait(tr) if tr.ident == "MockServerExt" => {
                for member in &mut tr.items {
                    if let syn::TraitItem::Fn(function) = member {
                        let snake = function.sig.ident.to_string();
                        let op = docs
                            .get(&snake)
                            .with_context(|| format!("mock method {snake} names no operation"))?;
                        let doc = format!(
                            "Stubs {}, `{} {}` ({}): `config_fn` narrows the requests and sets \
                             the answer.",
                            op.id, op.method, op.path, op.summary
                        );
                        function.attrs.push(syn::parse_quote!(#[doc = #doc]));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The doc of a method of a `When` (`is_when`) or `Then` wrapper.
fn member_doc(is_when: bool, name: &str) -> String {
    match (is_when, name) {
        (true, "new") => {
            "Wraps httpmock's `When`, matching the operation's method and path.".into()
        }
        (false, "new") => "Wraps httpmock's `Then`.".into(),
        (_, "into_inner") => {
            "The plain httpmock builder, to match or answer beyond what the spec allows.".into()
        }
        (true, "body") => {
            "Matches only requests whose JSON body equals `value`, field for field.".into()
        }
        (true, parameter) => format!(
            "Matches only requests whose `{parameter}` parameter is `value` (`None`: absent)."
        ),
        (false, "ok") => "Answers HTTP 200 with `value` as the JSON body.".into(),
        (false, "no_content") => "Answers HTTP 204 without a body.".into(),
        (false, status) => {
            // Progenitor names these methods after the canonical reason of each error status
            // the spec declares (400, 401, 403, 404, 429, 500, 503).
            let code = match status {
                "bad_request" => "400",
                "unauthorized" => "401",
                "forbidden" => "403",
                "not_found" => "404",
                "too_many_requests" => "429",
                "internal_server_error" => "500",
                "service_unavailable" => "503",
                _ => "of this name",
            };
            format!(
                "Answers HTTP {code} with `value` as the JSON error body; `error(code)` answers \
                 with a documented code instead."
            )
        }
    }
}

/// Progenitor matches a query parameter with `value.to_string()`, which a list does not have.
/// An array parameter is sent as one key per value (`coupon_ids=a&coupon_ids=b`), so its
/// matcher requires each value as its own key instead.
fn match_each_repeated_value(function: &mut syn::ImplItemFn) -> anyhow::Result<()> {
    let signature = function.sig.to_token_stream().to_string();
    if !signature.contains(":: std :: vec :: Vec <") {
        return Ok(());
    }
    let key = function
        .block
        .to_token_stream()
        .into_iter()
        .find_map(|token| first_string_literal(&token))
        .with_context(|| format!("no query key in {}", function.sig.ident))?;
    let optional = !function.sig.generics.params.is_empty();
    function.block = if optional {
        syn::parse_quote!({
            match value.into() {
                Some(values) => Self(values.iter().fold(self.0, |when, value| {
                    when.query_param(#key, value.to_string())
                })),
                None => Self(self.0.query_param_missing(#key)),
            }
        })
    } else {
        syn::parse_quote!({
            Self(value.iter().fold(self.0, |when, value| {
                when.query_param(#key, value.to_string())
            }))
        })
    };
    Ok(())
}

/// The first string literal in `token` (a query key in progenitor's matcher bodies).
fn first_string_literal(token: &proc_macro2::TokenTree) -> Option<syn::LitStr> {
    match token {
        proc_macro2::TokenTree::Literal(literal) => syn::parse_str(&literal.to_string()).ok(),
        proc_macro2::TokenTree::Group(group) => group
            .stream()
            .into_iter()
            .find_map(|t| first_string_literal(&t)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_gets_a_stub_method_typed_wrappers_and_an_error_answer() {
        let spec = Spec::load(&crate::workspace::root().join("spec/bss.yaml")).unwrap();
        let generated = generate(&spec).unwrap().to_string();
        for (_, _, op) in spec.operations() {
            let snake = op.operation_id.as_deref().unwrap().to_snake_case();
            let camel = snake.to_upper_camel_case();
            for expected in [
                format!("fn {snake} < F >"),
                format!("pub struct {camel}When"),
                format!("pub struct {camel}Then"),
                format!("impl operations :: {camel}Then"),
            ] {
                assert!(generated.contains(&expected), "missing `{expected}`");
            }
        }
    }

    #[test]
    fn an_array_query_parameter_requires_each_value_as_its_own_key() {
        let mut repeated: syn::ImplItemFn = syn::parse_quote! {
            pub fn coupon_ids<'a, T>(self, value: T) -> Self
            where
                T: Into<Option<&'a ::std::vec::Vec<types::CouponId>>>,
            {
                if let Some(value) = value.into() {
                    Self(self.0.query_param("coupon_ids", value.to_string()))
                } else {
                    Self(self.0.query_param_missing("coupon_ids"))
                }
            }
        };
        match_each_repeated_value(&mut repeated).unwrap();
        let body = repeated.block.to_token_stream().to_string();
        assert!(body.contains("values . iter () . fold"), "{body}");
        assert!(body.contains("query_param (\"coupon_ids\" , value . to_string ())"));
        assert!(body.contains("query_param_missing (\"coupon_ids\")"));

        let mut scalar: syn::ImplItemFn = syn::parse_quote! {
            pub fn limit(self, value: &i32) -> Self {
                Self(self.0.query_param("limit", value.to_string()))
            }
        };
        let before = scalar.to_token_stream().to_string();
        match_each_repeated_value(&mut scalar).unwrap();
        assert_eq!(scalar.to_token_stream().to_string(), before);
    }

    #[test]
    fn a_mock_item_that_names_no_operation_is_an_error() {
        let mut file: syn::File = syn::parse_quote! {
            pub mod operations {
                pub struct NoSuchOperationWhen(::httpmock::When);
            }
        };
        let err = document(&mut file, &BTreeMap::new()).unwrap_err();
        assert!(
            err.to_string()
                .contains("NoSuchOperationWhen names no operation"),
            "{err}"
        );
    }
}

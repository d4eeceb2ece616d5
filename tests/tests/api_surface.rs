//! The generated public surface as a reviewer reads it: operations, client methods, the call
//! builders with their setters, the body builders, and every public type with its fields. A
//! spec change shows up here as a readable diff.

use std::path::Path;

use huaweicloud_bss::operations::OPERATIONS;
use quote::ToTokens;

/// The request and response types (`huaweicloud_bss::types`).
const GENERATED: &str = include_str!("../../crates/huaweicloud-bss-api/src/lib.rs");
/// The body builders (`huaweicloud_bss::builders`).
const BUILDERS: &str = include_str!("../../crates/huaweicloud-bss-api/src/builders.rs");
/// The `Client` methods and call builders (`huaweicloud_bss::calls`).
const CALLS: &str = include_str!("../../crates/huaweicloud-bss/src/generated/calls.rs");

fn tokens(item: &impl ToTokens) -> String {
    item.to_token_stream()
        .to_string()
        .replace(":: std :: option :: ", "")
        .replace(":: std :: vec :: ", "")
        .replace(":: std :: string :: ", "")
        .replace(" :: ", "::")
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace(" , ", ", ")
}

fn describe_types(items: &[syn::Item], out: &mut String) {
    for item in items {
        match item {
            syn::Item::Struct(s) if matches!(s.vis, syn::Visibility::Public(_)) => {
                match &s.fields {
                    syn::Fields::Named(fields) => {
                        out.push_str(&format!("struct {} {{\n", s.ident));
                        for field in &fields.named {
                            let name = field.ident.as_ref().expect("named field");
                            out.push_str(&format!("    {name}: {}\n", tokens(&field.ty)));
                        }
                        out.push_str("}\n");
                    }
                    syn::Fields::Unnamed(fields) => {
                        let inner: Vec<String> =
                            fields.unnamed.iter().map(|f| tokens(&f.ty)).collect();
                        out.push_str(&format!("struct {}({})\n", s.ident, inner.join(", ")));
                    }
                    syn::Fields::Unit => out.push_str(&format!("struct {}\n", s.ident)),
                }
            }
            syn::Item::Enum(e) if matches!(e.vis, syn::Visibility::Public(_)) => {
                let variants: Vec<String> =
                    e.variants.iter().map(|v| v.ident.to_string()).collect();
                out.push_str(&format!("enum {} {{ {} }}\n", e.ident, variants.join(", ")));
            }
            _ => {}
        }
    }
}

/// Every public method of every inherent impl in `items`, one line each:
/// `Type::method(argument types) -> output`.
fn describe_methods(items: &[syn::Item], out: &mut String) {
    for item in items {
        let syn::Item::Impl(imp) = item else { continue };
        if imp.trait_.is_some() {
            continue;
        }
        let self_ty = tokens(&imp.self_ty).replace("<'a>", "");
        for item in &imp.items {
            let syn::ImplItem::Fn(f) = item else { continue };
            if !matches!(f.vis, syn::Visibility::Public(_)) {
                continue;
            }
            let inputs: Vec<String> = f
                .sig
                .inputs
                .iter()
                .filter_map(|input| match input {
                    syn::FnArg::Typed(arg) => Some(tokens(&arg.ty)),
                    syn::FnArg::Receiver(_) => None,
                })
                .collect();
            let output = match &f.sig.output {
                syn::ReturnType::Default => String::new(),
                syn::ReturnType::Type(_, ty) => format!(" -> {}", tokens(ty)),
            };
            out.push_str(&format!(
                "{self_ty}::{}({}){output}\n",
                f.sig.ident,
                inputs.join(", ")
            ));
        }
    }
}

/// The `Client` methods of the generated calls.
fn client_methods(calls: &syn::File) -> Vec<String> {
    calls
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Impl(imp) if imp.trait_.is_none() && tokens(&imp.self_ty) == "Client" => {
                Some(imp)
            }
            _ => None,
        })
        .flat_map(|imp| imp.items.iter())
        .filter_map(|item| match item {
            syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
            _ => None,
        })
        .collect()
}

fn surface() -> String {
    let file = syn::parse_file(GENERATED).expect("the generated crate parses");
    let calls = syn::parse_file(CALLS).expect("the generated calls parse");
    let builders = syn::parse_file(BUILDERS).expect("the generated builders parse");
    let mut out = String::from("# operations\n");
    for op in OPERATIONS {
        out.push_str(&format!(
            "{} {} {} read_only={} errors=[{}]\n",
            op.id,
            op.method,
            op.path,
            op.read_only,
            op.error_codes.join(", ")
        ));
    }
    out.push_str("\n# client methods and calls\n");
    describe_methods(&calls.items, &mut out);
    out.push_str("\n# body builders\n");
    describe_methods(&builders.items, &mut out);
    out.push_str("\n# types\n");
    let types = file.items.iter().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == "types" => m.content.as_ref().map(|(_, items)| items),
        _ => None,
    });
    describe_types(
        types.expect("the generated crate has a types module"),
        &mut out,
    );
    out
}

#[test]
fn generated_surface_matches_the_reviewed_snapshot() {
    insta::assert_snapshot!(surface());
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            found.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn no_progenitor_client_path_is_in_the_public_api() {
    // The generated surface itself.
    let surface = surface();
    assert!(
        !surface.contains("progenitor"),
        "the public surface names progenitor"
    );
    // Nothing huaweicloud-bss exposes (its own code and the crates it re-exports) can name
    // progenitor_client: none of them depends on it, and no source mentions it.
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates");
    for name in [
        "huaweicloud-bss",
        "huaweicloud-bss-api",
        "huaweicloud-bss-runtime",
    ] {
        let manifest = std::fs::read_to_string(crates.join(name).join("Cargo.toml"))
            .expect("a readable manifest");
        assert!(
            !manifest.contains("progenitor"),
            "{name} depends on progenitor"
        );
        let mut found = Vec::new();
        sources(&crates.join(name).join("src"), &mut found);
        assert!(!found.is_empty(), "{name} has sources");
        for (path, text) in found {
            assert!(
                !text.contains("progenitor_client"),
                "{path} mentions progenitor_client"
            );
        }
    }
}

#[test]
fn every_operation_is_a_client_method() {
    let calls = syn::parse_file(CALLS).expect("the generated calls parse");
    let methods = client_methods(&calls);
    for op in OPERATIONS {
        let snake: String = op
            .id
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                let lead = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                lead.into_iter()
                    .chain(std::iter::once(c.to_ascii_lowercase()))
            })
            .collect();
        assert!(methods.contains(&snake), "{} has no Client::{snake}", op.id);
    }
}

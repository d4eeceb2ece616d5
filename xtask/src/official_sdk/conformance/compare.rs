//! Every difference between an official operation and the spec's, located in the
//! `x-sdk-differences` grammar.
//!
//! Built-in rules (not differences): a spec `format: decimal` number carries an SDK float or
//! decimal (an SDK decimal needs the spec's decimal); string formats (`password`, dates) are
//! strings; response fields' `required` flags are not compared (spec responses are lenient by
//! convention) and neither is the request body's own `required` (the SDK never marks a body
//! required). A success response without a body where the SDK has a response model (even one
//! without fields) is `response missing`: the spec promises no body, the SDK parses one.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::records::Kind;
use super::shape::{Field, Node, Operation, Param};

/// One difference: `<location> <kind>: sdk=<..> spec=<..>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Difference {
    pub at: String,
    pub kind: Kind,
    pub sdk: String,
    pub spec: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: sdk={} spec={}",
            self.at, self.kind, self.sdk, self.spec
        )
    }
}

/// Shown for the side that lacks the compared thing.
const ABSENT: &str = "-";

pub(super) fn operation(sdk: &Operation, spec: &Operation) -> Vec<Difference> {
    let mut out = Vec::new();
    if sdk.method != spec.method {
        push(&mut out, "method", Kind::Value, &sdk.method, &spec.method);
    }
    if sdk.path != spec.path {
        push(&mut out, "path", Kind::Value, &sdk.path, &spec.path);
    }
    params("path", &sdk.path_params, &spec.path_params, &mut out);
    params("query", &sdk.query, &spec.query, &mut out);
    params("header", &sdk.headers, &spec.headers, &mut out);
    match (&sdk.body, &spec.body) {
        (None, None) => {}
        (Some(sdk), None) => push(&mut out, "body", Kind::Missing, &sdk.label(), ABSENT),
        (None, Some(spec)) => push(&mut out, "body", Kind::Extra, ABSENT, &spec.label()),
        (Some(sdk), Some(spec)) => node("body", sdk, spec, Side::Request, &mut out),
    }
    match (&sdk.response, &spec.response) {
        (None, None) => {}
        (Some(sdk), None) => push(&mut out, "response", Kind::Missing, &sdk.label(), ABSENT),
        (None, Some(spec)) => push(&mut out, "response", Kind::Extra, ABSENT, &spec.label()),
        (Some(sdk), Some(spec)) => node("response", sdk, spec, Side::Response, &mut out),
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
}

fn push(out: &mut Vec<Difference>, at: &str, kind: Kind, sdk: &str, spec: &str) {
    out.push(Difference {
        at: at.to_string(),
        kind,
        sdk: sdk.to_string(),
        spec: spec.to_string(),
    });
}

fn params(
    section: &str,
    sdk: &BTreeMap<String, Param>,
    spec: &BTreeMap<String, Param>,
    out: &mut Vec<Difference>,
) {
    let keys: BTreeSet<&String> = sdk.keys().chain(spec.keys()).collect();
    for key in keys {
        match (sdk.get(key), spec.get(key)) {
            (Some(sdk), None) => push(
                out,
                &format!("{section}.{}", sdk.name),
                Kind::Missing,
                &sdk.node.label(),
                ABSENT,
            ),
            (None, Some(spec)) => push(
                out,
                &format!("{section}.{}", spec.name),
                Kind::Extra,
                ABSENT,
                &spec.node.label(),
            ),
            (Some(sdk), Some(spec)) => {
                let at = format!("{section}.{}", sdk.name);
                if !spec.node.carries(&sdk.node) {
                    push(out, &at, Kind::Type, &sdk.node.label(), &spec.node.label());
                }
                if sdk.required != spec.required {
                    let (a, b) = (sdk.required.to_string(), spec.required.to_string());
                    push(out, &at, Kind::Required, &a, &b);
                }
                if sdk.repeated != spec.repeated {
                    let (a, b) = (sdk.repeated.to_string(), spec.repeated.to_string());
                    push(out, &at, Kind::Repeated, &a, &b);
                }
            }
            (None, None) => unreachable!("keys come from both maps"),
        }
    }
}

/// Types, then array items (`at[]`) or object fields (`at.name`).
fn node(at: &str, sdk: &Node, spec: &Node, side: Side, out: &mut Vec<Difference>) {
    if !super::shape::Ty::carries(&spec.ty, &sdk.ty) {
        push(out, at, Kind::Type, &sdk.label(), &spec.label());
        return;
    }
    if let (Some(sdk_items), Some(spec_items)) = (&sdk.items, &spec.items) {
        node(&format!("{at}[]"), sdk_items, spec_items, side, out);
    }
    if let (Some(sdk_fields), Some(spec_fields)) = (&sdk.fields, &spec.fields) {
        fields(at, sdk_fields, spec_fields, side, out);
    }
}

fn fields(
    at: &str,
    sdk: &BTreeMap<String, Field>,
    spec: &BTreeMap<String, Field>,
    side: Side,
    out: &mut Vec<Difference>,
) {
    let names: BTreeSet<&String> = sdk.keys().chain(spec.keys()).collect();
    for name in names {
        let at = format!("{at}.{name}");
        match (sdk.get(name), spec.get(name)) {
            (Some(sdk), None) => push(out, &at, Kind::Missing, &sdk.node.label(), ABSENT),
            (None, Some(spec)) => push(out, &at, Kind::Extra, ABSENT, &spec.node.label()),
            (Some(sdk), Some(spec)) => {
                if side == Side::Request && sdk.required != spec.required {
                    let (a, b) = (sdk.required.to_string(), spec.required.to_string());
                    push(out, &at, Kind::Required, &a, &b);
                }
                node(&at, &sdk.node, &spec.node, side, out);
            }
            (None, None) => unreachable!("names come from both maps"),
        }
    }
}

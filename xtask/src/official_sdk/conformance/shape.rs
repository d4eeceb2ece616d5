//! What the conformance test compares: one shape for an operation, built from the official SDK
//! description and from the spec alike.

use std::collections::BTreeMap;

/// A JSON type, with exact decimals told apart from other numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ty {
    String,
    Integer,
    /// Any JSON number (SDK `float`, spec `number` without `format: decimal`).
    Number,
    /// SDK `decimal.Decimal`, spec `number` with `format: decimal`.
    Decimal,
    Boolean,
    Array,
    Object,
    /// Anything else (a spec schema without a type, oneOf...): never equal to a real type.
    Other(String),
}

impl Ty {
    /// Whether a spec value of type `spec` carries an SDK value of type `sdk`: equal types,
    /// or an exact decimal where the SDK has a float. A float where the SDK has a decimal
    /// would round money, so it is a difference.
    pub(super) fn carries(spec: &Ty, sdk: &Ty) -> bool {
        spec == sdk || (*sdk == Ty::Number && *spec == Ty::Decimal)
    }

    fn name(&self) -> &str {
        match self {
            Ty::String => "string",
            Ty::Integer => "integer",
            Ty::Number => "number",
            Ty::Decimal => "decimal",
            Ty::Boolean => "boolean",
            Ty::Array => "array",
            Ty::Object => "object",
            Ty::Other(other) => other,
        }
    }
}

/// A value's shape: its type, the items of an array, the fields of an object.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub ty: Ty,
    pub items: Option<Box<Node>>,
    /// Fields by JSON name; `None` where a model recurs inside itself (compared once, higher
    /// up) or for a free-form object.
    pub fields: Option<BTreeMap<String, Field>>,
}

impl Node {
    pub(super) fn scalar(ty: Ty) -> Self {
        Node {
            ty,
            items: None,
            fields: None,
        }
    }

    /// An object without fields (a request body without a schema).
    pub(super) fn empty_object() -> Self {
        Node {
            ty: Ty::Object,
            items: None,
            fields: Some(BTreeMap::new()),
        }
    }

    /// `string`, `decimal`, `array<object>`...: how a difference shows the type.
    pub(super) fn label(&self) -> String {
        match (&self.ty, &self.items) {
            (Ty::Array, Some(items)) => format!("array<{}>", items.label()),
            (ty, _) => ty.name().to_string(),
        }
    }

    /// Whether a spec node of this shape carries `sdk`'s values (types only, items included;
    /// object fields are compared one by one elsewhere).
    pub(super) fn carries(&self, sdk: &Node) -> bool {
        Ty::carries(&self.ty, &sdk.ty)
            && match (&self.items, &sdk.items) {
                (Some(spec), Some(sdk)) => spec.carries(sdk),
                (None, None) => true,
                _ => false,
            }
    }
}

#[derive(Debug, Clone)]
pub(super) struct Field {
    pub required: bool,
    pub node: Node,
}

/// A path, query or header parameter.
#[derive(Debug, Clone)]
pub(super) struct Param {
    /// As written (header names keep their spelling; maps are keyed case-insensitively).
    pub name: String,
    pub required: bool,
    /// Sent as repeated keys (`k=a&k=b`).
    pub repeated: bool,
    pub node: Node,
}

#[derive(Debug, Clone)]
pub(super) struct Operation {
    pub method: String,
    pub path: String,
    pub path_params: BTreeMap<String, Param>,
    pub query: BTreeMap<String, Param>,
    /// Keyed by lower-case name.
    pub headers: BTreeMap<String, Param>,
    pub body: Option<Node>,
    /// The success response body (`None`: the spec's success response has no body).
    pub response: Option<Node>,
}

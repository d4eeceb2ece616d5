//! What a generated request is: an operation of the spec, and the checked request ready to be
//! signed and sent.

use crate::check::InvalidRequest;

/// One operation of the spec, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The official API name, e.g. `CreateSubCustomer`.
    pub id: &'static str,
    /// The client's method for it, e.g. `create_sub_customer`.
    pub client_method: &'static str,
    /// HTTP method, upper case.
    pub method: &'static str,
    /// Path template.
    pub path: &'static str,
    /// English summary with the official Chinese name.
    pub summary: &'static str,
    /// The operation's documentation page.
    pub doc_url: &'static str,
    /// The operation only reads: sending it twice has no effect beyond the first.
    pub read_only: bool,
    /// Error codes the documentation lists for this operation.
    pub error_codes: &'static [&'static str],
    /// Request body fields that identify what the operation creates or changes, reported
    /// when a call's outcome is unknown so it can be reconciled.
    pub reconcile_keys: &'static [&'static str],
    /// Dotted paths of the request body fields the spec marks secret.
    pub secret_fields: &'static [&'static str],
}

/// A request whose every documented rule holds, in the form it goes on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Encoded {
    /// Query parameters in the order the spec lists them; an array parameter repeats its key.
    pub query: Vec<(&'static str, String)>,
    /// The JSON body, for operations that take one.
    pub body: Option<Vec<u8>>,
}

/// A request of one operation, built with its generated builder.
pub trait Request {
    /// The decoded body of a success answer (`()` for operations answering 204).
    type Output: serde::de::DeserializeOwned;

    /// The operation the request is for.
    const OPERATION: &'static Operation;

    /// Checks every documented rule and encodes the request; nothing is sent when a rule is
    /// broken, and every broken rule is reported.
    fn encode(self) -> Result<Encoded, InvalidRequest>;
}

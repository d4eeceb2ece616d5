//! What the generated client tells the runtime about an operation, and what the runtime attaches
//! to the response it hands back.

/// What the spec says about an operation that matters while it is being sent.
#[derive(Debug, Clone, Copy)]
pub struct OperationMeta {
    /// The official API name, e.g. `CreateSubCustomer`.
    pub id: &'static str,
    /// The operation only reads (`x-bss-read-only`): it may be sent again after any failure.
    pub read_only: bool,
    /// Top-level request body fields that identify what a write created
    /// (`x-bss-reconcile-keys`); reported when its outcome is unknown.
    pub reconcile_keys: &'static [&'static str],
    /// Dotted paths of the request body fields the spec marks secret; redacted in TRACE logs.
    pub secret_fields: &'static [&'static str],
    /// Decodes a success body with the operation's response type. A body that fails is
    /// reported with its status and request id instead of being handed to the generated
    /// decoder, which would lose both.
    pub check_success_body: fn(&[u8]) -> Result<(), serde_json::Error>,
}

/// How many attempts a call made; attached to every response the runtime returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempts(pub u32);

/// Whether the last attempt's request may have reached the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// No connection was established: the server never saw the request.
    NotSent,
    /// The request may have been (partly) sent: the server may have acted on it.
    MaybeSent,
}

/// Why a call ended without a usable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureKind {
    /// No connection could be made (DNS, refused, TLS handshake, connect timeout).
    Connect,
    /// The call's deadline passed.
    Timeout,
    /// The connection broke before a complete answer arrived.
    ConnectionLost,
    /// A 2xx answer whose body could not be read or does not decode as the spec describes.
    /// The status says the operation took effect.
    InvalidSuccessBody {
        /// The HTTP status received.
        status: u16,
    },
}

/// A call that ended without a usable answer. The runtime hands it back as a response with
/// status [`CallFailure::STATUS`] carrying this value as an extension, because the generated
/// client has no other channel for it; `huaweicloud-bss` turns it into its typed error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallFailure {
    /// The official operation name.
    pub operation: &'static str,
    /// What went wrong.
    pub kind: FailureKind,
    /// Whether the request may have reached the server.
    pub delivery: Delivery,
    /// The operation only reads.
    pub read_only: bool,
    /// Attempts made, this one included.
    pub attempts: u32,
    /// The underlying error, for people.
    pub cause: String,
    /// The request id of the answer, when one arrived.
    pub request_id: Option<String>,
    /// The start of the body, when one arrived.
    pub body_snippet: Option<String>,
    /// The values of the operation's reconcile keys in the request that was sent.
    pub reconcile: Vec<(&'static str, String)>,
}

impl CallFailure {
    /// The status of the stand-in response (never sent by a server on this API).
    pub const STATUS: u16 = 599;

    /// The server may have acted on a request that changes something, and no answer says
    /// whether it did.
    pub fn outcome_unknown(&self) -> bool {
        !self.read_only
            && self.delivery == Delivery::MaybeSent
            && !matches!(self.kind, FailureKind::InvalidSuccessBody { .. })
    }
}

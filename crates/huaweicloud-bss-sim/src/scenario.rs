//! Behaviour a test asks for: a documented error, a partial result, or a delay, for the next
//! call of an operation (queued with `RunningSimulator::inject`) or for one request (header
//! `X-Sim-Respond-With: <code>`).

use std::time::Duration;

use serde_json::{Map, json};

use crate::respond::{self, Reply};
use crate::server::{Received, Shared};

/// Header that makes one request fail with the given error code.
pub const RESPOND_WITH_HEADER: &str = "x-sim-respond-with";

/// A behaviour for the next call of one operation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Injection {
    /// Answer with this error code, its recorded status and meaning (CBC.7004 also lists a
    /// failed check item).
    Error {
        /// Operation id, e.g. `CreateSubCustomer`.
        operation: String,
        /// Error code, e.g. `CBC.0999`.
        code: String,
    },
    /// CreateSubCustomer creates the account, then answers CBC.99000050 with its
    /// `domain_id`/`domain_name`, as the real service does when association fails.
    CreatedDespiteError,
    /// Handle the call (state changes as usual), then drop the connection without answering:
    /// the client cannot know whether the call took effect.
    DropAfterHandling {
        /// Operation id.
        operation: String,
    },
    /// Wait this long before handling the call.
    Delay {
        /// Operation id.
        operation: String,
        /// How long to wait.
        delay: Duration,
    },
}

impl Injection {
    /// Shorthand for [`Injection::Error`].
    pub fn error(operation: &str, code: &str) -> Self {
        Injection::Error {
            operation: operation.to_string(),
            code: code.to_string(),
        }
    }

    fn operation(&self) -> &str {
        match self {
            Injection::Error { operation, .. }
            | Injection::Delay { operation, .. }
            | Injection::DropAfterHandling { operation } => operation,
            Injection::CreatedDespiteError => "CreateSubCustomer",
        }
    }
}

#[derive(Default)]
pub(crate) struct Taken {
    pub delay: Option<Duration>,
    pub reply: Option<Reply>,
    pub create_despite_error: bool,
    pub drop_after_handling: bool,
}

/// Removes the first behaviour queued for this operation; each call consumes at most one.
pub(crate) fn take(shared: &Shared, operation: &str, received: &Received) -> Taken {
    let mut taken = Taken::default();
    if let Some(code) = received.header(RESPOND_WITH_HEADER) {
        taken.reply = Some(error_reply(code));
        return taken;
    }
    let mut queue = shared.injections.lock().unwrap_or_else(|p| p.into_inner());
    let Some(index) = queue.iter().position(|i| i.operation() == operation) else {
        return taken;
    };
    match queue.remove(index).expect("index is in range") {
        Injection::Delay { delay, .. } => taken.delay = Some(delay),
        Injection::Error { code, .. } => taken.reply = Some(error_reply(&code)),
        Injection::CreatedDespiteError => taken.create_despite_error = true,
        Injection::DropAfterHandling { .. } => taken.drop_after_handling = true,
    }
    taken
}

fn error_reply(code: &str) -> Reply {
    // Codes documented with HTTP 200 are per-item failures of a batch: they only ever come
    // back inside a successful answer's `error_details`.
    let info = huaweicloud_bss_api::error_codes::ErrorCode::parse(code).info();
    if let Some(info) = info.filter(|i| (200..300).contains(&i.status)) {
        return respond::ok(json!({"error_details": [{
            "id": "injected",
            "error_code": code,
            "error_msg": info.message,
        }]}));
    }
    let mut extra = Map::new();
    if code == "CBC.7004" {
        extra.insert("fail_check_items".into(), json!(["MAX_SUB_CUSTOMER_NUM"]));
    }
    respond::error_with(code, None, extra)
}

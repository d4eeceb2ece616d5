//! A local simulator of the Huawei Cloud BSS partner API, on a loopback socket.
//!
//! It is driven by the spec through the generated crate: routes come from its operations table,
//! every request is checked with the client's own rules (`requests::check_wire`: every
//! documented constraint of its query parameters and body; a violation is answered with
//! `CBC.0100` naming every broken field, as the real service does, so the simulator refuses
//! exactly what the client refuses to send), bodies are decoded with its types, and error
//! answers use the status the spec's error record gives each code. It checks SDK-HMAC-SHA256
//! signatures over the bytes as received (or accepts a configured `X-Auth-Token`) and answers
//! `APIGW.0301` otherwise, so it accepts exactly what the official SDKs send. State lives in memory.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let sim = huaweicloud_bss_sim::Simulator::new("SIM_AK", "SIM_SK").start().await?;
//! println!("BSS simulator on {}", sim.url());
//! # Ok(()) }
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod ops;
mod request;
mod respond;
mod scenario;
pub mod seed;
mod server;
pub mod state;
mod verify;

pub use scenario::Injection;
pub use scenario::RESPOND_WITH_HEADER;
pub use server::{Received, RunningSimulator};
pub use state::State;

use secrecy::SecretString;

/// Configuration of a simulator; [`start`](Simulator::start) binds it to a loopback port.
#[derive(Debug, Clone)]
pub struct Simulator {
    pub(crate) ak: String,
    pub(crate) sk: SecretString,
    pub(crate) token: Option<SecretString>,
    pub(crate) port: u16,
}

impl Simulator {
    /// A simulator that accepts requests signed with this AK/SK pair.
    pub fn new(ak: impl Into<String>, sk: impl Into<String>) -> Self {
        Self {
            ak: ak.into(),
            sk: SecretString::from(sk.into()),
            token: None,
            port: 0,
        }
    }

    /// Also accepts requests carrying this `X-Auth-Token`.
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(SecretString::from(token.into()));
        self
    }

    /// Listens on this port of 127.0.0.1 (default 0: any free port).
    pub fn with_port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Binds and serves in the background until the returned handle is dropped.
    pub async fn start(self) -> std::io::Result<RunningSimulator> {
        server::start(self).await
    }
}

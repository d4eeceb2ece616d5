#![doc = include_str!("../README.md")]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod call;
#[path = "generated/calls.rs"]
pub mod calls;
mod client;
mod config;
mod error;
mod error_body;
mod failure;
pub mod paginate;
pub mod partial;
mod response;
mod tls;

pub use call::Clock;
/// How failed attempts are retried (see [`ClientBuilder::retry_policy`]).
pub use call::retry::RetryPolicy;
pub use client::{Client, ClientBuilder};
pub use config::{ConfigError, Region};
pub mod credentials;
pub use credentials::{
    CredentialsChain, CredentialsError, CredentialsProvider, CredentialsSource, Environment,
};
pub use error::{ApiError, ApiErrorKind, CreatedAccount, Error};
pub use failure::{InvalidResponse, OutcomeUnknown, TransportError};
pub use paginate::{Page, Paged};
pub use partial::{Failure, PartialFailures};
pub use response::Response;

/// The version (`info.version`) of the spec (`spec/bss.yaml`) the operations and types come
/// from. This crate's and `huaweicloud-bss-api`'s versions carry it as build metadata
/// (`0.1.0+spec.2026.11.0`), so `Cargo.lock` and `cargo tree` show it too.
pub const SPEC_VERSION: &str = "2026.11.0";

/// The builders of request objects (`types::NewCustomerV2::builder()`), for nested values.
pub use huaweicloud_bss_api::builders;
/// The documented error codes ([`ErrorCode`]) and what the documentation says of each.
pub use huaweicloud_bss_api::error_codes::{ErrorCode, ErrorCodeInfo};
/// The operations of the spec as data (method, path, documentation page, error codes).
pub use huaweicloud_bss_api::operations;
/// Request and response types of every operation, generated from the spec. Request types hold
/// plain values; `types::X::builder()` builds one and checks its documented rules.
pub use huaweicloud_bss_api::types;
/// Open enums of documented response values (statuses, types, results): one variant per
/// documented value and `Unknown` keeping any other value verbatim.
pub use huaweicloud_bss_api::values;
/// A request field that holds a password or verification code: never printed.
pub use huaweicloud_bss_runtime::Secret;
/// Exact money: `Amount` (an exact decimal, as requests send and responses carry it), what an
/// amount setter accepts (`"10.50"`, a `Decimal`), and the decimal type.
pub use huaweicloud_bss_runtime::{Amount, Decimal, IntoAmount};
/// A request refused before sending: every broken rule, with its field's path.
pub use huaweicloud_bss_runtime::{InvalidRequest, Violation};
/// Signing credentials and time (from the `huaweicloud-signer` crate).
pub use huaweicloud_signer::{Credentials, SigningTime};

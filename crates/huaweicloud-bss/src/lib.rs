#![doc = include_str!("../README.md")]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod client;
mod config;
mod error;
mod error_body;
mod failure;
mod paginate;
mod partial;
mod tls;

pub use client::{Client, ClientBuilder};
pub use config::{ConfigError, Region};
pub mod credentials;
pub use credentials::{
    CredentialsChain, CredentialsError, CredentialsProvider, CredentialsSource, Environment,
};
pub use error::{ApiError, ApiErrorKind, CreatedAccount, Error};
pub use failure::{InvalidResponse, OutcomeUnknown, TransportError};
/// How failed attempts are retried (see [`ClientBuilder::retry_policy`]).
pub use huaweicloud_bss_runtime::RetryPolicy;
pub use paginate::{Page, PageRequest, Paged, paginate};
pub use partial::{Failure, PartialFailures};

/// The version (`info.version`) of the spec (`spec/bss.yaml`) the operations and types come
/// from. This crate's and `huaweicloud-bss-api`'s versions carry it as build metadata
/// (`0.1.0+spec.2026.11.0`), so `Cargo.lock` and `cargo tree` show it too.
pub const SPEC_VERSION: &str = "2026.11.0";

/// A successful answer: the decoded body with its status and headers.
pub use huaweicloud_bss_api::ResponseValue;
/// The documented error codes ([`ErrorCode`]) and what the documentation says of each.
pub use huaweicloud_bss_api::error_codes::{ErrorCode, ErrorCodeInfo};
/// The operations of the spec as data (method, path, documentation page, error codes).
pub use huaweicloud_bss_api::operations;
/// Request and response types of every operation, generated from the spec.
pub use huaweicloud_bss_api::types;
/// An integer request field with a documented range.
pub use huaweicloud_bss_runtime::Bounded;
/// A request field that holds a password or verification code: length-checked, never printed.
pub use huaweicloud_bss_runtime::Secret;
/// Exact money: `Amount` (any decimal, as responses carry it), `Money` (a request amount with
/// limited decimal places and bounds), the error naming the broken rule, and the decimal type.
pub use huaweicloud_bss_runtime::{Amount, Decimal, Money, MoneyError};
/// Signing credentials and time (from the `huaweicloud-signer` crate).
pub use huaweicloud_bss_runtime::{Clock, Credentials, SigningTime};

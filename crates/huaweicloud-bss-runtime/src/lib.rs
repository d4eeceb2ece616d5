//! What the generated Huawei Cloud BSS types and requests (`huaweicloud-bss-api`) are made of,
//! beyond what the spec generates:
//! - [`Amount`]: exact decimal amounts (`type: number, format: decimal`), sent as JSON numbers
//!   written from the decimal text, never through `f64`;
//! - [`Secret`]: the type of every request field the spec marks `format: password`, which never
//!   prints its value;
//! - [`check`]: the documented rules of a request, checked field by field before anything is
//!   sent, every broken rule reported with the field's full path;
//! - [`Request`], [`Operation`], [`Encoded`]: a checked request of one operation, ready to send.
//!
//! Users depend on `huaweicloud-bss`, which sends requests and re-exports what matters.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod check;
mod money;
mod request;
mod secret;

pub use check::{InvalidRequest, Violation};
pub use money::{Amount, IntoAmount, MoneyError};
/// ECMAScript regular expressions, as the spec writes its patterns (used by generated checks).
#[doc(hidden)]
pub use regress;
pub use request::{Encoded, Operation, Request};
/// The decimal type inside [`Amount`] (from the `rust_decimal` crate).
pub use rust_decimal::Decimal;
pub use secret::Secret;

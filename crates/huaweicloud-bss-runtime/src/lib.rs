//! Runtime of the generated Huawei Cloud BSS client (`huaweicloud-bss-api`).
//!
//! The generated client calls into this crate for everything that is not derived from the spec:
//! - [`hooks`]: every request is signed (AK/SK) or given its token just before it is sent, and
//!   the body of every non-2xx answer is captured, bounded, as a [`CapturedErrorBody`];
//! - [`Context`]: the authentication and account settings those hooks use;
//! - [`Secret`]: the type of every request field the spec marks `format: password`, which
//!   checks its length bounds and never prints its value;
//! - [`Bounded`]: the type of every integer request field with a documented maximum;
//! - [`Amount`] and [`Money`]: exact decimal amounts (`type: number, format: decimal`), sent as
//!   JSON numbers without float rounding; `Money` checks a request amount's decimal places and
//!   bounds.
//!
//! Users depend on `huaweicloud-bss`, which builds the [`Context`] and re-exports what matters.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod bounded;
mod captured;
mod context;
pub mod hooks;
mod money;
mod secret;

pub use bounded::{Bounded, OutOfRange};
pub use captured::CapturedErrorBody;
pub use context::{Auth, Clock, Context};
pub use huaweicloud_signer::{Credentials, SigningTime};
pub use money::{Amount, Money, MoneyError};
/// The decimal type inside [`Amount`] and [`Money`] (from the `rust_decimal` crate).
pub use rust_decimal::Decimal;
pub use secret::{Secret, SecretLengthError};

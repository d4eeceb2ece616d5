//! What the generated command tree sees as its client crate.
//!
//! Progenitor's CLI imports everything from one path and calls the operations on a `Client`
//! from it. Here `Client` is the thin crate's [`huaweicloud_bss::Client`] (credentials,
//! signing, retries), whose operation methods are the generated client's through `Deref`; the
//! builders, types and progenitor's error come from the generated crate unchanged.

pub use huaweicloud_bss::Client;
pub use huaweicloud_bss_api::{Error, ResponseValue, builder, types};

/// Stands in for `schemars` in the bounds of progenitor's `CliConfig` trait.
///
/// Progenitor requires `schemars::JsonSchema` of every value it hands to the output hooks, for
/// CLIs that print schemas. This CLI prints JSON only, and the generated types do not derive
/// `JsonSchema`, so the bound is satisfied by every type. The generated code resolves the
/// name through the glob import of this module (the crate does not depend on `schemars`).
pub mod schemars {
    /// Implemented by every type; see the module documentation.
    pub trait JsonSchema {}
    impl<T: ?Sized> JsonSchema for T {}
}

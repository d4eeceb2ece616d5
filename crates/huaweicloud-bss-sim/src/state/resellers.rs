//! The reseller registry: the resellers (云经销商, tier-2 partners) associated with the
//! partner. Their money is in the [ledger](crate::state::ledger); a reseller is known to every
//! operation exactly when it is registered here.

/// A reseller (tier-2 partner) associated with the simulated distributor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reseller {
    /// Reseller id (`indirect_partner_id`).
    pub id: String,
    /// Account name.
    pub account_name: String,
    /// Company name.
    pub name: String,
    /// Association time, `YYYY-MM-DDThh:mm:ssZ`.
    pub associated_on: String,
}

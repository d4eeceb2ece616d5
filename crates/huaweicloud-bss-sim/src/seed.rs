//! Everything a fresh simulator holds: the one public place for seeded ids and amounts.
//!
//! The partner (distributor) has a cash account; seven resellers are associated with it, each
//! with its own account; six customers are registered (four of the partner's own, one of
//! [`DOC_RESELLERS`]`[1]`, one of [`RESELLER_D`]); the enterprise master account has one
//! member, [`MEMBER_ID`]. Every operation sees the same accounts: a reseller listed by
//! ListIndirectPartners has the balance ListPartnerBalances reports for it, and a customer
//! any operation knows is known to every operation.

/// The partner's starting cash balance.
pub const PARTNER_CASH: &str = "100000.00";

/// A reseller with a funded account ([`RESELLER_CASH`]).
pub const RESELLER_A: &str = "92c4f5e7a1b34d6c8e0f2a4b6c8d0b40";
/// A second reseller.
pub const RESELLER_B: &str = "62a3c5e7f9b14d2a8c6e0f1b3d5a7d30";
/// A reseller that already holds a quota ([`RESELLER_QUOTA`]).
pub const RESELLER_C: &str = "05bad7a90700d5bf0ff6c00ae40d0ca0";
/// A reseller that issued a coupon ([`RESELLER_COUPON`]) to its customer [`RESELLER_CUSTOMER`].
pub const RESELLER_D: &str = "f8231a7d11484dfaaea8b70755680c7e";
/// Starting balance of [`RESELLER_A`] to [`RESELLER_D`].
pub const RESELLER_CASH: &str = "5000.00";

/// Reseller ids of the documentation's examples (also associated resellers).
pub const DOC_RESELLERS: [&str; 3] = [
    "0977ffa9f20010790f0fc003f6900520",
    "0ba6fe16eb80d2390f54c01379e93740",
    "a0d736359ada40aab6502d1a828c1809",
];
/// Starting balance of each of [`DOC_RESELLERS`].
pub const DOC_RESELLER_CASH: &str = "50000.00";

/// Customer ids of the documentation's examples: `[0]`, `[1]` and `[3]` are the partner's
/// own, `[2]` belongs to [`DOC_RESELLERS`]`[1]`. Each starts with [`CUSTOMER_CASH`]; `[0]` is
/// an authenticated individual.
pub const CUSTOMERS: [&str; 4] = [
    "0666aa7a7900d5c80f6dc01a9a3598a0",
    "06f9fb4f24002f0b0f40c00327c28d00",
    "0bb43f81c000d3a10f19c014228fb580",
    "06a7969058802f0c0f01c00b91846780",
];
/// Starting balance of each of [`CUSTOMERS`].
pub const CUSTOMER_CASH: &str = "1000.00";

/// [`RESELLER_D`]'s customer, holding [`RESELLER_COUPON`] (no cash).
pub const RESELLER_CUSTOMER: &str = "1c0e3f5a7b9d4e2f8a6c0b1d3e5f7a9b";

/// The distributor's main cash-coupon quota (1,000,000.00).
pub const PARTNER_QUOTA: &str = "2018011615520150";
/// The distributor's quota [`RESELLER_QUOTA`] was carved from.
pub const PARENT_QUOTA: &str = "2020010206413502";
/// [`RESELLER_C`]'s quota (100.00).
pub const RESELLER_QUOTA: &str = "2020061902584509";
/// [`RESELLER_D`]'s quota, carved from [`PARENT_QUOTA`] (1,000.00).
pub const RESELLER_D_QUOTA: &str = "2020061902584510";
/// A coupon [`RESELLER_D`] issued to [`RESELLER_CUSTOMER`] (50.00, usable); its id is the one
/// the documentation's ReclaimPartnerCoupons example uses.
pub const RESELLER_COUPON: &str = "2018011615520150";

/// The enterprise member account every simulator starts with (under organization unit `392`).
pub const MEMBER_ID: &str = "06a29c5eed0001400fc0c01027684d40";
/// Its login name.
pub const MEMBER_NAME: &str = "subuser001";
/// The master coupon of the documented transfer example.
pub const COUPON_ID: &str = "CP19092406014086E3";
/// The master coupon the seeded member's sub coupon was split from.
pub const PARENT_COUPON_ID: &str = "CP19092406014086E2";
/// The sub coupon the seeded member holds (documented reclaim example).
pub const SUB_COUPON_ID: &str = "CP19092406014086E1";
/// Expiry of the master's (and the seeded member's) expiring credit ledger.
pub const CREDIT_EXPIRY: &str = "2026-12-31T15:59:59Z";

/// The simulator's clock: the time of everything it creates (its answers are deterministic).
pub const NOW: &str = "2026-11-23T12:00:00Z";
/// End of validity of the seeded quotas and of coupons issued without one.
pub const FAR_FUTURE: &str = "2030-12-31T23:59:59Z";

/// A seeded amount (the constants above are exact decimals).
pub(crate) fn money(text: &str) -> huaweicloud_bss_runtime::Decimal {
    huaweicloud_bss_runtime::Decimal::from_str_exact(text).unwrap_or_default()
}

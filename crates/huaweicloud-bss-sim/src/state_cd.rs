//! Resellers and coupons: the distributor's own account, its resellers (云经销商) and their
//! accounts, coupon quotas (the distributor's and those carved out for resellers), coupons
//! issued to customers, and the issue/reclaim records of both.
//!
//! Amounts are kept in cents (`i64`), so every sum is exact.

/// Fixed time of everything the simulator creates (its answers are deterministic).
pub(crate) const NOW: &str = "2026-01-01T00:00:00Z";
/// End of validity of the seeded quotas and of coupons issued without one.
pub(crate) const FAR_FUTURE: &str = "2030-12-31T23:59:59Z";

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
    /// Account balance, in cents.
    pub balance_cents: i64,
}

/// A coupon quota: the distributor's own (no parent) or one carved out for a reseller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quota {
    /// Quota id.
    pub quota_id: String,
    /// The distributor quota a reseller quota was carved from.
    pub parent_quota_id: Option<String>,
    /// The reseller holding it (`None`: the distributor's own).
    pub reseller_id: Option<String>,
    /// 0 cash-coupon quota, 1 cash-voucher quota.
    pub quota_type: i32,
    /// Value when issued, in cents.
    pub value_cents: i64,
    /// What is left, in cents.
    pub balance_cents: i64,
    /// 0 normal, 6 reclaimed.
    pub status: i32,
    /// Last change, `YYYY-MM-DDThh:mm:ssZ`.
    pub last_update_time: String,
}

/// A quota issue (operation type 10) or reclaim (11) record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaRecord {
    /// Record id.
    pub id: String,
    /// `10` issued, `11` reclaimed.
    pub operation_type: String,
    /// The reseller quota.
    pub quota_id: String,
    /// The distributor quota it belongs to.
    pub parent_quota_id: String,
    /// The reseller.
    pub reseller_id: String,
    /// Amount moved, in cents.
    pub amount_cents: i64,
    /// Remark given with the operation.
    pub remark: Option<String>,
}

/// A coupon issued to a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coupon {
    /// Coupon id.
    pub coupon_id: String,
    /// The customer holding it.
    pub customer_id: String,
    /// The quota it was issued from.
    pub quota_id: String,
    /// The reseller that issued it, if a distributor issued it on a reseller's behalf.
    pub reseller_id: Option<String>,
    /// Face value, in cents.
    pub face_value_cents: i64,
    /// What is left, in cents.
    pub balance_cents: i64,
    /// 2 usable, 5 reclaimed.
    pub status: i32,
    /// Start of validity.
    pub effective_time: String,
    /// End of validity.
    pub expire_time: String,
}

/// A coupon issue (operation type 1) or manual reclaim (2) record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouponRecord {
    /// Record id.
    pub id: String,
    /// `1` issued, `2` reclaimed by hand.
    pub operation_type: String,
    /// The quota.
    pub quota_id: String,
    /// The coupon.
    pub coupon_id: String,
    /// The customer.
    pub customer_id: String,
    /// The reseller on whose behalf it happened, if any.
    pub reseller_id: Option<String>,
    /// Amount issued or reclaimed, in cents.
    pub amount_cents: i64,
    /// Remark (the memo given when issuing).
    pub remark: Option<String>,
}

/// The reseller and coupon part of the simulator's memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResellerState {
    /// The distributor's own account balance, in cents.
    pub partner_balance_cents: i64,
    /// Resellers in association order.
    pub resellers: Vec<Reseller>,
    /// Quotas, the distributor's first.
    pub quotas: Vec<Quota>,
    /// Quota issue/reclaim records, oldest first.
    pub quota_records: Vec<QuotaRecord>,
    /// Coupons in issue order.
    pub coupons: Vec<Coupon>,
    /// Coupon issue/reclaim records, oldest first.
    pub coupon_records: Vec<CouponRecord>,
    sequence: u64,
}

/// Ids the documented examples use, so that they succeed against a fresh simulator.
pub mod seeded {
    /// A reseller with a funded account.
    pub const RESELLER_A: &str = "92c4f5e7a1b34d6c8e0f2a4b6c8d0b40";
    /// A second reseller.
    pub const RESELLER_B: &str = "62a3c5e7f9b14d2a8c6e0f1b3d5a7d30";
    /// A reseller that already holds a quota.
    pub const RESELLER_C: &str = "05bad7a90700d5bf0ff6c00ae40d0ca0";
    /// A reseller that issued a coupon to one of its customers.
    pub const RESELLER_D: &str = "f8231a7d11484dfaaea8b70755680c7e";
    /// The distributor's main cash-coupon quota (1,000,000.00).
    pub const PARTNER_QUOTA: &str = "2018011615520150";
    /// The distributor's quota RESELLER_QUOTA was carved from.
    pub const PARENT_QUOTA: &str = "2020010206413502";
    /// RESELLER_C's quota (100.00).
    pub const RESELLER_QUOTA: &str = "2020061902584509";
    /// A coupon RESELLER_D issued to a customer (50.00, usable); its id is the one the
    /// documentation's ReclaimPartnerCoupons example uses.
    pub const RESELLER_COUPON: &str = "2018011615520150";
    /// The customer holding RESELLER_COUPON.
    pub const RESELLER_CUSTOMER: &str = "1c0e3f5a7b9d4e2f8a6c0b1d3e5f7a9b";
    /// Starting balance of every seeded reseller account, in cents.
    pub const RESELLER_BALANCE_CENTS: i64 = 500_000;
    /// Starting balance of the distributor's account, in cents.
    pub const PARTNER_BALANCE_CENTS: i64 = 100_000_000;
}

impl Default for ResellerState {
    fn default() -> Self {
        use seeded::*;
        let reseller = |id: &str, n: u32| Reseller {
            id: id.to_string(),
            account_name: format!("reseller0{n}"),
            name: format!("Example Reseller {n} Co., Ltd."),
            associated_on: format!("2020-0{n}-01T00:00:00Z"),
            balance_cents: RESELLER_BALANCE_CENTS,
        };
        let quota = |id: &str, parent: Option<&str>, reseller: Option<&str>, cents: i64| Quota {
            quota_id: id.to_string(),
            parent_quota_id: parent.map(str::to_string),
            reseller_id: reseller.map(str::to_string),
            quota_type: 0,
            value_cents: cents,
            balance_cents: cents,
            status: 0,
            last_update_time: NOW.to_string(),
        };
        Self {
            partner_balance_cents: PARTNER_BALANCE_CENTS,
            resellers: vec![
                reseller(RESELLER_A, 1),
                reseller(RESELLER_B, 2),
                reseller(RESELLER_C, 3),
                reseller(RESELLER_D, 4),
            ],
            quotas: vec![
                quota(PARTNER_QUOTA, None, None, 100_000_000),
                quota(PARENT_QUOTA, None, None, 1_000_000),
                quota(RESELLER_QUOTA, Some(PARENT_QUOTA), Some(RESELLER_C), 10_000),
                quota(
                    "2020061902584510",
                    Some(PARENT_QUOTA),
                    Some(RESELLER_D),
                    100_000,
                ),
            ],
            quota_records: vec![
                QuotaRecord {
                    id: "1000001".to_string(),
                    operation_type: "10".to_string(),
                    quota_id: RESELLER_QUOTA.to_string(),
                    parent_quota_id: PARENT_QUOTA.to_string(),
                    reseller_id: RESELLER_C.to_string(),
                    amount_cents: 10_000,
                    remark: None,
                },
                QuotaRecord {
                    id: "1000002".to_string(),
                    operation_type: "10".to_string(),
                    quota_id: "2020061902584510".to_string(),
                    parent_quota_id: PARENT_QUOTA.to_string(),
                    reseller_id: RESELLER_D.to_string(),
                    amount_cents: 100_000,
                    remark: None,
                },
            ],
            coupons: vec![Coupon {
                coupon_id: RESELLER_COUPON.to_string(),
                customer_id: RESELLER_CUSTOMER.to_string(),
                quota_id: "2020061902584510".to_string(),
                reseller_id: Some(RESELLER_D.to_string()),
                face_value_cents: 5_000,
                balance_cents: 5_000,
                status: 2,
                effective_time: NOW.to_string(),
                expire_time: FAR_FUTURE.to_string(),
            }],
            coupon_records: vec![CouponRecord {
                id: "2000001".to_string(),
                operation_type: "1".to_string(),
                quota_id: "2020061902584510".to_string(),
                coupon_id: RESELLER_COUPON.to_string(),
                customer_id: RESELLER_CUSTOMER.to_string(),
                reseller_id: Some(RESELLER_D.to_string()),
                amount_cents: 5_000,
                remark: None,
            }],
            sequence: 0,
        }
    }
}

impl ResellerState {
    /// A fresh id with a prefix (`AD…` transfers, `RE…` reclaims, `CP…` coupons…).
    pub(crate) fn next_id(&mut self, prefix: &str) -> String {
        self.sequence += 1;
        format!("{prefix}{:016}", 7_000_000_000_000_000_u64 + self.sequence)
    }

    /// A fresh numeric record or quota id.
    pub(crate) fn next_number(&mut self) -> String {
        self.sequence += 1;
        format!("{}", 3_000_000_000_000_000_u64 + self.sequence)
    }

    /// The reseller with this id.
    pub fn reseller(&self, id: &str) -> Option<&Reseller> {
        self.resellers.iter().find(|r| r.id == id)
    }

    pub(crate) fn reseller_mut(&mut self, id: &str) -> Option<&mut Reseller> {
        self.resellers.iter_mut().find(|r| r.id == id)
    }

    /// The quota with this id.
    pub fn quota(&self, id: &str) -> Option<&Quota> {
        self.quotas.iter().find(|q| q.quota_id == id)
    }

    pub(crate) fn quota_mut(&mut self, id: &str) -> Option<&mut Quota> {
        self.quotas.iter_mut().find(|q| q.quota_id == id)
    }

    /// The coupon with this id.
    pub fn coupon(&self, id: &str) -> Option<&Coupon> {
        self.coupons.iter().find(|c| c.coupon_id == id)
    }
}

/// Cents as a decimal string with two places, e.g. `12345` → `123.45`.
pub(crate) fn cents_to_string(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// A decimal string with at most two places as cents; `None` for anything else.
pub(crate) fn parse_cents(text: &str) -> Option<i64> {
    let text = text.trim().trim_matches('"');
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = fraction.trim_end_matches('0');
    if whole.is_empty() || fraction.len() > 2 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    let cents = whole.checked_mul(100)?.checked_add(fraction)?;
    Some(if negative { -cents } else { cents })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents_round_trip_exactly() {
        assert_eq!(parse_cents("99.99"), Some(9_999));
        assert_eq!(parse_cents("0.1"), Some(10));
        assert_eq!(parse_cents("\"1.10\""), Some(110));
        assert_eq!(parse_cents("7"), Some(700));
        assert_eq!(parse_cents("0.001"), None);
        assert_eq!(parse_cents("1e3"), None);
        assert_eq!(cents_to_string(12_345), "123.45");
        assert_eq!(cents_to_string(5), "0.05");
        assert_eq!(cents_to_string(-250), "-2.50");
    }
}

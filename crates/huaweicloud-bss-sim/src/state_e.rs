//! The enterprise multi-account money the simulator remembers: what the master account can
//! transfer (cash and credit ledgers), what each member account holds, the master's
//! transferable coupons and the sub coupons split off to members, the SMS codes sent by
//! SendSmsVerificationCode, and the transaction ids already used.
//!
//! Money is exact ([`Decimal`]); every transfer moves an amount from one ledger to another, so
//! the total of master and members never changes.

use std::collections::{BTreeMap, BTreeSet};

use huaweicloud_bss_runtime::Decimal;

/// The member account every simulator starts with (under organization unit `392`), so that the
/// fund and coupon operations have someone to work on before any member is created.
pub const SEEDED_MEMBER_ID: &str = "06a29c5eed0001400fc0c01027684d40";
/// Its login name.
pub const SEEDED_MEMBER_NAME: &str = "subuser001";
/// The master coupon of the documented transfer example.
pub const SEEDED_COUPON_ID: &str = "CP19092406014086E3";
/// The master coupon the seeded member's sub coupon was split from.
pub const SEEDED_PARENT_COUPON_ID: &str = "CP19092406014086E2";
/// The sub coupon the seeded member holds (documented reclaim example).
pub const SEEDED_SUB_COUPON_ID: &str = "CP19092406014086E1";
/// Expiry of the master's (and the seeded member's) expiring credit ledger.
pub const SEEDED_CREDIT_EXPIRY: &str = "2026-12-31T15:59:59Z";

/// `BALANCE_TYPE_DEBIT` (cash) or `BALANCE_TYPE_CREDIT` (credit line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BalanceType {
    /// The cash balance (`BALANCE_TYPE_DEBIT`).
    Debit,
    /// A credit line (`BALANCE_TYPE_CREDIT`).
    Credit,
}

/// One ledger of an account: the cash balance, or a credit line with its expiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ledger {
    /// Cash or credit.
    pub balance_type: BalanceType,
    /// Expiry of a credit ledger (`None`: never expires; always `None` for cash).
    pub expire_time: Option<String>,
    /// What can be moved out of it (transferred by the master, reclaimed from a member).
    pub available: Decimal,
    /// The credit line (credit ledgers; zero for cash).
    pub credit_line: Decimal,
}

impl Ledger {
    fn cash(available: Decimal) -> Self {
        Self {
            balance_type: BalanceType::Debit,
            expire_time: None,
            available,
            credit_line: Decimal::ZERO,
        }
    }

    fn credit(available: Decimal, credit_line: Decimal, expire_time: Option<&str>) -> Self {
        Self {
            balance_type: BalanceType::Credit,
            expire_time: expire_time.map(str::to_string),
            available,
            credit_line,
        }
    }
}

/// A coupon of the master account that can be split off to members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MasterCoupon {
    /// Coupon id.
    pub coupon_id: String,
    /// Promotion plan name.
    pub plan_name: String,
    /// Remaining balance.
    pub balance: Decimal,
    /// Start of validity, `YYYY-MM-DDThh:mm:ssZ`.
    pub effective_time: String,
    /// End of validity.
    pub expire_time: String,
}

/// A sub coupon a member received from a master coupon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubCoupon {
    /// The member holding it.
    pub customer_id: String,
    /// The master coupon it was split from.
    pub coupon_id: String,
    /// Its own id.
    pub sub_coupon_id: String,
    /// Remaining balance (zero once reclaimed; it is then no longer listed).
    pub balance: Decimal,
}

/// The multi-account state (one field of [`crate::State`]).
#[derive(Debug, Clone)]
pub struct MultiAccount {
    /// The master account's ledgers.
    pub master: Vec<Ledger>,
    /// Each member account's ledgers, by member (customer) id.
    pub members: BTreeMap<String, Vec<Ledger>>,
    /// The master's transferable coupons.
    pub master_coupons: Vec<MasterCoupon>,
    /// Sub coupons held by members, in transfer order.
    pub sub_coupons: Vec<SubCoupon>,
    /// The last code SendSmsVerificationCode sent to each mobile number.
    pub sms_codes: BTreeMap<String, String>,
    /// Transaction ids already used by transfers and reclaims.
    pub trans_ids: BTreeSet<String>,
    sequence: u64,
}

fn yuan(text: &str) -> Decimal {
    Decimal::from_str_exact(text).expect("seed amounts are decimals")
}

impl Default for MultiAccount {
    fn default() -> Self {
        let mut members = BTreeMap::new();
        members.insert(SEEDED_MEMBER_ID.to_string(), Self::member_ledgers(true));
        Self {
            master: vec![
                Ledger::cash(yuan("10000.00")),
                Ledger::credit(yuan("5000.00"), yuan("5000.00"), None),
                Ledger::credit(yuan("2000.00"), yuan("2000.00"), Some(SEEDED_CREDIT_EXPIRY)),
            ],
            members,
            master_coupons: vec![
                MasterCoupon {
                    coupon_id: SEEDED_COUPON_ID.to_string(),
                    plan_name: "Business cash coupon".to_string(),
                    balance: yuan("500.00"),
                    effective_time: "2026-01-01T00:00:00Z".to_string(),
                    expire_time: "2027-01-01T00:00:00Z".to_string(),
                },
                MasterCoupon {
                    coupon_id: SEEDED_PARENT_COUPON_ID.to_string(),
                    plan_name: "Campaign cash coupon".to_string(),
                    balance: yuan("300.00"),
                    effective_time: "2026-01-01T00:00:00Z".to_string(),
                    expire_time: "2027-01-01T00:00:00Z".to_string(),
                },
            ],
            sub_coupons: vec![SubCoupon {
                customer_id: SEEDED_MEMBER_ID.to_string(),
                coupon_id: SEEDED_PARENT_COUPON_ID.to_string(),
                sub_coupon_id: SEEDED_SUB_COUPON_ID.to_string(),
                balance: yuan("50.00"),
            }],
            sms_codes: BTreeMap::new(),
            trans_ids: BTreeSet::new(),
            sequence: 0,
        }
    }
}

impl MultiAccount {
    /// A member's ledgers: the seeded member has funds; a new member starts empty (a cash
    /// ledger and a permanent credit ledger at zero).
    fn member_ledgers(seeded: bool) -> Vec<Ledger> {
        if seeded {
            vec![
                Ledger::cash(yuan("100.00")),
                Ledger::credit(yuan("50.00"), yuan("50.00"), None),
            ]
        } else {
            vec![
                Ledger::cash(Decimal::ZERO),
                Ledger::credit(Decimal::ZERO, Decimal::ZERO, None),
            ]
        }
    }

    /// Opens empty ledgers for a member account created by CreateSubEnterpriseAccount.
    pub fn open_member(&mut self, customer_id: &str) {
        self.members
            .entry(customer_id.to_string())
            .or_insert_with(|| Self::member_ledgers(false));
    }

    /// The ledgers of one balance type, in order (cash: one ledger).
    pub fn ledgers(ledgers: &[Ledger], balance_type: BalanceType) -> Vec<&Ledger> {
        ledgers
            .iter()
            .filter(|l| l.balance_type == balance_type)
            .collect()
    }

    /// Cash balance of a member (zero for an unknown member).
    pub fn member_cash(&self, customer_id: &str) -> Decimal {
        self.members
            .get(customer_id)
            .and_then(|ledgers| {
                ledgers
                    .iter()
                    .find(|l| l.balance_type == BalanceType::Debit)
            })
            .map_or(Decimal::ZERO, |l| l.available)
    }

    /// Cash the master can still transfer.
    pub fn master_cash(&self) -> Decimal {
        self.master
            .iter()
            .find(|l| l.balance_type == BalanceType::Debit)
            .map_or(Decimal::ZERO, |l| l.available)
    }

    /// Sub coupons a member can still give back (balance above zero), in transfer order.
    pub fn reclaimable_coupons(&self, customer_id: &str) -> Vec<&SubCoupon> {
        self.sub_coupons
            .iter()
            .filter(|c| c.customer_id == customer_id && c.balance > Decimal::ZERO)
            .collect()
    }

    /// A fresh sub coupon id.
    pub(crate) fn next_sub_coupon_id(&mut self) -> String {
        self.sequence += 1;
        format!("CPSIM{:013}", self.sequence)
    }

    /// Records the code sent to a mobile number (the last one wins).
    pub(crate) fn record_sms_code(&mut self, mobile_phone: &str, code: String) {
        self.sms_codes.insert(mobile_phone.to_string(), code);
    }

    /// Consumes the code sent to `mobile_phone` if it is `given`; true when it matched.
    pub fn take_sms_code(&mut self, mobile_phone: &str, given: &str) -> bool {
        if self.sms_codes.get(mobile_phone).map(String::as_str) == Some(given) {
            self.sms_codes.remove(mobile_phone);
            true
        } else {
            false
        }
    }
}

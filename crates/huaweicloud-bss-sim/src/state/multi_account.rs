//! The enterprise multi-account money the simulator remembers: what the master account can
//! transfer (cash and credit ledgers), what each member account holds, the master's
//! transferable coupons and the sub coupons split off to members, the SMS codes sent by
//! SendSmsVerificationCode, and the transaction ids already used.
//!
//! Money is exact ([`Decimal`]); every transfer moves an amount from one ledger to another, so
//! the total of master and members never changes.

use std::collections::{BTreeMap, BTreeSet};

use huaweicloud_bss_runtime::Decimal;

use crate::seed::{self, COUPON_ID, CREDIT_EXPIRY, MEMBER_ID, PARENT_COUPON_ID, SUB_COUPON_ID};

/// An organization unit of the enterprise master account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgUnit {
    /// Party id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Parent party id (`None` for the root).
    pub parent: Option<String>,
}

/// An enterprise sub-account created through CreateSubEnterpriseAccount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubEnterpriseAccount {
    /// Member (customer) id, as ListEnterpriseSubCustomers reports it.
    pub id: String,
    /// Login name.
    pub customer_name: String,
    /// The organization unit it hangs under.
    pub party_id: String,
    /// Display name, if given.
    pub display_name: Option<String>,
}

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
pub struct BalanceLedger {
    /// Cash or credit.
    pub balance_type: BalanceType,
    /// Expiry of a credit ledger (`None`: never expires; always `None` for cash).
    pub expire_time: Option<String>,
    /// What can be moved out of it (transferred by the master, reclaimed from a member).
    pub available: Decimal,
    /// The credit line (credit ledgers; zero for cash).
    pub credit_line: Decimal,
}

impl BalanceLedger {
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

/// The enterprise master account's and its members' money (one field of [`crate::State`]).
#[derive(Debug, Clone)]
pub struct MultiAccount {
    /// The master account's ledgers.
    pub master: Vec<BalanceLedger>,
    /// Each member account's ledgers, by member (customer) id.
    pub members: BTreeMap<String, Vec<BalanceLedger>>,
    /// The master's transferable coupons.
    pub master_coupons: Vec<MasterCoupon>,
    /// Sub coupons held by members, in transfer order.
    pub sub_coupons: Vec<SubCoupon>,
    /// The last code SendSmsVerificationCode sent to each mobile number.
    pub sms_codes: BTreeMap<String, String>,
    /// Transaction ids already used by transfers and reclaims.
    pub trans_ids: BTreeSet<String>,
}

fn yuan(text: &str) -> Decimal {
    seed::money(text)
}

impl Default for MultiAccount {
    fn default() -> Self {
        let mut members = BTreeMap::new();
        members.insert(MEMBER_ID.to_string(), Self::member_ledgers(true));
        Self {
            master: vec![
                BalanceLedger::cash(yuan("10000.00")),
                BalanceLedger::credit(yuan("5000.00"), yuan("5000.00"), None),
                BalanceLedger::credit(yuan("2000.00"), yuan("2000.00"), Some(CREDIT_EXPIRY)),
            ],
            members,
            master_coupons: vec![
                MasterCoupon {
                    coupon_id: COUPON_ID.to_string(),
                    plan_name: "Business cash coupon".to_string(),
                    balance: yuan("500.00"),
                    effective_time: "2026-01-01T00:00:00Z".to_string(),
                    expire_time: "2027-01-01T00:00:00Z".to_string(),
                },
                MasterCoupon {
                    coupon_id: PARENT_COUPON_ID.to_string(),
                    plan_name: "Campaign cash coupon".to_string(),
                    balance: yuan("300.00"),
                    effective_time: "2026-01-01T00:00:00Z".to_string(),
                    expire_time: "2027-01-01T00:00:00Z".to_string(),
                },
            ],
            sub_coupons: vec![SubCoupon {
                customer_id: MEMBER_ID.to_string(),
                coupon_id: PARENT_COUPON_ID.to_string(),
                sub_coupon_id: SUB_COUPON_ID.to_string(),
                balance: yuan("50.00"),
            }],
            sms_codes: BTreeMap::new(),
            trans_ids: BTreeSet::new(),
        }
    }
}

impl MultiAccount {
    /// A member's ledgers: the seeded member has funds; a new member starts empty (a cash
    /// ledger and a permanent credit ledger at zero).
    fn member_ledgers(seeded: bool) -> Vec<BalanceLedger> {
        if seeded {
            vec![
                BalanceLedger::cash(yuan("100.00")),
                BalanceLedger::credit(yuan("50.00"), yuan("50.00"), None),
            ]
        } else {
            vec![
                BalanceLedger::cash(Decimal::ZERO),
                BalanceLedger::credit(Decimal::ZERO, Decimal::ZERO, None),
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
    pub fn ledgers(ledgers: &[BalanceLedger], balance_type: BalanceType) -> Vec<&BalanceLedger> {
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

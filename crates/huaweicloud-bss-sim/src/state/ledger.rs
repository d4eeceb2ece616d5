//! The one ledger of the partner's money: the partner's own accounts, each reseller's, each
//! customer's cash, the funding/reclaim records and the account entries.
//!
//! Money is exact ([`Decimal`], which keeps the scale an amount was given with). Every
//! movement takes an amount from one account and gives it to another ([`Ledger::transfer`]),
//! so money is never created or destroyed, and no account goes below zero. Whether an id may
//! be used at all (a registered reseller, a customer of the acting partner) is decided by the
//! registries in [`crate::state`] before the ledger is touched.

use std::collections::BTreeMap;

use huaweicloud_bss_runtime::Decimal;

/// Account kinds of `ListPartnerBalances` (`account_type`).
pub mod account_type {
    /// Cash balance (余额): what funding customers takes from.
    pub const CASH: i32 = 1;
    /// Credit line (信用).
    pub const CREDIT: i32 = 2;
}

/// The accounts of the partner itself or of one of its resellers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerAccounts {
    /// Balance of each account kind ([`account_type`]).
    pub balances: BTreeMap<i32, Decimal>,
    /// Part of the cash balance reserved for a designated use (not available for funding).
    pub designated_amount: Decimal,
    /// Total credit line (of the credit account).
    pub credit_amount: Decimal,
}

impl PartnerAccounts {
    /// Accounts with this cash balance and an empty credit account.
    pub fn with_cash(cash: Decimal) -> Self {
        Self {
            balances: BTreeMap::from([
                (account_type::CASH, cash),
                (account_type::CREDIT, Decimal::ZERO),
            ]),
            designated_amount: Decimal::ZERO,
            credit_amount: Decimal::ZERO,
        }
    }

    /// The cash balance.
    pub fn cash(&self) -> Decimal {
        self.balances
            .get(&account_type::CASH)
            .copied()
            .unwrap_or_default()
    }

    /// What can be given to customers: the cash balance less the designated amount.
    pub fn available(&self) -> Decimal {
        self.cash() - self.designated_amount
    }

    pub(crate) fn add_cash(&mut self, change: Decimal) -> Decimal {
        let cash = self.balances.entry(account_type::CASH).or_default();
        *cash += change;
        *cash
    }
}

/// The funds of one reseller-model customer (whose customer it is, the registry says).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerFunds {
    /// Available amount (客户可用总额度).
    pub amount: Decimal,
    /// Debt (客户欠款总额度).
    pub debt_amount: Decimal,
}

/// Kind of a funding record (`operation_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjustKind {
    /// Funding (`SOURCE_OPERATION_BEADJUST`).
    Adjust,
    /// Reclaim (`SOURCE_OPERATION_BERETRIEVE`).
    Reclaim,
}

impl AdjustKind {
    /// The wire name of the operation type.
    pub fn operation_type(self) -> &'static str {
        match self {
            AdjustKind::Adjust => "SOURCE_OPERATION_BEADJUST",
            AdjustKind::Reclaim => "SOURCE_OPERATION_BERETRIEVE",
        }
    }
}

/// One funding or reclaim, as ListPartnerAdjustRecords reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdjustRecord {
    /// Whose customer (`None`: the partner's own).
    pub reseller: Option<String>,
    /// The customer.
    pub customer_id: String,
    /// Funding or reclaim.
    pub kind: AdjustKind,
    /// Amount moved (always positive).
    pub amount: Decimal,
    /// Transaction id (the `transfer_id`/`trans_id` answered).
    pub trans_id: String,
    /// UTC time, `YYYY-MM-DDThh:mm:ssZ`.
    pub operation_time: String,
}

/// One entry of the partner's (or a reseller's) cash account, as
/// ListPartnerAccountChangeRecords reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountChange {
    /// Whose account (`None`: the partner's own).
    pub owner: Option<String>,
    /// Serial number.
    pub account_change_id: String,
    /// `trade_type` filter value (`BEADJUST`, `BERETRIEVE`, ...).
    pub trade_type: String,
    /// `trade_detail_type` (`SOURCE_OPERATION_BEADJUST`, ...).
    pub trade_detail_type: String,
    /// The transaction id.
    pub trade_id: String,
    /// Amount of the change (positive; `income` gives the direction).
    pub change_amount: Decimal,
    /// Cash balance after the change.
    pub balance_after_change: Decimal,
    /// Income (`true`, type "1") or expense (type "2").
    pub income: bool,
    /// The customer concerned.
    pub customer_id: Option<String>,
    /// UTC time, `YYYY-MM-DDThh:mm:ssZ`.
    pub trade_time: String,
}

/// An account of the ledger: the partner's own (`Partner(None)`), a reseller's
/// (`Partner(Some(id))`), or a customer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Account<'a> {
    /// The cash account of the partner (`None`) or of a reseller.
    Partner(Option<&'a str>),
    /// A customer's available amount.
    Customer(&'a str),
}

/// A movement the giving account cannot cover (the service's CBC.99005003).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insufficient {
    /// What the giving account could give.
    pub available: Decimal,
}

/// All money of the partner, its resellers and their customers.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// The partner's own accounts (`None`) and each reseller's (`Some(id)`); a registered
    /// reseller without an entry holds nothing.
    pub partners: BTreeMap<Option<String>, PartnerAccounts>,
    /// Customers' funds, by customer id; a registered customer without an entry holds nothing.
    pub customers: BTreeMap<String, CustomerFunds>,
    /// Funding and reclaim records, oldest first.
    pub adjust_records: Vec<AdjustRecord>,
    /// Cash account entries of the partner and its resellers, oldest first.
    pub account_changes: Vec<AccountChange>,
}

impl Ledger {
    /// The accounts of the partner (`None`) or a reseller (empty if it holds nothing).
    pub fn partner(&self, reseller: Option<&str>) -> PartnerAccounts {
        self.partners
            .get(&reseller.map(str::to_string))
            .cloned()
            .unwrap_or_else(|| PartnerAccounts::with_cash(Decimal::ZERO))
    }

    fn partner_mut(&mut self, reseller: Option<&str>) -> &mut PartnerAccounts {
        self.partners
            .entry(reseller.map(str::to_string))
            .or_insert_with(|| PartnerAccounts::with_cash(Decimal::ZERO))
    }

    /// The available amount of a customer (zero if it holds nothing).
    pub fn customer_amount(&self, customer_id: &str) -> Decimal {
        self.customers
            .get(customer_id)
            .map(|c| c.amount)
            .unwrap_or_default()
    }

    /// What an account can give: a partner's cash less its designated amount, a customer's
    /// available amount.
    pub fn available(&self, account: Account<'_>) -> Decimal {
        match account {
            Account::Partner(reseller) => self.partner(reseller).available(),
            Account::Customer(id) => self.customer_amount(id),
        }
    }

    /// The balance of an account after a change of `change` (positive: in).
    fn add(&mut self, account: Account<'_>, change: Decimal) -> Decimal {
        match account {
            Account::Partner(reseller) => self.partner_mut(reseller).add_cash(change),
            Account::Customer(id) => {
                let funds = self.customers.entry(id.to_string()).or_default();
                funds.amount += change;
                funds.amount
            }
        }
    }

    /// Moves `amount` from one account to the other: all of it or, when `from` cannot cover
    /// it (or the amount is not positive), nothing. Answers both balances after the move.
    pub fn transfer(
        &mut self,
        from: Account<'_>,
        to: Account<'_>,
        amount: Decimal,
    ) -> Result<(Decimal, Decimal), Insufficient> {
        let available = self.available(from);
        if amount <= Decimal::ZERO || amount > available {
            return Err(Insufficient { available });
        }
        let from_after = self.add(from, -amount);
        let to_after = self.add(to, amount);
        Ok((from_after, to_after))
    }

    /// Everything the ledger holds (cash of the partner, resellers and customers).
    pub fn total(&self) -> Decimal {
        self.partners
            .values()
            .map(PartnerAccounts::cash)
            .sum::<Decimal>()
            + self.customers.values().map(|c| c.amount).sum::<Decimal>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    fn ledger() -> Ledger {
        let mut ledger = Ledger::default();
        ledger
            .partners
            .insert(None, PartnerAccounts::with_cash(dec("100.00")));
        ledger
    }

    #[test]
    fn transfers_conserve_money() {
        let mut ledger = ledger();
        let before = ledger.total();
        ledger
            .transfer(
                Account::Partner(None),
                Account::Partner(Some("r")),
                dec("30.10"),
            )
            .unwrap();
        ledger
            .transfer(
                Account::Partner(Some("r")),
                Account::Customer("c"),
                dec("0.1"),
            )
            .unwrap();
        ledger
            .transfer(Account::Customer("c"), Account::Partner(None), dec("0.05"))
            .unwrap();
        assert_eq!(ledger.total(), before);
        assert_eq!(ledger.partner(None).cash(), dec("69.95"));
        assert_eq!(ledger.partner(Some("r")).cash(), dec("30.00"));
        assert_eq!(ledger.customer_amount("c"), dec("0.05"));
    }

    #[test]
    fn no_balance_goes_below_zero() {
        let mut ledger = ledger();
        let err = ledger
            .transfer(
                Account::Partner(None),
                Account::Customer("c"),
                dec("100.01"),
            )
            .unwrap_err();
        assert_eq!(err.available, dec("100.00"));
        assert_eq!(ledger.partner(None).cash(), dec("100.00"));
        assert_eq!(ledger.customer_amount("c"), Decimal::ZERO);
        assert!(
            ledger
                .transfer(Account::Customer("c"), Account::Partner(None), dec("0.01"))
                .is_err()
        );
        // Nothing negative or zero moves either.
        assert!(
            ledger
                .transfer(Account::Partner(None), Account::Customer("c"), dec("-1"))
                .is_err()
        );
        ledger
            .transfer(
                Account::Partner(None),
                Account::Customer("c"),
                dec("100.00"),
            )
            .unwrap();
        assert_eq!(ledger.partner(None).cash(), dec("0.00"));
    }

    #[test]
    fn the_designated_amount_cannot_be_given() {
        let mut ledger = ledger();
        ledger.partners.get_mut(&None).unwrap().designated_amount = dec("40");
        assert!(
            ledger
                .transfer(Account::Partner(None), Account::Customer("c"), dec("60.01"))
                .is_err()
        );
        ledger
            .transfer(Account::Partner(None), Account::Customer("c"), dec("60.00"))
            .unwrap();
    }

    #[test]
    fn amounts_keep_their_scale() {
        let mut ledger = ledger();
        ledger
            .transfer(Account::Partner(None), Account::Customer("c"), dec("10.50"))
            .unwrap();
        assert_eq!(ledger.customer_amount("c").to_string(), "10.50");
        assert_eq!(ledger.partner(None).cash().to_string(), "89.50");
    }
}

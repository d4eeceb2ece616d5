//! Customer funds and real-name authentication: the partner's and its resellers' accounts,
//! customer balances, the funding/reclaim records, the partner's account entries, and the
//! real-name applications with their review results.

use std::collections::BTreeMap;

use huaweicloud_bss_runtime::Decimal;

/// Simulated "now" of funding records and applications (the simulator is deterministic).
pub(crate) const NOW: &str = "2026-11-23T12:00:00Z";

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

/// The funds of one reseller-model customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerFunds {
    /// The reseller the customer belongs to (`None`: the partner's own customer).
    pub reseller: Option<String>,
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

/// Review results (`review_result`).
pub mod review {
    /// Under review.
    pub const UNDER_REVIEW: i32 = 0;
    /// Rejected.
    pub const REJECTED: i32 = 1;
    /// Approved.
    pub const APPROVED: i32 = 2;
}

/// Kind of a real-name application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RealnameKind {
    /// CreatePersonalRealnameAuth.
    Individual,
    /// CreateEnterpriseRealnameAuthentication.
    Enterprise,
    /// ChangeEnterpriseRealnameAuthentication.
    EnterpriseChange,
}

/// A real-name authentication application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealnameApplication {
    /// The customer it is for.
    pub customer_id: String,
    /// What was applied for.
    pub kind: RealnameKind,
    /// Name on the application (person or enterprise).
    pub name: String,
    /// Review result as ShowRealnameAuthenticationReviewResult reports it: 0 under review,
    /// 1 rejected, 2 approved.
    pub review_result: i32,
    /// Review remark (given when rejected).
    pub opinion: Option<String>,
}

impl RealnameApplication {
    /// The state ShowRealNameAuthStatus reports: 0 under review, 1 rejected, 2 authenticated
    /// (the same numbers as the review result).
    pub fn review_result_as_status(&self) -> i32 {
        self.review_result
    }
}

/// The funds and real-name part of the simulator's memory.
#[derive(Debug, Clone)]
pub struct StateAb {
    /// The partner's own accounts (`None`) and each known reseller's (`Some(id)`).
    pub partners: BTreeMap<Option<String>, PartnerAccounts>,
    /// Reseller-model customers' funds, by customer id.
    pub customers: BTreeMap<String, CustomerFunds>,
    /// Funding and reclaim records, oldest first.
    pub adjust_records: Vec<AdjustRecord>,
    /// Cash account entries of the partner and its resellers, oldest first.
    pub account_changes: Vec<AccountChange>,
    /// Real-name applications, oldest first.
    pub realname_applications: Vec<RealnameApplication>,
    /// Accounts that enabled enterprise projects (CreateEnterpriseProjectAuth), by the
    /// caller's `X-Domain-Id`.
    pub enterprise_projects_enabled: Vec<String>,
    /// QR codes handed out by ShowRealNameAuthQrCode.
    pub qr_codes_issued: usize,
    sequence: u64,
}

/// Customer ids of the documentation's examples, seeded with funds so that the examples work.
pub const SEEDED_CUSTOMERS: [&str; 3] = [
    "0666aa7a7900d5c80f6dc01a9a3598a0",
    "06f9fb4f24002f0b0f40c00327c28d00",
    "0bb43f81c000d3a10f19c014228fb580",
];

/// Reseller ids of the documentation's examples, known to the simulator.
pub const SEEDED_RESELLERS: [&str; 2] = [
    "0977ffa9f20010790f0fc003f6900520",
    "0ba6fe16eb80d2390f54c01379e93740",
];

impl Default for StateAb {
    fn default() -> Self {
        let money = |units: i64| Decimal::new(units, 2);
        let mut partners = BTreeMap::from([(None, PartnerAccounts::with_cash(money(10_000_000)))]);
        for reseller in SEEDED_RESELLERS {
            partners.insert(
                Some(reseller.to_string()),
                PartnerAccounts::with_cash(money(5_000_000)),
            );
        }
        let customers = SEEDED_CUSTOMERS
            .iter()
            .map(|id| {
                let reseller =
                    (*id == SEEDED_CUSTOMERS[2]).then(|| SEEDED_RESELLERS[1].to_string());
                let funds = CustomerFunds {
                    reseller,
                    amount: money(100_000),
                    debt_amount: Decimal::ZERO,
                };
                (id.to_string(), funds)
            })
            .collect();
        // The first seeded customer is an authenticated individual (it can change to an
        // enterprise authentication).
        let realname_applications = vec![RealnameApplication {
            customer_id: SEEDED_CUSTOMERS[0].to_string(),
            kind: RealnameKind::Individual,
            name: "Seeded Individual".to_string(),
            review_result: review::APPROVED,
            opinion: None,
        }];
        Self {
            partners,
            customers,
            adjust_records: Vec::new(),
            account_changes: Vec::new(),
            realname_applications,
            enterprise_projects_enabled: Vec::new(),
            qr_codes_issued: 0,
            sequence: 0,
        }
    }
}

impl StateAb {
    /// A fresh transaction id with this prefix (`AD`, `RE`, ...).
    pub(crate) fn next_trans_id(&mut self, prefix: &str) -> String {
        self.sequence += 1;
        format!("{prefix}26112312{:012}", self.sequence)
    }

    /// The accounts of the partner (`None`) or of a known reseller.
    pub fn partner(&self, reseller: Option<&str>) -> Option<&PartnerAccounts> {
        self.partners.get(&reseller.map(str::to_string))
    }

    /// The available amount of a customer (zero if the simulator has no funds for it).
    pub fn customer_amount(&self, customer_id: &str) -> Decimal {
        self.customers
            .get(customer_id)
            .map(|c| c.amount)
            .unwrap_or_default()
    }

    /// The latest real-name application of a customer (or account), if any.
    pub fn realname(&self, customer_id: &str) -> Option<&RealnameApplication> {
        self.realname_applications
            .iter()
            .rev()
            .find(|a| a.customer_id == customer_id)
    }

    /// Records a review decision on the latest application of a customer (tests).
    pub fn review(&mut self, customer_id: &str, approved: bool, opinion: Option<&str>) {
        if let Some(application) = self
            .realname_applications
            .iter_mut()
            .rev()
            .find(|a| a.customer_id == customer_id)
        {
            application.review_result = if approved {
                review::APPROVED
            } else {
                review::REJECTED
            };
            application.opinion = opinion.map(str::to_string);
        }
    }

    /// Sets a customer's available amount (tests).
    pub fn set_customer_amount(
        &mut self,
        customer_id: &str,
        reseller: Option<&str>,
        amount: Decimal,
    ) {
        self.customers.insert(
            customer_id.to_string(),
            CustomerFunds {
                reseller: reseller.map(str::to_string),
                amount,
                debt_amount: Decimal::ZERO,
            },
        );
    }
}

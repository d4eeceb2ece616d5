//! The simulated service's memory: one world that every operation reads and writes.
//!
//! - [`customers`]: the customer registry (whose customer each one is) and real-name
//!   applications;
//! - [`resellers`]: the reseller registry;
//! - [`ledger`]: all money of the partner, its resellers and their customers, on exact
//!   decimals;
//! - [`coupons`]: coupon quotas, coupons and their records;
//! - [`multi_account`]: the enterprise organization, its member accounts and their money.
//!
//! There is one clock ([`crate::seed::NOW`]) and one id generator (the state's own counters,
//! for account, transaction and coupon ids). What is there at the start is described in
//! [`crate::seed`].

pub mod coupons;
pub mod customers;
pub mod ledger;
pub mod multi_account;
pub mod resellers;

use std::collections::BTreeMap;

use huaweicloud_bss_runtime::Decimal;

use crate::seed::{self, NOW};
use coupons::Coupons;
use customers::{Customer, RealnameApplication, RealnameKind, review};
use ledger::{Ledger, PartnerAccounts};
use multi_account::{MultiAccount, OrgUnit, SubEnterpriseAccount};
use resellers::Reseller;

/// Everything the simulator remembers.
#[derive(Debug, Clone)]
pub struct State {
    /// The customer registry, in registration order (the seeded ones first).
    pub customers: Vec<Customer>,
    /// The reseller registry, in association order.
    pub resellers: Vec<Reseller>,
    /// All money of the partner, its resellers and their customers.
    pub ledger: Ledger,
    /// Coupon quotas, coupons and their records.
    pub coupons: Coupons,
    /// Real-name applications, oldest first.
    pub realname_applications: Vec<RealnameApplication>,
    /// The last verification code sent to each mobile number.
    pub verification_codes: BTreeMap<String, String>,
    /// How many customers one mobile number may register.
    pub max_customers_per_mobile: usize,
    /// Organization units, the root first.
    pub org_units: Vec<OrgUnit>,
    /// Enterprise sub-accounts in creation order, the seeded member
    /// ([`crate::seed::MEMBER_ID`]) first.
    pub sub_enterprise_accounts: Vec<SubEnterpriseAccount>,
    /// Multi-account funds, coupons and SMS codes.
    pub multi_account: MultiAccount,
    /// Accounts that enabled enterprise projects (CreateEnterpriseProjectAuth), by the
    /// caller's `X-Domain-Id`.
    pub enterprise_projects_enabled: Vec<String>,
    /// QR codes handed out by ShowRealNameAuthQrCode.
    pub qr_codes_issued: usize,
    sequence: u64,
}

impl Default for State {
    fn default() -> Self {
        let unit = |id: &str, name: &str, parent: Option<&str>| OrgUnit {
            id: id.to_string(),
            name: name.to_string(),
            parent: parent.map(str::to_string),
        };
        let reseller = |id: &str, n: usize| Reseller {
            id: id.to_string(),
            account_name: format!("reseller0{n}"),
            name: format!("Example Reseller {n} Co., Ltd."),
            associated_on: format!("2020-0{n}-01T00:00:00Z"),
        };
        let seeded_resellers = [
            seed::RESELLER_A,
            seed::RESELLER_B,
            seed::RESELLER_C,
            seed::RESELLER_D,
            seed::DOC_RESELLERS[0],
            seed::DOC_RESELLERS[1],
            seed::DOC_RESELLERS[2],
        ];
        let resellers = seeded_resellers
            .iter()
            .enumerate()
            .map(|(i, id)| reseller(id, i + 1))
            .collect();
        let customer = |id: &str, n: usize, reseller: Option<&str>| Customer {
            domain_id: id.to_string(),
            domain_name: format!("seeded-customer-{n}"),
            xaccount_id: format!("seeded-x-{n}"),
            xaccount_type: "seeded_IDP".to_string(),
            mobile_phone: None,
            indirect_partner_id: reseller.map(str::to_string),
            associated_on: "2020-01-01T00:00:00Z".to_string(),
            association_type: "2".to_string(),
        };
        let customers = vec![
            customer(seed::CUSTOMERS[0], 1, None),
            customer(seed::CUSTOMERS[1], 2, None),
            customer(seed::CUSTOMERS[2], 3, Some(seed::DOC_RESELLERS[1])),
            customer(seed::CUSTOMERS[3], 4, None),
            customer(seed::RESELLER_CUSTOMER, 5, Some(seed::RESELLER_D)),
        ];
        let mut ledger = Ledger::default();
        ledger.partners.insert(
            None,
            PartnerAccounts::with_cash(seed::money(seed::PARTNER_CASH)),
        );
        for id in &seeded_resellers[..4] {
            ledger.partners.insert(
                Some(id.to_string()),
                PartnerAccounts::with_cash(seed::money(seed::RESELLER_CASH)),
            );
        }
        for id in seed::DOC_RESELLERS {
            ledger.partners.insert(
                Some(id.to_string()),
                PartnerAccounts::with_cash(seed::money(seed::DOC_RESELLER_CASH)),
            );
        }
        for id in seed::CUSTOMERS {
            ledger.customers.insert(
                id.to_string(),
                ledger::CustomerFunds {
                    amount: seed::money(seed::CUSTOMER_CASH),
                    debt_amount: Decimal::ZERO,
                },
            );
        }
        Self {
            customers,
            resellers,
            ledger,
            coupons: Coupons::default(),
            // The first seeded customer is an authenticated individual (it can change to an
            // enterprise authentication).
            realname_applications: vec![RealnameApplication {
                customer_id: seed::CUSTOMERS[0].to_string(),
                kind: RealnameKind::Individual,
                name: "Seeded Individual".to_string(),
                review_result: review::APPROVED,
                opinion: None,
            }],
            verification_codes: BTreeMap::new(),
            max_customers_per_mobile: 5,
            org_units: vec![
                unit("99920", "Example Enterprise", None),
                unit("392", "Research", Some("99920")),
                unit("393", "Research-Lab", Some("392")),
                unit("394", "Sales", Some("99920")),
            ],
            sub_enterprise_accounts: vec![SubEnterpriseAccount {
                id: seed::MEMBER_ID.to_string(),
                customer_name: seed::MEMBER_NAME.to_string(),
                party_id: "392".to_string(),
                display_name: Some("Research member".to_string()),
            }],
            multi_account: MultiAccount::default(),
            enterprise_projects_enabled: Vec::new(),
            qr_codes_issued: 0,
            sequence: 0,
        }
    }
}

impl State {
    fn next(&mut self) -> u64 {
        self.sequence += 1;
        self.sequence
    }

    /// A fresh, deterministic id (32 lower-case hex characters, like real account ids).
    pub(crate) fn next_id(&mut self) -> String {
        let n = self.next();
        format!("{:032x}", 0x5eed_0000_0000_0000_u128 + u128::from(n))
    }

    /// A fresh six-digit verification code.
    pub(crate) fn next_code(&mut self) -> String {
        let n = self.next();
        format!("{:06}", 100_000 + (n * 7_919) % 900_000)
    }

    /// A fresh transaction or coupon id with this prefix (`AD`, `RE`, `AC`, `CP`…).
    pub(crate) fn next_trans_id(&mut self, prefix: &str) -> String {
        let n = self.next();
        format!("{prefix}26112312{n:012}")
    }

    /// A fresh numeric record or quota id.
    pub(crate) fn next_number(&mut self) -> String {
        let n = self.next();
        format!("{}", 3_000_000_000_000_000_u64 + n)
    }

    /// The clock: the time of everything the simulator creates.
    pub(crate) fn now(&self) -> &'static str {
        NOW
    }

    /// The customer with this account id, if registered.
    pub fn customer(&self, customer_id: &str) -> Option<&Customer> {
        self.customers.iter().find(|c| c.domain_id == customer_id)
    }

    /// The customers registered after the start (through CreateSubCustomer or by a test), in
    /// registration order: the registry without the [seeded](crate::seed) ones.
    pub fn created_customers(&self) -> Vec<&Customer> {
        self.customers
            .iter()
            .filter(|c| {
                !seed::CUSTOMERS.contains(&c.domain_id.as_str())
                    && c.domain_id != seed::RESELLER_CUSTOMER
            })
            .collect()
    }

    /// The customer with this account name, if any.
    pub fn customer_by_name(&self, domain_name: &str) -> Option<&Customer> {
        self.customers.iter().find(|c| c.domain_name == domain_name)
    }

    /// Whether `customer_id` is a registered customer of the partner (`reseller` `None`) or
    /// of that reseller.
    pub fn is_customer_of(&self, customer_id: &str, reseller: Option<&str>) -> bool {
        self.customer(customer_id)
            .is_some_and(|c| c.indirect_partner_id.as_deref() == reseller)
    }

    /// The reseller with this id, if registered.
    pub fn reseller(&self, id: &str) -> Option<&Reseller> {
        self.resellers.iter().find(|r| r.id == id)
    }

    /// The accounts of the partner (`None`) or of a registered reseller; `None` for an id
    /// that is not a registered reseller.
    pub fn partner_accounts(&self, reseller: Option<&str>) -> Option<PartnerAccounts> {
        match reseller {
            Some(id) if self.reseller(id).is_none() => None,
            _ => Some(self.ledger.partner(reseller)),
        }
    }

    /// The last code sent to `mobile_phone` by SendVerificationMessageCode.
    pub fn verification_code(&self, mobile_phone: &str) -> Option<&str> {
        self.verification_codes
            .get(mobile_phone)
            .map(String::as_str)
    }

    /// How many customers registered `mobile_phone`.
    pub fn customers_with_mobile(&self, mobile_phone: &str) -> usize {
        self.customers
            .iter()
            .filter(|c| c.mobile_phone.as_deref() == Some(mobile_phone))
            .count()
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

    pub(crate) fn org_children(&self, parent: &str) -> impl Iterator<Item = &OrgUnit> {
        self.org_units
            .iter()
            .filter(move |u| u.parent.as_deref() == Some(parent))
    }
}

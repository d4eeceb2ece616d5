//! The simulated service's memory: customers, verification codes sent, the enterprise
//! organization tree and the enterprise sub-accounts created under it (one is there from the
//! start), and the multi-account funds and coupons ([`crate::state_e`]).

use std::collections::BTreeMap;

/// A customer created through CreateSubCustomer (or seeded by a test).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    /// Account id (`domain_id`, 32 hex characters).
    pub domain_id: String,
    /// Account name (`domain_name`).
    pub domain_name: String,
    /// The partner platform's user id.
    pub xaccount_id: String,
    /// The partner platform's identifier.
    pub xaccount_type: String,
    /// Mobile number, if one was registered.
    pub mobile_phone: Option<String>,
    /// The reseller the customer is bound to, if any.
    pub indirect_partner_id: Option<String>,
    /// Association time, `YYYY-MM-DDThh:mm:ssZ`.
    pub associated_on: String,
    /// `1` consultative sale, `2` resale (the default).
    pub association_type: String,
}

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

/// Everything the simulator remembers.
#[derive(Debug, Clone)]
pub struct State {
    /// Customers in creation order.
    pub customers: Vec<Customer>,
    /// The last verification code sent to each mobile number.
    pub verification_codes: BTreeMap<String, String>,
    /// Organization units, the root first.
    pub org_units: Vec<OrgUnit>,
    /// Enterprise sub-accounts in creation order, the seeded member
    /// ([`crate::state_e::SEEDED_MEMBER_ID`]) first.
    pub sub_enterprise_accounts: Vec<SubEnterpriseAccount>,
    /// Multi-account funds, coupons and SMS codes.
    pub multi_account: crate::state_e::MultiAccount,
    /// How many customers one mobile number may register.
    pub max_customers_per_mobile: usize,
    /// Resellers, their accounts, coupon quotas and coupons (groups C and D).
    pub resellers: crate::state_cd::ResellerState,
    /// Customer funds and real-name authentication.
    pub ab: crate::state_ab::StateAb,
    sequence: u64,
}

impl Default for State {
    fn default() -> Self {
        let unit = |id: &str, name: &str, parent: Option<&str>| OrgUnit {
            id: id.to_string(),
            name: name.to_string(),
            parent: parent.map(str::to_string),
        };
        Self {
            customers: Vec::new(),
            verification_codes: BTreeMap::new(),
            org_units: vec![
                unit("99920", "Example Enterprise", None),
                unit("392", "Research", Some("99920")),
                unit("393", "Research-Lab", Some("392")),
                unit("394", "Sales", Some("99920")),
            ],
            sub_enterprise_accounts: vec![SubEnterpriseAccount {
                id: crate::state_e::SEEDED_MEMBER_ID.to_string(),
                customer_name: crate::state_e::SEEDED_MEMBER_NAME.to_string(),
                party_id: "392".to_string(),
                display_name: Some("Research member".to_string()),
            }],
            multi_account: crate::state_e::MultiAccount::default(),
            max_customers_per_mobile: 5,
            resellers: Default::default(),
            ab: crate::state_ab::StateAb::default(),
            sequence: 0,
        }
    }
}

impl State {
    /// A fresh, deterministic id (32 lower-case hex characters, like real account ids).
    pub(crate) fn next_id(&mut self) -> String {
        self.sequence += 1;
        format!(
            "{:032x}",
            0x5eed_0000_0000_0000_u128 + u128::from(self.sequence)
        )
    }

    /// A fresh six-digit verification code.
    pub(crate) fn next_code(&mut self) -> String {
        self.sequence += 1;
        format!("{:06}", 100_000 + (self.sequence * 7_919) % 900_000)
    }

    /// The customer with this account name, if any.
    pub fn customer_by_name(&self, domain_name: &str) -> Option<&Customer> {
        self.customers.iter().find(|c| c.domain_name == domain_name)
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

    pub(crate) fn org_children(&self, parent: &str) -> impl Iterator<Item = &OrgUnit> {
        self.org_units
            .iter()
            .filter(move |u| u.parent.as_deref() == Some(parent))
    }
}

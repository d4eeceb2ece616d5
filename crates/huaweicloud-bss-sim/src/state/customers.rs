//! The customer registry: every customer of the partner and of its resellers (which reseller
//! a customer belongs to), and the customers' real-name applications.

/// A customer of the partner or of one of its resellers: created through CreateSubCustomer,
/// or seeded ([`crate::seed::CUSTOMERS`]).
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

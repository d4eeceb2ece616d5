//! Partial failures inside a successful answer.
//!
//! The batch operations (UpdateCouponQuotas, ReclaimCouponQuotas, CreatePartnerCoupons)
//! answer HTTP 200 even when some items of the batch failed: the successes are listed in one
//! field, the failures in `error_details`, each with its own error code. A call that returns
//! `Ok` may therefore still have failed for some resellers, quotas or customers;
//! [`PartialFailures`] makes that impossible to overlook.
//!
//! ```no_run
//! # async fn run(client: &huaweicloud_bss::Client) -> Result<(), huaweicloud_bss::Error> {
//! use huaweicloud_bss::PartialFailures;
//!
//! let issued = client
//!     .create_partner_coupons()
//!     .quota_id("2018011615520150")
//!     .customer_ids(["06a7969058802f0c0f01c00b91846780"])
//!     .face_value("100.00")
//!     .send()
//!     .await?;
//! for failure in issued.failed() {
//!     eprintln!("{:?} got no coupon: {} ({:?})", failure.id, failure.code, failure.message);
//! }
//! # Ok(()) }
//! ```

use huaweicloud_bss_api::error_codes::{ErrorCode, ErrorCodeInfo};
use huaweicloud_bss_api::types;

/// One item of a batch that failed inside an HTTP 200 answer, with its typed code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Failure<'a> {
    /// The failed item: a customer, reseller or quota id.
    pub id: Option<&'a str>,
    /// Its error code ([`ErrorCode::Unknown`] for a code the spec does not record, and for a
    /// missing one, as an empty string).
    pub code: ErrorCode,
    /// The message the service gave.
    pub message: Option<&'a str>,
}

impl Failure<'_> {
    /// What the documentation says of the code, if the spec records it.
    pub fn info(&self) -> Option<ErrorCodeInfo> {
        self.code.info()
    }
}

/// A successful answer that may list failed items in `error_details`.
///
/// Implemented for the response bodies of UpdateCouponQuotas, ReclaimCouponQuotas and
/// CreatePartnerCoupons; usable on a [`Response`](crate::Response) of them through auto-deref.
pub trait PartialFailures {
    /// The failed items, as sent (empty when the whole batch succeeded).
    fn failures(&self) -> &[types::ErrorDetail];

    /// Whether some items failed.
    fn has_failures(&self) -> bool {
        !self.failures().is_empty()
    }

    /// The failed items with typed error codes.
    fn failed(&self) -> impl Iterator<Item = Failure<'_>> {
        self.failures().iter().map(|detail| Failure {
            id: detail.id.as_deref(),
            code: ErrorCode::parse(detail.error_code.as_deref().unwrap_or_default()),
            message: detail.error_msg.as_deref(),
        })
    }
}

macro_rules! partial_failures {
    ($($response:ident),* $(,)?) => {$(
        impl PartialFailures for types::$response {
            fn failures(&self) -> &[types::ErrorDetail] {
                &self.error_details
            }
        }
    )*};
}

partial_failures!(
    UpdateCouponQuotasResponse,
    ReclaimCouponQuotasResponse,
    CreatePartnerCouponsResponse,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_decode_with_typed_codes() {
        let body = r#"{
            "coupon_infos": [{"id": "c1", "coupon_id": "CP1"}],
            "error_details": [
                {"id": "c2", "error_code": "CBC.99000035", "error_msg": "not yours"},
                {"id": "c3", "error_code": "CBC.12345678"}
            ]
        }"#;
        let response: types::CreatePartnerCouponsResponse =
            serde_json::from_str(body).expect("valid body");
        assert!(response.has_failures());
        let failed: Vec<_> = response.failed().collect();
        assert_eq!(failed.len(), 2);
        assert_eq!(failed[0].id, Some("c2"));
        assert_eq!(failed[0].code.as_str(), "CBC.99000035");
        assert!(failed[0].info().is_some());
        assert_eq!(failed[0].message, Some("not yours"));
        assert!(matches!(failed[1].code, ErrorCode::Unknown(_)));
        assert!(!types::UpdateCouponQuotasResponse::default().has_failures());
    }
}

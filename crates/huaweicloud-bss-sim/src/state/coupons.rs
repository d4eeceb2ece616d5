//! Coupons: the partner's coupon quotas and those carved out for resellers, the coupons
//! issued to customers, and the issue/reclaim records of both. Amounts are exact decimals.

use huaweicloud_bss_runtime::Decimal;

use crate::seed::{
    self, FAR_FUTURE, NOW, PARENT_QUOTA, PARTNER_QUOTA, RESELLER_C, RESELLER_COUPON,
    RESELLER_CUSTOMER, RESELLER_D, RESELLER_D_QUOTA, RESELLER_QUOTA,
};

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
    /// Value when issued.
    pub value: Decimal,
    /// What is left.
    pub balance: Decimal,
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
    /// Amount moved.
    pub amount: Decimal,
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
    /// Face value.
    pub face_value: Decimal,
    /// What is left.
    pub balance: Decimal,
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
    /// Amount issued or reclaimed.
    pub amount: Decimal,
    /// Remark (the memo given when issuing).
    pub remark: Option<String>,
}

/// Quotas, coupons and their records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coupons {
    /// Quotas, the partner's first.
    pub quotas: Vec<Quota>,
    /// Quota issue/reclaim records, oldest first.
    pub quota_records: Vec<QuotaRecord>,
    /// Coupons in issue order.
    pub coupons: Vec<Coupon>,
    /// Coupon issue/reclaim records, oldest first.
    pub coupon_records: Vec<CouponRecord>,
}

impl Default for Coupons {
    fn default() -> Self {
        let quota = |id: &str, parent: Option<&str>, reseller: Option<&str>, value: &str| Quota {
            quota_id: id.to_string(),
            parent_quota_id: parent.map(str::to_string),
            reseller_id: reseller.map(str::to_string),
            quota_type: 0,
            value: seed::money(value),
            balance: seed::money(value),
            status: 0,
            last_update_time: NOW.to_string(),
        };
        let quota_record = |id: &str, quota_id: &str, reseller: &str, amount: &str| QuotaRecord {
            id: id.to_string(),
            operation_type: "10".to_string(),
            quota_id: quota_id.to_string(),
            parent_quota_id: PARENT_QUOTA.to_string(),
            reseller_id: reseller.to_string(),
            amount: seed::money(amount),
            remark: None,
        };
        Self {
            quotas: vec![
                quota(PARTNER_QUOTA, None, None, "1000000.00"),
                quota(PARENT_QUOTA, None, None, "10000.00"),
                quota(
                    RESELLER_QUOTA,
                    Some(PARENT_QUOTA),
                    Some(RESELLER_C),
                    "100.00",
                ),
                quota(
                    RESELLER_D_QUOTA,
                    Some(PARENT_QUOTA),
                    Some(RESELLER_D),
                    "1000.00",
                ),
            ],
            quota_records: vec![
                quota_record("1000001", RESELLER_QUOTA, RESELLER_C, "100.00"),
                quota_record("1000002", RESELLER_D_QUOTA, RESELLER_D, "1000.00"),
            ],
            coupons: vec![Coupon {
                coupon_id: RESELLER_COUPON.to_string(),
                customer_id: RESELLER_CUSTOMER.to_string(),
                quota_id: RESELLER_D_QUOTA.to_string(),
                reseller_id: Some(RESELLER_D.to_string()),
                face_value: seed::money("50.00"),
                balance: seed::money("50.00"),
                status: 2,
                effective_time: NOW.to_string(),
                expire_time: FAR_FUTURE.to_string(),
            }],
            coupon_records: vec![CouponRecord {
                id: "2000001".to_string(),
                operation_type: "1".to_string(),
                quota_id: RESELLER_D_QUOTA.to_string(),
                coupon_id: RESELLER_COUPON.to_string(),
                customer_id: RESELLER_CUSTOMER.to_string(),
                reseller_id: Some(RESELLER_D.to_string()),
                amount: seed::money("50.00"),
                remark: None,
            }],
        }
    }
}

impl Coupons {
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

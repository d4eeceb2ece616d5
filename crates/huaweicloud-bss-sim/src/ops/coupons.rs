//! Coupons: coupon quotas issued to resellers, coupons issued to customers, and their records.
//!
//! Batch operations (UpdateCouponQuotas, ReclaimCouponQuotas, CreatePartnerCoupons) answer
//! HTTP 200 with the failed items in `error_details`, as the service does: an unknown reseller,
//! quota or customer fails alone and the rest of the batch goes through.

use huaweicloud_bss_api::{types, values};
use huaweicloud_bss_runtime::Decimal;

use super::resellers::acting_for;
use crate::request::{Page, Query, body, check_max_items, decimal, invalid, parse};
use crate::respond::{self, Reply, money};
use crate::seed::{FAR_FUTURE, NOW};
use crate::server::Received;
use crate::state::State;
use crate::state::coupons::{Coupon, CouponRecord, Quota, QuotaRecord};

/// A reseller the partner may act on (CBC.99000037 otherwise).
fn reseller_known(state: &State, id: Option<&str>) -> Result<(), Reply> {
    acting_for(state, id).map(|_| ())
}

/// A failed item of a batch (its id, code and the code's documented message).
fn failure(id: &str, code: &str) -> types::ErrorDetail {
    let message = huaweicloud_bss_api::error_codes::ErrorCode::parse(code)
        .info()
        .map(|i| i.message.to_string());
    types::ErrorDetail {
        id: Some(id.to_string()),
        error_code: Some(code.to_string()),
        error_msg: message,
    }
}

// --- coupon quotas --------------------------------------------------------------------------

pub(crate) fn update_coupon_quotas(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::AdjustCouponQuotasReq = body(received)?;
    check_max_items(
        "indirect_partner_ids",
        request.indirect_partner_ids.len(),
        100,
    )?;
    let amount = decimal(&request.quota_amount)?;
    let parent_id = request.quota_id.to_string();
    let Some(parent) = state
        .coupons
        .quota(&parent_id)
        .filter(|q| q.reseller_id.is_none())
    else {
        return Err(invalid("quota_id is not one of the partner's quotas"));
    };
    if parent.status != 0 {
        return Err(respond::error("CBC.99000015", None));
    }
    let (known, unknown): (Vec<String>, Vec<String>) = request
        .indirect_partner_ids
        .iter()
        .cloned()
        .partition(|id| state.reseller(id).is_some());
    if amount * Decimal::from(known.len()) > parent.balance {
        return Err(respond::error("CBC.99000013", None));
    }
    let mut response = types::UpdateCouponQuotasResponse {
        error_details: unknown
            .iter()
            .map(|id| failure(id, "CBC.99000037"))
            .collect(),
        simple_quota_infos: Vec::new(),
    };
    for reseller_id in known {
        let quota_id = state.next_number();
        let Some(parent) = state.coupons.quota_mut(&parent_id) else {
            return Err(respond::error("CBC.99000012", None));
        };
        parent.balance -= amount;
        state.coupons.quotas.push(Quota {
            quota_id: quota_id.clone(),
            parent_quota_id: Some(parent_id.clone()),
            reseller_id: Some(reseller_id.clone()),
            quota_type: 0,
            value: amount,
            balance: amount,
            status: 0,
            last_update_time: NOW.to_string(),
        });
        let record_id = state.next_number();
        state.coupons.quota_records.push(QuotaRecord {
            id: record_id,
            operation_type: "10".to_string(),
            quota_id: quota_id.clone(),
            parent_quota_id: parent_id.clone(),
            reseller_id: reseller_id.clone(),
            amount,
            remark: None,
        });
        response.simple_quota_infos.push(types::QuotaSimpleInfo {
            id: Some(reseller_id),
            quota_id: Some(quota_id),
        });
    }
    Ok(respond::ok(response))
}

pub(crate) fn reclaim_coupon_quotas(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ReclaimCouponQuotasReq = body(received)?;
    check_max_items("quota_ids", request.quota_ids.len(), 10)?;
    let remark = request.remark.as_ref().map(|r| r.to_string());
    let mut response = types::ReclaimCouponQuotasResponse::default();
    for quota_id in &request.quota_ids {
        let reclaimable = state
            .coupons
            .quota(quota_id)
            .filter(|q| q.status == 0)
            .and_then(|q| Some((q.parent_quota_id.clone()?, q.reseller_id.clone()?)));
        let Some((parent_id, reseller_id)) = reclaimable else {
            response
                .error_details
                .push(failure(quota_id, "CBC.99000012"));
            continue;
        };
        let Some(quota) = state.coupons.quota_mut(quota_id) else {
            response
                .error_details
                .push(failure(quota_id, "CBC.99000012"));
            continue;
        };
        let amount = quota.balance;
        quota.balance = Decimal::ZERO;
        quota.status = 6;
        if let Some(parent) = state.coupons.quota_mut(&parent_id) {
            parent.balance += amount;
        }
        let record_id = state.next_number();
        state.coupons.quota_records.push(QuotaRecord {
            id: record_id,
            operation_type: "11".to_string(),
            quota_id: quota_id.clone(),
            parent_quota_id: parent_id,
            reseller_id,
            amount,
            remark: remark.clone(),
        });
        response.simple_quota_infos.push(types::QuotaReclaim {
            quota_id: Some(quota_id.clone()),
            quota_balance: money(Decimal::ZERO),
        });
    }
    Ok(respond::ok(response))
}

fn coupon_quota(q: &Quota) -> types::CouponQuotaV2 {
    types::CouponQuotaV2 {
        quota_id: Some(q.quota_id.clone()),
        quota_type: Some(i64::from(q.quota_type).into()),
        create_time: Some(NOW.to_string()),
        last_update_time: Some(q.last_update_time.clone()),
        quota_value: money(q.value),
        quota_status: Some(i64::from(q.status).into()),
        balance: money(q.balance),
        measure_id: Some(values::MeasureId::Yuan),
        currency: Some("CNY".to_string()),
        effective_time: Some(NOW.to_string()),
        expire_time: Some(FAR_FUTURE.to_string()),
        limit_infos: Vec::new(),
    }
}

pub(crate) fn list_quota_coupons(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::QueryCouponQuotasReqExt = body(received)?;
    let owner = request.indirect_partner_id.as_ref().map(|p| p.to_string());
    reseller_known(state, owner.as_deref())?;
    let statuses: Vec<i32> = request.quota_status_list.clone();
    let quota_type = request.quota_type.unwrap_or(0);
    let matching: Vec<_> = state
        .coupons
        .quotas
        .iter()
        .filter(|q| q.reseller_id == owner)
        .filter(|q| {
            request.quota_ids.is_empty() || request.quota_ids.iter().any(|id| **id == q.quota_id)
        })
        .filter(|q| statuses.is_empty() || statuses.contains(&q.status))
        .filter(|q| q.quota_type == quota_type)
        .map(coupon_quota)
        .collect();
    let paging = Page::new(request.offset, request.limit);
    Ok(respond::ok(types::ListQuotaCouponsResponse {
        total_count: Some(matching.len() as i32),
        quotas: paging.of(&matching),
    }))
}

pub(crate) fn list_issued_coupon_quotas(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let paging = query.page()?;
    let quota_id = query.owned("quota_id");
    let reseller_id = query.owned("indirect_partner_id");
    let parent_id = query.owned("parent_quota_id");
    reseller_known(state, reseller_id.as_deref())?;
    let matching: Vec<_> = state
        .coupons
        .quotas
        .iter()
        .filter(|q| q.reseller_id.is_some() && q.parent_quota_id.is_some())
        .filter(|q| quota_id.as_ref().is_none_or(|id| *id == q.quota_id))
        .filter(|q| reseller_id.is_none() || q.reseller_id == reseller_id)
        .filter(|q| parent_id.is_none() || q.parent_quota_id == parent_id)
        .map(|q| {
            let reseller = q.reseller_id.as_deref().and_then(|r| state.reseller(r));
            types::IssuedCouponQuota {
                quota_id: Some(q.quota_id.clone()),
                quota_type: Some(i64::from(q.quota_type).into()),
                create_time: Some(NOW.to_string()),
                last_update_time: Some(q.last_update_time.clone()),
                quota_value: money(q.value),
                quota_status: Some(i64::from(q.status).into()),
                balance: money(q.balance),
                measure_id: Some(values::MeasureId::Yuan),
                currency: Some("CNY".to_string()),
                effective_time: Some(NOW.to_string()),
                expire_time: Some(FAR_FUTURE.to_string()),
                limit_infos: Vec::new(),
                indirect_partner_id: q.reseller_id.clone(),
                indirect_partner_account_name: reseller.map(|r| r.account_name.clone()),
                indirect_partner_name: reseller.map(|r| r.name.clone()),
                parent_quota_id: q.parent_quota_id.clone(),
            }
        })
        .collect();
    Ok(respond::ok(types::ListIssuedCouponQuotasResponse {
        total_count: Some(matching.len() as i32),
        quotas: paging.of(&matching),
    }))
}

pub(crate) fn list_coupon_quotas_records(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let paging = query.page()?;
    let quota_id = query.owned("quota_id");
    let reseller_id = query.owned("indirect_partner_id");
    let parent_id = query.owned("parent_quota_id");
    // Values other than 10 and 11 are documented to be ignored as filters.
    let operation_type = query
        .owned("operation_type")
        .filter(|kind| kind == "10" || kind == "11");
    let matching: Vec<_> = state
        .coupons
        .quota_records
        .iter()
        .filter(|r| quota_id.as_ref().is_none_or(|id| *id == r.quota_id))
        .filter(|r| reseller_id.as_ref().is_none_or(|id| *id == r.reseller_id))
        .filter(|r| parent_id.as_ref().is_none_or(|id| *id == r.parent_quota_id))
        .filter(|r| {
            operation_type
                .as_ref()
                .is_none_or(|t| *t == r.operation_type)
        })
        .map(|r| {
            let reseller = state.reseller(&r.reseller_id);
            types::QuotaRecord {
                id: Some(r.id.clone()),
                operator: Some("distributor01".to_string()),
                operation_type: Some(r.operation_type.clone().into()),
                quota_id: Some(r.quota_id.clone()),
                parent_quota_id: Some(r.parent_quota_id.clone()),
                amount: money(r.amount),
                operation_time: Some(NOW.to_string()),
                result: Some("0".to_string().into()),
                indirect_partner_account_name: reseller.map(|x| x.account_name.clone()),
                indirect_partner_id: Some(r.reseller_id.clone()),
                indirect_partner_name: reseller.map(|x| x.name.clone()),
                remark: r.remark.clone(),
            }
        })
        .collect();
    Ok(respond::ok(types::ListCouponQuotasRecordsResponse {
        total_count: Some(matching.len() as i32),
        records: paging.of(&matching),
    }))
}

// --- coupons --------------------------------------------------------------------------------

pub(crate) fn create_partner_coupons(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::CreatePartnerCouponsReq = body(received)?;
    let cloud_services = request.cloud_service_types.len();
    check_max_items("cloud_service_types", cloud_services, 10)?;
    check_max_items("product_ids", request.product_ids.len(), 10)?;
    let face_value = decimal(&request.face_value)?;
    let reseller_id = request.indirect_partner_id.as_ref().map(|p| p.to_string());
    reseller_known(state, reseller_id.as_deref())?;
    let quota_id = request.quota_id.to_string();
    let quota_usable = state
        .coupons
        .quota(&quota_id)
        .is_some_and(|q| q.status == 0 && q.reseller_id == reseller_id);
    if !quota_usable {
        return Err(respond::error("CBC.99000012", None));
    }
    let effective_time = request
        .valid_time
        .as_ref()
        .map_or(NOW.to_string(), |t| t.to_string());
    let expire_time = request
        .expire_time
        .as_ref()
        .map_or(FAR_FUTURE.to_string(), |t| t.to_string());
    let memo = request.memo.clone();
    let mut response = types::CreatePartnerCouponsResponse::default();
    for customer_id in &request.customer_ids {
        let customer_id = customer_id.to_string();
        if !state.is_customer_of(&customer_id, reseller_id.as_deref()) {
            response
                .error_details
                .push(failure(&customer_id, "CBC.99000035"));
            continue;
        }
        let Some(quota) = state.coupons.quota_mut(&quota_id) else {
            return Err(respond::error("CBC.99000012", None));
        };
        if quota.balance < face_value {
            response
                .error_details
                .push(failure(&customer_id, "CBC.99000013"));
            continue;
        }
        quota.balance -= face_value;
        let coupon_id = state.next_trans_id("CP");
        state.coupons.coupons.push(Coupon {
            coupon_id: coupon_id.clone(),
            customer_id: customer_id.clone(),
            quota_id: quota_id.clone(),
            reseller_id: reseller_id.clone(),
            face_value,
            balance: face_value,
            status: 2,
            effective_time: effective_time.clone(),
            expire_time: expire_time.clone(),
        });
        let record_id = state.next_number();
        state.coupons.coupon_records.push(CouponRecord {
            id: record_id,
            operation_type: "1".to_string(),
            quota_id: quota_id.clone(),
            coupon_id: coupon_id.clone(),
            customer_id: customer_id.clone(),
            reseller_id: reseller_id.clone(),
            amount: face_value,
            remark: memo.clone(),
        });
        response.coupon_infos.push(types::CouponSimpleInfo {
            id: Some(customer_id),
            coupon_id: Some(coupon_id),
        });
    }
    Ok(respond::ok(response))
}

/// Reclaims the whole remaining balance into the quota it came from. A coupon that is already
/// reclaimed has nothing left: the call succeeds without effect (no second record).
pub(crate) fn reclaim_partner_coupons(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ReclaimPartnerCouponsReq = body(received)?;
    let reseller_id = request.indirect_partner_id.as_ref().map(|p| p.to_string());
    reseller_known(state, reseller_id.as_deref())?;
    let coupon_id = request.coupon_id.to_string();
    let Some(coupon) = state
        .coupons
        .coupon(&coupon_id)
        .filter(|c| c.reseller_id == reseller_id)
        .cloned()
    else {
        return Err(invalid("coupon_id is not a coupon issued by this partner"));
    };
    match coupon.status {
        5 => return Ok(respond::no_content()),
        2 => {}
        _ => return Err(invalid("only usable coupons can be reclaimed")),
    }
    if let Some(quota) = state.coupons.quota_mut(&coupon.quota_id) {
        quota.balance += coupon.balance;
    }
    let Some(stored) = state
        .coupons
        .coupons
        .iter_mut()
        .find(|c| c.coupon_id == coupon_id)
    else {
        return Err(invalid("coupon_id is not a coupon issued by this partner"));
    };
    stored.balance = Decimal::ZERO;
    stored.status = 5;
    let record_id = state.next_number();
    state.coupons.coupon_records.push(CouponRecord {
        id: record_id,
        operation_type: "2".to_string(),
        quota_id: coupon.quota_id,
        coupon_id,
        customer_id: coupon.customer_id,
        reseller_id,
        amount: coupon.balance,
        remark: None,
    });
    Ok(respond::no_content())
}

/// The coupons a coupon list asks for (by coupon, customer, reseller, status and type), and
/// the page it asks for; the reseller must be the partner's.
fn issued_coupons<'a>(
    received: &Received,
    state: &'a State,
) -> Result<(Page, Vec<&'a Coupon>), Reply> {
    let query = Query::of(received);
    let paging = query.page()?;
    let coupon_id = query.owned("coupon_id");
    let customer_id = query.owned("customer_id");
    let reseller_id = query.owned("indirect_partner_id");
    let status = query.number::<i32>("status")?;
    let coupon_type = query.number::<i32>("coupon_type")?;
    reseller_known(state, reseller_id.as_deref())?;
    let matching = state
        .coupons
        .coupons
        .iter()
        .filter(|c| c.reseller_id == reseller_id)
        .filter(|c| coupon_id.as_ref().is_none_or(|id| *id == c.coupon_id))
        .filter(|c| customer_id.as_ref().is_none_or(|id| *id == c.customer_id))
        .filter(|c| status.is_none_or(|s| s == c.status))
        .filter(|_| coupon_type.is_none_or(|t| t == 1))
        .collect();
    Ok((paging, matching))
}

pub(crate) fn list_issued_partner_coupons(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let (paging, matching) = issued_coupons(received, state)?;
    let matching: Vec<_> = matching
        .into_iter()
        .map(|c| types::IQueryUserPartnerCouponsResultV2 {
            coupon_id: Some(c.coupon_id.clone()),
            status: Some(i64::from(c.status).into()),
            customer_id: Some(c.customer_id.clone()),
            coupon_type: Some(values::IQueryUserPartnerCouponsResultV2CouponType::CashCoupon),
            measure_id: Some(values::MeasureId::Yuan),
            face_value: money(c.face_value),
            effective_time: Some(c.effective_time.clone()),
            expire_time: Some(c.expire_time.clone()),
            promotion_plan_id: Some(c.quota_id.clone()),
            media_type: Some(values::MediaType::Electronic),
            fetch_method: Some(values::FetchMethod::IssuedOnline),
            create_time: Some(NOW.to_string()),
            balance: money(c.balance),
            is_frozen: Some("0".to_string().into()),
            ..Default::default()
        })
        .collect();
    Ok(respond::ok(types::ListIssuedPartnerCouponsResponse {
        total_count: Some(matching.len() as i32),
        user_coupons: paging.of(&matching),
    }))
}

pub(crate) fn list_partner_coupons_record(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let query = Query::of(received);
    let paging = query.page()?;
    let coupon_ids: Option<Vec<String>> = query
        .all("coupon_ids")
        .map(|ids| ids.into_iter().map(str::to_owned).collect());
    let operation_types: Option<Vec<String>> = query
        .all("operation_types")
        .map(|kinds| {
            kinds
                .into_iter()
                .map(|kind| {
                    parse::<types::ListPartnerCouponsRecordOperationTypesItem>(
                        "operation_types",
                        kind,
                    )
                    .map(|kind| kind.to_string())
                })
                .collect::<Result<_, _>>()
        })
        .transpose()?;
    let quota_id = query.owned("quota_id");
    let customer_id = query.owned("customer_id");
    let reseller_id = query.owned("indirect_partner_id");
    let result = query.owned("result");
    check_max_items("coupon_ids", coupon_ids.as_ref().map_or(0, Vec::len), 100)?;
    check_max_items(
        "operation_types",
        operation_types.as_ref().map_or(0, Vec::len),
        8,
    )?;
    reseller_known(state, reseller_id.as_deref())?;
    // Every simulated operation succeeds; result -1 matches nothing, other values are ignored.
    let failures_only = result.as_deref() == Some("-1");
    let matching: Vec<_> = state
        .coupons
        .coupon_records
        .iter()
        .filter(|r| r.reseller_id == reseller_id)
        .filter(|r| {
            coupon_ids
                .as_ref()
                .is_none_or(|ids| ids.contains(&r.coupon_id))
        })
        .filter(|r| {
            operation_types
                .as_ref()
                .is_none_or(|types| types.contains(&r.operation_type))
        })
        .filter(|r| quota_id.as_ref().is_none_or(|id| *id == r.quota_id))
        .filter(|r| customer_id.as_ref().is_none_or(|id| *id == r.customer_id))
        .filter(|_| !failures_only)
        .map(|r| types::CouponRecordV2 {
            id: Some(r.id.clone()),
            operation_type: Some(r.operation_type.clone().into()),
            quota_id: Some(r.quota_id.clone()),
            quota_type: Some(values::CouponQuotaV2QuotaType::CashCouponQuota),
            coupon_id: Some(r.coupon_id.clone()),
            customer_id: Some(r.customer_id.clone()),
            operation_amount: money(r.amount),
            operation_time: Some(NOW.to_string()),
            result: Some("0".to_string().into()),
            remark: r.remark.clone(),
        })
        .collect();
    Ok(respond::ok(types::ListPartnerCouponsRecordResponse {
        total_count: Some(matching.len() as i32),
        records: paging.of(&matching),
    }))
}

pub(crate) fn list_sub_customer_coupons(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let (paging, matching) = issued_coupons(received, state)?;
    let matching: Vec<_> = matching
        .into_iter()
        .map(|c| types::IQueryUserCouponsResultV2 {
            coupon_id: Some(c.coupon_id.clone()),
            status: Some(i64::from(c.status).into()),
            customer_id: Some(c.customer_id.clone()),
            coupon_type: Some(values::IQueryUserCouponsResultV2CouponType::CashCoupon),
            measure_id: Some(values::MeasureId::Yuan),
            face_value: money(c.face_value),
            valid_time: Some(c.effective_time.clone()),
            expire_time: Some(c.expire_time.clone()),
            promotion_plan_id: Some(c.quota_id.clone()),
            media_type: Some(values::MediaType::Electronic),
            fetch_method: Some(values::FetchMethod::IssuedOnline),
            create_time: Some(NOW.to_string()),
            coupon_version: Some(values::CouponVersion::NewReusable),
            balance: money(c.balance),
            is_frozen: Some("0".to_string().into()),
            currency: Some("CNY".to_string()),
            ..Default::default()
        })
        .collect();
    Ok(respond::ok(types::ListSubCustomerCouponsResponse {
        count: Some(matching.len() as i32),
        user_coupons: paging.of(&matching),
    }))
}

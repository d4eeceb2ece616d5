//! Resellers and coupons (groups C and D): reseller list and accounts, coupon quotas issued to
//! resellers, coupons issued to customers, and their records.
//!
//! Batch operations (UpdateCouponQuotas, ReclaimCouponQuotas, CreatePartnerCoupons) answer
//! HTTP 200 with the failed items in `error_details`, as the service does: an unknown reseller,
//! quota or customer fails alone and the rest of the batch goes through.

use std::str::FromStr;

use huaweicloud_bss_api::{types, values};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::State;
use crate::state_cd::{
    Coupon, CouponRecord, FAR_FUTURE, NOW, QuotaRecord, ResellerState, cents_to_string, parse_cents,
};

pub(crate) fn handle(operation: &str, received: &Received, state: &mut State) -> Option<Reply> {
    let result = match operation {
        "ListIndirectPartners" => list_indirect_partners(received, &state.resellers),
        "UpdateIndirectPartnerAccount" => update_indirect_partner_account(received, state),
        "ReclaimIndirectPartnerAccount" => reclaim_indirect_partner_account(received, state),
        "UpdateCouponQuotas" => update_coupon_quotas(received, state),
        "ReclaimCouponQuotas" => reclaim_coupon_quotas(received, state),
        "ListQuotaCoupons" => list_quota_coupons(received, &state.resellers),
        "ListIssuedCouponQuotas" => list_issued_coupon_quotas(received, &state.resellers),
        "ListCouponQuotasRecords" => list_coupon_quotas_records(received, &state.resellers),
        "CreatePartnerCoupons" => create_partner_coupons(received, state),
        "ReclaimPartnerCoupons" => reclaim_partner_coupons(received, state),
        "ListIssuedPartnerCoupons" => list_issued_partner_coupons(received, &state.resellers),
        "ListPartnerCouponsRecord" => list_partner_coupons_record(received, &state.resellers),
        "ListSubCustomerCoupons" => list_sub_customer_coupons(received, &state.resellers),
        _ => return None,
    };
    Some(result.unwrap_or_else(|reply| reply))
}

// --- decoding -------------------------------------------------------------------------------

fn invalid(what: &str) -> Reply {
    respond::error("CBC.0100", Some(&format!("parameter error: {what}")))
}

/// Decodes a body with the generated type (its rules were checked before the handler ran).
fn body<T: DeserializeOwned>(received: &Received) -> Result<T, Reply> {
    serde_json::from_slice(&received.body).map_err(|e| invalid(&e.to_string()))
}

/// A query value through its `FromStr` (integers, string enums).
fn parse<T: FromStr>(key: &str, value: &str) -> Result<T, Reply> {
    value
        .parse()
        .map_err(|_| invalid(&format!("invalid {key}")))
}

/// A query value through its JSON form (integers).
fn parse_json<T: DeserializeOwned>(key: &str, value: &str) -> Result<T, Reply> {
    serde_json::from_str(value).map_err(|_| invalid(&format!("invalid {key}")))
}

/// An amount of a generated type (number or string on the wire) in cents.
fn cents(amount: &impl Serialize) -> Result<i64, Reply> {
    let text = serde_json::to_string(amount).map_err(|_| invalid("amount"))?;
    parse_cents(&text).ok_or_else(|| invalid("amounts have at most 2 decimals"))
}

/// Cents as the generated money type, with two decimal places (`10.00`). The decimal text
/// goes in as a JSON string, which the money types decode exactly.
fn money<T: DeserializeOwned>(cents: i64) -> T {
    serde_json::from_value(serde_json::Value::String(cents_to_string(cents)))
        .expect("money types decode decimal strings")
}

/// Offset and limit of a list request (defaults 0 and 10).
#[derive(Debug, Clone, Copy)]
struct Paging {
    offset: usize,
    limit: usize,
}

impl Default for Paging {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: 10,
        }
    }
}

impl Paging {
    fn page<T: Clone>(&self, items: &[T]) -> Vec<T> {
        items
            .iter()
            .skip(self.offset)
            .take(self.limit)
            .cloned()
            .collect()
    }

    /// Reads `offset`/`limit` from a query pair (their documented ranges were checked with the
    /// client's rules before the handler ran); `true` if the pair was one of them.
    fn read(&mut self, key: &str, value: &str) -> Result<bool, Reply> {
        match key {
            "offset" => self.offset = parse::<usize>(key, value)?,
            "limit" => self.limit = parse::<usize>(key, value)?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// Maximum documented item counts the generated types do not enforce.
fn check_max_items(what: &str, len: usize, max: usize) -> Result<(), Reply> {
    if len > max {
        return Err(invalid(&format!("{what} holds {len} items, at most {max}")));
    }
    Ok(())
}

fn reseller_known(state: &ResellerState, id: Option<&str>) -> Result<(), Reply> {
    match id {
        Some(id) if state.reseller(id).is_none() => Err(respond::error("CBC.99000037", None)),
        _ => Ok(()),
    }
}

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

// --- resellers and their accounts -------------------------------------------------------------

fn list_indirect_partners(received: &Received, state: &ResellerState) -> Result<Reply, Reply> {
    let request: types::QueryIndirectPartnersReq = body(received)?;
    let account_name = request.account_name.as_ref().map(|a| a.to_string());
    let begin = request.associated_on_begin.as_ref().map(|t| t.to_string());
    let end = request.associated_on_end.as_ref().map(|t| t.to_string());
    let matching: Vec<_> = state
        .resellers
        .iter()
        .filter(|r| {
            account_name
                .as_deref()
                .is_none_or(|a| a.is_empty() || r.account_name.contains(a))
        })
        .filter(|r| {
            begin
                .as_deref()
                .is_none_or(|b| r.associated_on.as_str() >= b)
        })
        .filter(|r| end.as_deref().is_none_or(|e| r.associated_on.as_str() <= e))
        .filter(|r| {
            request
                .indirect_partner_id
                .as_ref()
                .is_none_or(|id| id.as_str() == r.id)
        })
        .map(|r| types::IndirectPartnerInfo {
            indirect_partner_id: Some(r.id.clone()),
            account_name: Some(r.account_name.clone()),
            name: Some(r.name.clone()),
            associated_on: Some(r.associated_on.clone()),
            ..Default::default()
        })
        .collect();
    let paging = Paging {
        offset: request.offset.map_or(0, |o| o as usize),
        limit: request.limit.map_or(10, |l| l as usize),
    };
    Ok(respond::ok(types::ListIndirectPartnersResponse {
        count: Some(matching.len() as i32),
        indirect_partners: paging.page(&matching),
    }))
}

fn update_indirect_partner_account(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::AdjustToIndirectPartnerReq = body(received)?;
    let amount = cents(&request.amount)?;
    let state = &mut state.resellers;
    let id = request.indirect_partner_id.to_string();
    reseller_known(state, Some(&id))?;
    if amount > state.partner_balance_cents {
        return Err(respond::error("CBC.99005003", None));
    }
    state.partner_balance_cents -= amount;
    state.reseller_mut(&id).expect("checked").balance_cents += amount;
    let transfer_id = state.next_id("AD");
    Ok(respond::ok(types::UpdateIndirectPartnerAccountResponse {
        transfer_id: Some(transfer_id),
    }))
}

fn reclaim_indirect_partner_account(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ReclaimIndirectPartnerAccountReq = body(received)?;
    let amount = cents(&request.amount)?;
    let state = &mut state.resellers;
    let id = request.indirect_partner_id.to_string();
    reseller_known(state, Some(&id))?;
    let reseller = state.reseller_mut(&id).expect("checked");
    if amount > reseller.balance_cents {
        return Err(respond::error(
            "CBC.99005003",
            Some("Insufficient balance: the amount exceeds the reseller's account balance."),
        ));
    }
    reseller.balance_cents -= amount;
    state.partner_balance_cents += amount;
    let trans_id = state.next_id("RE");
    Ok(respond::ok(types::ReclaimIndirectPartnerAccountResponse {
        trans_id: Some(trans_id),
    }))
}

// --- coupon quotas --------------------------------------------------------------------------

fn update_coupon_quotas(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::AdjustCouponQuotasReq = body(received)?;
    check_max_items(
        "indirect_partner_ids",
        request.indirect_partner_ids.len(),
        100,
    )?;
    let amount = cents(&request.quota_amount)?;
    let state = &mut state.resellers;
    let parent_id = request.quota_id.to_string();
    let Some(parent) = state.quota(&parent_id).filter(|q| q.reseller_id.is_none()) else {
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
    if amount * known.len() as i64 > parent.balance_cents {
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
        state.quota_mut(&parent_id).expect("checked").balance_cents -= amount;
        state.quotas.push(crate::state_cd::Quota {
            quota_id: quota_id.clone(),
            parent_quota_id: Some(parent_id.clone()),
            reseller_id: Some(reseller_id.clone()),
            quota_type: 0,
            value_cents: amount,
            balance_cents: amount,
            status: 0,
            last_update_time: NOW.to_string(),
        });
        let record_id = state.next_number();
        state.quota_records.push(QuotaRecord {
            id: record_id,
            operation_type: "10".to_string(),
            quota_id: quota_id.clone(),
            parent_quota_id: parent_id.clone(),
            reseller_id: reseller_id.clone(),
            amount_cents: amount,
            remark: None,
        });
        response.simple_quota_infos.push(types::QuotaSimpleInfo {
            id: Some(reseller_id),
            quota_id: Some(quota_id),
        });
    }
    Ok(respond::ok(response))
}

fn reclaim_coupon_quotas(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::ReclaimCouponQuotasReq = body(received)?;
    check_max_items("quota_ids", request.quota_ids.len(), 10)?;
    let remark = request.remark.as_ref().map(|r| r.to_string());
    let state = &mut state.resellers;
    let mut response = types::ReclaimCouponQuotasResponse::default();
    for quota_id in &request.quota_ids {
        let reclaimable = state
            .quota(quota_id)
            .filter(|q| q.status == 0)
            .and_then(|q| Some((q.parent_quota_id.clone()?, q.reseller_id.clone()?)));
        let Some((parent_id, reseller_id)) = reclaimable else {
            response
                .error_details
                .push(failure(quota_id, "CBC.99000012"));
            continue;
        };
        let quota = state.quota_mut(quota_id).expect("checked");
        let amount = quota.balance_cents;
        quota.balance_cents = 0;
        quota.status = 6;
        if let Some(parent) = state.quota_mut(&parent_id) {
            parent.balance_cents += amount;
        }
        let record_id = state.next_number();
        state.quota_records.push(QuotaRecord {
            id: record_id,
            operation_type: "11".to_string(),
            quota_id: quota_id.clone(),
            parent_quota_id: parent_id,
            reseller_id,
            amount_cents: amount,
            remark: remark.clone(),
        });
        response.simple_quota_infos.push(types::QuotaReclaim {
            quota_id: Some(quota_id.clone()),
            quota_balance: Some(money(0)),
        });
    }
    Ok(respond::ok(response))
}

fn coupon_quota(q: &crate::state_cd::Quota) -> types::CouponQuotaV2 {
    types::CouponQuotaV2 {
        quota_id: Some(q.quota_id.clone()),
        quota_type: Some(i64::from(q.quota_type).into()),
        create_time: Some(NOW.to_string()),
        last_update_time: Some(q.last_update_time.clone()),
        quota_value: Some(money(q.value_cents)),
        quota_status: Some(i64::from(q.status).into()),
        balance: Some(money(q.balance_cents)),
        measure_id: Some(values::MeasureId::Yuan),
        currency: Some("CNY".to_string()),
        effective_time: Some(NOW.to_string()),
        expire_time: Some(FAR_FUTURE.to_string()),
        limit_infos: Vec::new(),
    }
}

fn list_quota_coupons(received: &Received, state: &ResellerState) -> Result<Reply, Reply> {
    let request: types::QueryCouponQuotasReqExt = body(received)?;
    let owner = request.indirect_partner_id.as_ref().map(|p| p.to_string());
    reseller_known(state, owner.as_deref())?;
    let statuses: Vec<i32> = request.quota_status_list.clone();
    let quota_type = request.quota_type.unwrap_or(0);
    let matching: Vec<_> = state
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
    let paging = Paging {
        offset: request.offset.map_or(0, |o| o as usize),
        limit: request.limit.map_or(10, |l| l as usize),
    };
    Ok(respond::ok(types::ListQuotaCouponsResponse {
        total_count: Some(matching.len() as i32),
        quotas: paging.page(&matching),
    }))
}

fn list_issued_coupon_quotas(received: &Received, state: &ResellerState) -> Result<Reply, Reply> {
    let (mut quota_id, mut reseller_id, mut parent_id) = (None, None, None);
    let mut paging = Paging::default();
    for (key, value) in received.query_pairs() {
        if paging.read(&key, &value)? {
            continue;
        }
        match key.as_str() {
            "quota_id" => quota_id = Some(value),
            "indirect_partner_id" => reseller_id = Some(value),
            "parent_quota_id" => parent_id = Some(value),
            _ => {}
        }
    }
    reseller_known(state, reseller_id.as_deref())?;
    let matching: Vec<_> = state
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
                quota_value: Some(money(q.value_cents)),
                quota_status: Some(i64::from(q.status).into()),
                balance: Some(money(q.balance_cents)),
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
        quotas: paging.page(&matching),
    }))
}

fn list_coupon_quotas_records(received: &Received, state: &ResellerState) -> Result<Reply, Reply> {
    let (mut quota_id, mut reseller_id, mut parent_id, mut operation_type) =
        (None, None, None, None);
    let mut paging = Paging::default();
    for (key, value) in received.query_pairs() {
        if paging.read(&key, &value)? {
            continue;
        }
        match key.as_str() {
            "quota_id" => quota_id = Some(value),
            "indirect_partner_id" => reseller_id = Some(value),
            "parent_quota_id" => parent_id = Some(value),
            "operation_type" => {
                let parsed = value;
                // Values other than 10 and 11 are documented to be ignored as filters.
                if parsed == "10" || parsed == "11" {
                    operation_type = Some(parsed);
                }
            }
            _ => {}
        }
    }
    let matching: Vec<_> = state
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
                amount: Some(money(r.amount_cents)),
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
        records: paging.page(&matching),
    }))
}

// --- coupons --------------------------------------------------------------------------------

fn create_partner_coupons(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::CreatePartnerCouponsReq = body(received)?;
    let cloud_services = request.cloud_service_types.len();
    check_max_items("cloud_service_types", cloud_services, 10)?;
    check_max_items("product_ids", request.product_ids.len(), 10)?;
    let face_value = cents(&request.face_value)?;
    let reseller_id = request.indirect_partner_id.as_ref().map(|p| p.to_string());
    reseller_known(&state.resellers, reseller_id.as_deref())?;
    let quota_id = request.quota_id.to_string();
    let quota_usable = state
        .resellers
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
        let is_customer = state.customers.iter().any(|c| {
            c.domain_id == customer_id && c.indirect_partner_id.as_deref() == reseller_id.as_deref()
        });
        if !is_customer {
            response
                .error_details
                .push(failure(&customer_id, "CBC.99000035"));
            continue;
        }
        let resellers = &mut state.resellers;
        let quota = resellers.quota_mut(&quota_id).expect("checked");
        if quota.balance_cents < face_value {
            response
                .error_details
                .push(failure(&customer_id, "CBC.99000013"));
            continue;
        }
        quota.balance_cents -= face_value;
        let coupon_id = resellers.next_id("CP");
        resellers.coupons.push(Coupon {
            coupon_id: coupon_id.clone(),
            customer_id: customer_id.clone(),
            quota_id: quota_id.clone(),
            reseller_id: reseller_id.clone(),
            face_value_cents: face_value,
            balance_cents: face_value,
            status: 2,
            effective_time: effective_time.clone(),
            expire_time: expire_time.clone(),
        });
        let record_id = resellers.next_number();
        resellers.coupon_records.push(CouponRecord {
            id: record_id,
            operation_type: "1".to_string(),
            quota_id: quota_id.clone(),
            coupon_id: coupon_id.clone(),
            customer_id: customer_id.clone(),
            reseller_id: reseller_id.clone(),
            amount_cents: face_value,
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
fn reclaim_partner_coupons(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::ReclaimPartnerCouponsReq = body(received)?;
    let state = &mut state.resellers;
    let reseller_id = request.indirect_partner_id.as_ref().map(|p| p.to_string());
    reseller_known(state, reseller_id.as_deref())?;
    let coupon_id = request.coupon_id.to_string();
    let Some(coupon) = state
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
    if let Some(quota) = state.quota_mut(&coupon.quota_id) {
        quota.balance_cents += coupon.balance_cents;
    }
    let stored = state
        .coupons
        .iter_mut()
        .find(|c| c.coupon_id == coupon_id)
        .expect("checked");
    stored.balance_cents = 0;
    stored.status = 5;
    let record_id = state.next_number();
    state.coupon_records.push(CouponRecord {
        id: record_id,
        operation_type: "2".to_string(),
        quota_id: coupon.quota_id,
        coupon_id,
        customer_id: coupon.customer_id,
        reseller_id,
        amount_cents: coupon.balance_cents,
        remark: None,
    });
    Ok(respond::no_content())
}

fn list_issued_partner_coupons(received: &Received, state: &ResellerState) -> Result<Reply, Reply> {
    let (mut coupon_id, mut customer_id, mut reseller_id, mut status, mut coupon_type) =
        (None, None, None, None, None);
    let mut paging = Paging::default();
    for (key, value) in received.query_pairs() {
        if paging.read(&key, &value)? {
            continue;
        }
        match key.as_str() {
            "coupon_id" => coupon_id = Some(value),
            "customer_id" => customer_id = Some(value),
            "indirect_partner_id" => reseller_id = Some(value),
            "status" => status = Some(parse_json::<i32>(&key, &value)?),
            "coupon_type" => coupon_type = Some(parse_json::<i32>(&key, &value)?),
            _ => {}
        }
    }
    reseller_known(state, reseller_id.as_deref())?;
    let matching: Vec<_> = state
        .coupons
        .iter()
        .filter(|c| c.reseller_id == reseller_id)
        .filter(|c| coupon_id.as_ref().is_none_or(|id| *id == c.coupon_id))
        .filter(|c| customer_id.as_ref().is_none_or(|id| *id == c.customer_id))
        .filter(|c| status.is_none_or(|s| s == c.status))
        .filter(|_| coupon_type.is_none_or(|t| t == 1))
        .map(|c| types::IQueryUserPartnerCouponsResultV2 {
            coupon_id: Some(c.coupon_id.clone()),
            status: Some(i64::from(c.status).into()),
            customer_id: Some(c.customer_id.clone()),
            coupon_type: Some(values::IQueryUserPartnerCouponsResultV2CouponType::CashCoupon),
            measure_id: Some(values::MeasureId::Yuan),
            face_value: Some(money(c.face_value_cents)),
            effective_time: Some(c.effective_time.clone()),
            expire_time: Some(c.expire_time.clone()),
            promotion_plan_id: Some(c.quota_id.clone()),
            media_type: Some(values::MediaType::Electronic),
            fetch_method: Some(values::FetchMethod::IssuedOnline),
            create_time: Some(NOW.to_string()),
            balance: Some(money(c.balance_cents)),
            is_frozen: Some("0".to_string().into()),
            ..Default::default()
        })
        .collect();
    Ok(respond::ok(types::ListIssuedPartnerCouponsResponse {
        total_count: Some(matching.len() as i32),
        user_coupons: paging.page(&matching),
    }))
}

fn list_partner_coupons_record(received: &Received, state: &ResellerState) -> Result<Reply, Reply> {
    // Repeated keys (`coupon_ids=a&coupon_ids=b`) collect into lists; a present but empty
    // list cannot be expressed in a query string.
    let mut coupon_ids: Option<Vec<String>> = None;
    let mut operation_types: Option<Vec<String>> = None;
    let (mut quota_id, mut customer_id, mut reseller_id, mut result) = (None, None, None, None);
    let mut paging = Paging::default();
    for (key, value) in received.query_pairs() {
        if paging.read(&key, &value)? {
            continue;
        }
        match key.as_str() {
            "coupon_ids" => coupon_ids.get_or_insert_with(Vec::new).push(value),
            "operation_types" => operation_types.get_or_insert_with(Vec::new).push(
                parse::<types::ListPartnerCouponsRecordOperationTypesItem>(&key, &value)?
                    .to_string(),
            ),
            "quota_id" => quota_id = Some(value),
            "customer_id" => customer_id = Some(value),
            "indirect_partner_id" => reseller_id = Some(value),
            "result" => result = Some(value),
            _ => {}
        }
    }
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
            operation_amount: Some(money(r.amount_cents)),
            operation_time: Some(NOW.to_string()),
            result: Some("0".to_string().into()),
            remark: r.remark.clone(),
        })
        .collect();
    Ok(respond::ok(types::ListPartnerCouponsRecordResponse {
        total_count: Some(matching.len() as i32),
        records: paging.page(&matching),
    }))
}

fn list_sub_customer_coupons(received: &Received, state: &ResellerState) -> Result<Reply, Reply> {
    let (mut coupon_id, mut reseller_id, mut status, mut coupon_type) = (None, None, None, None);
    let mut paging = Paging::default();
    for (key, value) in received.query_pairs() {
        if paging.read(&key, &value)? {
            continue;
        }
        match key.as_str() {
            "coupon_id" => coupon_id = Some(value),
            "indirect_partner_id" => reseller_id = Some(value),
            "status" => status = Some(parse_json::<i32>(&key, &value)?),
            "coupon_type" => coupon_type = Some(parse_json::<i32>(&key, &value)?),
            _ => {}
        }
    }
    reseller_known(state, reseller_id.as_deref())?;
    let matching: Vec<_> = state
        .coupons
        .iter()
        .filter(|c| c.reseller_id == reseller_id)
        .filter(|c| coupon_id.as_ref().is_none_or(|id| *id == c.coupon_id))
        .filter(|c| status.is_none_or(|s| s == c.status))
        .filter(|_| coupon_type.is_none_or(|t| t == 1))
        .map(|c| types::IQueryUserCouponsResultV2 {
            coupon_id: Some(c.coupon_id.clone()),
            status: Some(i64::from(c.status).into()),
            customer_id: Some(c.customer_id.clone()),
            coupon_type: Some(values::IQueryUserCouponsResultV2CouponType::CashCoupon),
            measure_id: Some(values::MeasureId::Yuan),
            face_value: Some(money(c.face_value_cents)),
            valid_time: Some(c.effective_time.clone()),
            expire_time: Some(c.expire_time.clone()),
            promotion_plan_id: Some(c.quota_id.clone()),
            media_type: Some(values::MediaType::Electronic),
            fetch_method: Some(values::FetchMethod::IssuedOnline),
            create_time: Some(NOW.to_string()),
            coupon_version: Some(values::CouponVersion::NewReusable),
            balance: Some(money(c.balance_cents)),
            is_frozen: Some("0".to_string().into()),
            currency: Some("CNY".to_string()),
            ..Default::default()
        })
        .collect();
    Ok(respond::ok(types::ListSubCustomerCouponsResponse {
        count: Some(matching.len() as i32),
        user_coupons: paging.page(&matching),
    }))
}

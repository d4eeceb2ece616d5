//! The customer registry's operations: creating customers, checking identities, sending
//! verification codes, and listing the partner's (or a reseller's) customers.

use huaweicloud_bss_api::{types, values};
use serde_json::{Map, json};

use super::Options;
use super::resellers::acting_for;
use crate::request::{Page, body};
use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::State;
use crate::state::customers::{Customer, review};

pub(crate) fn create_sub_customer(
    received: &Received,
    state: &mut State,
    options: &Options,
) -> Result<Reply, Reply> {
    let request: types::CreateCustomerV2Req = body(received)?;
    acting_for(state, request.indirect_partner_id.as_deref())?;
    let xaccount_id = request.xaccount_id.to_string();
    let xaccount_type = request.xaccount_type.to_string();
    if state
        .customers
        .iter()
        .any(|c| c.xaccount_id == xaccount_id && c.xaccount_type == xaccount_type)
    {
        return Err(respond::error("CBC.99000039", None));
    }
    let domain_name = match &request.domain_name {
        Some(name) => name.to_string(),
        None => state.next_id(),
    };
    if state.customer_by_name(&domain_name).is_some() {
        return Err(respond::error("CBC.99000038", None));
    }
    let mobile_phone = request
        .mobile_phone
        .as_ref()
        .map(|m| m.to_string())
        .filter(|m| !m.is_empty());
    if let Some(mobile) = &mobile_phone {
        let Some(code) = &request.verification_code else {
            return Err(respond::error(
                "CBC.0100",
                Some("verification_code is required with mobile_phone"),
            ));
        };
        if state.verification_code(mobile) != Some(code.expose()) {
            return Err(respond::error("CBC.99004010", None));
        }
        if state.customers_with_mobile(mobile) >= state.max_customers_per_mobile {
            return Err(respond::error("CBC.99000030", None));
        }
        state.verification_codes.remove(mobile);
    }
    let domain_id = state.next_id();
    state.customers.push(Customer {
        domain_id: domain_id.clone(),
        domain_name: domain_name.clone(),
        xaccount_id,
        xaccount_type,
        mobile_phone,
        indirect_partner_id: request.indirect_partner_id.as_ref().map(|p| p.to_string()),
        associated_on: state.now().to_string(),
        association_type: if request.cooperation_type.as_deref() == Some("1") {
            "1"
        } else {
            "2"
        }
        .to_string(),
    });
    if options.create_despite_error {
        let mut extra = Map::new();
        extra.insert("domain_id".into(), json!(domain_id));
        extra.insert("domain_name".into(), json!(domain_name));
        return Err(respond::error_with("CBC.99000050", None, extra));
    }
    Ok(respond::ok(types::CreateSubCustomerResponse {
        domain_id: Some(domain_id),
        domain_name: Some(domain_name),
    }))
}

pub(crate) fn check_user_identity(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::CheckSubcustomerUserReq = body(received)?;
    let value = request.search_value.to_string();
    let mut response = types::CheckUserIdentityResponse::default();
    let used = match request.search_type {
        types::CheckSubcustomerUserReqSearchType::Name => state.customer_by_name(&value).is_some(),
        types::CheckSubcustomerUserReqSearchType::Mobile => {
            // Mobiles are checked as `00CC-number`; customers register the bare number.
            let number = value.split_once('-').map_or(value.as_str(), |(_, n)| n);
            let registered = state.customers_with_mobile(number);
            let remaining = state.max_customers_per_mobile.saturating_sub(registered);
            response.mobile_remain_available_num = Some(remaining as i32);
            remaining == 0
        }
        types::CheckSubcustomerUserReqSearchType::Email => false,
    };
    response.check_result = Some(if used { "used_by_user" } else { "available" }.into());
    Ok(respond::ok(response))
}

pub(crate) fn send_verification_message_code(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::SendVerificationCodeV2Req = body(received)?;
    let scene = request.scene.unwrap_or(29);
    if scene == 18 && request.customer_id.is_none() {
        return Err(respond::error(
            "CBC.0100",
            Some("customer_id is required when scene is 18"),
        ));
    }
    let code = state.next_code();
    state
        .verification_codes
        .insert(request.mobile_phone.to_string(), code);
    // Documented success: 204 with no body.
    Ok(respond::no_content())
}

pub(crate) fn list_sub_customers(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::QuerySubCustomerListReq = body(received)?;
    acting_for(state, request.indirect_partner_id.as_deref())?;
    let contains = |filter: Option<String>, value: &str| filter.is_none_or(|f| value.contains(&f));
    let matching: Vec<&Customer> = state
        .customers
        .iter()
        .filter(|c| {
            contains(
                request.account_name.as_ref().map(|a| a.to_string()),
                &c.domain_name,
            )
        })
        .filter(|c| {
            request
                .customer_id
                .as_ref()
                .is_none_or(|id| **id == c.domain_id)
        })
        .filter(|c| {
            request
                .association_type
                .as_ref()
                .is_none_or(|t| t.to_string() == c.association_type)
        })
        .filter(|c| match &request.indirect_partner_id {
            Some(partner) => c.indirect_partner_id.as_deref() == Some(partner.as_str()),
            None => c.indirect_partner_id.is_none(),
        })
        .collect();
    let page = Page::new(request.offset, request.limit);
    let customer_infos = page
        .of(&matching)
        .into_iter()
        .map(|c| types::CustomerInformation {
            account_name: Some(c.domain_name.clone()),
            customer_id: Some(c.domain_id.clone()),
            associated_on: Some(c.associated_on.clone()),
            association_type: Some(c.association_type.clone().into()),
            telephone: c.mobile_phone.clone(),
            country_code: c.mobile_phone.as_ref().map(|_| "0086".to_string()),
            xaccount_id: Some(c.xaccount_id.clone()),
            xaccount_type: Some(c.xaccount_type.clone()),
            verified_status: Some("-1".to_string().into()),
            customer_type: Some(values::CustomerType::NotSet),
            is_frozen: Some(values::CustomerInformationIsFrozen::NotFrozen),
            ..Default::default()
        })
        .collect();
    Ok(respond::ok(types::ListSubCustomersResponse {
        count: Some(matching.len() as i32),
        customer_infos,
    }))
}

pub(crate) fn list_sub_customer_new_tag(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ListSubCustomerNewTagReq = body(received)?;
    let reseller = acting_for(state, request.indirect_partner_id.as_deref())?;
    // The acting partner's customers, from the registry.
    let known: Vec<String> = state
        .customers
        .iter()
        .filter(|c| c.indirect_partner_id == reseller)
        .map(|c| c.domain_id.clone())
        .collect();
    let asked: Vec<String> = request
        .customer_ids
        .iter()
        .map(|id| id.to_string())
        .collect();
    let matching: Vec<String> = known
        .into_iter()
        .filter(|id| asked.is_empty() || asked.contains(id))
        .collect();
    let new_customer_tags = Page::new(request.offset, request.limit)
        .of(&matching)
        .into_iter()
        .map(|id| {
            // Only real-name authenticated customers carry a tag.
            let authenticated = state
                .realname(&id)
                .is_some_and(|a| a.review_result == review::APPROVED);
            types::NewCustomerTagItem {
                customer_id: Some(id),
                customer_tag_type: authenticated.then(|| "SMB".to_string().into()),
                new_customer_tag: authenticated.then(|| "Y".to_string().into()),
                effective_time: authenticated.then(|| state.now()[..7].to_string()),
                expire_time: authenticated.then(|| "2027-10".to_string()),
            }
        })
        .collect();
    Ok(respond::ok(types::ListSubCustomerNewTagResponse {
        new_customer_tags,
    }))
}

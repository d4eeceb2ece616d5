//! One handler per operation: every request is first checked with the client's own rules
//! ([`check_request`]), then decoded with the generated types, applied to the state, and
//! answered as the documentation describes.

use huaweicloud_bss_api::{types, values};
use serde::de::DeserializeOwned;
use serde_json::{Map, json};

use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::{Customer, State, SubEnterpriseAccount};

/// Fixed association time of simulated customers (the simulator's answers are deterministic).
const ASSOCIATED_ON: &str = "2026-01-01T00:00:00Z";

pub(crate) fn handle(
    operation: &str,
    received: &Received,
    state: &mut State,
    create_despite_error: bool,
) -> Reply {
    if let Err(reply) = check_request(operation, received) {
        return reply;
    }
    if let Some(reply) = crate::ops_cd::handle(operation, received, state) {
        return reply;
    }
    if let Some(reply) = crate::ops_e::handle(operation, received, state) {
        return reply;
    }
    if let Some(reply) = crate::ops_ab::handle(operation, received, state) {
        return reply;
    }
    let result = match operation {
        "CreateSubCustomer" => create_sub_customer(received, state, create_despite_error),
        "CreateSubEnterpriseAccount" => create_sub_enterprise_account(received, state),
        "CheckUserIdentity" => check_user_identity(received, state),
        "SendVerificationMessageCode" => send_verification_message_code(received, state),
        "ListSubCustomers" => list_sub_customers(received, state),
        "ListEnterpriseOrganizations" => list_enterprise_organizations(received, state),
        other => Err(respond::error(
            "CBC.0999",
            Some(&format!("the simulator does not implement {other} yet")),
        )),
    };
    result.unwrap_or_else(|reply| reply)
}

/// Checks a received request with the client's own rules (every documented constraint of its
/// query parameters and body, as `huaweicloud_bss_api::requests::check_wire` applies them),
/// so the simulator refuses exactly what the client refuses to send. A broken rule is
/// answered as the service does, with CBC.0100, naming every broken field.
fn check_request(operation: &str, received: &Received) -> Result<(), Reply> {
    let pairs = received.query_pairs();
    let query: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(key, value)| (key.as_str(), value.as_str()))
        .collect();
    let body = (!received.body.is_empty()).then_some(&received.body[..]);
    match huaweicloud_bss_api::requests::check_wire(operation, &query, body) {
        Some(Err(invalid)) => Err(respond::error(
            "CBC.0100",
            Some(&format!("parameter error: {invalid}")),
        )),
        Some(Ok(())) | None => Ok(()),
    }
}

/// Decodes a body with the generated type (its rules were checked by [`check_request`]); a
/// body that does not decode is answered as the service does, with CBC.0100 and the reason.
fn body<T: DeserializeOwned>(received: &Received) -> Result<T, Reply> {
    serde_json::from_slice(&received.body)
        .map_err(|e| respond::error("CBC.0100", Some(&format!("parameter error: {e}"))))
}

fn create_sub_customer(
    received: &Received,
    state: &mut State,
    create_despite_error: bool,
) -> Result<Reply, Reply> {
    let request: types::CreateCustomerV2Req = body(received)?;
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
        associated_on: ASSOCIATED_ON.to_string(),
        association_type: if request.cooperation_type.as_deref() == Some("1") {
            "1"
        } else {
            "2"
        }
        .to_string(),
    });
    if create_despite_error {
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

fn create_sub_enterprise_account(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::CreateSubCustomerReqV2 = body(received)?;
    let party_id = request.party_id.to_string();
    if !state.org_units.iter().any(|u| u.id == party_id) {
        return Err(respond::error(
            "CBC.0100",
            Some("party_id is not an organization unit"),
        ));
    }
    let customer = &request.new_sub_customer;
    let uses_own_mobile = customer
        .use_pri_mobile_phone
        .as_ref()
        .is_none_or(|u| u.to_string() != "Y");
    if uses_own_mobile {
        let Some(mobile) = customer.mobile_phone.as_ref().map(|m| m.to_string()) else {
            return Err(respond::error(
                "CBC.0100",
                Some("mobile_phone is required unless use_pri_mobile_phone is Y"),
            ));
        };
        let code = customer.verification_code.as_ref().map(|c| c.expose());
        let sent = state.verification_code(&mobile).map(str::to_string);
        match (sent, code) {
            (_, None) => {
                return Err(respond::error(
                    "CBC.0100",
                    Some("verification_code is required with mobile_phone"),
                ));
            }
            (Some(sent), Some(given)) if sent == given => {
                state.verification_codes.remove(&mobile);
            }
            // A code from SendSmsVerificationCode, the enterprise operation made for this.
            (_, Some(given)) if state.multi_account.take_sms_code(&mobile, given) => {}
            _ => return Err(respond::error("CBC.99000026", None)),
        }
    }
    let customer_name = customer.customer_name.to_string();
    if state.customer_by_name(&customer_name).is_some()
        || state
            .sub_enterprise_accounts
            .iter()
            .any(|a| a.customer_name == customer_name)
    {
        return Err(respond::error("CBC.99000031", None));
    }
    let id = state.next_id();
    state.multi_account.open_member(&id);
    state.sub_enterprise_accounts.push(SubEnterpriseAccount {
        id,
        customer_name,
        party_id,
        display_name: request.display_name.as_ref().map(|d| d.to_string()),
    });
    Ok(respond::no_content())
}

fn check_user_identity(received: &Received, state: &mut State) -> Result<Reply, Reply> {
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

fn send_verification_message_code(received: &Received, state: &mut State) -> Result<Reply, Reply> {
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

fn list_sub_customers(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let request: types::QuerySubCustomerListReq = body(received)?;
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
    let offset = request.offset.map_or(0, |o| o as usize);
    let limit = request.limit.map_or(10, |l| l as usize);
    let customer_infos = matching
        .iter()
        .skip(offset)
        .take(limit)
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

fn list_enterprise_organizations(received: &Received, state: &mut State) -> Result<Reply, Reply> {
    let mut recursive = false;
    let mut parent_id = None;
    for (key, value) in received.query_pairs() {
        let invalid = || respond::error("CBC.0100", Some(&format!("invalid {key}")));
        match key.as_str() {
            "recursive_query" => {
                let parsed: i32 = value.parse().map_err(|_| invalid())?;
                recursive = parsed == 1;
            }
            "parent_id" => {
                parent_id = Some(value);
            }
            _ => {}
        }
    }
    let root = state
        .org_units
        .first()
        .cloned()
        .expect("the organization has a root");
    let start = parent_id.clone().unwrap_or_else(|| root.id.clone());
    if !state.org_units.iter().any(|u| u.id == start) {
        return Err(respond::error(
            "CBC.0100",
            Some("parent_id is not an organization unit"),
        ));
    }
    let child_nodes = children(state, &start, recursive);
    let (root_id, root_name) = match parent_id {
        Some(_) => (None, None),
        None => (Some(root.id), Some(root.name)),
    };
    Ok(respond::ok(types::ListEnterpriseOrganizationsResponse {
        child_nodes,
        root_id,
        root_name,
    }))
}

fn children(state: &State, parent: &str, recursive: bool) -> Vec<types::EmChildNodeV2> {
    state
        .org_children(parent)
        .map(|unit| types::EmChildNodeV2 {
            id: Some(unit.id.clone()),
            name: Some(unit.name.clone()),
            relation_id: Some(format!("rel-{}", unit.id)),
            child_nodes: if recursive {
                children(state, &unit.id, true)
            } else {
                Vec::new()
            },
        })
        .collect()
}

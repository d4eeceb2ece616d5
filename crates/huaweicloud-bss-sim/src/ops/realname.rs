//! Real-name authentication of customers: applications, their review, the status and QR code
//! of the calling account, and enabling enterprise projects.

use huaweicloud_bss_api::types;

use crate::request::{Query, body};
use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::State;
use crate::state::customers::{RealnameApplication, RealnameKind, review};

/// A registered customer of the partner or of one of its resellers; anyone else is refused
/// with CBC.99000035 ("not a customer of the partner"), as these operations document.
fn registered(state: &State, customer_id: &str) -> Result<(), Reply> {
    match state.customer(customer_id) {
        Some(_) => Ok(()),
        None => Err(respond::error("CBC.99000035", None)),
    }
}

/// Refuses a new application while one is approved or under review (CBC.99007188).
fn no_pending_or_approved(state: &State, customer_id: &str) -> Result<(), Reply> {
    registered(state, customer_id)?;
    match state.realname(customer_id) {
        Some(a) if a.review_result != review::REJECTED => Err(respond::error("CBC.99007188", None)),
        _ => Ok(()),
    }
}

/// Records an application and answers `is_review`.
fn apply(
    state: &mut State,
    customer_id: String,
    kind: RealnameKind,
    name: String,
    manual_review: bool,
) -> i32 {
    state.realname_applications.push(RealnameApplication {
        customer_id,
        kind,
        name,
        review_result: if manual_review {
            review::UNDER_REVIEW
        } else {
            review::APPROVED
        },
        opinion: None,
    });
    i32::from(manual_review)
}

pub(crate) fn create_personal_realname_auth(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ApplyIndividualRealnameAuthsReq = body(received)?;
    let customer_id = request.customer_id.to_string();
    no_pending_or_approved(state, &customer_id)?;
    // Documents go to a reviewer; a bank card checked against its SMS code is immediate.
    let manual_review = match request.identify_type {
        0 => {
            if request.verified_type.is_none() {
                return Err(respond::error(
                    "CBC.0100",
                    Some("verified_type is required with identify_type 0"),
                ));
            }
            true
        }
        _ => {
            let Some(card) = &request.bank_card_info else {
                return Err(respond::error(
                    "CBC.0100",
                    Some("bank_card_info is required with identify_type 4"),
                ));
            };
            if state.verification_code(&card.mobile) != Some(card.verification_code.expose()) {
                return Err(respond::error("CBC.99000027", None));
            }
            state.verification_codes.remove(&card.mobile);
            false
        }
    };
    let is_review = apply(
        state,
        customer_id,
        RealnameKind::Individual,
        request.name.to_string(),
        manual_review,
    );
    Ok(respond::ok(types::CreatePersonalRealnameAuthResponse {
        is_review: Some(i64::from(is_review).into()),
    }))
}

pub(crate) fn create_enterprise_realname_authentication(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ApplyEnterpriseRealnameAuthsReq = body(received)?;
    let customer_id = request.customer_id.to_string();
    no_pending_or_approved(state, &customer_id)?;
    let is_review = apply(
        state,
        customer_id,
        RealnameKind::Enterprise,
        request.corp_name.to_string(),
        true,
    );
    Ok(respond::ok(
        types::CreateEnterpriseRealnameAuthenticationResponse {
            is_review: Some(i64::from(is_review).into()),
        },
    ))
}

pub(crate) fn change_enterprise_realname_authentication(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let request: types::ChangeEnterpriseRealnameAuthsReq = body(received)?;
    let customer_id = request.customer_id.to_string();
    registered(state, &customer_id)?;
    // Individual to enterprise: the customer must hold an approved individual authentication;
    // a change still under review is replaced by the new one.
    let current = state
        .realname_applications
        .iter()
        .rposition(|a| a.customer_id == customer_id && a.kind != RealnameKind::EnterpriseChange);
    let individual = current.map(|i| &state.realname_applications[i]);
    if !individual
        .is_some_and(|a| a.kind == RealnameKind::Individual && a.review_result == review::APPROVED)
    {
        return Err(respond::error(
            "CBC.0100",
            Some("the customer has no approved individual authentication to change"),
        ));
    }
    state.realname_applications.retain(|a| {
        !(a.customer_id == customer_id
            && a.kind == RealnameKind::EnterpriseChange
            && a.review_result == review::UNDER_REVIEW)
    });
    let is_review = apply(
        state,
        customer_id,
        RealnameKind::EnterpriseChange,
        request.corp_name.to_string(),
        true,
    );
    Ok(respond::ok(
        types::ChangeEnterpriseRealnameAuthenticationResponse {
            is_review: Some(i64::from(is_review).into()),
        },
    ))
}

pub(crate) fn show_realname_authentication_review_result(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let customer_id: String = Query::of(received).required("customer_id")?;
    // An account that is not a customer of the partner: CBC.0151, the access-denied code
    // this operation documents.
    if state.customer(&customer_id).is_none() {
        return Err(respond::error(
            "CBC.0151",
            Some("the account is not a customer of the partner"),
        ));
    }
    let application = state.realname(&customer_id);
    Ok(respond::ok(
        types::ShowRealnameAuthenticationReviewResultResponse {
            review_result: application.map(|a| i64::from(a.review_result).into()),
            opinion: application.and_then(|a| a.opinion.clone()),
        },
    ))
}

/// The calling account, as the client names it in `X-Domain-Id`.
fn caller(received: &Received) -> String {
    received
        .header("x-domain-id")
        .unwrap_or_default()
        .to_string()
}

pub(crate) fn show_real_name_auth_status(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let application = state.realname(&caller(received));
    let verified_status = application.map_or(-1, |a| a.review_result_as_status());
    let verified_type = application
        .filter(|_| verified_status != -1)
        .map(|a| i32::from(a.kind != RealnameKind::Individual));
    Ok(respond::ok(types::ShowRealNameAuthStatusResponse {
        verified_status: Some(i64::from(verified_status).into()),
        verified_type: verified_type.map(|v| i64::from(v).into()),
    }))
}

pub(crate) fn show_real_name_auth_qr_code(
    _received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    state.qr_codes_issued += 1;
    Ok(respond::ok(types::ShowRealNameAuthQrCodeResponse {
        qr_code_url: Some(format!(
            "https://realname.sim.invalid/qrcode/{}",
            state.qr_codes_issued
        )),
    }))
}

pub(crate) fn create_enterprise_project_auth(
    received: &Received,
    state: &mut State,
) -> Result<Reply, Reply> {
    let account = caller(received);
    // Documented business check: an authenticated individual may not enable it.
    if state
        .realname(&account)
        .is_some_and(|a| a.kind == RealnameKind::Individual && a.review_result == review::APPROVED)
    {
        let mut extra = serde_json::Map::new();
        extra.insert(
            "fail_check_items".into(),
            serde_json::json!(["SELF_OPEN_ONLY_FOR_ENT_AND_INTR_CUST"]),
        );
        return Err(respond::error_with("CBC.99007004", None, extra));
    }
    if !state.enterprise_projects_enabled.contains(&account) {
        state.enterprise_projects_enabled.push(account);
    }
    Ok(respond::no_content())
}

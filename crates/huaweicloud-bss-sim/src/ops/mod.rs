//! One handler per operation, found in one table keyed by operation id ([`HANDLERS`]).
//! Every request is first checked with the client's own rules ([`check_request`]), then
//! decoded with the generated types, applied to the one [`State`], and answered as the
//! documentation describes.

mod coupons;
mod customers;
mod funds;
mod multi_account;
mod realname;
mod resellers;

use crate::respond::{self, Reply};
use crate::server::Received;
use crate::state::State;

/// What a handler answers: a success, or an error answer.
pub(crate) type Outcome = Result<Reply, Reply>;

/// A handler: the request as received and the world it acts on.
type Handler = fn(&Received, &mut State, &Options) -> Outcome;

/// Per-request behaviour injected by a test ([`crate::Injection`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Options {
    /// CreateSubCustomer creates the customer and still answers CBC.99000050.
    pub create_despite_error: bool,
}

macro_rules! plain {
    ($f:path) => {
        |received: &Received, state: &mut State, _: &Options| $f(received, state)
    };
}

/// The handler of every operation of the generated operations table.
const HANDLERS: &[(&str, Handler)] = &[
    // Customers
    ("CreateSubCustomer", customers::create_sub_customer),
    ("CheckUserIdentity", plain!(customers::check_user_identity)),
    (
        "SendVerificationMessageCode",
        plain!(customers::send_verification_message_code),
    ),
    ("ListSubCustomers", plain!(customers::list_sub_customers)),
    (
        "ListSubCustomerNewTag",
        plain!(customers::list_sub_customer_new_tag),
    ),
    // Real-name authentication
    (
        "CreatePersonalRealnameAuth",
        plain!(realname::create_personal_realname_auth),
    ),
    (
        "CreateEnterpriseRealnameAuthentication",
        plain!(realname::create_enterprise_realname_authentication),
    ),
    (
        "ChangeEnterpriseRealnameAuthentication",
        plain!(realname::change_enterprise_realname_authentication),
    ),
    (
        "ShowRealnameAuthenticationReviewResult",
        plain!(realname::show_realname_authentication_review_result),
    ),
    (
        "ShowRealNameAuthStatus",
        plain!(realname::show_real_name_auth_status),
    ),
    (
        "ShowRealNameAuthQrCode",
        plain!(realname::show_real_name_auth_qr_code),
    ),
    (
        "CreateEnterpriseProjectAuth",
        plain!(realname::create_enterprise_project_auth),
    ),
    // Customer funds
    (
        "UpdateCustomerAccountAmount",
        plain!(funds::update_customer_account_amount),
    ),
    (
        "ReclaimToPartnerAccount",
        plain!(funds::reclaim_to_partner_account),
    ),
    (
        "ListPartnerAdjustRecords",
        plain!(funds::list_partner_adjust_records),
    ),
    (
        "ListCustomersBalancesDetail",
        plain!(funds::list_customers_balances_detail),
    ),
    ("ListPartnerBalances", plain!(funds::list_partner_balances)),
    (
        "ListPartnerAccountChangeRecords",
        plain!(funds::list_partner_account_change_records),
    ),
    // Resellers
    (
        "ListIndirectPartners",
        plain!(resellers::list_indirect_partners),
    ),
    (
        "UpdateIndirectPartnerAccount",
        plain!(resellers::update_indirect_partner_account),
    ),
    (
        "ReclaimIndirectPartnerAccount",
        plain!(resellers::reclaim_indirect_partner_account),
    ),
    // Coupons
    ("UpdateCouponQuotas", plain!(coupons::update_coupon_quotas)),
    (
        "ReclaimCouponQuotas",
        plain!(coupons::reclaim_coupon_quotas),
    ),
    ("ListQuotaCoupons", plain!(coupons::list_quota_coupons)),
    (
        "ListIssuedCouponQuotas",
        plain!(coupons::list_issued_coupon_quotas),
    ),
    (
        "ListCouponQuotasRecords",
        plain!(coupons::list_coupon_quotas_records),
    ),
    (
        "CreatePartnerCoupons",
        plain!(coupons::create_partner_coupons),
    ),
    (
        "ReclaimPartnerCoupons",
        plain!(coupons::reclaim_partner_coupons),
    ),
    (
        "ListIssuedPartnerCoupons",
        plain!(coupons::list_issued_partner_coupons),
    ),
    (
        "ListPartnerCouponsRecord",
        plain!(coupons::list_partner_coupons_record),
    ),
    (
        "ListSubCustomerCoupons",
        plain!(coupons::list_sub_customer_coupons),
    ),
    // Enterprise multi-account
    (
        "CreateSubEnterpriseAccount",
        plain!(multi_account::create_sub_enterprise_account),
    ),
    (
        "ListEnterpriseOrganizations",
        plain!(multi_account::list_enterprise_organizations),
    ),
    (
        "SendSmsVerificationCode",
        plain!(multi_account::send_sms_verification_code),
    ),
    (
        "ListEnterpriseSubCustomers",
        plain!(multi_account::list_enterprise_sub_customers),
    ),
    (
        "UpdateSubEnterpriseAmount",
        plain!(multi_account::update_sub_enterprise_amount),
    ),
    (
        "ShowMultiAccountTransferAmount",
        plain!(multi_account::show_multi_account_transfer_amount),
    ),
    (
        "ReclaimSubEnterpriseAmount",
        plain!(multi_account::reclaim_sub_enterprise_amount),
    ),
    (
        "ListEnterpriseMultiAccount",
        plain!(multi_account::list_enterprise_multi_account),
    ),
    (
        "ClaimEnterpriseMultiAccountCoupon",
        plain!(multi_account::claim_coupon),
    ),
    (
        "ListMultiAccountTransferCoupons",
        plain!(multi_account::list_transfer_coupons),
    ),
    (
        "ReclaimEnterpriseMultiAccountCoupon",
        plain!(multi_account::reclaim_coupon),
    ),
    (
        "ListMultiAccountRetrieveCoupons",
        plain!(multi_account::list_retrieve_coupons),
    ),
];

fn handler(operation: &str) -> Option<Handler> {
    HANDLERS
        .iter()
        .find(|(id, _)| *id == operation)
        .map(|(_, handler)| *handler)
}

/// Answers one request of a routed operation.
pub(crate) fn handle(
    operation: &str,
    received: &Received,
    state: &mut State,
    create_despite_error: bool,
) -> Reply {
    if let Err(reply) = check_request(operation, received) {
        return reply;
    }
    // Every routed operation has a handler (`every_operation_has_a_handler`); an id that
    // has none is not routed, as for a path the gateway does not know.
    let Some(handler) = handler(operation) else {
        return respond::not_found();
    };
    let options = Options {
        create_despite_error,
    };
    handler(received, state, &options).unwrap_or_else(|reply| reply)
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

#[cfg(test)]
mod tests {
    use super::*;
    use huaweicloud_bss_api::types;
    use huaweicloud_bss_runtime::{Amount, Decimal};
    use serde_json::Value;

    fn get(path_query: &str) -> Received {
        let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
        Received {
            method: "GET".to_string(),
            path: path.to_string(),
            raw_query: (!query.is_empty()).then(|| query.to_string()),
            headers: Vec::new(),
            body: Default::default(),
        }
    }

    fn post(body: Value) -> Received {
        Received {
            method: "POST".to_string(),
            path: String::new(),
            raw_query: None,
            headers: Vec::new(),
            body: serde_json::to_vec(&body).unwrap().into(),
        }
    }

    /// Record lists carry amounts as JSON strings (as the service does), balances as numbers;
    /// the client's `Amount` decodes both.
    #[test]
    fn record_amounts_go_out_as_strings_and_balances_as_numbers() {
        let mut state = State::default();
        let customer = crate::seed::CUSTOMERS[0];
        let funded = handle(
            "UpdateCustomerAccountAmount",
            &post(serde_json::json!({"customer_id": customer, "amount": 12.3})),
            &mut state,
            false,
        );
        assert_eq!(funded.status, 200, "{funded:?}");

        let records = handle(
            "ListPartnerAdjustRecords",
            &get("?limit=5"),
            &mut state,
            false,
        );
        let body = records.json();
        assert_eq!(body["total_count"], 1);
        assert_eq!(body["records"][0]["amount"], "12.30");
        let decoded: types::ListPartnerAdjustRecordsResponse =
            serde_json::from_value(body).unwrap();
        assert_eq!(
            decoded.records[0].amount.map(Amount::get),
            Some(Decimal::new(1230, 2))
        );

        let balances = handle("ListPartnerBalances", &get(""), &mut state, false);
        let body = balances.json();
        let cash = &body["account_balances"][0];
        assert_eq!(cash["account_type"], 1);
        assert!(cash["amount"].is_number(), "{cash}");
        let decoded: types::ListPartnerBalancesResponse = serde_json::from_value(body).unwrap();
        assert_eq!(
            decoded.account_balances[0].amount.map(Amount::get),
            Some(Decimal::new(9_998_770, 2))
        );
    }

    #[test]
    fn a_broken_amount_rule_is_answered_with_cbc_0100() {
        let mut state = State::default();
        for amount in [
            serde_json::json!(0),
            serde_json::json!(1.005),
            serde_json::json!("x"),
        ] {
            // Through the dispatch, which checks every request with the client's rules.
            let reply = handle(
                "ReclaimToPartnerAccount",
                &post(serde_json::json!({"customer_id": "c", "amount": amount})),
                &mut state,
                false,
            );
            assert_eq!(reply.status, 400);
            let body = reply.json();
            assert_eq!(body["error_code"], "CBC.0100");
            assert!(
                body["error_msg"]
                    .as_str()
                    .unwrap()
                    .starts_with("parameter error: invalid ReclaimToPartnerAccount request: "),
                "{body}"
            );
        }
    }

    #[test]
    fn every_operation_has_a_handler() {
        let missing: Vec<&str> = huaweicloud_bss_api::operations::OPERATIONS
            .iter()
            .map(|op| op.id)
            .filter(|id| handler(id).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "operations without a handler: {missing:?}"
        );
    }

    #[test]
    fn every_handler_serves_an_operation_once() {
        for (i, (id, _)) in HANDLERS.iter().enumerate() {
            assert!(
                huaweicloud_bss_api::operations::find(id).is_some(),
                "{id} is not an operation"
            );
            assert!(
                HANDLERS[..i].iter().all(|(other, _)| other != id),
                "{id} has two handlers"
            );
        }
    }
}

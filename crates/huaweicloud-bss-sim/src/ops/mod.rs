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

    fn get_query(query: &str) -> Received {
        get(&format!("?{query}"))
    }

    /// The cash balance ListPartnerBalances reports for the partner or a reseller.
    fn listed_cash(state: &mut State, reseller: Option<&str>) -> String {
        let query = reseller.map_or(String::new(), |r| format!("indirect_partner_id={r}"));
        let reply = handle("ListPartnerBalances", &get_query(&query), state, false);
        assert_eq!(reply.status, 200, "{reply:?}");
        let text = String::from_utf8(reply.body.unwrap_or_default().to_vec()).unwrap();
        let decoded: types::ListPartnerBalancesResponse = serde_json::from_str(&text).unwrap();
        decoded
            .account_balances
            .iter()
            .find(|b| b.account_type == Some(huaweicloud_bss_api::values::AccountType::CashBalance))
            .and_then(|b| b.amount)
            .map(|a| a.get().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn every_listed_reseller_has_the_balance_its_funding_left() {
        let mut state = State::default();
        let listed = handle(
            "ListIndirectPartners",
            &post(serde_json::json!({"limit": 100})),
            &mut state,
            false,
        )
        .json();
        let ids: Vec<String> = listed["indirect_partners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["indirect_partner_id"].as_str().unwrap().to_string())
            .collect();
        assert!(
            ids.contains(&crate::seed::RESELLER_A.to_string()),
            "{ids:?}"
        );
        for id in &ids {
            listed_cash(&mut state, Some(id));
        }
        let reseller = crate::seed::RESELLER_A;
        let before = listed_cash(&mut state, Some(reseller));
        let partner_before = listed_cash(&mut state, None);
        let funded = handle(
            "UpdateIndirectPartnerAccount",
            &post(serde_json::json!({"indirect_partner_id": reseller, "amount": "10.50"})),
            &mut state,
            false,
        );
        assert_eq!(funded.status, 200, "{funded:?}");
        let dec = |t: &str| Decimal::from_str_exact(t).unwrap();
        assert_eq!(
            dec(&listed_cash(&mut state, Some(reseller))),
            dec(&before) + dec("10.50")
        );
        assert_eq!(
            dec(&listed_cash(&mut state, None)),
            dec(&partner_before) - dec("10.50")
        );
    }

    #[test]
    fn amounts_come_back_with_the_scale_they_were_given() {
        let mut state = State::default();
        let customer = crate::seed::CUSTOMERS[1];
        let before = state.ledger.customer_amount(customer);
        assert_eq!(before.to_string(), crate::seed::CUSTOMER_CASH);
        handle(
            "UpdateCustomerAccountAmount",
            &post(serde_json::json!({"customer_id": customer, "amount": "10.50"})),
            &mut state,
            false,
        );
        let reply = handle(
            "ListCustomersBalancesDetail",
            &post(serde_json::json!({"customer_infos": [{"customer_id": customer}]})),
            &mut state,
            false,
        );
        let text = String::from_utf8(reply.body.unwrap_or_default().to_vec()).unwrap();
        assert!(text.contains(r#""amount":1010.50"#), "{text}");
        // A fresh reseller account funded with 10.50 reads back 10.50, not 10.5.
        let mut state = State::default();
        state.resellers.push(crate::state::resellers::Reseller {
            id: "0123456789abcdef0123456789abcdef".into(),
            account_name: "fresh".into(),
            name: "Fresh".into(),
            associated_on: "2026-01-01T00:00:00Z".into(),
        });
        handle(
            "UpdateIndirectPartnerAccount",
            &post(serde_json::json!({
                "indirect_partner_id": "0123456789abcdef0123456789abcdef",
                "amount": "10.50"
            })),
            &mut state,
            false,
        );
        let reply = handle(
            "ListPartnerBalances",
            &get_query("indirect_partner_id=0123456789abcdef0123456789abcdef"),
            &mut state,
            false,
        );
        let text = String::from_utf8(reply.body.unwrap_or_default().to_vec()).unwrap();
        assert!(text.contains(r#""amount":10.50"#), "{text}");
    }

    /// Every operation that takes a customer or reseller id refuses one that is not the
    /// partner's, with that operation's documented code, and changes nothing.
    #[test]
    fn unknown_customers_and_resellers_are_refused_everywhere() {
        let ghost = "ghost-customer";
        let no_reseller = "0123456789abcdef0123456789abcdef";
        let cases: Vec<(&str, Received, &str)> = vec![
            (
                "UpdateCustomerAccountAmount",
                post(serde_json::json!({"customer_id": ghost, "amount": "1000.00"})),
                "CBC.0151",
            ),
            (
                "ReclaimToPartnerAccount",
                post(serde_json::json!({"customer_id": ghost, "amount": "1.00"})),
                "CBC.0151",
            ),
            (
                // Another reseller's customer is not the partner's own.
                "UpdateCustomerAccountAmount",
                post(serde_json::json!({
                    "customer_id": crate::seed::CUSTOMERS[2], "amount": "1.00"
                })),
                "CBC.0151",
            ),
            (
                "CreatePersonalRealnameAuth",
                post(serde_json::json!({
                    "customer_id": ghost, "identify_type": 0, "verified_type": 3,
                    "verified_file_url": ["a.jpg", "b.jpg", "c.jpg"], "name": "Ghost",
                    "verified_number": "E00000001", "xaccount_type": "example_IDP"
                })),
                "CBC.99000035",
            ),
            (
                "ShowRealnameAuthenticationReviewResult",
                get_query(&format!("customer_id={ghost}")),
                "CBC.0151",
            ),
            (
                "UpdateIndirectPartnerAccount",
                post(serde_json::json!({"indirect_partner_id": no_reseller, "amount": "1.00"})),
                "CBC.99000037",
            ),
            (
                "ListPartnerBalances",
                get_query(&format!("indirect_partner_id={no_reseller}")),
                "CBC.99000037",
            ),
            (
                "UpdateCustomerAccountAmount",
                post(serde_json::json!({
                    "customer_id": crate::seed::CUSTOMERS[0], "amount": "1.00",
                    "indirect_partner_id": no_reseller
                })),
                "CBC.99000037",
            ),
        ];
        for (operation, received, code) in cases {
            let mut state = State::default();
            let before = state.ledger.total();
            let records = state.ledger.adjust_records.len();
            let reply = handle(operation, &received, &mut state, false);
            let body = reply.json();
            assert_eq!(body["error_code"], code, "{operation}: {body}");
            assert_ne!(reply.status, 200, "{operation}");
            assert_eq!(state.ledger.total(), before, "{operation} moved money");
            assert_eq!(state.ledger.adjust_records.len(), records, "{operation}");
            assert!(
                state.customer(ghost).is_none(),
                "{operation} registered the ghost"
            );
        }
        // In a batch, the unknown customer fails alone (HTTP 200, error_details).
        let mut state = State::default();
        let reply = handle(
            "CreatePartnerCoupons",
            &post(serde_json::json!({
                "quota_id": crate::seed::PARTNER_QUOTA,
                "customer_ids": [ghost, crate::seed::CUSTOMERS[0]],
                "face_value": "1.00",
                "valid_time": "2026-01-01T00:00:00Z",
                "expire_time": "2027-01-01T00:00:00Z",
                "cloud_service_types": [],
                "product_ids": []
            })),
            &mut state,
            false,
        );
        let body = reply.json();
        assert_eq!(reply.status, 200, "{body}");
        assert_eq!(body["error_details"][0]["id"], ghost, "{body}");
        assert_eq!(body["error_details"][0]["error_code"], "CBC.99000035");
        assert_eq!(
            body["coupon_infos"].as_array().map(Vec::len),
            Some(1),
            "{body}"
        );
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

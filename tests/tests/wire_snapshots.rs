//! What each operation puts on the wire for its documented example: the exact JSON body and
//! the canonical request signed at a fixed time. A spec change that alters either shows up in
//! `cargo insta review`.

mod support;

use huaweicloud_bss::operations::OPERATIONS;
use huaweicloud_bss::{Client, Error, types};
use serde_json::Value;

fn spec() -> serde_yaml::Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/bss.yaml"))
        .expect("spec/bss.yaml is readable");
    serde_yaml::from_str(&text).expect("spec/bss.yaml is YAML")
}

fn operation<'a>(spec: &'a serde_yaml::Value, path: &str, method: &str) -> &'a serde_yaml::Value {
    &spec["paths"][path][method.to_lowercase().as_str()]
}

/// The documented request body example, as JSON.
fn body_example(op: &serde_yaml::Value) -> Option<Value> {
    let example = &op["requestBody"]["content"]["application/json"]["example"];
    (!example.is_null()).then(|| serde_json::to_value(example).expect("examples are JSON"))
}

/// The documented example of each query parameter.
fn parameter_examples(op: &serde_yaml::Value) -> Vec<(String, Value)> {
    op["parameters"]
        .as_sequence()
        .into_iter()
        .flatten()
        .filter(|p| !p["example"].is_null())
        .map(|p| {
            let name = p["name"]
                .as_str()
                .expect("parameters are named")
                .to_string();
            (
                name,
                serde_json::to_value(&p["example"]).expect("examples are JSON"),
            )
        })
        .collect()
}

fn typed<T: serde::de::DeserializeOwned>(example: &Value) -> T {
    serde_json::from_value(example.clone())
        .expect("the documented example satisfies the spec's constraints")
}

/// Sends the documented example of `id` through the typed client.
async fn send_example(
    client: &Client,
    id: &str,
    body: Option<&Value>,
    params: &[(String, Value)],
) -> Result<(), Error> {
    let body = || body.unwrap_or_else(|| panic!("{id} documents a request example"));
    // Operations whose example is a request body: decode it into the body type and send it.
    macro_rules! send_body {
        ($method:ident, $body:ident) => {
            client
                .$method()
                .body(typed::<types::$body>(body()))
                .send()
                .await
                .map(drop)
                .map_err(Error::from)
        };
    }
    match id {
        "CreateSubCustomer" => send_body!(create_sub_customer, CreateCustomerV2Req),
        "CreateSubEnterpriseAccount" => {
            send_body!(create_sub_enterprise_account, CreateSubCustomerReqV2)
        }
        "CheckUserIdentity" => send_body!(check_user_identity, CheckSubcustomerUserReq),
        "SendVerificationMessageCode" => {
            send_body!(send_verification_message_code, SendVerificationCodeV2Req)
        }
        "ListSubCustomers" => send_body!(list_sub_customers, QuerySubCustomerListReq),
        "ListEnterpriseOrganizations" => {
            let mut call = client.list_enterprise_organizations();
            for (name, value) in params {
                call = match name.as_str() {
                    "recursive_query" => call.recursive_query(typed::<i32>(value)),
                    "parent_id" => call.parent_id(typed::<String>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "SendSmsVerificationCode" => {
            send_body!(send_sms_verification_code, SendSmVerificationCodeReq)
        }
        "ListEnterpriseSubCustomers" => {
            let mut call = client.list_enterprise_sub_customers();
            for (name, value) in params {
                call = match name.as_str() {
                    "sub_customer_account_name" => {
                        call.sub_customer_account_name(typed::<String>(value))
                    }
                    "fuzzy_query" => call.fuzzy_query(typed::<i32>(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "UpdateSubEnterpriseAmount" => send_body!(
            update_sub_enterprise_amount,
            TransferEnterpriseMultiAccountReq
        ),
        "ShowMultiAccountTransferAmount" => {
            let mut call = client.show_multi_account_transfer_amount();
            for (name, value) in params {
                call = match name.as_str() {
                    "balance_type" => call.balance_type(typed::<
                        types::ShowMultiAccountTransferAmountBalanceType,
                    >(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ReclaimSubEnterpriseAmount" => send_body!(
            reclaim_sub_enterprise_amount,
            RetrieveEnterpriseMultiAccountReq
        ),
        "ListEnterpriseMultiAccount" => {
            let mut call = client.list_enterprise_multi_account();
            for (name, value) in params {
                call = match name.as_str() {
                    "sub_customer_id" => call.sub_customer_id(typed::<String>(value)),
                    "balance_type" => call
                        .balance_type(typed::<types::ListEnterpriseMultiAccountBalanceType>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ClaimEnterpriseMultiAccountCoupon" => client
            .claim_enterprise_multi_account_coupon()
            .body(typed::<types::TransferEnterpriseMultiAccountCouponReq>(
                body(),
            ))
            .send()
            .await
            .map(drop),
        "ListMultiAccountTransferCoupons" => {
            let mut call = client.list_multi_account_transfer_coupons();
            for (name, value) in params {
                call = match name.as_str() {
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ReclaimEnterpriseMultiAccountCoupon" => client
            .reclaim_enterprise_multi_account_coupon()
            .body(typed::<types::RetrieveEnterpriseMultiAccountCouponReq>(
                body(),
            ))
            .send()
            .await
            .map(drop),
        "ListMultiAccountRetrieveCoupons" => {
            let mut call = client.list_multi_account_retrieve_coupons();
            for (name, value) in params {
                call = match name.as_str() {
                    "sub_customer_id" => call.sub_customer_id(typed::<String>(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListIndirectPartners" => send_body!(list_indirect_partners, QueryIndirectPartnersReq),
        "UpdateIndirectPartnerAccount" => {
            send_body!(update_indirect_partner_account, AdjustToIndirectPartnerReq)
        }
        "ReclaimIndirectPartnerAccount" => send_body!(
            reclaim_indirect_partner_account,
            ReclaimIndirectPartnerAccountReq
        ),
        "UpdateCouponQuotas" => send_body!(update_coupon_quotas, AdjustCouponQuotasReq),
        "ReclaimCouponQuotas" => send_body!(reclaim_coupon_quotas, ReclaimCouponQuotasReq),
        "ListQuotaCoupons" => send_body!(list_quota_coupons, QueryCouponQuotasReqExt),
        "CreatePartnerCoupons" => send_body!(create_partner_coupons, CreatePartnerCouponsReq),
        "ReclaimPartnerCoupons" => send_body!(reclaim_partner_coupons, ReclaimPartnerCouponsReq),
        "ListIssuedCouponQuotas" => {
            let mut call = client.list_issued_coupon_quotas();
            for (name, value) in params {
                call = match name.as_str() {
                    "quota_id" => call.quota_id(typed::<String>(value)),
                    "indirect_partner_id" => call.indirect_partner_id(typed::<String>(value)),
                    "parent_quota_id" => call.parent_quota_id(typed::<String>(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListCouponQuotasRecords" => {
            let mut call = client.list_coupon_quotas_records();
            for (name, value) in params {
                call = match name.as_str() {
                    "indirect_partner_id" => call.indirect_partner_id(typed::<String>(value)),
                    "operation_time_begin" => call.operation_time_begin(typed::<String>(value)),
                    "operation_time_end" => call.operation_time_end(typed::<String>(value)),
                    "operation_type" => call.operation_type(typed::<String>(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListIssuedPartnerCoupons" => {
            let mut call = client.list_issued_partner_coupons();
            for (name, value) in params {
                call = match name.as_str() {
                    "customer_id" => call.customer_id(typed::<String>(value)),
                    "coupon_type" => call.coupon_type(typed::<i32>(value)),
                    "status" => call.status(typed::<i32>(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListPartnerCouponsRecord" => {
            let mut call = client.list_partner_coupons_record();
            for (name, value) in params {
                call = match name.as_str() {
                    "operation_types" => call.operation_types(typed::<
                        Vec<types::ListPartnerCouponsRecordOperationTypesItem>,
                    >(value)),
                    "coupon_ids" => call.coupon_ids(typed::<Vec<String>>(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListSubCustomerCoupons" => {
            let mut call = client.list_sub_customer_coupons();
            for (name, value) in params {
                call = match name.as_str() {
                    "coupon_type" => call.coupon_type(typed::<i32>(value)),
                    "status" => call.status(typed::<i32>(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "UpdateCustomerAccountAmount" => {
            send_body!(update_customer_account_amount, AdjustAccountReq)
        }
        "ReclaimToPartnerAccount" => send_body!(
            reclaim_to_partner_account,
            ReclaimToPartnerAccountBalancesReq
        ),
        "ListCustomersBalancesDetail" => {
            send_body!(list_customers_balances_detail, QueryCustomersBalancesReq)
        }
        "ListPartnerAdjustRecords" => {
            let mut call = client.list_partner_adjust_records();
            for (name, value) in params {
                call = match name.as_str() {
                    "customer_id" => call.customer_id(typed::<String>(value)),
                    "operation_type" => call.operation_type(typed::<
                        types::ListPartnerAdjustRecordsOperationType,
                    >(value)),
                    "operation_time_begin" => call.operation_time_begin(typed::<String>(value)),
                    "operation_time_end" => call.operation_time_end(typed::<String>(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListPartnerBalances" => {
            let mut call = client.list_partner_balances();
            for (name, value) in params {
                call = match name.as_str() {
                    "indirect_partner_id" => call.indirect_partner_id(typed::<String>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListPartnerAccountChangeRecords" => {
            let mut call = client.list_partner_account_change_records();
            for (name, value) in params {
                call = match name.as_str() {
                    "balance_type" => call.balance_type(typed::<
                        types::ListPartnerAccountChangeRecordsBalanceType,
                    >(value)),
                    "trade_type" => call.trade_type(typed::<
                        types::ListPartnerAccountChangeRecordsTradeType,
                    >(value)),
                    "trade_time_begin" => call.trade_time_begin(typed::<String>(value)),
                    "trade_time_end" => call.trade_time_end(typed::<String>(value)),
                    "offset" => call.offset(typed::<i32>(value)),
                    "limit" => call.limit(typed::<i32>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ListSubCustomerNewTag" => send_body!(list_sub_customer_new_tag, ListSubCustomerNewTagReq),
        "CreatePersonalRealnameAuth" => send_body!(
            create_personal_realname_auth,
            ApplyIndividualRealnameAuthsReq
        ),
        "CreateEnterpriseRealnameAuthentication" => send_body!(
            create_enterprise_realname_authentication,
            ApplyEnterpriseRealnameAuthsReq
        ),
        "ChangeEnterpriseRealnameAuthentication" => send_body!(
            change_enterprise_realname_authentication,
            ChangeEnterpriseRealnameAuthsReq
        ),
        "ShowRealnameAuthenticationReviewResult" => {
            let mut call = client.show_realname_authentication_review_result();
            for (name, value) in params {
                call = match name.as_str() {
                    "customer_id" => call.customer_id(typed::<String>(value)),
                    other => panic!("no example wiring for parameter {other}"),
                };
            }
            call.send().await.map(drop)
        }
        "ShowRealNameAuthStatus" => client.show_real_name_auth_status().send().await.map(drop),
        "ShowRealNameAuthQrCode" => client.show_real_name_auth_qr_code().send().await.map(drop),
        "CreateEnterpriseProjectAuth" => client
            .create_enterprise_project_auth()
            .send()
            .await
            .map(drop),
        other => panic!("{other} has no example wiring in this test: add it"),
    }
}

/// Makes the documented examples succeed: the codes they quote were "sent" to their mobiles,
/// (the organization units they name exist in the simulator's default tree).
fn seed_verification_codes(sim: &huaweicloud_bss_sim::RunningSimulator, body: Option<&Value>) {
    let Some(body) = body else { return };
    for holder in [body, &body["new_sub_customer"]] {
        if let (Some(mobile), Some(code)) = (
            holder["mobile_phone"].as_str(),
            holder["verification_code"].as_str(),
        ) {
            sim.state()
                .verification_codes
                .insert(mobile.to_string(), code.to_string());
        }
    }
}

#[tokio::test]
async fn each_documented_example_goes_out_as_snapshotted_and_is_accepted() {
    let spec = spec();
    for op in OPERATIONS {
        let (sim, client) = support::sim_and_client().await;
        let doc = operation(&spec, op.path, op.method);
        let body = body_example(doc);
        let params = parameter_examples(doc);
        seed_verification_codes(&sim, body.as_ref());

        let result = send_example(&client, op.id, body.as_ref(), &params).await;
        assert!(
            result.is_ok(),
            "{}: the documented example was refused: {}",
            op.id,
            result.unwrap_err()
        );

        let received = sim.received();
        let [request] = received.as_slice() else {
            panic!(
                "{}: expected exactly one request, got {}",
                op.id,
                received.len()
            );
        };
        let canonical = request
            .canonical_request()
            .unwrap_or_else(|| panic!("{}: the request is not signed", op.id));
        let body_text = String::from_utf8(request.body.to_vec()).expect("bodies are UTF-8");
        let query = request
            .raw_query
            .as_deref()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        let snapshot = format!(
            "{} {}{query}\n\n-- body --\n{body_text}\n\n-- canonical request (X-Sdk-Date {}) --\n{canonical}\n",
            request.method,
            request.path,
            support::FIXED_DATE
        );
        // The simulator's port changes from run to run.
        let snapshot = snapshot.replace(&sim.addr().to_string(), "127.0.0.1:<port>");
        insta::assert_snapshot!(op.id, snapshot);
    }
}

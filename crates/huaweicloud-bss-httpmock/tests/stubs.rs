//! The generated stubs against the real client: query matchers (repeated keys included),
//! gateway errors, and the guard that refuses codes an operation cannot return.

use huaweicloud_bss::{ErrorCode, RetryPolicy, types};
use huaweicloud_bss_httpmock::{MOCK_REQUEST_ID, MockServer, MockServerExt, client_builder};

#[tokio::test]
async fn a_repeated_query_key_matches_only_when_every_value_is_sent() {
    let server = MockServer::start_async().await;
    let wanted = vec!["coupon-a".to_string(), "coupon-b".to_string()];
    let records = server.list_partner_coupons_record(|when, then| {
        when.coupon_ids(&wanted).limit(10);
        then.ok(&types::ListPartnerCouponsRecordResponse {
            total_count: Some(0),
            ..Default::default()
        });
    });
    let client = client_builder(&server).build().unwrap();
    let list = |ids: &[&str]| {
        client
            .list_partner_coupons_record()
            .coupon_ids(ids.iter().copied())
            .limit(10)
            .send()
    };

    let listed = list(&["coupon-a", "coupon-b"]).await.unwrap().into_inner();
    assert_eq!(listed.total_count, Some(0));
    records.assert_calls(1);

    // One of the two values missing: no stub matches, and httpmock answers 404.
    let unmatched = list(&["coupon-a"]).await.unwrap_err();
    assert_eq!(unmatched.status(), Some(404));
    records.assert_calls(1);
}

#[tokio::test]
async fn a_gateway_code_is_answered_for_any_operation_with_its_recorded_status() {
    let server = MockServer::start_async().await;
    let throttled = server.list_sub_customers(|_, then| {
        then.error(ErrorCode::Apigw0308);
    });
    let client = client_builder(&server)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    let err = client.list_sub_customers().send().await.unwrap_err();

    assert_eq!(err.code(), Some(ErrorCode::Apigw0308));
    assert_eq!(err.status(), Some(429));
    assert_eq!(err.request_id(), Some(MOCK_REQUEST_ID));
    throttled.assert_calls(1);
}

#[test]
#[should_panic(
    expected = "CreateSubCustomer: error code CBC.99007490 is not documented for this operation"
)]
fn a_code_the_operation_cannot_return_is_refused_when_stubbing() {
    let server = MockServer::start();
    server.create_sub_customer(|_, then| {
        then.error(ErrorCode::Cbc99007490);
    });
}

#[test]
#[should_panic(expected = "error code CBC.12345 is not recorded in spec/bss.yaml")]
fn an_unrecorded_code_is_refused_when_stubbing() {
    let server = MockServer::start();
    server.create_sub_customer(|_, then| {
        then.error(ErrorCode::parse("CBC.12345"));
    });
}

//! The sign-up service tested as a partner platform tests it: exact answers from typed
//! httpmock stubs, realistic state from the simulator. No Huawei credentials anywhere.

use downstream_example::{SignupError, SignupService};
use huaweicloud_bss::{Client, Credentials, ErrorCode, types};
use huaweicloud_bss_httpmock::{MOCK_REQUEST_ID, MockServer, MockServerExt, client_builder};
use huaweicloud_bss_sim::Simulator;

/// The partner's platform identifier (`xaccount_type`) in these tests.
const PLATFORM: &str = "acme_IDP";

fn service_against(server: &MockServer) -> SignupService {
    let client = client_builder(server)
        .build()
        .expect("a loopback http endpoint is accepted");
    SignupService::new(client, PLATFORM)
}

/// The request the service must send for `user_id` / `account_name`.
fn create_request(user_id: &str, account_name: &str) -> types::CreateCustomerV2Req {
    types::CreateCustomerV2Req::builder()
        .xaccount_id(user_id)
        .xaccount_type(PLATFORM)
        .domain_name(account_name)
        .build()
        .expect("valid request")
}

#[tokio::test]
async fn sign_up_sends_a_signed_create_and_stores_the_account_id_from_the_stub() {
    let server = MockServer::start_async().await;
    let create = server.create_sub_customer(|when, then| {
        // The exact body, and the signature headers the real gateway checks.
        when.body(&create_request("user-1", "shopper01"))
            .into_inner()
            .header_exists("x-sdk-date")
            .header_matches("authorization", "^SDK-HMAC-SHA256 Access=MOCK_AK, ");
        then.ok(&types::CreateSubCustomerResponse {
            domain_id: Some("0a1b2c3d4e5f".into()),
            domain_name: Some("shopper01".into()),
        });
    });
    let service = service_against(&server);

    let domain_id = service.sign_up("user-1", "shopper01").await.unwrap();

    assert_eq!(domain_id, "0a1b2c3d4e5f");
    assert_eq!(
        service.account_of("user-1").as_deref(),
        Some("0a1b2c3d4e5f")
    );
    create.assert_calls(1);
}

#[tokio::test]
async fn a_success_without_an_account_id_is_not_stored() {
    let server = MockServer::start_async().await;
    server.create_sub_customer(|_, then| {
        then.ok(&types::CreateSubCustomerResponse::default());
    });
    let service = service_against(&server);

    let outcome = service.sign_up("user-2", "shopper02").await;

    assert!(
        matches!(&outcome, Err(SignupError::NoAccountId { user_id }) if user_id == "user-2"),
        "{outcome:?}"
    );
    assert_eq!(service.account_of("user-2"), None);
}

#[tokio::test]
async fn an_xaccount_id_already_used_reaches_the_service_as_already_registered() {
    let server = MockServer::start_async().await;
    let create = server.create_sub_customer(|_, then| {
        then.error(ErrorCode::Cbc99000039);
    });
    let service = service_against(&server);

    let outcome = service.sign_up("user-3", "shopper03").await;

    assert!(
        matches!(&outcome, Err(SignupError::AlreadyRegistered { user_id }) if user_id == "user-3"),
        "{outcome:?}"
    );
    assert_eq!(service.account_of("user-3"), None);
    create.assert_calls(1);
}

#[tokio::test]
async fn any_other_cbc_error_reaches_the_service_typed_with_status_and_request_id() {
    let server = MockServer::start_async().await;
    let create = server.create_sub_customer(|_, then| {
        then.error(ErrorCode::Cbc0999);
    });
    let service = service_against(&server);

    let Err(SignupError::Bss(error)) = service.sign_up("user-4", "shopper04").await else {
        panic!("CBC.0999 must reach the service as a BSS error");
    };

    assert_eq!(error.code(), Some(ErrorCode::Cbc0999));
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.request_id(), Some(MOCK_REQUEST_ID));
    assert_eq!(error.message(), Some("Other (unclassified) error."));
    // A create that reached the server is never sent twice, even on a 5xx.
    create.assert_calls(1);
    assert_eq!(service.account_of("user-4"), None);
}

#[tokio::test]
async fn an_account_name_breaking_the_documented_rule_never_reaches_the_server() {
    let server = MockServer::start_async().await;
    let create = server.create_sub_customer(|_, then| {
        then.ok(&types::CreateSubCustomerResponse::default());
    });
    let service = service_against(&server);

    let outcome = service.sign_up("user-5", "op_reserved").await;

    let Err(SignupError::Invalid(message)) = &outcome else {
        panic!("an account name starting with op_ must be refused before sending: {outcome:?}");
    };
    // The refusal names the field and the rule it breaks.
    assert!(message.contains("domain_name: "), "{message}");
    create.assert_calls(0);
}

#[tokio::test]
async fn against_the_simulator_the_created_customer_is_listed_and_cannot_sign_up_twice() {
    let sim = Simulator::new("SIM_AK", "SIM_SK").start().await.unwrap();
    let client = Client::builder()
        .endpoint(sim.url())
        .credentials(Credentials::new("SIM_AK", "SIM_SK"))
        .build()
        .unwrap();
    let service = SignupService::new(client, PLATFORM);

    let domain_id = service.sign_up("user-7", "shopper07").await.unwrap();

    let listed = service
        .client()
        .list_sub_customers()
        .account_name("shopper07")
        .send()
        .await
        .unwrap()
        .into_inner();
    let customer = listed
        .customer_infos
        .iter()
        .find(|c| c.account_name.as_deref() == Some("shopper07"))
        .expect("the created customer is listed");
    assert_eq!(customer.customer_id.as_deref(), Some(domain_id.as_str()));
    assert_eq!(customer.xaccount_id.as_deref(), Some("user-7"));
    assert_eq!(service.account_of("user-7"), Some(domain_id));

    // The simulator remembers the account: the same user id is refused as BSS refuses it.
    let again = service.sign_up("user-7", "shopper07b").await;
    assert!(
        matches!(&again, Err(SignupError::AlreadyRegistered { user_id }) if user_id == "user-7"),
        "{again:?}"
    );
}

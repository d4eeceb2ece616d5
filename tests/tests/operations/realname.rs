//! Real-name authentication against the simulator: applications are reviewed and their
//! results queryable, a bank-card application needs the SMS code, only an authenticated
//! individual can change to an enterprise, and the caller's own status and QR code.

use huaweicloud_bss::{ErrorCode, builders, types, values};
use huaweicloud_bss_sim::seed;

use super::{NEW_CUSTOMER, register, sim_and_client};
use crate::support;

fn personal(customer_id: &str) -> builders::ApplyIndividualRealnameAuthsReqBuilder {
    types::ApplyIndividualRealnameAuthsReq::builder()
        .customer_id(customer_id)
        .identify_type(0)
        .verified_type(3)
        .verified_file_url(["p1.jpg", "p2.jpg", "p3.jpg"])
        .name("Li Si")
        .verified_number("E87654321")
        .xaccount_type("example_IDP")
}

async fn review_result(
    client: &huaweicloud_bss::Client,
    customer_id: &str,
) -> types::ShowRealnameAuthenticationReviewResultResponse {
    client
        .show_realname_authentication_review_result()
        .customer_id(customer_id)
        .send()
        .await
        .expect("review result")
        .into_inner()
}

#[tokio::test]
async fn a_document_application_is_reviewed_and_its_result_queryable() {
    let (sim, client) = sim_and_client().await;
    assert_eq!(
        review_result(&client, NEW_CUSTOMER).await.review_result,
        None,
        "nothing before applying"
    );
    let answer = client
        .create_personal_realname_auth()
        .body(personal(NEW_CUSTOMER))
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        answer.is_review,
        Some(values::IsReview::Yes),
        "documents go to a reviewer"
    );
    assert_eq!(
        review_result(&client, NEW_CUSTOMER).await.review_result,
        Some(values::ReviewResult::UnderReview)
    );

    let again = client
        .create_personal_realname_auth()
        .body(personal(NEW_CUSTOMER))
        .send()
        .await
        .expect_err("already under review");
    assert_eq!(again.code(), Some(ErrorCode::Cbc99007188), "{again}");

    sim.state()
        .review(NEW_CUSTOMER, false, Some("the photo is blurred"));
    let rejected = review_result(&client, NEW_CUSTOMER).await;
    assert_eq!(rejected.review_result, Some(values::ReviewResult::Rejected));
    assert_eq!(rejected.opinion.as_deref(), Some("the photo is blurred"));

    // After a rejection the customer may apply again.
    client
        .create_personal_realname_auth()
        .body(personal(NEW_CUSTOMER))
        .send()
        .await
        .expect("a new application after a rejection");
    assert_eq!(sim.state().realname_applications.len(), 3, "seed + 2");
}

#[tokio::test]
async fn a_bank_card_application_needs_the_sms_code_and_is_approved_at_once() {
    let (sim, client) = sim_and_client().await;
    let mobile = "13900000001";
    client
        .send_verification_message_code()
        .receiver_type(1)
        .mobile_phone(mobile)
        .scene(18)
        .customer_id(NEW_CUSTOMER)
        .send()
        .await
        .expect("code sent");
    let code = sim
        .state()
        .verification_code(mobile)
        .expect("a code")
        .to_string();
    let card = |code: &str| {
        types::BankCardInfoV2::builder()
            .bank_account("6222-0000-0000")
            .areacode("0086")
            .mobile(mobile)
            .verification_code(code)
    };
    let bank = |code: &str| {
        personal(NEW_CUSTOMER)
            .identify_type(4)
            .verified_file_url(["face.jpg"])
            .bank_card_info(card(code))
    };
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let err = client
        .create_personal_realname_auth()
        .body(bank(wrong))
        .send()
        .await
        .expect_err("a wrong code");
    assert_eq!(err.code(), Some(ErrorCode::Cbc99000027), "{err}");

    let answer = client
        .create_personal_realname_auth()
        .body(bank(&code))
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(answer.is_review, Some(values::IsReview::No));
    assert_eq!(
        review_result(&client, NEW_CUSTOMER).await.review_result,
        Some(values::ReviewResult::Approved)
    );
}

#[tokio::test]
async fn only_an_authenticated_individual_can_change_to_an_enterprise() {
    let (_sim, client) = sim_and_client().await;
    let change = |customer: &'static str| {
        client
            .change_enterprise_realname_authentication()
            .customer_id(customer)
            .identify_type(1)
            .verified_file_url(["license.jpg"])
            .corp_name("Example Co., Ltd.")
            .verified_number("91110000000000000X")
            .change_type(1)
            .xaccount_type("example_IDP")
            .send()
    };
    let answer = change(seed::CUSTOMERS[0]).await.unwrap().into_inner();
    assert_eq!(answer.is_review, Some(values::IsReview::Yes));
    assert_eq!(
        review_result(&client, seed::CUSTOMERS[0])
            .await
            .review_result,
        Some(values::ReviewResult::UnderReview),
        "the change is under review"
    );
    let err = change(seed::CUSTOMERS[1])
        .await
        .expect_err("no individual authentication to change");
    assert_eq!(err.code(), Some(ErrorCode::Cbc0100), "{err}");
}

#[tokio::test]
async fn the_callers_own_status_qr_code_and_enterprise_projects() {
    let (sim, client) = sim_and_client().await;
    let status = || async {
        client
            .show_real_name_auth_status()
            .send()
            .await
            .unwrap()
            .into_inner()
    };
    let before = status().await;
    assert_eq!(
        (before.verified_status, before.verified_type),
        (
            Some(values::ShowRealNameAuthStatusResponseVerifiedStatus::NotAuthenticated),
            None
        )
    );

    let first = client
        .show_real_name_auth_qr_code()
        .send()
        .await
        .unwrap()
        .into_inner();
    let second = client
        .show_real_name_auth_qr_code()
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_ne!(
        first.qr_code_url, second.qr_code_url,
        "each code is single-use"
    );

    client
        .create_enterprise_project_auth()
        .send()
        .await
        .expect("enabled (204)");

    // The caller (X-Domain-Id) applies as an individual and is approved (as a registered
    // customer of the partner: the service refuses applications for anyone else).
    register(&sim, support::DOMAIN_ID);
    client
        .create_personal_realname_auth()
        .body(personal(support::DOMAIN_ID))
        .send()
        .await
        .unwrap();
    let pending = status().await;
    assert_eq!(
        (pending.verified_status, pending.verified_type),
        (
            Some(values::ShowRealNameAuthStatusResponseVerifiedStatus::UnderReview),
            Some(values::VerifiedType::Individual)
        )
    );
    sim.state().review(support::DOMAIN_ID, true, None);
    let approved = status().await;
    assert_eq!(
        (approved.verified_status, approved.verified_type),
        (
            Some(values::ShowRealNameAuthStatusResponseVerifiedStatus::Authenticated),
            Some(values::VerifiedType::Individual)
        )
    );

    let err = client
        .create_enterprise_project_auth()
        .send()
        .await
        .expect_err("an authenticated individual may not enable enterprise projects");
    assert_eq!(err.code(), Some(ErrorCode::Cbc99007004), "{err}");
    assert_eq!(
        err.fail_check_items(),
        ["SELF_OPEN_ONLY_FOR_ENT_AND_INTR_CUST".to_string()]
    );
}

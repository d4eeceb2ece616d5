//! Customers against the simulator: an approved customer gets its new-customer tag, and the
//! customer list pages through `.items()`.

use futures::TryStreamExt;
use huaweicloud_bss::values;
use huaweicloud_bss_sim::seed;

use super::funds::adjust;
use super::{NEW_CUSTOMER, sim_and_client};
use crate::support::calls::call_valid;

#[tokio::test]
async fn an_approved_customer_gets_its_new_customer_tag() {
    let (sim, client) = sim_and_client().await;
    // Funding makes the customer one of the partner's customers in the simulator.
    adjust(&client, NEW_CUSTOMER, "1.00").await.unwrap();
    let tags = || async {
        client
            .list_sub_customer_new_tag()
            .customer_ids([NEW_CUSTOMER, "not-a-customer"])
            .send()
            .await
            .unwrap()
            .into_inner()
            .new_customer_tags
    };
    let before = tags().await;
    assert_eq!(
        before.len(),
        1,
        "accounts that are not customers are dropped"
    );
    assert_eq!(
        before[0].new_customer_tag, None,
        "no tag without real-name authentication"
    );

    let answer = client
        .create_enterprise_realname_authentication()
        .customer_id(NEW_CUSTOMER)
        .identify_type(1)
        .verified_file_url(["license.jpg"])
        .corp_name("Example Co., Ltd.")
        .verified_number("91110000000000000X")
        .xaccount_type("example_IDP")
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(answer.is_review, Some(values::IsReview::Yes));
    sim.state().review(NEW_CUSTOMER, true, None);
    let after = tags().await;
    assert_eq!(
        after[0].new_customer_tag,
        Some(values::NewCustomerTag::Qualified)
    );
    assert_eq!(
        after[0].customer_tag_type,
        Some(values::CustomerTagType::Smb)
    );

    // Paging over all the partner's customers (the seeded three without a reseller + this
    // one).
    let page = client
        .list_sub_customer_new_tag()
        .offset(3)
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.new_customer_tags.len(), 1);
}

#[tokio::test]
async fn paginate_walks_query_operations_and_existing_list_operations() {
    let (sim, client) = crate::support::sim_and_client().await;
    for _ in 0..7 {
        call_valid(&client, "CreateSubCustomer").await.unwrap();
    }
    let customers: Vec<_> = client
        .list_sub_customers()
        .limit(3)
        .items()
        .try_collect()
        .await
        .unwrap();
    // The 7 created and the partner's 3 seeded customers (seed::CUSTOMERS 0, 1 and 3).
    assert_eq!(customers.len(), 7 + 3);
    let served = sim.requests_served();
    assert_eq!(served, 7 + 4, "pages of 3, 3, 3 and 1");

    for i in 0..4 {
        client
            .update_coupon_quotas()
            .quota_id(seed::PARTNER_QUOTA)
            .indirect_partner_ids([seed::RESELLER_A])
            .quota_amount(format!("{}.00", i + 1))
            .send()
            .await
            .unwrap();
    }
    let quotas: Vec<_> = client
        .list_issued_coupon_quotas()
        .indirect_partner_id(seed::RESELLER_A)
        .limit(2)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(quotas.len(), 4);
    assert_eq!(sim.requests_served(), served + 4 + 2);
}

//! `.items()` of list operations of the enterprise and funds groups, through the simulator:
//! every record arrives once, in pages of the requested size, and the walk stops at the total.

mod support;

use futures::TryStreamExt;
use support::calls::call_valid;

#[tokio::test]
async fn enterprise_members_are_walked_page_by_page_to_the_reported_total() {
    let (sim, client) = support::sim_and_client().await;
    for _ in 0..11 {
        call_valid(&client, "CreateSubEnterpriseAccount")
            .await
            .expect("a member is created");
    }
    let expected = sim.state().sub_enterprise_accounts.len();
    assert_eq!(expected, 12, "11 created and the seeded member");
    let served = sim.requests_served();

    let members: Vec<_> = client
        .list_enterprise_sub_customers()
        .limit(5)
        .items()
        .try_collect()
        .await
        .expect("every page is fetched");

    assert_eq!(members.len(), expected);
    let mut ids: Vec<_> = members.iter().map(|m| m.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), expected, "no member twice");
    // 5 + 5 + 2: three pages, and no fourth once the total is reached.
    assert_eq!(sim.requests_served() - served, 3);
    // Each page asks for the next offset with the page size as its limit.
    let received = sim.received();
    let queries: Vec<_> = received[received.len() - 3..]
        .iter()
        .map(|r| r.raw_query.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        queries,
        ["limit=5&offset=0", "limit=5&offset=5", "limit=5&offset=10"]
    );
}

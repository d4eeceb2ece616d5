//! The README's recipe for a CreateSubCustomer whose outcome is unknown, run against the
//! simulator: the connection drops after the account was (or was not) created, and the
//! platform finds out which without creating a second account.

mod support;

use huaweicloud_bss::{Client, Error, ErrorCode, builders, types};
use huaweicloud_bss_sim::Injection;

fn sign_up(xaccount_id: &str, domain_name: &str) -> builders::CreateCustomerV2ReqBuilder {
    types::CreateCustomerV2Req::builder()
        .xaccount_id(xaccount_id)
        .xaccount_type("example_IDP")
        .domain_name(domain_name)
}

/// What the platform learns from the recipe.
#[derive(Debug, PartialEq, Eq)]
enum Reconciled {
    /// The account exists (created by the lost call or by the re-sent one): its id.
    Exists { customer_id: String },
}

/// The recipe: re-send the identical request (same xaccount_id/xaccount_type/domain_name). A
/// success means the lost call had not created the account and this one did; CBC.99000039
/// (xaccount_id already used) means the lost call did, and ListSubCustomers by the account
/// name finds it.
async fn reconcile(
    client: &Client,
    unknown: &huaweicloud_bss::OutcomeUnknown,
) -> Result<Reconciled, Error> {
    let xaccount_id = unknown.reconcile_value("xaccount_id").expect("reported");
    let domain_name = unknown
        .reconcile_value("domain_name")
        .expect("reported (the platform chose it)");
    match client
        .create_sub_customer()
        .body(sign_up(xaccount_id, domain_name))
        .send()
        .await
    {
        Ok(created) => Ok(Reconciled::Exists {
            customer_id: created
                .into_inner()
                .domain_id
                .expect("a created account has an id"),
        }),
        Err(error) => {
            let error = error;
            if error.code() != Some(ErrorCode::Cbc99000039) {
                return Err(error);
            }
            let page = client
                .list_sub_customers()
                .account_name(domain_name)
                .send()
                .await?
                .into_inner();
            let customer = page
                .customer_infos
                .into_iter()
                .find(|c| c.account_name.as_deref() == Some(domain_name))
                .expect("the account the lost call created is listed");
            Ok(Reconciled::Exists {
                customer_id: customer.customer_id.expect("listed customers have an id"),
            })
        }
    }
}

async fn lost_call(
    client: &Client,
    xaccount_id: &str,
    domain_name: &str,
) -> huaweicloud_bss::OutcomeUnknown {
    let error = client
        .create_sub_customer()
        .body(sign_up(xaccount_id, domain_name))
        .send()
        .await
        .map(drop)
        .expect_err("the connection drops");
    match error {
        Error::OutcomeUnknown(unknown) => {
            assert_eq!(
                unknown.attempts(),
                1,
                "a write whose outcome is unknown is never re-sent"
            );
            assert_eq!(unknown.reconcile_value("xaccount_id"), Some(xaccount_id));
            assert_eq!(
                unknown.reconcile_value("xaccount_type"),
                Some("example_IDP")
            );
            assert!(unknown.to_string().contains(xaccount_id), "{unknown}");
            *unknown
        }
        other => panic!("expected an unknown outcome, got {other:?}"),
    }
}

#[tokio::test]
async fn an_account_created_by_a_lost_call_is_found_not_duplicated() {
    let (sim, client) = support::sim_and_client().await;
    sim.inject(Injection::DropAfterHandling {
        operation: "CreateSubCustomer".into(),
    });
    let unknown = lost_call(&client, "platform-user-41", "lost-answer-41").await;
    assert_eq!(
        sim.state().created_customers().len(),
        1,
        "the simulator created the account"
    );

    let Reconciled::Exists { customer_id } =
        reconcile(&client, &unknown).await.expect("reconciled");
    let state = sim.state();
    assert_eq!(state.created_customers().len(), 1, "no second account");
    assert_eq!(state.created_customers()[0].domain_id, customer_id);
}

#[tokio::test]
async fn an_account_not_created_by_a_lost_call_is_created_by_the_recipe() {
    let (sim, client) = support::sim_and_client().await;
    // The connection drops before the simulator handles anything: a delay longer than the
    // client's timeout, so the client gives up first.
    sim.inject(Injection::Delay {
        operation: "CreateSubCustomer".into(),
        delay: std::time::Duration::from_secs(5),
    });
    let impatient = support::builder_for(&sim)
        .timeout(std::time::Duration::from_millis(300))
        .build()
        .expect("valid configuration");
    let unknown = lost_call(&impatient, "platform-user-42", "lost-answer-42").await;
    assert!(unknown.timed_out());
    assert!(
        sim.state().created_customers().is_empty(),
        "nothing created yet"
    );

    let Reconciled::Exists { customer_id } =
        reconcile(&client, &unknown).await.expect("reconciled");
    let state = sim.state();
    assert_eq!(state.created_customers().len(), 1);
    assert_eq!(state.created_customers()[0].domain_id, customer_id);
}

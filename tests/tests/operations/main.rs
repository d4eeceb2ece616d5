//! Operations against the simulator, one module per domain: what each call does to the
//! simulated accounts, what it refuses with which documented code, and how lists page.

#[path = "../support/mod.rs"]
mod support;

mod coupons;
mod customers;
mod funds;
mod multi_account;
mod realname;
mod resellers;

/// A customer the seeded simulator does not know yet (funding makes it one of the partner's).
const NEW_CUSTOMER: &str = "5eed00000000000000000000000000aa";

/// A simulator where [`NEW_CUSTOMER`] is a registered customer of the partner, with nothing
/// in its account (the simulator refuses ids that are not its customers).
async fn sim_and_client() -> (
    huaweicloud_bss_sim::RunningSimulator,
    huaweicloud_bss::Client,
) {
    let (sim, client) = support::sim_and_client().await;
    register(&sim, NEW_CUSTOMER);
    (sim, client)
}

/// Registers `id` as a customer of the partner, with nothing in its account.
fn register(sim: &huaweicloud_bss_sim::RunningSimulator, id: &str) {
    sim.state()
        .customers
        .push(huaweicloud_bss_sim::state::customers::Customer {
            domain_id: id.to_string(),
            domain_name: format!("customer-{id}"),
            xaccount_id: format!("x-{id}"),
            xaccount_type: "example_IDP".to_string(),
            mobile_phone: None,
            indirect_partner_id: None,
            associated_on: "2026-01-01T00:00:00Z".to_string(),
            association_type: "2".to_string(),
        });
}

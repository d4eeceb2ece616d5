//! What the integration tests share: a simulator with a client wired to it.

#![allow(dead_code)]

pub mod calls;
pub mod captured;
pub mod fault_server;

use huaweicloud_bss::{Client, ClientBuilder, Clock, Credentials, RetryPolicy, SigningTime};
use huaweicloud_bss_sim::{RunningSimulator, Simulator};

pub const AK: &str = "TEST_AK";
pub const SK: &str = "TEST_SK_do_not_print";
pub const TOKEN: &str = "TEST_TOKEN_do_not_print";
/// The partner account id the client sends as X-Domain-Id.
pub const DOMAIN_ID: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
/// Signing time of reproducible requests.
pub const FIXED_DATE: &str = "20261123T120000Z";

/// A simulator accepting `AK`/`SK` and `TOKEN`, and a client signing with them at `FIXED_DATE`.
pub async fn sim_and_client() -> (RunningSimulator, Client) {
    let sim = Simulator::new(AK, SK)
        .with_token(TOKEN)
        .start()
        .await
        .expect("the simulator starts");
    let client = client_for(&sim);
    (sim, client)
}

/// A simulator as in [`sim_and_client`], and a client that makes exactly one attempt per
/// call, so each answer the simulator gives is the one the test sees.
pub async fn sim_and_single_attempt_client() -> (RunningSimulator, Client) {
    let (sim, _) = sim_and_client().await;
    let client = builder_for(&sim)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("valid configuration");
    (sim, client)
}

pub fn client_for(sim: &RunningSimulator) -> Client {
    builder_for(sim).build().expect("valid configuration")
}

/// The configuration of [`client_for`], to adjust.
pub fn builder_for(sim: &RunningSimulator) -> ClientBuilder {
    Client::builder()
        .endpoint(sim.url())
        .credentials(Credentials::new(AK, SK))
        .domain_id(DOMAIN_ID)
        .clock(Clock::Fixed(
            SigningTime::parse(FIXED_DATE).expect("valid date"),
        ))
}

//! Two ways to test code that calls BSS, without Huawei credentials:
//!
//! 1. typed httpmock stubs: exact answers per call (a success body, a documented error);
//! 2. the simulator: state that carries over (a created customer is then listed).
//!
//! ```text
//! cargo run -p huaweicloud-bss-httpmock --example mock_and_simulator
//! ```

use huaweicloud_bss::{Client, Credentials, Error, ErrorCode, types};
use huaweicloud_bss_httpmock::{MockServer, MockServerExt, client_builder};
use huaweicloud_bss_sim::Simulator;

/// The code under test: create a customer for `user_id`, return its account id.
async fn create_customer(client: &Client, user_id: &str) -> Result<Option<String>, Error> {
    let created = client
        .create_sub_customer()
        .xaccount_id(user_id)
        .xaccount_type("acme_IDP")
        .send()
        .await?
        .into_inner();
    Ok(created.domain_id)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // 1. Stubs: one answer per request, typed from the spec.
    let server = MockServer::start_async().await;
    let created = types::CreateSubCustomerResponse {
        domain_id: Some("0a1b2c3d4e5f".into()),
        ..Default::default()
    };
    server.create_sub_customer(|when, then| {
        when.into_inner()
            .json_body_includes(r#"{"xaccount_id": "user-1"}"#);
        then.ok(&created);
    });
    server.create_sub_customer(|when, then| {
        when.into_inner()
            .json_body_includes(r#"{"xaccount_id": "user-2"}"#);
        then.error(ErrorCode::Cbc99000039);
    });
    let client = client_builder(&server).build()?;
    println!(
        "stub, user-1: {:?}",
        create_customer(&client, "user-1").await?
    );
    match create_customer(&client, "user-2").await {
        Err(e) if e.code() == Some(ErrorCode::Cbc99000039) => println!("stub, user-2: {e}"),
        other => return Err(format!("expected CBC.99000039, got {other:?}").into()),
    }

    // 2. The simulator: the service's behaviour and memory, on a loopback port.
    let sim = Simulator::new("SIM_AK", "SIM_SK").start().await?;
    let client = Client::builder()
        .endpoint(sim.url())
        .credentials(Credentials::new("SIM_AK", "SIM_SK"))
        .build()?;
    let domain_id = create_customer(&client, "user-3").await?;
    let listed = client.list_sub_customers().send().await?.into_inner();
    println!(
        "simulator, user-3: {domain_id:?}; ListSubCustomers now lists {} customer(s)",
        listed.count.unwrap_or(0)
    );
    Ok(())
}

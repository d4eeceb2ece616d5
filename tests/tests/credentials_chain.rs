//! The credentials chain end to end: a client built from an injected environment signs with
//! the credentials of the first configured source, sends that source's account id, and goes
//! to the region's overridden endpoint. The simulator only accepts the right AK/SK.

mod support;

use std::io;
use std::path::Path;

use huaweicloud_bss::{Client, ConfigError, Credentials, Environment, Region, types};
use huaweicloud_bss_sim::RunningSimulator;

const CREDENTIALS_FILE: &str = "/home/partner/.huaweicloud/credentials";

/// An environment with `vars`, home `/home/partner`, and `file` as its credentials file.
fn env<'a>(vars: &'a [(&'a str, String)], file: Option<&'a str>) -> Environment<'a> {
    Environment::new(move |name| {
        vars.iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.clone())
    })
    .with_home_dir("/home/partner")
    .with_file_reader(move |path: &Path| match file {
        Some(text) if path == Path::new(CREDENTIALS_FILE) => Ok(text.to_string()),
        _ => Err(io::ErrorKind::NotFound.into()),
    })
}

/// Calls CheckUserIdentity; returns the X-Domain-Id the simulator received.
async fn call(sim: &RunningSimulator, client: &Client) -> Option<String> {
    client
        .check_user_identity()
        .search_type(types::CheckSubcustomerUserReqSearchType::Name)
        .search_value("chain01")
        .send()
        .await
        .expect("signed with the simulator's credentials");
    let received = sim.received();
    received
        .last()
        .expect("one request")
        .header("x-domain-id")
        .map(str::to_string)
}

#[tokio::test]
async fn each_source_signs_and_sends_its_own_account_id() {
    let (sim, _) = support::sim_and_client().await;
    let endpoint = ("HUAWEICLOUD_SDK_REGION_BSSINTL_AP_SOUTHEAST_1", sim.url());
    let wrong_env = [
        endpoint.clone(),
        ("HUAWEICLOUD_SDK_AK", "WRONG_AK".to_string()),
        ("HUAWEICLOUD_SDK_SK", "WRONG_SK".to_string()),
    ];
    let right_env = [
        endpoint.clone(),
        ("HUAWEICLOUD_SDK_AK", support::AK.to_string()),
        ("HUAWEICLOUD_SDK_SK", support::SK.to_string()),
        ("HUAWEICLOUD_SDK_DOMAIN_ID", "env-domain".to_string()),
    ];
    let only_endpoint = [endpoint.clone()];
    let file = format!(
        "[global]\nak = {}\nsk = {}\ndomain_id = file-domain\n",
        support::AK,
        support::SK
    );
    let wrong_file = "[global]\nak = WRONG_AK\nsk = WRONG_SK\n";

    let builder = || Client::builder().region(Region::ApSoutheast1);
    let cases = [
        (
            "explicit credentials and account id win",
            builder()
                .credentials(Credentials::new(support::AK, support::SK))
                .domain_id("explicit-domain")
                .build_with(&env(&wrong_env, Some(wrong_file))),
            Some("explicit-domain"),
        ),
        (
            "the environment comes before the file",
            builder().build_with(&env(&right_env, Some(wrong_file))),
            Some("env-domain"),
        ),
        (
            "the file comes last",
            builder().build_with(&env(&only_endpoint, Some(&file))),
            Some("file-domain"),
        ),
        (
            "an explicit account id with the file's credentials",
            builder()
                .domain_id("explicit-domain")
                .build_with(&env(&only_endpoint, Some(&file))),
            Some("explicit-domain"),
        ),
    ];
    for (name, client, domain_id) in cases {
        let client = client.expect(name);
        assert_eq!(client.endpoint(), sim.url(), "{name}");
        assert_eq!(call(&sim, &client).await.as_deref(), domain_id, "{name}");
    }
}

#[test]
fn an_explicit_endpoint_wins_and_missing_credentials_name_every_place() {
    let vars = [(
        "HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1",
        "https://override.test".to_string(),
    )];
    let client = Client::builder()
        .endpoint("https://explicit.test")
        .credentials(Credentials::new("AK", "SK"))
        .build_with(&env(&vars, None))
        .unwrap();
    assert_eq!(client.endpoint(), "https://explicit.test");

    let error = Client::builder().build_with(&env(&vars, None)).unwrap_err();
    assert!(matches!(error, ConfigError::Credentials(_)), "{error:?}");
    assert_eq!(
        error.to_string(),
        "no credentials found; looked in: environment: HUAWEICLOUD_SDK_AK and \
         HUAWEICLOUD_SDK_SK are not set; profile file /home/partner/.huaweicloud/credentials: \
         does not exist"
    );
}

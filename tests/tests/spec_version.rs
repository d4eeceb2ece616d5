//! The spec version a release carries is the spec's: `huaweicloud_bss::SPEC_VERSION` and the
//! build metadata of the client crates' versions both equal `info.version` of spec/bss.yaml,
//! so a spec change that forgets either fails here.

const SPEC: &str = include_str!("../../spec/bss.yaml");

fn spec_version() -> String {
    let spec: serde_yaml::Value = serde_yaml::from_str(SPEC).expect("the spec parses");
    spec["info"]["version"]
        .as_str()
        .expect("info.version is a string")
        .to_string()
}

/// The `version = ".."` line of a crate manifest's `[package]` section.
fn manifest_version(manifest: &str) -> &str {
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("a package version line")
}

#[test]
fn spec_version_const_is_the_specs() {
    assert_eq!(huaweicloud_bss::SPEC_VERSION, spec_version());
}

#[test]
fn client_crate_versions_carry_the_spec_version() {
    let expected = format!("+spec.{}", spec_version());
    for (name, manifest) in [
        (
            "huaweicloud-bss",
            include_str!("../../crates/huaweicloud-bss/Cargo.toml"),
        ),
        (
            "huaweicloud-bss-api",
            include_str!("../../crates/huaweicloud-bss-api/Cargo.toml"),
        ),
    ] {
        let version = manifest_version(manifest);
        assert!(
            version.ends_with(&expected),
            "{name} {version} should end with {expected}"
        );
    }
}

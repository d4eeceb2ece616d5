//! The chain over injected environments and files: never the real ones.

use std::io;
use std::path::{Path, PathBuf};

use secrecy::ExposeSecret;

use super::*;

const SK: &str = "SK_do_not_print";
const TOKEN: &str = "TOKEN_do_not_print";
const HOME: &str = "/home/partner";
const DEFAULT_FILE: &str = "/home/partner/.huaweicloud/credentials";
const OTHER_FILE: &str = "/etc/bss/credentials";
/// A path whose read fails with "permission denied".
const DENIED_FILE: &str = "/root/credentials";

/// An environment holding exactly `vars` and `files`.
fn fake<'a>(vars: &'a [(&'a str, &'a str)], files: &'a [(&'a str, &'a str)]) -> Environment<'a> {
    Environment::new(move |name| {
        vars.iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_string())
    })
    .with_file_reader(move |path: &Path| {
        if path == Path::new(DENIED_FILE) {
            return Err(io::ErrorKind::PermissionDenied.into());
        }
        files
            .iter()
            .find(|(file, _)| Path::new(file) == path)
            .map(|(_, text)| text.to_string())
            .ok_or_else(|| io::ErrorKind::NotFound.into())
    })
}

fn explicit() -> ExplicitCredentials {
    ExplicitCredentials::new(Credentials::new("EXPLICIT_AK", SK)).with_domain_id("explicit-domain")
}

const ENV_CREDS: [(&str, &str); 4] = [
    ("HOME", HOME),
    ("HUAWEICLOUD_SDK_AK", "ENV_AK"),
    ("HUAWEICLOUD_SDK_SK", SK),
    ("HUAWEICLOUD_SDK_DOMAIN_ID", "env-domain"),
];
const FILE_CREDS: &str = "[global]\nak = FILE_AK\nsk = SK_do_not_print\ndomain_id = file-domain\n";
const OTHER_CREDS: &str = "[global]\nak = OTHER_AK\nsk = SK_do_not_print\n";

/// What a case expects: the AK, domain id and source found, or the error's text.
#[derive(Debug)]
enum Expect {
    Found(&'static str, Option<&'static str>, CredentialsSource),
    Fails(&'static str),
}

/// Variables or files, as (name, value) pairs.
type Pairs = Vec<(&'static str, &'static str)>;
/// A case: its name, whether explicit credentials come first, variables, files, outcome.
type Case = (&'static str, bool, Pairs, Pairs, Expect);

fn file_source(path: &str) -> CredentialsSource {
    CredentialsSource::ProfileFile {
        path: PathBuf::from(path),
    }
}

#[test]
fn the_chain_takes_the_first_configured_source() {
    use Expect::*;
    let home = [("HOME", HOME)];
    let cases: Vec<Case> = vec![
        (
            "explicit wins over environment and file",
            true,
            ENV_CREDS.to_vec(),
            vec![(DEFAULT_FILE, FILE_CREDS)],
            Found(
                "EXPLICIT_AK",
                Some("explicit-domain"),
                CredentialsSource::Explicit,
            ),
        ),
        (
            "environment wins over the file",
            false,
            ENV_CREDS.to_vec(),
            vec![(DEFAULT_FILE, FILE_CREDS)],
            Found("ENV_AK", Some("env-domain"), CredentialsSource::Environment),
        ),
        (
            "the file in the home directory comes next",
            false,
            home.to_vec(),
            vec![(DEFAULT_FILE, FILE_CREDS)],
            Found("FILE_AK", Some("file-domain"), file_source(DEFAULT_FILE)),
        ),
        (
            "the path variable replaces the home directory's file",
            false,
            vec![
                ("HOME", HOME),
                ("HUAWEICLOUD_SDK_CREDENTIALS_FILE", OTHER_FILE),
            ],
            vec![(DEFAULT_FILE, FILE_CREDS), (OTHER_FILE, OTHER_CREDS)],
            Found("OTHER_AK", None, file_source(OTHER_FILE)),
        ),
        (
            "the domain id travels with its credentials",
            false,
            vec![("HOME", HOME), ("HUAWEICLOUD_SDK_DOMAIN_ID", "env-domain")],
            vec![(DEFAULT_FILE, OTHER_CREDS)],
            Found("OTHER_AK", None, file_source(DEFAULT_FILE)),
        ),
        (
            "[DEFAULT] keys apply to [global]",
            false,
            home.to_vec(),
            vec![(
                DEFAULT_FILE,
                "[DEFAULT]\ndomain_id = shared\n[global]\nak = A\nsk = SK_do_not_print\n",
            )],
            Found("A", Some("shared"), file_source(DEFAULT_FILE)),
        ),
        (
            "empty variables count as unset",
            false,
            vec![
                ("HOME", HOME),
                ("HUAWEICLOUD_SDK_AK", ""),
                ("HUAWEICLOUD_SDK_SK", ""),
            ],
            vec![(DEFAULT_FILE, FILE_CREDS)],
            Found("FILE_AK", Some("file-domain"), file_source(DEFAULT_FILE)),
        ),
        (
            "a missing default file and an empty environment",
            false,
            home.to_vec(),
            vec![],
            Fails(
                "no credentials found; looked in: environment: HUAWEICLOUD_SDK_AK and \
                 HUAWEICLOUD_SDK_SK are not set; profile file \
                 /home/partner/.huaweicloud/credentials: does not exist",
            ),
        ),
        (
            "no home directory",
            false,
            vec![],
            vec![(DEFAULT_FILE, FILE_CREDS)],
            Fails(
                "no credentials found; looked in: environment: HUAWEICLOUD_SDK_AK and \
                 HUAWEICLOUD_SDK_SK are not set; profile file: \
                 HUAWEICLOUD_SDK_CREDENTIALS_FILE is not set and there is no home directory",
            ),
        ),
        (
            "a file without [global]",
            false,
            home.to_vec(),
            vec![(DEFAULT_FILE, "[basic]\nak = A\nsk = S\n")],
            Fails(
                "no credentials found; looked in: environment: HUAWEICLOUD_SDK_AK and \
                 HUAWEICLOUD_SDK_SK are not set; profile file \
                 /home/partner/.huaweicloud/credentials: no [global] section",
            ),
        ),
        (
            "federated credentials in the file",
            false,
            home.to_vec(),
            vec![(DEFAULT_FILE, "[global]\nidp_id = idp\nid_token_file = /t\n")],
            Fails(
                "no credentials found; looked in: environment: HUAWEICLOUD_SDK_AK and \
                 HUAWEICLOUD_SDK_SK are not set; profile file \
                 /home/partner/.huaweicloud/credentials: [global] has no ak and sk \
                 (federated idp_id credentials are not supported)",
            ),
        ),
        (
            "a named file that does not exist",
            false,
            vec![
                ("HOME", HOME),
                ("HUAWEICLOUD_SDK_CREDENTIALS_FILE", OTHER_FILE),
            ],
            vec![(DEFAULT_FILE, FILE_CREDS)],
            Fails(
                "credentials file /etc/bss/credentials (named by \
                 HUAWEICLOUD_SDK_CREDENTIALS_FILE) cannot be read: entity not found",
            ),
        ),
        (
            "an unreadable default file",
            false,
            vec![("HUAWEICLOUD_SDK_CREDENTIALS_FILE", DENIED_FILE)],
            vec![],
            Fails(
                "credentials file /root/credentials (named by HUAWEICLOUD_SDK_CREDENTIALS_FILE) \
                 cannot be read: permission denied",
            ),
        ),
        (
            "an AK without its SK in the environment stops the chain",
            false,
            vec![("HOME", HOME), ("HUAWEICLOUD_SDK_AK", "ENV_AK")],
            vec![(DEFAULT_FILE, FILE_CREDS)],
            Fails(
                "environment variable HUAWEICLOUD_SDK_SK is not set (while HUAWEICLOUD_SDK_AK is)",
            ),
        ),
        (
            "an SK without its AK in the environment",
            false,
            vec![("HUAWEICLOUD_SDK_SK", SK)],
            vec![],
            Fails(
                "environment variable HUAWEICLOUD_SDK_AK is not set (while HUAWEICLOUD_SDK_SK is)",
            ),
        ),
        (
            "an ak without its sk in the file",
            false,
            home.to_vec(),
            vec![(DEFAULT_FILE, "[global]\nak = A\n")],
            Fails(
                "credentials file /home/partner/.huaweicloud/credentials: section [global] has \
                 ak but no sk",
            ),
        ),
        (
            "an sk without its ak in the file",
            false,
            home.to_vec(),
            vec![(DEFAULT_FILE, "[global]\nsk = SK_do_not_print\nak =\n")],
            Fails(
                "credentials file /home/partner/.huaweicloud/credentials: section [global] has \
                 sk but no ak",
            ),
        ),
        (
            "a malformed file names the line, not its text",
            false,
            home.to_vec(),
            vec![(DEFAULT_FILE, "[global]\nak = A\nSK_do_not_print\n")],
            Fails(
                "credentials file /home/partner/.huaweicloud/credentials, line 3: a line must \
                 be a [section], a key = value pair or a # comment",
            ),
        ),
    ];
    for (name, with_explicit, vars, files, expect) in cases {
        let env = fake(&vars, &files);
        let mut chain = CredentialsChain::standard();
        if with_explicit {
            chain = chain.first(explicit());
        }
        match (chain.resolve(&env), expect) {
            (Ok(found), Found(ak, domain_id, source)) => {
                assert_eq!(found.credentials.ak(), ak, "{name}");
                assert_eq!(found.credentials.sk().expose_secret(), SK, "{name}");
                assert_eq!(found.domain_id.as_deref(), domain_id, "{name}");
                assert_eq!(found.source, source, "{name}");
            }
            (Err(error), Fails(text)) => {
                assert_eq!(error.to_string(), text, "{name}");
                assert!(!format!("{error}{error:?}").contains(SK), "{name}");
            }
            (got, expected) => panic!("{name}: got {got:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn security_tokens_come_from_the_same_source() {
    let vars = [
        ("HUAWEICLOUD_SDK_AK", "ENV_AK"),
        ("HUAWEICLOUD_SDK_SK", SK),
        ("HUAWEICLOUD_SDK_SECURITY_TOKEN", TOKEN),
    ];
    let from_env = CredentialsChain::standard()
        .resolve(&fake(&vars, &[]))
        .unwrap();
    let file = format!("[global]\nak = A\nsk = {SK}\nsecurity_token = {TOKEN}\n");
    let files = [(DEFAULT_FILE, file.as_str())];
    let from_file = CredentialsChain::standard()
        .resolve(&fake(&[("HOME", HOME)], &files))
        .unwrap();
    for found in [from_env, from_file] {
        let token = found
            .credentials
            .security_token()
            .map(|t| t.expose_secret());
        assert_eq!(token, Some(TOKEN), "{}", found.source);
        let printed = format!("{found:?} {found:#?} {}", found.source);
        assert!(
            !printed.contains(SK) && !printed.contains(TOKEN),
            "{printed}"
        );
    }
}

#[test]
fn providers_added_later_are_asked_last() {
    let env = fake(&[], &[]);
    let found = CredentialsChain::standard()
        .then(explicit())
        .resolve(&env)
        .unwrap();
    assert_eq!(found.source, CredentialsSource::Explicit);
}

#[test]
fn the_environment_prints_no_variable() {
    let vars = [("HOME", HOME), ("HUAWEICLOUD_SDK_SK", SK)];
    let printed = format!("{:?}", fake(&vars, &[]));
    assert_eq!(
        printed,
        r#"Environment { home_dir: Some("/home/partner"), .. }"#
    );
}

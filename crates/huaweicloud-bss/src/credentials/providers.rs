//! The three places credentials come from, in the order the chain asks them: given in code,
//! the environment, the profile file.

use std::io;
use std::path::PathBuf;

use huaweicloud_signer::Credentials;
use secrecy::SecretString;

use super::{
    CredentialsError, CredentialsProvider, CredentialsSource, Environment, Provided,
    ResolvedCredentials, ini,
};

/// Credentials given in code: always found.
#[derive(Debug, Clone)]
pub struct ExplicitCredentials {
    credentials: Credentials,
    domain_id: Option<String>,
}

impl ExplicitCredentials {
    /// These credentials, without an account id.
    pub fn new(credentials: Credentials) -> Self {
        Self {
            credentials,
            domain_id: None,
        }
    }

    /// Also the partner's account id (`X-Domain-Id`).
    pub fn with_domain_id(mut self, domain_id: impl Into<String>) -> Self {
        self.domain_id = Some(domain_id.into());
        self
    }
}

impl CredentialsProvider for ExplicitCredentials {
    fn provide(&self, _env: &Environment<'_>) -> Result<Provided, CredentialsError> {
        Ok(Provided::Found(ResolvedCredentials {
            credentials: self.credentials.clone(),
            domain_id: self.domain_id.clone(),
            source: CredentialsSource::Explicit,
        }))
    }
}

/// The official SDKs' variables: `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK` (both, or
/// neither), optionally `HUAWEICLOUD_SDK_SECURITY_TOKEN` and `HUAWEICLOUD_SDK_DOMAIN_ID`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EnvironmentCredentials;

impl EnvironmentCredentials {
    /// The access key variable.
    pub const AK: &'static str = "HUAWEICLOUD_SDK_AK";
    /// The secret key variable.
    pub const SK: &'static str = "HUAWEICLOUD_SDK_SK";
    /// The security token variable (temporary credentials).
    pub const SECURITY_TOKEN: &'static str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    /// The partner account id variable.
    pub const DOMAIN_ID: &'static str = "HUAWEICLOUD_SDK_DOMAIN_ID";
}

impl CredentialsProvider for EnvironmentCredentials {
    fn provide(&self, env: &Environment<'_>) -> Result<Provided, CredentialsError> {
        let (ak, sk) = match (env.var(Self::AK), env.var(Self::SK)) {
            (Some(ak), Some(sk)) => (ak, sk),
            (None, None) => {
                return Ok(Provided::NotConfigured {
                    looked: format!("environment: {} and {} are not set", Self::AK, Self::SK),
                });
            }
            (Some(_), None) => return Err(missing_env(Self::SK, Self::AK)),
            (None, Some(_)) => return Err(missing_env(Self::AK, Self::SK)),
        };
        let mut credentials = Credentials::new(ak, SecretString::from(sk));
        if let Some(token) = env.var(Self::SECURITY_TOKEN) {
            credentials = credentials.with_security_token(SecretString::from(token));
        }
        Ok(Provided::Found(ResolvedCredentials {
            credentials,
            domain_id: env.var(Self::DOMAIN_ID),
            source: CredentialsSource::Environment,
        }))
    }
}

fn missing_env(missing: &'static str, set: &'static str) -> CredentialsError {
    CredentialsError::MissingEnv { missing, set }
}

/// The official SDKs' profile file: `~/.huaweicloud/credentials`, or the file
/// `HUAWEICLOUD_SDK_CREDENTIALS_FILE` names; its `[global]` section (BSS is a global service)
/// holds `ak` and `sk` (both, or neither), optionally `security_token` and `domain_id`.
///
/// ```text
/// [global]
/// ak = YOUR_AK
/// sk = YOUR_SK
/// domain_id = YOUR_PARTNER_ACCOUNT_ID
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ProfileFileCredentials;

impl ProfileFileCredentials {
    /// The variable naming another credentials file.
    pub const PATH_VAR: &'static str = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
    /// The section holding the credentials of global services such as BSS.
    pub const SECTION: &'static str = "global";
    const DEFAULT_DIR: &'static str = ".huaweicloud";
    const DEFAULT_FILE: &'static str = "credentials";

    /// The file this provider reads in `env`, and whether the path was set explicitly through
    /// [`PATH_VAR`](Self::PATH_VAR); `None` when there is neither that variable nor a home
    /// directory.
    pub fn path(env: &Environment<'_>) -> Option<(PathBuf, bool)> {
        if let Some(path) = env.var(Self::PATH_VAR) {
            return Some((PathBuf::from(path), true));
        }
        env.home_dir()
            .map(|home| (home.join(Self::DEFAULT_DIR).join(Self::DEFAULT_FILE), false))
    }
}

impl CredentialsProvider for ProfileFileCredentials {
    fn provide(&self, env: &Environment<'_>) -> Result<Provided, CredentialsError> {
        let Some((path, named_by_var)) = Self::path(env) else {
            return Ok(Provided::NotConfigured {
                looked: format!(
                    "profile file: {} is not set and there is no home directory",
                    Self::PATH_VAR
                ),
            });
        };
        let text = match env.read_file(&path) {
            Ok(text) => text,
            // The default file is optional; a file the caller named must exist.
            Err(e) if e.kind() == io::ErrorKind::NotFound && !named_by_var => {
                return Ok(Provided::NotConfigured {
                    looked: format!("profile file {}: does not exist", path.display()),
                });
            }
            Err(e) => {
                return Err(CredentialsError::UnreadableProfile {
                    path,
                    named_by: named_by_var.then_some(Self::PATH_VAR),
                    reason: e.to_string(),
                });
            }
        };
        let mut sections = ini::parse(&text).map_err(|e| CredentialsError::MalformedProfile {
            path: path.clone(),
            line: e.line,
            rule: e.rule,
        })?;
        let Some(mut global) = sections.remove(Self::SECTION) else {
            return Ok(Provided::NotConfigured {
                looked: format!("profile file {}: no [global] section", path.display()),
            });
        };
        let non_empty = |value: Option<String>| value.filter(|v| !v.is_empty());
        let ak = non_empty(global.remove("ak"));
        let sk = non_empty(global.remove("sk"));
        let (ak, sk) = match (ak, sk) {
            (Some(ak), Some(sk)) => (ak, sk),
            (None, None) => {
                let federated = global.contains_key("idp_id");
                return Ok(Provided::NotConfigured {
                    looked: format!(
                        "profile file {}: [global] has no ak and sk{}",
                        path.display(),
                        if federated {
                            " (federated idp_id credentials are not supported)"
                        } else {
                            ""
                        }
                    ),
                });
            }
            (Some(_), None) => return Err(incomplete(path, "ak", "sk")),
            (None, Some(_)) => return Err(incomplete(path, "sk", "ak")),
        };
        let mut credentials = Credentials::new(ak, SecretString::from(sk));
        if let Some(token) = non_empty(global.remove("security_token")) {
            credentials = credentials.with_security_token(SecretString::from(token));
        }
        Ok(Provided::Found(ResolvedCredentials {
            credentials,
            domain_id: non_empty(global.remove("domain_id")),
            source: CredentialsSource::ProfileFile { path },
        }))
    }
}

fn incomplete(path: PathBuf, present: &'static str, missing: &'static str) -> CredentialsError {
    CredentialsError::IncompleteProfile {
        path,
        present,
        missing,
    }
}

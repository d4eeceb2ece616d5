//! Credentials found the way the official SDKs find them: given in code, else the
//! environment, else the profile file.
//!
//! ```
//! use huaweicloud_bss::{CredentialsChain, CredentialsSource, Environment};
//!
//! let env = Environment::new(|name| match name {
//!     "HUAWEICLOUD_SDK_AK" => Some("AK".to_string()),
//!     "HUAWEICLOUD_SDK_SK" => Some("SK".to_string()),
//!     _ => None,
//! });
//! let found = CredentialsChain::standard().resolve(&env)?;
//! assert_eq!(found.source, CredentialsSource::Environment);
//! assert_eq!(found.credentials.ak(), "AK");
//! # Ok::<(), huaweicloud_bss::CredentialsError>(())
//! ```
//!
//! Where this chain departs from the official one (`huaweicloudsdkcore` 3.1.219,
//! `CredentialProviderChain`), and why:
//! - a source that is half configured (an AK without its SK, in the environment or in the
//!   file's `[global]` section) stops the chain with an error instead of being skipped, so that
//!   a typo never silently selects another source's account;
//! - a file named by `HUAWEICLOUD_SDK_CREDENTIALS_FILE` must exist (the default file may be
//!   absent), for the same reason;
//! - only AK/SK credentials are read: the official chain's OIDC, federated (`idp_id` with
//!   `id_token_file`), ECS metadata and pod-identity providers are not implemented, and the
//!   error says so when the file holds federated settings;
//! - values are taken literally (the official INI reader would turn `%%` into `%`).

mod environment;
mod ini;
mod providers;

use std::fmt;
use std::path::PathBuf;

use huaweicloud_signer::Credentials;

pub use environment::Environment;
pub use providers::{EnvironmentCredentials, ExplicitCredentials, ProfileFileCredentials};

/// Credentials and the partner account id, with where they were found.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ResolvedCredentials {
    /// AK, SK and the optional security token (`Debug` redacts the secrets).
    pub credentials: Credentials,
    /// The partner's account id (`X-Domain-Id`), if the same source gave one.
    pub domain_id: Option<String>,
    /// Where they came from.
    pub source: CredentialsSource,
}

/// Where a [`CredentialsChain`] found credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsSource {
    /// Given in code.
    Explicit,
    /// The `HUAWEICLOUD_SDK_*` environment variables.
    Environment,
    /// A profile file's `[global]` section.
    ProfileFile {
        /// The file read.
        path: PathBuf,
    },
}

impl fmt::Display for CredentialsSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialsSource::Explicit => f.write_str("explicit credentials"),
            CredentialsSource::Environment => f.write_str("environment variables"),
            CredentialsSource::ProfileFile { path } => {
                write!(f, "profile file {}", path.display())
            }
        }
    }
}

/// What one provider of the chain found.
#[derive(Debug, Clone)]
pub enum Provided {
    /// Complete credentials.
    Found(ResolvedCredentials),
    /// Nothing is configured here; the chain asks the next provider.
    NotConfigured {
        /// Where the provider looked and why it found nothing, for the error if no provider
        /// finds anything.
        looked: String,
    },
}

/// One place credentials may come from.
pub trait CredentialsProvider: fmt::Debug + Send + Sync {
    /// The credentials configured here, [`Provided::NotConfigured`] if there are none, or an
    /// error if what is configured here is unusable.
    fn provide(&self, env: &Environment<'_>) -> Result<Provided, CredentialsError>;
}

/// Credentials could not be found or read. Messages name variables, files, sections and keys,
/// never their values.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialsError {
    /// One of the AK/SK variables is set, the other is not.
    #[error("environment variable {missing} is not set (while {set} is)")]
    MissingEnv {
        /// The unset variable.
        missing: &'static str,
        /// The variable that is set.
        set: &'static str,
    },
    /// The profile file's `[global]` section has one of `ak` and `sk` but not the other.
    #[error("credentials file {}: section [global] has {present} but no {missing}", .path.display())]
    IncompleteProfile {
        /// The file read.
        path: PathBuf,
        /// The key that is there.
        present: &'static str,
        /// The key that is missing.
        missing: &'static str,
    },
    /// The profile file exists (or was named explicitly) but cannot be read.
    #[error(
        "credentials file {}{} cannot be read: {reason}",
        .path.display(),
        .named_by.map(|var| format!(" (named by {var})")).unwrap_or_default()
    )]
    UnreadableProfile {
        /// The file.
        path: PathBuf,
        /// The variable that named the file, if one did.
        named_by: Option<&'static str>,
        /// The I/O error.
        reason: String,
    },
    /// A line of the profile file is not valid INI.
    #[error("credentials file {}, line {line}: {rule}", .path.display())]
    MalformedProfile {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The rule the line breaks.
        rule: &'static str,
    },
    /// No provider of the chain had credentials.
    #[error("no credentials found; looked in: {}", .looked.join("; "))]
    NotFound {
        /// Where each provider looked, in chain order.
        looked: Vec<String>,
    },
}

/// Providers asked in order; the first that finds credentials wins.
#[derive(Debug)]
pub struct CredentialsChain {
    providers: Vec<Box<dyn CredentialsProvider>>,
}

impl CredentialsChain {
    /// The official SDKs' order for what is not given in code: [`EnvironmentCredentials`],
    /// then [`ProfileFileCredentials`].
    pub fn standard() -> Self {
        Self {
            providers: vec![
                Box::new(EnvironmentCredentials),
                Box::new(ProfileFileCredentials),
            ],
        }
    }

    /// Asks `provider` before every provider already in the chain (e.g.
    /// [`ExplicitCredentials`]).
    pub fn first(mut self, provider: impl CredentialsProvider + 'static) -> Self {
        self.providers.insert(0, Box::new(provider));
        self
    }

    /// Asks `provider` after every provider already in the chain.
    pub fn then(mut self, provider: impl CredentialsProvider + 'static) -> Self {
        self.providers.push(Box::new(provider));
        self
    }

    /// The credentials of the first provider that has some. A provider whose configuration is
    /// unusable stops the chain with its error.
    pub fn resolve(&self, env: &Environment<'_>) -> Result<ResolvedCredentials, CredentialsError> {
        let mut looked = Vec::new();
        for provider in &self.providers {
            match provider.provide(env)? {
                Provided::Found(found) => return Ok(found),
                Provided::NotConfigured { looked: here } => looked.push(here),
            }
        }
        Err(CredentialsError::NotFound { looked })
    }
}

#[cfg(test)]
mod tests;

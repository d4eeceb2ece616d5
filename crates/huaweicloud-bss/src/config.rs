//! Where requests go and what may go wrong configuring that, following the official SDKs'
//! conventions (regions, endpoint overrides and credentials from the environment).

use std::net::IpAddr;
use std::str::FromStr;

use crate::credentials::{CredentialsError, Environment};

/// A BSS region: the BSS API is global per site, so a region picks a site's endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Region {
    /// China site, `cn-north-1`: `https://bss.myhuaweicloud.com` (the default).
    #[default]
    CnNorth1,
    /// International site, `ap-southeast-1`: `https://bss-intl.myhuaweicloud.com`.
    ApSoutheast1,
    /// Europe site, `eu-west-101`: `https://bss.myhuaweicloud.eu`.
    EuWest101,
}

impl Region {
    /// Every region with a BSS endpoint.
    pub const ALL: [Region; 3] = [Region::CnNorth1, Region::ApSoutheast1, Region::EuWest101];

    /// The region id, e.g. `cn-north-1`.
    pub fn id(self) -> &'static str {
        match self {
            Region::CnNorth1 => "cn-north-1",
            Region::ApSoutheast1 => "ap-southeast-1",
            Region::EuWest101 => "eu-west-101",
        }
    }

    /// The documented endpoint of this region's BSS service.
    pub fn endpoint(self) -> &'static str {
        match self {
            Region::CnNorth1 => "https://bss.myhuaweicloud.com",
            Region::ApSoutheast1 => "https://bss-intl.myhuaweicloud.com",
            Region::EuWest101 => "https://bss.myhuaweicloud.eu",
        }
    }

    /// The environment variable that overrides this region's endpoint, as the official SDKs
    /// name it: `HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION ID>` (id upper-cased, `-` → `_`).
    /// The official SDKs serve the China site with the service `BSS` (`huaweicloudsdkbss`) and
    /// the international and European sites with `BSSINTL` (`huaweicloudsdkbssintl`), so:
    ///
    /// ```
    /// use huaweicloud_bss::Region;
    ///
    /// assert_eq!(Region::CnNorth1.endpoint_env_var(), "HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1");
    /// assert_eq!(
    ///     Region::ApSoutheast1.endpoint_env_var(),
    ///     "HUAWEICLOUD_SDK_REGION_BSSINTL_AP_SOUTHEAST_1"
    /// );
    /// assert_eq!(Region::EuWest101.endpoint_env_var(), "HUAWEICLOUD_SDK_REGION_BSSINTL_EU_WEST_101");
    /// ```
    pub fn endpoint_env_var(self) -> String {
        format!(
            "HUAWEICLOUD_SDK_REGION_{}_{}",
            self.official_service(),
            self.id().to_ascii_uppercase().replace('-', "_")
        )
    }

    /// The official SDKs' service name for this region's BSS endpoint.
    fn official_service(self) -> &'static str {
        match self {
            Region::CnNorth1 => "BSS",
            Region::ApSoutheast1 | Region::EuWest101 => "BSSINTL",
        }
    }

    /// The endpoint `env` sets for this region through
    /// [`endpoint_env_var`](Self::endpoint_env_var), if it sets one.
    ///
    /// The official SDKs accept a comma-separated list there and fail over between its
    /// entries; this client sends to one endpoint, so a list is refused rather than cut short.
    ///
    /// ```
    /// use huaweicloud_bss::{Environment, Region};
    ///
    /// let env = Environment::new(|name| {
    ///     (name == "HUAWEICLOUD_SDK_REGION_BSSINTL_EU_WEST_101").then(|| "https://bss.example".into())
    /// });
    /// assert_eq!(Region::EuWest101.endpoint_override(&env)?.as_deref(), Some("https://bss.example"));
    /// assert_eq!(Region::CnNorth1.endpoint_override(&env)?, None);
    /// # Ok::<(), huaweicloud_bss::ConfigError>(())
    /// ```
    pub fn endpoint_override(self, env: &Environment<'_>) -> Result<Option<String>, ConfigError> {
        let name = self.endpoint_env_var();
        let Some(value) = env.var(&name) else {
            return Ok(None);
        };
        if value.contains(',') {
            return Err(ConfigError::InvalidEndpoint {
                reason: format!("{name} lists several endpoints; this client takes exactly one"),
                endpoint: value,
            });
        }
        Ok(Some(value.trim().to_string()))
    }

    /// The endpoint a client of this region uses in `env`: the override variable's, else
    /// the documented [`endpoint`](Self::endpoint).
    pub fn resolve_endpoint(self, env: &Environment<'_>) -> Result<String, ConfigError> {
        Ok(self
            .endpoint_override(env)?
            .unwrap_or_else(|| self.endpoint().to_string()))
    }
}

impl FromStr for Region {
    type Err = ConfigError;

    /// Parses a region id such as `ap-southeast-1`.
    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Region::ALL
            .into_iter()
            .find(|region| region.id() == id)
            .ok_or_else(|| ConfigError::UnknownRegion { id: id.to_string() })
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// The client could not be configured; nothing was sent.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// A required environment variable is unset or empty.
    #[error("environment variable {name} is not set")]
    MissingEnv {
        /// The variable's name.
        name: &'static str,
    },
    /// No credentials were found, or the ones configured are unusable (see
    /// [`CredentialsChain`](crate::CredentialsChain)).
    #[error(transparent)]
    Credentials(CredentialsError),
    /// A region id that has no BSS endpoint.
    #[error(
        "region {id:?} has no BSS endpoint; known regions: cn-north-1, ap-southeast-1, eu-west-101"
    )]
    UnknownRegion {
        /// The id as given.
        id: String,
    },
    /// Neither AK/SK credentials nor a token were configured.
    #[error("no credentials: configure AK/SK credentials or an X-Auth-Token")]
    MissingCredentials,
    /// The endpoint is not a usable URL.
    #[error("endpoint {endpoint:?} is invalid: {reason}")]
    InvalidEndpoint {
        /// The endpoint as configured.
        endpoint: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A plain-HTTP endpoint on a non-loopback host without an explicit opt-in.
    #[error(
        "endpoint {endpoint:?} uses plain http on a non-loopback host; use https, or opt in with \
         ClientBuilder::allow_insecure_http(true)"
    )]
    InsecureEndpoint {
        /// The endpoint as configured.
        endpoint: String,
    },
    /// The TLS configuration could not be built.
    #[error("TLS setup failed: {0}")]
    Tls(String),
    /// The HTTP client could not be built.
    #[error("HTTP client setup failed: {0}")]
    Http(#[source] reqwest::Error),
}

impl From<CredentialsError> for ConfigError {
    /// A half-set AK/SK pair in the environment stays [`ConfigError::MissingEnv`], as
    /// [`Client::from_env`](crate::Client::from_env) has always reported it.
    fn from(error: CredentialsError) -> Self {
        match error {
            CredentialsError::MissingEnv { missing, .. } => {
                ConfigError::MissingEnv { name: missing }
            }
            other => ConfigError::Credentials(other),
        }
    }
}

/// Parses an endpoint and applies the transport rule: https, or http to a loopback host
/// (a local simulator), or http anywhere only when the caller opted in.
pub(crate) fn parse_endpoint(
    endpoint: &str,
    allow_insecure_http: bool,
) -> Result<url::Url, ConfigError> {
    let invalid = |reason: &str| ConfigError::InvalidEndpoint {
        endpoint: endpoint.to_string(),
        reason: reason.to_string(),
    };
    let url = url::Url::parse(endpoint).map_err(|e| invalid(&e.to_string()))?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("an endpoint carries no query or fragment"));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if allow_insecure_http || is_loopback(&url) => Ok(url),
        "http" => Err(ConfigError::InsecureEndpoint {
            endpoint: endpoint.to_string(),
        }),
        other => Err(invalid(&format!("scheme {other:?} is not http or https"))),
    }
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_accepted_and_http_only_for_loopback_or_opt_in() {
        assert!(parse_endpoint("https://bss.myhuaweicloud.com", false).is_ok());
        for local in [
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://[::1]:9",
        ] {
            assert!(parse_endpoint(local, false).is_ok(), "{local}");
        }
        assert!(matches!(
            parse_endpoint("http://bss.myhuaweicloud.com", false),
            Err(ConfigError::InsecureEndpoint { .. })
        ));
        assert!(parse_endpoint("http://bss.myhuaweicloud.com", true).is_ok());
        assert!(matches!(
            parse_endpoint("ftp://x", true),
            Err(ConfigError::InvalidEndpoint { .. })
        ));
    }

    #[test]
    fn each_region_has_its_endpoint_and_its_own_override() {
        let cases = [
            (
                "cn-north-1",
                "https://bss.myhuaweicloud.com",
                "HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1",
            ),
            (
                "ap-southeast-1",
                "https://bss-intl.myhuaweicloud.com",
                "HUAWEICLOUD_SDK_REGION_BSSINTL_AP_SOUTHEAST_1",
            ),
            (
                "eu-west-101",
                "https://bss.myhuaweicloud.eu",
                "HUAWEICLOUD_SDK_REGION_BSSINTL_EU_WEST_101",
            ),
        ];
        assert_eq!(cases.len(), Region::ALL.len());
        for (id, endpoint, var) in cases {
            let region: Region = id.parse().unwrap();
            assert_eq!((region.id(), region.to_string()), (id, id.to_string()));
            let unset = Environment::new(|_| None);
            assert_eq!(region.resolve_endpoint(&unset).unwrap(), endpoint);
            // Only this region's variable counts; others' are ignored.
            let env = Environment::new(|name| {
                name.starts_with("HUAWEICLOUD_SDK_REGION_BSS")
                    .then(|| format!("https://{name}.test "))
            });
            assert_eq!(
                region.resolve_endpoint(&env).unwrap(),
                format!("https://{var}.test")
            );
            let empty = Environment::new(|name| (name == var).then(String::new));
            assert_eq!(region.resolve_endpoint(&empty).unwrap(), endpoint);
        }
    }

    #[test]
    fn an_endpoint_list_and_an_unknown_region_are_refused_by_name() {
        let env = Environment::new(|_| Some("https://a.test,https://b.test".to_string()));
        let error = Region::CnNorth1.resolve_endpoint(&env).unwrap_err();
        assert_eq!(
            error.to_string(),
            "endpoint \"https://a.test,https://b.test\" is invalid: \
             HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1 lists several endpoints; this client takes \
             exactly one"
        );
        let error = "cn-north-4".parse::<Region>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "region \"cn-north-4\" has no BSS endpoint; known regions: cn-north-1, \
             ap-southeast-1, eu-west-101"
        );
    }

    #[test]
    fn endpoint_env_vars_follow_the_official_naming() {
        assert_eq!(
            Region::ApSoutheast1.endpoint_env_var(),
            "HUAWEICLOUD_SDK_REGION_BSSINTL_AP_SOUTHEAST_1"
        );
        assert_eq!(
            Region::EuWest101.endpoint_env_var(),
            "HUAWEICLOUD_SDK_REGION_BSSINTL_EU_WEST_101"
        );
    }
}

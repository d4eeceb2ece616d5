//! Where requests go and what may go wrong configuring that, following the official SDKs'
//! conventions (regions, endpoint overrides and credentials from the environment).

use std::net::IpAddr;

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

    /// The environment variable that overrides this region's endpoint, as in the official
    /// SDKs: `HUAWEICLOUD_SDK_REGION_BSS_` + the region id upper-cased with `-` → `_`.
    ///
    /// ```
    /// assert_eq!(
    ///     huaweicloud_bss::Region::CnNorth1.endpoint_env_var(),
    ///     "HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1"
    /// );
    /// ```
    pub fn endpoint_env_var(self) -> String {
        format!(
            "HUAWEICLOUD_SDK_REGION_BSS_{}",
            self.id().to_ascii_uppercase().replace('-', "_")
        )
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
    fn endpoint_env_vars_follow_the_official_naming() {
        assert_eq!(
            Region::ApSoutheast1.endpoint_env_var(),
            "HUAWEICLOUD_SDK_REGION_BSS_AP_SOUTHEAST_1"
        );
        assert_eq!(
            Region::EuWest101.endpoint_env_var(),
            "HUAWEICLOUD_SDK_REGION_BSS_EU_WEST_101"
        );
    }
}

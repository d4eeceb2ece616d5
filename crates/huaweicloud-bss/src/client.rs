//! `Client` and its builder.

use std::sync::Arc;
use std::time::Duration;

use huaweicloud_bss_runtime::Request;
use secrecy::SecretString;

use crate::call::{self, Auth, Clock, Context};
use crate::config::{ConfigError, Region, parse_endpoint};
use crate::credentials::{CredentialsChain, Environment};
use crate::{Credentials, Error, Response, RetryPolicy, tls};

/// The BSS client: every operation of the spec is a method returning its call builder
/// (`client.list_sub_customers()`), each request checked against its documented rules, then
/// signed over the exact bytes sent.
///
/// Cheap to clone; clones share one connection pool. Build one per process and share it.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    context: Context,
    endpoint: String,
    /// The endpoint, parsed.
    base_url: reqwest::Url,
    /// The endpoint's path without its trailing `/` (empty for most endpoints).
    base_path: String,
}

impl Client {
    /// A builder with the defaults of [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured as the official SDKs configure themselves: credentials from
    /// `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK` (with the optional
    /// `HUAWEICLOUD_SDK_DOMAIN_ID` and `HUAWEICLOUD_SDK_SECURITY_TOKEN`), else from the
    /// `[global]` section of `~/.huaweicloud/credentials` (or the file
    /// `HUAWEICLOUD_SDK_CREDENTIALS_FILE` names); the China-site endpoint unless
    /// `HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1` overrides it. For another region, or to set
    /// more, use [`ClientBuilder::build_from_env`].
    pub fn from_env() -> Result<Self, ConfigError> {
        Client::builder().build_from_env()
    }

    /// [`Client::from_env`] reading variables through `lookup` (for tests, or other sources).
    /// The home directory is `lookup("HOME")`'s (`USERPROFILE` on Windows), so a lookup
    /// without it reads no profile file.
    ///
    /// ```
    /// let env = |name: &str| match name {
    ///     "HUAWEICLOUD_SDK_AK" => Some("AK".to_string()),
    ///     "HUAWEICLOUD_SDK_SK" => Some("SK".to_string()),
    ///     "HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1" => Some("http://127.0.0.1:8080".to_string()),
    ///     _ => None,
    /// };
    /// let client = huaweicloud_bss::Client::from_env_with(env)?;
    /// assert_eq!(client.endpoint(), "http://127.0.0.1:8080");
    /// # Ok::<(), huaweicloud_bss::ConfigError>(())
    /// ```
    pub fn from_env_with(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        Client::builder().build_with(&Environment::new(lookup))
    }

    /// The endpoint requests go to, e.g. `https://bss.myhuaweicloud.com`.
    pub fn endpoint(&self) -> &str {
        &self.inner.endpoint
    }

    /// Checks, signs and sends `request`, then decodes the answer: the one call path of every
    /// operation.
    pub(crate) async fn send<R: Request>(&self, request: R) -> Result<Response<R::Output>, Error> {
        let operation = R::OPERATION;
        let encoded = request.encode()?;
        let unsigned = self.unsigned(operation, encoded)?;
        let mut http_request = unsigned.request();
        call::prepare(&self.inner.context, &mut http_request, operation.id)
            .map_err(|error| Error::Prepare(error.to_string()))?;
        let (outcome, attempts) = call::execute(
            &self.inner.http,
            &self.inner.context,
            &unsigned,
            http_request,
            operation,
        )
        .await;
        let answer = match outcome {
            Ok(answer) => answer,
            Err(failure) => return Err(crate::failure::from_call_failure(&failure)),
        };
        if !(200..300).contains(&answer.status) {
            return Err(Error::Api(Box::new(crate::error_body::decode(
                &answer,
                attempts,
                operation.read_only,
            ))));
        }
        // A 204 (or an empty 200) carries no body: decoded as JSON `null`, which is `()`.
        let body: &[u8] = if answer.body.is_empty() {
            b"null"
        } else {
            &answer.body
        };
        match serde_json::from_slice(body) {
            Ok(inner) => Ok(Response::new(inner, answer.status, answer.headers)),
            Err(error) => Err(crate::failure::invalid_success_body(
                operation.id,
                &answer,
                attempts,
                &error,
            )),
        }
    }

    /// The HTTP request of a checked request, before authentication: method, URL with the
    /// query, JSON body.
    fn unsigned(
        &self,
        operation: &huaweicloud_bss_runtime::Operation,
        encoded: huaweicloud_bss_runtime::Encoded,
    ) -> Result<call::Unsigned, Error> {
        // The endpoint was parsed once, when the client was built; only the path is parsed
        // here (a full parse per call cost about 1 µs, host validation included).
        let mut url = self.inner.base_url.clone();
        if self.inner.base_path.is_empty() {
            url.set_path(operation.path);
        } else {
            url.set_path(&format!("{}{}", self.inner.base_path, operation.path));
        }
        if !encoded.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&encoded.query);
        }
        let method = reqwest::Method::from_bytes(operation.method.as_bytes())
            .map_err(|error| Error::Prepare(format!("{}: {error}", operation.id)))?;
        Ok(call::Unsigned {
            method,
            url,
            body: encoded.body.map(bytes::Bytes::from),
        })
    }
}

/// Configures a [`Client`].
///
/// Defaults: region `cn-north-1` (`https://bss.myhuaweicloud.com`), connect timeout 60 s and
/// whole-call timeout 120 s (the official SDKs' connect and read timeouts), the default
/// [`RetryPolicy`] (3 attempts, only what cannot act twice), at most 64 calls in flight,
/// redirects not followed, TLS verified.
///
/// ```
/// use std::time::Duration;
/// use huaweicloud_bss::{Client, Credentials, Region};
///
/// let client = Client::builder()
///     .region(Region::ApSoutheast1)
///     .credentials(Credentials::new("AK", "SK"))
///     .domain_id("0123456789abcdef0123456789abcdef")
///     .timeout(Duration::from_secs(30))
///     .build()?;
/// assert_eq!(client.endpoint(), "https://bss-intl.myhuaweicloud.com");
/// # Ok::<(), huaweicloud_bss::ConfigError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    region: Region,
    endpoint: Option<String>,
    auth: Option<Auth>,
    domain_id: Option<String>,
    connect_timeout: Duration,
    timeout: Duration,
    retry: RetryPolicy,
    max_in_flight: usize,
    user_agent: String,
    allow_insecure_http: bool,
    clock: Clock,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            region: Region::default(),
            endpoint: None,
            auth: None,
            domain_id: None,
            connect_timeout: Self::DEFAULT_CONNECT_TIMEOUT,
            timeout: Self::DEFAULT_TIMEOUT,
            retry: RetryPolicy::default(),
            max_in_flight: Self::DEFAULT_MAX_IN_FLIGHT,
            user_agent: concat!("huaweicloud-bss-rust/", env!("CARGO_PKG_VERSION")).to_string(),
            allow_insecure_http: false,
            clock: Clock::System,
        }
    }
}

impl ClientBuilder {
    /// Default connect timeout (the official SDKs' value).
    pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(60);
    /// Default timeout of a whole call, connect to last body byte (the official read timeout).
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);
    /// Default limit of calls on the wire at once, and so of connections opened.
    pub const DEFAULT_MAX_IN_FLIGHT: usize = 64;

    /// Uses `region`'s documented endpoint (unless [`endpoint`](Self::endpoint) is set).
    pub fn region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }

    /// Sends requests to `endpoint` (scheme, host, optional port) instead of the region's.
    /// Plain `http` is accepted only for loopback hosts unless
    /// [`allow_insecure_http`](Self::allow_insecure_http) is set.
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// Signs every request with these AK/SK credentials (SDK-HMAC-SHA256).
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.auth = Some(Auth::AkSk(credentials));
        self
    }

    /// Authenticates with an IAM token in `X-Auth-Token` instead of signing.
    pub fn auth_token(mut self, token: impl Into<SecretString>) -> Self {
        self.auth = Some(Auth::Token(token.into()));
        self
    }

    /// The partner's account id, sent as `X-Domain-Id`.
    pub fn domain_id(mut self, domain_id: impl Into<String>) -> Self {
        self.domain_id = Some(domain_id.into());
        self
    }

    /// Limits the time to establish a connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Limits the time of a whole call, from connecting to the last byte of the answer, every
    /// retry and wait between attempts included. A read that runs out of time is
    /// [`Error::Timeout`](crate::Error::Timeout); a write is
    /// [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Retries failed attempts as `policy` allows ([`RetryPolicy::none`] turns retries off).
    /// Whatever the policy, a write whose request may have reached the server is never sent
    /// again.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Lets at most `calls` calls be on the wire at once; more wait for a slot. Each call in
    /// flight holds one connection, so this also bounds the connections (and file
    /// descriptors) a busy process uses; idle connections are reused.
    pub fn max_in_flight(mut self, calls: usize) -> Self {
        self.max_in_flight = calls;
        self
    }

    /// Replaces the `User-Agent` header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Accepts a plain-`http` endpoint on a non-loopback host. Requests and their signatures
    /// then cross the network unencrypted: only for test networks.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Takes `X-Sdk-Date` from `clock`: [`Clock::Fixed`] makes signatures reproducible.
    pub fn clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// [`build_with`](Self::build_with) the real environment and home directory.
    pub fn build_from_env(self) -> Result<Client, ConfigError> {
        self.build_with(&Environment::system())
    }

    /// Builds the client, taking what was not set on this builder from `env` as the official
    /// SDKs do: credentials (and with them the account id) from the
    /// [`CredentialsChain::standard`] (environment variables, then the profile file), and the
    /// endpoint from the region's override variable ([`Region::endpoint_override`]).
    /// Credentials, an account id or an endpoint set on the builder always win.
    ///
    /// ```
    /// use huaweicloud_bss::{Client, Environment, Region};
    ///
    /// let env = Environment::new(|name| match name {
    ///     "HOME" => Some("/home/partner".to_string()),
    ///     "HUAWEICLOUD_SDK_REGION_BSSINTL_AP_SOUTHEAST_1" => Some("https://bss.example".to_string()),
    ///     _ => None,
    /// })
    /// .with_file_reader(|_path| Ok("[global]\nak = AK\nsk = SK\ndomain_id = d1\n".to_string()));
    /// let client = Client::builder().region(Region::ApSoutheast1).build_with(&env)?;
    /// assert_eq!(client.endpoint(), "https://bss.example");
    /// # Ok::<(), huaweicloud_bss::ConfigError>(())
    /// ```
    pub fn build_with(mut self, env: &Environment<'_>) -> Result<Client, ConfigError> {
        if self.auth.is_none() {
            let found = CredentialsChain::standard().resolve(env)?;
            self.auth = Some(Auth::AkSk(found.credentials));
            self.domain_id = self.domain_id.or(found.domain_id);
        }
        if self.endpoint.is_none() {
            self.endpoint = self.region.endpoint_override(env)?;
        }
        self.build()
    }

    /// Builds the client; fails before any network I/O if the configuration is unusable.
    pub fn build(self) -> Result<Client, ConfigError> {
        let endpoint = self.endpoint.as_deref().unwrap_or(self.region.endpoint());
        let url = parse_endpoint(endpoint, self.allow_insecure_http)?;
        let auth = self.auth.ok_or(ConfigError::MissingCredentials)?;
        let mut context = Context::new(auth)
            .with_clock(self.clock)
            .with_retry_policy(self.retry)
            .with_call_timeout(self.timeout)
            .with_max_in_flight(self.max_in_flight);
        if let Some(domain_id) = self.domain_id {
            context = context.with_domain_id(domain_id);
        }
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls::client_config()?)
            // The whole-call timeout is enforced by the runtime around all attempts.
            .connect_timeout(self.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(self.user_agent)
            .build()
            .map_err(ConfigError::Http)?;
        let endpoint = url.as_str().trim_end_matches('/').to_string();
        let base_path = url.path().trim_end_matches('/').to_string();
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                context,
                endpoint,
                base_url: url,
                base_path,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use huaweicloud_bss_runtime::Request;

    use super::*;

    fn client(endpoint: &str) -> Client {
        Client::builder()
            .endpoint(endpoint)
            .credentials(Credentials::new("AK", "SK"))
            .build()
            .expect("valid configuration")
    }

    fn url_of<R: Request>(client: &Client, request: R) -> String {
        let encoded = request.encode().expect("a valid request");
        let unsigned = client.unsigned(R::OPERATION, encoded).expect("a URL");
        unsigned.url.to_string()
    }

    #[test]
    fn urls_join_the_endpoint_its_path_prefix_and_the_query() {
        let request = || {
            huaweicloud_bss_api::requests::ListSubCustomerCoupons::new()
                .offset(0)
                .limit(10)
        };
        assert_eq!(
            url_of(&client("http://127.0.0.1:8080"), request()),
            "http://127.0.0.1:8080/v2/promotions/benefits/coupons?offset=0&limit=10"
        );
        assert_eq!(
            url_of(&client("http://127.0.0.1:8080/gateway/"), request()),
            "http://127.0.0.1:8080/gateway/v2/promotions/benefits/coupons?offset=0&limit=10"
        );
    }
}

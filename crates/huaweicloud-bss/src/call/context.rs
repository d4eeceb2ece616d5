//! What the hooks need to know about the caller: how to authenticate, which account.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use huaweicloud_signer::{Credentials, SignError, SigningTime};
use secrecy::SecretString;
use tokio::sync::Semaphore;

use crate::RetryPolicy;

/// How requests authenticate.
#[derive(Clone)]
pub(crate) enum Auth {
    /// Sign every request with SDK-HMAC-SHA256 (permanent or temporary AK/SK).
    AkSk(Credentials),
    /// Send an IAM token in `X-Auth-Token` instead of signing.
    Token(SecretString),
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::AkSk(credentials) => f.debug_tuple("AkSk").field(credentials).finish(),
            Auth::Token(_) => f.write_str("Token([REDACTED])"),
        }
    }
}

/// Where signing time comes from.
#[derive(Debug, Clone, Default)]
pub enum Clock {
    /// The system clock (always, outside tests).
    #[default]
    System,
    /// A fixed `X-Sdk-Date`, so signatures are reproducible in tests and snapshots.
    Fixed(SigningTime),
}

impl Clock {
    pub(crate) fn now(&self) -> Result<SigningTime, SignError> {
        match self {
            Clock::System => SigningTime::now(),
            Clock::Fixed(time) => Ok(time.clone()),
        }
    }
}

/// The generated client's inner value: authentication, account, retry, timeout, concurrency
/// and response-capture settings. Clones share one in-flight limit.
///
#[derive(Debug, Clone)]
pub(crate) struct Context {
    pub(crate) auth: Auth,
    pub(crate) domain_id: Option<String>,
    pub(crate) clock: Clock,
    pub(crate) max_error_body: usize,
    pub(crate) retry: RetryPolicy,
    pub(crate) call_timeout: Option<Duration>,
    pub(crate) in_flight: Option<Arc<Semaphore>>,
}

impl Context {
    /// The most bytes of an error body kept by default (64 KiB): error bodies of this API are
    /// small JSON objects; anything larger is a proxy page, kept only as a snippet.
    pub const DEFAULT_MAX_ERROR_BODY: usize = 64 * 1024;

    /// A context that authenticates with `auth`, sends no `X-Domain-Id`, retries with the
    /// default [`RetryPolicy`], and sets no call timeout or in-flight limit.
    pub fn new(auth: Auth) -> Self {
        Self {
            auth,
            domain_id: None,
            clock: Clock::System,
            max_error_body: Self::DEFAULT_MAX_ERROR_BODY,
            retry: RetryPolicy::default(),
            call_timeout: None,
            in_flight: None,
        }
    }

    /// Retries failed attempts as `policy` allows.
    pub fn with_retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Bounds a whole call, every attempt and wait between attempts included.
    pub fn with_call_timeout(mut self, timeout: Duration) -> Self {
        self.call_timeout = Some(timeout);
        self
    }

    /// Lets at most `calls` calls be on the wire at once; further calls wait for a slot. This
    /// bounds the connections a busy process opens (each call in flight holds one).
    pub fn with_max_in_flight(mut self, calls: usize) -> Self {
        self.in_flight = Some(Arc::new(Semaphore::new(calls.max(1))));
        self
    }

    /// Sends `X-Domain-Id` (the partner's account id), as the official SDKs do for global
    /// services such as BSS when the account id is known.
    pub fn with_domain_id(mut self, domain_id: impl Into<String>) -> Self {
        self.domain_id = Some(domain_id.into());
        self
    }

    /// Uses `clock` for `X-Sdk-Date`.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }
}

//! When a failed attempt is sent again, and how long to wait first.
//!
//! The rule: an attempt is repeated only when repeating it cannot do anything twice. That is
//! when the request provably never reached the server (connecting failed), when the answer
//! says the request was turned away before being processed (throttling), or when the operation
//! only reads. A create, adjust, reclaim or issue operation whose bytes may have reached the
//! server is never sent again.

use std::time::Duration;

/// Error codes that mean "throttled, not processed": the gateway's flow control and the BSS
/// per-IP limit.
const THROTTLING_CODES: &[&str] = &["APIGW.0308", "APIG.0308", "CBC.99007197"];

/// How failed attempts are retried. The whole call, retries and waits included, stays within
/// the client's call timeout.
///
/// ```
/// use std::time::Duration;
/// use huaweicloud_bss::RetryPolicy;
///
/// let policy = RetryPolicy::default().with_max_attempts(5).with_backoff(
///     Duration::from_millis(50),
///     Duration::from_secs(2),
/// );
/// assert_eq!(policy.max_attempts(), 5);
/// assert_eq!(RetryPolicy::none().max_attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// Three attempts, backoff from 200 ms doubling up to 5 s, with full jitter.
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
        }
    }
}

impl RetryPolicy {
    /// Never retries: every call is exactly one attempt.
    pub fn none() -> Self {
        Self::default().with_max_attempts(1)
    }

    /// Makes at most `attempts` attempts per call (at least one).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Waits a random time up to `initial` before the first retry, doubling the ceiling for
    /// each further retry, never beyond `max` ("full jitter", so that many clients throttled
    /// together do not come back together).
    pub fn with_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// The most attempts per call.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before attempt `next_attempt` (2 for the first retry): the server's
    /// `Retry-After` when it gave one, otherwise a jittered exponential backoff.
    pub(crate) fn delay(&self, next_attempt: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait;
        }
        let doublings = next_attempt.saturating_sub(2).min(16);
        let ceiling = self
            .initial_backoff
            .saturating_mul(1 << doublings)
            .min(self.max_backoff);
        ceiling.mul_f64(fastrand::f64())
    }
}

/// What one attempt ended with, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attempt<'a> {
    /// No connection was made: the request never left.
    NotSent,
    /// The connection was lost or timed out once the request may have been (partly) sent.
    MaybeSent,
    /// The server answered with a non-2xx status (and perhaps an error code).
    Answered {
        status: u16,
        error_code: Option<&'a str>,
    },
}

/// Whether an attempt that ended as `attempt` may be repeated for an operation that
/// `read_only` or not.
pub(crate) fn is_retryable(attempt: Attempt<'_>, read_only: bool) -> bool {
    match attempt {
        Attempt::NotSent => true,
        Attempt::MaybeSent => read_only,
        Attempt::Answered { status, error_code } => {
            let throttled =
                status == 429 || error_code.is_some_and(|code| THROTTLING_CODES.contains(&code));
            throttled || (read_only && (500..=599).contains(&status))
        }
    }
}

/// Reads `Retry-After`: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
pub(crate) fn parse_retry_after(value: &str, now: std::time::SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_attempts_that_cannot_act_twice_are_repeated() {
        use Attempt::*;
        let answered = |status, error_code| Answered { status, error_code };
        // (attempt, read_only, retried)
        let table = [
            (NotSent, false, true),
            (NotSent, true, true),
            (MaybeSent, false, false),
            (MaybeSent, true, true),
            (answered(429, None), false, true),
            (answered(429, Some("APIGW.0308")), false, true),
            (answered(400, Some("CBC.99007197")), false, true),
            (answered(500, Some("APIG.0308")), false, true),
            (answered(500, None), false, false),
            (answered(502, None), true, true),
            (answered(503, Some("CBC.0999")), true, true),
            (answered(500, Some("CBC.99000050")), false, false),
            (answered(400, Some("CBC.0100")), true, false),
            (answered(401, Some("APIGW.0301")), true, false),
            (answered(404, None), true, false),
        ];
        for (attempt, read_only, retried) in table {
            assert_eq!(
                is_retryable(attempt, read_only),
                retried,
                "{attempt:?}, read_only={read_only}"
            );
        }
    }

    #[test]
    fn backoff_is_jittered_below_a_doubling_capped_ceiling() {
        let policy = RetryPolicy::default()
            .with_backoff(Duration::from_millis(100), Duration::from_millis(350));
        for _ in 0..200 {
            assert!(policy.delay(2, None) <= Duration::from_millis(100));
            assert!(policy.delay(3, None) <= Duration::from_millis(200));
            assert!(policy.delay(4, None) <= Duration::from_millis(350));
            assert!(policy.delay(40, None) <= Duration::from_millis(350));
        }
        let spread: std::collections::HashSet<_> = (0..50).map(|_| policy.delay(3, None)).collect();
        assert!(spread.len() > 1, "the backoff is not jittered");
    }

    #[test]
    fn retry_after_wins_over_backoff() {
        let policy = RetryPolicy::default();
        assert_eq!(
            policy.delay(2, Some(Duration::from_secs(7))),
            Duration::from_secs(7)
        );
    }

    #[test]
    fn retry_after_takes_seconds_or_an_http_date() {
        let now = std::time::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(parse_retry_after(" 3 ", now), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
    }

    #[test]
    fn at_least_one_attempt() {
        assert_eq!(
            RetryPolicy::default().with_max_attempts(0).max_attempts(),
            1
        );
    }
}

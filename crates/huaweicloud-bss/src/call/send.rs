//! The one call path: sign → send with retries, the whole-call timeout and the in-flight
//! limit → the answer's body read once (in full for a success, bounded for an error), or why
//! no usable answer arrived.

use bytes::{Bytes, BytesMut};
use huaweicloud_bss_runtime::Operation;
use huaweicloud_signer::{SignError, header, sign_reqwest_request};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use tracing::Instrument;

use super::retry::{Attempt, is_retryable};
use super::{Auth, Context};

/// Header carrying an IAM token when the client does not sign.
pub(crate) const X_AUTH_TOKEN: &str = "x-auth-token";

/// Why a request could not be prepared; it was not sent.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PrepareError {
    /// The request could not be signed.
    #[error("signing {operation} failed: {source}")]
    Sign {
        /// The operation being prepared.
        operation: &'static str,
        /// Why signing failed.
        source: SignError,
    },
    /// A configured header value is not a valid HTTP header value.
    #[error("{operation}: the configured {header} is not a valid header value")]
    InvalidHeader {
        /// The operation being prepared.
        operation: &'static str,
        /// The header that could not be set.
        header: &'static str,
    },
}

/// Completes a request: the official SDK's header set, then authentication over the exact
/// bytes that will be sent. Nothing may change it afterwards.
pub(crate) fn prepare(
    context: &Context,
    request: &mut reqwest::Request,
    operation: &'static str,
) -> Result<(), PrepareError> {
    let headers = request.headers_mut();
    // The official SDKs send (and sign) a JSON content type on every request, GET included.
    headers
        .entry(CONTENT_TYPE)
        .or_insert(HeaderValue::from_static("application/json"));
    if let Some(domain_id) = &context.domain_id {
        let value = HeaderValue::from_str(domain_id).map_err(|_| PrepareError::InvalidHeader {
            operation,
            header: header::X_DOMAIN_ID,
        })?;
        headers.insert(HeaderName::from_static("x-domain-id"), value);
    }
    match &context.auth {
        Auth::AkSk(credentials) => {
            let time = context
                .clock
                .now()
                .map_err(|source| PrepareError::Sign { operation, source })?;
            sign_reqwest_request(request, credentials, time)
                .map_err(|source| PrepareError::Sign { operation, source })?;
        }
        Auth::Token(token) => {
            use secrecy::ExposeSecret;
            let mut value = HeaderValue::from_str(token.expose_secret()).map_err(|_| {
                PrepareError::InvalidHeader {
                    operation,
                    header: "X-Auth-Token",
                }
            })?;
            value.set_sensitive(true);
            request
                .headers_mut()
                .insert(HeaderName::from_static(X_AUTH_TOKEN), value);
        }
    }
    Ok(())
}

/// A checked request before authentication: what every attempt is built from, so a retry is
/// signed afresh and a write whose outcome is unknown is read back for its reconcile keys.
#[derive(Debug)]
pub(crate) struct Unsigned {
    pub method: reqwest::Method,
    pub url: reqwest::Url,
    pub body: Option<Bytes>,
}

impl Unsigned {
    /// The request as it goes out before [`prepare`] completes it.
    pub(crate) fn request(&self) -> reqwest::Request {
        let mut request = reqwest::Request::new(self.method.clone(), self.url.clone());
        // Room for every header the call sets and the signer adds, so none of them regrows
        // the map (Accept, Content-Type, X-Domain-Id, X-Sdk-Date, Authorization; Host and
        // User-Agent are added by the HTTP stack).
        let mut headers = HeaderMap::with_capacity(8);
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        *request.headers_mut() = headers;
        *request.body_mut() = self.body.clone().map(reqwest::Body::from);
        request
    }
}

/// An answer whose body has been read: in full for a success, at most `max_error_body` bytes
/// for an error (`truncated` says the rest was dropped).
#[derive(Debug)]
pub(crate) struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub truncated: bool,
}

impl Answer {
    pub(crate) fn request_id(&self) -> Option<&str> {
        request_id(&self.headers)
    }
}

/// Sends `request` (`unsigned`, prepared), retrying what [`RetryPolicy`](crate::RetryPolicy)
/// allows with `unsigned` signed again, within the context's call timeout, and holding one of
/// the context's in-flight permits. Gives the answer, or why no usable answer arrived, and the
/// attempts made.
pub(crate) async fn execute(
    client: &reqwest::Client,
    context: &Context,
    unsigned: &Unsigned,
    request: reqwest::Request,
    operation: &'static Operation,
) -> (Result<Answer, Box<CallFailure>>, u32) {
    // One span per call; bodies only at TRACE, with the spec's secret fields redacted.
    let span = tracing::info_span!(
        "bss.call",
        operation = operation.id,
        method = %request.method(),
        attempts = tracing::field::Empty,
        status = tracing::field::Empty,
        request_id = tracing::field::Empty,
        duration_ms = tracing::field::Empty,
    );
    let started = std::time::Instant::now();
    let (outcome, attempts) = call_with_retries(client, context, unsigned, request, operation)
        .instrument(span.clone())
        .await;
    span.record("attempts", attempts);
    span.record("duration_ms", started.elapsed().as_millis() as u64);
    match &outcome {
        Err(failure) => {
            if let Some(id) = &failure.request_id {
                span.record("request_id", id.as_str());
            }
            span.in_scope(|| {
                tracing::info!(
                    kind = ?failure.kind,
                    delivery = ?failure.delivery,
                    cause = %failure.cause,
                    "BSS call failed without a usable answer"
                )
            });
        }
        Ok(answer) => {
            span.record("status", answer.status);
            if let Some(id) = answer.request_id() {
                span.record("request_id", id);
            }
            span.in_scope(|| tracing::info!(status = answer.status, "BSS call answered"));
        }
    }
    (outcome, attempts)
}

/// Runs attempts until one may not be repeated; returns its response and the attempt count.
async fn call_with_retries(
    client: &reqwest::Client,
    context: &Context,
    unsigned: &Unsigned,
    request: reqwest::Request,
    operation: &'static Operation,
) -> (Result<Answer, Box<CallFailure>>, u32) {
    let _permit = match &context.in_flight {
        // The semaphore is never closed, so acquiring only waits.
        Some(limit) => limit.acquire().await.ok(),
        None => None,
    };
    let deadline = context
        .call_timeout
        .map(|timeout| tokio::time::Instant::now() + timeout);
    if tracing::enabled!(tracing::Level::TRACE)
        && let Some(body) = &unsigned.body
    {
        let body = super::redact::for_log(body, operation.secret_fields);
        tracing::trace!(%body, "request body");
    }
    let policy = &context.retry;
    let sent_body = unsigned.body.as_deref();
    let mut next = Some(request);
    let mut attempts = 0;
    loop {
        attempts += 1;
        let request = next
            .take()
            .expect("a request is prepared before each attempt");
        let outcome = attempt(client, context, request, deadline).await;
        let retryable = match &outcome {
            Outcome::Answered(answer) if (200..300).contains(&answer.status) => false,
            Outcome::Answered(answer) => is_retryable(
                Attempt::Answered {
                    status: answer.status,
                    error_code: error_code(answer).as_deref(),
                },
                operation.read_only,
            ),
            Outcome::Failed(failure) => match failure.kind {
                FailureKind::Connect => is_retryable(Attempt::NotSent, operation.read_only),
                FailureKind::ConnectionLost => {
                    is_retryable(Attempt::MaybeSent, operation.read_only)
                }
                // The deadline is spent, and a broken success body is not worth repeating.
                FailureKind::Timeout | FailureKind::InvalidSuccessBody { .. } => false,
            },
        };
        let retry = retryable && attempts < policy.max_attempts();
        let wait = retry
            .then(|| retry_plan(&outcome, context, attempts, deadline))
            .flatten();
        let Some(wait) = wait else {
            return (outcome.finish(operation, attempts, sent_body), attempts);
        };
        tracing::info!(
            attempt = attempts,
            reason = %outcome.describe(),
            delay_ms = wait.as_millis() as u64,
            "BSS call retried"
        );
        tokio::time::sleep(wait).await;
        // Signed after the wait, so X-Sdk-Date is the time the attempt is really made.
        let Some(request) = resign(context, unsigned, operation.id) else {
            return (outcome.finish(operation, attempts, sent_body), attempts);
        };
        next = Some(request);
    }
}

/// The wait before the next attempt, or `None` when it could not start before the deadline.
fn retry_plan(
    outcome: &Outcome,
    context: &Context,
    attempts: u32,
    deadline: Option<tokio::time::Instant>,
) -> Option<std::time::Duration> {
    let retry_after = match outcome {
        Outcome::Answered(answer) => answer
            .headers
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| super::retry::parse_retry_after(v, std::time::SystemTime::now())),
        Outcome::Failed(_) => None,
    };
    let wait = context.retry.delay(attempts + 1, retry_after);
    match deadline {
        Some(deadline) if tokio::time::Instant::now() + wait >= deadline => None,
        _ => Some(wait),
    }
}

/// The request prepared again, with a fresh `X-Sdk-Date`.
fn resign(
    context: &Context,
    unsigned: &Unsigned,
    operation: &'static str,
) -> Option<reqwest::Request> {
    let mut request = unsigned.request();
    match prepare(context, &mut request, operation) {
        Ok(()) => Some(request),
        Err(error) => {
            tracing::info!(%error, "BSS call not retried: the request could not be signed again");
            None
        }
    }
}

/// How one attempt ended.
enum Outcome {
    /// The server answered; the body has been read (in full for 2xx, bounded otherwise).
    Answered(Answer),
    /// No usable answer.
    Failed(Failure),
}

struct Failure {
    kind: FailureKind,
    delivery: Delivery,
    cause: String,
    request_id: Option<String>,
    body_snippet: Option<String>,
}

impl Outcome {
    fn describe(&self) -> String {
        match self {
            Outcome::Answered(answer) => match error_code(answer) {
                Some(code) => format!("HTTP {} {code}", answer.status),
                None => format!("HTTP {}", answer.status),
            },
            Outcome::Failed(failure) => format!("{:?}: {}", failure.kind, failure.cause),
        }
    }

    fn finish(
        self,
        operation: &'static Operation,
        attempts: u32,
        sent_body: Option<&[u8]>,
    ) -> Result<Answer, Box<CallFailure>> {
        match self {
            Outcome::Answered(answer) => Ok(answer),
            Outcome::Failed(failure) => {
                let reconcile = sent_body
                    .map(|body| reconcile_values(body, operation.reconcile_keys))
                    .unwrap_or_default();
                Err(Box::new(CallFailure {
                    operation: operation.id,
                    kind: failure.kind,
                    delivery: failure.delivery,
                    read_only: operation.read_only,
                    attempts,
                    cause: failure.cause,
                    request_id: failure.request_id,
                    body_snippet: failure.body_snippet,
                    reconcile,
                }))
            }
        }
    }
}

/// One attempt, bounded by the call's deadline.
async fn attempt(
    client: &reqwest::Client,
    context: &Context,
    request: reqwest::Request,
    deadline: Option<tokio::time::Instant>,
) -> Outcome {
    let run = send_and_read(client, context, request);
    let Some(deadline) = deadline else {
        return run.await;
    };
    match tokio::time::timeout_at(deadline, run).await {
        Ok(outcome) => outcome,
        Err(_) => Outcome::Failed(Failure {
            kind: FailureKind::Timeout,
            delivery: Delivery::MaybeSent,
            cause: format!(
                "no complete answer within the call timeout of {:?}",
                context.call_timeout.unwrap_or_default()
            ),
            request_id: None,
            body_snippet: None,
        }),
    }
}

async fn send_and_read(
    client: &reqwest::Client,
    context: &Context,
    request: reqwest::Request,
) -> Outcome {
    let response = match client.execute(request).await {
        Ok(response) => response,
        Err(error) => {
            let (kind, delivery) = if error.is_connect() {
                (FailureKind::Connect, Delivery::NotSent)
            } else if error.is_timeout() {
                (FailureKind::Timeout, Delivery::MaybeSent)
            } else {
                (FailureKind::ConnectionLost, Delivery::MaybeSent)
            };
            return Outcome::Failed(Failure {
                kind,
                delivery,
                cause: error_chain(&error),
                request_id: None,
                body_snippet: None,
            });
        }
    };
    if response.status().is_success() {
        read_success_body(response).await
    } else {
        Outcome::Answered(capture_error_body(response, context.max_error_body).await)
    }
}

/// Reads a 2xx body in full (it is decoded once, by the caller).
async fn read_success_body(mut response: reqwest::Response) -> Outcome {
    let status = response.status().as_u16();
    let headers = std::mem::take(response.headers_mut());
    match response.bytes().await {
        Ok(body) => {
            if tracing::enabled!(tracing::Level::TRACE) {
                let body = super::redact::for_log(&body, &[]);
                tracing::trace!(%body, "response body");
            }
            Outcome::Answered(Answer {
                status,
                headers,
                body,
                truncated: false,
            })
        }
        Err(error) => Outcome::Failed(Failure {
            kind: FailureKind::InvalidSuccessBody { status },
            delivery: Delivery::MaybeSent,
            cause: format!("the body could not be read: {}", error_chain(&error)),
            request_id: request_id(&headers).map(str::to_owned),
            body_snippet: None,
        }),
    }
}

/// Reads at most `limit` bytes of an error answer's body. A body that breaks off is kept as far
/// as it arrived: the status and headers are the answer.
async fn capture_error_body(mut response: reqwest::Response, limit: usize) -> Answer {
    let status = response.status().as_u16();
    let headers = std::mem::take(response.headers_mut());
    let mut kept = BytesMut::new();
    let mut truncated = false;
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let room = limit - kept.len();
                if chunk.len() > room {
                    kept.extend_from_slice(&chunk[..room]);
                    // Stop reading: the rest is dropped with the connection.
                    truncated = true;
                    break;
                }
                kept.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(_) => {
                truncated = true;
                break;
            }
        }
    }
    let body: Bytes = kept.freeze();
    if tracing::enabled!(tracing::Level::TRACE) {
        let body = super::redact::for_log(&body, &[]);
        tracing::trace!(%body, "error body");
    }
    Answer {
        status,
        headers,
        body,
        truncated,
    }
}

/// The values at `keys` (dotted paths) of a JSON request body, as text.
fn reconcile_values(body: &[u8], keys: &[&'static str]) -> Vec<(&'static str, String)> {
    let Ok(root) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Vec::new();
    };
    keys.iter()
        .filter_map(|key| {
            let found = key
                .split('.')
                .try_fold(&root, |value, field| value.get(field))?;
            let text = match found {
                serde_json::Value::String(text) => text.clone(),
                serde_json::Value::Null => return None,
                other => other.to_string(),
            };
            Some((*key, text))
        })
        .collect()
}

/// The `error_code` of an error answer's body, if it is a JSON object with one.
fn error_code(answer: &Answer) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Code {
        error_code: Option<String>,
    }
    serde_json::from_slice::<Code>(&answer.body)
        .ok()?
        .error_code
}

fn request_id(headers: &HeaderMap) -> Option<&str> {
    headers.get("x-request-id").and_then(|v| v.to_str().ok())
}

/// An error and its sources, for people ("error sending request: connection reset by peer").
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconcile_values_follow_dotted_paths_and_skip_absent_fields() {
        let body = br#"{"xaccount_id":"x-1","n":7,"member":{"name":"m"},"gone":null}"#;
        let keys = [
            "xaccount_id",
            "n",
            "member.name",
            "gone",
            "absent",
            "member.absent",
        ];
        assert_eq!(
            reconcile_values(body, &keys),
            [
                ("xaccount_id", "x-1".to_owned()),
                ("n", "7".to_owned()),
                ("member.name", "m".to_owned())
            ]
        );
        assert!(reconcile_values(b"not json", &keys).is_empty());
    }

    #[test]
    fn error_chains_name_every_distinct_cause() {
        let inner = std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "connection reset by peer",
        );
        #[derive(Debug, thiserror::Error)]
        #[error("error sending request")]
        struct Outer(#[source] std::io::Error);
        assert_eq!(
            error_chain(&Outer(inner)),
            "error sending request: connection reset by peer"
        );
    }
}

/// Whether the last attempt's request may have reached the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delivery {
    /// No connection was established: the server never saw the request.
    NotSent,
    /// The request may have been (partly) sent: the server may have acted on it.
    MaybeSent,
}

/// Why a call ended without a usable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FailureKind {
    /// No connection could be made (DNS, refused, TLS handshake, connect timeout).
    Connect,
    /// The call's deadline passed.
    Timeout,
    /// The connection broke before a complete answer arrived.
    ConnectionLost,
    /// A 2xx answer whose body could not be read. The status says the operation took effect.
    InvalidSuccessBody { status: u16 },
}

/// A call that ended without a usable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CallFailure {
    pub operation: &'static str,
    pub kind: FailureKind,
    pub delivery: Delivery,
    pub read_only: bool,
    pub attempts: u32,
    pub cause: String,
    pub request_id: Option<String>,
    pub body_snippet: Option<String>,
    /// The values of the operation's reconcile keys in the request that was sent.
    pub reconcile: Vec<(&'static str, String)>,
}

impl CallFailure {
    /// The server may have acted on a request that changes something, and no answer says
    /// whether it did.
    pub(crate) fn outcome_unknown(&self) -> bool {
        !self.read_only
            && self.delivery == Delivery::MaybeSent
            && !matches!(self.kind, FailureKind::InvalidSuccessBody { .. })
    }
}

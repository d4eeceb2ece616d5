//! What the generated client runs around every request (called from its `ClientHooks` impl).

use bytes::{Bytes, BytesMut};
use huaweicloud_signer::{SignError, header, sign_reqwest_request};

use crate::call::{Attempts, CallFailure, Delivery, FailureKind, OperationMeta};
use crate::retry::{Attempt, is_retryable};
use reqwest::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use tracing::Instrument;

use crate::{Auth, CapturedErrorBody, Context};

/// Header carrying an IAM token when the client does not sign.
pub const X_AUTH_TOKEN: &str = "x-auth-token";

/// Progenitor announces the spec version on every request; the official SDKs send no such
/// header, and the server has no use for it.
const PROGENITOR_API_VERSION: &str = "api-version";

/// Why a request could not be prepared; it was not sent.
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
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

/// Completes a request built by the generated client: the official SDK's header set, then
/// authentication over the exact bytes that will be sent. Nothing may change it afterwards.
pub fn prepare(
    context: &Context,
    request: &mut reqwest::Request,
    operation: &'static str,
) -> Result<(), PrepareError> {
    let headers = request.headers_mut();
    headers.remove(PROGENITOR_API_VERSION);
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

/// Sends a prepared request, retrying what [`RetryPolicy`](crate::RetryPolicy) allows, within
/// the context's call timeout, and holding one of the context's in-flight permits.
///
/// What comes back is always a response:
/// - a 2xx answer, its body read in full and checked against the operation's response type;
/// - a non-2xx answer, its body read (at most `max_error_body` bytes) into a
///   [`CapturedErrorBody`] extension, so the caller's error can be built synchronously;
/// - when no usable answer arrived, a stand-in with status [`CallFailure::STATUS`] carrying the
///   [`CallFailure`] as an extension.
///
/// Every response carries an [`Attempts`] extension.
pub async fn execute(
    client: &reqwest::Client,
    context: &Context,
    request: reqwest::Request,
    operation: &OperationMeta,
) -> reqwest::Result<reqwest::Response> {
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
    let (response, attempts) = call_with_retries(client, context, request, operation)
        .instrument(span.clone())
        .await;
    span.record("attempts", attempts);
    span.record("duration_ms", started.elapsed().as_millis() as u64);
    match response.extensions().get::<CallFailure>() {
        Some(failure) => {
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
        None => {
            span.record("status", response.status().as_u16());
            if let Some(id) = request_id(response.headers()) {
                span.record("request_id", id);
            }
            span.in_scope(|| {
                tracing::info!(status = response.status().as_u16(), "BSS call answered")
            });
        }
    }
    Ok(response)
}

/// Runs attempts until one may not be repeated; returns its response and the attempt count.
async fn call_with_retries(
    client: &reqwest::Client,
    context: &Context,
    request: reqwest::Request,
    operation: &OperationMeta,
) -> (reqwest::Response, u32) {
    let _permit = match &context.in_flight {
        // The semaphore is never closed, so acquiring only waits.
        Some(limit) => limit.acquire().await.ok(),
        None => None,
    };
    let deadline = context
        .call_timeout
        .map(|timeout| tokio::time::Instant::now() + timeout);
    if tracing::enabled!(tracing::Level::TRACE)
        && let Some(body) = request.body().and_then(|b| b.as_bytes())
    {
        let body = crate::redact::for_log(body, operation.secret_fields);
        tracing::trace!(%body, "request body");
    }
    let policy = &context.retry;
    // The first request as sent: re-signed for each retry, and read for the reconcile keys if
    // a write's outcome turns out unknown. Bodies are buffered `Bytes`, so the clone shares them.
    let template = request.try_clone();
    let sent_body = template
        .as_ref()
        .and_then(|t| t.body())
        .and_then(|b| b.as_bytes());
    let mut next = Some(request);
    let mut attempts = 0;
    loop {
        attempts += 1;
        let request = next
            .take()
            .expect("a request is prepared before each attempt");
        let outcome = attempt(client, context, request, operation, deadline).await;
        let retryable = match &outcome {
            Outcome::Answered(response) if response.status().is_success() => false,
            Outcome::Answered(response) => is_retryable(
                Attempt::Answered {
                    status: response.status().as_u16(),
                    error_code: captured_error_code(response).as_deref(),
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
            .flatten()
            .filter(|_| template.is_some());
        let Some(wait) = wait else {
            let response = outcome.into_response(operation, attempts, sent_body);
            return (response, attempts);
        };
        tracing::info!(
            attempt = attempts,
            reason = %outcome.describe(),
            delay_ms = wait.as_millis() as u64,
            "BSS call retried"
        );
        tokio::time::sleep(wait).await;
        // Signed after the wait, so X-Sdk-Date is the time the attempt is really made.
        let resigned = template
            .as_ref()
            .and_then(|t| t.try_clone())
            .and_then(|r| resign(context, r, operation.id));
        let Some(request) = resigned else {
            let response = outcome.into_response(operation, attempts, sent_body);
            return (response, attempts);
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
        Outcome::Answered(response) => response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| crate::retry::parse_retry_after(v, std::time::SystemTime::now())),
        Outcome::Failed(_) => None,
    };
    let wait = context.retry.delay(attempts + 1, retry_after);
    match deadline {
        Some(deadline) if tokio::time::Instant::now() + wait >= deadline => None,
        _ => Some(wait),
    }
}

/// Signs a copy of the first request again, with a fresh `X-Sdk-Date`.
fn resign(
    context: &Context,
    mut request: reqwest::Request,
    operation: &'static str,
) -> Option<reqwest::Request> {
    let headers = request.headers_mut();
    headers.remove(reqwest::header::AUTHORIZATION);
    headers.remove("x-sdk-date");
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
    Answered(reqwest::Response),
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
            Outcome::Answered(response) => match captured_error_code(response) {
                Some(code) => format!("HTTP {} {code}", response.status().as_u16()),
                None => format!("HTTP {}", response.status().as_u16()),
            },
            Outcome::Failed(failure) => format!("{:?}: {}", failure.kind, failure.cause),
        }
    }

    fn into_response(
        self,
        operation: &OperationMeta,
        attempts: u32,
        sent_body: Option<&[u8]>,
    ) -> reqwest::Response {
        let mut response = match self {
            Outcome::Answered(response) => response,
            Outcome::Failed(failure) => {
                let reconcile = sent_body
                    .map(|body| reconcile_values(body, operation.reconcile_keys))
                    .unwrap_or_default();
                stand_in(CallFailure {
                    operation: operation.id,
                    kind: failure.kind,
                    delivery: failure.delivery,
                    read_only: operation.read_only,
                    attempts,
                    cause: failure.cause,
                    request_id: failure.request_id,
                    body_snippet: failure.body_snippet,
                    reconcile,
                })
            }
        };
        response.extensions_mut().insert(Attempts(attempts));
        response
    }
}

/// The response handed back for a call without a usable answer.
fn stand_in(failure: CallFailure) -> reqwest::Response {
    let mut response = http::Response::new(Bytes::new());
    *response.status_mut() =
        http::StatusCode::from_u16(CallFailure::STATUS).expect("599 is a valid status code");
    // Shown by the generated client's own error Display, for callers that do not convert it.
    if let Ok(value) = HeaderValue::from_str(&format!(
        "{} failed without a usable answer ({:?})",
        failure.operation, failure.kind
    )) {
        response
            .headers_mut()
            .insert(HeaderName::from_static("x-bss-client-failure"), value);
    }
    response.extensions_mut().insert(failure);
    reqwest::Response::from(response)
}

/// One attempt, bounded by the call's deadline.
async fn attempt(
    client: &reqwest::Client,
    context: &Context,
    request: reqwest::Request,
    operation: &OperationMeta,
    deadline: Option<tokio::time::Instant>,
) -> Outcome {
    let run = send_and_read(client, context, request, operation);
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
    operation: &OperationMeta,
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
        read_success_body(response, operation).await
    } else {
        Outcome::Answered(capture_error_body(response, context.max_error_body).await)
    }
}

/// Reads a 2xx body in full and checks it decodes; hands back an equivalent response.
async fn read_success_body(mut response: reqwest::Response, operation: &OperationMeta) -> Outcome {
    let status = response.status();
    let version = response.version();
    let url = response.url().clone();
    let headers = std::mem::take(response.headers_mut());
    let invalid = |cause: String, body_snippet: Option<String>| {
        Outcome::Failed(Failure {
            kind: FailureKind::InvalidSuccessBody {
                status: status.as_u16(),
            },
            delivery: Delivery::MaybeSent,
            cause,
            request_id: request_id(&headers).map(str::to_owned),
            body_snippet,
        })
    };
    let bytes = match response.bytes().await {
        Ok(bytes) => bytes,
        Err(error) => {
            return invalid(
                format!("the body could not be read: {}", error_chain(&error)),
                None,
            );
        }
    };
    if tracing::enabled!(tracing::Level::TRACE) {
        let body = crate::redact::for_log(&bytes, &[]);
        tracing::trace!(%body, "response body");
    }
    // A 204, or a 200 with nothing in it, has no body to check.
    if !bytes.is_empty()
        && let Err(error) = (operation.check_success_body)(&bytes)
    {
        return invalid(
            format!("the body does not match the spec: {error}"),
            Some(crate::captured::snippet(&bytes, false)),
        );
    }
    Outcome::Answered(reqwest::Response::from(rebuilt(
        status, version, headers, url, bytes,
    )))
}

/// Reads at most `limit` bytes of an error answer's body into a [`CapturedErrorBody`]. A body
/// that breaks off is kept as far as it arrived: the status and headers are the answer.
async fn capture_error_body(mut response: reqwest::Response, limit: usize) -> reqwest::Response {
    let status = response.status();
    let version = response.version();
    let url = response.url().clone();
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
    let bytes: Bytes = kept.freeze();
    if tracing::enabled!(tracing::Level::TRACE) {
        let body = crate::redact::for_log(&bytes, &[]);
        tracing::trace!(%body, "error body");
    }
    let mut response = rebuilt(status, version, headers, url, bytes.clone());
    response
        .extensions_mut()
        .insert(CapturedErrorBody { bytes, truncated });
    reqwest::Response::from(response)
}

/// A response equivalent to the one received, with its body already read. It carries the
/// request's URL as reqwest's own responses do; without one, reqwest would parse a placeholder
/// URL for every response.
fn rebuilt(
    status: http::StatusCode,
    version: http::Version,
    headers: reqwest::header::HeaderMap,
    url: reqwest::Url,
    body: Bytes,
) -> http::Response<Bytes> {
    use reqwest::ResponseBuilderExt;
    let mut response = http::response::Builder::new()
        .url(url)
        .body(())
        // A builder given only an extension cannot fail.
        .unwrap_or_default()
        .map(|()| body);
    *response.status_mut() = status;
    *response.version_mut() = version;
    *response.headers_mut() = headers;
    response
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

/// The `error_code` of a captured error body, if it is a JSON object with one.
fn captured_error_code(response: &reqwest::Response) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Code {
        error_code: Option<String>,
    }
    let captured = response.extensions().get::<CapturedErrorBody>()?;
    serde_json::from_slice::<Code>(&captured.bytes)
        .ok()?
        .error_code
}

fn request_id(headers: &reqwest::header::HeaderMap) -> Option<&str> {
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
    fn rebuilt_responses_keep_status_headers_url_and_body() {
        let url: reqwest::Url = "https://bss.example.com/v2/partners/sub-customers"
            .parse()
            .unwrap();
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-request-id", HeaderValue::from_static("req-1"));
        let response = reqwest::Response::from(rebuilt(
            http::StatusCode::CREATED,
            http::Version::HTTP_11,
            headers,
            url.clone(),
            Bytes::from_static(b"{}"),
        ));
        assert_eq!(response.status(), http::StatusCode::CREATED);
        assert_eq!(response.url(), &url);
        assert_eq!(request_id(response.headers()), Some("req-1"));
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

//! What the generated client runs around every request (called from its `ClientHooks` impl).

use bytes::{Bytes, BytesMut};
use huaweicloud_signer::{SignError, header, sign_reqwest_request};
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

/// Sends a prepared request. A non-2xx answer's body is read here, at most
/// `max_error_body` bytes, and attached to the response as a [`CapturedErrorBody`], so the
/// caller's error can be built synchronously with status, headers and body.
pub async fn execute(
    client: &reqwest::Client,
    context: &Context,
    request: reqwest::Request,
    operation: &'static str,
) -> reqwest::Result<reqwest::Response> {
    // One span per call; bodies are never recorded here (they may hold secrets).
    let span = tracing::info_span!(
        "bss.call",
        operation,
        method = %request.method(),
        attempts = tracing::field::Empty,
        status = tracing::field::Empty,
        request_id = tracing::field::Empty,
        duration_ms = tracing::field::Empty,
    );
    let started = std::time::Instant::now();
    let outcome = send_once(client, context, request)
        .instrument(span.clone())
        .await;
    span.record("attempts", 1);
    span.record("duration_ms", started.elapsed().as_millis() as u64);
    match &outcome {
        Ok(response) => {
            span.record("status", response.status().as_u16());
            if let Some(id) = response
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
            {
                span.record("request_id", id);
            }
            span.in_scope(|| {
                tracing::info!(status = response.status().as_u16(), "BSS call answered")
            });
        }
        Err(error) => span.in_scope(|| tracing::info!(%error, "BSS call failed without an answer")),
    }
    outcome
}

async fn send_once(
    client: &reqwest::Client,
    context: &Context,
    request: reqwest::Request,
) -> reqwest::Result<reqwest::Response> {
    let response = client.execute(request).await?;
    if response.status().is_success() {
        return Ok(response);
    }
    capture_error_body(response, context.max_error_body).await
}

async fn capture_error_body(
    mut response: reqwest::Response,
    limit: usize,
) -> reqwest::Result<reqwest::Response> {
    let status = response.status();
    let version = response.version();
    let headers = std::mem::take(response.headers_mut());
    let mut kept = BytesMut::new();
    let mut truncated = false;
    while let Some(chunk) = response.chunk().await? {
        let room = limit - kept.len();
        if chunk.len() > room {
            kept.extend_from_slice(&chunk[..room]);
            // Stop reading: the rest is dropped with the connection.
            truncated = true;
            break;
        }
        kept.extend_from_slice(&chunk);
    }
    let bytes: Bytes = kept.freeze();
    let mut rebuilt = http::Response::new(bytes.clone());
    *rebuilt.status_mut() = status;
    *rebuilt.version_mut() = version;
    *rebuilt.headers_mut() = headers;
    rebuilt
        .extensions_mut()
        .insert(CapturedErrorBody { bytes, truncated });
    Ok(reqwest::Response::from(rebuilt))
}

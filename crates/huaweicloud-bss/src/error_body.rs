//! Decoding an error answer (status, headers, captured body) into an [`ApiError`].

use huaweicloud_bss_api::types;
use serde_json::Value;

use crate::call::{Answer, snippet};
use crate::ErrorCode;
use crate::error::{ApiError, ApiErrorKind, CreatedAccount};

pub(crate) fn decode(answer: &Answer, attempts: u32, read_only: bool) -> ApiError {
    let status = answer.status;
    let header_request_id = answer.request_id().map(str::to_string);
    let (bytes, truncated) = (answer.body.as_ref(), answer.truncated);
    let mut error = ApiError {
        status,
        kind: ApiErrorKind::Unrecognized,
        code: None,
        message: None,
        request_id: header_request_id,
        fail_check_items: Vec::new(),
        created_account: None,
        encoded_authorization_message: None,
        body_snippet: snippet(bytes, truncated),
        attempts,
        read_only,
    };
    // A truncated body is not parsed: its end is missing, and the limit is far above any
    // real error object of this API.
    if truncated {
        return error;
    }
    let Ok(value) = serde_json::from_slice::<Value>(bytes) else {
        return error;
    };
    if let Ok(body) = serde_json::from_value::<types::Error>(value.clone())
        && let Some(code) = body.error_code.filter(|c| !c.is_empty())
    {
        error.kind = kind_of(&code);
        error.code = Some(ErrorCode::parse(&code));
        // The gateway's throttling answer spells the message `error_message`.
        error.message = body
            .error_msg
            .or_else(|| value.get("error_message").and_then(as_text));
        error.request_id = error.request_id.or(body.request_id);
        error.fail_check_items = body.fail_check_items;
        error.encoded_authorization_message = body.encoded_authorization_message;
        error.created_account = match (body.domain_id, body.domain_name) {
            (None, None) => None,
            (domain_id, domain_name) => Some(CreatedAccount {
                domain_id,
                domain_name,
            }),
        };
        return error;
    }
    // Shapes other Huawei Cloud services use; kept so a misrouted or proxied answer still
    // yields its code and message.
    let nested = value.get("error").unwrap_or(&Value::Null);
    let pairs = [
        (value.get("errorCode"), value.get("errorMsg")),
        (value.get("code"), value.get("message")),
        (nested.get("code"), nested.get("message")),
    ];
    for (code, message) in pairs {
        if let Some(code) = code.and_then(as_text) {
            error.kind = kind_of(&code);
            error.code = Some(ErrorCode::parse(&code));
            error.message = message.and_then(as_text);
            break;
        }
    }
    error
}

fn kind_of(code: &str) -> ApiErrorKind {
    if code.starts_with("APIGW.") || code.starts_with("APIG.") {
        ApiErrorKind::Gateway
    } else {
        ApiErrorKind::Service
    }
}

fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

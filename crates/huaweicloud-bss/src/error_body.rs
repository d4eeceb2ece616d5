//! Decoding an error answer (status, headers, captured body) into an [`ApiError`].

use huaweicloud_bss_api::types;
use serde_json::Value;

use crate::ErrorCode;
use crate::call::{Answer, snippet};
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

/// Property tests of error-answer decoding: any status, body (truncated or not) and request id
/// header, decoded as the call path decodes every error answer.
#[cfg(test)]
mod tests {
    use bytes::Bytes;
    use http::HeaderMap;
    use proptest::prelude::*;

    use super::decode;
    use crate::call::Answer;
    use crate::{ApiError, ApiErrorKind, ErrorCode};

    /// Longest snippet: 512 characters plus the `…` marking a cut.
    const MAX_SNIPPET_CHARS: usize = 513;

    fn decode_answer(
        status: u16,
        request_id: Option<&str>,
        body: &[u8],
        truncated: bool,
    ) -> ApiError {
        let mut headers = HeaderMap::new();
        if let Some(id) = request_id {
            headers.insert("x-request-id", id.parse().unwrap());
        }
        let answer = Answer {
            status,
            headers,
            body: Bytes::copy_from_slice(body),
            truncated,
        };
        decode(&answer, 1, false)
    }

    /// Bodies of every kind: random bytes (often not UTF-8), long text crossing the snippet
    /// limit, multi-byte text, and JSON-ish fragments.
    fn any_body() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..64),
            proptest::collection::vec(any::<u8>(), 400..1500),
            "\\PC{0,700}".prop_map(String::into_bytes),
            "[客é😀a]{500,530}".prop_map(String::into_bytes),
            "[{}\\[\\]\":,a-z0-9_ ]{0,80}".prop_map(String::into_bytes),
            Just(br#"{"error_code": "CBC.0100", "error_msg": "x"}"#.to_vec()),
            Just(br#"{"error": {"code": 1, "message": 2}}"#.to_vec()),
        ]
    }

    fn request_id() -> impl Strategy<Value = Option<String>> {
        proptest::option::of("[A-Za-z0-9-]{1,40}")
    }

    /// Any code string, with the documented ones and gateway prefixes well represented.
    fn any_code() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            Just("CBC.0100".to_string()),
            Just("CBC.7004".to_string()),
            Just("APIGW.0301".to_string()),
            "(APIGW\\.|APIG\\.|CBC\\.)[0-9]{0,8}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any body, any status 300..=599, truncated or not: a typed `ApiError` with that
        /// status, a bounded snippet, and the header's request id when the header is present.
        #[test]
        fn any_body_gives_typed_api_error(
            status in 300u16..=599,
            body in any_body(),
            truncated in any::<bool>(),
            id in request_id(),
        ) {
            let api = decode_answer(status, id.as_deref(), &body, truncated);
            prop_assert_eq!(api.status(), status);
            let chars = api.body_snippet().chars().count();
            prop_assert!(chars <= MAX_SNIPPET_CHARS, "snippet of {chars} chars");
            if let Some(id) = &id {
                prop_assert_eq!(api.request_id(), Some(id.as_str()));
            }
            if truncated {
                prop_assert_eq!(api.kind(), ApiErrorKind::Unrecognized);
                prop_assert!(api.code().is_none());
                prop_assert!(api.body_snippet().ends_with('…'));
            }
            // Display never panics either.
            let _ = api.to_string();
        }

        /// `{"error_code": c, "error_msg": m}` yields code `ErrorCode::parse(c)` (unknown codes
        /// verbatim) and message `m`; an empty code is no code.
        #[test]
        fn error_object_yields_code_and_message(
            status in 300u16..=599,
            code in any_code(),
            message in any::<String>(),
            id in request_id(),
        ) {
            let body = serde_json::to_vec(&serde_json::json!({
                "error_code": code,
                "error_msg": message,
            }))
            .unwrap();
            let api = decode_answer(status, id.as_deref(), &body, false);
            prop_assert_eq!(api.status(), status);
            prop_assert_eq!(api.request_id(), id.as_deref());
            if code.is_empty() {
                prop_assert!(api.code().is_none());
                prop_assert_eq!(api.kind(), ApiErrorKind::Unrecognized);
            } else {
                let parsed = ErrorCode::parse(&code);
                prop_assert_eq!(parsed.as_str(), code.as_str());
                prop_assert_eq!(api.code(), Some(parsed));
                prop_assert_eq!(api.message(), Some(message.as_str()));
                let gateway = code.starts_with("APIGW.") || code.starts_with("APIG.");
                prop_assert_eq!(
                    api.kind(),
                    if gateway { ApiErrorKind::Gateway } else { ApiErrorKind::Service }
                );
            }
        }

        /// The body's `request_id` is used when no header carries one, and the header wins.
        #[test]
        fn request_id_prefers_header(
            body_id in "[a-z0-9]{1,20}",
            header_id in request_id(),
        ) {
            let body = serde_json::to_vec(&serde_json::json!({
                "error_code": "CBC.0100",
                "error_msg": "m",
                "request_id": body_id,
            }))
            .unwrap();
            let api = decode_answer(400, header_id.as_deref(), &body, false);
            let expected = header_id.as_deref().unwrap_or(&body_id);
            prop_assert_eq!(api.request_id(), Some(expected));
        }
    }
}

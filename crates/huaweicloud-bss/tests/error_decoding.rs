//! Property tests of error-answer decoding, driven through the public path: a response as the
//! runtime's execute hook leaves it (body captured into a `CapturedErrorBody` extension),
//! wrapped as progenitor's `UnexpectedResponse` and converted with `Error::from`.

use bytes::Bytes;
use huaweicloud_bss::{ApiError, ApiErrorKind, Error, ErrorCode};
use huaweicloud_bss_runtime::CapturedErrorBody;
use proptest::prelude::*;

/// Longest snippet: 512 characters plus the `…` marking a cut.
const MAX_SNIPPET_CHARS: usize = 513;

fn decode(status: u16, request_id: Option<&str>, body: &[u8], truncated: bool) -> ApiError {
    let mut builder = http::Response::builder().status(status);
    if let Some(id) = request_id {
        builder = builder.header("x-request-id", id);
    }
    let bytes = Bytes::copy_from_slice(body);
    let mut response = reqwest::Response::from(builder.body(bytes.clone()).unwrap());
    response
        .extensions_mut()
        .insert(CapturedErrorBody { bytes, truncated });
    match Error::from(progenitor_client::Error::UnexpectedResponse(response)) {
        Error::Api(api) => *api,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

/// Bodies of every kind: random bytes (often not UTF-8), long text crossing the snippet limit,
/// multi-byte text, and JSON-ish fragments.
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

    /// Any body, any status 300..=599, truncated or not: a typed `Error::Api` with that status,
    /// a bounded snippet, and the header's request id when the header is present.
    #[test]
    fn any_body_gives_typed_api_error(
        status in 300u16..=599,
        body in any_body(),
        truncated in any::<bool>(),
        id in request_id(),
    ) {
        let api = decode(status, id.as_deref(), &body, truncated);
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
        let api = decode(status, id.as_deref(), &body, false);
        prop_assert_eq!(api.status(), status);
        prop_assert_eq!(api.request_id(), id.as_deref());
        if code.is_empty() {
            prop_assert!(api.code().is_none());
            prop_assert_eq!(api.kind(), ApiErrorKind::Unrecognized);
        } else {
            let parsed = ErrorCode::parse(&code);
            prop_assert_eq!(parsed.as_str(), code.as_str());
            prop_assert_eq!(api.code(), Some(&parsed));
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
        let api = decode(400, header_id.as_deref(), &body, false);
        let expected = header_id.as_deref().unwrap_or(&body_id);
        prop_assert_eq!(api.request_id(), Some(expected));
    }
}

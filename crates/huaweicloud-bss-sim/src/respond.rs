//! Answers: success bodies, and error bodies in the shape and status the spec records.

use bytes::Bytes;
use http_body_util::Full;
use huaweicloud_bss_api::error_codes::ErrorCode;
use serde::Serialize;
use serde_json::{Map, Value, json};

/// What to answer, before the request id is attached.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reply {
    pub status: u16,
    pub body: Option<Value>,
}

pub(crate) fn ok(body: impl Serialize) -> Reply {
    Reply {
        status: 200,
        body: Some(serde_json::to_value(body).expect("generated types serialize")),
    }
}

pub(crate) fn no_content() -> Reply {
    Reply {
        status: 204,
        body: None,
    }
}

/// An error answer for a recorded code: its documented status, and its documented meaning
/// unless `message` says more.
pub(crate) fn error(code: &str, message: Option<&str>) -> Reply {
    error_with(code, message, Map::new())
}

/// [`error`] with extra body fields (`fail_check_items`, CBC.99000050's account…).
pub(crate) fn error_with(code: &str, message: Option<&str>, extra: Map<String, Value>) -> Reply {
    let info = ErrorCode::parse(code).info();
    let status = info.map_or(500, |i| i.status);
    let message = message
        .map(str::to_string)
        .or_else(|| info.map(|i| i.message.to_string()))
        .unwrap_or_else(|| "unknown error".to_string());
    let mut body = Map::new();
    body.insert("error_code".into(), json!(code));
    body.insert("error_msg".into(), json!(message));
    body.extend(extra);
    Reply {
        status,
        body: Some(Value::Object(body)),
    }
}

/// The gateway's answer to a path it does not know.
pub(crate) fn not_found() -> Reply {
    Reply {
        status: 404,
        body: Some(json!({
            "error_code": "APIGW.0101",
            "error_msg": "The API does not exist or has not been published in the environment",
        })),
    }
}

pub(crate) fn into_http(reply: Reply, request_id: &str) -> hyper::Response<Full<Bytes>> {
    let mut body = reply.body;
    // Gateway errors carry the request id in the body too.
    if let Some(Value::Object(map)) = &mut body {
        let gateway = map
            .get("error_code")
            .and_then(Value::as_str)
            .is_some_and(|c| c.starts_with("APIGW."));
        if gateway {
            map.insert("request_id".into(), json!(request_id));
        }
    }
    let bytes = body
        .map(|b| Bytes::from(serde_json::to_vec(&b).expect("JSON values serialize")))
        .unwrap_or_default();
    let mut response = hyper::Response::builder()
        .status(reply.status)
        .header("x-request-id", request_id);
    if !bytes.is_empty() {
        response = response.header("content-type", "application/json;charset=UTF-8");
    }
    response
        .body(Full::new(bytes))
        .expect("status and headers are valid")
}

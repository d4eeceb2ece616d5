//! Answers: success bodies, and error bodies in the shape and status the spec records.

use bytes::Bytes;
use http_body_util::Full;
use huaweicloud_bss_api::error_codes::ErrorCode;
use serde::Serialize;
use serde_json::{Map, Value, json};

/// What to answer, before the request id is attached. The body is the JSON text as sent:
/// success bodies are serialised straight from the generated types, so amounts keep the
/// scale they have (`10.50` goes out as `10.50`, never through a float).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reply {
    pub status: u16,
    pub body: Option<Bytes>,
}

impl Reply {
    /// The body as a JSON value (tests).
    #[cfg(test)]
    pub(crate) fn json(&self) -> Value {
        self.body
            .as_ref()
            .and_then(|b| serde_json::from_slice(b).ok())
            .unwrap_or(Value::Null)
    }
}

/// A success answer with this body.
pub(crate) fn ok(body: impl Serialize) -> Reply {
    match serde_json::to_vec(&body) {
        Ok(bytes) => Reply {
            status: 200,
            body: Some(Bytes::from(bytes)),
        },
        Err(e) => error(
            "CBC.0999",
            Some(&format!("the simulator cannot encode its answer: {e}")),
        ),
    }
}

/// An amount as a generated money type (which decodes decimal strings exactly), keeping its
/// scale; `None` only if the type cannot hold it.
pub(crate) fn money<T: serde::de::DeserializeOwned>(
    amount: huaweicloud_bss_runtime::Decimal,
) -> Option<T> {
    serde_json::from_value(Value::String(amount.to_string())).ok()
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
        body: Some(json_bytes(&Value::Object(body))),
    }
}

fn json_bytes(value: &Value) -> Bytes {
    Bytes::from(value.to_string())
}

/// The gateway's answer to a path it does not know.
pub(crate) fn not_found() -> Reply {
    Reply {
        status: 404,
        body: Some(json_bytes(&json!({
            "error_code": "APIGW.0101",
            "error_msg": "The API does not exist or has not been published in the environment",
        }))),
    }
}

pub(crate) fn into_http(reply: Reply, request_id: &str) -> hyper::Response<Full<Bytes>> {
    let mut bytes = reply.body.unwrap_or_default();
    // Gateway errors carry the request id in the body too.
    if reply.status >= 400
        && let Ok(Value::Object(mut map)) = serde_json::from_slice::<Value>(&bytes)
        && map
            .get("error_code")
            .and_then(Value::as_str)
            .is_some_and(|c| c.starts_with("APIGW."))
    {
        map.insert("request_id".into(), json!(request_id));
        bytes = json_bytes(&Value::Object(map));
    }
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

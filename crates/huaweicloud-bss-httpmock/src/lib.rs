//! Typed [httpmock](https://docs.rs/httpmock) stubs for every Huawei Cloud BSS partner
//! operation, for testing code that calls [`huaweicloud_bss::Client`] without Huawei
//! credentials.
//!
//! [`MockServerExt`] adds one method per operation to httpmock's [`MockServer`], named as the
//! client method (`create_sub_customer`). Its closure gets a typed `When` (match the request's
//! parameters and body with the client's own `types`) and a typed `Then` (answer with the
//! operation's success type, a documented error code, or an error body per status):
//!
//! ```
//! use huaweicloud_bss::{ErrorCode, types};
//! use huaweicloud_bss_httpmock::{MockServer, MockServerExt, client_builder};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let server = MockServer::start_async().await;
//! let created = server.create_sub_customer(|when, then| {
//!     when.into_inner().json_body_includes(r#"{"xaccount_id": "shop-42"}"#);
//!     then.ok(&types::CreateSubCustomerResponse { domain_id: Some("d-1".into()), ..Default::default() });
//! });
//! let taken = server.create_sub_customer(|when, then| {
//!     when.into_inner().json_body_includes(r#"{"xaccount_id": "shop-43"}"#);
//!     then.error(ErrorCode::Cbc99000039); // status, body and X-Request-Id from the spec
//! });
//!
//! let client = client_builder(&server).build()?; // the real client, signing every request
//! let create = |id: &str| {
//!     client.create_sub_customer().xaccount_id(id).xaccount_type("acme_IDP").send()
//! };
//! assert_eq!(create("shop-42").await?.domain_id.as_deref(), Some("d-1"));
//! let err = create("shop-43").await.unwrap_err();
//! assert_eq!(err.code(), Some(ErrorCode::Cbc99000039));
//! created.assert();
//! taken.assert();
//! # Ok(()) }
//! ```
//!
//! The client signs every request as it would for the real service; the stubs ignore the
//! signature headers, so any credentials do. An answer goes through the client's whole
//! pipeline: a success body is decoded into the operation's type, an error into the typed
//! [`huaweicloud_bss::Error`], and retries follow the client's [`RetryPolicy`](huaweicloud_bss::RetryPolicy)
//! (a stubbed 429 or `APIGW.0308` is retried by default). For state that persists across
//! calls (a created customer then listed), use the simulator, `huaweicloud-bss-sim`.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

#[allow(missing_docs)] // progenitor's parameter setters; their wrappers and methods are documented
mod generated;

pub use generated::{MockServerExt, operations};
/// The httpmock release these stubs are built for: use its [`MockServer`] (re-exported below)
/// so [`MockServerExt`] applies.
pub use httpmock;
/// httpmock's server; [`MockServerExt`] adds the typed methods.
pub use httpmock::MockServer;

use huaweicloud_bss::{Credentials, ErrorCode, types};

/// The `X-Request-Id` every `error(code)` answer carries, so `err.request_id()` is set as it
/// is for answers from BSS.
pub const MOCK_REQUEST_ID: &str = "httpmock-request-id";

/// A client builder aimed at `server`: its loopback `http` URL as the endpoint and throwaway
/// AK/SK credentials (the stubs do not check signatures). Everything else is the client's
/// default, retries included; adjust the builder before `build()`.
pub fn client_builder(server: &MockServer) -> huaweicloud_bss::ClientBuilder {
    huaweicloud_bss::Client::builder()
        .endpoint(server.base_url())
        .credentials(Credentials::new("MOCK_AK", "MOCK_SK"))
}

/// The answer `error(code)` configures for `operation` (an official API name).
///
/// The code must be documented for the operation (or come from the API Gateway, which
/// answers for every operation): a stub that answers with a code the operation cannot return
/// would test a path production never takes.
pub(crate) fn error_answer(
    operation: &str,
    then: httpmock::Then,
    code: &ErrorCode,
) -> httpmock::Then {
    let Some(info) = code.info() else {
        panic!(
            "{operation}: error code {} is not recorded in spec/bss.yaml; stub it with a status \
             method (bad_request(&types::Error {{ .. }}), …) instead of error()",
            code.as_str()
        );
    };
    let documented = huaweicloud_bss::operations::find(operation)
        .map(|op| op.error_codes)
        .unwrap_or_default();
    if !info.gateway && !documented.contains(&code.as_str()) {
        panic!(
            "{operation}: error code {} is not documented for this operation (documented: {})",
            code.as_str(),
            documented.join(", ")
        );
    }
    let body = types::Error {
        error_code: Some(code.as_str().to_string()),
        error_msg: Some(info.message.to_string()),
        ..Default::default()
    };
    then.status(info.status)
        .header("content-type", "application/json")
        .header("x-request-id", MOCK_REQUEST_ID)
        .json_body_obj(&body)
}

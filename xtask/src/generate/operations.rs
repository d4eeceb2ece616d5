//! `OPERATIONS`: what the spec says about each operation beyond its types, for the client
//! (retry safety), the simulator (routing, documented errors) and tests.

use proc_macro2::TokenStream;
use quote::quote;

use super::spec::{self, Spec};

pub fn generate(spec: &Spec) -> anyhow::Result<TokenStream> {
    let mut entries = Vec::new();
    for (path, method, op) in spec.operations() {
        let id = op.operation_id.as_deref().unwrap_or_default();
        let method = method.to_uppercase();
        let summary = op.summary.as_deref().unwrap_or_default();
        let doc_url = op
            .external_docs
            .as_ref()
            .map(|d| d.url.as_str())
            .unwrap_or_default();
        let read_only = spec::is_read_only(op);
        let codes = spec::operation_error_codes(op)?;
        let reconcile_keys = spec::reconcile_keys(op)?;
        let secret_fields = spec::request_body_schema(op)
            .map(|name| spec.secret_fields(name))
            .unwrap_or_default();
        // The client's method for the operation.
        let client_method = heck::ToSnakeCase::to_snake_case(id);
        entries.push(quote! {
            Operation {
                id: #id,
                client_method: #client_method,
                method: #method,
                path: #path,
                summary: #summary,
                doc_url: #doc_url,
                read_only: #read_only,
                error_codes: &[#(#codes),*],
                reconcile_keys: &[#(#reconcile_keys),*],
                secret_fields: &[#(#secret_fields),*],
            },
        });
    }
    Ok(quote! {
        //! The operations of the spec, as data.

        pub use huaweicloud_bss_runtime::Operation;

        /// Every operation, in spec order.
        pub const OPERATIONS: &[Operation] = &[#(#entries)*];

        /// The operation with this official name.
        pub fn find(id: &str) -> Option<&'static Operation> {
            OPERATIONS.iter().find(|op| op.id == id)
        }
    })
}

//! `OPERATIONS`: what the spec says about each operation beyond its types, for the runtime
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
        // Progenitor names client methods (and `OperationInfo::operation_id`) this way.
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

        /// One operation of the spec.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Operation {
            /// The official API name, e.g. `CreateSubCustomer`.
            pub id: &'static str,
            /// The generated client's method for it, e.g. `create_sub_customer`.
            pub client_method: &'static str,
            /// HTTP method, upper case.
            pub method: &'static str,
            /// Path template.
            pub path: &'static str,
            /// English summary with the official Chinese name.
            pub summary: &'static str,
            /// The operation's documentation page.
            pub doc_url: &'static str,
            /// The operation only reads: sending it twice has no effect beyond the first.
            pub read_only: bool,
            /// Error codes the documentation lists for this operation.
            pub error_codes: &'static [&'static str],
            /// Request body fields that identify what the operation creates or changes, reported
            /// when a call's outcome is unknown so it can be reconciled.
            pub reconcile_keys: &'static [&'static str],
            /// Dotted paths of the request body fields the spec marks secret.
            pub secret_fields: &'static [&'static str],
        }

        /// Every operation, in spec order.
        pub const OPERATIONS: &[Operation] = &[#(#entries)*];

        /// The operation with this official name.
        pub fn find(id: &str) -> Option<&'static Operation> {
            OPERATIONS.iter().find(|op| op.id == id)
        }

        /// The operation behind a generated client method (progenitor's `OperationInfo` id).
        pub fn by_client_method(name: &str) -> Option<&'static Operation> {
            OPERATIONS.iter().find(|op| op.client_method == name)
        }
    })
}

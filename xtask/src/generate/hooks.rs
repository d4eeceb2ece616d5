//! The `ClientHooks` impl: it must live beside the generated `Client`, and only delegates to the
//! hand-written runtime crate, where signing, retrying and response handling are written and
//! tested. What it adds is per-operation knowledge from the spec (`OperationMeta`).

use quote::{format_ident, quote};

use super::spec::{self, Spec};

pub fn generate(spec: &Spec) -> proc_macro2::TokenStream {
    // Each operation's success body is checked with its own response type, so that a body that
    // does not decode is reported with its status and request id.
    let checks = spec.operations().filter_map(|(_, _, op)| {
        let id = op.operation_id.as_deref()?;
        let schema = spec::success_response_schema(op)?;
        let method = heck::ToSnakeCase::to_snake_case(id);
        let ty = format_ident!("{}", heck::ToUpperCamelCase::to_upper_camel_case(schema));
        Some(quote! {
            #method => |body| serde_json::from_slice::<crate::types::#ty>(body).map(drop),
        })
    });
    quote! {
        //! Routes every request of the generated client through `huaweicloud_bss_runtime`.

        use huaweicloud_bss_runtime::OperationMeta;
        use progenitor_client::{ClientHooks, ClientInfo, Error, OperationInfo};

        use crate::Client;

        /// The official API name of the operation progenitor reports by its method name: all
        /// that signing needs, without the rest of `meta`.
        fn official_id(info: &OperationInfo) -> &'static str {
            crate::operations::by_client_method(info.operation_id)
                .map_or(info.operation_id, |op| op.id)
        }

        /// What the runtime needs to know about the operation progenitor reports by its
        /// method name.
        fn meta(info: &OperationInfo) -> OperationMeta {
            let op = crate::operations::by_client_method(info.operation_id);
            OperationMeta {
                id: op.map_or(info.operation_id, |op| op.id),
                read_only: op.is_some_and(|op| op.read_only),
                reconcile_keys: op.map_or(&[], |op| op.reconcile_keys),
                secret_fields: op.map_or(&[], |op| op.secret_fields),
                check_success_body: success_body_check(info.operation_id),
            }
        }

        /// Decodes a success body of the operation with its response type.
        fn success_body_check(client_method: &str) -> fn(&[u8]) -> Result<(), serde_json::Error> {
            match client_method {
                #(#checks)*
                _ => |_| Ok(()),
            }
        }

        impl ClientHooks<huaweicloud_bss_runtime::Context> for Client {
            async fn pre<E>(
                &self,
                request: &mut reqwest::Request,
                info: &OperationInfo,
            ) -> Result<(), Error<E>> {
                huaweicloud_bss_runtime::hooks::prepare(self.inner(), request, official_id(info))
                    .map_err(|e| Error::Custom(e.to_string()))
            }

            async fn exec(
                &self,
                request: reqwest::Request,
                info: &OperationInfo,
            ) -> reqwest::Result<reqwest::Response> {
                huaweicloud_bss_runtime::hooks::execute(self.client(), self.inner(), request, &meta(info))
                    .await
            }
        }
    }
}

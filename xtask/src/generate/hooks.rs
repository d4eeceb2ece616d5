//! The `ClientHooks` impl: it must live beside the generated `Client`, and only delegates to the
//! hand-written runtime crate, where signing and response handling are written and tested.

use quote::quote;

pub fn generate() -> proc_macro2::TokenStream {
    quote! {
        //! Routes every request of the generated client through `huaweicloud_bss_runtime`.

        use progenitor_client::{ClientHooks, ClientInfo, Error, OperationInfo};

        use crate::Client;

        /// The official API name of the operation progenitor reports by its method name.
        fn official_id(info: &OperationInfo) -> &'static str {
            crate::operations::by_client_method(info.operation_id).map_or(info.operation_id, |op| op.id)
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
                huaweicloud_bss_runtime::hooks::execute(
                    self.client(),
                    self.inner(),
                    request,
                    official_id(info),
                )
                .await
            }
        }
    }
}

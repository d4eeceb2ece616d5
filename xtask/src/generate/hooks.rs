//! The `ClientHooks` impl: it must live beside the generated `Client`, and only delegates to the
//! hand-written runtime crate, where signing and response handling are written and tested.

use quote::quote;

pub fn generate() -> proc_macro2::TokenStream {
    quote! {
        //! Routes every request of the generated client through `huaweicloud_bss_runtime`.

        use progenitor_client::{ClientHooks, ClientInfo, Error, OperationInfo};

        use crate::Client;

        impl ClientHooks<huaweicloud_bss_runtime::Context> for Client {
            async fn pre<E>(
                &self,
                request: &mut reqwest::Request,
                info: &OperationInfo,
            ) -> Result<(), Error<E>> {
                huaweicloud_bss_runtime::hooks::prepare(self.inner(), request, info.operation_id)
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
                    info.operation_id,
                )
                .await
            }
        }
    }
}

//! The thin crate's call builders (crates/huaweicloud-bss/src/generated/calls.rs): one method of
//! `Client` per operation, returning a builder with the request's setters, `send()` and, for
//! offset/limit lists, `items()`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::requests::{Model, setter};

pub fn generate(model: &Model) -> TokenStream {
    let path = quote! { huaweicloud_bss_api:: };
    let methods = model.operations.iter().map(|op| {
        let method = &op.method;
        let name = &op.request;
        let mut doc = format!("{}\n\n{}", op.summary, op.description.trim());
        doc.push_str(&format!(
            "\n\nSends `{} {}`. [Documentation]({}).",
            op.http_method, op.path, op.doc_url
        ));
        if !op.read_only {
            doc.push_str(
                "\n\nA write: never sent twice. If its outcome is unknown the call ends with \
                 [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown).",
            );
        }
        quote! {
            #[doc = #doc]
            pub fn #method(&self) -> #name<'_> {
                #name { client: self, request: Default::default() }
            }
        }
    });
    let builders = model.operations.iter().map(|op| {
        let name = &op.request;
        let id = &op.id;
        let output = match &op.output {
            Some(output) => quote! { huaweicloud_bss_api::types::#output },
            None => quote! { () },
        };
        let doc = format!(
            "A call of {id} being built: set its fields, then [`send`](Self::send) it. Made by \
             [`Client::{}`](crate::Client::{}).",
            op.method, op.method
        );
        let setters = op
            .query
            .iter()
            .chain(op.body.iter().flat_map(|b| &b.fields))
            .map(|f| setter(f, &path, Some(quote! { self.request })));
        let body = op.body.as_ref().map(|b| {
            let body_name = &b.name;
            let builder = super::requests::builder_name(body_name);
            let doc = format!(
                "Replaces the whole body with `body`: a [`types::{body_name}`](crate::types::{body_name}) \
                 built elsewhere, or its builder. Setters called afterwards change single fields of it."
            );
            quote! {
                #[doc = #doc]
                pub fn body(mut self, body: impl Into<huaweicloud_bss_api::builders::#builder>) -> Self {
                    self.request = self.request.body(body);
                    self
                }
            }
        });
        let items = op.paged.map(|page| {
            let default = page.default as i32;
            let offset = format_ident!("offset");
            let limit = format_ident!("limit");
            quote! {
                /// Every item of the list, fetched page after page: the `limit` set is the page
                /// size (the documented maximum when unset), starting at the `offset` set (0
                /// when unset). The stream ends after the last page, or with the error of a
                /// page that failed.
                pub fn items(self) -> impl futures::Stream<Item = Result<<#output as crate::paginate::Paged>::Item, Error>> + 'a {
                    let (offset, limit) = self.request.page();
                    let limit = limit.unwrap_or(#default);
                    crate::paginate::pages(offset.unwrap_or(0), limit, move |offset, limit| {
                        self.clone().#offset(offset).#limit(limit).send()
                    })
                }
            }
        });
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone)]
            #[must_use = "a call does nothing until it is sent"]
            pub struct #name<'a> {
                pub(crate) client: &'a Client,
                pub(crate) request: requests::#name,
            }

            impl<'a> #name<'a> {
                #(#setters)*
                #body

                /// Checks every documented rule, then sends the request (signed, retried when
                /// that is safe) and decodes the answer.
                pub async fn send(self) -> Result<Response<#output>, Error> {
                    self.client.send(self.request).await
                }

                /// The request as built so far.
                pub fn as_request(&self) -> &requests::#name {
                    &self.request
                }

                #items
            }
        }
    });
    quote! {
        //! One call builder per operation, and the `Client` method that starts it:
        //! `client.list_sub_customers()` returns a [`ListSubCustomers`].
        #![allow(clippy::too_many_arguments)]

        use huaweicloud_bss_api::requests;

        use crate::{Client, Error, Response};

        impl Client {
            #(#methods)*
        }

        #(#builders)*
    }
}

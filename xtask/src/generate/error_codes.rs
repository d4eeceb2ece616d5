//! `ErrorCode`: one variant per code of the spec's error record, unknown codes kept verbatim.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::spec::Spec;

pub fn generate(spec: &Spec) -> anyhow::Result<TokenStream> {
    let records = spec.error_codes()?;
    let mut variants = Vec::new();
    let mut parse_arms = Vec::new();
    let mut str_arms = Vec::new();
    let mut info_arms = Vec::new();
    for (code, record) in &records {
        let variant = variant_name(code);
        let doc = format!(
            "`{code}` (HTTP {}): {} ({})",
            record.status, record.message, record.message_zh
        );
        let status = record.status;
        let message = &record.message;
        let message_zh = &record.message_zh;
        let gateway = record.source.as_deref() == Some("gateway");
        variants.push(quote! { #[doc = #doc] #variant, });
        parse_arms.push(quote! { #code => Self::#variant, });
        str_arms.push(quote! { Self::#variant => #code, });
        info_arms.push(quote! {
            Self::#variant => Some(ErrorCodeInfo {
                status: #status,
                message: #message,
                message_zh: #message_zh,
                gateway: #gateway,
            }),
        });
    }
    let all_codes = records.keys();
    Ok(quote! {
        //! Error codes documented for the operations of this API, from the spec's
        //! `x-bss-error-codes` record.

        /// An error code from an error body: documented ones are variants, others are kept as sent.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            #(#variants)*
            /// A code the spec does not record, exactly as the server sent it.
            Unknown(String),
        }

        /// What the documentation says about a code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct ErrorCodeInfo {
            /// The HTTP status the documentation gives for this code.
            pub status: u16,
            /// Meaning in English.
            pub message: &'static str,
            /// Meaning in Chinese, as documented.
            pub message_zh: &'static str,
            /// Whether the API gateway, not the BSS service, answers with this code.
            pub gateway: bool,
        }

        impl ErrorCode {
            /// Parses a code as sent by the server; never fails.
            pub fn parse(code: &str) -> Self {
                match code {
                    #(#parse_arms)*
                    other => Self::Unknown(other.to_string()),
                }
            }

            /// The code as the server spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#str_arms)*
                    Self::Unknown(code) => code,
                }
            }

            /// The documentation for a recorded code; `None` for unknown codes.
            pub fn info(&self) -> Option<ErrorCodeInfo> {
                match self {
                    #(#info_arms)*
                    Self::Unknown(_) => None,
                }
            }

            /// Every recorded code, in code order.
            pub const ALL: &'static [&'static str] = &[#(#all_codes),*];
        }

        impl std::fmt::Display for ErrorCode {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    })
}

/// `CBC.99000050` → `Cbc99000050`, `APIGW.0301` → `Apigw0301`.
fn variant_name(code: &str) -> Ident {
    let mut name = String::new();
    for part in code.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    Ident::new(&name, Span::call_site())
}

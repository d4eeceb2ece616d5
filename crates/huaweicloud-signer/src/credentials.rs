//! AK/SK credentials.

use std::fmt;
use std::sync::Arc;

use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

use crate::canonical::HexDigest;

/// Access key, secret key and, for temporary credentials, a security token.
///
/// The secret key and the token are held in [`SecretString`]s (zeroed on drop), and `Debug`
/// redacts them, so credentials can sit in logged structures.
///
/// The HMAC key state of the secret key (its two padded key blocks, already hashed) is
/// computed once, here, instead of for every signature, as SigV4 signers cache their derived
/// keys. It never appears in `Debug` either; unlike the secret key it is not zeroed on drop,
/// as the `hmac` crate offers no way to.
///
/// ```
/// use huaweicloud_signer::Credentials;
///
/// let creds = Credentials::new("AKEXAMPLE", "secret").with_security_token("token");
/// assert_eq!(creds.ak(), "AKEXAMPLE");
/// assert_eq!(
///     format!("{creds:?}"),
///     r#"Credentials { ak: "AKEXAMPLE", sk: "[REDACTED]", security_token: Some("[REDACTED]") }"#
/// );
/// ```
#[derive(Clone)]
pub struct Credentials {
    ak: String,
    sk: SecretString,
    security_token: Option<SecretString>,
    /// Shared by clones: a few hundred bytes, never changed.
    signing_key: Arc<Hmac<Sha256>>,
}

impl Credentials {
    /// Permanent credentials: an access key and its secret key.
    pub fn new(ak: impl Into<String>, sk: impl Into<SecretString>) -> Self {
        let sk = sk.into();
        // HMAC takes keys of any length, so this cannot fail.
        let signing_key = Hmac::<Sha256>::new_from_slice(sk.expose_secret().as_bytes())
            .expect("HMAC accepts keys of any length");
        let signing_key = Arc::new(signing_key);
        Self {
            ak: ak.into(),
            sk,
            security_token: None,
            signing_key,
        }
    }

    /// Adds the security token of temporary credentials; the signer then sends it as
    /// `X-Security-Token` and signs it.
    pub fn with_security_token(mut self, token: impl Into<SecretString>) -> Self {
        self.security_token = Some(token.into());
        self
    }

    /// The access key (not a secret: it is sent in the `Authorization` header).
    pub fn ak(&self) -> &str {
        &self.ak
    }

    /// The secret key.
    pub fn sk(&self) -> &SecretString {
        &self.sk
    }

    /// The security token, for temporary credentials.
    pub fn security_token(&self) -> Option<&SecretString> {
        self.security_token.as_ref()
    }

    /// Hex HMAC-SHA256 of `data` keyed with the secret key, on the stack.
    pub(crate) fn hmac_hex(&self, data: &[u8]) -> HexDigest {
        let mut mac = Hmac::clone(&self.signing_key);
        mac.update(data);
        HexDigest::new(&mac.finalize().into_bytes().into())
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written by hand so that neither secret can reach a log through `{:?}`.
        const REDACTED: &str = "[REDACTED]";
        f.debug_struct("Credentials")
            .field("ak", &self.ak)
            .field("sk", &REDACTED)
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| REDACTED),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn debug_redacts_secret_key() {
        let creds = Credentials::new("AK123", "very-secret-sk");
        assert_eq!(
            format!("{creds:?}"),
            r#"Credentials { ak: "AK123", sk: "[REDACTED]", security_token: None }"#
        );
    }

    #[test]
    fn debug_redacts_token() {
        let creds = Credentials::new("AK123", "very-secret-sk").with_security_token("tok-456");
        let debug = format!("{creds:?}");
        assert_eq!(
            debug,
            r#"Credentials { ak: "AK123", sk: "[REDACTED]", security_token: Some("[REDACTED]") }"#
        );
        assert!(!format!("{creds:#?}").contains("very-secret-sk"));
        assert!(!format!("{creds:#?}").contains("tok-456"));
    }

    #[test]
    fn the_cached_key_signs_as_the_secret_key_does() {
        let creds = Credentials::new("AK", "key");
        assert_eq!(
            creds
                .hmac_hex(b"The quick brown fox jumps over the lazy dog")
                .as_str(),
            crate::signature(creds.sk(), "The quick brown fox jumps over the lazy dog")
        );
    }

    #[test]
    fn accessors_expose_values() {
        let creds =
            Credentials::new(String::from("AK"), String::from("SK")).with_security_token("T");
        assert_eq!(creds.ak(), "AK");
        assert_eq!(creds.sk().expose_secret(), "SK");
        assert_eq!(creds.security_token().map(|t| t.expose_secret()), Some("T"));
    }
}

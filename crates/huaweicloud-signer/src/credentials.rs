//! AK/SK credentials.

use std::fmt;

use secrecy::SecretString;

/// Access key, secret key and, for temporary credentials, a security token.
///
/// The secret key and the token are held in [`SecretString`]s (zeroed on drop), and `Debug`
/// redacts them, so credentials can sit in logged structures.
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
}

impl Credentials {
    /// Permanent credentials: an access key and its secret key.
    pub fn new(ak: impl Into<String>, sk: impl Into<SecretString>) -> Self {
        Self {
            ak: ak.into(),
            sk: sk.into(),
            security_token: None,
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
    fn accessors_expose_values() {
        let creds =
            Credentials::new(String::from("AK"), String::from("SK")).with_security_token("T");
        assert_eq!(creds.ak(), "AK");
        assert_eq!(creds.sk().expose_secret(), "SK");
        assert_eq!(creds.security_token().map(|t| t.expose_secret()), Some("T"));
    }
}

//! String to sign, HMAC signature and `Authorization` value.

use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

use crate::canonical::HexDigest;

/// The algorithm name that opens the string to sign and the `Authorization` value.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";

/// `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the canonical request>`.
///
/// ```
/// use huaweicloud_signer::string_to_sign;
///
/// let sts = string_to_sign("20240102T030405Z", "");
/// assert_eq!(
///     sts,
///     "SDK-HMAC-SHA256\n20240102T030405Z\n\
///      e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
/// );
/// ```
pub fn string_to_sign(x_sdk_date: &str, canonical_request: &str) -> String {
    let hash = HexDigest::sha256(canonical_request.as_bytes());
    let hash = hash.as_str();
    let mut out = String::with_capacity(ALGORITHM.len() + x_sdk_date.len() + hash.len() + 2);
    out.push_str(ALGORITHM);
    out.push('\n');
    out.push_str(x_sdk_date);
    out.push('\n');
    out.push_str(hash);
    out
}

/// Lower-case hex HMAC-SHA256 of the string to sign, keyed with the UTF-8 bytes of the SK.
///
/// ```
/// use huaweicloud_signer::signature;
/// use secrecy::SecretString;
///
/// let sk = SecretString::from("key");
/// assert_eq!(
///     signature(&sk, "The quick brown fox jumps over the lazy dog"),
///     "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
/// );
/// ```
pub fn signature(sk: &SecretString, string_to_sign: &str) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(sk.expose_secret().as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    HexDigest::new(&mac.finalize().into_bytes().into())
        .as_str()
        .to_owned()
}

/// `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<list>, Signature=<hex>`.
///
/// ```
/// use huaweicloud_signer::authorization_header;
///
/// assert_eq!(
///     authorization_header("AK", "host;x-sdk-date", "ab12"),
///     "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=ab12"
/// );
/// ```
pub fn authorization_header(ak: &str, signed_headers: &str, signature: &str) -> String {
    // Pieces pushed into one exact-size buffer: `format!` would grow its buffer as it goes.
    let parts = [
        ALGORITHM,
        " Access=",
        ak,
        ", SignedHeaders=",
        signed_headers,
        ", Signature=",
        signature,
    ];
    let mut out = String::with_capacity(parts.iter().map(|part| part.len()).sum());
    parts.iter().for_each(|part| out.push_str(part));
    out
}

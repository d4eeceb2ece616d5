//! TLS: rustls with the ring provider and the platform's certificate verifier. Verification
//! is always on; there is no switch to turn it off.

use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt;

use crate::ConfigError;

pub(crate) fn client_config() -> Result<rustls::ClientConfig, ConfigError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ConfigError::Tls(e.to_string()))?
        .with_platform_verifier()
        .map_err(|e| ConfigError::Tls(e.to_string()))?
        .with_no_client_auth();
    // HTTP/1.1 only: the client is built without HTTP/2 support.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

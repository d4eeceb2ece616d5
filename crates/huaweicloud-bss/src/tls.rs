//! TLS: rustls with the aws-lc-rs crypto provider and the platform's certificate verifier.
//! Verification is always on; there is no switch to turn it off.
//!
//! Why aws-lc-rs and not ring. rustls 0.23.48 deprecated `rustls::crypto::ring::default_provider`
//! ("no support for post-quantum algorithms"), and the ring module offers no replacement: the
//! way on is the aws-lc-rs provider, rustls' default, whose key exchange prefers the hybrid
//! post-quantum X25519MLKEM768 (falling back to X25519 and the NIST curves with servers that lack
//! it). Calling the deprecated function printed a warning in every dependent's build (path and
//! workspace dependencies are not lint-capped), which fails under `-D warnings`. reqwest's own
//! default TLS is rustls with aws-lc-rs, so many dependents already build it; with ring they
//! built both.
//!
//! The cost is build time: aws-lc-sys compiles AWS-LC's C sources (a C compiler is needed; on
//! Linux and macOS no cmake, the crate's `cc` builder is used; Windows uses the prebuilt NASM
//! objects rustls selects). A clean `cargo build -j 2` of a crate depending on `huaweicloud-bss`
//! took 77 s with aws-lc-rs against 47 s with ring (the aws-lc-sys build script alone 35 s); the
//! "TLS crypto provider" section of PERFORMANCE.md (workspace root) has the commands and the
//! repeated runs. Incremental
//! builds do not rebuild it.

use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt;

use crate::ConfigError;

pub(crate) fn client_config() -> Result<rustls::ClientConfig, ConfigError> {
    // Given to the config explicitly (not installed process-wide), so a dependent that installs
    // another default provider keeps it for its own TLS.
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
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

//! Cost of signing a typical BSS call, next to the "raw floor" of the cryptography it cannot
//! avoid (two SHA-256 and one HMAC-SHA256, hex-encoded), so the overhead of the canonical forms
//! can be read as a ratio.
//!
//! Two floors: `raw_floor` hex-encodes with `hex::encode` into three `String`s (the floor the
//! speed goal of issue 5 was set against); `crypto_floor` hex-encodes with `const_hex` (the
//! signer's own encoder) into stack buffers and allocates nothing, the stricter bound:
//! `hex::encode` pushes one `char` at a time and takes a large share of `raw_floor`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hmac::{Hmac, Mac};
use huaweicloud_signer::{Credentials, SigningRequest, SigningTime, sign};
use sha2::{Digest, Sha256};

/// A CreateSubCustomer body (~300 bytes) as the official SDK serialises it.
const BODY: &str = concat!(
    r#"{"domain_area": "CN", "domain_name": "test", "mobile_phone": "188****8888", "#,
    r#""verification_code": "123456", "xaccount_id": "partner-customer-0001", "#,
    r#""xaccount_type": "example_IDP", "password": "********", "is_close_market_ms": "false", "#,
    r#""cooperation_type": "1"}"#
);

/// The signature of this request, also checked by `scripts/python_signer_timing.py` against
/// the official Python signer: both timings are of the same request.
const EXPECTED_AUTHORIZATION: &str = concat!(
    "SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, ",
    "SignedHeaders=content-type;host;x-domain-id;x-sdk-date, ",
    "Signature=4ba390826acd07aa578199f30c7439e5546492b5a8d39bb0ab72bc1e4688f6ce"
);

fn bench(c: &mut Criterion) {
    let credentials = Credentials::new(
        "HPUAEXAMPLEAK0000001",
        "ExampleSecretKey0123456789abcdefghijklmn",
    );
    let time = SigningTime::parse("20240102T030405Z").unwrap();
    let headers = [
        ("Content-Type", "application/json"),
        ("X-Domain-Id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
    ];
    let request = SigningRequest::new(
        "POST",
        "bss.myhuaweicloud.com",
        "/v2/partners/sub-customers",
    )
    .with_headers(&headers)
    .with_body(BODY.as_bytes());
    assert!(
        (250..=350).contains(&BODY.len()),
        "body is {} bytes",
        BODY.len()
    );

    let mut group = c.benchmark_group("create_sub_customer");
    group.bench_function("sign", |b| {
        b.iter(|| sign(black_box(&request), black_box(&credentials), time.clone()).unwrap())
    });

    let reference = sign(&request, &credentials, time.clone()).unwrap();
    assert_eq!(reference.authorization(), EXPECTED_AUTHORIZATION);
    let canonical_request = reference.canonical_request();
    let string_to_sign = reference.string_to_sign();
    let sk = b"ExampleSecretKey0123456789abcdefghijklmn";
    group.bench_function("raw_floor", |b| {
        b.iter(|| {
            let body_hash = hex::encode(Sha256::digest(black_box(BODY.as_bytes())));
            let request_hash = hex::encode(Sha256::digest(black_box(canonical_request.as_bytes())));
            let mut mac = Hmac::<Sha256>::new_from_slice(black_box(sk)).unwrap();
            mac.update(black_box(string_to_sign.as_bytes()));
            let signature = hex::encode(mac.finalize().into_bytes());
            (body_hash, request_hash, signature)
        })
    });
    group.bench_function("crypto_floor", |b| {
        b.iter(|| {
            let mut body_hash = [0u8; 64];
            let mut request_hash = [0u8; 64];
            let mut signature = [0u8; 64];
            const_hex::encode_to_slice(Sha256::digest(black_box(BODY.as_bytes())), &mut body_hash)
                .unwrap();
            const_hex::encode_to_slice(
                Sha256::digest(black_box(canonical_request.as_bytes())),
                &mut request_hash,
            )
            .unwrap();
            let mut mac = Hmac::<Sha256>::new_from_slice(black_box(sk)).unwrap();
            mac.update(black_box(string_to_sign.as_bytes()));
            const_hex::encode_to_slice(mac.finalize().into_bytes(), &mut signature).unwrap();
            (body_hash, request_hash, signature)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

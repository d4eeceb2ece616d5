//! Differential run against the official SDK signer, driven by
//! `cargo xtask signer-vectors --differential N --seed S`.
//!
//! Ignored by default: it reads the vector file named by `SIGNER_DIFFERENTIAL_VECTORS` (the
//! format of `tests/vectors/*.json`, recorded from random requests), signs each vector, and writes
//! a JSON report to `SIGNER_DIFFERENTIAL_REPORT`: how many matched, the vectors the signer refused
//! by design (counted by error variant) and every mismatch with its stage. It fails on any
//! mismatch. A seeded sample of the matching vectors is committed as
//! `tests/vectors/differential_sample.json`, checked offline by the `vectors` test.

use std::collections::BTreeMap;
use std::fs;

use huaweicloud_signer::{Credentials, SigningRequest, SigningTime, sign};
use serde_json::json;

mod vector_format;

use vector_format::Vector;

#[test]
#[ignore = "run by `cargo xtask signer-vectors --differential N`"]
fn differential_against_official_signer() {
    let input = std::env::var("SIGNER_DIFFERENTIAL_VECTORS")
        .expect("SIGNER_DIFFERENTIAL_VECTORS names the vector file");
    let output = std::env::var("SIGNER_DIFFERENTIAL_REPORT")
        .expect("SIGNER_DIFFERENTIAL_REPORT names the report file");
    let text = fs::read_to_string(&input).expect("vector file is readable");
    let vectors: Vec<Vector> = serde_json::from_str(&text).expect("vector file parses");

    let mut matched = 0usize;
    let mut refused: BTreeMap<String, usize> = BTreeMap::new();
    let mut refused_names = Vec::new();
    let mut mismatches = Vec::new();
    for v in &vectors {
        let query = v.query_pairs();
        let headers = v.header_pairs();
        let request = SigningRequest {
            method: &v.method,
            host: &v.host,
            path: &v.path,
            query: &query,
            headers: &headers,
            body: v.body.as_deref().map(str::as_bytes),
        };
        let time = SigningTime::parse(&v.x_sdk_date).expect("fixed X-Sdk-Date parses");
        let credentials = Credentials::new(v.ak.as_str(), v.sk.as_str());
        let out = match sign(&request, &credentials, time) {
            Ok(out) => out,
            Err(err) => {
                // The variant name: `Debug` starts with it.
                let debug = format!("{err:?}");
                let variant = debug
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or_default();
                *refused.entry(variant.to_owned()).or_default() += 1;
                refused_names.push(v.name.clone());
                continue;
            }
        };
        let url = format!("https://{}{}", v.host, out.path_and_query());
        let e = &v.expected;
        let stages = [
            (
                "canonical_request",
                &e.canonical_request,
                out.canonical_request(),
            ),
            ("string_to_sign", &e.string_to_sign, out.string_to_sign()),
            ("signed_headers", &e.signed_headers, out.signed_headers()),
            ("authorization", &e.authorization, out.authorization()),
            ("url", &e.url, url.as_str()),
        ];
        let mut ok = true;
        for (stage, expected, actual) in stages {
            if expected != actual {
                ok = false;
                mismatches.push(json!({
                    "name": v.name, "stage": stage, "expected": expected, "actual": actual,
                }));
            }
        }
        matched += usize::from(ok);
    }

    let report = json!({
        "total": vectors.len(),
        "matched": matched,
        "refused": refused,
        "refused_names": refused_names,
        "mismatches": mismatches,
    });
    let pretty = serde_json::to_string_pretty(&report).expect("report serializes");
    fs::write(&output, pretty + "\n").expect("report is writable");
    eprintln!(
        "{} vectors: {matched} matched, {} refused by the Rust signer {refused:?}, {} mismatching stage(s)",
        vectors.len(),
        refused_names.len(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatching stage(s) against the official signer; see {output}:\n{}",
        mismatches.len(),
        serde_json::to_string_pretty(&mismatches).unwrap_or_default()
    );
}

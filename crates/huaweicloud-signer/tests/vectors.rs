//! Conformance with the official SDK signer: every `tests/vectors/*.json` file (recorded by
//! `cargo xtask signer-vectors`) is read, and each vector is checked stage by stage. All
//! failures are reported together, each naming the file, the vector and the stage.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use huaweicloud_signer::secrecy::SecretString;
use huaweicloud_signer::{
    Credentials, SigningOutput, SigningRequest, SigningTime, authorization_header, header, sign,
    signature, string_to_sign,
};

mod vector_format;

use vector_format::Vector;

/// Collects failures as `file::vector: stage: detail`.
struct Report {
    failures: Vec<String>,
}

impl Report {
    fn fail(&mut self, file: &str, name: &str, stage: &str, detail: impl fmt::Display) {
        self.failures
            .push(format!("{file}::{name}: stage `{stage}`: {detail}"));
    }

    fn compare(&mut self, file: &str, name: &str, stage: &str, expected: &str, actual: &str) {
        if expected != actual {
            self.fail(file, name, stage, mismatch(expected, actual));
        }
    }
}

/// Shows the first differing line, then both values in full.
fn mismatch(expected: &str, actual: &str) -> String {
    let line = expected
        .split('\n')
        .zip(actual.split('\n'))
        .position(|(e, a)| e != a)
        .unwrap_or_else(|| expected.split('\n').count().min(actual.split('\n').count()));
    format!(
        "first difference on line {}\n    expected: {expected:?}\n    actual:   {actual:?}",
        line + 1
    )
}

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors")
}

fn sign_vector(
    v: &Vector,
    headers: &[(&str, &str)],
    credentials: &Credentials,
) -> Result<SigningOutput, String> {
    let query = v.query_pairs();
    let request = SigningRequest {
        method: &v.method,
        host: &v.host,
        path: &v.path,
        query: &query,
        headers,
        body: v.body.as_deref().map(str::as_bytes),
    };
    let time = SigningTime::parse(&v.x_sdk_date).map_err(|e| e.to_string())?;
    sign(&request, credentials, time).map_err(|e| e.to_string())
}

fn check_vector(file: &str, v: &Vector, report: &mut Report) {
    let name = v.name.as_str();
    let headers = v.header_pairs();
    let credentials = Credentials::new(v.ak.as_str(), v.sk.as_str());
    let e = &v.expected;

    // End to end through `sign`.
    match sign_vector(v, &headers, &credentials) {
        Err(err) => report.fail(file, name, "sign", format!("returned an error: {err}")),
        Ok(out) => {
            report.compare(
                file,
                name,
                "canonical_request",
                &e.canonical_request,
                out.canonical_request(),
            );
            report.compare(
                file,
                name,
                "string_to_sign",
                &e.string_to_sign,
                out.string_to_sign(),
            );
            report.compare(
                file,
                name,
                "signed_headers",
                &e.signed_headers,
                out.signed_headers(),
            );
            report.compare(
                file,
                name,
                "authorization",
                &e.authorization,
                out.authorization(),
            );
            let url = format!("https://{}{}", v.host, out.path_and_query());
            report.compare(file, name, "url", &e.url, &url);

            // Each later stage again, fed the expected output of the stage before it, so that
            // one broken stage does not hide the state of the others.
            let sts = string_to_sign(out.x_sdk_date(), &e.canonical_request);
            report.compare(
                file,
                name,
                "string_to_sign (isolated)",
                &e.string_to_sign,
                &sts,
            );
            let sig = signature(&SecretString::from(v.sk.as_str()), &e.string_to_sign);
            let auth = authorization_header(&v.ak, &e.signed_headers, &sig);
            report.compare(
                file,
                name,
                "authorization (isolated)",
                &e.authorization,
                &auth,
            );
        }
    }

    // A vector whose token was set by the official credentials must come out the same when the
    // token travels in `Credentials` instead of as a header.
    if let Some(&(_, token)) = headers.iter().find(|(n, _)| *n == header::X_SECURITY_TOKEN) {
        let without: Vec<(&str, &str)> = headers
            .iter()
            .copied()
            .filter(|(n, _)| *n != header::X_SECURITY_TOKEN)
            .collect();
        let with_token = credentials.clone().with_security_token(token);
        match sign_vector(v, &without, &with_token) {
            Err(err) => report.fail(file, name, "security token via Credentials", err),
            Ok(out) => {
                let stage = "authorization (security token via Credentials)";
                report.compare(file, name, stage, &e.authorization, out.authorization());
            }
        }
    }
}

#[test]
fn official_signer_vectors() {
    let mut files: Vec<PathBuf> = fs::read_dir(vectors_dir())
        .expect("tests/vectors is readable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no *.json vector files in {}",
        vectors_dir().display()
    );

    let mut report = Report {
        failures: Vec::new(),
    };
    let mut count = 0;
    for path in &files {
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        let parsed = fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<Vec<Vector>>(&text).map_err(|e| e.to_string()));
        match parsed {
            Err(err) => report.fail(&file, "*", "parse", err),
            Ok(vectors) => {
                for v in &vectors {
                    check_vector(&file, v, &mut report);
                }
                count += vectors.len();
            }
        }
    }
    assert!(
        report.failures.is_empty(),
        "{} failure(s) over {count} vectors in {} file(s):\n{}",
        report.failures.len(),
        files.len(),
        report.failures.join("\n")
    );
    eprintln!("{count} vectors in {} file(s) passed", files.len());
}

//! `cargo xtask schemas [--check]`: spec/bss.yaml → `schemas/<OperationId>.request.json`, one
//! JSON Schema (draft 2020-12) per request body, plus the `schemas/README.md` index.
//!
//! The schemas are derived from the spec's OpenAPI 3.0 schema objects (`convert`), not from the
//! generated Rust types, so they carry exactly the documented constraints. `--check` derives them
//! in memory and fails with a unified diff when the checked-in files differ.
//!
//! Modules: `request_bodies` (which operations take a body, read in spec order), `convert`
//! (schema objects → 2020-12), `document` (one file per body, and the index), `json` (an
//! order-keeping JSON tree, so output does not depend on serde_json features).

#[cfg(test)]
mod client_agreement;
mod convert;
mod document;
mod json;
mod request_bodies;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::generate::spec::Spec;
use crate::workspace;

/// The index written next to the schemas.
const INDEX: &str = "README.md";

#[derive(clap::Args)]
pub struct Args {
    /// Do not write; fail with a diff if the checked-in schemas are stale.
    #[arg(long)]
    check: bool,
    /// Read this spec instead of spec/bss.yaml (for trying out a change).
    #[arg(long, hide = true)]
    spec: Option<PathBuf>,
}

/// File name inside `schemas/` → contents.
type Output = BTreeMap<String, String>;

pub fn run(args: Args) -> anyhow::Result<()> {
    let root = workspace::root();
    let spec_path = args.spec.unwrap_or_else(|| root.join("spec/bss.yaml"));
    let bytes =
        std::fs::read(&spec_path).with_context(|| format!("reading {}", spec_path.display()))?;
    let output = generate(&bytes)?;
    let out_dir = root.join("schemas");
    if args.check {
        check(&out_dir, &output)
    } else {
        write(&out_dir, &output)
    }
}

/// Every file of `schemas/`, derived from the spec's bytes.
fn generate(spec_bytes: &[u8]) -> anyhow::Result<Output> {
    let sha256 = Spec::parse(spec_bytes)
        .context("spec/bss.yaml is not an OpenAPI 3.0 document")?
        .sha256;
    let spec: serde_yaml::Value = serde_yaml::from_slice(spec_bytes)?;
    let components = request_bodies::components(&spec)?;
    let bodies = request_bodies::request_bodies(&spec)?;
    let notice = document::notice(&sha256);
    let mut output = Output::new();
    for body in &bodies {
        let schema = document::schema_document(body, components, &notice)
            .with_context(|| format!("the request body schema of {}", body.operation_id))?;
        if output.insert(body.file_name(), schema).is_some() {
            bail!("two operations are named {}", body.operation_id);
        }
    }
    output.insert(INDEX.to_owned(), document::index(&bodies, &notice));
    Ok(output)
}

fn write(out_dir: &Path, output: &Output) -> anyhow::Result<()> {
    std::fs::create_dir_all(out_dir)?;
    for stale in stale_files(out_dir, output)? {
        std::fs::remove_file(&stale).with_context(|| format!("removing {}", stale.display()))?;
        println!("removed {}", stale.display());
    }
    for (name, contents) in output {
        let path = out_dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
            std::fs::write(&path, contents)
                .with_context(|| format!("writing {}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    Ok(())
}

fn check(out_dir: &Path, output: &Output) -> anyhow::Result<()> {
    let mut stale = false;
    for (name, expected) in output {
        let actual = std::fs::read_to_string(out_dir.join(name)).unwrap_or_default();
        if &actual != expected {
            stale = true;
            let diff = similar::TextDiff::from_lines(&actual, expected);
            print!(
                "{}",
                diff.unified_diff().context_radius(3).header(
                    &format!("a/schemas/{name} (checked in)"),
                    &format!("b/schemas/{name} (generated)")
                )
            );
        }
    }
    for extra in stale_files(out_dir, output)? {
        stale = true;
        println!(
            "unexpected file not produced by the generator: {}",
            extra.display()
        );
    }
    if stale {
        bail!("schemas/ is stale: run `cargo xtask schemas` and commit the result");
    }
    println!("schemas/ is up to date ({} files)", output.len());
    Ok(())
}

/// Files in `schemas/` that the generator does not produce (a removed or renamed operation).
fn stale_files(out_dir: &Path, output: &Output) -> anyhow::Result<Vec<PathBuf>> {
    let Ok(entries) = std::fs::read_dir(out_dir) else {
        return Ok(Vec::new());
    };
    let mut stale = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if path.is_file() && !output.contains_key(name) {
            stale.push(path);
        }
    }
    stale.sort();
    Ok(stale)
}

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

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::generate::spec::Spec;
use crate::output_dir::OutputDir;
use crate::spec_walk::SpecWalk;
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
type Output = crate::output_dir::Files;

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
    let model = Spec::parse(spec_bytes).context("spec/bss.yaml is not an OpenAPI 3.0 document")?;
    let walk = SpecWalk::new(model.api.components.as_ref());
    let spec: serde_yaml::Value = serde_yaml::from_slice(spec_bytes)?;
    let components = request_bodies::components(&spec)?;
    let bodies = request_bodies::request_bodies(&spec)?;
    let notice = document::notice(&model.sha256);
    let mut output = Output::new();
    for body in &bodies {
        let schema = document::schema_document(body, components, walk, &notice)
            .with_context(|| format!("the request body schema of {}", body.operation_id))?;
        if output.insert(body.file_name(), schema).is_some() {
            bail!("two operations are named {}", body.operation_id);
        }
    }
    output.insert(INDEX.to_owned(), document::index(&bodies, &notice));
    Ok(output)
}

/// `schemas/`: every file in it is generated.
fn schemas_dir(path: &Path) -> OutputDir<'static> {
    OutputDir {
        path: path.to_path_buf(),
        label: "schemas",
        owns: Path::is_file,
    }
}

fn write(out_dir: &Path, output: &Output) -> anyhow::Result<()> {
    schemas_dir(out_dir).write(output)
}

fn check(out_dir: &Path, output: &Output) -> anyhow::Result<()> {
    if !schemas_dir(out_dir).check(output)? {
        bail!("schemas/ is stale: run `cargo xtask schemas` and commit the result");
    }
    println!("schemas/ is up to date ({} files)", output.len());
    Ok(())
}

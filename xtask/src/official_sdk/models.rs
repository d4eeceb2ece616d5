//! `cargo xtask sdk-models [--check]`: record the official SDK's operations and models as JSON.
//!
//! Creates (or reuses) a throwaway virtualenv under the target directory with the pinned
//! `huaweicloudsdkbss`, runs `scripts/official_sdk_models.py` with `HOME` pointed at a
//! fresh scratch folder, and writes `spec/conformance/official-sdk-bss.json`. The conformance
//! test (`cargo test -p xtask official_sdk::conformance`) compares spec/bss.yaml with that
//! committed file, so it needs neither Python nor the network. `--check` regenerates into the
//! scratch folder and fails with a diff when the committed file is stale, then prints the
//! conformance report; `--report` prints only the report (no Python).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::SDK_REQUIREMENTS;
use super::python_env::{PythonArgs, PythonEnv, run_command, script_command, target_dir};
use crate::workspace;

const SCRIPT: &str = "scripts/official_sdk_models.py";
/// Where the description is committed (read by the conformance test).
pub(crate) const MODELS_JSON: &str = "spec/conformance/official-sdk-bss.json";

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    venv: PythonArgs,
    /// Regenerate into a scratch file and fail if the committed JSON differs; then report as
    /// `--report` does.
    #[arg(long)]
    check: bool,
    /// No Python: compare spec/bss.yaml with the committed JSON (as the conformance test does),
    /// print the coverage and every difference, fail on unrecorded or stale ones.
    #[arg(long, conflicts_with_all = ["check", "fresh_venv"])]
    report: bool,
    /// Report on this spec instead of spec/bss.yaml (for trying out a change).
    #[arg(long, hide = true, requires = "report")]
    spec: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let root = workspace::root();
    if args.report {
        return report(&root, args.spec.as_deref());
    }
    let work = target_dir(&root).join("sdk-models");
    let PythonEnv { python, home } = PythonEnv::prepare(&work, &args.venv, &SDK_REQUIREMENTS)?;

    let committed = root.join(MODELS_JSON);
    let out = if args.check {
        work.join("official-sdk-bss.json")
    } else {
        committed.clone()
    };
    let mut generate = script_command(&python, &home, &root.join(SCRIPT));
    generate.arg("--out").arg(&out);
    run_command(&mut generate)?;

    if !args.check {
        eprintln!("official SDK models written to {}", out.display());
        return Ok(());
    }
    let fresh = fs::read_to_string(&out).with_context(|| format!("reading {}", out.display()))?;
    let old = fs::read_to_string(&committed).unwrap_or_default();
    if old == fresh {
        eprintln!("{MODELS_JSON} matches the official SDK");
        return report(&root, None);
    }
    let diff = similar::TextDiff::from_lines(&old, &fresh);
    print!(
        "{}",
        diff.unified_diff().context_radius(3).header(
            &format!("a/{MODELS_JSON} (committed)"),
            &format!("b/{MODELS_JSON} (official SDK)")
        )
    );
    bail!("{MODELS_JSON} is stale: run `cargo xtask sdk-models` and commit the result")
}

/// The conformance report of spec/bss.yaml against the committed description.
fn report(root: &Path, spec: Option<&Path>) -> anyhow::Result<()> {
    let outcome = super::conformance::load_and_check(root, spec)?;
    print!("{}", outcome.report());
    outcome.verdict()
}

//! `cargo xtask signer-vectors`: record the signer conformance vectors with the official Python
//! SDK.
//!
//! Creates (or reuses) a throwaway virtualenv under the target directory, installs the pinned
//! `huaweicloudsdkcore` into it, and runs `scripts/signer_vectors.py` with `HOME` pointed at a
//! fresh scratch folder (importing the SDK writes `~/.huaweicloud/application_id`). The vectors
//! land in `crates/huaweicloud-signer/tests/vectors/`, where `cargo test` reads them without
//! Python.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::official_sdk::python_env::{
    PythonArgs, PythonEnv, run_command, script_command, target_dir,
};
use crate::workspace;

/// The official SDK release the vectors are recorded with.
const SDK_REQUIREMENT: &str = "huaweicloudsdkcore==3.1.219";
const SCRIPT: &str = "scripts/signer_vectors.py";
const DIFFERENTIAL_SCRIPT: &str = "scripts/signer_differential.py";
const VECTORS_DIR: &str = "crates/huaweicloud-signer/tests/vectors";
const DIFFERENTIAL_SAMPLE: &str = "differential_sample.json";

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    venv: PythonArgs,
    /// Write the vectors here instead of the signer's tests/vectors folder.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Regenerate into a scratch folder and fail if the committed vectors differ.
    #[arg(long, conflicts_with = "out")]
    check: bool,
    /// Differential test instead: sign this many random hostile requests with the official
    /// signer, compare the Rust signer on all of them (0 mismatches required) and write a
    /// seeded sample of the matching ones to `differential_sample.json` in the vectors folder
    /// (or `--out`).
    #[arg(long, value_name = "N", conflicts_with = "check")]
    differential: Option<u32>,
    /// Seed of the differential run's random requests and sample.
    #[arg(long, default_value_t = 1, requires = "differential")]
    seed: u64,
    /// How many matching differential vectors to commit.
    #[arg(long, default_value_t = 500, requires = "differential")]
    sample: u32,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let root = workspace::root();
    let work = target_dir(&root).join("signer-vectors");
    let PythonEnv { python, home } = PythonEnv::prepare(&work, &args.venv, &[SDK_REQUIREMENT])?;

    let committed = root.join(VECTORS_DIR);
    if let Some(count) = args.differential {
        let out = args.out.as_deref().unwrap_or(&committed);
        return differential(&root, &work, &python, &home, count, &args, out);
    }
    let out = match (&args.out, args.check) {
        (Some(out), _) => out.clone(),
        (None, true) => {
            let scratch = work.join("check");
            if scratch.exists() {
                fs::remove_dir_all(&scratch)?;
            }
            scratch
        }
        (None, false) => committed.clone(),
    };

    let mut generate = script_command(&python, &home, &root.join(SCRIPT));
    generate.arg("--out").arg(&out);
    run_command(&mut generate)?;

    if args.check {
        compare_dirs(&committed, &out)?;
        eprintln!("committed vectors match the official signer");
    } else {
        eprintln!("vectors written to {}", out.display());
    }
    Ok(())
}

/// The differential run: random requests signed by the official signer (crashes skipped and
/// counted by the script), the Rust signer compared on all of them by the ignored `differential`
/// test (refusals by design skipped and counted, mismatches fail it), then a seeded sample of the
/// matching vectors written to `out/differential_sample.json`.
fn differential(
    root: &Path,
    work: &Path,
    python: &Path,
    home: &Path,
    count: u32,
    args: &Args,
    out: &Path,
) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let scratch = work.join("differential");
    fs::create_dir_all(&scratch)?;
    let (all, report) = (scratch.join("all.json"), scratch.join("report.json"));
    let script = root.join(DIFFERENTIAL_SCRIPT);
    let seed = args.seed.to_string();

    let mut generate = script_command(python, home, &script);
    generate
        .arg("generate")
        .args(["--count", &count.to_string(), "--seed", &seed, "--out"])
        .arg(&all)
        .arg("--stats")
        .arg(scratch.join("stats.json"));
    run_command(&mut generate)?;

    if report.exists() {
        fs::remove_file(&report)?;
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut compare = Command::new(cargo);
    compare
        .args(["test", "-p", "huaweicloud-signer", "--test", "differential"])
        .args(["--", "--ignored", "--nocapture"])
        .current_dir(root)
        .env("SIGNER_DIFFERENTIAL_VECTORS", &all)
        .env("SIGNER_DIFFERENTIAL_REPORT", &report);
    let compared = run_command(&mut compare);
    if report.exists() {
        eprintln!("differential report: {}", report.display());
    }
    compared.context("the Rust signer disagrees with the official signer")?;

    let mut sample = script_command(python, home, &script);
    sample
        .arg("sample")
        .arg("--vectors")
        .arg(&all)
        .arg("--report")
        .arg(&report)
        .args(["--size", &args.sample.to_string(), "--seed", &seed, "--out"])
        .arg(out.join(DIFFERENTIAL_SAMPLE));
    run_command(&mut sample)?;
    eprintln!(
        "differential run of {count} requests (seed {seed}) done in {:.1?}",
        started.elapsed()
    );
    Ok(())
}

/// Fails unless both folders hold the same `*.json` files with the same bytes.
fn compare_dirs(committed: &Path, fresh: &Path) -> anyhow::Result<()> {
    let list = |dir: &Path| -> anyhow::Result<Vec<String>> {
        let mut names = Vec::new();
        for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") {
                names.push(name);
            }
        }
        names.sort();
        Ok(names)
    };
    let (old, new) = (list(committed)?, list(fresh)?);
    let mut problems = Vec::new();
    for name in &new {
        if !old.contains(name) {
            problems.push(format!("{name}: produced but not committed"));
        } else if fs::read(committed.join(name))? != fs::read(fresh.join(name))? {
            problems.push(format!("{name}: differs from the official signer's output"));
        }
    }
    // Hand-added files are allowed (the test reads every file); only report recorded ones.
    if problems.is_empty() {
        return Ok(());
    }
    bail!(
        "{} problem(s); rerun `cargo xtask signer-vectors`:\n{}",
        problems.len(),
        problems.join("\n")
    )
}

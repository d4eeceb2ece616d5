//! `cargo xtask signer-speed`: how fast the Rust signer signs a CreateSubCustomer request, next
//! to the raw cryptography it cannot avoid and to the official Python SDK's signer, measured in
//! one run on one machine.
//!
//! Runs the criterion benchmark `crates/huaweicloud-signer/benches/sign.rs` (its `sign`,
//! `raw_floor` and `crypto_floor` functions), reads criterion's estimates back from the target directory, then
//! times `huaweicloudsdkcore`'s signer on the same request with
//! `scripts/python_signer_timing.py` in the throwaway virtualenv of `signer-vectors`.

use std::fs;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::Value;

use crate::official_sdk::python_env::{
    PythonArgs, PythonEnv, run_command, script_command, target_dir,
};
use crate::workspace;

/// The official SDK release timed (the one the conformance vectors come from).
const SDK_REQUIREMENT: &str = "huaweicloudsdkcore==3.1.219";
const SCRIPT: &str = "scripts/python_signer_timing.py";
/// criterion's group and functions in benches/sign.rs.
const BENCH_GROUP: &str = "create_sub_customer";
const RUST_SIGN: &str = "sign";
const RAW_FLOOR: &str = "raw_floor";
/// The stricter floor: the same cryptography, hex-encoded on the stack, nothing allocated.
const CRYPTO_FLOOR: &str = "crypto_floor";
/// The goals of issue 5: signing within 1.3x the raw cryptography, 20x faster than Python.
const FLOOR_RATIO_TARGET: f64 = 1.3;
const PYTHON_SPEEDUP_TARGET: f64 = 20.0;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    venv: PythonArgs,
    /// Python signatures per timed repeat.
    #[arg(long, default_value_t = 2000)]
    iterations: u32,
    /// Timed Python repeats; the best one is reported, as criterion's estimate is robust to
    /// noise from other processes.
    #[arg(long, default_value_t = 5)]
    repeats: u32,
}

/// One criterion estimate in nanoseconds, with its 95% confidence interval.
struct Estimate {
    point_ns: f64,
    low_ns: f64,
    high_ns: f64,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let root = workspace::root();
    let target = target_dir(&root);
    let PythonEnv { python, home } = PythonEnv::prepare(
        &target.join("signer-vectors"),
        &args.venv,
        &[SDK_REQUIREMENT],
    )?;

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    run_command(
        Command::new(cargo)
            .args(["bench", "-p", "huaweicloud-signer", "--bench", "sign"])
            .args(["--", "--noplot"])
            .current_dir(&root),
    )?;
    let criterion = target.join("criterion").join(BENCH_GROUP);
    let rust = read_estimate(&criterion.join(RUST_SIGN))?;
    let floor = read_estimate(&criterion.join(RAW_FLOOR))?;
    let crypto_floor = read_estimate(&criterion.join(CRYPTO_FLOOR))?;

    let output = script_command(&python, &home, &root.join(SCRIPT))
        .args(["--iterations", &args.iterations.to_string()])
        .args(["--repeats", &args.repeats.to_string()])
        .output()
        .context("starting the Python signer timing")?;
    if !output.status.success() {
        bail!(
            "the Python signer timing failed with {}:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let python_run: Value = serde_json::from_slice(&output.stdout)
        .context("reading the Python timing's JSON output")?;
    let python_us = python_run["best_us"]
        .as_f64()
        .context("the Python timing printed no best_us")?;

    let floor_ratio = rust.point_ns / floor.point_ns;
    let speedup = python_us * 1000.0 / rust.point_ns;
    println!("CreateSubCustomer request, one run on this machine:");
    println!("  Rust sign (criterion)    {}", rust.show());
    println!("  raw floor (criterion)    {}", floor.show());
    println!("  Rust sign / raw floor    {floor_ratio:.2}x (target <= {FLOOR_RATIO_TARGET}x)");
    println!("  crypto floor (criterion) {}", crypto_floor.show());
    println!(
        "  Rust sign / crypto floor {:.2}x (no allocation at all: a lower bound)",
        rust.point_ns / crypto_floor.point_ns
    );
    println!(
        "  Python sign ({}, Python {}, best of {} x {})    {python_us:.2} us",
        python_run["sdk"].as_str().unwrap_or("?"),
        python_run["python"].as_str().unwrap_or("?"),
        args.repeats,
        args.iterations,
    );
    println!(
        "  Python / Rust            {speedup:.0}x faster (target >= {PYTHON_SPEEDUP_TARGET}x)"
    );
    Ok(())
}

impl Estimate {
    fn show(&self) -> String {
        format!(
            "{:.3} us  [{:.3} .. {:.3}]",
            self.point_ns / 1000.0,
            self.low_ns / 1000.0,
            self.high_ns / 1000.0
        )
    }
}

/// criterion's estimate of one benchmark function from `<dir>/new/estimates.json`: the slope
/// of its linear regression when it has one (what criterion prints as `time:`), else the mean.
fn read_estimate(dir: &Path) -> anyhow::Result<Estimate> {
    let path = dir.join("new").join("estimates.json");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let estimates: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let chosen = match &estimates["slope"] {
        Value::Null => &estimates["mean"],
        slope => slope,
    };
    let number = |value: &Value| {
        value
            .as_f64()
            .with_context(|| format!("{}: missing estimate field", path.display()))
    };
    Ok(Estimate {
        point_ns: number(&chosen["point_estimate"])?,
        low_ns: number(&chosen["confidence_interval"]["lower_bound"])?,
        high_ns: number(&chosen["confidence_interval"]["upper_bound"])?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A criterion-like `<dir>/new/estimates.json` in a fresh folder under the target dir.
    fn estimates_dir(name: &str, json: &str) -> PathBuf {
        let dir = target_dir(&workspace::root())
            .join("tmp")
            .join("signer-speed-tests")
            .join(name);
        fs::create_dir_all(dir.join("new")).unwrap();
        fs::write(dir.join("new").join("estimates.json"), json).unwrap();
        dir
    }

    fn interval(low: f64, point: f64, high: f64) -> String {
        format!(
            r#"{{"confidence_interval":{{"confidence_level":0.95,"lower_bound":{low},"upper_bound":{high}}},"point_estimate":{point},"standard_error":1.0}}"#
        )
    }

    #[test]
    fn reads_the_slope_when_criterion_has_one() {
        let json = format!(
            r#"{{"mean":{},"median":{},"slope":{}}}"#,
            interval(1.0, 2.0, 3.0),
            interval(1.0, 2.0, 3.0),
            interval(1500.0, 1600.0, 1700.0)
        );
        let estimate = read_estimate(&estimates_dir("slope", &json)).unwrap();
        assert_eq!(
            (estimate.low_ns, estimate.point_ns, estimate.high_ns),
            (1500.0, 1600.0, 1700.0)
        );
        assert_eq!(estimate.show(), "1.600 us  [1.500 .. 1.700]");
    }

    #[test]
    fn falls_back_to_the_mean_without_a_slope() {
        let json = format!(
            r#"{{"mean":{},"median":{},"slope":null}}"#,
            interval(900.0, 950.0, 1000.0),
            interval(1.0, 2.0, 3.0)
        );
        let estimate = read_estimate(&estimates_dir("mean", &json)).unwrap();
        assert_eq!(estimate.point_ns, 950.0);
    }

    #[test]
    fn missing_fields_are_errors_naming_the_file() {
        let dir = estimates_dir("broken", r#"{"mean":{"point_estimate":1.0}}"#);
        let err = read_estimate(&dir).err().unwrap().to_string();
        assert!(err.contains("estimates.json"), "{err}");
        assert!(read_estimate(&dir.join("absent")).is_err());
    }
}

//! `cargo xtask official-sdk-check`: drive the `bss-sim` simulator with the official Python SDK.
//!
//! The simulator must accept exactly what the official SDKs send: their JSON formatting
//! (`", "` separators, `\uXXXX` escapes), their header set and their signing. This task creates
//! (or reuses) a throwaway virtualenv under the target directory with the pinned
//! `huaweicloudsdkbss` and `huaweicloudsdkcore`, builds and starts `bss-sim` with a fixed AK/SK,
//! runs `scripts/official_sdk_against_sim.py` against it with `HOME` pointed at a fresh scratch
//! folder (the SDK writes `~/.huaweicloud/application_id`), stops the simulator and fails if
//! the script reports an unexpected outcome.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use super::SDK_REQUIREMENTS;
use super::python_env::{PythonArgs, PythonEnv, run_command, script_command, target_dir};
use crate::workspace;

const SCRIPT: &str = "scripts/official_sdk_against_sim.py";
/// The pair the simulator is started with and the script signs with.
const SIM_AK: &str = "SDKCHECKAK0000000001";
const SIM_SK: &str = "SdkCheckSecretKey0123456789abcdefghijklm";
/// What `bss-sim` prints once it listens.
const LISTENING: &str = "bss-sim listening on ";
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    venv: PythonArgs,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let started = Instant::now();
    let root = workspace::root();
    let target = target_dir(&root);
    let work = target.join("official-sdk");
    let PythonEnv { python, home } = PythonEnv::prepare(&work, &args.venv, &SDK_REQUIREMENTS)?;
    let venv_ready = started.elapsed();

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build
        .args(["build", "-p", "huaweicloud-bss-sim", "--bin", "bss-sim"])
        .current_dir(&root);
    run_command(&mut build)?;
    let sim_built = started.elapsed();

    let binary = target
        .join("debug")
        .join(format!("bss-sim{}", std::env::consts::EXE_SUFFIX));
    let (simulator, url) = Simulator::start(&binary)?;
    eprintln!("{} started on {url}", binary.display());

    let mut check = script_command(&python, &home, &root.join(SCRIPT));
    check.args([url.as_str(), SIM_AK, SIM_SK]);
    let result = run_command(&mut check);
    drop(simulator);
    let total = started.elapsed();
    eprintln!(
        "timing: venv ready {:.1}s, simulator built {:.1}s, SDK run {:.1}s, total {:.1}s",
        venv_ready.as_secs_f64(),
        (sim_built - venv_ready).as_secs_f64(),
        (total - sim_built).as_secs_f64(),
        total.as_secs_f64(),
    );
    result.context("the official SDK did not get the expected answers from bss-sim")?;
    eprintln!("the official Python SDK and bss-sim agree");
    Ok(())
}

/// A running `bss-sim`; killed when stopped or dropped, so no error path leaves it behind.
struct Simulator(Child);

impl Simulator {
    /// Starts the binary with the fixed AK/SK on a free port and returns it with its URL.
    fn start(binary: &Path) -> anyhow::Result<(Self, String)> {
        let mut command = Command::new(binary);
        command
            .args(["--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        // Only the pair given here: a developer's own credentials must not leak in.
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("HUAWEICLOUD_SDK_") {
                command.env_remove(&key);
            }
        }
        command
            .env("HUAWEICLOUD_SDK_AK", SIM_AK)
            .env("HUAWEICLOUD_SDK_SK", SIM_SK);
        let mut child = command
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let stdout = child.stdout.take().context("bss-sim stdout is not piped")?;
        let simulator = Simulator(child);

        // Read the first line on a thread so that a simulator that never prints cannot hang
        // the task; the thread then keeps draining stdout until the process exits.
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let _ = sender.send(lines.next());
            for _ in lines {}
        });
        let first = match receiver.recv_timeout(STARTUP_TIMEOUT) {
            Ok(Some(Ok(line))) => line,
            Ok(Some(Err(error))) => bail!("reading bss-sim's output: {error}"),
            Ok(None) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                bail!("bss-sim exited before it listened")
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                bail!("bss-sim printed nothing within {STARTUP_TIMEOUT:?}")
            }
        };
        let url = first
            .strip_prefix(LISTENING)
            .with_context(|| format!("unexpected first line from bss-sim: {first:?}"))?
            .trim()
            .to_string();
        Ok((simulator, url))
    }
}

impl Drop for Simulator {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

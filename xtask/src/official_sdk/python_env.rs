//! A throwaway Python environment for test-time references (the official SDK): a venv under
//! `target/`, pinned requirements, and a fresh scratch HOME per run.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, ensure};

/// The options of every command that runs the official Python SDK.
#[derive(clap::Args)]
pub(crate) struct PythonArgs {
    /// Python interpreter used to create the virtualenv.
    #[arg(long, default_value = "python3")]
    python: PathBuf,
    /// Delete the virtualenv first instead of reusing it.
    #[arg(long)]
    fresh_venv: bool,
}

/// A ready venv: its interpreter and the scratch HOME to run it with.
pub(crate) struct PythonEnv {
    pub python: PathBuf,
    pub home: PathBuf,
}

impl PythonEnv {
    /// Creates (or reuses, unless `fresh`) `work/venv` with `base_python`, installs the pinned
    /// `requirements`, and empties `work/home`: the official SDK writes an application id
    /// there, which must not leak between runs or into the developer's own home.
    pub(crate) fn prepare(
        work: &Path,
        args: &PythonArgs,
        requirements: &[&str],
    ) -> anyhow::Result<Self> {
        let (base_python, fresh) = (args.python.as_path(), args.fresh_venv);
        let venv = work.join("venv");
        let home = work.join("home");
        if fresh && venv.exists() {
            fs::remove_dir_all(&venv).with_context(|| format!("removing {}", venv.display()))?;
        }
        let python = venv_python(&venv);
        if !python.exists() {
            eprintln!("creating virtualenv {}", venv.display());
            run_command(Command::new(base_python).arg("-m").arg("venv").arg(&venv))?;
        }
        run_command(
            Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                ])
                .args(requirements),
        )?;
        if home.exists() {
            fs::remove_dir_all(&home).with_context(|| format!("removing {}", home.display()))?;
        }
        fs::create_dir_all(&home)?;
        Ok(Self { python, home })
    }
}

pub(crate) fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

pub(crate) fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

pub(crate) fn run_command(command: &mut Command) -> anyhow::Result<()> {
    let shown = format!(
        "{} {}",
        command.get_program().to_string_lossy(),
        command
            .get_args()
            .map(OsStr::to_string_lossy)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let status = command
        .status()
        .with_context(|| format!("starting `{shown}`"))?;
    ensure!(status.success(), "`{shown}` failed with {status}");
    Ok(())
}

/// `python script` run in the scratch `HOME`, isolated from the caller's Python and SDK settings.
pub(crate) fn script_command(python: &Path, home: &Path, script: &Path) -> Command {
    let mut command = Command::new(python);
    command
        .arg(script)
        .current_dir(home)
        .env("HOME", home)
        .env("USERPROFILE", home)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONHOME");
    // The SDK reads credentials and endpoints from these; each command passes its own.
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("HUAWEICLOUD_SDK_") {
            command.env_remove(&key);
        }
    }
    command
}

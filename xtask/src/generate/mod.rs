//! `cargo xtask generate [--check]`: spec/bss.yaml → crates/huaweicloud-bss-api/src and the
//! `bss` CLI's command tree in crates/huaweicloud-bss-cli/src/generated.
//!
//! Every `.rs` file of the generated crate is produced here; `--check` regenerates in memory and
//! fails with a unified diff when the checked-in files differ.

mod cli;
mod client;
mod error_codes;
mod hooks;
mod operations;
mod render;
pub(crate) mod spec;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::workspace;

#[derive(clap::Args)]
pub struct Args {
    /// Do not write; fail with a diff if the checked-in output is stale.
    #[arg(long)]
    check: bool,
    /// Read this spec instead of spec/bss.yaml (for trying out a change).
    #[arg(long, hide = true)]
    spec: Option<PathBuf>,
}

/// Relative path (inside the generated crate's `src/`) → file contents.
type Output = BTreeMap<&'static str, String>;

pub fn run(args: Args) -> anyhow::Result<()> {
    let root = workspace::root();
    let spec = spec::Spec::load(&args.spec.unwrap_or_else(|| root.join("spec/bss.yaml")))?;
    validate::validate(&spec)?;
    // Each generated crate's output directory (relative to the workspace root) and its files.
    let targets = [
        ("crates/huaweicloud-bss-api/src", generate(&spec)?),
        (
            "crates/huaweicloud-bss-cli/src/generated",
            generate_cli(&spec)?,
        ),
    ];
    for (dir, output) in &targets {
        if args.check {
            check(&root.join(dir), dir, output)?;
        } else {
            write(&root.join(dir), output)?;
        }
    }
    Ok(())
}

/// The `bss` CLI's command tree (the CLI's hand-written main wires it to the thin crate).
fn generate_cli(spec: &spec::Spec) -> anyhow::Result<Output> {
    let header = render::header(spec);
    let mut tokens = cli::generate(spec)?;
    tokens.extend(cli::example_bodies(spec)?);
    Ok(Output::from([(
        "commands.rs",
        render::rust_file(&header, tokens)?,
    )]))
}

/// Produces every generated file from the spec; pure apart from running rustfmt.
fn generate(spec: &spec::Spec) -> anyhow::Result<Output> {
    let header = render::header(spec);
    let mut output = Output::new();
    output.insert(
        "lib.rs",
        render::rust_file(&header, client::generate(spec)?)?,
    );
    output.insert(
        "hooks.rs",
        render::rust_file(&header, hooks::generate(spec))?,
    );
    output.insert(
        "error_codes.rs",
        render::rust_file(&header, error_codes::generate(spec)?)?,
    );
    output.insert(
        "operations.rs",
        render::rust_file(&header, operations::generate(spec)?)?,
    );
    Ok(output)
}

fn write(out_dir: &Path, output: &Output) -> anyhow::Result<()> {
    std::fs::create_dir_all(out_dir)?;
    for stale in stale_files(out_dir, output)? {
        std::fs::remove_file(&stale).with_context(|| format!("removing {}", stale.display()))?;
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

fn check(out_dir: &Path, label: &str, output: &Output) -> anyhow::Result<()> {
    let mut stale = false;
    for (name, expected) in output {
        let path = out_dir.join(name);
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        if &actual != expected {
            stale = true;
            let diff = similar::TextDiff::from_lines(&actual, expected);
            print!(
                "{}",
                diff.unified_diff().context_radius(3).header(
                    &format!("a/{name} (checked in)"),
                    &format!("b/{name} (generated)")
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
        bail!("{label} is stale: run `cargo xtask generate` and commit the result");
    }
    println!("{label} is up to date");
    Ok(())
}

/// `.rs` files in the output directory that the generator no longer produces.
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
        if path.extension().is_some_and(|e| e == "rs") && !output.contains_key(name) {
            stale.push(path);
        }
    }
    stale.sort();
    Ok(stale)
}

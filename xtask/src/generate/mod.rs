//! `cargo xtask generate [--check]`: spec/bss.yaml → crates/huaweicloud-bss-api/src, the `bss`
//! CLI's command tree in crates/huaweicloud-bss-cli/src/generated, and
//! crates/huaweicloud-bss-httpmock/src/generated.rs.
//!
//! Every `.rs` file of the generated API crate and of the CLI's `generated/` directory, and the
//! httpmock crate's `generated.rs`, is produced here; `--check` regenerates in memory and fails with a unified diff when the
//! checked-in files differ.

mod cli;
mod client;
mod error_codes;
mod hooks;
mod httpmock;
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

/// A crate the generator writes into.
struct Generated {
    /// Its `src/` directory, relative to the workspace root.
    src: &'static str,
    /// Whether every `.rs` file directly in `src/` is generated (then any other is stale); the
    /// httpmock crate keeps a hand-written `lib.rs` beside its generated file.
    owns_every_file: bool,
    files: Output,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let root = workspace::root();
    let spec = spec::Spec::load(&args.spec.unwrap_or_else(|| root.join("spec/bss.yaml")))?;
    validate::validate(&spec)?;
    let mut stale = false;
    for generated in generate(&spec)? {
        let out_dir = root.join(generated.src);
        if args.check {
            stale |= !check(&out_dir, &generated)?;
        } else {
            write(&out_dir, &generated)?;
        }
    }
    if stale {
        bail!("generated code is stale: run `cargo xtask generate` and commit the result");
    }
    Ok(())
}

/// Produces every generated file from the spec; pure apart from running rustfmt.
fn generate(spec: &spec::Spec) -> anyhow::Result<Vec<Generated>> {
    let header = render::header(spec);
    let mut api = Output::new();
    api.insert(
        "lib.rs",
        render::rust_file(&header, client::generate(spec)?)?,
    );
    api.insert(
        "hooks.rs",
        render::rust_file(&header, hooks::generate(spec))?,
    );
    api.insert(
        "error_codes.rs",
        render::rust_file(&header, error_codes::generate(spec)?)?,
    );
    api.insert(
        "operations.rs",
        render::rust_file(&header, operations::generate(spec)?)?,
    );
    let mut commands = cli::generate(spec)?;
    commands.extend(cli::example_bodies(spec)?);
    let cli = Output::from([("commands.rs", render::rust_file(&header, commands)?)]);
    let mut mocks = Output::new();
    mocks.insert(
        "generated.rs",
        render::rust_file(&header, httpmock::generate(spec)?)?,
    );
    Ok(vec![
        Generated {
            src: "crates/huaweicloud-bss-api/src",
            owns_every_file: true,
            files: api,
        },
        Generated {
            src: "crates/huaweicloud-bss-cli/src/generated",
            owns_every_file: true,
            files: cli,
        },
        Generated {
            src: "crates/huaweicloud-bss-httpmock/src",
            owns_every_file: false,
            files: mocks,
        },
    ])
}

fn write(out_dir: &Path, generated: &Generated) -> anyhow::Result<()> {
    std::fs::create_dir_all(out_dir)?;
    for stale in stale_files(out_dir, generated)? {
        std::fs::remove_file(&stale).with_context(|| format!("removing {}", stale.display()))?;
    }
    for (name, contents) in &generated.files {
        let path = out_dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
            std::fs::write(&path, contents)
                .with_context(|| format!("writing {}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    Ok(())
}

/// Prints a diff for every stale file; true when the checked-in files are up to date.
fn check(out_dir: &Path, generated: &Generated) -> anyhow::Result<bool> {
    let mut stale = false;
    for (name, expected) in &generated.files {
        let path = out_dir.join(name);
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        if &actual != expected {
            stale = true;
            let diff = similar::TextDiff::from_lines(&actual, expected);
            print!(
                "{}",
                diff.unified_diff().context_radius(3).header(
                    &format!("a/{}/{name} (checked in)", generated.src),
                    &format!("b/{}/{name} (generated)", generated.src)
                )
            );
        }
    }
    for extra in stale_files(out_dir, generated)? {
        stale = true;
        println!(
            "unexpected file not produced by the generator: {}",
            extra.display()
        );
    }
    if stale {
        println!("{} is stale", generated.src);
    } else {
        println!("{} is up to date", generated.src);
    }
    Ok(!stale)
}

/// `.rs` files in a directory the generator owns that it no longer produces.
fn stale_files(out_dir: &Path, generated: &Generated) -> anyhow::Result<Vec<PathBuf>> {
    if !generated.owns_every_file {
        return Ok(Vec::new());
    }
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
        if path.extension().is_some_and(|e| e == "rs") && !generated.files.contains_key(name) {
            stale.push(path);
        }
    }
    stale.sort();
    Ok(stale)
}

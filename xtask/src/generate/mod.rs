//! `cargo xtask generate [--check]`: spec/bss.yaml → crates/huaweicloud-bss-api/src (types,
//! request builders, operations, error codes), the client's call builders in
//! crates/huaweicloud-bss/src/generated, the `bss` CLI's command tree in
//! crates/huaweicloud-bss-cli/src/generated, and crates/huaweicloud-bss-httpmock/src/generated.rs.
//!
//! Every `.rs` file of the generated API crate and of the CLI's `generated/` directory, and the
//! httpmock crate's `generated.rs`, is produced here; `--check` regenerates in memory and fails with a unified diff when the
//! checked-in files differ.

mod calls;
mod cli;
mod error_codes;
mod httpmock;
mod operations;
mod render;
mod requests;
mod rules;
pub(crate) mod spec;
mod types;
mod validate;
mod values;

use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::output_dir::OutputDir;
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
type Output = crate::output_dir::Files;

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
        let out_dir = generated.output_dir(&root);
        if !args.check {
            out_dir.write(&generated.files)?;
        } else if out_dir.check(&generated.files)? {
            println!("{} is up to date", generated.src);
        } else {
            println!("{} is stale", generated.src);
            stale = true;
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
    let types = types::generate(spec)?;
    let model = requests::Model::new(spec, &types)?;
    let lib = quote::quote! {
        //! Generated types and requests of the Huawei Cloud BSS partner API.
        //!
        //! Do not depend on this crate directly: `huaweicloud-bss` sends the requests (signed,
        //! retried when safe) and re-exports everything here.

        pub mod builders;
        pub mod error_codes;
        pub mod operations;
        mod patterns;
        pub mod requests;
        pub mod values;

        // The types name the open enums by this path, as the crates generated against them do.
        extern crate self as huaweicloud_bss_api;

        pub use huaweicloud_bss_runtime::{Amount, IntoAmount, Secret};

        #types
    };
    let mut api = Output::new();
    for (file, tokens) in [
        ("lib.rs", lib),
        ("builders.rs", requests::builders(&model)),
        ("requests.rs", requests::requests(&model)),
        ("patterns.rs", model.patterns.module()),
        ("error_codes.rs", error_codes::generate(spec)?),
        ("operations.rs", operations::generate(spec)?),
        ("values.rs", values::Values::collect(spec)?.module()),
    ] {
        api.insert(file.to_owned(), render::rust_file(&header, tokens)?);
    }
    let client = Output::from([(
        "calls.rs".to_owned(),
        render::rust_file(&header, calls::generate(&model))?,
    )]);
    let mut commands = cli::generate(spec, &model)?;
    commands.extend(cli::example_bodies(spec)?);
    let cli = Output::from([(
        "commands.rs".to_owned(),
        render::rust_file(&header, commands)?,
    )]);
    let mut mocks = Output::new();
    mocks.insert(
        "generated.rs".to_owned(),
        render::rust_file(&header, httpmock::generate(spec)?)?,
    );
    Ok(vec![
        Generated {
            src: "crates/huaweicloud-bss-api/src",
            owns_every_file: true,
            files: api,
        },
        Generated {
            src: "crates/huaweicloud-bss/src/generated",
            owns_every_file: true,
            files: client,
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

impl Generated {
    fn output_dir(&self, root: &Path) -> OutputDir<'static> {
        let owns: fn(&Path) -> bool = if self.owns_every_file {
            |path| path.extension().is_some_and(|e| e == "rs")
        } else {
            |_| false
        };
        OutputDir {
            path: root.join(self.src),
            label: self.src,
            owns,
        }
    }
}

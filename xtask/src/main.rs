//! Maintainer tasks: `cargo xtask <command>`.

use clap::{Parser, Subcommand};

mod generate;
mod signer_vectors;
mod workspace;

#[derive(Parser)]
#[command(about = "Maintainer tasks for the Huawei Cloud BSS client workspace")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate crates/huaweicloud-bss-api from spec/bss.yaml.
    Generate(generate::Args),
    /// Regenerate the signer conformance vectors with the official Python SDK.
    SignerVectors(signer_vectors::Args),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Generate(args) => generate::run(args),
        Command::SignerVectors(args) => signer_vectors::run(args),
    }
}

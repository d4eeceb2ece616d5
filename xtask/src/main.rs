//! Maintainer tasks: `cargo xtask <command>`.

use clap::{Parser, Subcommand};

mod signer_vectors;

#[derive(Parser)]
#[command(about = "Maintainer tasks for the Huawei Cloud BSS client workspace")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the signer conformance vectors with the official Python SDK.
    SignerVectors(signer_vectors::Args),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::SignerVectors(args) => signer_vectors::run(args),
    }
}

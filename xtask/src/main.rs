//! Maintainer tasks: `cargo xtask <command>`.

use clap::{Parser, Subcommand};

mod generate;
mod official_sdk;
mod output_dir;
mod schemas;
mod signer_speed;
mod signer_vectors;
mod spec_walk;
mod workspace;

#[derive(Parser)]
#[command(about = "Maintainer tasks for the Huawei Cloud BSS client workspace")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate crates/huaweicloud-bss-api, the `bss` CLI's commands and the httpmock stubs from
    /// spec/bss.yaml.
    Generate(generate::Args),
    /// Regenerate the signer conformance vectors with the official Python SDK.
    SignerVectors(signer_vectors::Args),
    /// Drive the bss-sim simulator with the official Python SDK and check every answer.
    OfficialSdkCheck(official_sdk::against_sim::Args),
    /// Record the official SDK's operations and models in spec/conformance/ (the conformance
    /// test compares spec/bss.yaml with them).
    SdkModels(official_sdk::models::Args),
    /// Write a JSON Schema of every request body to schemas/ (from spec/bss.yaml).
    Schemas(schemas::Args),
    /// Time the signer against its raw cryptography (criterion) and the official Python signer.
    SignerSpeed(signer_speed::Args),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Generate(args) => generate::run(args),
        Command::SignerVectors(args) => signer_vectors::run(args),
        Command::OfficialSdkCheck(args) => official_sdk::against_sim::run(args),
        Command::SdkModels(args) => official_sdk::models::run(args),
        Command::Schemas(args) => schemas::run(args),
        Command::SignerSpeed(args) => signer_speed::run(args),
    }
}

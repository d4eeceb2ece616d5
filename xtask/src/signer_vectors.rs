//! `cargo xtask signer-vectors`: placeholder, owned by the signer work.

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("not implemented yet")
}

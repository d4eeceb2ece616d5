//! `bss-sim`: the BSS simulator as a process, for trying the client or the official SDKs
//! against it.

use clap::Parser;

#[derive(Parser)]
#[command(about = "Local simulator of the Huawei Cloud BSS partner API")]
struct Args {
    /// Port on 127.0.0.1 to listen on (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Access key the simulator accepts.
    #[arg(long, env = "HUAWEICLOUD_SDK_AK")]
    ak: String,
    /// Secret key the simulator verifies signatures with.
    #[arg(long, env = "HUAWEICLOUD_SDK_SK", hide_env_values = true)]
    sk: String,
    /// Also accept this X-Auth-Token.
    #[arg(long, hide_env_values = true)]
    token: Option<String>,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let mut simulator = huaweicloud_bss_sim::Simulator::new(args.ak, args.sk).with_port(args.port);
    if let Some(token) = args.token {
        simulator = simulator.with_token(token);
    }
    let running = simulator.start().await?;
    println!("bss-sim listening on {}", running.url());
    tokio::signal::ctrl_c().await?;
    Ok(())
}

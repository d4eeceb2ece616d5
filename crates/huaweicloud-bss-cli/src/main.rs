//! `bss`: every operation of the Huawei Cloud BSS partner API from the shell.
//!
//! The command tree (one subcommand per operation, flags and help from the spec) is generated
//! into `generated/commands.rs` by `cargo xtask generate`. This file wires it to the thin
//! crate's client, prints failures as one line on stderr, and exits with a code per error
//! class (see `exit`).
#![forbid(unsafe_code)]

mod api;
#[path = "generated/commands.rs"]
mod commands;
mod exit;
mod output;
mod tree;

use std::process::ExitCode;

use huaweicloud_bss::{Client, Region};

use crate::commands::{CliCommand, EXAMPLE_BODIES};

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let matches = tree::root()
        .try_get_matches_from(&args)
        .unwrap_or_else(|error| {
            tree::exit_on_clap_error(error, &secret_flags_of_invoked_command(&args))
        });
    let Some((name, matches)) = matches.subcommand() else {
        unreachable!("clap requires a subcommand");
    };
    let cmd = tree::find(name).expect("every subcommand comes from CliCommand::iter");
    if matches!(
        matches.try_get_one::<bool>(tree::TEMPLATE_ARG),
        Ok(Some(true))
    ) {
        return print_template(cmd);
    }
    let endpoint = matches.get_one::<String>(tree::ENDPOINT_ARG).cloned();
    let client = match client(endpoint) {
        Ok(client) => client,
        Err(error) => return fail(&huaweicloud_bss::Error::from(error)),
    };
    match cmd.execute(&client, matches).await {
        Ok(()) => ExitCode::from(exit::OK),
        Err(error) => match error.downcast::<huaweicloud_bss::Error>() {
            Ok(call_error) => fail(&call_error),
            // Everything else went wrong before sending: `--json-body` unreadable or not a
            // valid body (the message names the file and the field).
            Err(other) => {
                eprintln!("bss: {other:#}");
                ExitCode::from(exit::VALIDATION)
            }
        },
    }
}

/// The client from the environment, with `--endpoint` taking the place of the endpoint
/// variable.
fn client(endpoint: Option<String>) -> Result<Client, huaweicloud_bss::ConfigError> {
    let endpoint_var = Region::default().endpoint_env_var();
    Client::from_env_with(|name| match &endpoint {
        Some(endpoint) if name == endpoint_var => Some(endpoint.clone()),
        _ => std::env::var(name).ok(),
    })
}

/// One line on stderr (the error's Display: never a secret) and the exit code of its class.
fn fail(error: &huaweicloud_bss::Error) -> ExitCode {
    eprintln!("bss: {error}");
    ExitCode::from(exit::for_error(error))
}

fn print_template(cmd: CliCommand) -> ExitCode {
    match EXAMPLE_BODIES
        .iter()
        .find(|(op, _)| *op == cmd.operation_id())
    {
        Some((_, body)) => {
            println!("{body}");
            ExitCode::from(exit::OK)
        }
        None => {
            eprintln!("bss: the spec has no example body for {}", tree::name(cmd));
            ExitCode::from(exit::VALIDATION)
        }
    }
}

/// The secret flags of the subcommand named on the command line, found without clap (which
/// has just failed to parse it).
fn secret_flags_of_invoked_command(args: &[std::ffi::OsString]) -> Vec<String> {
    args.iter()
        .skip(1)
        .filter_map(|arg| arg.to_str())
        .find_map(tree::find)
        .map(tree::secret_flags)
        .unwrap_or_default()
}

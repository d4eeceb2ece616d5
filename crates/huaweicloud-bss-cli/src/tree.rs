//! The `bss` command: the generated subcommands, named and described for a person.

use clap::{Arg, Command};
use heck::ToKebabCase;
use huaweicloud_bss::operations::{OPERATIONS, Operation};

use crate::commands::CliCommand;
use crate::exit;

/// The global flag that overrides the endpoint.
pub const ENDPOINT_ARG: &str = "endpoint";
/// The flag for printing a body template (answered by `main`).
pub const TEMPLATE_ARG: &str = "json-body-template";

const ABOUT: &str = "Call the Huawei Cloud BSS partner API: one subcommand per operation.";

const AFTER_HELP: &str = "\
Credentials come from the environment, as in the official SDKs: HUAWEICLOUD_SDK_AK and \
HUAWEICLOUD_SDK_SK (required), HUAWEICLOUD_SDK_DOMAIN_ID and HUAWEICLOUD_SDK_SECURITY_TOKEN \
(optional). The endpoint is https://bss.myhuaweicloud.com unless \
HUAWEICLOUD_SDK_REGION_BSS_CN_NORTH_1 or --endpoint says otherwise.

Answers are printed as JSON on stdout; errors as one line on stderr.
Exit codes: 0 ok, 2 invalid flags or request (nothing sent), 3 error answer from the API, \
4 no usable answer (safe to retry), 5 outcome unknown (a write may have taken effect: \
reconcile first), 6 configuration.";

/// The whole command tree.
pub fn root() -> Command {
    let root = Command::new("bss")
        .version(env!("CARGO_PKG_VERSION"))
        .about(ABOUT)
        .after_help(AFTER_HELP)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .arg(
            Arg::new(ENDPOINT_ARG)
                .long(ENDPOINT_ARG)
                .value_name("URL")
                .global(true)
                // After the operation's own flags in every subcommand's help.
                .display_order(1000)
                .help(
                    "Send requests here instead of the configured endpoint \
                     (plain http:// only for loopback hosts).",
                ),
        );
    CliCommand::iter().fold(root, |root, cmd| root.subcommand(subcommand(cmd)))
}

/// The subcommand name of an operation: `CreateSubCustomer` is `create-sub-customer`.
pub fn name(cmd: CliCommand) -> String {
    cmd.operation_id().to_kebab_case()
}

/// The operation a subcommand name stands for.
pub fn find(name: &str) -> Option<CliCommand> {
    CliCommand::iter().find(|cmd| self::name(*cmd) == name)
}

/// The spec's record of the operation behind a command.
pub fn operation(cmd: CliCommand) -> Option<&'static Operation> {
    OPERATIONS
        .iter()
        .find(|op| op.client_method == cmd.operation_id())
}

/// Long flag names (e.g. `--password`) that carry a secret for this subcommand.
pub fn secret_flags(cmd: CliCommand) -> Vec<String> {
    operation(cmd)
        .map(|op| op.secret_fields)
        .unwrap_or_default()
        .iter()
        // Nested secrets have no flag of their own; they travel in --json-body.
        .filter(|field| !field.contains('.') && !field.contains('['))
        .map(|field| field.to_kebab_case())
        .collect()
}

fn subcommand(cmd: CliCommand) -> Command {
    let mut sub = cmd.command();
    for flag in secret_flags(cmd) {
        if sub.get_arguments().any(|arg| arg.get_id() == flag.as_str()) {
            sub = sub.mut_arg(&flag, |arg| {
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                arg.help(format!(
                    "{help} Secret: other local users can read command lines, so prefer \
                     --json-body FILE."
                ))
            });
        }
    }
    sub
}

/// Prints a clap error and exits: help and version with 0, bad flags with the validation
/// code. The value of a secret flag that failed to parse is left out of the message.
pub fn exit_on_clap_error(error: clap::Error, secret_flags: &[String]) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if error.kind() == ErrorKind::ValueValidation {
        let arg = match error.get(ContextKind::InvalidArg) {
            Some(ContextValue::String(arg)) => arg.clone(),
            _ => String::new(),
        };
        let secret = secret_flags
            .iter()
            .any(|flag| arg.starts_with(&format!("--{flag} ")) || arg == format!("--{flag}"));
        if secret {
            let reason = std::error::Error::source(&error)
                .map(ToString::to_string)
                .unwrap_or_else(|| "invalid value".to_string());
            eprintln!("error: invalid value for '{arg}': {reason}");
            std::process::exit(exit::VALIDATION.into());
        }
    }
    let code = if error.use_stderr() {
        exit::VALIDATION
    } else {
        exit::OK
    };
    let _ = error.print();
    std::process::exit(code.into());
}

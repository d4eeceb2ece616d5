//! How the generated commands print: answers as JSON on stdout, nothing else.
//!
//! Errors are not printed here: the generated code hands them back to `main`, which prints
//! one line on stderr and picks the exit code.

use std::io::Write;

use crate::api::{Error, ResponseValue, schemars::JsonSchema};
use crate::commands::CliConfig;

/// Prints each answer's body as pretty JSON, one document per call.
pub struct JsonOutput;

impl JsonOutput {
    fn print(value: &impl serde::Serialize) {
        let mut stdout = std::io::stdout().lock();
        // A closed stdout (`bss … | head`) is the reader's choice, not a failure of the call.
        let _ = match serde_json::to_string_pretty(value) {
            Ok(json) => writeln!(stdout, "{json}"),
            Err(e) => writeln!(std::io::stderr(), "bss: answer could not be printed: {e}"),
        };
    }
}

impl CliConfig for JsonOutput {
    fn success_item<T>(&self, value: &ResponseValue<T>)
    where
        T: JsonSchema + serde::Serialize + std::fmt::Debug,
    {
        Self::print(&**value);
    }

    fn success_no_item(&self, _: &ResponseValue<()>) {}

    fn error<T>(&self, _: &Error<T>)
    where
        T: JsonSchema + serde::Serialize + std::fmt::Debug,
    {
    }

    // No operation of the spec is paginated in progenitor's (Dropshot) sense, so the list
    // hooks are never called; they print as a one-shot call would.
    fn list_start<T>(&self)
    where
        T: JsonSchema + serde::Serialize + std::fmt::Debug,
    {
    }

    fn list_item<T>(&self, value: &T)
    where
        T: JsonSchema + serde::Serialize + std::fmt::Debug,
    {
        Self::print(value);
    }

    fn list_end_success<T>(&self)
    where
        T: JsonSchema + serde::Serialize + std::fmt::Debug,
    {
    }

    fn list_end_error<T>(&self, _: &Error<T>)
    where
        T: JsonSchema + serde::Serialize + std::fmt::Debug,
    {
    }
}

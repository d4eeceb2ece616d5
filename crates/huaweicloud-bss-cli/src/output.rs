//! How the commands print: answers as JSON on stdout, nothing else.
//!
//! Errors are not printed here: the generated code hands them back to `main`, which prints
//! one line on stderr and picks the exit code.

use std::io::Write;

/// Prints an answer's body as pretty JSON, one document per call.
pub fn print(value: &impl serde::Serialize) {
    let mut stdout = std::io::stdout().lock();
    // A closed stdout (`bss … | head`) is the reader's choice, not a failure of the call.
    let _ = match serde_json::to_string_pretty(value) {
        Ok(json) => writeln!(stdout, "{json}"),
        Err(e) => writeln!(std::io::stderr(), "bss: answer could not be printed: {e}"),
    };
}

//! What the generated command tree uses: the thin crate's client and types, and reading the
//! body file of `--json-body`.

use std::io::Read;
use std::path::Path;

use anyhow::Context;

pub use huaweicloud_bss::{Client, types};

/// The body in the file at `path` (`-`: standard input), as the operation's body type.
///
/// Only its shape is checked here (the message names the file and the field); its rules are
/// checked by the client when the call is sent, as for flags.
pub fn read_body<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<T> {
    let (text, source) = if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("failed to read the body from standard input")?;
        (text, "standard input".to_string())
    } else {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("failed to read {}", path.display()))?;
        (text, path.display().to_string())
    };
    serde_json::from_str(&text).with_context(|| format!("failed to parse {source}"))
}

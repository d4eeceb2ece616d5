//! The body of a non-2xx answer, read once by the hooks so that errors can be decoded without
//! awaiting (and so a hostile body cannot exhaust memory).

use bytes::Bytes;

/// The start of an error response's body, attached to the response's extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapturedErrorBody {
    /// The body, or its first `max_error_body` bytes.
    pub bytes: Bytes,
    /// Whether the body was longer than what is kept.
    pub truncated: bool,
}

/// The most characters of a body quoted in an error.
pub const SNIPPET_CHARS: usize = 512;

/// The start of a body for an error message: at most [`SNIPPET_CHARS`] characters, invalid
/// UTF-8 replaced, `…` appended when something was left out.
///
/// ```
/// let long = "x".repeat(600);
/// let snippet = huaweicloud_bss_runtime::snippet(long.as_bytes(), false);
/// assert_eq!(snippet.chars().count(), 513);
/// assert!(snippet.ends_with('…'));
/// ```
pub fn snippet(bytes: &[u8], truncated: bool) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out: String = text.chars().take(SNIPPET_CHARS).collect();
    if truncated || text.chars().nth(SNIPPET_CHARS).is_some() {
        out.push('…');
    }
    out
}

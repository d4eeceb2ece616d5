//! Quoting the start of a body in an error.

/// The most characters of a body quoted in an error.
pub(crate) const SNIPPET_CHARS: usize = 512;

/// The start of a body for an error message: at most [`SNIPPET_CHARS`] characters, invalid
/// UTF-8 replaced, `…` appended when something was left out.
pub(crate) fn snippet(bytes: &[u8], truncated: bool) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out: String = text.chars().take(SNIPPET_CHARS).collect();
    if truncated || text.chars().nth(SNIPPET_CHARS).is_some() {
        out.push('…');
    }
    out
}

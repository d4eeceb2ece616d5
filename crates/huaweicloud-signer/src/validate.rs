//! Syntax checks for what ends up on the wire, so that bad input becomes a typed error rather
//! than a header-injection risk or a panic in an HTTP library later.

/// RFC 9110 `token`: header names and methods.
pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().fold(true, |ok, b| ok & IS_TCHAR[usize::from(b)])
}

/// `tchar` membership per byte value: one lookup per byte, as every header name of every
/// request is checked.
const IS_TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let punctuation = b"!#$%&'*+-.^_`|~";
    let mut i = 0;
    while i < punctuation.len() {
        table[punctuation[i] as usize] = true;
        i += 1;
    }
    table
};

/// A header value the `http` crate accepts: no control characters except tab. Bytes >= 0x80
/// (here: UTF-8 of non-ASCII characters) are allowed; the official SDK sends such values as UTF-8.
pub(crate) fn is_header_value(s: &str) -> bool {
    // No early exit: every byte is checked anyway on the valid values signing sees, and the
    // loop without branches is vectorised.
    s.bytes().fold(true, |ok, b| {
        ok & ((b == b'\t') | ((b >= 0x20) & (b != 0x7f)))
    })
}

/// `value` without surrounding whitespace, as `str::trim` gives it, skipping the character
/// scan when both ends are visible ASCII (nearly every value).
pub(crate) fn trim(value: &str) -> &str {
    let visible = |b: &u8| (0x21..0x7f).contains(b);
    let bytes = value.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) if visible(first) && visible(last) => value,
        _ => value.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tchar_table_matches_rfc_9110() {
        for b in 0..=u8::MAX {
            let tchar = b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
            assert_eq!(IS_TCHAR[usize::from(b)], tchar, "byte {b:#04x}");
        }
    }

    #[test]
    fn tokens() {
        assert!(is_token("X-Sdk-Date"));
        assert!(is_token("x_custom.header~1"));
        assert!(is_token("GET"));
        for bad in ["", "a b", "a:b", "a\r\nb", "ä", "a/b", "a\"", "(a)", "a\0"] {
            assert!(!is_token(bad), "{bad:?}");
        }
    }

    #[test]
    fn trim_agrees_with_str_trim() {
        for value in [
            "",
            "a",
            " a",
            "a ",
            "\ta\t",
            "a b",
            "\u{3000}a",
            "a\u{85}",
            "~x!",
            "客户",
        ] {
            assert_eq!(trim(value), value.trim(), "{value:?}");
        }
    }

    #[test]
    fn header_values() {
        for ok in ["", " padded\t", "客户", "a\u{85}b", "!~"] {
            assert!(is_header_value(ok), "{ok:?}");
        }
        for bad in ["a\r\nb", "a\nb", "a\rb", "\0", "\u{7f}", "\u{1c}", "\u{b}"] {
            assert!(!is_header_value(bad), "{bad:?}");
        }
    }
}

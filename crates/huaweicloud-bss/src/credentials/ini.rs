//! The INI dialect of the official SDKs' credentials file, as Python's `configparser` reads it
//! with its defaults: `[section]` headers (case-sensitive), `key = value` or `key: value`
//! (keys case-insensitive, both sides trimmed), whole-line `#` and `;` comments, keys of
//! `[DEFAULT]` inherited by every section, and a repeated section or key is an error.
//!
//! Not supported, and refused rather than misread: multi-line (indented continuation) values.
//! `%` is taken literally (configparser would treat `%%` as `%`).

use std::collections::BTreeMap;

/// One section's keys (lower-cased) and values.
pub(crate) type Section = BTreeMap<String, String>;

/// Why a line of the file could not be read. Never holds the line's text: it may be a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// 1-based line number.
    pub line: usize,
    /// The rule the line breaks.
    pub rule: &'static str,
}

const DEFAULT_SECTION: &str = "DEFAULT";

/// The sections of `text`, with `[DEFAULT]`'s keys merged into each (a section's own value
/// wins), keyed by section name.
pub(crate) fn parse(text: &str) -> Result<BTreeMap<String, Section>, SyntaxError> {
    let mut sections: BTreeMap<String, Section> = BTreeMap::new();
    let mut current: Option<String> = None;
    // Indentation of the last key line: a deeper-indented line after it would be its
    // continuation in configparser.
    let mut last_key_indent: Option<usize> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let error = |rule| SyntaxError { line, rule };
        let raw = if line == 1 {
            raw.trim_start_matches('\u{feff}')
        } else {
            raw
        };
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        if last_key_indent.is_some_and(|key_indent| indent > key_indent) {
            return Err(error(
                "an indented line continuing a value (multi-line values are not supported)",
            ));
        }
        if let Some(name) = trimmed
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
        {
            if name.is_empty() {
                return Err(error("a section header needs a name"));
            }
            if sections.contains_key(name) {
                return Err(error("a section appears twice"));
            }
            sections.insert(name.to_string(), Section::new());
            current = Some(name.to_string());
            last_key_indent = None;
            continue;
        }
        let Some(split) = trimmed.find(['=', ':']) else {
            return Err(error(
                "a line must be a [section], a key = value pair or a # comment",
            ));
        };
        let key = trimmed[..split].trim().to_lowercase();
        let value = trimmed[split + 1..].trim().to_string();
        if key.is_empty() {
            return Err(error("a key = value pair needs a key"));
        }
        let Some(section) = current.as_ref().and_then(|name| sections.get_mut(name)) else {
            return Err(error("a key must come after a [section] header"));
        };
        if section.insert(key, value).is_some() {
            return Err(error("a key appears twice in its section"));
        }
        last_key_indent = Some(indent);
    }
    if let Some(defaults) = sections.remove(DEFAULT_SECTION) {
        for section in sections.values_mut() {
            for (key, value) in &defaults {
                section.entry(key.clone()).or_insert_with(|| value.clone());
            }
        }
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(text: &str, name: &str) -> Section {
        parse(text).expect("parses").remove(name).expect("section")
    }

    #[test]
    fn reads_keys_as_configparser_does() {
        let text = "\u{feff}# comment\n[global]\n  AK = a=b \nsk: s:k\n; other\n\n[basic]\nak=x\n";
        let global = section(text, "global");
        assert_eq!(global.get("ak").map(String::as_str), Some("a=b"));
        assert_eq!(global.get("sk").map(String::as_str), Some("s:k"));
        assert_eq!(
            section(text, "basic").get("ak").map(String::as_str),
            Some("x")
        );
    }

    #[test]
    fn default_section_fills_missing_keys_only() {
        let text = "[DEFAULT]\ndomain_id = d0\nak = default\n[global]\nak = own\n";
        let global = section(text, "global");
        assert_eq!(global.get("ak").map(String::as_str), Some("own"));
        assert_eq!(global.get("domain_id").map(String::as_str), Some("d0"));
        assert!(!parse(text).unwrap().contains_key("DEFAULT"));
    }

    #[test]
    fn section_names_are_case_sensitive() {
        assert!(!parse("[GLOBAL]\nak = a\n").unwrap().contains_key("global"));
    }

    #[test]
    fn broken_lines_name_line_and_rule_without_content() {
        let cases = [
            ("ak = a\n", 1, "a key must come after a [section] header"),
            (
                "[global]\nak a\n",
                2,
                "a line must be a [section], a key = value pair or a # comment",
            ),
            (
                "[global]\nak = a\nAK = b\n",
                3,
                "a key appears twice in its section",
            ),
            ("[global]\n[global]\n", 2, "a section appears twice"),
            ("[global]\n = a\n", 2, "a key = value pair needs a key"),
            ("[]\n", 1, "a section header needs a name"),
            (
                "[global]\nak = a\n  continued\n",
                3,
                "an indented line continuing a value (multi-line values are not supported)",
            ),
        ];
        for (text, line, rule) in cases {
            assert_eq!(parse(text), Err(SyntaxError { line, rule }), "{text:?}");
        }
    }
}

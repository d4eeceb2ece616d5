//! The `x-sdk-differences` record of an operation: deliberate departures of the spec from the
//! official SDK, each with a location (`at`), a `kind` and a `reason`.
//!
//! One grammar serves the spec validator (`cargo xtask generate` refuses a malformed record) and
//! the conformance test (which matches records against the differences it finds).
//!
//! `at` is one of `operation`, `method`, `path`, `path.<name>`, `query.<name>`,
//! `header.<Name>`, `body` or `response`, the last two optionally followed by `.<field>` and
//! `[]` (items of an array) segments: `body.amount`, `response.customer_infos[].domain_id`.

use std::collections::BTreeSet;
use std::fmt;

use serde::Deserialize;

/// Operation extension holding the records.
pub(crate) const EXTENSION: &str = "x-sdk-differences";

/// What differs at a location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// The SDK has it, the spec does not.
    Missing,
    /// The spec has it, the SDK does not (`at: operation` for a whole operation).
    Extra,
    /// Different JSON type.
    Type,
    /// Different required flag (requests only: response schemas are lenient by convention).
    Required,
    /// A query parameter is a repeated key on one side only.
    Repeated,
    /// A different HTTP method or path template (`at: method` / `at: path`).
    Value,
}

impl Kind {
    pub(crate) const ALL: [Kind; 6] = [
        Kind::Missing,
        Kind::Extra,
        Kind::Type,
        Kind::Required,
        Kind::Repeated,
        Kind::Value,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Missing => "missing",
            Kind::Extra => "extra",
            Kind::Type => "type",
            Kind::Required => "required",
            Kind::Repeated => "repeated",
            Kind::Value => "value",
        }
    }

    fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One record as written in the spec.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecord {
    at: String,
    kind: String,
    reason: String,
}

/// One well-formed record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub at: String,
    pub kind: Kind,
    pub reason: String,
}

impl Record {
    /// What a found difference must equal to be accepted by this record.
    pub(crate) fn key(&self) -> (String, Kind) {
        (location_key(&self.at), self.kind)
    }
}

/// Locations compare exactly, except header names (case-insensitive in HTTP).
pub(crate) fn location_key(at: &str) -> String {
    match at.strip_prefix("header.") {
        Some(name) => format!("header.{}", name.to_ascii_lowercase()),
        None => at.to_string(),
    }
}

/// The kinds of difference a location can have, or why the location is malformed.
fn allowed_kinds(at: &str) -> Result<&'static [Kind], String> {
    use Kind::*;
    let (head, rest) = match at.find(['.', '[']) {
        Some(index) => at.split_at(index),
        None => (at, ""),
    };
    let simple_name = |what: &str| -> Result<(), String> {
        let name = rest.strip_prefix('.').unwrap_or_default();
        if name.is_empty() || name.contains(['.', '[', ']']) || name.contains(char::is_whitespace) {
            return Err(format!("`{at}`: expected `{head}.<{what}>`"));
        }
        Ok(())
    };
    match head {
        "operation" if rest.is_empty() => Ok(&[Extra]),
        "method" | "path" if rest.is_empty() => Ok(&[Value]),
        "path" => simple_name("parameter").map(|()| &[Missing, Extra, Type, Required][..]),
        "query" => {
            simple_name("parameter").map(|()| &[Missing, Extra, Type, Required, Repeated][..])
        }
        "header" => simple_name("Header-Name").map(|()| &[Missing, Extra, Type, Required][..]),
        "body" | "response" => {
            check_field_path(at, rest)?;
            match (head, rest.is_empty()) {
                ("body", true) => Ok(&[Missing, Extra, Type]),
                ("body", false) => Ok(&[Missing, Extra, Type, Required]),
                // Response schemas carry no `required` (lenient decoding), so that is not compared.
                _ => Ok(&[Missing, Extra, Type]),
            }
        }
        _ => Err(format!(
            "`{at}`: expected operation, method, path, path.<p>, query.<p>, header.<H>, body[...] or response[...]"
        )),
    }
}

/// `(.<field> | [])*` after `body` / `response`.
fn check_field_path(at: &str, mut rest: &str) -> Result<(), String> {
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[]") {
            rest = after;
        } else if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let name = &after[..end];
            if name.is_empty() || name.contains(']') || name.contains(char::is_whitespace) {
                return Err(format!("`{at}`: empty or malformed field name"));
            }
            rest = &after[end..];
        } else {
            return Err(format!("`{at}`: fields are `.name`, array items `[]`"));
        }
    }
    Ok(())
}

/// Reads an operation's records; every malformed entry is reported, the well-formed ones kept.
pub(crate) fn parse(value: Option<&serde_json::Value>) -> (Vec<Record>, Vec<String>) {
    let Some(value) = value else {
        return (Vec::new(), Vec::new());
    };
    let raw: Vec<RawRecord> = match serde_json::from_value(value.clone()) {
        Ok(raw) => raw,
        Err(error) => {
            return (
                Vec::new(),
                vec![format!(
                    "`{EXTENSION}` must be a list of {{at, kind, reason}}: {error}"
                )],
            );
        }
    };
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for RawRecord { at, kind, reason } in raw {
        let prefix = format!("`{EXTENSION}` {at} {kind}");
        let Some(parsed_kind) = Kind::parse(&kind) else {
            let kinds: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            problems.push(format!(
                "{prefix}: kind must be one of {}",
                kinds.join(", ")
            ));
            continue;
        };
        match allowed_kinds(&at) {
            Err(problem) => {
                problems.push(format!("`{EXTENSION}` {problem}"));
                continue;
            }
            Ok(kinds) if !kinds.contains(&parsed_kind) => {
                let kinds: Vec<_> = kinds.iter().map(|k| k.as_str()).collect();
                problems.push(format!(
                    "{prefix}: at this location the kind is one of {}",
                    kinds.join(", ")
                ));
                continue;
            }
            Ok(_) => {}
        }
        if reason.trim().is_empty() {
            problems.push(format!("{prefix}: reason must not be empty"));
            continue;
        }
        let record = Record {
            at,
            kind: parsed_kind,
            reason,
        };
        if !seen.insert(record.key()) {
            problems.push(format!("{prefix}: recorded twice"));
            continue;
        }
        records.push(record);
    }
    (records, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(yaml: &str) -> Vec<String> {
        let value: serde_json::Value = serde_yaml::from_str(yaml).expect("test yaml parses");
        parse(Some(&value)).1
    }

    #[test]
    fn well_formed_records_are_kept() {
        let yaml = "
- {at: operation, kind: extra, reason: r}
- {at: method, kind: value, reason: r}
- {at: path, kind: value, reason: r}
- {at: path.order_id, kind: type, reason: r}
- {at: query.coupon_ids, kind: repeated, reason: r}
- {at: header.X-Language, kind: missing, reason: r}
- {at: body, kind: extra, reason: r}
- {at: body.amount, kind: type, reason: r}
- {at: 'body.a[].b.c', kind: required, reason: r}
- {at: 'response.customer_infos[].domain_id', kind: missing, reason: r}
- {at: 'response.matrix[][]', kind: type, reason: r}
";
        assert_eq!(problems(yaml), Vec::<String>::new());
        let value: serde_json::Value = serde_yaml::from_str(yaml).unwrap();
        assert_eq!(parse(Some(&value)).0.len(), 11);
    }

    #[test]
    fn malformed_records_are_named() {
        let cases = [
            (
                "{at: body.x, kind: renamed, reason: r}",
                "kind must be one of",
            ),
            (
                "{at: body.x, kind: type, reason: '  '}",
                "reason must not be empty",
            ),
            ("{at: body.x, kind: type}", "must be a list of"),
            (
                "{at: body.x, kind: type, reason: r, note: n}",
                "must be a list of",
            ),
            (
                "{at: bodyx, kind: type, reason: r}",
                "expected operation, method",
            ),
            (
                "{at: body..x, kind: type, reason: r}",
                "malformed field name",
            ),
            (
                "{at: 'body.x[0]', kind: type, reason: r}",
                "fields are `.name`",
            ),
            (
                "{at: query, kind: type, reason: r}",
                "expected `query.<parameter>`",
            ),
            (
                "{at: query.a.b, kind: type, reason: r}",
                "expected `query.<parameter>`",
            ),
            (
                "{at: method, kind: type, reason: r}",
                "kind is one of value",
            ),
            (
                "{at: operation, kind: missing, reason: r}",
                "kind is one of extra",
            ),
            (
                "{at: body.x, kind: repeated, reason: r}",
                "kind is one of missing, extra, type, required",
            ),
            (
                "{at: response.x, kind: required, reason: r}",
                "kind is one of missing, extra, type",
            ),
        ];
        for (record, expected) in cases {
            let found = problems(&format!("[{record}]"));
            assert!(
                found.len() == 1 && found[0].contains(expected),
                "{record}: expected {expected:?}, got {found:?}"
            );
        }
        let twice = problems(
            "[{at: header.X-Language, kind: missing, reason: a}, {at: header.x-language, kind: missing, reason: b}]",
        );
        assert!(
            twice.len() == 1 && twice[0].contains("recorded twice"),
            "{twice:?}"
        );
        assert!(
            problems("{at: body.x}")[0].contains("must be a list of"),
            "a map instead of a list"
        );
    }
}

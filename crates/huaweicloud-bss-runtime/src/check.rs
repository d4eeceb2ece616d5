//! Checking a request against the rules its spec documents, before anything is sent.
//!
//! The generated request builders call these functions field by field; every broken rule is
//! collected (not only the first) with the field's full path (`new_sub_customer.customer_name`,
//! `customer_infos[0].customer_id`, `limit`) and a rule people can read (`5 to 32 characters`,
//! `at most 2 decimal places`, `one of: 0, 1`). The simulator runs the same checks on what it
//! receives, so it refuses what the client would.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;

/// Where a field sits in a request: built on the stack while checking, turned into text only
/// when a rule is broken.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The request itself (its query parameters and top-level body fields hang off it).
    Root,
    /// A named field of an object (or a parameter).
    Field(&'a Path<'a>, &'static str),
    /// An item of an array.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The field `name` under this path.
    pub fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The item `index` of the array at this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// One broken rule: the field and what it must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    field: String,
    rule: Cow<'static, str>,
}

impl Violation {
    /// The field's full path, e.g. `new_sub_customer.customer_name` or `limit`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The rule the value broke, e.g. `5 to 32 characters`.
    pub fn rule(&self) -> &str {
        &self.rule
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.rule)
    }
}

/// A request that breaks documented rules; it was not sent. Never holds a field's value, so a
/// secret cannot leak through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidRequest {
    operation: &'static str,
    violations: Vec<Violation>,
}

impl InvalidRequest {
    /// The official name of the operation the request was for.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// Every broken rule, in the order of the fields.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
}

impl fmt::Display for InvalidRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} request: ", self.operation)?;
        for (i, violation) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidRequest {}

/// The broken rules found so far while checking one request.
#[derive(Debug, Default)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// No rule broken yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that the field at `at` breaks `rule`.
    pub fn push(&mut self, at: &Path<'_>, rule: impl Into<Cow<'static, str>>) {
        self.0.push(Violation {
            field: at.to_string(),
            rule: rule.into(),
        });
    }

    /// A required field that was not set.
    pub fn required(&mut self, at: &Path<'_>) {
        self.push(at, "required");
    }

    /// Whether no rule was broken.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was broken (the value is then complete), else every violation.
    pub fn finish<T>(self, operation: &'static str, value: Option<T>) -> Result<T, InvalidRequest> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => Err(InvalidRequest {
                operation,
                violations: self.0,
            }),
        }
    }
}

/// A value given to a setter that may not be usable (an amount from text that is not a
/// decimal); the problem is reported with the other broken rules when the request is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Given<T>(pub Result<T, Cow<'static, str>>);

impl<T> Given<T> {
    /// The value, or records `rule` at `at` and gives `None`.
    pub fn take(self, at: &Path<'_>, v: &mut Violations) -> Option<T> {
        match self.0 {
            Ok(value) => Some(value),
            Err(rule) => {
                v.push(at, rule);
                None
            }
        }
    }
}

/// A received JSON body decoded into its generated type. A body that does not decode is
/// reported at the field where decoding failed (`sm_template_args[0].key`), with the rule in
/// words when serde names it (`one of: mobile, email, name`, `required`).
pub fn decode_body<T: serde::de::DeserializeOwned>(bytes: &[u8], v: &mut Violations) -> Option<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(value) => Some(value),
        Err(error) => {
            let mut field = error.path().to_string();
            if field == "." || field == "?" {
                field.clear();
            }
            let message = error.inner().to_string();
            let rule = decode_rule(&message, &mut field);
            v.0.push(Violation {
                field: if field.is_empty() {
                    "body".to_string()
                } else {
                    field
                },
                rule: rule.into(),
            });
            None
        }
    }
}

/// The rule a serde error states, in the words of the other rules; `field` is extended with
/// the name of a missing field.
fn decode_rule(message: &str, field: &mut String) -> String {
    // serde_json appends " at line L column C".
    let message = message
        .rsplit_once(" at line ")
        .map_or(message, |(head, _)| head);
    let quoted = |text: &str| -> Vec<String> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if message.starts_with("unknown variant ")
        && let Some((_, expected)) = message.split_once(", expected ")
    {
        return format!("one of: {}", quoted(expected).join(", "));
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        if let Some(name) = quoted(rest).first() {
            if !field.is_empty() {
                field.push('.');
            }
            field.push_str(name);
        }
        return "required".to_string();
    }
    if let Some((_, expected)) = message.split_once(", expected ") {
        let range = match expected {
            "i32" => Some((i64::from(i32::MIN), i64::from(i32::MAX))),
            "i64" => Some((i64::MIN, i64::MAX)),
            _ => None,
        };
        return match range {
            Some((min, max)) => format!("an integer from {min} to {max}"),
            None => format!("{expected} ({message})"),
        };
    }
    format!("a JSON value as documented ({message})")
}

/// The JSON text of a checked body. Serializing the generated types cannot fail; should it,
/// the request is refused rather than sent half-written.
pub fn to_json<T: serde::Serialize>(
    operation: &'static str,
    body: &T,
) -> Result<Vec<u8>, InvalidRequest> {
    serde_json::to_vec(body).map_err(|error| InvalidRequest {
        operation,
        violations: vec![Violation {
            field: "body".to_string(),
            rule: format!("encodable as JSON ({error})").into(),
        }],
    })
}

/// A string's length in characters (as the service counts them) within `min..=max`.
pub fn length(
    v: &mut Violations,
    at: &Path<'_>,
    value: &str,
    min: usize,
    max: usize,
    rule: &'static str,
) {
    // Byte length bounds the character count from above; most values are short ASCII.
    let bytes = value.len();
    if bytes >= min && bytes <= max && value.is_ascii() {
        return;
    }
    let chars = value.chars().count();
    if chars < min || chars > max {
        v.push(at, rule);
    }
}

/// A string matching a documented pattern (ECMAScript syntax, as the spec writes it).
pub fn pattern(
    v: &mut Violations,
    at: &Path<'_>,
    value: &str,
    regex: &regress::Regex,
    rule: &'static str,
) {
    if regex.find(value).is_none() {
        v.push(at, rule);
    }
}

/// An integer within `min..=max`.
pub fn range(
    v: &mut Violations,
    at: &Path<'_>,
    value: i64,
    min: i64,
    max: i64,
    rule: &'static str,
) {
    if value < min || value > max {
        v.push(at, rule);
    }
}

/// An integer that is one of the documented values.
pub fn one_of(v: &mut Violations, at: &Path<'_>, value: i64, allowed: &[i64], rule: &'static str) {
    if !allowed.contains(&value) {
        v.push(at, rule);
    }
}

/// An array with `min..=max` items.
pub fn items(
    v: &mut Violations,
    at: &Path<'_>,
    len: usize,
    min: usize,
    max: usize,
    rule: &'static str,
) {
    if len < min || len > max {
        v.push(at, rule);
    }
}

/// An amount with at most `scale` decimal places.
pub fn scale(v: &mut Violations, at: &Path<'_>, value: Decimal, scale: u32, rule: &'static str) {
    if value.normalize().scale() > scale {
        v.push(at, rule);
    }
}

/// An amount above (or from) `min`.
pub fn above(
    v: &mut Violations,
    at: &Path<'_>,
    value: Decimal,
    min: Decimal,
    exclusive: bool,
    rule: &'static str,
) {
    if value < min || (exclusive && value == min) {
        v.push(at, rule);
    }
}

/// An amount below (or up to) `max`.
pub fn below(
    v: &mut Violations,
    at: &Path<'_>,
    value: Decimal,
    max: Decimal,
    exclusive: bool,
    rule: &'static str,
) {
    if value > max || (exclusive && value == max) {
        v.push(at, rule);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_written_in_a_request() {
        let root = Path::Root;
        let member = root.field("new_sub_customer");
        let name = member.field("customer_name");
        assert_eq!(name.to_string(), "new_sub_customer.customer_name");
        let infos = root.field("customer_infos");
        let first = infos.index(0);
        assert_eq!(
            first.field("customer_id").to_string(),
            "customer_infos[0].customer_id"
        );
        assert_eq!(root.field("limit").to_string(), "limit");
    }

    #[test]
    fn every_broken_rule_is_reported_with_its_field() {
        let mut v = Violations::new();
        let root = Path::Root;
        length(
            &mut v,
            &root.field("name"),
            "abc",
            5,
            32,
            "5 to 32 characters",
        );
        length(
            &mut v,
            &root.field("ok"),
            "abcdef",
            5,
            32,
            "5 to 32 characters",
        );
        length(
            &mut v,
            &root.field("wide"),
            "中文中文中",
            5,
            5,
            "5 characters",
        );
        range(&mut v, &root.field("limit"), 0, 1, 100, "from 1 to 100");
        let amount = Decimal::from_str_exact("1.005").unwrap();
        scale(
            &mut v,
            &root.field("amount"),
            amount,
            2,
            "at most 2 decimal places",
        );
        scale(
            &mut v,
            &root.field("amount"),
            Decimal::from_str_exact("1.500").unwrap(),
            2,
            "at most 2 decimal places",
        );
        above(
            &mut v,
            &root.field("amount"),
            Decimal::ZERO,
            Decimal::ZERO,
            true,
            "greater than 0",
        );
        let error = v.finish::<()>("Op", Some(())).unwrap_err();
        let found: Vec<_> = error.violations().iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "name: 5 to 32 characters",
                "limit: from 1 to 100",
                "amount: at most 2 decimal places",
                "amount: greater than 0",
            ]
        );
        assert_eq!(
            error.to_string(),
            "invalid Op request: name: 5 to 32 characters; limit: from 1 to 100; \
             amount: at most 2 decimal places; amount: greater than 0"
        );
    }

    #[test]
    fn undecodable_bodies_name_the_field_and_the_rule() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        enum Kind {
            #[serde(rename = "mobile")]
            Mobile,
            #[serde(rename = "email")]
            Email,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Item {
            key: Kind,
            value: String,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Body {
            items: Vec<Item>,
            #[serde(default)]
            n: i32,
        }
        let cases = [
            (
                r#"{"items":[{"key":"fax","value":"x"}]}"#,
                "items[0].key: one of: mobile, email",
            ),
            (r#"{"items":[{"key":"email"}]}"#, "items[0].value: required"),
            (r#"{}"#, "items: required"),
            (
                r#"{"items":7}"#,
                "items: a sequence (invalid type: integer `7`, expected a sequence)",
            ),
            (
                "not json",
                "body: a JSON value as documented (expected ident)",
            ),
        ];
        for (body, expected) in cases {
            let mut v = Violations::new();
            assert!(
                decode_body::<Body>(body.as_bytes(), &mut v).is_none(),
                "{body}"
            );
            assert_eq!(v.0[0].to_string(), expected, "{body}");
        }
    }

    #[test]
    fn patterns_use_ecmascript_syntax() {
        let regex = regress::Regex::new("^(?!op_)[a-z_]+$").unwrap();
        let mut v = Violations::new();
        pattern(
            &mut v,
            &Path::Root.field("name"),
            "op_x",
            &regex,
            "not starting with op_",
        );
        pattern(
            &mut v,
            &Path::Root.field("name"),
            "shop",
            &regex,
            "not starting with op_",
        );
        assert_eq!(v.0.len(), 1);
        assert_eq!(v.0[0].rule(), "not starting with op_");
    }
}

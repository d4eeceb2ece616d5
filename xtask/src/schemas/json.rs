//! A JSON tree that keeps the order its objects were built in.
//!
//! `serde_json::Value` sorts object keys (unless a crate somewhere in the build turns on
//! `preserve_order`, which would then change the output). The schema files should read like the
//! spec, keywords in a fixed order and properties in documentation order, whatever features the
//! build unifies, so the generator writes this tree instead.

use anyhow::{Context, bail};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Json>),
    /// Members in output order; keys are unique (see [`Object::push`]).
    Object(Object),
}

/// A JSON object whose members keep their insertion order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object(Vec<(String, Json)>);

impl Object {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a member; a key given twice is a generator bug, so it panics.
    pub fn push(&mut self, key: impl Into<String>, value: impl Into<Json>) {
        let key = key.into();
        assert!(self.get(&key).is_none(), "duplicate JSON key {key}");
        self.0.push((key, value.into()));
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Removes a member and returns its value.
    pub fn take(&mut self, key: &str) -> Option<Json> {
        let index = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(index).1)
    }

    pub fn into_members(self) -> impl Iterator<Item = (String, Json)> {
        self.0.into_iter()
    }
}

impl From<Object> for Json {
    fn from(object: Object) -> Self {
        Json::Object(object)
    }
}

impl From<&str> for Json {
    fn from(text: &str) -> Self {
        Json::String(text.to_owned())
    }
}

impl From<String> for Json {
    fn from(text: String) -> Self {
        Json::String(text)
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Self {
        Json::Bool(value)
    }
}

impl From<i64> for Json {
    fn from(value: i64) -> Self {
        Json::Number(value.into())
    }
}

impl From<serde_json::Number> for Json {
    fn from(value: serde_json::Number) -> Self {
        Json::Number(value)
    }
}

impl From<Vec<Json>> for Json {
    fn from(items: Vec<Json>) -> Self {
        Json::Array(items)
    }
}

impl Json {
    /// Converts a YAML value of the spec (an example, an enum member, a bound) keeping the
    /// order of its mappings. `what` names the value in errors.
    pub fn from_yaml(value: &serde_yaml::Value, what: &str) -> anyhow::Result<Json> {
        use serde_yaml::Value;
        Ok(match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(yaml_number(n).with_context(|| what.to_owned())?),
            Value::String(s) => Json::String(s.clone()),
            Value::Sequence(items) => Json::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| Json::from_yaml(item, &format!("{what}/{i}")))
                    .collect::<anyhow::Result<_>>()?,
            ),
            Value::Mapping(mapping) => {
                let mut object = Object::new();
                for (key, item) in mapping {
                    let Value::String(key) = key else {
                        bail!("{what}: a mapping key is not a string: {key:?}");
                    };
                    object.push(
                        key.clone(),
                        Json::from_yaml(item, &format!("{what}/{key}"))?,
                    );
                }
                Json::Object(object)
            }
            Value::Tagged(_) => bail!("{what}: YAML tags have no JSON form"),
        })
    }

    /// Pretty-printed with two-space indentation and a final newline, like the other
    /// checked-in JSON of the workspace.
    pub fn to_pretty_string(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a Json tree always serializes");
        text.push('\n');
        text
    }
}

fn yaml_number(number: &serde_yaml::Number) -> anyhow::Result<serde_json::Number> {
    if let Some(n) = number.as_i64() {
        Ok(n.into())
    } else if let Some(n) = number.as_u64() {
        Ok(n.into())
    } else {
        let float = number
            .as_f64()
            .expect("a YAML number is an integer or a float");
        serde_json::Number::from_f64(float)
            .with_context(|| format!("{float} (NaN and infinities have no JSON form)"))
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(n) => n.serialize(serializer),
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(Object(members)) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_keep_insertion_order_and_yaml_mappings_keep_theirs() {
        let yaml: serde_yaml::Value =
            serde_yaml::from_str("zeta: 1\nalpha: [0.01, 'x', true]\n").unwrap();
        let mut object = Object::new();
        object.push("b", Json::from_yaml(&yaml, "example").unwrap());
        object.push("a", Json::Null);
        assert_eq!(
            Json::Object(object).to_pretty_string(),
            "{\n  \"b\": {\n    \"zeta\": 1,\n    \"alpha\": [\n      0.01,\n      \"x\",\n      true\n    ]\n  },\n  \"a\": null\n}\n"
        );
    }
}

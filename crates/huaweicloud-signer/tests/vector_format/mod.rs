//! The vector file format of `tests/vectors/*.json` (see the signing reference), shared by the
//! conformance and differential tests.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

#[derive(Deserialize)]
pub struct Vector {
    pub name: String,
    pub method: String,
    pub host: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: OrderedHeaders,
    pub body: Option<String>,
    pub ak: String,
    pub sk: String,
    pub x_sdk_date: String,
    pub expected: Expected,
}

#[derive(Deserialize)]
pub struct Expected {
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signed_headers: String,
    pub authorization: String,
    pub url: String,
}

impl Vector {
    /// The query as borrowed pairs, in file order.
    pub fn query_pairs(&self) -> Vec<(&str, &str)> {
        self.query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    /// The headers as borrowed pairs, in file order.
    pub fn header_pairs(&self) -> Vec<(&str, &str)> {
        self.headers
            .0
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }
}

/// Headers in file order (a JSON object, read without going through a sorted map).
pub struct OrderedHeaders(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for OrderedHeaders {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor;
        impl<'de> Visitor<'de> for OrderedVisitor {
            type Value = OrderedHeaders;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of header names to string values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut headers = Vec::new();
                while let Some(entry) = map.next_entry::<String, String>()? {
                    headers.push(entry);
                }
                Ok(OrderedHeaders(headers))
            }
        }
        deserializer.deserialize_map(OrderedVisitor)
    }
}

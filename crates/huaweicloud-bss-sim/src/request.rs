//! Reading a request: body decoding, query parsing, paging and parameter errors (one
//! implementation each, used by every handler). Every request was checked with the client's
//! own rules before a handler runs (`ops::check_request`); what is left here is decoding.

use std::str::FromStr;

use huaweicloud_bss_runtime::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::respond::{self, Reply};
use crate::server::Received;

/// A parameter error, as the service answers it (CBC.0100 and the reason).
pub(crate) fn invalid(what: &str) -> Reply {
    respond::error("CBC.0100", Some(&format!("parameter error: {what}")))
}

/// Decodes a body with the generated type; a body that does not decode is answered as the
/// service does, with CBC.0100 and the reason.
pub(crate) fn body<T: DeserializeOwned>(received: &Received) -> Result<T, Reply> {
    serde_json::from_slice(&received.body).map_err(|e| invalid(&e.to_string()))
}

/// An amount of any generated money type (number or string on the wire), exactly, with the
/// scale it was given (`10.50` stays `10.50`).
pub(crate) fn decimal(amount: &impl Serialize) -> Result<Decimal, Reply> {
    let text = serde_json::to_string(amount).map_err(|_| invalid("amount"))?;
    Decimal::from_str_exact(text.trim_matches('"')).map_err(|_| invalid("amount"))
}

/// A limit on a list's length the generated types do not enforce.
pub(crate) fn check_max_items(what: &str, len: usize, max: usize) -> Result<(), Reply> {
    if len > max {
        return Err(invalid(&format!("{what} holds {len} items, at most {max}")));
    }
    Ok(())
}

/// The query parameters of a request, percent-decoded.
pub(crate) struct Query(Vec<(String, String)>);

impl Query {
    pub(crate) fn of(received: &Received) -> Self {
        Self(received.query_pairs())
    }

    /// The first value of a parameter, as sent.
    pub(crate) fn raw(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The first value of a parameter, owned.
    pub(crate) fn owned(&self, name: &str) -> Option<String> {
        self.raw(name).map(str::to_owned)
    }

    /// Every value of a repeated parameter (`coupon_ids=a&coupon_ids=b`), or `None` if it is
    /// absent (a present but empty list cannot be expressed in a query string).
    pub(crate) fn all(&self, name: &str) -> Option<Vec<&str>> {
        let values: Vec<&str> = self
            .0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect();
        (!values.is_empty()).then_some(values)
    }

    /// A parameter whose type parses from text (strings, string enums, integers).
    pub(crate) fn parsed<T: FromStr>(&self, name: &str) -> Result<Option<T>, Reply> {
        self.raw(name).map(|value| parse(name, value)).transpose()
    }

    /// A parameter whose type is an integer enum (decoded as the JSON number it spells).
    pub(crate) fn number<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, Reply> {
        self.raw(name)
            .map(|value| parse_json(name, value))
            .transpose()
    }

    /// A parameter the operation cannot do without.
    pub(crate) fn required<T: FromStr>(&self, name: &str) -> Result<T, Reply> {
        self.parsed(name)?
            .ok_or_else(|| invalid(&format!("{name} is required")))
    }

    /// `offset` (default 0) and `limit` (default 10).
    pub(crate) fn page(&self) -> Result<Page, Reply> {
        Ok(Page::new(
            self.parsed::<usize>("offset")?,
            self.parsed::<usize>("limit")?,
        ))
    }
}

/// One query value through its `FromStr`.
pub(crate) fn parse<T: FromStr>(name: &str, value: &str) -> Result<T, Reply> {
    value
        .parse()
        .map_err(|_| invalid(&format!("invalid {name}")))
}

/// One query value through its JSON form (integer enums).
fn parse_json<T: DeserializeOwned>(name: &str, value: &str) -> Result<T, Reply> {
    serde_json::from_str(value).map_err(|_| invalid(&format!("invalid {name}")))
}

/// Offset and limit of a list request (defaults 0 and 10; their documented ranges were
/// checked with the client's rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Page {
    pub offset: usize,
    pub limit: usize,
}

impl Default for Page {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: 10,
        }
    }
}

impl Page {
    /// From optional offset and limit of any integer type.
    pub(crate) fn new<O, L>(offset: Option<O>, limit: Option<L>) -> Self
    where
        O: TryInto<usize>,
        L: TryInto<usize>,
    {
        Self {
            offset: offset.and_then(|o| o.try_into().ok()).unwrap_or(0),
            limit: limit.and_then(|l| l.try_into().ok()).unwrap_or(10),
        }
    }

    /// The items of this page.
    pub(crate) fn of<T: Clone>(&self, items: &[T]) -> Vec<T> {
        items
            .iter()
            .skip(self.offset)
            .take(self.limit)
            .cloned()
            .collect()
    }
}

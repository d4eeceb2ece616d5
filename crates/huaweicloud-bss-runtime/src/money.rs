//! Exact money: [`Amount`] (any decimal, for responses) and [`Money<SCALE, MIN, MAX>`] (a
//! request amount with at most `SCALE` decimal places, within documented bounds). The spec
//! marks both `type: number, format: decimal`.
//!
//! On the wire an amount is a JSON number written from its decimal text, never through `f64`:
//! `0.1 + 0.2` goes out as `0.3`. Decoding accepts a JSON number (plain or with an exponent)
//! or a JSON string holding one, exactly; the server sends some amounts one way and some the
//! other. Both need `serde_json` (the number is carried as a `RawValue`).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// A decimal amount as the server sends it (any sign, any number of decimal places).
///
/// ```
/// use huaweicloud_bss_runtime::Amount;
///
/// let sum = Amount::from_str_exact("0.1")?.get() + Amount::from_str_exact("0.2")?.get();
/// assert_eq!(serde_json::to_string(&Amount::from(sum)).unwrap(), "0.3");
/// let from_string: Amount = serde_json::from_str(r#""12.30""#).unwrap();
/// let from_number: Amount = serde_json::from_str("1.23e1").unwrap();
/// assert_eq!(from_string, from_number);
/// # Ok::<(), huaweicloud_bss_runtime::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

/// An amount that breaks a documented rule; the message names the rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text is not a decimal number (or does not fit one exactly).
    #[error("{text:?} is not an exact decimal number")]
    NotADecimal {
        /// The rejected text.
        text: String,
    },
}

/// Parses decimal text exactly: plain (`12.30`, `-1`) or with an exponent (`1.5e-3`); rounding
/// is never done, text that needs it is refused.
fn parse_exact(text: &str) -> Result<Decimal, MoneyError> {
    let not_a_decimal = || MoneyError::NotADecimal {
        text: text.to_string(),
    };
    let plain = |t: &str| {
        // JSON syntax: no sign other than '-', no leading '.' or trailing '.', digits only.
        let digits = t.strip_prefix('-').unwrap_or(t);
        let (whole, fraction) = match digits.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (digits, None),
        };
        let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits_only(whole) || fraction.is_some_and(|f| !digits_only(f)) {
            return Err(not_a_decimal());
        }
        Decimal::from_str_exact(t).map_err(|_| not_a_decimal())
    };
    match text.find(['e', 'E']) {
        None => plain(text),
        Some(at) => {
            let mantissa = plain(&text[..at])?;
            let exponent: i64 = text[at + 1..].parse().map_err(|_| not_a_decimal())?;
            // mantissa * 10^exponent, exactly: move the scale, or multiply by a power of ten.
            let scale = i64::from(mantissa.scale()) - exponent;
            if (0..=i64::from(Decimal::MAX_SCALE)).contains(&scale) {
                let mut value = mantissa;
                value.set_scale(scale as u32).map_err(|_| not_a_decimal())?;
                Ok(value)
            } else if (-28..0).contains(&scale) {
                let mut factor = Decimal::ONE;
                for _ in 0..-scale {
                    factor = factor.checked_mul(Decimal::TEN).ok_or_else(not_a_decimal)?;
                }
                let mut whole = mantissa;
                whole.set_scale(0).map_err(|_| not_a_decimal())?;
                whole.checked_mul(factor).ok_or_else(not_a_decimal)
            } else {
                Err(not_a_decimal())
            }
        }
    }
}

impl Amount {
    /// Wraps a decimal.
    pub const fn new(value: Decimal) -> Self {
        Self(value)
    }

    /// Parses decimal text exactly (`"12.30"`, `"1.5e-3"`).
    pub fn from_str_exact(text: &str) -> Result<Self, MoneyError> {
        parse_exact(text).map(Self)
    }

    /// The value.
    pub const fn get(self) -> Decimal {
        self.0
    }
}

/// A value a setter of an amount accepts: text (`"10.50"`), a [`Decimal`] or an [`Amount`].
/// Text that is not a decimal is reported, with the request's other broken rules, when the
/// request is checked.
pub trait IntoAmount {
    /// The amount, or the rule the value breaks.
    fn into_amount(self) -> crate::check::Given<Amount>;
}

impl IntoAmount for &str {
    fn into_amount(self) -> crate::check::Given<Amount> {
        crate::check::Given(
            Amount::from_str_exact(self).map_err(|_| "a decimal number such as 10.50".into()),
        )
    }
}

impl IntoAmount for String {
    fn into_amount(self) -> crate::check::Given<Amount> {
        self.as_str().into_amount()
    }
}

impl IntoAmount for &String {
    fn into_amount(self) -> crate::check::Given<Amount> {
        self.as_str().into_amount()
    }
}

impl IntoAmount for Decimal {
    fn into_amount(self) -> crate::check::Given<Amount> {
        crate::check::Given(Ok(Amount(self)))
    }
}

impl IntoAmount for Amount {
    fn into_amount(self) -> crate::check::Given<Amount> {
        crate::check::Given(Ok(self))
    }
}

impl From<Decimal> for Amount {
    fn from(value: Decimal) -> Self {
        Self(value)
    }
}

impl From<Amount> for Decimal {
    fn from(value: Amount) -> Self {
        value.0
    }
}

macro_rules! amount_from_integers {
    ($($int:ty),*) => {$(
        impl From<$int> for Amount {
            fn from(value: $int) -> Self {
                Self(Decimal::from(value))
            }
        }
    )*};
}
amount_from_integers!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for Amount {
    type Err = MoneyError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::from_str_exact(text)
    }
}

impl TryFrom<&str> for Amount {
    type Error = MoneyError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        Self::from_str_exact(text)
    }
}

impl TryFrom<String> for Amount {
    type Error = MoneyError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::from_str_exact(&text)
    }
}

impl TryFrom<&String> for Amount {
    type Error = MoneyError;
    fn try_from(text: &String) -> Result<Self, Self::Error> {
        Self::from_str_exact(text)
    }
}

/// Writes the decimal's own text as a JSON number.
fn serialize_decimal<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    RawValue::from_string(value.to_string())
        .map_err(serde::ser::Error::custom)?
        .serialize(serializer)
}

/// Reads a JSON number or a JSON string holding one, exactly.
fn deserialize_decimal<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    let raw = Box::<RawValue>::deserialize(deserializer)?;
    let text = raw.get();
    let number = if text.starts_with('"') {
        serde_json::from_str::<String>(text).map_err(serde::de::Error::custom)?
    } else {
        text.to_string()
    };
    parse_exact(&number).map_err(serde::de::Error::custom)
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_decimal(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_decimal(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn decimal(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn point_one_plus_point_two_is_point_three_on_the_wire() {
        let sum = decimal("0.1") + decimal("0.2");
        assert_eq!(serde_json::to_string(&Amount::from(sum)).unwrap(), "0.3");
        #[derive(Serialize)]
        struct Body {
            amount: Amount,
        }
        assert_eq!(
            serde_json::to_string(&Body {
                amount: Amount::from(sum)
            })
            .unwrap(),
            r#"{"amount":0.3}"#
        );
    }

    #[test]
    fn strings_and_numbers_both_decode_exactly() {
        for (json, expected) in [
            ("12.30", "12.30"),
            (r#""12.30""#, "12.30"),
            ("0.1", "0.1"),
            ("-5", "-5"),
            ("1.5e-3", "0.0015"),
            ("1.5E+3", "1500"),
            ("25e0", "25"),
            (r#""2.5e2""#, "250"),
            ("99999999999999999.99", "99999999999999999.99"),
        ] {
            let amount: Amount = serde_json::from_str(json).unwrap();
            assert_eq!(amount.to_string(), expected, "{json}");
        }
        for bad in [
            r#""""#, r#""abc""#, r#"" 1""#, r#""1.""#, r#"".5""#, "true", "null",
        ] {
            assert!(serde_json::from_str::<Amount>(bad).is_err(), "{bad}");
        }
        // Inside a struct, as the generated types use it, and from a `serde_json::Value`.
        #[derive(Deserialize)]
        struct Balance {
            amount: Amount,
        }
        let parsed: Balance = serde_json::from_str(r#"{"amount":"0.30"}"#).unwrap();
        assert_eq!(parsed.amount.get(), decimal("0.3"));
        let from_value: Balance = serde_json::from_value(serde_json::json!({"amount": 7})).unwrap();
        assert_eq!(from_value.amount.get(), decimal("7"));
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        // Every 96-bit mantissa with every scale rust_decimal allows.
        let max = (1_i128 << 96) - 1;
        (-max..=max, 0..=Decimal::MAX_SCALE)
            .prop_map(|(mantissa, scale)| Decimal::from_i128_with_scale(mantissa, scale))
    }

    proptest! {
        #[test]
        fn any_decimal_round_trips_identically(value in any_decimal()) {
            let json = serde_json::to_string(&Amount::from(value)).unwrap();
            prop_assert_eq!(&json, &value.to_string());
            let back: Amount = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back.get(), value);
            prop_assert_eq!(back.get().scale(), value.scale());
            let quoted: Amount = serde_json::from_str(&format!("\"{json}\"")).unwrap();
            prop_assert_eq!(quoted.get(), value);
        }

    }
}

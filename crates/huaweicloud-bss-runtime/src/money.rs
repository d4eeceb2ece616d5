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
    /// More decimal places than the field allows.
    #[error("{value} has more than {max} decimal places")]
    TooManyDecimals {
        /// The rejected value.
        value: Decimal,
        /// Allowed decimal places.
        max: u32,
    },
    /// Below the smallest allowed value (for "greater than 0 with 2 decimals" that is 0.01).
    #[error("{value} is less than the minimum {min}")]
    BelowMinimum {
        /// The rejected value.
        value: Decimal,
        /// Smallest allowed value.
        min: Decimal,
    },
    /// Above the largest allowed value.
    #[error("{value} is greater than the maximum {max}")]
    AboveMaximum {
        /// The rejected value.
        value: Decimal,
        /// Largest allowed value.
        max: Decimal,
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

/// A request amount with at most `SCALE` decimal places and a value in `MIN..=MAX`, where the
/// bounds count units of `10^-SCALE` (the smallest step). The spec's
/// `{type: number, format: decimal, minimum: 0, exclusiveMinimum: true, multipleOf: 0.01}`
/// ("greater than 0, at most 2 decimals") is `Money<2, 1, { i64::MAX }>`: at least 0.01.
///
/// ```
/// use huaweicloud_bss_runtime::Money;
///
/// type Positive2 = Money<2, 1, { i64::MAX }>;
/// let amount: Positive2 = "10.50".parse()?;
/// assert_eq!(serde_json::to_string(&amount).unwrap(), "10.50");
/// assert_eq!(
///     "0".parse::<Positive2>().unwrap_err().to_string(),
///     "0 is less than the minimum 0.01"
/// );
/// assert_eq!(
///     "1.005".parse::<Positive2>().unwrap_err().to_string(),
///     "1.005 has more than 2 decimal places"
/// );
/// # Ok::<(), huaweicloud_bss_runtime::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money<const SCALE: u32, const MIN: i64, const MAX: i64>(Decimal);

impl<const SCALE: u32, const MIN: i64, const MAX: i64> Money<SCALE, MIN, MAX> {
    /// Smallest allowed value.
    pub fn min() -> Decimal {
        Decimal::new(MIN, SCALE)
    }

    /// Largest allowed value.
    pub fn max() -> Decimal {
        Decimal::new(MAX, SCALE)
    }

    /// Checks the decimal places and the bounds.
    pub fn new(value: Decimal) -> Result<Self, MoneyError> {
        if value.normalize().scale() > SCALE {
            return Err(MoneyError::TooManyDecimals { value, max: SCALE });
        }
        if MIN != i64::MIN && value < Self::min() {
            return Err(MoneyError::BelowMinimum {
                value,
                min: Self::min(),
            });
        }
        if MAX != i64::MAX && value > Self::max() {
            return Err(MoneyError::AboveMaximum {
                value,
                max: Self::max(),
            });
        }
        Ok(Self(value))
    }

    /// The value.
    pub const fn get(self) -> Decimal {
        self.0
    }
}

impl<const SCALE: u32, const MIN: i64, const MAX: i64> fmt::Display for Money<SCALE, MIN, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<const SCALE: u32, const MIN: i64, const MAX: i64> FromStr for Money<SCALE, MIN, MAX> {
    type Err = MoneyError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::new(parse_exact(text)?)
    }
}

impl<const SCALE: u32, const MIN: i64, const MAX: i64> TryFrom<&str> for Money<SCALE, MIN, MAX> {
    type Error = MoneyError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl<const SCALE: u32, const MIN: i64, const MAX: i64> TryFrom<String> for Money<SCALE, MIN, MAX> {
    type Error = MoneyError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl<const SCALE: u32, const MIN: i64, const MAX: i64> TryFrom<&String> for Money<SCALE, MIN, MAX> {
    type Error = MoneyError;
    fn try_from(text: &String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl<const SCALE: u32, const MIN: i64, const MAX: i64> TryFrom<Decimal> for Money<SCALE, MIN, MAX> {
    type Error = MoneyError;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl<const SCALE: u32, const MIN: i64, const MAX: i64> TryFrom<Amount> for Money<SCALE, MIN, MAX> {
    type Error = MoneyError;
    fn try_from(value: Amount) -> Result<Self, Self::Error> {
        Self::new(value.0)
    }
}

impl<const SCALE: u32, const MIN: i64, const MAX: i64> From<Money<SCALE, MIN, MAX>> for Decimal {
    fn from(value: Money<SCALE, MIN, MAX>) -> Self {
        value.0
    }
}

impl<const SCALE: u32, const MIN: i64, const MAX: i64> From<Money<SCALE, MIN, MAX>> for Amount {
    fn from(value: Money<SCALE, MIN, MAX>) -> Self {
        Amount(value.0)
    }
}

macro_rules! money_from_integers {
    ($($int:ty),*) => {$(
        impl<const SCALE: u32, const MIN: i64, const MAX: i64> TryFrom<$int>
            for Money<SCALE, MIN, MAX>
        {
            type Error = MoneyError;
            fn try_from(value: $int) -> Result<Self, Self::Error> {
                Self::new(Decimal::from(value))
            }
        }
    )*};
}
money_from_integers!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

impl<const SCALE: u32, const MIN: i64, const MAX: i64> Serialize for Money<SCALE, MIN, MAX> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_decimal(&self.0, serializer)
    }
}

impl<'de, const SCALE: u32, const MIN: i64, const MAX: i64> Deserialize<'de>
    for Money<SCALE, MIN, MAX>
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::new(deserialize_decimal(deserializer)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Positive2 = Money<2, 1, { i64::MAX }>;

    fn decimal(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn point_one_plus_point_two_is_point_three_on_the_wire() {
        let sum = decimal("0.1") + decimal("0.2");
        assert_eq!(serde_json::to_string(&Amount::from(sum)).unwrap(), "0.3");
        let money = Positive2::new(sum).unwrap();
        #[derive(Serialize)]
        struct Body {
            amount: Positive2,
        }
        assert_eq!(
            serde_json::to_string(&Body { amount: money }).unwrap(),
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

    #[test]
    fn money_rejects_each_rule_by_name() {
        assert_eq!(
            "0".parse::<Positive2>().unwrap_err(),
            MoneyError::BelowMinimum {
                value: Decimal::ZERO,
                min: decimal("0.01")
            }
        );
        assert_eq!(
            "-1".parse::<Positive2>().unwrap_err().to_string(),
            "-1 is less than the minimum 0.01"
        );
        assert_eq!(
            "0.001".parse::<Positive2>().unwrap_err().to_string(),
            "0.001 has more than 2 decimal places"
        );
        // Trailing zeros are not extra places.
        assert_eq!("1.500".parse::<Positive2>().unwrap().to_string(), "1.500");
        assert!("0.01".parse::<Positive2>().is_ok());
        type Capped = Money<2, 0, 100_000>;
        assert!("1000.00".parse::<Capped>().is_ok());
        assert_eq!(
            "1000.01".parse::<Capped>().unwrap_err().to_string(),
            "1000.01 is greater than the maximum 1000.00"
        );
        assert_eq!(
            "ten".parse::<Positive2>().unwrap_err().to_string(),
            r#""ten" is not an exact decimal number"#
        );
        let error = serde_json::from_str::<Positive2>("0")
            .unwrap_err()
            .to_string();
        assert!(error.contains("less than the minimum 0.01"), "{error}");
        assert!(Positive2::try_from(5_u32).is_ok());
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

        #[test]
        fn cents_round_trip_through_money(cents in 1_i64..=i64::MAX) {
            let value = Decimal::new(cents, 2);
            let money = Positive2::new(value).unwrap();
            let json = serde_json::to_string(&money).unwrap();
            prop_assert_eq!(serde_json::from_str::<Positive2>(&json).unwrap(), money);
        }
    }
}

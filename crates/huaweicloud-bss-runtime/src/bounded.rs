//! `Bounded<MIN, MAX>`: an integer request field with a documented range. The generated types
//! would otherwise drop the upper bound (a `limit` of at most 100 would accept 1000).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An integer in `MIN..=MAX`.
///
/// ```
/// use huaweicloud_bss_runtime::Bounded;
///
/// let limit: Bounded<1, 100> = 10_i32.try_into()?;
/// assert_eq!(limit.get(), 10);
/// assert_eq!(
///     Bounded::<1, 100>::try_from(101_i32).unwrap_err().to_string(),
///     "101 is out of range 1..=100"
/// );
/// # Ok::<(), huaweicloud_bss_runtime::OutOfRange>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bounded<const MIN: i64, const MAX: i64>(i64);

/// A value outside a field's documented range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value} is out of range {min}..={max}")]
pub struct OutOfRange {
    /// The rejected value.
    pub value: i64,
    /// Smallest allowed value.
    pub min: i64,
    /// Largest allowed value.
    pub max: i64,
}

impl<const MIN: i64, const MAX: i64> Bounded<MIN, MAX> {
    /// Checks the range.
    pub fn new(value: i64) -> Result<Self, OutOfRange> {
        if (MIN..=MAX).contains(&value) {
            Ok(Self(value))
        } else {
            Err(OutOfRange {
                value,
                min: MIN,
                max: MAX,
            })
        }
    }

    /// The value.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl<const MIN: i64, const MAX: i64> fmt::Display for Bounded<MIN, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<const MIN: i64, const MAX: i64> FromStr for Bounded<MIN, MAX> {
    type Err = String;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let parsed: i64 = value
            .parse()
            .map_err(|_| format!("{value:?} is not an integer"))?;
        Self::new(parsed).map_err(|e| e.to_string())
    }
}

macro_rules! from_integers {
    ($($int:ty),*) => {$(
        impl<const MIN: i64, const MAX: i64> TryFrom<$int> for Bounded<MIN, MAX> {
            type Error = OutOfRange;
            fn try_from(value: $int) -> Result<Self, Self::Error> {
                let wide = i64::try_from(value).unwrap_or(i64::MAX);
                Self::new(wide)
            }
        }
    )*};
}
from_integers!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

impl<const MIN: i64, const MAX: i64> Serialize for Bounded<MIN, MAX> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de, const MIN: i64, const MAX: i64> Deserialize<'de> for Bounded<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::new(i64::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_inclusive_and_checked_when_decoding() {
        type Limit = Bounded<1, 100>;
        assert!(Limit::new(1).is_ok() && Limit::new(100).is_ok());
        assert!(Limit::new(0).is_err() && Limit::new(101).is_err());
        assert!(Limit::try_from(u64::MAX).is_err());
        assert_eq!(serde_json::to_string(&Limit::new(7).unwrap()).unwrap(), "7");
        let error = serde_json::from_str::<Limit>("1000")
            .unwrap_err()
            .to_string();
        assert!(error.contains("1000 is out of range 1..=100"), "{error}");
    }
}

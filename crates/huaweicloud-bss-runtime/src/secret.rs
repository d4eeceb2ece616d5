//! `Secret<MIN, MAX>`: a request field the spec marks `format: password` (passwords,
//! verification codes). It enforces the field's length bounds, like the generated constrained
//! strings do, and its `Debug` never shows the value.

use std::fmt;
use std::str::FromStr;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A secret string of `MIN..=MAX` characters.
///
/// ```
/// use huaweicloud_bss_runtime::Secret;
///
/// let password: Secret<1, 32> = "Hw!pass1".parse()?;
/// assert_eq!(format!("{password:?}"), "Secret([REDACTED])");
/// assert_eq!(password.expose(), "Hw!pass1");
/// assert!("".parse::<Secret<1, 32>>().is_err());
/// # Ok::<(), huaweicloud_bss_runtime::SecretLengthError>(())
/// ```
#[derive(Clone)]
pub struct Secret<const MIN: usize, const MAX: usize>(SecretString);

/// A secret's length is outside its bounds; the message names the rule, never the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretLengthError {
    /// Fewer characters than allowed.
    #[error("shorter than {min} characters")]
    TooShort {
        /// Minimum length in characters.
        min: usize,
    },
    /// More characters than allowed.
    #[error("longer than {max} characters")]
    TooLong {
        /// Maximum length in characters.
        max: usize,
    },
}

impl<const MIN: usize, const MAX: usize> Secret<MIN, MAX> {
    /// Checks the length bounds (in characters, as the server counts them).
    pub fn new(value: impl Into<String>) -> Result<Self, SecretLengthError> {
        let value = value.into();
        let chars = value.chars().count();
        if chars < MIN {
            return Err(SecretLengthError::TooShort { min: MIN });
        }
        if chars > MAX {
            return Err(SecretLengthError::TooLong { max: MAX });
        }
        Ok(Self(value.into()))
    }

    /// The value, for the one place that must see it: the request body.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl<const MIN: usize, const MAX: usize> fmt::Debug for Secret<MIN, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([REDACTED])")
    }
}

impl<const MIN: usize, const MAX: usize> PartialEq for Secret<MIN, MAX> {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl<const MIN: usize, const MAX: usize> FromStr for Secret<MIN, MAX> {
    type Err = SecretLengthError;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Self::new(value)
    }
}

impl<const MIN: usize, const MAX: usize> TryFrom<&str> for Secret<MIN, MAX> {
    type Error = SecretLengthError;
    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl<const MIN: usize, const MAX: usize> TryFrom<String> for Secret<MIN, MAX> {
    type Error = SecretLengthError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl<const MIN: usize, const MAX: usize> TryFrom<&String> for Secret<MIN, MAX> {
    type Error = SecretLengthError;
    fn try_from(value: &String) -> Result<Self, Self::Error> {
        Self::new(value.as_str())
    }
}

impl<const MIN: usize, const MAX: usize> Serialize for Secret<MIN, MAX> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.expose())
    }
}

impl<'de, const MIN: usize, const MAX: usize> Deserialize<'de> for Secret<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        Self::new(value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Code = Secret<6, 6>;

    #[test]
    fn bounds_are_inclusive_and_counted_in_characters() {
        assert!(Code::new("123456").is_ok());
        assert_eq!(
            Code::new("12345").unwrap_err(),
            SecretLengthError::TooShort { min: 6 }
        );
        assert_eq!(
            Code::new("1234567").unwrap_err(),
            SecretLengthError::TooLong { max: 6 }
        );
        assert!(Secret::<1, 2>::new("密码").is_ok());
    }

    #[test]
    fn debug_and_errors_never_show_the_value() {
        let secret = Code::new("987654").unwrap();
        assert_eq!(format!("{secret:?}"), "Secret([REDACTED])");
        assert_eq!(format!("{:?}", Some(&secret)), "Some(Secret([REDACTED]))");
        let error = Code::new("98765").unwrap_err();
        assert_eq!(error.to_string(), "shorter than 6 characters");
    }

    #[test]
    fn serializes_as_a_plain_string_and_deserializing_validates() {
        let secret = Code::new("987654").unwrap();
        assert_eq!(serde_json::to_string(&secret).unwrap(), "\"987654\"");
        assert_eq!(serde_json::from_str::<Code>("\"987654\"").unwrap(), secret);
        let error = serde_json::from_str::<Code>("\"98\"")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("shorter than 6 characters") && !error.contains("98\""),
            "{error}"
        );
    }
}

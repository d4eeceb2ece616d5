//! The signing time, formatted as `X-Sdk-Date` (`YYYYMMDDTHHMMSSZ`, UTC).
//!
//! The civil-date conversion is done here rather than with a date crate: the signer needs only
//! this one format, and only in UTC.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::SignError;

/// Seconds from 1970-01-01T00:00:00Z to 0001-01-01T00:00:00Z and to 10000-01-01T00:00:00Z:
/// the range `YYYY` can express.
const MIN_UNIX_SECONDS: i64 = -62_135_596_800;
const MAX_UNIX_SECONDS_EXCLUSIVE: i64 = 253_402_300_800;

/// A validated `X-Sdk-Date` value: the time a request is signed at.
///
/// When the request already carries an `X-Sdk-Date` header, that header wins and this value is
/// not used (the official signer behaves the same way).
///
/// ```
/// use huaweicloud_signer::SigningTime;
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let t = SigningTime::from_system_time(UNIX_EPOCH + Duration::from_secs(1_704_164_645))?;
/// assert_eq!(t.as_str(), "20240102T030405Z");
/// assert_eq!(SigningTime::parse("20240102T030405Z")?, t);
/// # Ok::<(), huaweicloud_signer::SignError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SigningTime([u8; X_SDK_DATE_LEN]);

/// Length of `YYYYMMDDTHHMMSSZ`.
const X_SDK_DATE_LEN: usize = 16;

impl SigningTime {
    /// The current time of the system clock.
    ///
    /// Fails only if the clock is set outside years 1..=9999.
    pub fn now() -> Result<Self, SignError> {
        Self::from_system_time(SystemTime::now())
    }

    /// The given time, truncated to the second (as the official signer does).
    pub fn from_system_time(time: SystemTime) -> Result<Self, SignError> {
        let secs = unix_seconds_floor(time).ok_or(SignError::TimeOutOfRange)?;
        if !(MIN_UNIX_SECONDS..MAX_UNIX_SECONDS_EXCLUSIVE).contains(&secs) {
            return Err(SignError::TimeOutOfRange);
        }
        let days = secs.div_euclid(86_400);
        let secs_of_day = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        // Written digit by digit: every request is signed with the current time, and `format!`
        // costs several times as much.
        let mut text = *b"00000000T000000Z";
        let fields = [
            (0..4, year),
            (4..6, month),
            (6..8, day),
            (9..11, secs_of_day / 3600),
            (11..13, secs_of_day % 3600 / 60),
            (13..15, secs_of_day % 60),
        ];
        for (range, mut value) in fields {
            for digit in text[range].iter_mut().rev() {
                *digit = b'0' + (value % 10) as u8;
                value /= 10;
            }
        }
        Ok(Self(text))
    }

    /// An explicit `YYYYMMDDTHHMMSSZ` string, e.g. a fixed date for tests.
    ///
    /// The form is checked strictly: exactly 16 characters, and a real calendar date and time.
    pub fn parse(x_sdk_date: &str) -> Result<Self, SignError> {
        if is_valid_x_sdk_date(x_sdk_date) {
            Ok(Self::from_valid(x_sdk_date))
        } else {
            Err(SignError::InvalidDate {
                value: x_sdk_date.to_owned(),
            })
        }
    }

    /// The `YYYYMMDDTHHMMSSZ` text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("a checked X-Sdk-Date is ASCII")
    }

    /// Stores a date already known to be a valid `YYYYMMDDTHHMMSSZ` inline: a fixed-size copy
    /// rather than a `String`, so that cloning a time per request allocates nothing.
    fn from_valid(x_sdk_date: &str) -> Self {
        let mut bytes = [0; X_SDK_DATE_LEN];
        bytes.copy_from_slice(x_sdk_date.as_bytes());
        Self(bytes)
    }
}

impl fmt::Debug for SigningTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SigningTime").field(&self.as_str()).finish()
    }
}

impl fmt::Display for SigningTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Formats a time as `YYYYMMDDTHHMMSSZ` in UTC, truncating sub-seconds.
///
/// ```
/// use huaweicloud_signer::format_x_sdk_date;
/// use std::time::UNIX_EPOCH;
///
/// assert_eq!(format_x_sdk_date(UNIX_EPOCH)?, "19700101T000000Z");
/// # Ok::<(), huaweicloud_signer::SignError>(())
/// ```
pub fn format_x_sdk_date(time: SystemTime) -> Result<String, SignError> {
    SigningTime::from_system_time(time).map(|time| time.as_str().to_owned())
}

/// Whole seconds since the Unix epoch, rounded towards negative infinity so that times before
/// 1970 fall in the right second; `None` if they do not fit an `i64`.
fn unix_seconds_floor(time: SystemTime) -> Option<i64> {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).ok(),
        Err(before) => {
            let before = before.duration();
            let whole = i64::try_from(before.as_secs()).ok()?;
            let carry = i64::from(before.subsec_nanos() > 0);
            whole.checked_neg()?.checked_sub(carry)
        }
    }
}

/// Proleptic Gregorian (year, month, day) of a day count from 1970-01-01 (H. Hinnant's
/// `civil_from_days`: shift to eras of 400 years starting on March 1st, where leap days fall at
/// the end of the year).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn is_leap_year(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Strict `YYYYMMDDTHHMMSSZ` check. The official signer parses a caller's `X-Sdk-Date` with
/// `strptime` and re-formats it into the string to sign, so only inputs that survive that round
/// trip unchanged (zero-padded, in range) can produce a verifiable signature.
fn is_valid_x_sdk_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        digits(0..4),
        digits(4..6),
        digits(6..8),
        digits(9..11),
        digits(11..13),
        digits(13..15),
    ) else {
        return false;
    };
    year >= 1
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
        && hour < 24
        && minute < 60
        && second < 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(secs: i64) -> SystemTime {
        if secs >= 0 {
            UNIX_EPOCH + Duration::from_secs(secs.unsigned_abs())
        } else {
            UNIX_EPOCH - Duration::from_secs(secs.unsigned_abs())
        }
    }

    #[test]
    fn formats_known_instants() {
        let cases = [
            (0, "19700101T000000Z"),
            (1_704_164_645, "20240102T030405Z"),
            (951_782_400, "20000229T000000Z"), // leap day of a year divisible by 400
            (4_107_542_400, "21000301T000000Z"), // 2100 is not a leap year: Feb 28 -> Mar 1
            (4_107_542_399, "21000228T235959Z"),
            (1_709_164_800, "20240229T000000Z"),
            (1_735_689_599, "20241231T235959Z"),
            (-1, "19691231T235959Z"),
            (-86_400 * 365, "19690101T000000Z"),
            (MIN_UNIX_SECONDS, "00010101T000000Z"),
            (MAX_UNIX_SECONDS_EXCLUSIVE - 1, "99991231T235959Z"),
        ];
        for (secs, expected) in cases {
            assert_eq!(format_x_sdk_date(at(secs)).unwrap(), expected, "{secs}");
        }
    }

    #[test]
    fn truncates_sub_seconds_towards_the_past() {
        let t = UNIX_EPOCH + Duration::from_millis(1_704_164_645_999);
        assert_eq!(format_x_sdk_date(t).unwrap(), "20240102T030405Z");
        let before = UNIX_EPOCH - Duration::from_millis(500);
        assert_eq!(format_x_sdk_date(before).unwrap(), "19691231T235959Z");
    }

    #[test]
    fn rejects_years_beyond_four_digits() {
        assert_eq!(
            format_x_sdk_date(at(MAX_UNIX_SECONDS_EXCLUSIVE)),
            Err(SignError::TimeOutOfRange)
        );
        assert_eq!(
            format_x_sdk_date(at(MIN_UNIX_SECONDS - 1)),
            Err(SignError::TimeOutOfRange)
        );
    }

    #[test]
    fn every_day_round_trips_through_parse() {
        // Walk 1969..=2101 day by day: each formatted date must be accepted by the strict parser
        // and consecutive days must differ, which catches month and leap-year slips.
        let mut previous = String::new();
        for day in -366..47_850_i64 {
            let s = format_x_sdk_date(at(day * 86_400 + 45_296)).unwrap();
            assert!(is_valid_x_sdk_date(&s), "{s}");
            assert!(s > previous, "{s} after {previous}");
            assert_eq!(&s[8..], "T123456Z");
            previous = s;
        }
    }

    #[test]
    fn parse_is_strict() {
        for ok in ["20240102T030405Z", "20240229T235959Z", "00010101T000000Z"] {
            assert_eq!(SigningTime::parse(ok).unwrap().as_str(), ok);
        }
        for bad in [
            "",
            "2024010T030405Z",
            "20240102T030405",
            "20240102 030405Z",
            "20240102t030405Z",
            " 20240102T030405Z",
            "20240102T030405Z ",
            "20230229T000000Z",
            "21000229T000000Z",
            "20241301T000000Z",
            "20240001T000000Z",
            "20240100T000000Z",
            "20240431T000000Z",
            "20240102T240000Z",
            "20240102T036000Z",
            "20240102T030460Z",
            "00000101T000000Z",
            "2024-1-2T030405Z",
            "２０24010T030405Z",
        ] {
            assert!(SigningTime::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn now_is_well_formed() {
        let now = SigningTime::now().unwrap();
        assert!(is_valid_x_sdk_date(now.as_str()));
        assert_eq!(now.to_string(), now.as_str());
    }
}

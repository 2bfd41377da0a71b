//! Timestamps as ISO 8601 text in exports, written and read fast.
//!
//! An export writes two times per shown item per record: a million for
//! 10,000 records. Through `Timestamp`'s `Display` (the formatting
//! machinery) and a `String` each, times were the largest single cost of an
//! export. Here the model keeps [`Timestamp`]s, and the text is written into
//! a 24-byte buffer on the stack. (The calendar date is worked out each
//! time: a cache of the last day would have to live in a global, as serde
//! gives a field's writer no other place, and the few integer divisions it
//! saves are a small part of an export.) A test holds the output to
//! `Display`'s, byte for byte.

use crate::time::{civil_from_days, Timestamp};
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;

/// The ISO text of one timestamp, `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub struct Iso([u8; 24]);

impl Iso {
    /// The text of `ts`, or `None` outside years 0 to 9999 (which no clock
    /// on a tablet gives; callers fall back to `Display`).
    pub fn new(ts: Timestamp) -> Option<Iso> {
        let ms = ts.0.rem_euclid(1000) as u32;
        let secs = ts.0.div_euclid(1000);
        let (day, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400) as u32);
        let (y, m, d) = civil_from_days(day);
        if !(0..=9999).contains(&y) {
            return None;
        }
        let y = y as u32;
        let mut b = *b"0000-00-00T00:00:00.000Z";
        two(&mut b, 0, y / 100);
        two(&mut b, 2, y % 100);
        two(&mut b, 5, m);
        two(&mut b, 8, d);
        two(&mut b, 11, rest / 3600);
        two(&mut b, 14, rest % 3600 / 60);
        two(&mut b, 17, rest % 60);
        b[20] = b'0' + (ms / 100) as u8;
        two(&mut b, 21, ms % 100);
        Some(Iso(b))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits were written into an ASCII template.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// Writes `value` (0 to 99) as two digits at `at`.
#[inline(always)]
fn two<const N: usize>(b: &mut [u8; N], at: usize, value: u32) {
    b[at] = b'0' + (value / 10) as u8;
    b[at + 1] = b'0' + (value % 10) as u8;
}

/// The ISO text of a timestamp, on the stack in every real case.
pub enum TimeText {
    /// Years 0 to 9999.
    Fast(Iso),
    /// Other years, through `Display`.
    Slow(String),
}

impl TimeText {
    /// The text of `ts`.
    pub fn of(ts: Timestamp) -> TimeText {
        match Iso::new(ts) {
            Some(iso) => TimeText::Fast(iso),
            None => TimeText::Slow(ts.to_string()),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match self {
            TimeText::Fast(iso) => iso.as_str(),
            TimeText::Slow(text) => text,
        }
    }
}

/// Calls `f` with the ISO text of `ts` (`Display`'s, outside years 0 to 9999).
pub fn with_iso<R>(ts: Timestamp, f: impl FnOnce(&str) -> R) -> R {
    f(TimeText::of(ts).as_str())
}

/// The timestamp written as `YYYY-MM-DDTHH:MM:SS.mmmZ`, or `None` for any
/// other text or an impossible date.
pub fn parse(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    let shape = b"0000-00-00T00:00:00.000Z";
    if b.len() != shape.len() {
        return None;
    }
    for (got, want) in b.iter().zip(shape) {
        let ok = if *want == b'0' {
            got.is_ascii_digit()
        } else {
            got == want
        };
        if !ok {
            return None;
        }
    }
    let n = |from: usize, to: usize| {
        b[from..to]
            .iter()
            .fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0'))
    };
    let (y, m, d) = (n(0, 4), n(5, 7), n(8, 10));
    let (h, min, s, ms) = (n(11, 13), n(14, 16), n(17, 19), n(20, 23));
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let days_in_month = *month_days.get(usize::try_from(m - 1).ok()?)?;
    if d < 1 || d > days_in_month || h > 23 || min > 59 || s > 59 {
        return None;
    }
    let days = days_from_civil(y, m, d);
    Some(Timestamp(
        ((days * 86_400 + h * 3600 + min * 60 + s) * 1000) + ms,
    ))
}

/// Days since 1970-01-01 of a calendar date (the inverse of the above).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Serde for a `Timestamp` field written as ISO text.
pub mod required {
    use super::*;

    /// Writes the time as ISO text.
    pub fn serialize<S: Serializer>(ts: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        with_iso(*ts, |text| s.serialize_str(text))
    }

    /// Reads ISO text, refusing anything else in words.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        d.deserialize_str(IsoVisitor)
    }
}

/// Serde for an `Option<Timestamp>` field written as ISO text or `null`.
pub mod optional {
    use super::*;

    /// Writes the time as ISO text, or `null`.
    pub fn serialize<S: Serializer>(ts: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        match ts {
            Some(ts) => with_iso(*ts, |text| s.serialize_str(text)),
            None => s.serialize_none(),
        }
    }

    /// Reads ISO text or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        struct OptionVisitor;
        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<Timestamp>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time like 2026-11-25T09:05:03.120Z, or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
                d.deserialize_str(IsoVisitor).map(Some)
            }
        }
        d.deserialize_option(OptionVisitor)
    }
}

struct IsoVisitor;

impl Visitor<'_> for IsoVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a time like 2026-11-25T09:05:03.120Z")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        parse(v).ok_or_else(|| {
            E::custom(format!(
                "\"{v}\" is not a time like 2026-11-25T09:05:03.120Z (UTC, with milliseconds)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_display_and_reads_back() {
        let mut samples = vec![
            0,
            -1,
            951_782_400_000,
            1_795_566_303_120,
            253_402_300_799_999,
        ];
        // Every few hours across several centuries, leap years included.
        let mut t = -5_000_000_000_000_i64;
        while t < 9_000_000_000_000 {
            samples.push(t);
            t += 7_777_777_777;
        }
        for ms in samples {
            let text = with_iso(Timestamp(ms), str::to_owned);
            assert_eq!(text, Timestamp(ms).to_string(), "{ms}");
            assert_eq!(parse(&text), Some(Timestamp(ms)), "{text}");
        }
        // Outside years 0 to 9999, Display's text.
        let far = Timestamp(-70_000_000_000_000);
        assert_eq!(with_iso(far, str::to_owned), far.to_string());
    }

    #[test]
    fn refuses_other_text() {
        for text in [
            "",
            "2026-11-25",
            "2026-11-25T09:05:03Z",
            "2026-11-25T09:05:03.120+01:00",
            "2026-02-30T00:00:00.000Z",
            "2025-02-29T00:00:00.000Z",
            "2026-13-01T00:00:00.000Z",
            "2026-11-25T24:00:00.000Z",
            "2026-11-25 09:05:03.120Z",
            "２026-11-25T09:05:03.120Z",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert!(parse("2024-02-29T23:59:59.999Z").is_some());
    }
}

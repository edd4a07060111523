//! TIMEX3 values: the normalised form of every time expression, and how two of them compare.
//!
//! Values follow the TimeML conventions (`2025-04-23`, `XXXX-02-01`, `2023-H2`, `2013-W11`,
//! `199`, `2013-03-22TMO`, `P3Y`, `PRESENT_REF`). Unknown parts stay `X`: a value never claims
//! more than the text says, so two values only conflict when their *known* parts disagree.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

/// TIMEX3 `type` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period (day, month, year, quarter, week, season...).
    Date,
    /// A time of day, possibly with a date.
    Time,
    /// A length of time (`P3Y`).
    Duration,
    /// A recurring time (`every week`).
    Set,
}

/// A normalised time expression: TIMEX3 type and value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TimeValue {
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value string.
    pub value: String,
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

/// How two time values relate, as far as their known parts tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Same value.
    Same,
    /// Different but compatible: one is coarser or has unknown parts that could match.
    Compatible,
    /// The known parts disagree: they cannot denote the same time.
    Conflict,
    /// Not comparable (durations, sets, reference words).
    Unknown,
}

/// The calendar facts a DATE/TIME value states, with `None` for unknown parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateParts {
    /// Full year when known.
    pub year: Option<i32>,
    /// Month 1-12 when known.
    pub month: Option<u32>,
    /// Day of month when known.
    pub day: Option<u32>,
    /// ISO weekday 1 (Monday) - 7 when stated without a full date.
    pub weekday: Option<u32>,
    /// First and last day of the period when the value is a concrete period.
    pub range: Option<(NaiveDate, NaiveDate)>,
}

impl TimeValue {
    /// A DATE value.
    pub fn date(value: impl Into<String>) -> Self {
        TimeValue {
            kind: TimexType::Date,
            value: value.into(),
        }
    }

    /// A value of the given type.
    pub fn new(kind: TimexType, value: impl Into<String>) -> Self {
        TimeValue {
            kind,
            value: value.into(),
        }
    }

    /// The calendar facts of a DATE or TIME value; `None` for durations, sets and `*_REF`.
    pub fn parts(&self) -> Option<DateParts> {
        if !matches!(self.kind, TimexType::Date | TimexType::Time) {
            return None;
        }
        parse_parts(&self.value)
    }

    /// True when the value names one fully known calendar day.
    pub fn is_full_date(&self) -> bool {
        self.parts()
            .and_then(|p| p.range)
            .is_some_and(|(a, b)| a == b)
    }

    /// The single calendar day the value denotes, when it denotes exactly one.
    pub fn as_day(&self) -> Option<NaiveDate> {
        let (a, b) = self.parts()?.range?;
        (a == b).then_some(a)
    }

    /// Compares two values by their known parts.
    pub fn agreement(&self, other: &TimeValue) -> Agreement {
        if self.value == other.value {
            return Agreement::Same;
        }
        let (Some(a), Some(b)) = (self.parts(), other.parts()) else {
            return Agreement::Unknown;
        };
        if let (Some(ra), Some(rb)) = (a.range, b.range) {
            return if ra.0 <= rb.1 && rb.0 <= ra.1 {
                Agreement::Compatible
            } else {
                Agreement::Conflict
            };
        }
        let differs =
            |x: Option<u32>, y: Option<u32>| matches!((x, y), (Some(x), Some(y)) if x != y);
        if matches!((a.year, b.year), (Some(x), Some(y)) if x != y) {
            return Agreement::Conflict;
        }
        if differs(a.month, b.month) {
            return Agreement::Conflict;
        }
        if a.month.is_some() && b.month.is_some() && differs(a.day, b.day) {
            return Agreement::Conflict;
        }
        let weekday_of = |p: &DateParts| {
            p.range
                .filter(|(s, e)| s == e)
                .map(|(s, _)| s.weekday().number_from_monday())
                .or(p.weekday)
        };
        if differs(weekday_of(&a), weekday_of(&b)) && (a.weekday.is_some() || b.weekday.is_some()) {
            return Agreement::Conflict;
        }
        Agreement::Compatible
    }
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

fn month_range(year: i32, first: u32, last: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, first, 1)?,
        last_day(year, last)?,
    ))
}

/// Parses the date part of a TIMEX3 value (anything before `T`).
fn parse_parts(value: &str) -> Option<DateParts> {
    let date = value.split('T').next().unwrap_or(value);
    let mut fields = date.split('-');
    let year_field = fields.next()?;
    let mut parts = DateParts::default();
    match year_field.len() {
        4 => parts.year = num(year_field).map(|y| y as i32),
        // Decade ("199") and century ("19") values.
        3 | 2 => {
            let n = num(year_field)? as i32;
            let (from, to) = if year_field.len() == 3 {
                (n * 10, n * 10 + 9)
            } else {
                (n * 100, n * 100 + 99)
            };
            parts.range = Some((
                NaiveDate::from_ymd_opt(from, 1, 1)?,
                NaiveDate::from_ymd_opt(to, 12, 31)?,
            ));
            return Some(parts);
        }
        _ => return None,
    }
    if year_field.contains('X') && parts.year.is_none() && year_field != "XXXX" {
        return None;
    }
    let second = fields.next();
    let third = fields.next();
    match second {
        None => {
            if let Some(y) = parts.year {
                parts.range = month_range(y, 1, 12);
            }
        }
        Some(s) if s.starts_with('W') => {
            let week = num(&s[1..]);
            let weekday = third.and_then(num);
            if third.is_some_and(|t| t != "WE") {
                parts.weekday = weekday;
            }
            if let (Some(y), Some(w)) = (parts.year, week) {
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                parts.range = match (third, weekday) {
                    (Some("WE"), _) => {
                        Some((monday + chrono::Days::new(5), monday + chrono::Days::new(6)))
                    }
                    (_, Some(d)) => {
                        let day = monday + chrono::Days::new(u64::from(d.clamp(1, 7) - 1));
                        Some((day, day))
                    }
                    _ => Some((monday, monday + chrono::Days::new(6))),
                };
            }
        }
        Some(s) if s.starts_with('Q') || s.starts_with('H') => {
            let n = num(&s[1..])?;
            if let Some(y) = parts.year {
                parts.range = match (s.as_bytes()[0], n) {
                    (b'Q', 1..=4) => month_range(y, n * 3 - 2, n * 3),
                    (b'H', 1..=2) => month_range(y, n * 6 - 5, n * 6),
                    _ => return None,
                };
            }
        }
        Some("SP" | "SU" | "FA" | "WI") => {
            let y = parts.year;
            if let Some(y) = y {
                parts.range = match second {
                    Some("SP") => month_range(y, 3, 5),
                    Some("SU") => month_range(y, 6, 8),
                    Some("FA") => month_range(y, 9, 11),
                    _ => Some((NaiveDate::from_ymd_opt(y, 12, 1)?, last_day(y + 1, 2)?)),
                };
            }
        }
        Some(m) => {
            parts.month = num(m).filter(|m| (1..=12).contains(m));
            if m != "XX" && parts.month.is_none() {
                return None;
            }
            parts.day = third.and_then(num).filter(|d| (1..=31).contains(d));
            if let (Some(y), Some(mo)) = (parts.year, parts.month) {
                parts.range = match parts.day {
                    Some(d) => NaiveDate::from_ymd_opt(y, mo, d).map(|d| (d, d)),
                    None if third.is_none() => month_range(y, mo, mo),
                    None => None,
                };
            }
        }
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agree(a: &str, b: &str) -> Agreement {
        TimeValue::date(a).agreement(&TimeValue::date(b))
    }

    #[test]
    fn known_parts_decide() {
        assert_eq!(agree("2023-02-01", "2023-02-01"), Agreement::Same);
        assert_eq!(agree("2023-02-01", "2023-02"), Agreement::Compatible);
        assert_eq!(agree("2023-02-01", "2023-02-02"), Agreement::Conflict);
        assert_eq!(agree("XXXX-02-01", "2023-02-01"), Agreement::Compatible);
        assert_eq!(agree("XXXX-02-01", "XXXX-02-03"), Agreement::Conflict);
        assert_eq!(agree("2022", "2023-H2"), Agreement::Conflict);
        assert_eq!(agree("2023-06", "2023-H2"), Agreement::Conflict);
        assert_eq!(agree("2023-07", "2023-H2"), Agreement::Compatible);
        assert_eq!(agree("2023-Q1", "2023-02-14"), Agreement::Compatible);
        assert_eq!(agree("199", "1995"), Agreement::Compatible);
        assert_eq!(agree("2025-04-23", "2025-W17-3"), Agreement::Compatible);
        assert_eq!(agree("2025-04-23", "2025-W17-4"), Agreement::Conflict);
        assert_eq!(agree("XXXX-WXX-3", "2025-04-23"), Agreement::Compatible);
        assert_eq!(agree("XXXX-WXX-2", "2025-04-23"), Agreement::Conflict);
        assert_eq!(agree("2013-SU", "2013-07-04"), Agreement::Compatible);
        assert_eq!(
            TimeValue::new(TimexType::Duration, "P3Y").agreement(&TimeValue::date("2013")),
            Agreement::Unknown
        );
    }

    #[test]
    fn days_and_times() {
        assert_eq!(
            TimeValue::date("2025-04-23").as_day(),
            NaiveDate::from_ymd_opt(2025, 4, 23)
        );
        assert!(TimeValue::new(TimexType::Time, "2013-03-22TMO").is_full_date());
        assert!(!TimeValue::date("2013-03").is_full_date());
        assert_eq!(TimeValue::date("PRESENT_REF").parts(), None);
        assert_eq!(TimeValue::date("2013-13").parts(), None);
    }
}

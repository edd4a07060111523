//! Shared by the fuzz targets: the shipped knowledge base (loaded once, not per input), a
//! reference date from the input's first bytes, and miette rendering as the CLI does it.

#![allow(dead_code)] // Each target uses part of this.

use chrono::{Datelike, NaiveDate};
use factdiff::knowledge::Knowledge;
use std::sync::OnceLock;

/// The shipped rules, loaded once per process.
pub fn knowledge() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| Knowledge::load(&[]).expect("shipped rules load"))
}

/// Splits off a reference date: `None` when the first byte is even, else any date chrono can
/// represent (days from the common era, wrapped into range), so extreme years are covered.
pub fn reference_and_text(data: &[u8]) -> (Option<NaiveDate>, &[u8]) {
    let Some((&flag, rest)) = data.split_first() else {
        return (None, data);
    };
    if flag % 2 == 0 || rest.len() < 4 {
        return (None, rest);
    }
    let (head, text) = rest.split_at(4);
    let raw = i32::from_le_bytes([head[0], head[1], head[2], head[3]]);
    // Days from 0001-01-01, kept inside chrono's range (about ±262,000 years).
    let span = NaiveDate::MAX.num_days_from_ce() as i64 - NaiveDate::MIN.num_days_from_ce() as i64;
    let days = NaiveDate::MIN.num_days_from_ce() as i64 + (raw as i64).rem_euclid(span + 1);
    let date = NaiveDate::from_num_days_from_ce_opt(days as i32);
    // Most real references are recent: bias half the dates into 1900-2100 so the relative
    // grammar's arithmetic is exercised where it matters, not only at the extremes.
    let date = if flag & 2 == 0 {
        date
    } else {
        NaiveDate::from_num_days_from_ce_opt(693_596 + raw.rem_euclid(73_049))
    };
    (date, text)
}

/// Renders a diagnostic exactly as `factdiff` prints it, to catch panics in span handling.
pub fn render(diagnostic: &dyn miette::Diagnostic) -> String {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .with_break_words(false)
            .with_urls(false);
    let mut out = String::new();
    let _ = handler.render_report(&mut out, diagnostic);
    out
}

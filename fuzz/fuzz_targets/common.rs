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

/// Splits off a reference date: `None` when the first byte is even, else a date with a
/// four-digit year (half of them in 1900-2100, where news is written), from the next four
/// bytes. With `FUZZ_ANY_YEAR=1` in the environment, any date chrono can represent (about
/// ±262,000 years) instead: the time grammar is known to write invalid dates for years
/// after 9999 (see `invalid_timex_after_year_9999` in tests/hostile.rs).
pub fn reference_and_text(data: &[u8]) -> (Option<NaiveDate>, &[u8]) {
    let Some((&flag, rest)) = data.split_first() else {
        return (None, data);
    };
    let (Some(head), Some(text)) = (rest.get(..4), rest.get(4..)) else {
        return (None, rest);
    };
    if flag % 2 == 0 {
        return (None, rest);
    }
    let raw = i64::from(u32::from_le_bytes([head[0], head[1], head[2], head[3]]));
    let (first, count) = if any_year() {
        let min = i64::from(NaiveDate::MIN.num_days_from_ce());
        (min, i64::from(NaiveDate::MAX.num_days_from_ce()) - min + 1)
    } else if flag & 2 == 0 {
        (1, 3_652_059) // 0001-01-01 to 9999-12-31
    } else {
        (693_596, 73_049) // 1900-01-01 to 2099-12-31
    };
    let days = first + raw.rem_euclid(count);
    (
        i32::try_from(days)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt),
        text,
    )
}

fn any_year() -> bool {
    static ANY: OnceLock<bool> = OnceLock::new();
    *ANY.get_or_init(|| std::env::var_os("FUZZ_ANY_YEAR").is_some_and(|v| v == "1"))
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

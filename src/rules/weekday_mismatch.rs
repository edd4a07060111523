//! # weekday-mismatch
//!
//! A weekday written next to a date is not that date's weekday: "Monday, March 4, 2025"
//! (March 4, 2025 was a Tuesday).
//!
//! ## Why
//! One of the two is wrong, and readers cannot tell which. It is a contradiction inside a
//! single article, so it needs no other source.
//!
//! ## When it fires
//! A full calendar date (day, month and year known) with a weekday stated beside it.
//!
//! ## Fix
//! Check which of the two the source gives, and correct the other.

use super::context::RuleContext;
use super::{Finding, Severity};
use crate::extract::ClaimData;
use crate::span::DocId;
use chrono::{Datelike, Weekday};

/// Rule id.
pub const ID: &str = "weekday-mismatch";

/// The English name of ISO weekday `n` (1 = Monday).
pub(super) fn weekday_name(n: u32) -> &'static str {
    match n {
        1 => "Monday",
        2 => "Tuesday",
        3 => "Wednesday",
        4 => "Thursday",
        5 => "Friday",
        6 => "Saturday",
        _ => "Sunday",
    }
}

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (di, claims) in ctx.claims.iter().enumerate() {
        let doc = DocId(di as u32);
        for c in claims {
            let ClaimData::Time {
                timex,
                stated_weekday: Some(w),
                ..
            } = &c.data
            else {
                continue;
            };
            let Some(day) = timex.as_day() else { continue };
            let actual: Weekday = day.weekday();
            if actual.number_from_monday() == w.day {
                continue;
            }
            let date_text = &w.written;
            out.push(Finding {
                rule: ID,
                severity: Severity::Error,
                message: format!(
                    "“{date_text}” is a {}, not a {}",
                    weekday_name(actual.number_from_monday()),
                    weekday_name(w.day)
                ),
                subject: day.to_string(),
                values: vec![weekday_name(w.day).to_string(), day.to_string()],
                locations: vec![
                    ctx.at(doc, w.span, format!("says {}", weekday_name(w.day))),
                    ctx.at(
                        doc,
                        c.span,
                        format!("{day} was a {}", weekday_name(actual.number_from_monday())),
                    ),
                ],
                help: "one of the two is wrong: check the date and the weekday against the source"
                    .to_string(),
            });
        }
    }
    out
}

//! # relative-date-conflict
//!
//! A relative date ("last Monday", "this Wednesday", "yesterday") resolves, against its
//! article's publication date, to a different day than another article gives for the same
//! event.
//!
//! ## Why
//! Relative dates are right on the day they are written and wrong when the article is
//! republished, syndicated a day later, or dated in another time zone. The contradiction
//! only shows once the expression is resolved.
//!
//! ## When it fires
//! As `event-date-conflict` (same series with the same ordinal or exact day), when at least
//! one of the disagreeing dates came from a relative expression. The message shows the
//! expression and the day it resolves to.
//!
//! ## Example
//! ```text
//! a.txt (published 2025-04-23): the Group held its 5th meeting last Monday (2025-04-21)
//! b.txt: the 5th meeting of the Group, on 22 April 2025
//! ```
//!
//! ## Fix
//! Replace the relative date with the calendar date, or check the article's date.

use super::context::RuleContext;
use super::event_common::disagreement;
use super::event_date_conflict::{dates_conflict, stated_dates};
use super::Finding;
use crate::resolve::events::clusters;

/// Rule id.
pub const ID: &str = "relative-date-conflict";

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    clusters(ctx.resolved)
        .iter()
        .filter_map(|c| {
            let (dates, relative) = stated_dates(ctx, &c.members);
            if !relative {
                return None;
            }
            let published: Vec<String> = c
                .members
                .iter()
                .filter_map(|&i| {
                    let e = &ctx.resolved.events[i];
                    ctx.corpus.get(e.doc).and_then(|d| d.published.map(|p| format!("{} is dated {p}", d.path)))
                })
                .collect();
            disagreement(ctx, ID, c, "the date", dates, dates_conflict, |_| {
                format!(
                    "relative dates are resolved against the article's publication date ({}); write the calendar date or check the article's date",
                    published.join(", ")
                )
            })
        })
        .collect()
}

//! # event-date-conflict
//!
//! Two articles give different dates for the same event.
//!
//! ## When it fires
//! The mentions are the same event: same series and same ordinal ("the 21st meeting of the
//! Velmora-Arcadia Water Board"), or same series and the same exact day. Dates are
//! compared by their known parts: "February 2023" and "1 February 2023" agree; "1 February"
//! and "2 February" do not, even with the year unknown. A day that opened the event
//! ("opened on Monday") agrees with a later day that closed it ("ended on Tuesday") or falls
//! within its stated length ("the two-day forum"). Different meetings of one series
//! (a 2022 meeting and a 2023 meeting) are never compared.
//!
//! When one of the dates was computed from a relative expression ("last Monday"), the
//! `relative-date-conflict` rule reports it instead, with how it was resolved.
//!
//! ## Example
//! ```text
//! a.txt: The Group held its 21st meeting in Madrid on 14 March 2023.
//! b.txt: The 21st meeting of the Group took place on 16 March 2023.
//! ```
//!
//! ## Fix
//! Check the date against the primary source (the joint communiqué).

use super::context::RuleContext;
use super::event_common::{disagreement, Stated};
use super::Finding;
use crate::timex::{Agreement, TimeValue};

/// Rule id.
pub const ID: &str = "event-date-conflict";

/// The dates stated by the cluster's mentions, and whether any was relative.
pub fn stated_dates(ctx: &RuleContext<'_>, members: &[usize]) -> (Vec<Stated>, bool) {
    let mut relative = false;
    let mut out = Vec::new();
    for &i in members {
        let e = &ctx.resolved.events[i];
        let Some(t) = &e.event.time else { continue };
        // "on Tuesday" in an undated article: no day to compare.
        if t.value
            .parts()
            .is_none_or(|p| p.year.is_none() && p.month.is_none())
        {
            continue;
        }
        let rel = e.event.relative_time.is_some();
        relative |= rel;
        let written = e.event.relative_time.as_deref().unwrap_or("");
        let display = if rel {
            format!("{} (“{written}”)", t.value.value)
        } else {
            t.value.value.clone()
        };
        out.push(Stated {
            doc: e.doc,
            span: t.span,
            key: t.value.value.clone(),
            display,
            days: e.days(),
        });
    }
    (out, relative)
}

/// True when the two date values cannot denote the same day, or, when the mentions say
/// when the event opened or closed, the days it can occupy do not meet: "opened on
/// Monday" agrees with "ended on Tuesday".
pub fn dates_conflict(a: &Stated, b: &Stated) -> bool {
    if let (Some((alo, ahi)), Some((blo, bhi))) = (a.days, b.days) {
        if alo <= bhi && blo <= ahi {
            return false;
        }
    }
    TimeValue::date(a.key.clone()).agreement(&TimeValue::date(b.key.clone())) == Agreement::Conflict
}

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    ctx.resolved
        .event_clusters
        .iter()
        .filter_map(|c| {
            let (dates, relative) = stated_dates(ctx, &c.members);
            if relative {
                return None;
            }
            disagreement(ctx, ID, c, "the date", dates, dates_conflict, |_| {
                "the articles describe the same event (same series and number, or same day); check the date against the primary source".to_string()
            })
        })
        .collect()
}

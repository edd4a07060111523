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
//! Undated articles that give only a weekday are compared for events over in a moment
//! (an arrest, a quake, an attack, an accident, a verdict, a death): "arrested on Tuesday"
//! against "arrested Wednesday morning" cannot both be right. Only a weekday written beside
//! the event's verb or noun counts; events that last (a strike, a summit) are not compared
//! by weekday.
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
use crate::extract::frames::lexicon::Family;
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

/// Events over in a moment: an arrest, a quake, an attack, a death. A strike or a summit
/// runs over days, so two weekdays can both be right.
const POINT_FAMILIES: &[Family] = &[
    Family::Quake,
    Family::Accident,
    Family::Attack,
    Family::Arrest,
    Family::Verdict,
    Family::Death,
];

/// The weekdays the cluster's mentions give without a date ("arrested on Tuesday" in an
/// undated article), for events over in a moment; none when any mention is dated or lasts.
fn stated_weekdays(ctx: &RuleContext<'_>, members: &[usize]) -> Vec<Stated> {
    let mut out = Vec::new();
    for &i in members {
        let e = &ctx.resolved.events[i];
        let point = crate::extract::frames::lexicon::Family::parse(&e.event.family)
            .is_some_and(|f| POINT_FAMILIES.contains(&f));
        if !point || e.event.days.is_some_and(|d| d > 1) {
            return Vec::new();
        }
        let Some(t) = &e.event.time else { continue };
        let Some(day) = weekday_of(&t.value) else {
            continue;
        };
        // Only a weekday written beside its verb or noun ("arrested on Tuesday", "Tuesday's
        // arrest"): further off it is as often the day of something else ("charged with
        // murder Saturday after opening fire").
        let near = |m: crate::span::Span| {
            t.span
                .start
                .abs_diff(m.end)
                .min(m.start.abs_diff(t.span.end))
                <= 24
        };
        if !near(e.span) && !e.event.mentions.iter().any(|m| near(*m)) {
            continue;
        }
        out.push(Stated {
            doc: e.doc,
            span: t.span,
            key: format!("weekday {day}"),
            display: super::weekday_mismatch::weekday_name(day).to_string(),
            days: None,
        });
    }
    out
}

/// The ISO weekday (1 = Monday) of a value that names only a weekday: "XXXX-WXX-2",
/// "XXXX-WXX-3TMO" (Wednesday morning).
fn weekday_of(value: &TimeValue) -> Option<u32> {
    value
        .parts()
        .filter(|p| p.year.is_none() && p.month.is_none() && p.range.is_none())
        .and_then(|p| p.weekday)
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
            .or_else(|| {
                // Undated articles that name the day of an arrest, a quake or a death by
                // its weekday: two weekdays cannot both be right.
                let days = stated_weekdays(ctx, &c.members);
                disagreement(ctx, ID, c, "the day", days, |a, b| a.key != b.key, |_| {
                    "the articles name different weekdays for an event over in a moment; check the day against the primary source".to_string()
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::weekday_of;
    use crate::timex::TimeValue;

    #[test]
    fn weekday_only_values() {
        let w = |v: &str| weekday_of(&TimeValue::date(v.to_string()));
        assert_eq!(w("XXXX-WXX-2"), Some(2));
        assert_eq!(w("XXXX-WXX-3TMO"), Some(3));
        assert_eq!(w("2031-05-06"), None);
        assert_eq!(w("XXXX-WXX-WE"), None);
    }
}

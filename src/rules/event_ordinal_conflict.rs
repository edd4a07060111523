//! # event-ordinal-conflict
//!
//! Two articles number the same event differently ("its 21st meeting" / "the 22nd meeting").
//!
//! ## When it fires
//! The mentions belong to the same series and give the same day, or name the same three
//! attendees (two with the same place) at dates not months apart — that is what makes them
//! one event — but different ordinals. Two meetings of a series with different numbers and
//! nothing else in common are simply two meetings, and are not reported.
//!
//! ## Fix
//! Count from the series' own communiqués.

use super::context::RuleContext;
use super::event_common::{disagreement, ordinal_word, Stated};
use super::Finding;
use crate::resolve::events::Link;

/// Rule id.
pub const ID: &str = "event-ordinal-conflict";

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    ctx.resolved
        .event_clusters
        .iter()
        .filter(|c| c.links.iter().any(|l| matches!(l, Link::Day | Link::People | Link::Frame)))
        .filter_map(|c| {
            let stated: Vec<Stated> = c
                .members
                .iter()
                .filter_map(|&i| {
                    let e = &ctx.resolved.events[i];
                    e.event.ordinal.as_ref().map(|o| Stated { doc: e.doc, span: o.span, key: o.value.to_string(), display: ordinal_word(o.value), days: None })
                })
                .collect();
            disagreement(ctx, ID, c, "the number", stated, |a, b| a.key != b.key, |_| {
                "the articles give the same series and the same day, so they describe one meeting; check its number in the series".to_string()
            })
        })
        .collect()
}

//! # event-place-conflict
//!
//! Two articles say the same event was held in different places.
//!
//! ## When it fires
//! The mentions are the same event (same series and ordinal, or same series and exact day)
//! and name different places from the gazetteer (`rules/places.toml`): "held its 21st
//! meeting in Madrid" against "the 21st meeting, in Rabat".
//!
//! ## Fix
//! Check the place against the primary source.

use super::context::RuleContext;
use super::event_common::{disagreement, Stated};
use super::Finding;

/// Rule id.
pub const ID: &str = "event-place-conflict";

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    ctx.resolved
        .event_clusters
        .iter()
        .filter_map(|c| {
            let stated: Vec<Stated> = c
                .members
                .iter()
                .filter_map(|&i| {
                    let e = &ctx.resolved.events[i];
                    e.event.place.as_ref().map(|p| Stated { doc: e.doc, span: p.span, key: p.value.clone(), display: p.value.clone(), days: None })
                })
                .collect();
            disagreement(ctx, ID, c, "the place", stated, |a, b| a.key != b.key, |_| {
                "the articles describe the same event (same series and number, or same day); check where it was held".to_string()
            })
        })
        .collect()
}

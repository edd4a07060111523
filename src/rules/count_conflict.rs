//! # count-conflict
//!
//! Two articles give different counts for the same thing at the same event ("a delegation
//! of 12 ministers" / "eleven ministers").
//!
//! ## When it fires
//! The mentions are the same event (see `event-date-conflict`), the counted noun is the
//! same, and the numbers differ: two exact numbers that are not equal, or an approximate
//! one ("about a dozen") more than a quarter away from the other.
//!
//! ## Fix
//! Check the number against the primary source, or make the approximation explicit.

use super::context::RuleContext;
use super::event_common::{disagreement, Stated};
use super::Finding;
use crate::resolve::events::clusters;
use std::collections::BTreeSet;

/// Rule id.
pub const ID: &str = "count-conflict";

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in clusters(ctx.resolved) {
        let nouns: BTreeSet<String> = c
            .members
            .iter()
            .flat_map(|&i| {
                ctx.resolved.events[i]
                    .event
                    .counts
                    .iter()
                    .map(|n| n.noun.clone())
            })
            .collect();
        for noun in &nouns {
            let noun = noun.as_str();
            let stated: Vec<Stated> = c
                .members
                .iter()
                .flat_map(|&i| {
                    let e = &ctx.resolved.events[i];
                    e.event
                        .counts
                        .iter()
                        .filter(move |n| n.noun == noun)
                        .map(move |n| Stated {
                            doc: e.doc,
                            span: n.span,
                            key: format!("{}{}", if n.approximate { "~" } else { "" }, n.value),
                            display: format!(
                                "{}{} {noun}s",
                                if n.approximate { "about " } else { "" },
                                n.value
                            ),
                        })
                })
                .collect();
            let conflict = |a: &Stated, b: &Stated| {
                let num = |s: &Stated| s.key.trim_start_matches('~').parse::<u64>().unwrap_or(0);
                let (x, y) = (num(a), num(b));
                let approx = a.key.starts_with('~') || b.key.starts_with('~');
                if approx {
                    x.abs_diff(y) * 4 > x.max(y)
                } else {
                    x != y
                }
            };
            out.extend(disagreement(ctx, ID, &c, &format!("the number of {noun}s"), stated, conflict, |_| {
                "the articles describe the same event; check the number against the primary source".to_string()
            }));
        }
    }
    out
}

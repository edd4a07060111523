//! # origin-conflict
//!
//! Two reports say one person is from different places: "Tomás Varela, 36, of Velmo" in
//! one and "Tomás Varela, 36, of Arvik" in another.
//!
//! ## Why
//! A home town is part of how a report identifies a person; two towns mean one report has
//! it wrong, or the two are not the same person.
//!
//! ## When it fires
//! The same person is given different home towns ("NAME, AGE, of PLACE", "NAME of PLACE")
//! in two articles that are surely about one person: they report a common event
//! (see `factdiff events`) or give the person the same age. An article that
//! gives the person two places is left out. Where a person was born is not read as a home
//! town. It is a warning: a suburb and its city ("of Velmo" against "of Greater Velmo")
//! can both be right.
//!
//! ## Example
//! ```text
//! a.md: Tomás Varela, 36, of Velmo, was arrested on Monday.
//! b.md: Tomás Varela, 36, of Arvik, was charged on Tuesday.
//! ```
//!
//! ## Fix
//! Check the home town against the primary source (charge sheet, police statement).

use super::context::RuleContext;
use super::person_common::{details_by_person, finding, same_person, DocEvents};
use super::{Finding, Severity};
use crate::resolve::PersonDetail;
use crate::text::fold;

/// Rule id.
pub const ID: &str = "origin-conflict";

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let events = DocEvents::of(ctx);
    for (person, docs) in details_by_person(ctx, |d| matches!(d, PersonDetail::From(_))) {
        let mut clash = None;
        'pairs: for (n, a) in docs.iter().enumerate() {
            for b in &docs[n + 1..] {
                let (PersonDetail::From(x), PersonDetail::From(y)) = (&a.detail, &b.detail) else {
                    continue;
                };
                if fold(x) != fold(y)
                    && same_person(ctx, &events, person, a.doc, b.doc, |d| {
                        matches!(d, PersonDetail::Age(_))
                    })
                {
                    clash = Some((a, b, x.clone(), y.clone()));
                    break 'pairs;
                }
            }
        }
        let Some((a, b, x, y)) = clash else {
            continue;
        };
        out.push(finding(
            ctx,
            ID,
            Severity::Warning,
            person,
            (a, b),
            [x.clone(), y.clone()],
            [format!("from {x}"), format!("from {y}")],
            |name, pa, pb| format!("{pa} says {name} is from {x}; {pb} says {y}"),
            "check the home town against the primary source; a suburb and its city can both \
             be right",
        ));
    }
    out
}

//! # age-conflict
//!
//! Two reports give one person ages that cannot both be right: "Tomás Varela, 36," in one
//! and "37-year-old Tomás Varela" in another written the same week.
//!
//! ## Why
//! Ages come from police statements, court papers and family, and each outlet copies them
//! separately; a wrong age is a correction waiting to happen.
//!
//! ## When it fires
//! The same person (by full name, or a surname that resolution takes for them) is given a
//! different age in two articles that are surely about one person: they report a
//! common event (see `factdiff events`) or give the person the same home town. Time
//! passes between publications: a person may be one year older in a report written a year
//! later, never younger. With both publication dates known, a difference larger than the
//! years between them is a warning. When a date is unknown, a difference of one year is a
//! note (a birthday may fall between the reports) and a larger one a warning. An article
//! that gives the person two ages is left out.
//!
//! ## Example
//! ```text
//! a.md (2031-05-02): Tomás Varela, 36, was arrested on Monday.
//! b.md (2031-05-03): Police named the man as 38-year-old Tomás Varela.
//! ```
//!
//! ## Fix
//! Check the age against the primary source (charge sheet, police statement).

use super::context::RuleContext;
use super::person_common::{details_by_person, finding, same_person, DocEvents};
use super::{Finding, Severity};
use crate::resolve::PersonDetail;

/// Rule id.
pub const ID: &str = "age-conflict";

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let events = DocEvents::of(ctx);
    for (person, docs) in details_by_person(ctx, |d| matches!(d, PersonDetail::Age(_))) {
        let published = |d: crate::span::DocId| ctx.corpus.get(d).and_then(|x| x.published);
        // The first pair of articles that disagree, earliest first.
        let mut clash = None;
        'pairs: for (n, a) in docs.iter().enumerate() {
            for b in &docs[n + 1..] {
                let (PersonDetail::Age(x), PersonDetail::Age(y)) = (&a.detail, &b.detail) else {
                    continue;
                };
                if x == y
                    || !same_person(ctx, &events, person, a.doc, b.doc, |d| {
                        matches!(d, PersonDetail::From(_))
                    })
                {
                    continue;
                }
                let severity = match (published(a.doc), published(b.doc)) {
                    (Some(pa), Some(pb)) => {
                        // Older by at most the years between, never younger later on.
                        let (first, later, older) =
                            if pa <= pb { (pa, pb, y) } else { (pb, pa, x) };
                        let younger = if older == y { x } else { y };
                        let years = ((later - first).num_days() as f64 / 365.25).ceil() as i64;
                        let gained = i64::from(*older) - i64::from(*younger);
                        if (0..=years).contains(&gained) {
                            continue;
                        }
                        Severity::Warning
                    }
                    _ if x.abs_diff(*y) == 1 => Severity::Note,
                    _ => Severity::Warning,
                };
                clash = Some((a, b, *x, *y, severity));
                break 'pairs;
            }
        }
        let Some((a, b, x, y, severity)) = clash else {
            continue;
        };
        out.push(finding(
            ctx,
            ID,
            severity,
            person,
            (a, b),
            [x.to_string(), y.to_string()],
            [format!("{x} years old"), format!("{y} years old")],
            |name, pa, pb| format!("{pa} gives {name}'s age as {x}; {pb} gives {y}"),
            "check the age against the primary source (charge sheet, police statement); a \
             birthday between the two reports explains one year",
        ));
    }
    out
}

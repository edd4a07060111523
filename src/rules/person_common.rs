//! What the rules about a person's details share: the details grouped by person, one per
//! article, and whether two articles report a common event.

use super::context::RuleContext;
use super::{Finding, Severity};
use crate::resolve::{DetailClaim, EntityId, PersonDetail};
use crate::span::DocId;
use std::collections::{BTreeMap, BTreeSet};

/// For each person, one detail of the kind `keep` accepts per article, sorted by article;
/// an article that gives the person two different ones is left out (it tells of two
/// people, or corrects itself). Only people given the detail in two articles or more.
pub fn details_by_person<'a>(
    ctx: &RuleContext<'a>,
    keep: impl Fn(&PersonDetail) -> bool,
) -> Vec<(EntityId, Vec<&'a DetailClaim>)> {
    let mut by: BTreeMap<EntityId, BTreeMap<DocId, Vec<&'a DetailClaim>>> = BTreeMap::new();
    for d in &ctx.resolved.details {
        if keep(&d.detail) {
            by.entry(d.person)
                .or_default()
                .entry(d.doc)
                .or_default()
                .push(d);
        }
    }
    by.into_iter()
        .filter_map(|(p, docs)| {
            let one: Vec<&DetailClaim> = docs
                .into_values()
                .filter_map(|ds| {
                    let first = ds.iter().min_by_key(|d| d.span)?;
                    let same = ds.iter().all(|d| same_detail(&d.detail, &first.detail));
                    same.then_some(*first)
                })
                .collect();
            (one.len() >= 2).then_some((p, one))
        })
        .collect()
}

fn same_detail(a: &PersonDetail, b: &PersonDetail) -> bool {
    match (a, b) {
        (PersonDetail::From(x), PersonDetail::From(y)) => {
            crate::text::fold(x) == crate::text::fold(y)
        }
        _ => a == b,
    }
}

/// True when two articles' mentions of a person are surely one person: the articles report
/// a common event, or they agree on another of the person's details (the same age for two
/// home towns, the same home town for two ages).
pub fn same_person(
    ctx: &RuleContext<'_>,
    events: &DocEvents,
    person: EntityId,
    a: DocId,
    b: DocId,
    other: impl Fn(&PersonDetail) -> bool,
) -> bool {
    if events.shared(a, b) {
        return true;
    }
    let of = |doc: DocId| -> BTreeSet<&PersonDetail> {
        ctx.resolved
            .details
            .iter()
            .filter(|d| d.person == person && d.doc == doc && other(&d.detail))
            .map(|d| &d.detail)
            .collect()
    };
    let (x, y) = (of(a), of(b));
    x.len() == 1 && x == y
}

/// The cross-article events each document has a mention in, built once per rule run.
pub struct DocEvents(std::collections::HashMap<DocId, BTreeSet<usize>>);

impl DocEvents {
    /// Indexes the resolved event clusters by document.
    pub fn of(ctx: &RuleContext<'_>) -> DocEvents {
        let mut by: std::collections::HashMap<DocId, BTreeSet<usize>> = Default::default();
        for (ci, c) in ctx.resolved.event_clusters.iter().enumerate() {
            for &i in &c.members {
                by.entry(ctx.resolved.events[i].doc).or_default().insert(ci);
            }
        }
        DocEvents(by)
    }

    /// True when some cross-article event has a mention in both documents.
    pub fn shared(&self, a: DocId, b: DocId) -> bool {
        match (self.0.get(&a), self.0.get(&b)) {
            (Some(x), Some(y)) => !x.is_disjoint(y),
            _ => false,
        }
    }
}

/// The finding for one person given two details `a` and `b` (values and location labels
/// as given), with the message `message(name, path of a, path of b)`.
#[allow(clippy::too_many_arguments)]
pub fn finding(
    ctx: &RuleContext<'_>,
    rule: &'static str,
    severity: Severity,
    person: EntityId,
    (a, b): (&DetailClaim, &DetailClaim),
    values: [String; 2],
    labels: [String; 2],
    message: impl FnOnce(&str, &str, &str) -> String,
    help: &str,
) -> Finding {
    let name = ctx.resolved.people[person].name.clone();
    let path = |d| {
        ctx.corpus
            .get(d)
            .map(|x| x.path.clone())
            .unwrap_or_default()
    };
    let [la, lb] = labels;
    Finding {
        rule,
        severity,
        message: message(&name, &path(a.doc), &path(b.doc)),
        subject: name,
        values: values.to_vec(),
        locations: vec![ctx.at(a.doc, a.span, la), ctx.at(b.doc, b.span, lb)],
        help: help.to_string(),
    }
}

//! # title-holder-conflict
//!
//! An article gives a one-holder office (a country's head of government, a ministry's
//! minister, a secretary of state) to someone else than the person who held it on the
//! article's date: "Spanish Prime Minister Juan Ortega" in an article of May 2024, when the
//! knowledge base has Pedro Sánchez in that office — or two articles of the same weeks give
//! the same office to two different people.
//!
//! ## When it fires
//! The title resolves to a title marked `single` in `rules/titles.toml`, its country is
//! known (stated, or the person's nationality in the knowledge base), the title is not
//! marked "former", and the article is dated. Against the knowledge base: the office's
//! holder on that date is known and is someone else (an error). Without one: two articles at
//! most a month apart name different people (a warning). People the knowledge base knows are
//! left to `role-contradicts-knowledge`, which says what they did hold.
//!
//! ## Fix
//! Check the name against the government's list of office holders.

use super::context::{join_and, RuleContext};
use super::{Finding, Severity};
use crate::knowledge::{PersonId, TitleId};
use crate::resolve::RoleClaim;
use std::collections::BTreeMap;

/// Rule id.
pub const ID: &str = "title-holder-conflict";

/// Days within which two articles naming different holders contradict each other.
const SAME_WEEKS: i64 = 31;

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let kb = ctx.kb;
    let mut out = Vec::new();
    // (title, country) → the claims giving it, for the comparison between articles.
    let mut by_office: BTreeMap<(TitleId, String), Vec<&RoleClaim>> = BTreeMap::new();
    for claim in &ctx.resolved.roles {
        let Some(t) = claim.role.title else { continue };
        let Some(title) = kb.titles.get(t.0) else {
            continue;
        };
        let Some(country) = claim.role.country.clone() else {
            continue;
        };
        if !title.single || claim.former || claim.historical {
            continue;
        }
        let entity = &ctx.resolved.people[claim.person];
        // A surname alone that resolution could not tie to a full name says too little.
        if !entity.name.contains(' ') {
            continue;
        }
        let Some(day) = ctx.corpus.get(claim.doc).and_then(|d| d.published) else {
            continue;
        };
        let holders: Vec<(PersonId, &crate::knowledge::Role)> = kb
            .people
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.roles.iter().map(move |r| (PersonId(i), r)))
            .filter(|(_, r)| {
                r.title == Some(t)
                    && r.country.as_deref() == Some(country.as_str())
                    && r.held_on(Some(day))
            })
            .collect();
        if entity.kb.is_some() {
            continue; // role-contradicts-knowledge says what a known person held
        }
        if let Some((holder, role)) = holders.first() {
            let name = &kb.people[holder.0].name;
            let label = format!(
                "{}{}",
                ctx.country_possessive(Some(&country)),
                title.label_in(Some(&country))
            );
            let since = role
                .from
                .map(|f| format!(" (since {f})"))
                .unwrap_or_default();
            out.push(Finding {
                rule: ID,
                severity: Severity::Error,
                message: format!(
                    "calls {} “{}” in an article dated {day}; {label} then was {name}{since}",
                    entity.name, claim.text
                ),
                subject: label.clone(),
                values: vec![entity.name.clone(), name.clone()],
                locations: vec![
                    ctx.at(
                        claim.doc,
                        claim.span,
                        format!("gives the office to {}", entity.name),
                    ),
                    ctx.at_rule(role.at, format!("knowledge base: {name}{since}")),
                ],
                help: format!("check the name, or the title; source: {}", role.source),
            });
            continue;
        }
        by_office.entry((t, country)).or_default().push(claim);
    }
    for ((t, country), claims) in by_office {
        let label = kb
            .titles
            .get(t.0)
            .map(|x| x.label_in(Some(&country)).to_string())
            .unwrap_or_default();
        let label = format!("{}{label}", ctx.country_possessive(Some(&country)));
        let date = |c: &RoleClaim| ctx.corpus.get(c.doc).and_then(|d| d.published);
        // Holders in order of first mention; one finding per pair of holders that clash.
        let mut holders: Vec<(usize, Vec<&RoleClaim>)> = Vec::new();
        for c in claims {
            match holders.iter_mut().find(|h| h.0 == c.person) {
                Some(h) => h.1.push(c),
                None => holders.push((c.person, vec![c])),
            }
        }
        holders.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        let Some((main, main_claims)) = holders.first() else {
            continue;
        };
        for (other, claims) in holders.iter().skip(1) {
            let clash = claims.iter().find_map(|c| {
                main_claims.iter().find(|m| m.doc != c.doc && matches!((date(c), date(m)), (Some(a), Some(b)) if (a - b).num_days().abs() <= SAME_WEEKS)).map(|m| (*c, *m))
            });
            let Some((c, m)) = clash else { continue };
            let (a, b) = (
                &ctx.resolved.people[*other].name,
                &ctx.resolved.people[*main].name,
            );
            out.push(Finding {
                rule: ID,
                severity: Severity::Warning,
                message: format!("{} gives the office of {label} to {a}; {} gives it to {b}", ctx.path(c.doc), join_and(&[ctx.path(m.doc).to_string()])),
                subject: label.clone(),
                values: vec![a.clone(), b.clone()],
                locations: vec![ctx.at(c.doc, c.span, format!("{a}: “{}”", c.text)), ctx.at(m.doc, m.span, format!("{b}: “{}”", m.text))],
                help: "one holder at a time: check the name against the government's list of office holders".to_string(),
            });
        }
    }
    out
}

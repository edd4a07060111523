//! # conflicting-roles
//!
//! Two articles give one person roles that one person cannot hold at the same time, and the
//! knowledge base does not know the person (when it does, `role-contradicts-knowledge`
//! says which article is right).
//!
//! ## When it fires
//! Both roles resolve to known titles of exclusive groups (two different ministries, say)
//! in compatible countries, or to two bodies declared distinct or of the same kind
//! ("Director General of the Police" / "Director General of the Civil Guard"). Titles the
//! knowledge base does not know are compared when both head a body ("director of the
//! Institute of Hydrography" / "secretary general of the Dockers' Union") and the bodies
//! share no distinctive word; passing roles ("head of the delegation") and bodies named by
//! an acronym alone are not compared. Titles that
//! are only worded differently ("Prime Minister" / "President of the Government" in Spain,
//! "Foreign Minister" / "Minister of Foreign Affairs") resolve to the same title and never
//! fire. Claims marked "former" and claims from articles more than a year apart are not
//! compared: roles change.
//!
//! ## Fix
//! Check the person's current title; add the person to `rules/people.toml` with a source.

use super::context::{join_and, RuleContext};
use super::roles_common::{head_of, heads_different_bodies, incompatible};
use super::{Finding, Severity};
use crate::resolve::RoleClaim;
use std::collections::BTreeMap;

/// Rule id.
pub const ID: &str = "conflicting-roles";

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut by_person: BTreeMap<usize, Vec<&RoleClaim>> = BTreeMap::new();
    let mut heads: BTreeMap<usize, Vec<(&RoleClaim, Vec<String>)>> = BTreeMap::new();
    for c in &ctx.resolved.roles {
        if c.former || ctx.resolved.people[c.person].kb.is_some() {
            continue;
        }
        if c.role.is_known() {
            by_person.entry(c.person).or_default().push(c);
        } else if let Some(body) = head_of(&c.role.core).filter(|_| !c.historical) {
            heads.entry(c.person).or_default().push((c, body));
        }
    }
    // Titles the knowledge base does not know: two head positions of bodies that share no
    // word ("director of the Institute of Oceanography" / "secretary general for fisheries").
    for (person, claims) in heads {
        let name = &ctx.resolved.people[person].name;
        let clash = claims.iter().enumerate().find_map(|(i, (a, ba))| {
            claims[i + 1..].iter().find_map(|(b, bb)| {
                (a.doc != b.doc
                    && close_in_time(ctx, a, b)
                    && heads_different_bodies(ba, bb, ctx.kb))
                .then_some((*a, *b))
            })
        });
        let Some((a, b)) = clash else { continue };
        out.push(Finding {
            rule: ID,
            severity: Severity::Warning,
            message: format!(
                "{} gives {name} as {}; {} as {}",
                ctx.path(b.doc),
                b.text,
                ctx.path(a.doc),
                a.text
            ),
            subject: name.clone(),
            values: vec![b.text.clone(), a.text.clone()],
            locations: vec![
                ctx.at(b.doc, b.span, format!("“{}”", b.text)),
                ctx.at(a.doc, a.span, format!("“{}”", a.text)),
            ],
            help: format!(
                "the two titles head different bodies; check which one {name} holds and add \
                 the person to rules/people.toml with a source"
            ),
        });
    }
    for (person, claims) in by_person {
        let name = &ctx.resolved.people[person].name;
        // Distinct role labels and the claims behind each.
        let mut groups: Vec<(String, Vec<&RoleClaim>)> = Vec::new();
        for c in &claims {
            let label = ctx.role_label(&c.role);
            match groups.iter_mut().find(|g| g.0 == label) {
                Some(g) => g.1.push(c),
                None => groups.push((label, vec![c])),
            }
        }
        groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        let Some((main_label, main)) = groups.first() else {
            continue;
        };
        for (label, minority) in groups.iter().skip(1) {
            // One clashing claim per document of the main group is enough evidence.
            let mut clash: Vec<(&RoleClaim, &RoleClaim)> = Vec::new();
            let mut docs_seen = std::collections::BTreeSet::new();
            'outer: for m in minority {
                for o in main {
                    if m.doc != o.doc
                        && !docs_seen.contains(&o.doc)
                        && incompatible(&m.role, &o.role, ctx.kb)
                        && close_in_time(ctx, m, o)
                    {
                        docs_seen.insert(o.doc);
                        clash.push((m, o));
                        if clash.len() >= 8 {
                            break 'outer;
                        }
                    }
                }
                if !clash.is_empty() {
                    break;
                }
            }
            let Some((m, _)) = clash.first() else {
                continue;
            };
            let mut locations = vec![ctx.at(m.doc, m.span, format!("“{}”", m.text))];
            let mut seen = std::collections::BTreeSet::new();
            for (_, o) in &clash {
                if seen.insert(o.doc) {
                    locations.push(ctx.at(o.doc, o.span, format!("“{}”", o.text)));
                }
            }
            let others: Vec<&str> = clash
                .iter()
                .map(|(_, o)| ctx.path(o.doc))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            out.push(Finding {
                rule: ID,
                severity: Severity::Warning,
                message: format!("{} gives {name} as {label}; {} {} {main_label}", ctx.path(m.doc), join_and(&others.iter().map(|s| s.to_string()).collect::<Vec<_>>()), if others.len() > 1 { "give" } else { "gives" }),
                subject: name.clone(),
                values: vec![label.clone(), main_label.clone()],
                locations,
                help: format!("one person rarely holds both roles at once; check the title of {name} and add the person to rules/people.toml with a source"),
            });
        }
    }
    out
}

fn close_in_time(ctx: &RuleContext<'_>, a: &RoleClaim, b: &RoleClaim) -> bool {
    let date = |c: &RoleClaim| ctx.corpus.get(c.doc).and_then(|d| d.published);
    match (date(a), date(b)) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= 365,
        _ => true,
    }
}

//! # role-contradicts-knowledge
//!
//! An article gives a person a title or puts them at the head of a body that the knowledge
//! base (`rules/people.toml`) says they did not hold.
//!
//! ## Why
//! Wrong titles are the commonest factual slip in wire copy and translations: a machine
//! translation turns Morocco's *Chef du gouvernement* into "Chief Executive Officer", a
//! rewrite puts the head of the national police at the head of the gendarmerie.
//!
//! ## When it fires
//! The title resolves to a known title or body (see `rules/titles.toml`,
//! `rules/organisations.toml`), the person is in the knowledge base, none of their roles
//! held at the article's date matches, and the claim is incompatible with one they held:
//! two different full-time offices, or two bodies declared distinct or of the same kind.
//! Known mistranslations (`[[mistranslation]]`) are named in the help text.
//!
//! A title that matches a role held at another time ("Prime Minister" for someone who left
//! office before the article's date) is a warning, unless the article says "former".
//! Unknown titles, titles outside exclusive groups ("party leader") and people the
//! knowledge base does not know are never reported by this rule.
//!
//! ## Example
//! ```text
//! The Ruritanian delegation will be led by Chief Executive Officer Ana Velmar.
//! ```
//! The knowledge base says Ana Velmar is Ruritania's Head of Government: error.
//!
//! ## Fix
//! Use the title the knowledge base gives, or correct the knowledge base (with a source).

use super::context::{join_and, surname, RuleContext};
use super::roles_common::{incompatible, kb_as_role, matches_kb};
use super::{Finding, Severity};
use crate::resolve::RoleVia;

/// Rule id.
pub const ID: &str = "role-contradicts-knowledge";

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let kb = ctx.kb;
    let mut agreeing_by_person: std::collections::HashMap<usize, Vec<&crate::resolve::RoleClaim>> =
        std::collections::HashMap::new();
    let mut by_person: std::collections::HashMap<usize, Vec<&crate::resolve::RoleClaim>> =
        std::collections::HashMap::new();
    for c in &ctx.resolved.roles {
        by_person.entry(c.person).or_default().push(c);
    }
    for claim in &ctx.resolved.roles {
        let entity = &ctx.resolved.people[claim.person];
        let Some(pid) = entity.kb else { continue };
        let Some(person) = kb.people.get(pid.0) else {
            continue;
        };
        if !claim.role.is_known() {
            continue;
        }
        // A sentence about the past is checked against every role ever held.
        let day = ctx
            .corpus
            .get(claim.doc)
            .and_then(|d| d.published)
            .filter(|_| !claim.historical);
        let held: Vec<_> = person.roles.iter().filter(|r| r.held_on(day)).collect();
        if held.iter().any(|r| matches_kb(&claim.role, r)) {
            continue;
        }
        let name = &person.name;
        let short = person.pronoun.as_deref().unwrap_or(name);
        // Held at another time: a warning unless the text says "former".
        if let Some(other) = person.roles.iter().find(|r| matches_kb(&claim.role, r)) {
            if claim.former {
                continue;
            }
            let when = match (other.from, other.to) {
                (Some(f), Some(t)) => format!("from {f} to {t}"),
                (Some(f), None) => format!("from {f}"),
                (None, Some(t)) => format!("until {t}"),
                (None, None) => "at another time".to_string(),
            };
            let date = day.map(|d| d.to_string()).unwrap_or_default();
            out.push(Finding {
                rule: ID,
                severity: Severity::Warning,
                message: format!(
                    "calls {name} “{}” in an article dated {date}; {short} held that post {when}",
                    claim.text
                ),
                subject: name.clone(),
                values: vec![ctx.role_label(&claim.role), format!("held {when}")],
                locations: vec![
                    ctx.at(claim.doc, claim.span, format!("“{}” on {date}", claim.text)),
                    ctx.at_rule(other.at, format!("held {when}")),
                ],
                help: format!(
                    "write “former {}” or check the article's date; source: {}",
                    claim.text, other.source
                ),
            });
            continue;
        }
        let mut conflicting: Vec<_> = held
            .iter()
            .filter(|r| incompatible(&claim.role, &kb_as_role(r), kb))
            .collect();
        // Undated article: every role counts as held, but the roles still held say best what
        // the person is.
        if day.is_none() && conflicting.iter().any(|r| r.to.is_none()) {
            conflicting.retain(|r| r.to.is_none());
        }
        let mistranslation = claim.role.title.is_some().then(|| {
            kb.mistranslations_of(&claim.role.core).find(|m| {
                held.iter().any(|r| r.title == Some(m.meant))
                    && (m.countries.is_empty()
                        || claim
                            .role
                            .country
                            .as_ref()
                            .is_some_and(|c| m.countries.contains(c)))
            })
        });
        let mistranslation = mistranslation.flatten();
        if conflicting.is_empty() && mistranslation.is_none() {
            continue;
        }
        // What the knowledge base says they were (the roles the claim contradicts first).
        let mut known: Vec<&crate::knowledge::Role> = conflicting.iter().map(|r| **r).collect();
        if let Some(m) = mistranslation {
            if let Some(r) = held.iter().find(|r| r.title == Some(m.meant)) {
                known.retain(|k| k.title != r.title);
                known.insert(0, r);
            }
        }
        // Roles by body are stated together ("heads the AWD and the VCG").
        let org_roles: Vec<String> = held
            .iter()
            .filter_map(|r| r.organisation)
            .map(|o| ctx.org_label(o))
            .collect();
        let title_roles: Vec<String> = known
            .iter()
            .filter_map(|r| {
                r.title.and_then(|t| kb.titles.get(t.0)).map(|t| {
                    format!(
                        "{}{}",
                        ctx.country_possessive(r.country.as_deref()),
                        t.label_in(r.country.as_deref())
                    )
                })
            })
            .collect();
        let mut is = Vec::new();
        if !title_roles.is_empty() {
            is.push(format!("is {}", join_and(&title_roles)));
        }
        if !org_roles.is_empty() && known.iter().any(|r| r.organisation.is_some()) {
            is.push(format!("heads {}", join_and(&org_roles)));
        }
        let is = join_and(&is);
        let claimed = match claim.via {
            RoleVia::HeadOf => {
                let body = claim
                    .role
                    .orgs
                    .first()
                    .map(|o| ctx.org_label(*o))
                    .unwrap_or_else(|| format!("the {}", claim.text));
                format!("puts {name} at the head of {body} (“{}”)", claim.text)
            }
            RoleVia::Title => format!("calls {name} “{}”", claim.text),
        };
        let message = format!("{claimed}; {short} {is}");
        let short = surname(name);
        let mut locations = vec![ctx.at(
            claim.doc,
            claim.span,
            match claim.via {
                RoleVia::HeadOf => format!("puts {short} at the head of {}", claim.text),
                RoleVia::Title => format!("calls {short} “{}”", claim.text),
            },
        )];
        // Evidence: other claims about the person that agree with the knowledge base.
        // Computed once per person: a person named in thousands of articles must not cost
        // thousands of passes over every claim.
        let agreeing = agreeing_by_person.entry(claim.person).or_insert_with(|| {
            let mut list: Vec<&crate::resolve::RoleClaim> = by_person
                .get(&claim.person)
                .into_iter()
                .flatten()
                .copied()
                .filter(|o| person.roles.iter().any(|r| matches_kb(&o.role, r)))
                .collect();
            list.sort_by_key(|o| (o.doc, o.span));
            list.dedup_by_key(|o| o.doc);
            list
        });
        let agreeing: Vec<_> = agreeing
            .iter()
            .filter(|o| (o.doc, o.span) != (claim.doc, claim.span))
            .collect();
        for o in agreeing.iter().take(4) {
            locations.push(ctx.at(o.doc, o.span, format!("gives {short} as {}", o.text)));
        }
        let mut sources = Vec::new();
        for r in &known {
            let since = r.from.map(|f| format!(" since {f}")).unwrap_or_default();
            locations.push(ctx.at_rule(
                r.at,
                format!("knowledge base: {}{since}", ctx.role_label(&kb_as_role(r))),
            ));
            sources.push(r.source.clone());
        }
        let mut help = String::new();
        if let Some(m) = mistranslation {
            let t = &kb.titles[m.meant.0];
            help.push_str(&format!(
                "“{}” is a known mistranslation of {} “{}” ({}). ",
                claim.text,
                language_name(&m.language),
                m.original,
                t.label_in(claim.role.country.as_deref())
            ));
            locations.push(ctx.at_rule(m.at, format!("known mistranslation of “{}”", m.original)));
        }
        help.push_str(&format!("{name} {is}; source: {}", sources.join("; ")));
        let known_values: Vec<String> = known
            .iter()
            .map(|r| ctx.role_label(&kb_as_role(r)))
            .collect();
        out.push(Finding {
            rule: ID,
            severity: Severity::Error,
            message,
            subject: name.clone(),
            values: vec![ctx.role_label(&claim.role), join_and(&known_values)],
            locations,
            help,
        });
    }
    out
}

fn language_name(code: &str) -> &str {
    match code {
        "fr" => "French",
        "es" => "Spanish",
        "ar" => "Arabic",
        "en" => "English",
        "pt" => "Portuguese",
        other => other,
    }
}

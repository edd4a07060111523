//! Resolution: which mentions are the same person, organisation or event across articles.
//!
//! - People: accent- and case-folded full names, knowledge-base aliases, and a surname alone
//!   ("Prime Minister Sánchez") taken as the full name it shortens in the same article (or
//!   the one known person with that surname). Names that differ in more than spelling are
//!   different people: "Rafael Pérez Ruiz" is not "Rafael Pérez Pérez".
//! - Roles: each title or "at the head of" claim resolved to a title and/or bodies
//!   ([`roles::resolve_title`]).
//! - Events: a meeting's series name normalised (aliases from the rules, nationality words and
//!   "permanent/joint/mixed" dropped, plurals made singular), so one series under several
//!   names is one key. Different meetings of one series stay different events: the rules
//!   only compare events that share an ordinal or an exact date.

pub mod events;
pub mod roles;

use crate::corpus::Corpus;
use crate::extract::{Claim, ClaimData, EventClaim};
use crate::knowledge::{Knowledge, OrgId, PersonId};
use crate::span::{DocId, Span};
use crate::text::fold;
use roles::{resolve_org, resolve_title, Role};
use std::collections::{BTreeMap, HashMap};

/// Index of a person in [`Resolved::people`].
pub type EntityId = usize;

/// One person as seen across the corpus.
#[derive(Debug, Clone)]
pub struct PersonEntity {
    /// Canonical name: the knowledge base's, else the most common spelling.
    pub name: String,
    /// Folded key shared by all mentions.
    pub key: String,
    /// The knowledge-base entry, when known.
    pub kb: Option<PersonId>,
    /// Every mention: document, span of the name, name as written.
    pub mentions: Vec<(DocId, Span, String)>,
}

/// How a role claim was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleVia {
    /// A title next to the name.
    Title,
    /// "at the head of ORG" and pairings.
    HeadOf,
}

/// A role a document gives a person.
#[derive(Debug, Clone)]
pub struct RoleClaim {
    /// The person.
    pub person: EntityId,
    /// The document.
    pub doc: DocId,
    /// Span of the title or organisation text.
    pub span: Span,
    /// Span of the person's name.
    pub person_span: Span,
    /// The title or organisation as written.
    pub text: String,
    /// What it resolves to.
    pub role: Role,
    /// True for "former" titles.
    pub former: bool,
    /// How it was stated.
    pub via: RoleVia,
}

/// An event of one document with its series key.
#[derive(Debug, Clone)]
pub struct EventMention {
    /// The document.
    pub doc: DocId,
    /// Span of the event's first mention.
    pub span: Span,
    /// Normalised series key (empty when no series is named).
    pub series_key: String,
    /// Display name of the series.
    pub series_name: Option<String>,
    /// The event as extracted.
    pub event: EventClaim,
    /// Attendees resolved to people.
    pub attendees: Vec<EntityId>,
    /// The publication date of the article, when known.
    pub published: Option<chrono::NaiveDate>,
}

/// Everything resolution found.
#[derive(Debug, Default)]
pub struct Resolved {
    /// People.
    pub people: Vec<PersonEntity>,
    /// Role claims.
    pub roles: Vec<RoleClaim>,
    /// Events.
    pub events: Vec<EventMention>,
    /// The person named at each (document, span), for claims that name people in passing
    /// (quotation speakers).
    pub mention_index: HashMap<(DocId, Span), EntityId>,
}

impl Resolved {
    /// The person named at this place, if resolution knows it.
    pub fn person_at(&self, doc: DocId, span: Span) -> Option<EntityId> {
        self.mention_index.get(&(doc, span)).copied()
    }
}

/// Resolves the claims of every document.
pub fn resolve(corpus: &Corpus, claims: &[Vec<Claim>], kb: &Knowledge) -> Resolved {
    let mut r = Resolved::default();
    let mut by_key: BTreeMap<String, EntityId> = BTreeMap::new();
    // Full names first, so surnames can find them.
    for (di, doc_claims) in claims.iter().enumerate() {
        let doc = DocId(di as u32);
        for c in doc_claims {
            if let ClaimData::Person { name } = &c.data {
                if name.split_whitespace().count() >= 2 {
                    person_entity(&mut r, &mut by_key, kb, doc, c.span, name);
                }
            }
        }
    }
    for (di, doc_claims) in claims.iter().enumerate() {
        let doc = DocId(di as u32);
        let full_names: Vec<(String, EntityId)> = r
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.mentions.iter().any(|m| m.0 == doc))
            .map(|(i, p)| (p.key.clone(), i))
            .collect();
        let lookup = |r: &mut Resolved,
                      by_key: &mut BTreeMap<String, EntityId>,
                      span: Span,
                      name: &str|
         -> Option<EntityId> {
            let folded = fold(name);
            if folded.contains(' ') {
                return Some(person_entity(r, by_key, kb, doc, span, name));
            }
            surname(r, &full_names, kb, &folded, doc, span, name)
        };
        for c in doc_claims {
            match &c.data {
                ClaimData::Person { name } if !name.contains(' ') => {
                    lookup(&mut r, &mut by_key, c.span, name);
                }
                ClaimData::Title {
                    person,
                    person_span,
                    title,
                    country,
                    former,
                } => {
                    let Some(p) = lookup(&mut r, &mut by_key, *person_span, person) else {
                        continue;
                    };
                    let pc = person_country(&r, p, kb);
                    let role = resolve_title(title, country.as_deref(), pc.as_deref(), kb);
                    r.roles.push(RoleClaim {
                        person: p,
                        doc,
                        span: c.span,
                        person_span: *person_span,
                        text: title.clone(),
                        role,
                        former: *former,
                        via: RoleVia::Title,
                    });
                }
                ClaimData::Organisation {
                    name,
                    person: Some(person),
                    person_span: Some(ps),
                } => {
                    let Some(p) = lookup(&mut r, &mut by_key, *ps, person) else {
                        continue;
                    };
                    let org: Option<OrgId> = resolve_org(name, kb);
                    let country = org
                        .and_then(|o| kb.organisations.get(o.0))
                        .and_then(|o| o.country.clone());
                    let role = Role {
                        title: None,
                        orgs: org.into_iter().collect(),
                        country,
                        core: fold(name),
                    };
                    r.roles.push(RoleClaim {
                        person: p,
                        doc,
                        span: c.span,
                        person_span: *ps,
                        text: name.clone(),
                        role,
                        former: false,
                        via: RoleVia::HeadOf,
                    });
                }
                ClaimData::Event(ev) => {
                    let attendees = ev
                        .attendees
                        .iter()
                        .filter_map(|a| lookup(&mut r, &mut by_key, a.span, &a.value))
                        .collect();
                    let (series_key, series_name) = match &ev.series {
                        Some(s) => {
                            let (k, n) = series_key(s, kb);
                            (k, Some(n))
                        }
                        None => (String::new(), None),
                    };
                    let published = corpus.get(doc).and_then(|d| d.published);
                    r.events.push(EventMention {
                        doc,
                        span: c.span,
                        series_key,
                        series_name,
                        event: ev.clone(),
                        attendees,
                        published,
                    });
                }
                _ => {}
            }
        }
    }
    for p in &mut r.people {
        if p.kb.is_none() {
            p.name = most_common_spelling(&p.mentions);
        }
    }
    for (i, p) in r.people.iter().enumerate() {
        for m in &p.mentions {
            r.mention_index.insert((m.0, m.1), i);
        }
    }
    r
}

fn person_country(r: &Resolved, p: EntityId, kb: &Knowledge) -> Option<String> {
    r.people
        .get(p)?
        .kb
        .and_then(|k| kb.people.get(k.0))
        .and_then(|k| k.country.clone())
}

fn person_entity(
    r: &mut Resolved,
    by_key: &mut BTreeMap<String, EntityId>,
    kb: &Knowledge,
    doc: DocId,
    span: Span,
    name: &str,
) -> EntityId {
    let folded = fold(name);
    let kb_id = kb.person_by_name(&folded);
    let key = match kb_id {
        Some(id) => format!("kb:{}", id.0),
        None => folded,
    };
    let id = *by_key.entry(key.clone()).or_insert_with(|| {
        r.people.push(PersonEntity {
            name: kb_id
                .and_then(|k| kb.people.get(k.0))
                .map(|p| p.name.clone())
                .unwrap_or_else(|| name.to_string()),
            key,
            kb: kb_id,
            mentions: Vec::new(),
        });
        r.people.len() - 1
    });
    if !r.people[id]
        .mentions
        .iter()
        .any(|m| m.0 == doc && m.1 == span)
    {
        r.people[id].mentions.push((doc, span, name.to_string()));
    }
    id
}

/// A surname alone: the full name in the same document it ends, else the one known person
/// whose name ends with it. Ambiguous surnames stay unresolved.
fn surname(
    r: &mut Resolved,
    full: &[(String, EntityId)],
    kb: &Knowledge,
    folded: &str,
    doc: DocId,
    span: Span,
    name: &str,
) -> Option<EntityId> {
    let ends = |key: &str, name: &str| {
        name.rsplit(' ').next() == Some(key) || name.split(' ').nth(1) == Some(key)
    };
    let local: Vec<EntityId> = full
        .iter()
        .filter(|(_, id)| {
            let p = &r.people[*id];
            ends(folded, &fold(&p.name)) || p.mentions.iter().any(|m| ends(folded, &fold(&m.2)))
        })
        .map(|(_, id)| *id)
        .collect();
    let id = match local.as_slice() {
        [one] => *one,
        [] => {
            let known: Vec<usize> = kb
                .people
                .iter()
                .enumerate()
                .filter(|(_, p)| ends(folded, &fold(&p.name)))
                .map(|(i, _)| i)
                .collect();
            let [k] = known.as_slice() else { return None };
            let kb_name = kb.people[*k].name.clone();
            let key = format!("kb:{k}");
            match r.people.iter().position(|p| p.key == key) {
                Some(i) => i,
                None => {
                    r.people.push(PersonEntity {
                        name: kb_name,
                        key,
                        kb: Some(PersonId(*k)),
                        mentions: Vec::new(),
                    });
                    r.people.len() - 1
                }
            }
        }
        _ => return None,
    };
    r.people[id].mentions.push((doc, span, name.to_string()));
    Some(id)
}

fn most_common_spelling(mentions: &[(DocId, Span, String)]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.2.contains(' ')) {
        *counts.entry(m.2.as_str()).or_default() += 1;
    }
    // Most mentions win; ties go to the spelling with accents (more information), then order.
    counts
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then((!a.0.is_ascii()).cmp(&!b.0.is_ascii()))
                .then(b.0.cmp(a.0))
        })
        .map(|(s, _)| s.to_string())
        .or_else(|| mentions.first().map(|m| m.2.clone()))
        .unwrap_or_default()
}

/// A series' key and display name: the rules' series id when a name, alias or word key
/// matches, else the word key itself (see [`Knowledge::series_word_key`]).
pub fn series_key(name: &str, kb: &Knowledge) -> (String, String) {
    let folded = fold(name);
    let bare = folded.trim_start_matches("the ");
    if let Some(s) = kb.series_by_name(bare) {
        return (format!("series:{}", s.id), s.name.clone());
    }
    let key = kb.series_word_key(bare);
    if let Some(s) = kb.series_by_word_key(&key) {
        return (format!("series:{}", s.id), s.name.clone());
    }
    (
        format!("name:{key}"),
        name.trim_start_matches("the ").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_series_under_several_names() {
        let kb = Knowledge::load(&[]).unwrap();
        let k = |s: &str| series_key(s, &kb).0;
        // By word key: nationalities, plurals and "permanent/joint/mixed" do not matter.
        let main = k("the Franco-Tunisian Permanent Joint Fisheries Commission");
        assert_eq!(k("Tunisian-French Mixed Fisheries Commission"), main);
        assert_eq!(k("Franco-Tunisian Permanent Commission on fisheries"), main);
        assert_ne!(k("joint subcommittees of the Fisheries Commission"), main);
        assert_eq!(
            k("joint subcommittees of the Fisheries Commission"),
            k("joint sub-committees of the fisheries commission")
        );
        assert_ne!(
            k("Franco-Tunisian Joint Commission"),
            k("Italo-Tunisian Joint Commission")
        );
        // By the rules' aliases: names that share no words.
        assert_eq!(k("high level meeting between Spain and Morocco"), k("RAN"));
        assert!(k("RAN").starts_with("series:"));
    }
}

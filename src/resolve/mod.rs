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
mod frame_links;
pub mod roles;

use crate::corpus::Corpus;
use crate::extract::{Claim, ClaimData, EventClaim};
use crate::knowledge::{Knowledge, OrgId, PersonId};
use crate::span::{DocId, Span};
use crate::text::fold;
use roles::{resolve_org, resolve_title, Role};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

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
    pub mentions: Vec<Mention>,
    /// The distinct ways the name is written; [`Mention::spelling`] indexes this.
    pub spellings: Vec<String>,
}

/// One place a person is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The document.
    pub doc: DocId,
    /// The name's span.
    pub span: Span,
    /// Index into [`PersonEntity::spellings`]: how it is written there.
    pub spelling: u32,
}

impl PersonEntity {
    /// How the name is written at a mention.
    pub fn written(&self, m: &Mention) -> &str {
        self.spellings
            .get(m.spelling as usize)
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// How a role claim was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleVia {
    /// A title next to the name.
    Title,
    /// "at the head of ORG" and pairings.
    HeadOf,
}

/// An age or an origin a document gives a person.
#[derive(Debug, Clone)]
pub struct DetailClaim {
    /// The person.
    pub person: EntityId,
    /// The document.
    pub doc: DocId,
    /// Where the age or place is written.
    pub span: Span,
    /// What is said.
    pub detail: PersonDetail,
}

/// What a document says about a person besides a title.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PersonDetail {
    /// Age in years.
    Age(u32),
    /// The place the person is from.
    From(String),
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
    /// True when the sentence is dated more than a year before the article.
    pub historical: bool,
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

impl EventMention {
    /// The days the event can occupy by what this mention says of its date, first and last:
    /// a one-day date that opened the event ("opened on Monday") reaches on for the
    /// event's stated length, or three days; one that closed it reaches as far back; a
    /// "two-day" event dated by its first day covers both. `None` without a date to the day
    /// or month.
    pub fn days(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        use crate::extract::TimeRole;
        let time = &self.event.time.as_ref()?.value;
        let (mut lo, mut hi) = time.parts()?.range?;
        if lo != hi {
            return Some((lo, hi));
        }
        // "midnight on Sunday" written as Sunday 24:00 is the first moment of Monday.
        if time.value.ends_with("T24:00") {
            lo = lo.succ_opt().unwrap_or(lo);
            hi = lo;
        }
        let length = |d: u32| chrono::Duration::days(i64::from(d.clamp(1, 15)) - 1);
        let extra = length(self.event.days.unwrap_or(3));
        Some(match self.event.time_role {
            TimeRole::Start => (lo, lo + extra),
            TimeRole::End => (hi - extra, hi),
            // One day of a three-day strike: its first, its last or one between.
            TimeRole::Whole => match self.event.days {
                Some(d) if d > 1 => (lo - length(d), lo + length(d)),
                _ => (lo, hi),
            },
        })
    }
}

/// Everything resolution found.
#[derive(Debug, Default)]
pub struct Resolved {
    /// People.
    pub people: Vec<PersonEntity>,
    /// Role claims.
    pub roles: Vec<RoleClaim>,
    /// Ages and origins.
    pub details: Vec<DetailClaim>,
    /// Events.
    pub events: Vec<EventMention>,
    /// Event mentions of different articles taken for one event (see [`events::clusters`]).
    pub event_clusters: Vec<events::EventCluster>,
    /// The person named at each span of each document, for claims that name people in
    /// passing (quotation speakers).
    pub mention_index: MentionIndex,
}

/// Person mentions by (document, span). A document names few people: a short list per
/// document is cheaper than one map over the whole archive (whose every access is a cache
/// miss); a document with very many names overflows into a map, so no access is slow.
#[derive(Debug, Default)]
pub struct MentionIndex {
    per_doc: Vec<Vec<(Span, EntityId)>>,
    overflow: HashMap<(DocId, Span), EntityId>,
}

impl MentionIndex {
    /// Mentions kept in a document's list before the map takes over.
    const LIST: usize = 32;

    /// The person at `span` of `doc`.
    pub fn get(&self, doc: DocId, span: Span) -> Option<EntityId> {
        let list = self.per_doc.get(doc.0 as usize)?;
        if let Some(&(_, id)) = list.iter().find(|(s, _)| *s == span) {
            return Some(id);
        }
        if list.len() < Self::LIST {
            return None;
        }
        self.overflow.get(&(doc, span)).copied()
    }

    /// Records `id` at `span` of `doc` unless a person is recorded there; true if recorded.
    pub fn insert(&mut self, doc: DocId, span: Span, id: EntityId) -> bool {
        if self.get(doc, span).is_some() {
            return false;
        }
        let at = doc.0 as usize;
        if self.per_doc.len() <= at {
            self.per_doc.resize_with(at + 1, Vec::new);
        }
        let list = &mut self.per_doc[at];
        if list.len() < Self::LIST {
            list.push((span, id));
        } else {
            self.overflow.insert((doc, span), id);
        }
        true
    }
}

impl Resolved {
    /// The person named at this place, if resolution knows it.
    pub fn person_at(&self, doc: DocId, span: Span) -> Option<EntityId> {
        self.mention_index.get(doc, span)
    }
}

/// People being resolved: entities by key, mentions already recorded, and the surnames
/// each document's full names end with.
struct People<'k> {
    kb: &'k Knowledge,
    by_key: HashMap<String, EntityId>,
    /// Each full name as written → its person and the surname keys of its folded form.
    spelled: HashMap<String, (EntityId, Vec<std::sync::Arc<str>>)>,
    /// Per document (by index): folded surname → entities whose full names (as written in
    /// that document) end with it. A document names few people: a short list is enough.
    doc_surnames: Vec<Vec<(std::sync::Arc<str>, Vec<EntityId>)>>,
    /// Folded surname → knowledge-base people whose names end with it.
    kb_surnames: HashMap<String, Vec<usize>>,
    /// Folded long form → folded short form the archive also uses for one person ("anthony
    /// phillip lasalle" → "anthony lasalle"; see [`middle_name_aliases`]).
    aliases: HashMap<String, String>,
}

/// Long names that an archive also writes without a middle name or initial: "Ana María
/// Ruiz" and "Ana Ruiz", "Ana M. Ruiz" and "Ana Ruiz". A long form is an alias of its first
/// and last word when the archive also has that two-word form and no other long form
/// shortens to it: two different long names that shorten alike are two people, and the
/// short one stays apart from both.
fn middle_name_aliases<'n>(names: impl Iterator<Item = &'n str>) -> HashMap<String, String> {
    let folded: BTreeSet<String> = names.map(fold).collect();
    let mut short_of: HashMap<&str, Vec<String>> = HashMap::default();
    for long in &folded {
        let words: Vec<&str> = long.split(' ').filter(|w| !w.is_empty()).collect();
        if words.len() < 3 {
            continue;
        }
        let short = format!("{} {}", words[0], words[words.len() - 1]);
        if folded.contains(&short) {
            short_of.insert(long.as_str(), vec![short]);
        }
    }
    let mut longs_per_short: HashMap<&str, usize> = HashMap::default();
    for shorts in short_of.values() {
        *longs_per_short.entry(shorts[0].as_str()).or_default() += 1;
    }
    short_of
        .iter()
        .filter(|(_, shorts)| longs_per_short.get(shorts[0].as_str()) == Some(&1))
        .map(|(long, shorts)| (long.to_string(), shorts[0].clone()))
        .collect()
}

/// The surname keys of a folded full name: the last word, and the second word of a name of
/// three or more (Spanish double surnames: "pedro sanchez perez-castejon").
fn surname_keys(folded: &str) -> Vec<&str> {
    let words: Vec<&str> = folded.split(' ').collect();
    let mut keys = Vec::new();
    if let Some(last) = words.last() {
        keys.push(*last);
    }
    if words.len() >= 3 {
        keys.push(words[1]);
    }
    keys
}

impl<'k> People<'k> {
    fn new(kb: &'k Knowledge) -> Self {
        let mut kb_surnames: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, p) in kb.people.iter().enumerate() {
            let folded = fold(&p.name);
            for k in surname_keys(&folded) {
                kb_surnames.entry(k.to_string()).or_default().push(i);
            }
        }
        People {
            kb,
            by_key: HashMap::default(),
            spelled: HashMap::default(),
            doc_surnames: Vec::new(),
            kb_surnames,
            aliases: HashMap::default(),
        }
    }

    fn entity(
        &mut self,
        r: &mut Resolved,
        key: String,
        name: String,
        kb_id: Option<PersonId>,
    ) -> EntityId {
        *self.by_key.entry(key.clone()).or_insert_with(|| {
            r.people.push(PersonEntity {
                name,
                key,
                kb: kb_id,
                mentions: Vec::new(),
                spellings: Vec::new(),
            });
            r.people.len() - 1
        })
    }

    fn mention(&mut self, r: &mut Resolved, id: EntityId, doc: DocId, span: Span, name: &str) {
        // One name, one person: a span already resolved (the same name read as a person and
        // as a title holder) is not counted twice.
        if r.mention_index.insert(doc, span, id) {
            let p = &mut r.people[id];
            // Spellings are few per person, mentions many: store each spelling once.
            let spelling = match p.spellings.iter().position(|s| s == name) {
                Some(i) => i,
                None => {
                    p.spellings.push(name.to_string());
                    p.spellings.len() - 1
                }
            };
            p.mentions.push(Mention {
                doc,
                span,
                spelling: spelling as u32,
            });
        }
    }

    /// A full name: the knowledge-base person it names, else the folded name.
    fn full(&mut self, r: &mut Resolved, doc: DocId, span: Span, name: &str) -> EntityId {
        // Names repeat across an archive: each spelling is folded and looked up once.
        let (id, keys) = match self.spelled.get(name) {
            Some((id, keys)) => (*id, keys.clone()),
            None => {
                let folded = fold(name);
                let kb_id = self.kb.person_by_name(&folded);
                let folded = match (kb_id, self.aliases.get(&folded)) {
                    (None, Some(short)) if self.kb.person_by_name(short).is_none() => short.clone(),
                    _ => folded,
                };
                let (key, display) =
                    match kb_id.and_then(|k| self.kb.people.get(k.0).map(|p| (k, p))) {
                        Some((k, p)) => (format!("kb:{}", k.0), p.name.clone()),
                        None => (folded.clone(), name.to_string()),
                    };
                let id = self.entity(r, key, display, kb_id);
                let keys: Vec<std::sync::Arc<str>> =
                    surname_keys(&folded).into_iter().map(Into::into).collect();
                self.spelled.insert(name.to_string(), (id, keys.clone()));
                (id, keys)
            }
        };
        self.mention(r, id, doc, span, name);
        let at = doc.0 as usize;
        if self.doc_surnames.len() <= at {
            self.doc_surnames.resize_with(at + 1, Vec::new);
        }
        let surnames = &mut self.doc_surnames[at];
        for k in keys {
            match surnames.iter_mut().find(|(s, _)| *s == k) {
                Some((_, list)) => {
                    if !list.contains(&id) {
                        list.push(id);
                    }
                }
                None => surnames.push((k, vec![id])),
            }
        }
        id
    }

    /// A surname alone: the one full name of the same document it ends, else the one known
    /// person whose name ends with it. Ambiguous surnames stay unresolved.
    fn surname(
        &mut self,
        r: &mut Resolved,
        doc: DocId,
        span: Span,
        name: &str,
    ) -> Option<EntityId> {
        let folded = fold(name);
        let id = match self
            .doc_surnames
            .get(doc.0 as usize)
            .and_then(|l| l.iter().find(|(s, _)| **s == *folded))
            .map(|(_, ids)| ids.as_slice())
        {
            Some([one]) => *one,
            Some(_) => return None,
            None => {
                let [k] = self
                    .kb_surnames
                    .get(&folded)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                else {
                    return None;
                };
                let k = *k;
                let display = self
                    .kb
                    .people
                    .get(k)
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                self.entity(r, format!("kb:{k}"), display, Some(PersonId(k)))
            }
        };
        self.mention(r, id, doc, span, name);
        Some(id)
    }

    fn lookup(&mut self, r: &mut Resolved, doc: DocId, span: Span, name: &str) -> Option<EntityId> {
        if name.trim().contains(' ') {
            Some(self.full(r, doc, span, name))
        } else {
            self.surname(r, doc, span, name)
        }
    }
}

/// Resolves the claims of every document.
pub fn resolve(corpus: &Corpus, claims: &[Vec<Claim>], kb: &Knowledge) -> Resolved {
    let mut r = Resolved::default();
    let mut people = People::new(kb);
    let mut title_cache: HashMap<(String, Option<String>, Option<String>), Role> =
        HashMap::default();
    let mut series_cache: HashMap<String, (String, String)> = HashMap::default();
    people.aliases = middle_name_aliases(claims.iter().flatten().filter_map(|c| match &c.data {
        ClaimData::Person { name } if name.trim().contains(' ') => Some(name.as_str()),
        _ => None,
    }));
    // Full names first, so surnames can find them.
    for (di, doc_claims) in claims.iter().enumerate() {
        let doc = DocId(di as u32);
        for c in doc_claims {
            if let ClaimData::Person { name } = &c.data {
                if name.trim().contains(' ') {
                    people.full(&mut r, doc, c.span, name);
                }
            }
        }
    }
    for (di, doc_claims) in claims.iter().enumerate() {
        let doc = DocId(di as u32);
        for c in doc_claims {
            match &c.data {
                ClaimData::Person { name } if !name.trim().contains(' ') => {
                    people.lookup(&mut r, doc, c.span, name);
                }
                ClaimData::Title {
                    person,
                    person_span,
                    title,
                    country,
                    former,
                    historical,
                } => {
                    let Some(p) = people.lookup(&mut r, doc, *person_span, person) else {
                        continue;
                    };
                    let pc = person_country(&r, p, kb);
                    // Titles repeat across an archive: each distinct one is resolved once.
                    let key = (title.clone(), country.clone(), pc.clone());
                    let role = match title_cache.get(&key) {
                        Some(r) => r.clone(),
                        None => {
                            let r = resolve_title(title, country.as_deref(), pc.as_deref(), kb);
                            title_cache.insert(key, r.clone());
                            r
                        }
                    };
                    r.roles.push(RoleClaim {
                        person: p,
                        doc,
                        span: c.span,
                        person_span: *person_span,
                        text: title.clone(),
                        role,
                        former: *former,
                        historical: *historical,
                        via: RoleVia::Title,
                    });
                }
                ClaimData::Age {
                    person,
                    person_span,
                    ..
                }
                | ClaimData::Origin {
                    person,
                    person_span,
                    ..
                } => {
                    let detail = match &c.data {
                        ClaimData::Age { years, .. } => PersonDetail::Age(*years),
                        ClaimData::Origin { place, .. } => PersonDetail::From(place.clone()),
                        _ => continue,
                    };
                    if let Some(p) = people.lookup(&mut r, doc, *person_span, person) {
                        r.details.push(DetailClaim {
                            person: p,
                            doc,
                            span: c.span,
                            detail,
                        });
                    }
                }
                ClaimData::Organisation {
                    name,
                    person: Some(person),
                    person_span: Some(ps),
                } => {
                    let Some(p) = people.lookup(&mut r, doc, *ps, person) else {
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
                        historical: false,
                        via: RoleVia::HeadOf,
                    });
                }
                ClaimData::Event(ev) => {
                    let attendees = ev
                        .attendees
                        .iter()
                        .filter_map(|a| people.lookup(&mut r, doc, a.span, &a.value))
                        .collect();
                    let (series_key, series_name) = match &ev.series {
                        Some(s) => {
                            // Series names repeat across an archive: each is keyed once.
                            let (k, n) = series_cache
                                .entry(s.clone())
                                .or_insert_with(|| series_key(s, kb))
                                .clone();
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
                        event: (**ev).clone(),
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
            p.name = most_common_spelling(p);
        }
    }
    r.event_clusters = events::clusters(&r);
    r
}

fn person_country(r: &Resolved, p: EntityId, kb: &Knowledge) -> Option<String> {
    r.people
        .get(p)?
        .kb
        .and_then(|k| kb.people.get(k.0))
        .and_then(|k| k.country.clone())
}

fn most_common_spelling(p: &PersonEntity) -> String {
    let mut counts = vec![0usize; p.spellings.len()];
    for m in &p.mentions {
        if let Some(c) = counts.get_mut(m.spelling as usize) {
            *c += 1;
        }
    }
    // Full names only; most mentions win; ties go to the spelling with accents (more
    // information), then to the alphabetically first.
    p.spellings
        .iter()
        .zip(&counts)
        .filter(|(s, _)| s.contains(' '))
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then((!a.0.is_ascii()).cmp(&!b.0.is_ascii()))
                .then(b.0.cmp(a.0))
        })
        .map(|(s, _)| s.clone())
        .or_else(|| p.spellings.first().cloned())
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
    fn mention_index_overflows_into_a_map() {
        let mut m = MentionIndex::default();
        let doc = DocId(3);
        for k in 0..100usize {
            assert!(m.insert(doc, Span::new(k, k + 1), k));
        }
        assert!(
            !m.insert(doc, Span::new(5, 6), 99),
            "a span is recorded once"
        );
        assert!(!m.insert(doc, Span::new(70, 71), 99), "in the map too");
        for k in 0..100usize {
            assert_eq!(m.get(doc, Span::new(k, k + 1)), Some(k));
        }
        assert_eq!(m.get(doc, Span::new(0, 2)), None);
        assert_eq!(m.get(DocId(2), Span::new(0, 1)), None);
        assert_eq!(m.get(DocId(9), Span::new(0, 1)), None);
    }

    #[test]
    fn one_series_under_several_names() {
        let kb = Knowledge::load(&[]).unwrap();
        let k = |s: &str| series_key(s, &kb).0;
        // By word key: nationalities, plurals and "permanent/joint/mixed" do not matter.
        let main = k("the Danish-Norwegian Permanent Joint Forestry Commission");
        assert_eq!(k("Norwegian-Danish Mixed Forestry Commission"), main);
        assert_eq!(k("Danish-Norwegian Permanent Commission on forestry"), main);
        assert_ne!(k("joint subcommittees of the Forestry Commission"), main);
        assert_eq!(
            k("joint subcommittees of the Forestry Commission"),
            k("joint sub-committees of the forestry commission")
        );
        assert_ne!(
            k("Danish-Norwegian Joint Commission"),
            k("Swedish-Norwegian Joint Commission")
        );
        // By the rules' aliases: names that share no words.
        assert_eq!(k("high level meeting between Spain and Morocco"), k("RAN"));
        assert!(k("RAN").starts_with("series:"));
    }
}

//! Claims to facts: the unit `diff` compares.
//!
//! A claim as extracted is tied to its wording; a fact is what an editor cares about: "the
//! meeting's ordinal is 21", "Karima Benyaich is Moroccan Ambassador in Madrid". Each fact
//! has a kind, a canonical subject (who or what it is about, resolved through the knowledge
//! base so spellings and surnames meet), a comparison key (the normalised value) and the
//! span it was read from.
//!
//! A claim that only repeats part of a richer one is left out, so one edit is reported once:
//! an event's ordinal, place, date and attendees are facts of the event (the bare ordinal,
//! place and time claims under them are dropped); a place inside a title ("Ambassador in
//! Madrid"), a name that a title or attendee list already carries, an organisation read
//! inside a title or a series name, anything inside a quotation.

use crate::corpus::Document;
use crate::extract::{Claim, ClaimData};
use crate::knowledge::Knowledge;
use crate::resolve::roles::{resolve_org, resolve_title};
use crate::resolve::{series_key, EntityId, Resolved, RoleVia};
use crate::span::{DocId, Span};
use crate::text::fold;
use std::collections::HashMap;

/// One fact of one document version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// What kind of fact (`event`, `ordinal`, `place`, `time`, `attendee`, `count`, `title`,
    /// `role`, `person`, `organisation`, `quote`).
    pub kind: &'static str,
    /// Canonical subject key: facts are only compared within one (kind, subject key).
    /// Empty for facts about nothing in particular (a date or place mentioned in passing).
    pub subject_key: String,
    /// The subject as shown to people (canonical name, series name...).
    pub subject: String,
    /// The normalised value as shown (TIMEX3 value, ordinal number, place, title...).
    pub value: String,
    /// What values are compared by: folded, resolved, spelling-insensitive.
    pub key: String,
    /// Where the value is written.
    pub span: Span,
    /// The event fact this fact is an attribute of (index into the same list), so a whole
    /// event added or removed is reported once rather than once per attribute.
    pub parent: Option<usize>,
}

impl Fact {
    /// True when the subject names one thing (a person, an event series), so two different
    /// values under it are one changed fact wherever they are written. Facts without a
    /// subject, and quotations, only pair up when their sentences still resemble each other.
    pub fn keyed(&self) -> bool {
        !self.subject_key.is_empty() && self.kind != "quote"
    }
}

/// People of one document by the span of each mention, from resolution.
struct People<'a> {
    by_span: HashMap<Span, EntityId>,
    resolved: &'a Resolved,
}

impl People<'_> {
    /// Key and display name of the person named at `span` (written `name`). People that
    /// resolution could not place (an ambiguous surname) are keyed by their folded name.
    fn get(&self, span: Span, name: &str) -> (String, String) {
        match self
            .by_span
            .get(&span)
            .and_then(|&id| self.resolved.people.get(id))
        {
            Some(p) => (format!("person:{}", p.key), p.name.clone()),
            None => (format!("person:{}", fold(name)), name.to_string()),
        }
    }
}

/// Spans under which other claims are repeats, not facts of their own.
#[derive(Default)]
struct Cover {
    /// Names already carried by a title, an attendee list or an organisation's head.
    people: Vec<Span>,
    /// Titles, quotations, series names: whatever is inside is part of them.
    containers: Vec<Span>,
    /// Organisation names (an organisation read inside another is part of it).
    orgs: Vec<Span>,
    /// Places, times and counts that are attributes of an event.
    event_attrs: Vec<Span>,
}

impl Cover {
    fn contained(&self, span: Span) -> bool {
        self.containers.iter().any(|c| c.contains(&span))
    }
}

/// Reads the facts of one document from its claims. `resolved` must come from resolving
/// this document (as `doc`) together with the version it is compared with, so that people
/// and series share keys across the two.
pub fn facts(
    document: &Document,
    doc: DocId,
    claims: &[Claim],
    resolved: &Resolved,
    kb: &Knowledge,
) -> Vec<Fact> {
    let text = document.text.as_str();
    let mut by_span = HashMap::new();
    for (id, p) in resolved.people.iter().enumerate() {
        for m in p.mentions.iter().filter(|m| m.doc == doc) {
            by_span.entry(m.span).or_insert(id);
        }
    }
    let people = People { by_span, resolved };
    let cover = cover(claims);
    let mut out: Vec<Fact> = Vec::new();
    for c in claims {
        let fact = |kind: &'static str,
                    subject_key: String,
                    subject: String,
                    value: String,
                    key: String,
                    span: Span| Fact {
            kind,
            subject_key,
            subject,
            value,
            key,
            span,
            parent: None,
        };
        match &c.data {
            ClaimData::Event(ev) => {
                let (series, series_name) = match resolved
                    .events
                    .iter()
                    .find(|e| e.doc == doc && e.span == c.span)
                {
                    Some(m) => (m.series_key.clone(), m.series_name.clone()),
                    None => match &ev.series {
                        Some(s) => {
                            let (k, n) = series_key(s, kb);
                            (k, Some(n))
                        }
                        None => (String::new(), None),
                    },
                };
                let noun = ev.noun.to_lowercase();
                let subject_key = format!("event:{series}|{noun}");
                let subject = match series_name {
                    Some(n) => format!("{noun} of {n}"),
                    None => bare_mention(c.span.slice(text), &noun),
                };
                // Compared by noun and tense only (the attributes are facts of their own),
                // shown with its attributes, since a whole event added or removed is
                // reported by this fact alone.
                let key = if ev.planned {
                    format!("planned {noun}")
                } else {
                    noun.clone()
                };
                let mut value = key.clone();
                if let Some(o) = &ev.ordinal {
                    value.push_str(&format!(" #{}", o.value));
                }
                if let Some(p) = &ev.place {
                    value.push_str(&format!(" in {}", p.value));
                }
                if let Some(t) = ev
                    .time
                    .as_ref()
                    .filter(|t| !t.value.value.ends_with("_REF"))
                {
                    value.push_str(&format!(" on {}", t.value.value));
                }
                let parent = out.len();
                out.push(fact(
                    "event",
                    subject_key.clone(),
                    subject.clone(),
                    value,
                    key,
                    c.span,
                ));
                let mut attr = |kind: &'static str, value: String, key: String, span: Span| {
                    let mut f = fact(kind, subject_key.clone(), subject.clone(), value, key, span);
                    f.parent = Some(parent);
                    out.push(f);
                };
                if let Some(o) = &ev.ordinal {
                    attr("ordinal", o.value.to_string(), o.value.to_string(), o.span);
                }
                if let Some(p) = &ev.place {
                    attr("place", p.value.clone(), fold(&p.value), p.span);
                }
                if let Some(t) = &ev.time {
                    attr("time", t.value.value.clone(), t.value.value.clone(), t.span);
                }
                for a in &ev.attendees {
                    let (key, name) = people.get(a.span, &a.value);
                    attr("attendee", name, key, a.span);
                }
                for n in &ev.counts {
                    let value = format!(
                        "{}{} {}",
                        if n.approximate { "~" } else { "" },
                        n.value,
                        n.noun
                    );
                    attr("count", value.clone(), fold(&value), n.span);
                }
            }
            // Always the ordinal of an event, reported there.
            ClaimData::Ordinal { .. } => {}
            ClaimData::Time { timex, .. } => {
                // "recently", "now", "soon" (PAST_REF, PRESENT_REF, FUTURE_REF) name no
                // date: adding or removing one changes no fact.
                let vague = timex.value.ends_with("_REF");
                if !vague && !cover.event_attrs.contains(&c.span) && !cover.contained(c.span) {
                    out.push(fact(
                        "time",
                        String::new(),
                        String::new(),
                        timex.value.clone(),
                        timex.value.clone(),
                        c.span,
                    ));
                }
            }
            ClaimData::Person { name } => {
                if !cover.people.contains(&c.span) && !cover.contained(c.span) {
                    let (key, name) = people.get(c.span, name);
                    out.push(fact(
                        "person",
                        String::new(),
                        String::new(),
                        name,
                        key,
                        c.span,
                    ));
                }
            }
            ClaimData::Title {
                person,
                person_span,
                title,
                country,
                former,
                ..
            } => {
                if cover
                    .containers
                    .iter()
                    .any(|q| q != &c.span && q.contains(&c.span))
                {
                    continue;
                }
                let (person_key, person_name) = people.get(*person_span, person);
                let role = match resolved
                    .roles
                    .iter()
                    .find(|r| r.doc == doc && r.span == c.span && r.via == RoleVia::Title)
                {
                    Some(r) => r.role.clone(),
                    None => resolve_title(title, country.as_deref(), None, kb),
                };
                let key = format!(
                    "{}|{}|{}",
                    role.core,
                    role.country.unwrap_or_default(),
                    if *former { "former" } else { "" }
                );
                let value = if *former && !fold(title).contains("former") {
                    format!("former {title}")
                } else {
                    title.clone()
                };
                out.push(fact("title", person_key, person_name, value, key, c.span));
            }
            ClaimData::Age {
                person,
                person_span,
                years,
            } => {
                let (person_key, person_name) = people.get(*person_span, person);
                out.push(fact(
                    "age",
                    person_key,
                    person_name,
                    years.to_string(),
                    String::new(),
                    c.span,
                ));
            }
            ClaimData::Origin {
                person,
                person_span,
                place,
            } => {
                let (person_key, person_name) = people.get(*person_span, person);
                out.push(fact(
                    "origin",
                    person_key,
                    person_name,
                    place.clone(),
                    String::new(),
                    c.span,
                ));
            }
            ClaimData::Organisation {
                name,
                person,
                person_span,
            } => {
                if cover.contained(c.span)
                    || cover
                        .orgs
                        .iter()
                        .any(|o| o != &c.span && o.contains(&c.span))
                {
                    continue;
                }
                let key = match resolve_org(name, kb) {
                    Some(o) => format!(
                        "org:{}",
                        kb.organisations
                            .get(o.0)
                            .map(|o| o.id.as_str())
                            .unwrap_or_default()
                    ),
                    None => format!("org:{}", fold(name).trim_start_matches("the ")),
                };
                out.push(fact(
                    "organisation",
                    String::new(),
                    String::new(),
                    name.clone(),
                    key.clone(),
                    c.span,
                ));
                if let (Some(p), Some(ps)) = (person, person_span) {
                    let (person_key, person_name) = people.get(*ps, p);
                    out.push(fact(
                        "role",
                        person_key,
                        person_name,
                        name.clone(),
                        key,
                        c.span,
                    ));
                }
            }
            ClaimData::Office {
                office,
                holder,
                year,
                ..
            } => {
                out.push(fact(
                    "office",
                    format!("office:{}|{year}", fold(office)),
                    format!("{office} in {year}"),
                    holder.clone(),
                    holder.clone(),
                    c.span,
                ));
            }
            ClaimData::Place { name } => {
                if !cover.event_attrs.contains(&c.span)
                    && !cover.contained(c.span)
                    && !cover.orgs.iter().any(|o| o.contains(&c.span))
                {
                    out.push(fact(
                        "place",
                        String::new(),
                        String::new(),
                        name.clone(),
                        fold(name),
                        c.span,
                    ));
                }
            }
            ClaimData::Count {
                value,
                approximate,
                noun,
            } => {
                if !cover.event_attrs.iter().any(|s| s.overlaps(&c.span))
                    && !cover.contained(c.span)
                {
                    let v = format!("{}{value}", if *approximate { "~" } else { "" });
                    out.push(fact(
                        "count",
                        format!("count:{}", fold(noun)),
                        noun.clone(),
                        v.clone(),
                        v,
                        c.span,
                    ));
                }
            }
            ClaimData::Quote { words, speaker, .. } => {
                let (subject_key, subject) = match speaker {
                    // The speaker's name is the first one the quote's sentence gives; its
                    // span is not kept, so the name is folded rather than resolved.
                    Some(s) => (format!("person:{}", fold(s)), s.clone()),
                    None => (String::new(), String::new()),
                };
                out.push(fact(
                    "quote",
                    subject_key,
                    subject,
                    words.clone(),
                    quote_key(words),
                    c.span,
                ));
            }
        }
    }
    out
}

/// How a meeting without a series is shown: its mention without determiners or ordinals
/// ("the thematic meeting" → "thematic meeting"), so two unnamed meetings can be told apart
/// in a report. Only for display: such events are compared under their noun.
fn bare_mention(mention: &str, noun: &str) -> String {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "its", "their", "his", "her", "this", "that", "next", "last",
    ];
    let words: Vec<&str> = mention
        .split_whitespace()
        .skip_while(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
        .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    if words.is_empty() {
        noun.to_string()
    } else {
        words.join(" ")
    }
}

/// Quotations compare by their words only: case, accents, punctuation and spacing are
/// typography, not what was said.
fn quote_key(words: &str) -> String {
    let folded = fold(words);
    let mut out = String::with_capacity(folded.len());
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn cover(claims: &[Claim]) -> Cover {
    let mut cover = Cover::default();
    for c in claims {
        match &c.data {
            ClaimData::Title { person_span, .. } => {
                cover.people.push(*person_span);
                cover.containers.push(c.span);
            }
            ClaimData::Quote { .. } => cover.containers.push(c.span),
            ClaimData::Organisation { person_span, .. } => {
                cover.orgs.push(c.span);
                if let Some(ps) = person_span {
                    cover.people.push(*ps);
                }
            }
            ClaimData::Event(ev) => {
                cover.people.extend(ev.attendees.iter().map(|a| a.span));
                cover.containers.extend(ev.series_span);
                cover.event_attrs.extend(ev.place.iter().map(|p| p.span));
                cover.event_attrs.extend(ev.time.iter().map(|t| t.span));
                cover.event_attrs.extend(ev.counts.iter().map(|n| n.span));
            }
            _ => {}
        }
    }
    cover
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnamed_meetings_show_their_mention() {
        assert_eq!(
            bare_mention("the thematic meeting", "meeting"),
            "thematic meeting"
        );
        assert_eq!(bare_mention("its 21st meeting", "meeting"), "meeting");
        assert_eq!(bare_mention("", "summit"), "summit");
    }

    #[test]
    fn quotes_compare_by_words() {
        assert_eq!(
            quote_key("\u{201c}We will,\u{201d} she said"),
            quote_key("we will she  said.")
        );
        assert_ne!(quote_key("we will"), quote_key("we won't"));
    }
}

//! Lookup keys: what a document's claims can meet another document's on.
//!
//! Resolution links people by name, events by series, day, participants and
//! organisations, and offices by name. The keys here are coarse on purpose (a folded
//! name, series, organisation or office, a day): a document
//! sharing none of them with a draft cannot take part in a finding with it, so `--against`
//! loads only the archive documents that share one.

use crate::extract::{Claim, ClaimData};
use crate::text::fold;

/// Every kind of key.
pub const KINDS: [&str; 5] = ["person", "org", "office", "series", "day"];

/// The kinds of key followed beyond the drafts' own: those that name one event or office.
pub const FOLLOWED: [&str; 2] = ["series", "office"];

/// A name folded (accents, case, spacing): what another report of the same person writes,
/// spelled with or without accents. Resolution links people across articles by their full
/// names; a one-word mention is linked within its own article first.
fn name_key(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let f = fold(&words.join(" "));
    (!f.is_empty()).then_some(f)
}

/// The keys of a document's claims, sorted and without repeats.
pub fn of(claims: &[Claim]) -> Vec<(&'static str, String)> {
    let mut keys: Vec<(&'static str, String)> = Vec::new();
    let person = |keys: &mut Vec<(&'static str, String)>, name: &str| {
        if let Some(s) = name_key(name) {
            keys.push(("person", s));
        }
    };
    for c in claims {
        match &c.data {
            ClaimData::Person { name } => person(&mut keys, name),
            ClaimData::Title { person: p, .. }
            | ClaimData::Age { person: p, .. }
            | ClaimData::Origin { person: p, .. } => person(&mut keys, p),
            ClaimData::Organisation {
                name, person: p, ..
            } => {
                keys.push(("org", fold(name)));
                if let Some(p) = p {
                    person(&mut keys, p);
                }
            }
            ClaimData::Quote {
                speaker: Some(s), ..
            } => person(&mut keys, s),
            ClaimData::Office { office, .. } => keys.push(("office", fold(office))),
            ClaimData::Event(e) => {
                if let Some(s) = &e.series {
                    keys.push(("series", fold(s)));
                }
                for a in &e.attendees {
                    person(&mut keys, &a.value);
                }
                for o in &e.organisations {
                    keys.push(("org", fold(&o.value)));
                }
                if let Some(day) = e.time.as_ref().and_then(|t| t.value.value.get(..10)) {
                    keys.push(("day", day.to_string()));
                }
            }
            _ => {}
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{DocId, Span};

    fn claim(data: ClaimData) -> Claim {
        Claim {
            doc: DocId(0),
            span: Span::new(0, 1),
            data,
        }
    }

    #[test]
    fn people_meet_on_their_name_with_or_without_accents() {
        let keys = of(&[
            claim(ClaimData::Person {
                name: "Ilsa Vántor".into(),
            }),
            claim(ClaimData::Person {
                name: "ilsa  Vantor".into(),
            }),
        ]);
        assert_eq!(keys, vec![("person", "ilsa vantor".to_string())]);
    }
}

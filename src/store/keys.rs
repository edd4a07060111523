//! Lookup keys: what a document's claims can meet another document's on.
//!
//! Resolution links people by name (a surname alone is enough), events by series, day,
//! participants and organisations, and offices by name. The keys here are coarse on
//! purpose (a surname, a folded series or organisation name, an office, a day): a document
//! sharing none of them with a draft cannot take part in a finding with it, so `--against`
//! loads only the archive documents that share one.

use crate::extract::{Claim, ClaimData};
use crate::text::fold;

/// Every kind of key.
pub const KINDS: [&str; 5] = ["person", "org", "office", "series", "day"];

/// The last word of a name, folded: what a later surname-only mention shares with it.
fn surname(name: &str) -> Option<String> {
    let last = name.split_whitespace().last()?;
    let f = fold(last.trim_matches(|c: char| !c.is_alphanumeric()));
    (!f.is_empty()).then_some(f)
}

/// The keys of a document's claims, sorted and without repeats.
pub fn of(claims: &[Claim]) -> Vec<(&'static str, String)> {
    let mut keys: Vec<(&'static str, String)> = Vec::new();
    let person = |keys: &mut Vec<(&'static str, String)>, name: &str| {
        if let Some(s) = surname(name) {
            keys.push(("person", s));
        }
    };
    for c in claims {
        match &c.data {
            ClaimData::Person { name } => person(&mut keys, name),
            ClaimData::Title { person: p, .. } => person(&mut keys, p),
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
    fn people_meet_on_their_surname() {
        let keys = of(&[
            claim(ClaimData::Person {
                name: "Ilsa Vántor".into(),
            }),
            claim(ClaimData::Person {
                name: "Vantor".into(),
            }),
        ]);
        assert_eq!(keys, vec![("person", "vantor".to_string())]);
    }
}

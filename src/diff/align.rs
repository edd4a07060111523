//! Aligning the facts of two versions of one article.
//!
//! Facts are only compared within one kind and one subject. Inside such a group:
//!
//! 1. A value stated in both versions is unchanged, however often and wherever it is
//!    written: repeating, moving or dropping one of two mentions changes no fact.
//! 2. The values left on each side are paired by the text around them: the sentences are
//!    compared word by word (`similar`), and the most alike pairs are taken first (ties go
//!    to the closer relative position, then to document order). A pair is one changed fact.
//!    When the subject names one thing (a person's title, a meeting's place) any two leftovers
//!    pair; for facts without a subject and for quotations the sentences must still share
//!    at least half their words, otherwise they are an unrelated removal and addition.
//! 3. Whatever is left is added or removed. An event attribute whose event is itself added
//!    or removed is not listed separately: the event says it.

use super::facts::Fact;
use similar::TextDiff;
use std::collections::{BTreeMap, BTreeSet};

/// Minimum word similarity (in thousandths) for unkeyed facts to pair up as one change.
const MIN_UNKEYED_SIMILARITY: u32 = 500;

/// One aligned fact: an index into the old facts, the new facts, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Aligned {
    /// Same kind and subject, different value.
    Changed(usize, usize),
    /// Only in the old version.
    Removed(usize),
    /// Only in the new version.
    Added(usize),
}

/// One side of the comparison: facts, the text they point into, and its sentences.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The facts, as read by [`super::facts::facts`].
    pub facts: &'a [Fact],
    /// The document text the spans point into.
    pub text: &'a str,
    /// Sentence byte ranges of `text` (from [`crate::text::sentences`]).
    pub sentences: &'a [(usize, usize)],
}

impl Side<'_> {
    /// The sentence holding byte `at`, trimmed; the whole text's edge when none does.
    pub fn sentence_at(&self, at: usize) -> (usize, usize) {
        let i = self.sentences.partition_point(|s| s.1 <= at);
        match self.sentences.get(i) {
            Some(&(a, b)) if a <= at => trim(self.text, a, b),
            _ => (at.min(self.text.len()), at.min(self.text.len())),
        }
    }

    fn context(&self, f: &Fact) -> &str {
        let (a, b) = self.sentence_at(f.span.start);
        self.text.get(a..b).unwrap_or("")
    }

    fn relative(&self, f: &Fact) -> u64 {
        (f.span.start as u64 * 1000) / (self.text.len().max(1) as u64)
    }
}

/// Byte range of `text[a..b]` without surrounding white space.
pub fn trim(text: &str, a: usize, b: usize) -> (usize, usize) {
    let s = text.get(a..b).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return (a, a);
    }
    (a + lead, b - trail)
}

/// Word similarity of two sentences in thousandths (1000 = same words), case-, accent- and
/// punctuation-insensitive. Spaces are not words: counting them would make any two
/// sentences half alike.
pub fn similarity(a: &str, b: &str) -> u32 {
    let (a, b) = (crate::text::fold(a), crate::text::fold(b));
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(&a), words(&b));
    if wa == wb {
        return 1000;
    }
    let (ra, rb): (Vec<&str>, Vec<&str>) = (
        wa.iter().map(String::as_str).collect(),
        wb.iter().map(String::as_str).collect(),
    );
    let diff = TextDiff::from_slices(&ra, &rb);
    (diff.ratio() * 1000.0).round() as u32
}

/// Aligns the facts of two versions and returns what differs: changed, then removed, then
/// added, each in index order (so in document order on each side).
pub fn align(old: &Side<'_>, new: &Side<'_>) -> Vec<Aligned> {
    // (kind, subject key) → (old indices, new indices).
    type Groups<'f> = BTreeMap<(&'f str, &'f str), (Vec<usize>, Vec<usize>)>;
    let mut groups: Groups<'_> = BTreeMap::new();
    for (i, f) in old.facts.iter().enumerate() {
        groups
            .entry((f.kind, f.subject_key.as_str()))
            .or_default()
            .0
            .push(i);
    }
    for (i, f) in new.facts.iter().enumerate() {
        groups
            .entry((f.kind, f.subject_key.as_str()))
            .or_default()
            .1
            .push(i);
    }
    let mut out = Vec::new();
    for (olds, news) in groups.values() {
        let old_keys: BTreeSet<&str> = olds.iter().map(|&i| old.facts[i].key.as_str()).collect();
        let new_keys: BTreeSet<&str> = news.iter().map(|&i| new.facts[i].key.as_str()).collect();
        let left_old: Vec<usize> = olds
            .iter()
            .copied()
            .filter(|&i| !new_keys.contains(old.facts[i].key.as_str()))
            .collect();
        let left_new: Vec<usize> = news
            .iter()
            .copied()
            .filter(|&i| !old_keys.contains(new.facts[i].key.as_str()))
            .collect();
        let (pairs, removed, added) = pair_leftovers(old, new, &left_old, &left_new);
        out.extend(pairs.into_iter().map(|(a, b)| Aligned::Changed(a, b)));
        out.extend(removed.into_iter().map(Aligned::Removed));
        out.extend(added.into_iter().map(Aligned::Added));
    }
    // An attribute of an event that is itself added or removed is said by the event.
    let removed_events: BTreeSet<usize> = out
        .iter()
        .filter_map(|a| {
            if let Aligned::Removed(i) = a {
                Some(*i)
            } else {
                None
            }
        })
        .collect();
    let added_events: BTreeSet<usize> = out
        .iter()
        .filter_map(|a| {
            if let Aligned::Added(i) = a {
                Some(*i)
            } else {
                None
            }
        })
        .collect();
    out.retain(|a| match a {
        Aligned::Removed(i) => !old.facts[*i]
            .parent
            .is_some_and(|p| removed_events.contains(&p)),
        Aligned::Added(i) => !new.facts[*i]
            .parent
            .is_some_and(|p| added_events.contains(&p)),
        Aligned::Changed(..) => true,
    });
    out.sort();
    out
}

/// Pairs the leftover facts of one group, most alike first.
fn pair_leftovers(
    old: &Side<'_>,
    new: &Side<'_>,
    left_old: &[usize],
    left_new: &[usize],
) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut candidates: Vec<(u32, u64, usize, usize)> = Vec::new();
    for &o in left_old {
        let of = &old.facts[o];
        for &n in left_new {
            let nf = &new.facts[n];
            let score = similarity(old.context(of), new.context(nf));
            let keyed = of.keyed() && nf.keyed();
            if !keyed && score < MIN_UNKEYED_SIMILARITY {
                continue;
            }
            let distance = old.relative(of).abs_diff(new.relative(nf));
            candidates.push((score, distance, o, n));
        }
    }
    // Highest score first, then nearest, then document order: deterministic.
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut used_old = BTreeSet::new();
    let mut used_new = BTreeSet::new();
    let mut pairs = Vec::new();
    for (_, _, o, n) in candidates {
        if used_old.contains(&o) || used_new.contains(&n) {
            continue;
        }
        used_old.insert(o);
        used_new.insert(n);
        pairs.push((o, n));
    }
    let removed = left_old
        .iter()
        .copied()
        .filter(|o| !used_old.contains(o))
        .collect();
    let added = left_new
        .iter()
        .copied()
        .filter(|n| !used_new.contains(n))
        .collect();
    (pairs, removed, added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::text::sentences;

    fn fact(
        text: &str,
        kind: &'static str,
        subject: &str,
        needle: &str,
        parent: Option<usize>,
    ) -> Fact {
        let start = text.find(needle).expect("needle in test text");
        Fact {
            kind,
            subject_key: subject.to_string(),
            subject: subject.to_string(),
            value: needle.to_string(),
            key: needle.to_lowercase(),
            span: Span::new(start, start + needle.len()),
            parent,
        }
    }

    fn run(old_text: &str, old: &[Fact], new_text: &str, new: &[Fact]) -> Vec<Aligned> {
        let (os, ns) = (sentences(old_text), sentences(new_text));
        align(
            &Side {
                facts: old,
                text: old_text,
                sentences: &os,
            },
            &Side {
                facts: new,
                text: new_text,
                sentences: &ns,
            },
        )
    }

    #[test]
    fn similarity_counts_words_not_spaces() {
        assert_eq!(similarity("Held in Rabat.", "held in  RABAT"), 1000);
        assert_eq!(similarity("a b c d", "a b x y"), 500);
        assert!(
            similarity(
                "The delegation arrived in Rabat on Monday.",
                "Something new happened in Cairo today."
            ) < 200
        );
    }

    #[test]
    fn same_values_anywhere_are_no_change() {
        let a = "They met in Rabat. Later they flew to Paris.";
        let b = "Later they flew to Paris. Before that, the two sides had met in Rabat, Morocco.";
        let old = [
            fact(a, "place", "", "Rabat", None),
            fact(a, "place", "", "Paris", None),
        ];
        let new = [
            fact(b, "place", "", "Paris", None),
            fact(b, "place", "", "Rabat", None),
        ];
        assert_eq!(run(a, &old, b, &new), []);
    }

    #[test]
    fn dropping_one_of_two_mentions_is_no_change() {
        let a = "Rabat hosted it. The talks in Rabat went well.";
        let b = "The talks in Rabat went well.";
        let second = a.rfind("Rabat").expect("two mentions");
        let old = [
            fact(a, "place", "", "Rabat", None),
            Fact {
                span: Span::new(second, second + 5),
                ..fact(a, "place", "", "Rabat", None)
            },
        ];
        let new = [fact(b, "place", "", "Rabat", None)];
        assert_eq!(run(a, &old, b, &new), []);
    }

    #[test]
    fn unkeyed_values_pair_only_in_similar_sentences() {
        let a = "The delegation arrived in Rabat on Monday. Nothing else happened.";
        let b = "The delegation arrived in Tunis on Monday. Something new happened in Cairo today.";
        let old = [fact(a, "place", "", "Rabat", None)];
        let new = [
            fact(b, "place", "", "Tunis", None),
            fact(b, "place", "", "Cairo", None),
        ];
        assert_eq!(
            run(a, &old, b, &new),
            [Aligned::Changed(0, 0), Aligned::Added(1)]
        );
        // Far-apart sentences: an unrelated removal and addition.
        let b = "Completely different words here. Something new happened in Cairo today.";
        let new = [fact(b, "place", "", "Cairo", None)];
        assert_eq!(
            run(a, &old, b, &new),
            [Aligned::Removed(0), Aligned::Added(0)]
        );
    }

    #[test]
    fn keyed_values_pair_whatever_the_wording() {
        let a = "Ana Ruiz, Interior Minister, spoke.";
        let b = "Yesterday the press office said that Ana Ruiz now serves as Defence Minister.";
        let old = [fact(
            a,
            "title",
            "person:ana ruiz",
            "Interior Minister",
            None,
        )];
        let new = [fact(
            b,
            "title",
            "person:ana ruiz",
            "Defence Minister",
            None,
        )];
        assert_eq!(run(a, &old, b, &new), [Aligned::Changed(0, 0)]);
        // Another person's title is another fact.
        let new = [fact(
            b,
            "title",
            "person:someone else",
            "Defence Minister",
            None,
        )];
        assert_eq!(
            run(a, &old, b, &new),
            [Aligned::Removed(0), Aligned::Added(0)]
        );
    }

    #[test]
    fn most_alike_sentences_pair_first() {
        let a = "The first meeting was in Rabat. The second meeting was in Madrid.";
        let b = "The second meeting was in Seville. The first meeting was in Fez.";
        let old = [
            fact(a, "place", "", "Rabat", None),
            fact(a, "place", "", "Madrid", None),
        ];
        let new = [
            fact(b, "place", "", "Seville", None),
            fact(b, "place", "", "Fez", None),
        ];
        assert_eq!(
            run(a, &old, b, &new),
            [Aligned::Changed(0, 1), Aligned::Changed(1, 0)]
        );
    }

    #[test]
    fn attributes_of_a_removed_event_are_folded_into_it() {
        let a = "The summit in Paris opened. The meeting in Rabat closed.";
        let b = "The meeting in Rabat closed.";
        let old = [
            fact(a, "event", "event:|summit", "summit", None),
            fact(a, "place", "event:|summit", "Paris", Some(0)),
            fact(a, "event", "event:|meeting", "meeting", None),
            fact(a, "place", "event:|meeting", "Rabat", Some(2)),
        ];
        let new = [
            fact(b, "event", "event:|meeting", "meeting", None),
            fact(b, "place", "event:|meeting", "Rabat", Some(0)),
        ];
        assert_eq!(run(a, &old, b, &new), [Aligned::Removed(0)]);
    }
}

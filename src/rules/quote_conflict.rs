//! # quote-conflict
//!
//! The same quotation appears with different wording, or is put in different mouths.
//!
//! ## When it fires
//! Two quotations of at least six words in different articles share most of their words
//! (word-level similarity of 0.8 or more) and either differ in wording, with the same
//! speaker or no speaker named (a note: wire copy is often re-edited), or have the same
//! wording but speakers who are different people (a warning). When both articles name the
//! same person as the speaker and the quotation differs only in a figure ("in eight
//! months" / "in eighteen months"), or in one content word of a quotation of ten words or
//! more ("exporter of grain" / "exporter of wheat"), one of them misquotes: a warning.
//! Short stock phrases ("the positive results") are never compared; an excerpt of a
//! longer quotation, spelling variants ("neighbourhood"/"neighborhood"), number
//! formatting ("11th"/"eleventh") and inflections ("want"/"wanted") are not differences.
//!
//! ## Fix
//! Quote the primary source verbatim, or paraphrase without quotation marks.

use super::context::RuleContext;
use super::{Finding, Severity};
use crate::extract::ClaimData;
use crate::span::{DocId, Span};
use crate::text::fold;
use similar::TextDiff;
use std::collections::HashMap;

/// Rule id.
pub const ID: &str = "quote-conflict";

const MIN_WORDS: usize = 6;
const SIMILAR: f32 = 0.8;

struct Quote<'a> {
    doc: DocId,
    span: Span,
    words: String,
    speaker: Option<&'a str>,
    /// The speaker resolved to a person, or their folded name.
    who: Option<String>,
}

/// Share of the longer quotation's distinct words that the other one also has.
fn shared_word_share(wa: &rustc_hash::FxHashSet<&str>, wb: &rustc_hash::FxHashSet<&str>) -> f32 {
    let shared = wa.intersection(wb).count();
    shared as f32 / wa.len().max(wb.len()).max(1) as f32
}

/// True when the words of `inner` appear, in order and contiguous, inside `outer`.
fn contains_run(outer: &str, inner: &str) -> bool {
    format!(" {outer} ").contains(&format!(" {inner} "))
}

/// One change between two wordings of a quotation: the words of one side replaced by
/// those of the other (either side may be empty).
struct Change {
    old: Vec<String>,
    new: Vec<String>,
}

/// Words that carry grammar rather than content: swapping one for another ("will" →
/// "did", "police" → "they") is the re-editing wire copy gets, not a misquotation.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had",
    "has", "have", "he", "her", "here", "him", "his", "i", "in", "into", "is", "it", "its", "just",
    "may", "me", "might", "must", "my", "no", "not", "now", "of", "on", "or", "our", "over", "she",
    "should", "so", "some", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "under", "up", "us", "very", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "within", "would", "you", "your",
];

/// The value a word of a quotation states: "18", "eighteen", "11th", "eleventh".
fn figure(word: &str) -> Option<u64> {
    crate::extract::numbers::cardinal(word)
        .or_else(|| crate::extract::numbers::ordinal(word).map(u64::from))
}

impl Change {
    fn describe(&self) -> String {
        format!("“{}” → “{}”", self.old.join(" "), self.new.join(" "))
    }

    /// A figure changed: one number on each side, of different values.
    fn is_figure(&self) -> bool {
        match (self.old.as_slice(), self.new.as_slice()) {
            ([a], [b]) => matches!((figure(a), figure(b)), (Some(x), Some(y)) if x != y),
            _ => false,
        }
    }

    /// One content word put for another: not a grammar word, a figure or an inflection
    /// of the same word ("want"/"wanted", "center"/"centers").
    fn is_word_swap(&self) -> bool {
        let ([a], [b]) = (self.old.as_slice(), self.new.as_slice()) else {
            return false;
        };
        let content = |w: &str| w.len() > 2 && !FUNCTION_WORDS.contains(&w) && figure(w).is_none();
        let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        content(a) && content(b) && shared < 4.min(a.len().min(b.len()))
    }
}

/// Word changes between two wordings that are not spelling (British/American, typos),
/// number formatting or a quotation cut short at either end: "continue → keep".
fn substantive_changes(a: &str, b: &str) -> Vec<Change> {
    use similar::DiffOp;
    let aw: Vec<&str> = a.split(' ').collect();
    let bw: Vec<&str> = b.split(' ').collect();
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &aw, &bw);
    let mut out = Vec::new();
    let last = diff.len().saturating_sub(1);
    for (i, op) in diff.iter().enumerate() {
        let (old, new) = match *op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index, old_len, ..
            } => (&aw[old_index..old_index + old_len], &bw[0..0]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (&aw[0..0], &bw[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                &aw[old_index..old_index + old_len],
                &bw[new_index..new_index + new_len],
            ),
        };
        // Cut at either end: an excerpt.
        if (i == 0 || i == last) && (old.is_empty() || new.is_empty()) {
            continue;
        }
        // Digits split by the normalisation ("2,000" → "2 000", "10:00" → "10 00") are
        // formatting when the digits read alike on both sides.
        let digits = |w: &[&str]| -> Option<String> {
            w.iter()
                .all(|x| x.chars().all(|c| c.is_ascii_digit()))
                .then(|| w.concat().trim_end_matches('0').to_string())
        };
        if let (Some(x), Some(y)) = (digits(old), digits(new)) {
            if x == y || old.iter().chain(new).all(|w| *w == "00") {
                continue;
            }
        }
        let article = |x: &&str| matches!(*x, "a" | "the" | "an");
        let old: Vec<&str> = old.iter().copied().filter(|w| !article(w)).collect();
        let new: Vec<&str> = new.iter().copied().filter(|w| !article(w)).collect();
        if old.is_empty() && new.is_empty() {
            continue;
        }
        if old.len() == new.len()
            && old.iter().zip(&new).all(|(x, y)| {
                spelling_variant(x, y)
                    || matches!((figure(x), figure(y)), (Some(p), Some(q)) if p == q)
            })
        {
            continue;
        }
        out.push(Change {
            old: old.iter().map(|w| w.to_string()).collect(),
            new: new.iter().map(|w| w.to_string()).collect(),
        });
    }
    out
}

/// "neighbourhood"/"neighborhood", "organise"/"organize": one or two letters apart in a
/// word of six letters or more.
fn spelling_variant(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 6 {
        return false;
    }
    // Levenshtein distance, bounded.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()] <= 2
}

fn normalise(s: &str) -> String {
    fold(s)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    use rayon::prelude::*;
    // Normalising every quotation of an archive is the costly part: done on all cores,
    // gathered in document order.
    let per_doc: Vec<Vec<Quote<'_>>> = ctx
        .claims
        .par_iter()
        .enumerate()
        .map(|(di, claims)| {
            let mut quotes = Vec::new();
            for c in claims {
                if let ClaimData::Quote {
                    words,
                    speaker,
                    speaker_span,
                } = &c.data
                {
                    let n = normalise(words);
                    if n.split(' ').count() >= MIN_WORDS {
                        let doc = DocId(di as u32);
                        let person = speaker_span.and_then(|sp| ctx.resolved.person_at(doc, sp));
                        // Only a speaker resolution knows is compared: a surname it could not
                        // resolve, or an organisation read as a name, says too little.
                        let who = person.map(|p| format!("person:{p}"));
                        // Messages name the person resolution found ("Sanchez" → "Pedro
                        // Sánchez").
                        let speaker = person
                            .map(|p| ctx.resolved.people[p].name.as_str())
                            .or(speaker.as_deref());
                        quotes.push(Quote {
                            doc,
                            span: c.span,
                            words: n,
                            speaker,
                            who,
                        });
                    }
                }
            }
            quotes
        })
        .collect();
    let quotes: Vec<Quote<'_>> = per_doc.into_iter().flatten().collect();
    // Candidate pairs share a run of four words; only those are compared in full.
    // The runs' hashes are computed on all cores, the index filled in quotation order.
    let keys: Vec<Vec<u64>> = quotes
        .par_iter()
        .map(|q| {
            let w: Vec<&str> = q.words.split(' ').collect();
            w.windows(4)
                .map(|g| {
                    use std::hash::{Hash, Hasher};
                    let mut h = rustc_hash::FxHasher::default();
                    g.hash(&mut h);
                    h.finish()
                })
                .collect()
        })
        .collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, ks) in keys.iter().enumerate() {
        for &key in ks {
            let list = index.entry(key).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    drop(keys);
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in index.values() {
        if list.len() > 64 {
            continue; // a boilerplate phrase, not a quotation
        }
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if quotes[a].doc != quotes[b].doc {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    // Word sets for the cheap test, built once per quotation.
    // Only quotations of a candidate pair need one.
    let mut paired = vec![false; quotes.len()];
    for &(a, b) in &pairs {
        paired[a] = true;
        paired[b] = true;
    }
    let word_sets: Vec<rustc_hash::FxHashSet<&str>> = quotes
        .par_iter()
        .zip(paired.par_iter())
        .map(|(q, &p)| {
            if p {
                q.words.split(' ').collect()
            } else {
                rustc_hash::FxHashSet::default()
            }
        })
        .collect();
    // Pairs that are one quotation: similar enough, and not merely an excerpt of the other.
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    // Comparing a pair reads only the two quotations: pairs are compared on all cores, and
    // what they found applied in pair order, so groups form as they would one by one.
    enum Outcome {
        Misattributed,
        Worded(Vec<Change>, f32),
    }
    let outcomes: Vec<Option<Outcome>> = pairs
        .par_iter()
        .map(|&(a, b)| {
            let (qa, qb) = (&quotes[a], &quotes[b]);
            // Cheap test first: quotations sharing few words cannot reach the similarity bar.
            if qa.words != qb.words
                && shared_word_share(&word_sets[a], &word_sets[b]) < SIMILAR * 0.75
            {
                return None;
            }
            let ratio = if qa.words == qb.words {
                1.0
            } else {
                TextDiff::configure()
                    .diff_words(&qa.words, &qb.words)
                    .ratio()
            };
            if ratio < SIMILAR {
                return None;
            }
            // "Boone Isaacs" shortens "Ana Boone Isaacs": not another speaker.
            let shortens = |x: &str, y: &str| {
                let (x, y) = (fold(x), fold(y));
                x.ends_with(&format!(" {y}")) || y.ends_with(&format!(" {x}"))
            };
            let speakers_differ = matches!((&qa.who, &qb.who), (Some(x), Some(y)) if x != y)
                && !matches!((qa.speaker, qb.speaker), (Some(x), Some(y)) if shortens(x, y));
            let excerpt = contains_run(&qa.words, &qb.words) || contains_run(&qb.words, &qa.words);
            let changed = if excerpt {
                Vec::new()
            } else {
                substantive_changes(&qa.words, &qb.words)
            };
            if speakers_differ && changed.is_empty() {
                Some(Outcome::Misattributed)
            } else if !speakers_differ && !changed.is_empty() {
                Some(Outcome::Worded(changed, ratio))
            } else {
                None
            }
        })
        .collect();
    let mut worded: Vec<(usize, usize, Vec<Change>, f32)> = Vec::new();
    let mut misattributed: Vec<(usize, usize)> = Vec::new();
    for ((a, b), outcome) in pairs.into_iter().zip(outcomes) {
        match outcome {
            None => {}
            Some(Outcome::Misattributed) => misattributed.push((a, b)),
            Some(Outcome::Worded(changed, ratio)) => {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
                worded.push((a, b, changed, ratio));
            }
        }
    }
    let mut out = Vec::new();
    // One note per quotation with its wordings: the first pair found in each group speaks for it.
    let mut reported = std::collections::BTreeSet::new();
    for (a, b, changed, ratio) in worded {
        let r = root(&mut parent, a);
        if !reported.insert(r) {
            continue;
        }
        let members: Vec<usize> = (0..quotes.len())
            .filter(|&i| root(&mut parent, i) == r)
            .collect();
        let (qa, qb) = (&quotes[a], &quotes[b]);
        let mut locations = vec![
            ctx.at(qb.doc, qb.span, "this wording"),
            ctx.at(qa.doc, qa.span, "and this one"),
        ];
        for &m in &members {
            if m != a && m != b {
                locations.push(ctx.at(quotes[m].doc, quotes[m].span, "also quoted here"));
            }
        }
        let mut values: Vec<String> = members.iter().map(|&m| quotes[m].words.clone()).collect();
        values.sort();
        values.dedup();
        // Both articles name one person, and the wording differs in a figure or in the one
        // content word of a long quotation: one of them misquotes.
        let same_speaker = qa.who.is_some() && qa.who == qb.who;
        let long = qa.words.split(' ').count().min(qb.words.split(' ').count()) >= 10;
        let misquoted = same_speaker
            && (changed.iter().all(Change::is_figure)
                || (long && changed.len() == 1 && changed[0].is_word_swap()));
        let described: Vec<String> = changed.iter().map(Change::describe).collect();
        out.push(Finding {
            rule: ID,
            severity: if misquoted {
                Severity::Warning
            } else {
                Severity::Note
            },
            message: format!(
                "the same quotation is worded differently: {}",
                described.join(", ")
            ),
            subject: qa
                .speaker
                .or(qb.speaker)
                .unwrap_or("unattributed quotation")
                .to_string(),
            values,
            locations,
            help: if misquoted {
                format!(
                    "both articles quote the same person (word similarity {ratio:.2}); one of \
                     them misquotes: check the words against the recording or the primary source"
                )
            } else {
                format!("word similarity {ratio:.2}; quote the primary source verbatim")
            },
        });
    }
    for (a, b) in misattributed {
        let (qa, qb) = (&quotes[a], &quotes[b]);
        out.push(Finding {
            rule: ID,
            severity: Severity::Warning,
            message: format!(
                "the same quotation is attributed to {} and to {}",
                qb.speaker.unwrap_or("?"),
                qa.speaker.unwrap_or("?")
            ),
            subject: qa.words.clone(),
            values: vec![
                fold(qa.speaker.unwrap_or("")),
                fold(qb.speaker.unwrap_or("")),
            ],
            locations: vec![
                ctx.at(
                    qb.doc,
                    qb.span,
                    format!("said by {}", qb.speaker.unwrap_or("?")),
                ),
                ctx.at(
                    qa.doc,
                    qa.span,
                    format!("said by {}", qa.speaker.unwrap_or("?")),
                ),
            ],
            help: "check who said it in the primary source".to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(a: &str, b: &str) -> Vec<String> {
        substantive_changes(a, b)
            .iter()
            .map(Change::describe)
            .collect()
    }

    #[test]
    fn formatting_is_no_change_and_figures_are() {
        assert!(changes(
            "the 11th edition of the fair",
            "the eleventh edition of the fair"
        )
        .is_empty());
        assert!(changes("paid 2 000 for the boat", "paid 2000 for the boat").is_empty());
        let c = substantive_changes(
            "sold in eight weeks to them",
            "sold in eighteen weeks to them",
        );
        assert_eq!(c.len(), 1);
        assert!(c[0].is_figure());
        assert!(!c[0].is_word_swap());
    }

    #[test]
    fn word_swaps_are_content_words_not_grammar_or_inflection() {
        let swap = |a: &str, b: &str| substantive_changes(a, b)[0].is_word_swap();
        assert!(swap(
            "a seller of grain to the north",
            "a seller of wheat to the north"
        ));
        assert!(!swap(
            "we will go to the north now",
            "we did go to the north now"
        ));
        assert!(!swap(
            "we want to go to the north",
            "we wanted to go to the north"
        ));
    }
}

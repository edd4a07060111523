//! # quote-conflict
//!
//! The same quotation appears with different wording, or is put in different mouths.
//!
//! ## When it fires
//! Two quotations of at least six words in different articles share most of their words
//! (word-level similarity of 0.8 or more) and either differ in wording, with the same
//! speaker or no speaker named (a note: wire copy is often re-edited), or have the same
//! wording but speakers who are different people (a warning). Short stock phrases ("the
//! positive results") are never compared; an excerpt of a longer quotation, spelling
//! variants ("neighbourhood"/"neighborhood") and number formatting are not differences.
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

/// Word changes between two wordings that are not spelling (British/American, typos),
/// number formatting or a quotation cut short at either end: "continue → keep".
fn substantive_changes(a: &str, b: &str) -> Vec<String> {
    use similar::{ChangeTag, DiffOp};
    let aw: Vec<&str> = a.split(' ').collect();
    let bw: Vec<&str> = b.split(' ').collect();
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &aw, &bw);
    let _ = ChangeTag::Equal;
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
        let trivial = |x: &str| {
            x.chars().all(|c| c.is_ascii_digit()) || matches!(x, "00" | "a" | "the" | "an")
        };
        let old: Vec<&str> = old.iter().copied().filter(|w| !trivial(w)).collect();
        let new: Vec<&str> = new.iter().copied().filter(|w| !trivial(w)).collect();
        if old.is_empty() && new.is_empty() {
            continue;
        }
        if old.len() == new.len() && old.iter().zip(&new).all(|(x, y)| spelling_variant(x, y)) {
            continue;
        }
        out.push(format!("“{}” → “{}”", old.join(" "), new.join(" ")));
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
        Worded(Vec<String>, f32),
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
            let speakers_differ = matches!((&qa.who, &qb.who), (Some(x), Some(y)) if x != y);
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
    let mut worded: Vec<(usize, usize, Vec<String>, f32)> = Vec::new();
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
        out.push(Finding {
            rule: ID,
            severity: Severity::Note,
            message: format!(
                "the same quotation is worded differently: {}",
                changed.join(", ")
            ),
            subject: qa
                .speaker
                .or(qb.speaker)
                .unwrap_or("unattributed quotation")
                .to_string(),
            values,
            locations,
            help: format!("word similarity {ratio:.2}; quote the primary source verbatim"),
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

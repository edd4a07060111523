//! # quote-conflict
//!
//! The same quotation appears with different wording, or is put in different mouths.
//!
//! ## When it fires
//! Two quotations of at least six words in different articles share most of their words
//! (word-level similarity of 0.8 or more) and either differ in wording, with the same
//! speaker or no speaker named, or have the same wording but speakers who are different
//! people. Short stock phrases ("the positive results") are never compared.
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
}

fn normalise(s: &str) -> String {
    fold(s).chars().map(|c| if c.is_alphanumeric() || c == ' ' { c } else { ' ' }).collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let mut quotes: Vec<Quote<'_>> = Vec::new();
    for (di, claims) in ctx.claims.iter().enumerate() {
        for c in claims {
            if let ClaimData::Quote { words, speaker } = &c.data {
                let n = normalise(words);
                if n.split(' ').count() >= MIN_WORDS {
                    quotes.push(Quote { doc: DocId(di as u32), span: c.span, words: n, speaker: speaker.as_deref() });
                }
            }
        }
    }
    // Candidate pairs share a run of four words; only those are compared in full.
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, q) in quotes.iter().enumerate() {
        let w: Vec<&str> = q.words.split(' ').collect();
        for g in w.windows(4) {
            let key = g.join(" ");
            let list = index.entry(key).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
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
    let speaker_key = |s: Option<&str>| s.map(|s| fold(s));
    let mut out = Vec::new();
    for (a, b) in pairs {
        let (qa, qb) = (&quotes[a], &quotes[b]);
        let ratio = TextDiff::configure().diff_words(&qa.words, &qb.words).ratio();
        if ratio < SIMILAR {
            continue;
        }
        let same_words = qa.words == qb.words;
        let (sa, sb) = (speaker_key(qa.speaker), speaker_key(qb.speaker));
        let speakers_differ = matches!((&sa, &sb), (Some(x), Some(y)) if x != y);
        let (message, values) = if same_words && speakers_differ {
            (
                format!("the same quotation is attributed to {} and to {}", qa.speaker.unwrap_or("?"), qb.speaker.unwrap_or("?")),
                vec![sa.clone().unwrap_or_default(), sb.clone().unwrap_or_default()],
            )
        } else if !same_words && !speakers_differ {
            ("the same quotation is worded differently".to_string(), vec![qa.words.clone(), qb.words.clone()])
        } else {
            continue;
        };
        out.push(Finding {
            rule: ID,
            severity: Severity::Warning,
            message,
            subject: qa.speaker.or(qb.speaker).unwrap_or("unattributed quotation").to_string(),
            values,
            locations: vec![ctx.at(qb.doc, qb.span, "this wording"), ctx.at(qa.doc, qa.span, "and this one")],
            help: format!("word similarity {ratio:.2}; quote the primary source verbatim"),
        });
    }
    out
}

//! # name-spelling
//!
//! The same person's name is spelled differently across articles: "Pedro Sánchez" and
//! "Pedro Sanchez", or a knowledge-base variant such as "Abdelatif Hammouchi".
//!
//! ## Why
//! A house style spells a name one way. Dropped accents and transliteration variants also
//! hide the person from search. This is a note, never an error: both spellings may be
//! defensible.
//!
//! ## When it fires
//! Two full-name mentions resolve to one person (same name once accents and case are
//! folded, or aliases of one knowledge-base entry) but are written differently. The
//! spelling used by fewer mentions is the one pointed at. Different people who share part
//! of a name ("Rafael Pérez Ruiz", "Rafael Pérez Pérez") are different people and are not
//! compared.
//!
//! ## Fix
//! Use the spelling of your style guide (the knowledge base's spelling is suggested).

use super::context::RuleContext;
use super::{Finding, Severity};
use std::collections::BTreeMap;

/// Rule id.
pub const ID: &str = "name-spelling";

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ctx.resolved.people {
        let mut spellings: BTreeMap<&str, Vec<(crate::span::DocId, crate::span::Span)>> =
            BTreeMap::new();
        for (doc, span, written) in &p.mentions {
            // Capitals are house style ("PETER Capaldi" in a caption), not spelling.
            if written.split_whitespace().count() >= 2
                && !written
                    .split_whitespace()
                    .any(|w| w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()))
            {
                spellings
                    .entry(written.as_str())
                    .or_default()
                    .push((*doc, *span));
            }
        }
        if spellings.len() < 2 {
            continue;
        }
        // The preferred spelling: the knowledge base's if written, else the most used.
        let preferred: &str = spellings
            .keys()
            .find(|s| **s == p.name)
            .copied()
            .or_else(|| {
                spellings
                    .iter()
                    .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
                    .map(|(s, _)| *s)
            })
            .unwrap_or(&p.name);
        let Some(reference) = spellings.get(preferred).and_then(|v| v.first()).copied() else {
            continue;
        };
        for (variant, places) in &spellings {
            if *variant == preferred {
                continue;
            }
            // One note per article that uses the variant.
            let mut seen = std::collections::BTreeSet::new();
            for (doc, span) in places {
                if !seen.insert(*doc) {
                    continue;
                }
                out.push(Finding {
                    rule: ID,
                    severity: Severity::Note,
                    message: format!("spells {preferred} as “{variant}”"),
                    subject: p.name.clone(),
                    values: vec![preferred.to_string(), variant.to_string()],
                    locations: vec![
                        ctx.at(*doc, *span, format!("“{variant}”")),
                        ctx.at(reference.0, reference.1, format!("“{preferred}”")),
                    ],
                    help: format!("both name one person; spell it “{preferred}” throughout"),
                });
            }
        }
    }
    out
}

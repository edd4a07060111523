//! # name-spelling
//!
//! The same person's name is spelled differently across articles: "Joaquín Albarrán" and
//! "Joaquin Albarran", or a variant the knowledge base lists for one person.
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
//! of a name ("Tomás Varela Ruiz", "Tomás Varela Soto") are different people and are not
//! compared. A difference of case, white space or hyphenation alone ("Molar-Sánchez",
//! "Molar Sánchez") is typography and stays silent. There is one note per person, pointing at each
//! article that uses another spelling.
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
        for m in &p.mentions {
            let (doc, span, written) = (&m.doc, &m.span, p.written(m));
            // Capitals are house style ("PETER Capaldi" in a caption), not spelling.
            if written.split_whitespace().count() >= 2
                && !written
                    .split_whitespace()
                    .any(|w| w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()))
            {
                spellings.entry(written).or_default().push((*doc, *span));
            }
        }
        // Spellings that differ only in case, white space or hyphens are one spelling:
        // "Grande-Marlaska" and "Grande Marlaska" are typography, not orthography.
        let mut classes: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for written in spellings.keys() {
            classes
                .entry(typographic_key(written))
                .or_default()
                .push(written);
        }
        if classes.len() < 2 {
            continue;
        }
        // The preferred spelling: the knowledge base's if written, else the most used.
        let preferred: &str = spellings
            .keys()
            .find(|s| p.kb.is_some() && **s == p.name)
            .copied()
            .or_else(|| {
                spellings
                    .iter()
                    // On a tie, the spelling that keeps its accents: outlets drop them,
                    // they rarely add them.
                    .max_by(|a, b| {
                        a.1.len()
                            .cmp(&b.1.len())
                            .then(accents(a.0).cmp(&accents(b.0)))
                            .then(b.0.cmp(a.0))
                    })
                    .map(|(s, _)| *s)
            })
            .unwrap_or(&p.name);
        let Some(reference) = spellings.get(preferred).and_then(|v| v.first()).copied() else {
            continue;
        };
        let preferred_key = typographic_key(preferred);
        // One note per person: a location for each article that uses each other spelling.
        let mut variants: Vec<&str> = Vec::new();
        let mut locations = Vec::new();
        for (variant, places) in &spellings {
            if typographic_key(variant) == preferred_key {
                continue;
            }
            variants.push(variant);
            let mut seen = std::collections::BTreeSet::new();
            for (doc, span) in places {
                if seen.insert(*doc) {
                    locations.push(ctx.at(*doc, *span, format!("“{variant}”")));
                }
            }
        }
        let Some(first) = variants.first() else {
            continue;
        };
        let articles = locations.len();
        locations.push(ctx.at(reference.0, reference.1, format!("“{preferred}”")));
        let listed = variants
            .iter()
            .map(|v| format!("“{v}”"))
            .collect::<Vec<_>>()
            .join(", ");
        let message = if variants.len() == 1 && articles == 1 {
            format!("spells {preferred} as “{first}”")
        } else {
            let plural = if articles == 1 { "" } else { "s" };
            format!("spells {preferred} as {listed} in {articles} article{plural}")
        };
        let mut values = vec![preferred.to_string()];
        values.extend(variants.iter().map(|v| v.to_string()));
        out.push(Finding {
            rule: ID,
            severity: Severity::Note,
            message,
            subject: p.name.clone(),
            values,
            locations,
            help: format!(
                "{} name one person; spell it “{preferred}” throughout",
                if variants.len() == 1 { "both" } else { "all" }
            ),
        });
    }
    out
}

/// How many letters outside ASCII a spelling has.
fn accents(name: &str) -> usize {
    name.chars().filter(|c| !c.is_ascii()).count()
}

/// A name's first and last words with case taken out: two spellings with one key differ
/// only in typography (white space, hyphens, capitals) or in a middle name or initial left
/// out ("Ana María Ruiz-Vela", "Ana M. Ruiz Vela", "Ana Vela"), which is no misspelling.
fn typographic_key(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–'))
        .filter(|w| !w.is_empty())
        .collect();
    let ends = match words.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [first, .., last] => format!("{first} {last}"),
    };
    ends.chars().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::typographic_key;

    #[test]
    fn typography_alone_is_not_spelling() {
        assert_eq!(
            typographic_key("Ana Ruiz-Vela"),
            typographic_key("Ana Ruiz Vela")
        );
        assert_eq!(typographic_key("Ana RUIZ"), typographic_key("Ana Ruiz"));
        assert_ne!(typographic_key("Ana Ruíz"), typographic_key("Ana Ruiz"));
        assert_eq!(
            typographic_key("Ana María Ruiz"),
            typographic_key("Ana Ruiz")
        );
        assert_eq!(typographic_key("Ana M. Ruiz"), typographic_key("Ana Ruiz"));
    }
}

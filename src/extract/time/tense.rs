//! The tense around an expression, read from nearby verbs and auxiliaries, so a bare "on
//! Wednesday" in a news story resolves to the Wednesday before the reference date after "said"
//! and to the one after it after "will".
//!
//! No tagger: word lists of auxiliaries and common irregular past forms, plus regular "-ed"
//! endings, searched outwards from the expression inside its sentence; the nearest cue wins.

use super::lexicon::Lex;
use super::token::Tok;

/// The tense a relative expression is read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Reported past ("said", "was", "-ed").
    Past,
    /// Announced future ("will", "is expected to", "plans").
    Future,
    /// No cue.
    Unknown,
}

/// How far to look for a cue, in tokens.
const LEFT: usize = 12;
const RIGHT: usize = 10;

const FUTURE: &[&str] = &[
    "will", "shall", "ll", "going", "scheduled", "planned", "plans", "plan", "planning", "expected", "expects", "expect",
    "due", "intends", "intend", "intended", "hopes", "hope", "would", "wo", "upcoming", "next", "tomorrow", "soon",
    "aims", "set", "slated", "likely", "could", "might", "may", "must", "should",
];

const PAST: &[&str] = &[
    "said", "told", "was", "were", "had", "did", "ago", "last", "yesterday", "went", "came", "took", "made", "gave", "met",
    "left", "began", "became", "got", "held", "found", "saw", "sent", "spoke", "broke", "fell", "rose", "won", "lost",
    "paid", "sold", "bought", "brought", "thought", "wrote", "struck", "led", "fled", "shot", "knew", "drew", "grew",
    "threw", "flew", "ran", "sat", "stood", "felt", "kept", "meant", "spent", "built", "caught", "fought", "sought",
    "chose", "drove", "rode", "wore", "hid", "ate", "forgot", "froze", "stole", "withdrew", "arose", "hit", "quit",
    "declined", "earlier", "already", "been", "hung", "swept", "slid", "sank", "struck", "overthrew", "upheld",
];

/// "-ed" words that are not past verbs, or announce the future.
const NOT_PAST_ED: &[&str] = &[
    "scheduled", "planned", "expected", "proposed", "need", "needed", "indeed", "hundred", "united", "limited", "based",
    "red", "bed", "speed", "seed", "feed", "deed", "breed", "proceed", "exceed", "succeed", "shed", "wed", "fled",
    "related", "detailed", "advanced", "qualified", "interested", "concerned", "supposed", "sacred", "wicked",
    "naked", "aged", "alleged", "so-called", "armed", "unnamed", "named", "unidentified", "embattled", "troubled",
    "assisted", "designated", "dedicated", "sophisticated", "complicated", "varied", "beloved", "learned", "biased",
    "talented", "skilled", "reserved", "closed", "hatred", "kindred", "federated", "united", "inflated", "listed",
];

fn classify(word: &str) -> Option<Tense> {
    let mut buf = [0u8; 24];
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let w = std::str::from_utf8(lower).ok()?;
    if FUTURE.contains(&w) {
        return Some(Tense::Future);
    }
    if PAST.contains(&w) {
        return Some(Tense::Past);
    }
    if w.len() >= 5 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w) && !w.ends_with("eed") {
        return Some(Tense::Past);
    }
    None
}

fn boundary(t: &Tok) -> bool {
    matches!(t.lex, Lex::Punct('!' | '?' | ';')) || t.newline()
}

/// True when `toks[k]` ends a sentence ("." followed by a capitalised word).
fn sentence_end(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return true };
    if boundary(t) {
        return true;
    }
    t.is('.') && toks.get(k + 1).is_some_and(|n| n.spaced() && n.cap() && n.lex != Lex::Num)
}

/// The tense around tokens `start..end` of `toks`.
pub(crate) fn tense_at(text: &str, toks: &[Tok], start: usize, end: usize) -> Tense {
    let mut left = None;
    for (dist, k) in (start.saturating_sub(LEFT)..start).rev().enumerate() {
        let Some(t) = toks.get(k) else { break };
        if sentence_end(toks, k) || (t.newline() && k + 1 == start) {
            break;
        }
        if t.lex == Lex::Other || matches!(t.lex, Lex::Kw(_)) {
            if let Some(c) = classify(t.text(text)) {
                left = Some((dist, c));
                break;
            }
        }
        if toks.get(k).is_some_and(|t| t.newline()) {
            break;
        }
    }
    let mut right = None;
    for (dist, k) in (end..(end + RIGHT).min(toks.len())).enumerate() {
        let Some(t) = toks.get(k) else { break };
        if boundary(t) || sentence_end(toks, k) {
            break;
        }
        if t.lex == Lex::Other || matches!(t.lex, Lex::Kw(_)) {
            if let Some(c) = classify(t.text(text)) {
                right = Some((dist, c));
                break;
            }
        }
    }
    match (left, right) {
        (Some((dl, l)), Some((dr, r))) => {
            if dl <= dr + 2 {
                l
            } else {
                r
            }
        }
        (Some((_, l)), None) => l,
        (None, Some((_, r))) => r,
        (None, None) => Tense::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time::token::Lexer;

    fn at(text: &str, word: &str) -> Tense {
        let toks: Vec<Tok> = Lexer::new(text).collect();
        let k = toks.iter().position(|t| t.text(text) == word).unwrap();
        tense_at(text, &toks, k, k + 1)
    }

    #[test]
    fn cues() {
        assert_eq!(at("Officials said Friday that", "Friday"), Tense::Past);
        assert_eq!(at("The team will leave on Thursday for Dar", "Thursday"), Tense::Future);
        assert_eq!(at("The team planned to leave on Thursday.", "Thursday"), Tense::Future);
        assert_eq!(at("On Friday, police arrested him.", "Friday"), Tense::Past);
        assert_eq!(at("It rains. On Friday there is", "Friday"), Tense::Unknown);
    }
}

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

/// Words that put what follows in the future.
const FUTURE: &[&str] = &["will", "shall", "ll", "wo", "tomorrow", "upcoming", "soon"];

/// Verbs of intention and modals: future unless in a past form's shadow.
const FUTURE_VERB: &[&str] = &[
    "plans", "plan", "planning", "expects", "expect", "intends", "intend", "hopes", "hope", "aims", "would", "going",
    "wants", "want", "seeks", "seek", "promises",
];

/// Participles that announce the future ("is scheduled to"), past after "was"/"had".
const FUTURE_PARTICIPLE: &[&str] = &["scheduled", "planned", "expected", "due", "slated", "intended", "set", "poised", "likely"];

const PAST: &[&str] = &[
    "said", "told", "was", "were", "had", "did", "ago", "last", "yesterday", "went", "came", "took", "made", "gave", "met",
    "left", "began", "became", "got", "held", "found", "saw", "sent", "spoke", "broke", "fell", "rose", "won", "lost",
    "paid", "sold", "bought", "brought", "thought", "wrote", "struck", "led", "fled", "shot", "knew", "drew", "grew",
    "threw", "flew", "ran", "sat", "stood", "felt", "kept", "meant", "spent", "built", "caught", "fought", "sought",
    "chose", "drove", "rode", "wore", "hid", "ate", "forgot", "froze", "stole", "withdrew", "arose", "quit",
    "earlier", "hung", "swept", "slid", "sank", "overthrew", "upheld", "woke", "shook", "swore", "tore", "dug", "lit",
];

/// "-ed" words that are not past verbs.
const NOT_PAST_ED: &[&str] = &[
    "need", "needed", "indeed", "hundred", "united", "limited", "based", "red", "bed", "speed", "seed", "feed", "deed",
    "breed", "proceed", "exceed", "succeed", "shed", "wed", "related", "detailed", "advanced", "qualified", "interested",
    "concerned", "supposed", "sacred", "wicked", "naked", "aged", "alleged", "armed", "unnamed", "named", "unidentified",
    "embattled", "troubled", "designated", "dedicated", "sophisticated", "complicated", "varied", "beloved", "learned",
    "biased", "talented", "skilled", "reserved", "hatred", "kindred", "federated", "inflated", "listed", "proposed",
    "unprecedented", "undisclosed", "unexpected", "unrelated", "oversized",
];

/// Words after which an "-ed" form is a participle or adjective, not a past tense.
const NOT_FINITE_BEFORE: &[&str] = &[
    "be", "been", "being", "to", "will", "would", "can", "could", "may", "might", "must", "should", "is", "are", "am",
    "get", "gets", "the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "that", "these", "those", "has",
    "have", "very", "more", "most", "newly", "recently", "previously", "already",
];

fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

fn word_at<'b>(text: &str, toks: &[Tok], k: usize, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let t = toks.get(k)?;
    if !matches!(t.lex, Lex::Other | Lex::Kw(_) | Lex::Month(5)) {
        return None;
    }
    lower(t.text(text), buf)
}

/// The tense cue of token `k`, if it is one.
fn classify(text: &str, toks: &[Tok], k: usize) -> Option<Tense> {
    let mut buf = [0u8; 24];
    let w = word_at(text, toks, k, &mut buf)?;
    let mut pbuf = [0u8; 24];
    let prev = k.checked_sub(1).and_then(|p| word_at(text, toks, p, &mut pbuf));
    if FUTURE.contains(&w) {
        return Some(Tense::Future);
    }
    if FUTURE_PARTICIPLE.contains(&w) {
        return match prev {
            Some("was" | "were" | "had" | "been") => Some(Tense::Past),
            _ if w == "set" || w == "due" || w == "likely" => {
                let mut nbuf = [0u8; 24];
                match word_at(text, toks, k + 1, &mut nbuf) {
                    Some("to" | "for") => Some(Tense::Future),
                    _ => None,
                }
            }
            _ => Some(Tense::Future),
        };
    }
    if FUTURE_VERB.contains(&w) {
        return Some(Tense::Future);
    }
    // "is to resume", "as early as Tuesday"
    let mut nbuf = [0u8; 24];
    let next = word_at(text, toks, k + 1, &mut nbuf);
    if (w == "to" && matches!(prev, Some("is" | "are"))) || (w == "early" && next == Some("as")) {
        return Some(Tense::Future);
    }
    if PAST.contains(&w) {
        return Some(Tense::Past);
    }
    if w.len() >= 5 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w) && !w.ends_with("eed") {
        if prev.is_some_and(|p| NOT_FINITE_BEFORE.contains(&p)) {
            return None;
        }
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
        if let Some(c) = classify(text, toks, k) {
            left = Some((dist, c));
            break;
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
        if let Some(c) = classify(text, toks, k) {
            right = Some((dist, c));
            break;
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

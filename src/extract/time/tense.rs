//! The tense around an expression, read from nearby verbs and auxiliaries, so a bare "on
//! Wednesday" in a news story resolves to the Wednesday before the reference date after "said"
//! and to the one after it after "will".
//!
//! No tagger: the lexicon marks auxiliaries, verbs of intention and common irregular past
//! forms, and the lexer regular "-ed" endings ([`cue`]); cues are searched outwards from the
//! expression inside its sentence and the nearest wins.

use super::lexicon::{cue, Kw, Lex};
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

fn cues(toks: &[Tok], k: usize) -> u16 {
    toks.get(k).map_or(0, |t| t.cue)
}

/// The tense cue of token `k`, if it is one.
fn classify(toks: &[Tok], k: usize) -> Option<Tense> {
    let c = cues(toks, k);
    if c == 0 {
        return None;
    }
    let prev = k.checked_sub(1).map_or(0, |p| cues(toks, p));
    let next = cues(toks, k + 1);
    if c & cue::FUT != 0 {
        return Some(Tense::Future);
    }
    if c & (cue::FUT_PART | cue::FUT_PART_TO) != 0 {
        if prev & cue::PAST_AUX != 0 {
            return Some(Tense::Past);
        }
        if c & cue::FUT_PART_TO != 0 && next & (cue::TO | cue::FOR) == 0 {
            return None;
        }
        return Some(Tense::Future);
    }
    if c & cue::FUT_VERB != 0 {
        return Some(Tense::Future);
    }
    // "due to last until Wednesday": an infinitive, not a past form.
    if c & cue::PAST != 0 && prev & cue::TO != 0 && c & cue::PAST_AUX == 0 {
        return None;
    }
    if c & cue::PAST != 0 {
        return Some(Tense::Past);
    }
    // "is to resume", "as early as Tuesday"
    if (c & cue::TO != 0 && prev & cue::IS_ARE != 0) || (c & cue::EARLY != 0 && next & cue::AS != 0)
    {
        return Some(Tense::Future);
    }
    if c & cue::ED != 0 && prev & cue::NOT_FINITE == 0 {
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
    t.is('.')
        && toks
            .get(k + 1)
            .is_some_and(|n| n.spaced() && n.cap() && n.lex != Lex::Num)
}

/// The tense an expression at tokens `start..end` is read with: the tense around it, with
/// two refinements. A deadline ("by Jan. 14", "until March") with no other cue is in the future;
/// a possessive ("Wednesday's ruling") names a day already talked about, so a future cue
/// elsewhere in the sentence does not apply to it.
pub(crate) fn tense_for(toks: &[Tok], start: usize, end: usize) -> Tense {
    let t = tense_at(toks, start, end);
    let possessive = toks.get(end).is_some_and(|a| a.is('\'') && !a.spaced())
        && toks
            .get(end + 1)
            .is_some_and(|s| s.lex == Lex::Kw(Kw::S) && !s.spaced());
    if possessive && t == Tense::Future {
        return Tense::Unknown;
    }
    let deadline = start
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| matches!(p.lex, Lex::Kw(Kw::By | Kw::Until)));
    if deadline && t == Tense::Unknown {
        return Tense::Future;
    }
    t
}

/// The tense around tokens `start..end` of `toks`.
pub(crate) fn tense_at(toks: &[Tok], start: usize, end: usize) -> Tense {
    let mut left = None;
    for (dist, k) in (start.saturating_sub(LEFT)..start).rev().enumerate() {
        let Some(t) = toks.get(k) else { break };
        if sentence_end(toks, k) || (t.newline() && k + 1 == start) {
            break;
        }
        if let Some(c) = classify(toks, k) {
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
        if let Some(c) = classify(toks, k) {
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
        tense_at(&toks, k, k + 1)
    }

    #[test]
    fn cues() {
        assert_eq!(at("Officials said Friday that", "Friday"), Tense::Past);
        assert_eq!(
            at("The team will leave on Thursday for Dar", "Thursday"),
            Tense::Future
        );
        assert_eq!(
            at("The team planned to leave on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(at("On Friday, police arrested him.", "Friday"), Tense::Past);
        assert_eq!(at("It rains. On Friday there is", "Friday"), Tense::Unknown);
        assert_eq!(
            at("Schools will remain closed on Monday in Velmora.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            at("The stoppage is due to last until Wednesday.", "Wednesday"),
            Tense::Future
        );
    }
}

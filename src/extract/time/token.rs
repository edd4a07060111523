//! Tokens: the text cut into words, numbers and punctuation, each word classified once from
//! the lexicon, so the grammar compares small values instead of strings.
//!
//! The lexer walks bytes, allocates nothing, and only decodes characters outside ASCII. Word
//! boundaries fall out of the cut: "Mayor" is one token and never the month "May".

use super::lexicon::{cue, lookup_key, Lex, MAX_WORD};
use nom::{Input, Needed};

/// Whitespace precedes the token.
pub(crate) const SPACE: u8 = 1;
/// A line break precedes the token.
pub(crate) const NEWLINE: u8 = 2;
/// The word starts with an upper-case letter.
pub(crate) const CAP: u8 = 4;
/// The word is all upper case (headlines).
pub(crate) const UPPER: u8 = 8;
/// A number written with thousands separators ("2,000") or decimals ("5.92"): never a date.
pub(crate) const GROUPED: u8 = 16;
/// An empty line precedes the token.
pub(crate) const PARAGRAPH: u8 = 32;
/// A number with decimals ("5.92").
pub(crate) const DECIMAL: u8 = 64;
/// A word ending in "ly" (an adverb, mostly).
pub(crate) const LY: u8 = 128;

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word class, [`Lex::Num`] or [`Lex::Punct`].
    pub lex: Lex,
    /// Value of a number token (saturated at `u32::MAX`).
    pub num: u32,
    /// Number of digits of a number token; length in bytes of a word.
    pub len: u8,
    /// `SPACE`, `NEWLINE`, `CAP`, ... bits.
    pub flags: u8,
    /// Tense cue bits of the word ([`cue`]).
    pub cue: u16,
}

impl Tok {
    /// True when whitespace (or the start of the text) separates it from the previous token.
    pub(crate) fn spaced(&self) -> bool {
        self.flags & SPACE != 0
    }

    /// True for a line break before the token.
    pub(crate) fn newline(&self) -> bool {
        self.flags & NEWLINE != 0
    }

    /// True when the word starts with a capital.
    pub(crate) fn cap(&self) -> bool {
        self.flags & CAP != 0
    }

    /// True for a plain integer (no separators or decimals).
    pub(crate) fn int(&self) -> Option<u32> {
        (self.lex == Lex::Num && self.flags & GROUPED == 0).then_some(self.num)
    }

    /// True for the punctuation character `c`.
    pub(crate) fn is(&self, c: char) -> bool {
        self.lex == Lex::Punct(c)
    }

    /// The token's text.
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits text into tokens, lazily.
pub(crate) struct Lexer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Lexer { text, pos: 0 }
    }
}

fn fold_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c => c,
    }
}

/// Length of the run of ASCII letters at `start`, eight bytes at a time: a byte is a letter
/// when, lower-cased, it lies in `a..=z` and its high bit is clear (computed without carries
/// between bytes).
fn letter_run(bytes: &[u8], start: usize) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut n = 0;
    loop {
        let at = start + n;
        let Some(chunk) = bytes.get(at..at + 8) else {
            let rest = bytes.get(at..).unwrap_or_default();
            return n + rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        };
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let x = (w | 0x2020_2020_2020_2020) & LO7;
        let at_least_a = x.wrapping_add(0x1f1f_1f1f_1f1f_1f1f) & HI;
        let past_z = x.wrapping_add(0x0505_0505_0505_0505) & HI;
        let letters = at_least_a & !past_z & !w & HI;
        let others = !letters & HI;
        if others == 0 {
            n += 8;
        } else {
            return n + (others.trailing_zeros() / 8) as usize;
        }
    }
}

fn digits_at(bytes: &[u8], at: usize) -> usize {
    bytes.get(at..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

impl Iterator for Lexer<'_> {
    type Item = Tok;

    #[inline]
    fn next(&mut self) -> Option<Tok> {
        let bytes = self.text.as_bytes();
        let mut flags = if self.pos == 0 { SPACE } else { 0 };
        let mut newlines = 0;
        while let Some(&b) = bytes.get(self.pos) {
            let start = self.pos;
            if b.is_ascii_whitespace() {
                flags |= SPACE;
                if b == b'\n' {
                    newlines += 1;
                    flags |= NEWLINE;
                    if newlines > 1 {
                        flags |= PARAGRAPH;
                    }
                }
                self.pos += 1;
                continue;
            }
            if b.is_ascii_alphabetic() {
                return Some(self.word(start, flags));
            }
            if b.is_ascii_digit() {
                return Some(self.number(start, flags));
            }
            if b < 0x80 {
                self.pos += 1;
                return Some(Tok {
                    start,
                    end: self.pos,
                    lex: Lex::Punct(b as char),
                    num: 0,
                    len: 1,
                    flags,
                    cue: 0,
                });
            }
            let c = self.text.get(start..).and_then(|s| s.chars().next())?;
            if c.is_alphabetic() {
                return Some(self.word(start, flags));
            }
            self.pos += c.len_utf8();
            if c.is_whitespace() {
                flags |= SPACE;
                continue;
            }
            return Some(Tok {
                start,
                end: self.pos,
                lex: Lex::Punct(fold_punct(c)),
                num: 0,
                len: 1,
                flags,
                cue: 0,
            });
        }
        None
    }
}

impl Lexer<'_> {
    /// A word starting at `start`: letters (any script), classified when it is ASCII.
    #[inline]
    fn word(&mut self, start: usize, mut flags: u8) -> Tok {
        let bytes = self.text.as_bytes();
        // Fast path: a run of ASCII letters, packed lower case with two loads.
        let run = letter_run(bytes, start);
        self.pos = start + run;
        let mut ascii = true;
        while let Some(&c) = bytes.get(self.pos) {
            if c.is_ascii_alphabetic() {
                self.pos += 1;
            } else if c >= 0x80 {
                match self.text.get(self.pos..).and_then(|s| s.chars().next()) {
                    Some(ch) if ch.is_alphabetic() => {
                        ascii = false;
                        self.pos += ch.len_utf8();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        let (mut a, mut b, mut upper) = (0u64, 0u64, false);
        if ascii && run <= MAX_WORD {
            let mask = |n: usize| {
                if n >= 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * n)) - 1
                }
            };
            // Two 8-byte loads when the text has room, masked to the word; else bytewise.
            let load = |at: usize| -> u64 {
                match bytes.get(at..at + 8) {
                    Some(b8) => u64::from_le_bytes(b8.try_into().unwrap_or([0; 8])),
                    None => {
                        let mut buf = [0u8; 8];
                        for (k, slot) in buf.iter_mut().enumerate() {
                            *slot = bytes.get(at + k).copied().unwrap_or(0);
                        }
                        u64::from_le_bytes(buf)
                    }
                }
            };
            let lo = load(start) & mask(run);
            let hi = if run > 8 {
                load(start + 8) & mask(run - 8)
            } else {
                0
            };
            let case_lo = 0x2020_2020_2020_2020 & mask(run);
            let case_hi = 0x2020_2020_2020_2020 & mask(run.saturating_sub(8));
            upper = lo & case_lo == 0 && hi & case_hi == 0;
            a = lo | case_lo;
            b = hi | case_hi;
        }
        let len = self.pos - start;
        let first = bytes.get(start).copied().unwrap_or(b'a');
        if first.is_ascii_uppercase()
            || (!ascii
                && self
                    .text
                    .get(start..)
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_uppercase))
        {
            flags |= CAP;
            if upper && len > 1 {
                flags |= UPPER;
            }
        }
        let (lex, mut cues) = if ascii {
            lookup_key((a, b), len)
        } else {
            (Lex::Other, 0)
        };
        if ascii
            && len > 3
            && bytes
                .get(self.pos - 2..self.pos)
                .is_some_and(|t| t.eq_ignore_ascii_case(b"ly"))
        {
            flags |= LY;
        }
        // Regular past forms: "-ed" but not "-eed" ("agreed" aside, those are not verbs).
        if ascii && len >= 5 && cues & cue::NOT_ED == 0 {
            let tail = bytes.get(self.pos - 3..self.pos).unwrap_or_default();
            if let [x, e, d] = tail {
                if (e | 0x20) == b'e' && (d | 0x20) == b'd' && (x | 0x20) != b'e' {
                    cues |= cue::ED;
                }
            }
        }
        Tok {
            start,
            end: self.pos,
            lex,
            num: 0,
            len: len.min(255) as u8,
            flags,
            cue: cues,
        }
    }

    /// A run of digits starting at `start`, kept whole with thousands separators or decimals.
    fn number(&mut self, start: usize, mut flags: u8) -> Tok {
        let bytes = self.text.as_bytes();
        let n = digits_at(bytes, start);
        self.pos = start + n;
        let mut value: u64 = 0;
        for &b in bytes.get(start..self.pos).unwrap_or_default() {
            value = (value * 10 + u64::from(b - b'0')).min(u64::from(u32::MAX));
        }
        // "2,000,000" and "5.92" are amounts, kept whole so no part of them reads as a date.
        // A dotted date ("23.04.2025") is not a decimal: its parts border on other dots.
        let dotted_middle = start >= 2
            && bytes.get(start - 1) == Some(&b'.')
            && bytes.get(start - 2).is_some_and(u8::is_ascii_digit);
        loop {
            let sep = bytes.get(self.pos).copied();
            let after = digits_at(bytes, self.pos + 1);
            match sep {
                Some(b',') if n <= 3 && after == 3 => {
                    self.pos += 1 + after;
                    flags |= GROUPED;
                }
                Some(b'.')
                    if after > 0
                        && bytes.get(self.pos + 1 + after) != Some(&b'.')
                        && !dotted_middle =>
                {
                    self.pos += 1 + after;
                    flags |= GROUPED | DECIMAL;
                    break;
                }
                _ => break,
            }
        }
        Tok {
            start,
            end: self.pos,
            lex: Lex::Num,
            num: value as u32,
            len: n.min(255) as u8,
            flags,
            cue: 0,
        }
    }
}

/// A slice of tokens as nom input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Toks<'a>(pub &'a [Tok]);

impl<'a> Toks<'a> {
    /// The first token, if any.
    pub(crate) fn first(&self) -> Option<&'a Tok> {
        self.0.first()
    }

    /// The token at `i`, if any.
    pub(crate) fn at(&self, i: usize) -> Option<&'a Tok> {
        self.0.get(i)
    }

    /// Number of tokens left.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

impl<'a> Input for Toks<'a> {
    type Item = Tok;
    type Iter = std::iter::Copied<std::slice::Iter<'a, Tok>>;
    type IterIndices = std::iter::Enumerate<Self::Iter>;

    fn input_len(&self) -> usize {
        self.0.len()
    }

    fn take(&self, index: usize) -> Self {
        Toks(self.0.get(..index).unwrap_or(self.0))
    }

    fn take_from(&self, index: usize) -> Self {
        Toks(self.0.get(index..).unwrap_or(&[]))
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        let (prefix, suffix) = self.0.split_at(index.min(self.0.len()));
        (Toks(suffix), Toks(prefix))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.0.iter().position(|t| predicate(*t))
    }

    fn iter_elements(&self) -> Self::Iter {
        self.0.iter().copied()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.iter_elements().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.0.len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.0.len()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(text: &str) -> Vec<(String, Lex)> {
        Lexer::new(text)
            .map(|t| (t.text(text).to_string(), t.lex))
            .collect()
    }

    #[test]
    fn words_numbers_punctuation() {
        let t = lex("On Aug. 7, 2,000 people; Mayor’s 23rd");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words,
            ["On", "Aug", ".", "7", ",", "2,000", "people", ";", "Mayor", "’", "s", "23", "rd"]
        );
        assert_eq!(t[1].1, Lex::MonAbbr(8));
        assert_eq!(t[8].1, Lex::Other);
        assert_eq!(t[9].1, Lex::Punct('\''));
    }

    #[test]
    fn numbers() {
        let toks: Vec<Tok> = Lexer::new("5.92 23.04.2025 1990s 10:35").collect();
        assert_eq!(toks[0].flags & GROUPED, GROUPED);
        assert_eq!(toks[1].num, 23);
        assert_eq!(toks[1].int(), Some(23));
        assert!(toks.iter().any(|t| t.num == 2025));
        assert!(toks.iter().any(|t| t.num == 1990 && t.int().is_some()));
    }

    #[test]
    fn letter_runs() {
        for text in [
            "",
            "a",
            "Mayor",
            "abcdefghijklmnopqrstuvwxyz!",
            "AZaz@[`{09",
            "word\u{e9}x",
            "x y",
            "ABCDEFGH",
        ] {
            for start in 0..text.len() {
                let slow = text.as_bytes()[start..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
                assert_eq!(
                    letter_run(text.as_bytes(), start),
                    slow,
                    "{text:?} at {start}"
                );
            }
        }
        let all: Vec<u8> = (0..=255u8).collect();
        for start in 0..all.len() {
            let slow = all[start..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            assert_eq!(letter_run(&all, start), slow);
        }
    }

    #[test]
    fn non_ascii_never_panics() {
        let text = "Sánchez – “Él” 3\u{a0}p.m. ﬁ 日本 2025年";
        let toks: Vec<Tok> = Lexer::new(text).collect();
        for t in &toks {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert_eq!(toks[0].text(text), "Sánchez");
        assert_eq!(toks[1].lex, Lex::Punct('-'));
    }
}

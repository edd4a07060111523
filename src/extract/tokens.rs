//! Sentence tokens with the facts every grammar asks about each word, computed once.

use crate::knowledge::Knowledge;
use crate::text::{fold, is_capitalised, Words};

use super::vocab;

/// A word of a sentence and what the vocabularies say about it.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// Byte offset in the document.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The word as written.
    pub text: &'a str,
    /// Folded (lower case, no accents).
    pub folded: std::borrow::Cow<'a, str>,
    /// Starts with a capital letter.
    pub cap: bool,
    /// Listed as a given name.
    pub given: bool,
    /// Can be part of a person's name (capitalised, not a title, place, month...).
    pub name_word: bool,
    /// What the rules say about the word.
    pub info: crate::knowledge::WordInfo,
    /// Core grammar sets the word belongs to ([`vocab::flags`]).
    pub voc: u32,
    /// Holds a hyphen.
    pub hyphen: bool,
    /// Only spaces separate it from the next token (or the sentence end): see
    /// [`Sentence::joined`], computed once per token.
    pub joined: bool,
}

impl Tok<'_> {
    /// True for a word that modifies a title without heading it: a listed modifier or a
    /// demonym of the rules ("Foreign", "Tunisian").
    pub fn title_modifier(&self) -> bool {
        self.is(&vocab::TITLE_MODIFIERS) || self.info.demonym
    }

    /// True when the word is in `set`.
    pub fn is(&self, set: &vocab::WordSet) -> bool {
        if set.bit != 0 {
            self.voc & set.bit != 0
        } else {
            set.contains(&self.folded)
        }
    }
}

/// What the token grammar asks of a word's letters, read in one pass.
struct Shape {
    /// Only lower-case ASCII letters, digits and hyphens: the word is its own folded form.
    folded: bool,
    /// Starts with an upper-case letter.
    cap: bool,
    /// At least two letters and none lower case ("NATO", "U.S").
    all_caps: bool,
    /// Holds an ASCII digit.
    has_digit: bool,
    /// Holds a hyphen ("twenty-two", "Franco-German").
    hyphen: bool,
}

impl Shape {
    fn of(word: &str) -> Shape {
        if word.is_ascii() {
            let (mut letters, mut lower, mut digit, mut other, mut hyphen) =
                (0usize, false, false, false, false);
            for b in word.bytes() {
                match b {
                    b'a'..=b'z' => {
                        letters += 1;
                        lower = true;
                    }
                    b'A'..=b'Z' => {
                        letters += 1;
                        other = true;
                    }
                    b'0'..=b'9' => digit = true,
                    b'-' => hyphen = true,
                    _ => other = true,
                }
            }
            return Shape {
                folded: !other,
                cap: word.as_bytes().first().is_some_and(u8::is_ascii_uppercase),
                all_caps: letters > 1 && !lower,
                has_digit: digit,
                hyphen,
            };
        }
        Shape {
            folded: false,
            cap: is_capitalised(word),
            all_caps: word.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !word.chars().any(char::is_lowercase),
            has_digit: word.chars().any(|c| c.is_ascii_digit()),
            hyphen: word.contains('-'),
        }
    }
}

/// A sentence: its byte range and tokens, with the document text for gap inspection.
pub struct Sentence<'a> {
    /// Document text.
    pub text: &'a str,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Words in order.
    pub toks: Vec<Tok<'a>>,
}

fn is_roman_numeral(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

impl<'a> Sentence<'a> {
    /// Tokenises `text[start..end]`.
    pub fn new(text: &'a str, start: usize, end: usize, kb: &Knowledge) -> Self {
        Self::with_buffer(text, start, end, kb, Vec::new(), None)
    }

    /// [`Sentence::new`], filling `toks` (cleared first) so one buffer serves every sentence
    /// of a document, and keeping the folded forms of words that differ from their text in
    /// `arena` when there is one (one arena per document: no allocation per word).
    pub fn with_buffer(
        text: &'a str,
        start: usize,
        end: usize,
        kb: &Knowledge,
        mut toks: Vec<Tok<'a>>,
        arena: Option<&'a bumpalo::Bump>,
    ) -> Self {
        let slice = text.get(start..end).unwrap_or("");
        toks.clear();
        toks.extend(Words::new(slice).map(|w| {
            let shape = Shape::of(w.text);
            // Most words of prose are already folded (lower-case ASCII): borrow those.
            let folded: std::borrow::Cow<'a, str> = match arena {
                _ if shape.folded => std::borrow::Cow::Borrowed(w.text),
                // Words hold no white space or backquote: ASCII folds to lower case.
                Some(arena) if w.text.is_ascii() => {
                    let f = arena.alloc_str(w.text);
                    f.make_ascii_lowercase();
                    std::borrow::Cow::Borrowed(&*f)
                }
                Some(arena) => std::borrow::Cow::Borrowed(&*arena.alloc_str(&fold(w.text))),
                None => std::borrow::Cow::Owned(fold(w.text)),
            };
            let Shape {
                cap,
                all_caps,
                has_digit,
                hyphen,
                ..
            } = shape;
            let info = kb.word(&folded);
            let voc = info.voc;
            let given = cap && info.given;
            // Only capitalised words can be name words, so only they need the checks.
            let excluded = cap
                && (info.not_name
                    || info.demonym
                    || info.country
                    || info.place
                    || voc & (vocab::TITLE_HEADS.bit | vocab::ORG_HEADS.bit) != 0);
            let name_word = cap
                && !has_digit
                && (given || (!excluded && (!all_caps || is_roman_numeral(w.text))));
            Tok {
                start: start + w.start,
                end: start + w.end(),
                text: w.text,
                folded,
                cap,
                given,
                name_word,
                info,
                voc,
                hyphen,
                joined: false,
            }
        }));
        let mut s = Sentence {
            text,
            start,
            end,
            toks,
        };
        for i in 0..s.toks.len() {
            let g = s.gap_after(i);
            let joined = !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}');
            s.toks[i].joined = joined;
        }
        s
    }

    /// True for a headline or subhead: short, most words capitalised, and no full stop at
    /// the end. Capitalisation says nothing about names and bodies there.
    pub fn is_heading(&self) -> bool {
        let n = self.toks.len();
        let text = self.text.get(self.start..self.end).unwrap_or("").trim_end();
        let terminal = text.ends_with(['.', '!', '"', '\u{201d}', ';', ':', ',']);
        (2..=25).contains(&n) && !terminal && self.toks.iter().filter(|t| t.cap).count() * 2 > n
    }

    /// The text between token `i` and token `i + 1` (or the sentence end).
    pub fn gap_after(&self, i: usize) -> &'a str {
        let Some(t) = self.toks.get(i) else { return "" };
        let to = self.toks.get(i + 1).map(|n| n.start).unwrap_or(self.end);
        self.text.get(t.end..to).unwrap_or("")
    }

    /// The text between token `i - 1` and token `i` (or the sentence start).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let Some(t) = self.toks.get(i) else { return "" };
        let from = if i == 0 {
            self.start
        } else {
            self.toks[i - 1].end
        };
        self.text.get(from..t.start).unwrap_or("")
    }

    /// True when only spaces separate token `i` from the next.
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.joined)
    }

    /// True when token `i` is in `set` (its flags for a core set, else a lookup).
    pub fn is(&self, i: usize, set: &vocab::WordSet) -> bool {
        match self.toks.get(i) {
            Some(t) => t.is(set),
            None => set.contains(""),
        }
    }

    /// True when token `i` modifies a title ([`Tok::title_modifier`]).
    pub fn title_modifier(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::title_modifier)
    }

    /// Folded token `i`, or "".
    pub fn f(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.folded.as_ref()).unwrap_or("")
    }

    /// Text from the start of token `a` to the end of token `b - 1`.
    pub fn phrase(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.toks.len() {
            return "";
        }
        self.text
            .get(self.toks[a].start..self.toks[b - 1].end)
            .unwrap_or("")
    }

    /// Folded text of tokens `a..b`, as `fold(self.phrase(a, b))` gives it, built from the
    /// tokens' folded forms (spaces between words stay single spaces).
    pub fn folded_phrase(&self, a: usize, b: usize) -> String {
        if a >= b || b > self.toks.len() {
            return String::new();
        }
        let mut out = String::with_capacity((a..b).map(|k| self.toks[k].folded.len() + 1).sum());
        for k in a..b {
            out.push_str(&self.toks[k].folded);
            if k + 1 < b {
                let gap = self.gap_after(k);
                if gap == " " {
                    out.push(' ');
                } else {
                    // fold() collapses runs of white space and trims both ends.
                    let g = fold(gap);
                    if g.is_empty() {
                        if gap.contains(char::is_whitespace) {
                            out.push(' ');
                        }
                    } else {
                        if gap.starts_with(char::is_whitespace) {
                            out.push(' ');
                        }
                        out.push_str(&g);
                        if gap.ends_with(char::is_whitespace) {
                            out.push(' ');
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_phrase_matches_fold_of_the_text() {
        let kb = Knowledge::load(&[]).unwrap();
        let t = "Tunisia’s  Director of Ports, Gómez — and the Franco-Tunisian Group (OECD)";
        let s = Sentence::new(t, 0, t.len(), &kb);
        for a in 0..s.toks.len() {
            for b in a + 1..=s.toks.len() {
                assert_eq!(s.folded_phrase(a, b), fold(s.phrase(a, b)), "{a}..{b}");
            }
        }
    }
}

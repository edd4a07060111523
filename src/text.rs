//! Text helpers shared by every stage: accent folding, word iteration, sentence bounds.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a phrase for comparison: accents removed, lower case, typographic apostrophes and
/// dashes made ASCII, runs of spaces collapsed. "Sánchez" and "SANCHEZ" fold alike.
pub fn fold(s: &str) -> String {
    // Fast path: plain ASCII needs no decomposition (most words of English news).
    if s.is_ascii() && !s.bytes().any(|b| b == b'`' || b.is_ascii_whitespace()) {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A number as an English ordinal in digits: "21st", "2nd", "103rd", "111th".
pub fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word of the text: letters, digits and inner apostrophes/hyphens/periods of abbreviations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// The word.
    pub text: &'a str,
}

impl Word<'_> {
    /// Byte offset one past the last character.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Splits `text` into words. Hyphens and apostrophes between letters stay inside a word
/// ("Moroccan-Spanish", "Morocco's" is split as "Morocco" + "'s").
pub fn words(text: &str) -> Vec<Word<'_>> {
    Words::new(text).collect()
}

/// The words of a text, in order ([`words`] without the vector): this runs over every
/// byte of every article, so ASCII is read byte by byte and only other characters decoded.
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    /// The words of `text`.
    pub fn new(text: &'a str) -> Self {
        Words { text, pos: 0 }
    }

    /// The character at byte `i` and its length (`i` is on a character boundary).
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        let b = *self.text.as_bytes().get(i)?;
        if b < 0x80 {
            return Some((b as char, 1));
        }
        let c = self.text.get(i..)?.chars().next()?;
        Some((c, c.len_utf8()))
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let text = self.text;
        let mut start: Option<usize> = None;
        while let Some((c, len)) = self.char_at(self.pos) {
            let i = self.pos;
            let alnum = if len == 1 {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric()
            };
            let keep = alnum
                || (matches!(c, '-' | '.' | '\'' | '\u{2019}')
                    && start.is_some_and(|st| {
                        // "ex-minister", "then-President": the prefix is a word of its own.
                        let prefix = c == '-'
                            && matches!(text.get(st..i), Some("ex" | "Ex" | "then" | "Then"));
                        let rest = text.get(i + len..).unwrap_or("");
                        !prefix
                            && rest.chars().next().is_some_and(char::is_alphanumeric)
                            && !(matches!(c, '\'' | '\u{2019}') && next_is_possessive(rest))
                    }));
            if keep {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start {
                // The separator is consumed: it cannot start a word.
                self.pos = i + len;
                return Some(Word {
                    start: s,
                    text: text.get(s..i).unwrap_or(""),
                });
            }
            self.pos = i + len;
        }
        start.map(|s| Word {
            start: s,
            text: text.get(s..).unwrap_or(""),
        })
    }
}

fn next_is_possessive(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some('s' | 'S')) && !chars.next().is_some_and(char::is_alphanumeric)
}

/// Byte ranges of the sentences of `text`: split after `.`, `!`, `?` followed by space and a
/// capital or digit, and at line breaks. Abbreviations ("Mr.", "U.S.", "Jan.") do not split.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        i = next_stop(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        let mut end = i + 1;
        let split_here = if b == b'\n' {
            end = i;
            true
        } else if matches!(b, b'.' | b'!' | b'?') {
            let after = &text[i + 1..];
            let trimmed = after.trim_start_matches(['"', '\u{201d}', '\u{2019}', ')']);
            let rest = trimmed.trim_start_matches([' ', '\t']);
            end = i + 1 + (after.len() - trimmed.len());
            rest.len() < trimmed.len()
                && rest.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '\u{201c}'
                })
                && !ends_with_abbreviation(&text[start..i])
        } else {
            false
        };
        if split_here {
            if !text[start..end].trim().is_empty() {
                out.push((start, end));
            }
            start = if b == b'\n' { i + 1 } else { end };
            i = start;
            continue;
        }
        i += 1;
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// The offset of the next line feed, `.`, `!` or `?` at or after `from` (or the length).
/// Eight bytes are tested at a time: most bytes of prose are none of these.
fn next_stop(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Non-zero when some byte of `x` is zero (exact whenever the answer is "none").
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let hit = zero_byte(x ^ (ONES * u64::from(b'\n')))
            | zero_byte(x ^ (ONES * u64::from(b'.')))
            | zero_byte(x ^ (ONES * u64::from(b'!')))
            | zero_byte(x ^ (ONES * u64::from(b'?')));
        if hit != 0 {
            break;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if matches!(b, b'\n' | b'.' | b'!' | b'?') {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "jr", "sr", "rev", "hon",
    "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "vs", "inc", "corp", "co", "ltd", "mt", "ft", "fig", "u.s", "u.n", "u.k",
    "e.g", "i.e", "a.m", "p.m",
];

fn ends_with_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    // Single capital initials ("J. Smith").
    let mut chars = last.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true;
    }
    // The list is ASCII: compare without lower-casing into a new string (this runs at
    // every full stop of the archive).
    if last.is_ascii() {
        return ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last));
    }
    ABBREVIATIONS.contains(&last.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("  Pedro   Sánchez "), "pedro sanchez");
        assert_eq!(fold("Morocco’s"), "morocco's");
        assert_eq!(fold("Sûreté Nationale"), "surete nationale");
        assert_eq!(fold("ÁNGELES"), "angeles");
    }

    #[test]
    fn word_split() {
        let w: Vec<&str> = words("Morocco's Moroccan-Spanish group, U.S. officials (2023)")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            w,
            [
                "Morocco",
                "s",
                "Moroccan-Spanish",
                "group",
                "U.S",
                "officials",
                "2023"
            ]
        );
    }

    /// The char-by-char splitter [`Words`] replaced, kept to check the two agree.
    fn words_by_chars(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let prefix = c == '-'
                && start.is_some_and(|st| matches!(&text[st..i], "ex" | "Ex" | "then" | "Then"));
            let inner = matches!(c, '-' | '.' | '\'' | '\u{2019}')
                && !prefix
                && start.is_some()
                && iter.peek().is_some_and(|(_, n)| n.is_alphanumeric())
                && !(matches!(c, '\'' | '\u{2019}')
                    && next_is_possessive(&text[i + c.len_utf8()..]));
            if c.is_alphanumeric() || inner {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        }
        if let Some(s) = start {
            out.push((s, &text[s..]));
        }
        out
    }

    #[test]
    fn byte_splitter_agrees_with_char_splitter() {
        let cases = [
            "Morocco's Moroccan-Spanish group, U.S. officials (2023)",
            "the ex-minister and then-President Sánchez’s aide, O’Neill's",
            "ÁNGELES—Rabat… 23/04/2025 -x- x- -x 'quoted' l'été d’Alger",
            "a.b. c.-d e'-f ex- then-- Ex-Ex-then-x 中文 Zürich-Ost ١٢٣",
            "",
            "-",
            "'s",
            "x's y’S z'sa",
        ];
        for t in cases {
            let got: Vec<(usize, &str)> = words(t).iter().map(|w| (w.start, w.text)).collect();
            assert_eq!(got, words_by_chars(t), "{t}");
        }
    }

    #[test]
    fn next_stop_finds_the_first_stop_byte() {
        let text = "abcdefgh.ijklmnopqrstu\nvwxyz!0123456789?ÁÉ—x........";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let slow = bytes[from..]
                .iter()
                .position(|b| matches!(b, b'\n' | b'.' | b'!' | b'?'))
                .map_or(bytes.len(), |p| from + p);
            assert_eq!(next_stop(bytes, from), slow, "from {from}");
        }
    }

    #[test]
    fn sentence_split() {
        let t = "Mr. Smith met Gen. Luis Baleiz. He left. Then \"Yes.\" Next\nline";
        let s: Vec<&str> = sentences(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            [
                "Mr. Smith met Gen. Luis Baleiz.",
                " He left.",
                " Then \"Yes.\"",
                " Next",
                "line"
            ]
        );
    }
}

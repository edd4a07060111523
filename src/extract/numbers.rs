//! Numbers, ordinals and counts: "12 ministers", "eleven ministers", "about a dozen
//! ministers", "its 21st meeting", "the twelfth session".

use super::tokens::Sentence;
use super::vocab;
use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while1};
use nom::combinator::{all_consuming, map_res};
use nom::{IResult, Parser};

/// "21st", "2nd", "103rd": digits and an English ordinal suffix.
fn ordinal_digits(input: &str) -> IResult<&str, u32> {
    let (rest, n) =
        map_res(take_while1(|c: char| c.is_ascii_digit()), str::parse::<u32>).parse(input)?;
    let (rest, _) = alt((
        tag_no_case("st"),
        tag_no_case("nd"),
        tag_no_case("rd"),
        tag_no_case("th"),
    ))
    .parse(rest)?;
    Ok((rest, n))
}

/// The ordinal a word states ("21st", "twelfth", "twenty-first"), if any.
pub fn ordinal(word: &str) -> Option<u32> {
    if let Ok((_, n)) = all_consuming(ordinal_digits).parse(word) {
        return (n > 0 && n < 10_000).then_some(n);
    }
    if !word.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) || word.len() > 15 {
        return None;
    }
    vocab::ORDINAL_WORDS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|(_, n)| *n)
}

/// A plain cardinal: digits with optional thousands commas ("2,000"), or a number word.
pub fn cardinal(word: &str) -> Option<u64> {
    let first = *word.as_bytes().first()?;
    if first.is_ascii_digit() {
        // Digits with thousands commas, parsed without allocating: this runs on every word.
        let mut value: u64 = 0;
        let mut digits = 0;
        for b in word.bytes() {
            match b {
                b'0'..=b'9' => {
                    value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                    digits += 1;
                }
                b',' => {}
                _ => return None,
            }
        }
        return (digits > 0 && digits <= 12).then_some(value);
    }
    // Number words are short ASCII words; anything else is not one.
    if !first.is_ascii_alphabetic() || word.len() > 14 || word.len() < 3 {
        return None;
    }
    let find = |w: &str| {
        vocab::NUMBER_WORDS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(w))
            .map(|(_, v)| *v)
    };
    if let Some((a, b)) = word.split_once('-') {
        let tens = find(a)?;
        let units = find(b)?;
        return (tens >= 20 && tens % 10 == 0 && units < 10).then_some(tens + units);
    }
    find(word)
}

/// Words that make a count approximate.
pub(crate) static APPROX: crate::extract::vocab::WordSet = crate::extract::vocab::WordSet::core(
    &[
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "over",
        "than",
        "least",
        "up",
        "circa",
        "approx",
        "dozens",
        "hundreds",
        "thousands",
    ],
    1 << 11,
);

/// Nouns that are units of time or measure, counted by other grammars or not at all.
pub(crate) static NOT_COUNTED: crate::extract::vocab::WordSet =
    crate::extract::vocab::WordSet::core(
        &[
            "years",
            "year",
            "months",
            "month",
            "weeks",
            "week",
            "days",
            "day",
            "hours",
            "hour",
            "minutes",
            "minute",
            "seconds",
            "decades",
            "centuries",
            "percent",
            "per",
            "times",
            "km",
            "kilometres",
            "kilometers",
            "metres",
            "meters",
            "euros",
            "dollars",
            "dirhams",
            "tonnes",
            "tons",
            "kg",
            "million",
            "billion",
            "thousand",
            "hundred",
            "points",
            "o'clock",
        ],
        1 << 12,
    );

/// A count found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountMatch {
    /// First token (the number, or the approximation word before it).
    pub a: usize,
    /// One past the counted noun.
    pub b: usize,
    /// The number.
    pub value: u64,
    /// True for "about", "some", "nearly"...
    pub approximate: bool,
    /// The counted noun, singular, lower case.
    pub noun: String,
}

fn singular(noun: &str) -> String {
    if let Some(s) = noun.strip_suffix("ies") {
        format!("{s}y")
    } else if noun.ends_with("ss") {
        noun.to_string()
    } else if let Some(s) = noun.strip_suffix('s') {
        s.to_string()
    } else {
        noun.to_string()
    }
}

/// Counts in a sentence: NUMBER NOUN with the noun a plural common noun.
pub fn find_counts(s: &Sentence<'_>) -> Vec<CountMatch> {
    let mut out = Vec::new();
    let n = s.toks.len();
    let mut i = 0;
    while i < n {
        let t = &s.toks[i];
        // "a dozen ministers", "about a dozen"
        let (value, mut noun_at) = if t.folded == "a" && s.f(i + 1) == "dozen" {
            (Some(12), i + 2)
        } else {
            // Only digits, listed number words and hyphenated words can be cardinals.
            let candidate = t.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
                || t.voc & vocab::NUMBER_BIT != 0
                || t.hyphen;
            // A group of three digits after "2," is the tail of "2,000", not a number.
            let tail_group = i > 0
                && s.gap_before(i) == ","
                && t.text.len() == 3
                && t.text.bytes().all(|c| c.is_ascii_digit())
                && s.toks[i - 1].text.bytes().all(|c| c.is_ascii_digit());
            if tail_group {
                i += 1;
                continue;
            }
            let mut value = if candidate { cardinal(t.text) } else { None };
            // "2,000" may be split by the tokenizer at the comma: "2" "," "000".
            let mut end = i + 1;
            if t.text.bytes().all(|c| c.is_ascii_digit()) {
                while end < n
                    && s.gap_before(end) == ","
                    && s.toks[end].text.len() == 3
                    && s.toks[end].text.bytes().all(|c| c.is_ascii_digit())
                {
                    value = value.and_then(|v| {
                        v.checked_mul(1000)?
                            .checked_add(s.toks[end].text.parse::<u64>().ok()?)
                    });
                    end += 1;
                }
            }
            (value, end)
        };
        // "two sides", "one country": small spelled-out numbers are mostly idiom, not counts.
        let Some(value) = value.filter(|&v| v > 2 || t.text.chars().all(|c| c.is_ascii_digit()))
        else {
            i += 1;
            continue;
        };
        // Years and ordinals are not counts; "2,000" alone is not a count of anything.
        if t.text.len() == 4
            && t.text.chars().all(|c| c.is_ascii_digit())
            && (1000..2200).contains(&value)
        {
            i += 1;
            continue;
        }
        if s.f(noun_at) == "of" && s.f(i) == "dozen" {
            noun_at += 1;
        }
        // Allow one adjective between number and noun ("12 senior officials").
        let mut k = noun_at;
        if s.toks
            .get(k)
            .is_some_and(|x| !x.cap && !x.folded.ends_with('s'))
            && s.toks
                .get(k + 1)
                .is_some_and(|x| !x.cap && x.folded.ends_with('s'))
        {
            k += 1;
        }
        let Some(noun) = s.toks.get(k) else { break };
        let joined = (noun_at.saturating_sub(1).max(i)..k).all(|x| s.joined(x));
        let plural = noun.folded.ends_with('s')
            || matches!(
                noun.folded.as_ref(),
                "people" | "police" | "personnel" | "staff" | "children" | "men" | "women"
            );
        if !joined
            || noun.cap
            || !plural
            || noun.is(&NOT_COUNTED)
            || noun.folded.chars().any(|c| !c.is_alphabetic())
            || (value == 1)
        {
            i += 1;
            continue;
        }
        let mut a = i;
        let mut approximate = false;
        while a > 0 && s.joined(a - 1) && s.is(a - 1, &APPROX)
            || (a > 0 && s.f(a - 1) == "more" && s.f(a) == "than")
            || (a > 0 && s.f(a - 1) == "at" && s.f(a) == "least")
        {
            a -= 1;
            approximate = true;
        }
        out.push(CountMatch {
            a,
            b: k + 1,
            value,
            approximate,
            noun: singular(&noun.folded),
        });
        i = k + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    #[test]
    fn ordinals_and_cardinals() {
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("twelfth"), Some(12));
        assert_eq!(ordinal("21"), None);
        assert_eq!(ordinal("1st-class"), None);
        assert_eq!(cardinal("2,000"), Some(2000));
        assert_eq!(cardinal("twenty-two"), Some(22));
        assert_eq!(cardinal("eleven"), Some(11));
        assert_eq!(cardinal("Sánchez"), None);
    }

    #[test]
    fn counts() {
        let kb = Knowledge::load(&[]).unwrap();
        let f = |t: &str| {
            let s = Sentence::new(t, 0, t.len(), &kb);
            find_counts(&s)
                .into_iter()
                .map(|c| (c.value, c.approximate, c.noun))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            f("a delegation of about a dozen ministers with"),
            [(12, true, "minister".to_string())]
        );
        assert_eq!(
            f("eleven ministers attended"),
            [(11, false, "minister".to_string())]
        );
        assert_eq!(
            f("a delegation of 12 senior officials"),
            [(12, false, "official".to_string())]
        );
        assert_eq!(f("in 2015 and for 3 years, the 2030 World Cup"), []);
        assert_eq!(
            f("Some 2,000 people spent the night in shelters"),
            [(2000, true, "people".to_string())]
        );
    }
}

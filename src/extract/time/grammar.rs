//! The time-expression grammar: nom parsers over classified tokens.
//!
//! Parsing starts only at tokens that can begin an expression ([`is_trigger`]) and dispatches
//! on the first token's class, so most words cost one table test. Each production returns an
//! [`Expr`]; where several productions apply the longest match wins. Span conventions follow
//! TimeML as annotated in TimeBank (spans in braces): prepositions stay out ("in {2015}"),
//! "the" stays in for periods ("{the third quarter}", "{the past two months}") and out before
//! modifiers of a noun ("the {Aug. 7} bombings").

use super::expr::{DaySpec, Dir, Dur, Expr, Qty, RefKind, YearRef};
use super::lexicon::{cue, DayPart, Holiday, Kw, Lex, Season, Unit};
use super::token::{Tok, Toks};
use nom::branch::alt;
use nom::combinator::{opt, value};
use nom::{IResult, Parser};

/// Parser result over tokens; the error carries nothing (cheap in the hot loop).
pub(crate) type R<'a, O> = IResult<Toks<'a>, O, ()>;

/// At most this many mentions come out of one match ("February 1 and 2" gives two).
pub(crate) const MAX_ITEMS: usize = 4;

/// One mention found by a match: token range (relative to the match start, inclusive) and
/// what it says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Item {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// The expression.
    pub expr: Expr,
    /// A weekday written next to a full date, with its token.
    pub weekday: Option<(u8, usize)>,
}

/// What one match produced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    /// Tokens consumed.
    pub len: usize,
    /// The mentions, in order.
    pub items: [Option<Item>; MAX_ITEMS],
}

impl Found {
    fn one(len: usize, expr: Expr) -> Found {
        let mut items = [None; MAX_ITEMS];
        items[0] = Some(Item {
            first: 0,
            last: len.saturating_sub(1),
            expr,
            weekday: None,
        });
        Found { len, items }
    }
}

fn err<'a, O>() -> R<'a, O> {
    Err(nom::Err::Error(()))
}

/// One token satisfying `pred`.
fn tok<'a>(pred: impl Fn(&Tok) -> bool) -> impl Fn(Toks<'a>) -> R<'a, Tok> {
    move |i: Toks<'a>| match i.0.split_first() {
        Some((t, rest)) if pred(t) => Ok((Toks(rest), *t)),
        _ => err(),
    }
}

fn kw<'a>(k: Kw) -> impl Fn(Toks<'a>) -> R<'a, Tok> {
    tok(move |t| t.lex == Lex::Kw(k))
}

fn kw_in<'a>(ks: &'static [Kw]) -> impl Fn(Toks<'a>) -> R<'a, Kw> {
    move |i: Toks<'a>| match i.0.split_first() {
        Some((t, rest)) => match t.lex {
            Lex::Kw(k) if ks.contains(&k) => Ok((Toks(rest), k)),
            _ => err(),
        },
        None => err(),
    }
}

fn punct<'a>(c: char) -> impl Fn(Toks<'a>) -> R<'a, Tok> {
    tok(move |t| t.lex == Lex::Punct(c))
}

/// Punctuation written against the previous token ("Aug.", "10:35").
fn glued<'a>(c: char) -> impl Fn(Toks<'a>) -> R<'a, Tok> {
    tok(move |t| t.lex == Lex::Punct(c) && !t.spaced())
}

/// A hyphen joining two tokens ("third-quarter", "mid-1996").
fn hyphen(i: Toks<'_>) -> R<'_, Tok> {
    let (rest, t) = glued('-')(i)?;
    match rest.first() {
        Some(n) if !n.spaced() => Ok((rest, t)),
        _ => err(),
    }
}

/// True when a lower-case ordinary word follows: the expression before it modifies a noun.
fn noun_follows(i: Toks<'_>) -> bool {
    // Words with a tense cue ("returned", "was") are verbs; "-ly" words are adverbs.
    i.first()
        .is_some_and(|t| t.lex == Lex::Other && !t.cap() && t.cue == 0 && !ends_ly(t))
}

fn ends_ly(t: &Tok) -> bool {
    t.len > 3 && t.flags & super::token::LY != 0
}

/// Fails a match that is followed by a noun it modifies ("the third-quarter loss" leaves "the"
/// out: the expression is then read again without it).
fn not_before_noun<'a>(r: R<'a, Expr>) -> R<'a, Expr> {
    let (rest, e) = r?;
    if noun_follows(rest) {
        return err();
    }
    Ok((rest, e))
}

/// "or so", "or two": vagueness after a duration, kept in its span.
fn or_so(i: Toks<'_>) -> R<'_, ()> {
    let (r, _) = kw(Kw::Or).parse(i)?;
    let (r, _) = alt((
        tok(|t| t.lex == Lex::Card(2) || t.lex == Lex::Card(3)),
        kw(Kw::So),
    ))
    .parse(r)?;
    Ok((r, ()))
}

/// Succeeds, consuming nothing, when the next token is the keyword `k`.
fn peek_kw<'a>(k: Kw) -> impl Fn(Toks<'a>) -> R<'a, ()> {
    move |i: Toks<'a>| match i.first() {
        Some(t) if t.lex == Lex::Kw(k) => Ok((i, ())),
        _ => err(),
    }
}

/// A unit of time, singular or plural; "second" is also an ordinal.
fn unit(i: Toks<'_>) -> R<'_, (Unit, bool)> {
    match i.0.split_first() {
        Some((t, rest)) => match t.lex {
            Lex::Unit(u) => Ok((Toks(rest), (u, false))),
            Lex::Units(u) => Ok((Toks(rest), (u, true))),
            Lex::Ord(2) if t.len == 6 => Ok((Toks(rest), (Unit::Second, false))),
            _ => err(),
        },
        None => err(),
    }
}

fn unit_sing(i: Toks<'_>) -> R<'_, Unit> {
    let (rest, (u, plural)) = unit(i)?;
    if plural {
        return err();
    }
    Ok((rest, u))
}

fn unit_plural(i: Toks<'_>) -> R<'_, Unit> {
    let (rest, (u, plural)) = unit(i)?;
    if !plural {
        return err();
    }
    Ok((rest, u))
}

/// A plain integer of at most `max_digits` digits.
fn int<'a>(max_digits: u8) -> impl Fn(Toks<'a>) -> R<'a, u32> {
    move |i: Toks<'a>| match i.0.split_first() {
        Some((t, rest)) if t.lex == Lex::Num && t.len <= max_digits => match t.int() {
            Some(n) => Ok((Toks(rest), n)),
            None => err(),
        },
        _ => err(),
    }
}

/// An ordinal suffix glued to a number ("23rd").
fn ord_suffix(i: Toks<'_>) -> R<'_, ()> {
    let (rest, t) =
        tok(|t| !t.spaced() && matches!(t.lex, Lex::Kw(Kw::St | Kw::Nd | Kw::Rd | Kw::Th)))(i)?;
    let _ = t;
    Ok((rest, ()))
}

/// A day of the month as digits, optionally with an ordinal suffix.
fn day_num(i: Toks<'_>) -> R<'_, u8> {
    let (rest, d) = int(2)(i)?;
    if !(1..=31).contains(&d) {
        return err();
    }
    let (rest, _) = opt(ord_suffix).parse(rest)?;
    // "7:30", "7-Eleven", "5%" are not days.
    if let Some(n) = rest.first() {
        let glued_next = rest.at(1).is_some_and(|t| !t.spaced());
        if !n.spaced()
            && ((n.is(':') && glued_next && rest.at(1).is_some_and(|t| t.lex == Lex::Num))
                || n.is('%')
                || (n.is('-') && rest.at(1).is_some_and(|t| t.lex == Lex::Other)))
        {
            return err();
        }
    }
    Ok((rest, d as u8))
}

/// An ordinal day as a word ("eighth", "twenty-first", "thirtieth").
fn day_ord_word(i: Toks<'_>) -> R<'_, u8> {
    let compound = |i| {
        let (rest, tens) = tok(|t| matches!(t.lex, Lex::Card(20 | 30)))(i)?;
        let (rest, _) = opt(hyphen).parse(rest)?;
        let (rest, unit) = tok(|t| matches!(t.lex, Lex::Ord(1..=9)))(rest)?;
        let (Lex::Card(a), Lex::Ord(b)) = (tens.lex, unit.lex) else {
            return err();
        };
        Ok((rest, (a + b) as u8))
    };
    let simple = |i| {
        let (rest, t) = tok(|t| matches!(t.lex, Lex::Ord(1..=31)))(i)?;
        let Lex::Ord(n) = t.lex else { return err() };
        Ok((rest, n as u8))
    };
    let (rest, d) = alt((compound, simple)).parse(i)?;
    if !(1..=31).contains(&d) {
        return err();
    }
    Ok((rest, d))
}

/// An ordinal as digits with suffix or as a word.
fn ordinal(i: Toks<'_>) -> R<'_, u32> {
    let digits = |i| {
        let (rest, n) = int(3)(i)?;
        let (rest, _) = ord_suffix(rest)?;
        Ok((rest, n))
    };
    let word = |i| {
        let (rest, t) = tok(|t| matches!(t.lex, Lex::Ord(_)))(i)?;
        let Lex::Ord(n) = t.lex else { return err() };
        Ok((rest, u32::from(n)))
    };
    alt((digits, word)).parse(i)
}

/// A four-digit year as written in a date ("April 23, 2025").
fn year4(i: Toks<'_>) -> R<'_, i32> {
    let (rest, t) = tok(|t| t.lex == Lex::Num && t.len == 4)(i)?;
    let y = t.int().ok_or(nom::Err::Error(()))?;
    if !(1000..=2999).contains(&y) {
        return err();
    }
    // Not the start of a larger number, a time or a decade ("1990s"); "2025-30" still reads
    // as 2025.
    if let Some(n) = rest.first() {
        if !n.spaced() && (n.is(':') || n.is('%') || n.lex == Lex::Num || n.lex == Lex::Kw(Kw::S)) {
            return err();
        }
    }
    Ok((rest, y as i32))
}

/// A spoken year: "nineteen ninety-six", "nineteen eighty".
fn spoken_year(i: Toks<'_>) -> R<'_, i32> {
    let (rest, c) = tok(|t| matches!(t.lex, Lex::Card(11..=19)))(i)?;
    let (rest, tens) = tok(|t| matches!(t.lex, Lex::Card(10..=99)))(rest)?;
    let (Lex::Card(century), Lex::Card(t)) = (c.lex, tens.lex) else {
        return err();
    };
    let ones = |i| {
        let (rest, _) = opt(hyphen).parse(i)?;
        let (rest, u) = tok(|t| matches!(t.lex, Lex::Card(1..=9)))(rest)?;
        let Lex::Card(u) = u.lex else { return err() };
        Ok((rest, u))
    };
    let (rest, u) = if t >= 20 && t % 10 == 0 {
        opt(ones).parse(rest)?
    } else {
        (rest, None)
    };
    Ok((
        rest,
        i32::from(century) * 100 + i32::from(t) + i32::from(u.unwrap_or(0)),
    ))
}

/// A cardinal number written in words: "four", "twenty four", "twenty-four", "a hundred",
/// "two thousand", "one and a half".
fn card_words(i: Toks<'_>) -> R<'_, f64> {
    let base = |i| {
        let (rest, t) = tok(|t| matches!(t.lex, Lex::Card(_)))(i)?;
        let Lex::Card(n) = t.lex else { return err() };
        let mut n = f64::from(n);
        let mut rest = rest;
        if n >= 20.0 && n % 10.0 == 0.0 {
            let ones = |i| {
                let (rest, _) = opt(hyphen).parse(i)?;
                tok(|t| matches!(t.lex, Lex::Card(1..=9)))(rest)
            };
            if let Ok((r, u)) = ones(rest) {
                if let Lex::Card(u) = u.lex {
                    n += f64::from(u);
                    rest = r;
                }
            }
        }
        Ok((rest, n))
    };
    let a_one = |i| value(1.0, kw(Kw::A)).parse(i);
    let (rest, n) = alt((base, a_one)).parse(i)?;
    // "a hundred", "two thousand"
    let (rest, n) = match kw_in(&[Kw::Hundred, Kw::Thousand]).parse(rest) {
        Ok((r, Kw::Hundred)) => (r, n * 100.0),
        Ok((r, _)) => (r, n * 1000.0),
        Err(_) => (rest, n),
    };
    // "one and a half"
    let half = |i| {
        let (rest, _) = kw(Kw::And).parse(i)?;
        let (rest, _) = kw(Kw::A).parse(rest)?;
        kw(Kw::Half).parse(rest)
    };
    match half(rest) {
        Ok((r, _)) => Ok((r, n + 0.5)),
        Err(_) => Ok((rest, n)),
    }
}

/// Words that modify a quantity of time and belong to the expression ("nearly two years").
fn approx(i: Toks<'_>) -> R<'_, ()> {
    let more_than = |i| {
        let (rest, _) = kw_in(&[Kw::More, Kw::Less]).parse(i)?;
        kw(Kw::Than).parse(rest)
    };
    let at_least = |i| {
        let (rest, _) = kw(Kw::At).parse(i)?;
        kw(Kw::Least).parse(rest)
    };
    let up_to = |i| {
        let (rest, _) = kw(Kw::Up).parse(i)?;
        kw(Kw::To).parse(rest)
    };
    let no_more_than = |i| {
        let (rest, _) = kw(Kw::No).parse(i)?;
        more_than(rest)
    };
    let single = |i| {
        kw_in(&[Kw::Nearly, Kw::Almost])
            .parse(i)
            .map(|(r, _)| (r, ()))
    };
    let (rest, _) = alt((
        |i| more_than(i).map(|(r, _)| (r, ())),
        |i| at_least(i).map(|(r, _)| (r, ())),
        |i| up_to(i).map(|(r, _)| (r, ())),
        |i| no_more_than(i).map(|(r, _)| (r, ())),
        single,
    ))
    .parse(i)?;
    Ok((rest, ()))
}

/// A quantity of units: digits (with "1/2"), number words, or a vague word.
fn qty(i: Toks<'_>) -> R<'_, Qty> {
    fn digits(i: Toks<'_>) -> R<'_, f64> {
        let (rest, t) = tok(|t| t.lex == Lex::Num && t.len <= 6)(i)?;
        let n = f64::from(t.num);
        if t.flags & super::token::DECIMAL != 0 {
            // Decimal amounts ("2.5 years") are rare in news; left alone rather than misread.
            return err();
        }
        // "5 1/2"
        let frac = |i| {
            let (rest, a) = int(1)(i)?;
            let (rest, _) = glued('/')(rest)?;
            let (rest, b) = int(1)(rest)?;
            if a == 0 || b == 0 || a >= b {
                return err();
            }
            Ok((rest, f64::from(a) / f64::from(b)))
        };
        match frac(rest) {
            Ok((r, f)) => Ok((r, n + f)),
            Err(_) => Ok((rest, n)),
        }
    }
    let words = |i| card_words(i).map(|(r, n)| (r, Qty::N(n)));
    let couple = |i| {
        let (rest, _) = opt(kw(Kw::A)).parse(i)?;
        let (rest, _) = kw(Kw::Couple).parse(rest)?;
        let (rest, _) = opt(kw(Kw::Of)).parse(rest)?;
        Ok((rest, Qty::N(2.0)))
    };
    let dozen = |i| {
        let (rest, _) = kw(Kw::A).parse(i)?;
        let (rest, _) = kw(Kw::Dozen).parse(rest)?;
        Ok((rest, Qty::N(12.0)))
    };
    let few = |i| {
        let (rest, _) = opt(kw(Kw::A)).parse(i)?;
        let (rest, _) = kw(Kw::Few).parse(rest)?;
        Ok((rest, Qty::Vague))
    };
    let vague = |i| {
        let (rest, _) = kw_in(&[Kw::Several, Kw::Many, Kw::Some]).parse(i)?;
        Ok((rest, Qty::Vague))
    };
    let dozens = |i| {
        let (rest, _) = kw_in(&[Kw::Dozens, Kw::Hundreds, Kw::Thousands]).parse(i)?;
        let (rest, _) = kw(Kw::Of).parse(rest)?;
        Ok((rest, Qty::Vague))
    };
    alt((
        |i| digits(i).map(|(r, n)| (r, Qty::N(n))),
        couple,
        dozen,
        few,
        vague,
        dozens,
        words,
    ))
    .parse(i)
}

/// Words allowed between a number and its unit ("20 more years", "eight trading days").
fn unit_filler(i: Toks<'_>) -> R<'_, ()> {
    let (rest, _) = kw_in(&[
        Kw::More,
        Kw::Additional,
        Kw::Full,
        Kw::Straight,
        Kw::Consecutive,
        Kw::Trading,
        Kw::Business,
        Kw::Other,
    ])
    .parse(i)?;
    Ok((rest, ()))
}

/// Grammar state for one match: the text (for the odd spelling check) and the tokens just
/// before the match start, for the few decisions that look back.
pub(crate) struct Grammar<'t, 'b> {
    text: &'t str,
    prev: Option<&'b Tok>,
    prev2: Option<&'b Tok>,
}

/// Keywords that can start an expression.
const TRIGGER_KWS: &[Kw] = &[
    Kw::The,
    Kw::A,
    Kw::This,
    Kw::That,
    Kw::These,
    Kw::Last,
    Kw::Next,
    Kw::Past,
    Kw::Previous,
    Kw::Coming,
    Kw::Current,
    Kw::Recent,
    Kw::Earlier,
    Kw::Later,
    Kw::Early,
    Kw::Mid,
    Kw::Late,
    Kw::End,
    Kw::More,
    Kw::Less,
    Kw::Nearly,
    Kw::Almost,
    Kw::At,
    Kw::Up,
    Kw::No,
    Kw::Around,
    Kw::Several,
    Kw::Half,
    Kw::Few,
    Kw::Couple,
    Kw::Some,
    Kw::Many,
    Kw::Dozens,
    Kw::Every,
    Kw::Each,
    Kw::Per,
    Kw::Now,
    Kw::Currently,
    Kw::Today,
    Kw::Tonight,
    Kw::Yesterday,
    Kw::Tomorrow,
    Kw::Recently,
    Kw::Soon,
    Kw::Nowadays,
    Kw::Lately,
    Kw::Presently,
    Kw::Right,
    Kw::Daily,
    Kw::Annually,
    Kw::Weekly,
    Kw::Monthly,
    Kw::Hourly,
    Kw::Nightly,
    Kw::Biweekly,
    Kw::Fiscal,
    Kw::Noon,
    Kw::Midnight,
    Kw::Midday,
    Kw::Twice,
    Kw::Once,
    Kw::As,
    Kw::Q,
    Kw::H,
    Kw::Fy,
];

/// [`TRIGGER_KWS`] as a table indexed by keyword.
const TRIGGERS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < TRIGGER_KWS.len() {
        t[TRIGGER_KWS[i] as usize] = true;
        i += 1;
    }
    t
};

/// A cheap look at the second token for the frequent function words that start expressions
/// ("the", "a", "at"...), so the full grammar runs only when it can succeed.
fn second_ok(first: Lex, second: Option<&Tok>) -> bool {
    if let Lex::Unit(_) = first {
        return second.is_some_and(|t| t.is('-') && !t.spaced());
    }
    let Lex::Kw(k) = first else { return true };
    let next = second.map_or(Lex::Other, |t| t.lex);
    let quantity = matches!(
        next,
        Lex::Num
            | Lex::Card(_)
            | Lex::Kw(
                Kw::A
                    | Kw::Few
                    | Kw::Several
                    | Kw::Couple
                    | Kw::Half
                    | Kw::Dozen
                    | Kw::Many
                    | Kw::Some
            )
    );
    match k {
        Kw::The => match next {
            Lex::Other
            | Lex::Punct(_)
            | Lex::Month(_)
            | Lex::MonAbbr(_)
            | Lex::Weekday(_)
            | Lex::WdAbbr(_)
            | Lex::Part(_)
            | Lex::Holiday(_) => next == Lex::Punct('\''),
            Lex::Kw(w) => !matches!(
                w,
                Kw::Of
                    | Kw::In
                    | Kw::On
                    | Kw::At
                    | Kw::By
                    | Kw::To
                    | Kw::And
                    | Kw::Or
                    | Kw::For
                    | Kw::From
                    | Kw::The
                    | Kw::A
                    | Kw::That
                    | Kw::This
            ),
            _ => true,
        },
        Kw::A => matches!(
            next,
            Lex::Unit(_)
                | Lex::Ord(2)
                | Lex::Kw(
                    Kw::Few
                        | Kw::Couple
                        | Kw::Half
                        | Kw::Dozen
                        | Kw::Full
                        | Kw::Additional
                        | Kw::Straight
                        | Kw::Consecutive
                        | Kw::Trading
                        | Kw::Business
                        | Kw::Hundred
                        | Kw::Thousand
                        | Kw::Other
                        | Kw::Later
                )
        ),
        Kw::At => matches!(next, Lex::Kw(Kw::Least)),
        Kw::Up => matches!(next, Lex::Kw(Kw::To)),
        Kw::No | Kw::Less => matches!(next, Lex::Kw(Kw::More | Kw::Than)),
        Kw::More => matches!(next, Lex::Kw(Kw::Than | Kw::Recently)),
        Kw::Nearly | Kw::Almost => quantity,
        Kw::Around => matches!(
            next,
            Lex::Num
                | Lex::Month(_)
                | Lex::MonAbbr(_)
                | Lex::Kw(Kw::Noon | Kw::Midnight | Kw::Midday)
        ),
        Kw::Right => matches!(next, Lex::Kw(Kw::Now)),
        Kw::Half => matches!(next, Lex::Kw(Kw::A)),
        Kw::As => matches!(next, Lex::Kw(Kw::Soon)),
        Kw::End => matches!(next, Lex::Kw(Kw::Of)),
        Kw::Per => matches!(next, Lex::Unit(_)),
        Kw::These => matches!(next, Lex::Units(_)),
        Kw::Some | Kw::Several | Kw::Many | Kw::Few | Kw::Couple | Kw::Dozens => {
            matches!(
                next,
                Lex::Unit(_)
                    | Lex::Units(_)
                    | Lex::Punct('-')
                    | Lex::Kw(Kw::Of | Kw::More | Kw::Additional | Kw::Trading | Kw::Business)
            )
        }
        Kw::That => matches!(next, Lex::Unit(_) | Lex::Part(_) | Lex::Kw(Kw::Same)),
        _ => true,
    }
}

/// True when an expression can start at a token of this class.
pub(crate) fn is_trigger(lex: Lex) -> bool {
    match lex {
        Lex::Other => false,
        Lex::Punct(c) => c == '\'',
        Lex::Kw(k) => TRIGGERS.get(k as usize).copied().unwrap_or(false),
        Lex::Unit(_) => true,
        Lex::Part(_) => false,
        _ => true,
    }
}

impl<'t, 'b> Grammar<'t, 'b> {
    /// A grammar for a match whose previous tokens are `before` (nearest last).
    pub(crate) fn new(text: &'t str, before: &'b [Tok]) -> Self {
        let n = before.len();
        Grammar {
            text,
            prev: n.checked_sub(1).and_then(|k| before.get(k)),
            prev2: n.checked_sub(2).and_then(|k| before.get(k)),
        }
    }

    /// True when the token is the word `w` (any case); for the rare words not in the lexicon.
    fn word_is(&self, t: &Tok, w: &str) -> bool {
        t.text(self.text).eq_ignore_ascii_case(w)
    }

    /// True when the token before the match is one of the keywords.
    fn prev_kw(&self, ks: &[Kw]) -> bool {
        matches!(self.prev.map(|t| t.lex), Some(Lex::Kw(k)) if ks.contains(&k))
    }

    /// Parses the longest expression starting at the first token of `i`.
    pub(crate) fn parse(&self, i: Toks<'_>) -> Option<Found> {
        let first = i.first()?;
        if !second_ok(first.lex, i.at(1)) {
            return None;
        }
        let total = i.len();
        let one =
            |r: Option<(Toks<'_>, Expr)>| r.map(|(rest, e)| Found::one(total - rest.len(), e));
        match first.lex {
            Lex::Month(_) | Lex::MonAbbr(_) => self.month_led(i),
            Lex::Weekday(_) | Lex::WdAbbr(_) => self.weekday_led(i),
            Lex::Num => self.num_led(i),
            Lex::Kw(Kw::The) => one(self.longest(i, &[&|i| self.the_led(i)])),
            Lex::Kw(Kw::Q | Kw::H | Kw::Fy | Kw::Fiscal) => {
                one(self.longest(i, &[&|i| self.fiscal(i), &|i| self.q_code(i)]))
            }
            Lex::Punct('\'') => one(self.longest(i, &[&|i| self.decade(i)])),
            Lex::Holiday(_) => one(self.longest(i, &[&|i| self.holiday(i, Dir::Tense)])),
            Lex::Season(_) => one(self.longest(i, &[&|i| self.season_year(i)])),
            Lex::Decade(_) => None,
            Lex::Unit(_) => {
                one(self.longest(i, &[&|i| self.year_compound(i), &|i| self.unit_long(i)]))
            }
            Lex::Units(_) => one(self.longest(i, &[&|i| self.bare_plural(i)])),
            Lex::Card(_) | Lex::Ord(_) => one(self.longest(
                i,
                &[
                    &|i| self.duration_phrase(i),
                    &|i| self.ord_period(i),
                    &|i| self.spoken_year_expr(i),
                    &|i| self.century(i),
                ],
            )),
            Lex::Kw(_) => one(self.kw_led(i)),
            _ => None,
        }
    }

    /// Runs every candidate production and keeps the one that consumed most.
    fn longest<'a>(
        &self,
        i: Toks<'a>,
        cands: &[&dyn Fn(Toks<'a>) -> R<'a, Expr>],
    ) -> Option<(Toks<'a>, Expr)> {
        let mut best: Option<(Toks<'a>, Expr)> = None;
        for c in cands {
            if let Ok((rest, e)) = c(i) {
                if best.as_ref().is_none_or(|(r, _)| rest.len() < r.len()) {
                    best = Some((rest, e));
                }
            }
        }
        best
    }

    // ----- months and dates -------------------------------------------------------------

    /// A month name or abbreviation ("Aug." / "Aug 7"); lower-case "may" and "march" are the
    /// modal and the verb, never months.
    fn month<'a>(&self, i: Toks<'a>) -> R<'a, u8> {
        let (rest, t) = tok(|t| matches!(t.lex, Lex::Month(_) | Lex::MonAbbr(_)))(i)?;
        match t.lex {
            Lex::Month(m) => {
                if matches!(m, 3 | 5) && !t.cap() {
                    return err();
                }
                // "Aug." abbreviations written out in full keep their dot out of the span.
                Ok((rest, m))
            }
            Lex::MonAbbr(m) => {
                if !t.cap() {
                    return err();
                }
                if let Ok((r, _)) = glued('.')(rest) {
                    return Ok((r, m));
                }
                // Without a dot an abbreviation needs a day number after it ("Aug 7").
                if rest.first().is_some_and(|n| n.lex == Lex::Num) {
                    return Ok((rest, m));
                }
                err()
            }
            _ => err(),
        }
    }

    /// "May" and "March" alone are months only after a word that announces a date.
    fn bare_month_ok(&self, m: u8, rest: Toks<'_>) -> bool {
        if !matches!(m, 3 | 5) {
            return true;
        }
        let after_ok = rest.first().is_none_or(|n| matches!(n.lex, Lex::Punct(_)));
        match self.prev.map(|t| t.lex) {
            Some(Lex::Kw(
                Kw::In
                | Kw::Since
                | Kw::Until
                | Kw::By
                | Kw::From
                | Kw::Through
                | Kw::During
                | Kw::Before
                | Kw::After
                | Kw::Last
                | Kw::Next
                | Kw::This
                | Kw::Early
                | Kw::Mid
                | Kw::Late
                | Kw::Of
                | Kw::Between
                | Kw::To
                | Kw::The,
            )) => true,
            Some(Lex::Punct('-')) => true,
            Some(Lex::Kw(Kw::And | Kw::Or)) => self
                .prev2
                .is_some_and(|t| matches!(t.lex, Lex::Month(_) | Lex::Num)),
            _ => {
                after_ok
                    && self
                        .prev
                        .is_some_and(|t| matches!(t.lex, Lex::Kw(Kw::In | Kw::Of)))
            }
        }
    }

    /// "of this year", "this year", "last year" after a month: the year relative to the
    /// reference.
    fn rel_year_suffix<'a>(&self, i: Toks<'a>) -> R<'a, YearRef> {
        let (rest, _) = opt(kw(Kw::Of)).parse(i)?;
        let (rest, k) = kw_in(&[Kw::This, Kw::Last, Kw::Next, Kw::That]).parse(rest)?;
        let (rest, _) = tok(|t| t.lex == Lex::Unit(Unit::Year))(rest)?;
        let y = match k {
            Kw::This => YearRef::Rel(0),
            Kw::Last => YearRef::Rel(-1),
            Kw::Next => YearRef::Rel(1),
            _ => YearRef::Anchor(0),
        };
        Ok((rest, y))
    }

    /// A year after a month or day: ", 2025", "of 2025", "nineteen ninety-seven".
    fn year_after<'a>(&self, i: Toks<'a>) -> R<'a, YearRef> {
        let written = |i| {
            let (rest, _) = opt(alt((punct(','), kw(Kw::Of)))).parse(i)?;
            let (rest, y) = alt((year4, spoken_year)).parse(rest)?;
            Ok((rest, YearRef::Abs(y)))
        };
        alt((written, |i| self.rel_year_suffix(i))).parse(i)
    }

    /// Dates that start with a month: "April 23, 2025", "Aug. 7", "April 2022", "March of
    /// this year", "April 24 and 25", bare "April".
    fn month_led(&self, i: Toks<'_>) -> Option<Found> {
        let total = i.len();
        let (rest, m) = self.month(i).ok()?;
        let pos = |r: Toks<'_>| total - r.len();
        // Month + day (+ year), with a list of further days.
        let day = |r| {
            alt((day_num, |r| {
                let (r, _) = opt(kw(Kw::The)).parse(r)?;
                day_ord_word(r)
            }))
            .parse(r)
        };
        if let Ok((after_day, d)) = day(rest) {
            // "May 5" could be "May 5 percent"; a unit or % after the number makes it an amount.
            let amount = after_day
                .first()
                .is_some_and(|n| matches!(n.lex, Lex::Unit(_) | Lex::Units(_) | Lex::Punct('%')));
            if !amount {
                let mut items = [None; MAX_ITEMS];
                let mut n = 0;
                let (mut r, year) = match self.year_after(after_day) {
                    Ok((r, y)) => (r, y),
                    Err(_) => (after_day, YearRef::Infer),
                };
                let first_end = pos(r) - 1;
                items[0] = Some(Item {
                    first: 0,
                    last: first_end,
                    expr: Expr::Day(DaySpec::Cal(year, m, d)),
                    weekday: None,
                });
                n += 1;
                // "April 24 and 25", "March 3 to 5", "Feb. 1-2"
                while n < MAX_ITEMS {
                    let sep = |x| {
                        alt((
                            kw_in(&[Kw::And, Kw::Or, Kw::To, Kw::Through, Kw::Until]).map(|_| ()),
                            punct('-').map(|_| ()),
                            punct(',').map(|_| ()),
                            punct('&').map(|_| ()),
                        ))
                        .parse(x)
                    };
                    let Ok((r2, _)) = sep(r) else { break };
                    let Ok((r3, d2)) = day_num(r2) else { break };
                    if r3.first().is_some_and(|t| {
                        matches!(
                            t.lex,
                            Lex::Month(_)
                                | Lex::MonAbbr(_)
                                | Lex::Unit(_)
                                | Lex::Units(_)
                                | Lex::Punct('%')
                        )
                    }) {
                        break;
                    }
                    let (r4, y2) = match self.year_after(r3) {
                        Ok((r4, y)) => (r4, y),
                        Err(_) => (r3, year),
                    };
                    let start = pos(r2);
                    items[n] = Some(Item {
                        first: start,
                        last: pos(r4) - 1,
                        expr: Expr::Day(DaySpec::Cal(y2, m, d2)),
                        weekday: None,
                    });
                    // A year written after the last day applies to all ("April 24 and 25, 1999").
                    if year == YearRef::Infer && y2 != YearRef::Infer {
                        for it in items.iter_mut().take(n).flatten() {
                            if let Expr::Day(DaySpec::Cal(_, mm, dd)) = it.expr {
                                it.expr = Expr::Day(DaySpec::Cal(y2, mm, dd));
                            }
                        }
                    }
                    n += 1;
                    r = r4;
                }
                return Some(Found { len: pos(r), items });
            }
        }
        // Month + year.
        if let Ok((r, y)) = self.year_after(rest) {
            return Some(Found::one(pos(r), Expr::Month(y, m)));
        }
        // "March 2025" with a two-digit apostrophe year is rare enough to leave.
        if !self.bare_month_ok(m, rest) {
            return None;
        }
        // A bare month must not be a name part ("April Smith"): followed by a capitalised
        // word that is not a time word, it is left alone unless a preposition announced it.
        if let Some(n) = rest.first() {
            if n.cap()
                && n.lex == Lex::Other
                && !self.prev_kw(&[
                    Kw::In,
                    Kw::Since,
                    Kw::Until,
                    Kw::By,
                    Kw::Of,
                    Kw::Last,
                    Kw::Next,
                    Kw::This,
                    Kw::Early,
                    Kw::Late,
                    Kw::Mid,
                ])
            {
                return None;
            }
        }
        Some(Found::one(pos(rest), Expr::Month(YearRef::Infer, m)))
    }

    /// Dates and periods that start with a weekday.
    fn weekday_led(&self, i: Toks<'_>) -> Option<Found> {
        let total = i.len();
        let first = *i.first()?;
        let (rest, wd) = match first.lex {
            Lex::Weekday(d) => (Toks(i.0.get(1..)?), d),
            Lex::WdAbbr(d) if first.cap() => {
                let (r, _) = glued('.')(Toks(i.0.get(1..)?)).ok()?;
                (r, d)
            }
            _ => return None,
        };
        let pos = |r: Toks<'_>| total - r.len();
        // "Monday, March 4, 2025" / "Monday 4 March": one date, the weekday reported apart.
        let (after_comma, _) = opt(punct(',')).parse(rest).ok()?;
        if after_comma
            .first()
            .is_some_and(|t| matches!(t.lex, Lex::Month(_) | Lex::MonAbbr(_) | Lex::Num))
        {
            let inner = Grammar {
                text: self.text,
                prev: None,
                prev2: None,
            };
            let found = match after_comma.first().map(|t| t.lex) {
                Some(Lex::Num) => inner.day_first(after_comma),
                _ => inner.month_led(after_comma),
            };
            if let Some(f) = found {
                if let Some(Some(it)) = f.items.first() {
                    if let Expr::Day(DaySpec::Cal(..)) = it.expr {
                        let offset = pos(after_comma);
                        let mut items = [None; MAX_ITEMS];
                        items[0] = Some(Item {
                            first: 0,
                            last: offset + it.last,
                            expr: it.expr,
                            weekday: Some((wd, 0)),
                        });
                        for (k, other) in f.items.iter().enumerate().skip(1) {
                            if let Some(o) = other {
                                items[k] = Some(Item {
                                    first: offset + o.first,
                                    last: offset + o.last,
                                    ..*o
                                });
                            }
                        }
                        return Some(Found {
                            len: offset + f.len,
                            items,
                        });
                    }
                }
            }
        }
        if first.lex != Lex::Weekday(wd) {
            return None;
        }
        // Newspaper names: "the Sunday Times", "the Sunday Telegraph".
        if rest.first().is_some_and(|t| {
            t.cap()
                && matches!(t.lex, Lex::Other | Lex::Kw(_))
                && [
                    "times",
                    "telegraph",
                    "express",
                    "mirror",
                    "herald",
                    "post",
                    "mail",
                    "tribune",
                    "independent",
                ]
                .iter()
                .any(|w| self.word_is(t, w))
        }) {
            return None;
        }
        // "Friday night", "Thursday morning"
        if let Ok((r, t)) = tok(|t| matches!(t.lex, Lex::Part(_)))(rest) {
            if let Lex::Part(p) = t.lex {
                return Some(Found::one(
                    pos(r),
                    Expr::DayPart(DaySpec::Weekday(wd, Dir::Tense), p),
                ));
            }
        }
        Some(Found::one(
            pos(rest),
            Expr::Day(DaySpec::Weekday(wd, Dir::Tense)),
        ))
    }

    /// Dates that start with the day: "23 April 2025", "22 and 23 June", "23rd of April".
    fn day_first(&self, i: Toks<'_>) -> Option<Found> {
        let total = i.len();
        let pos = |r: Toks<'_>| total - r.len();
        let mut days: [(usize, usize, u8); MAX_ITEMS] = [(0, 0, 0); MAX_ITEMS];
        let mut n = 0;
        let mut r = i;
        loop {
            let (r1, d) = day_num(r).ok()?;
            let start = pos(r);
            days[n] = (start, pos(r1) - 1, d);
            n += 1;
            if n >= MAX_ITEMS {
                r = r1;
                break;
            }
            let sep = |x| {
                alt((
                    kw_in(&[Kw::And, Kw::Or, Kw::To]).map(|_| ()),
                    punct('-').map(|_| ()),
                    punct(',').map(|_| ()),
                    punct('&').map(|_| ()),
                ))
                .parse(x)
            };
            match sep(r1) {
                Ok((r2, _)) if r2.first().is_some_and(|t| t.lex == Lex::Num) => r = r2,
                _ => {
                    r = r1;
                    break;
                }
            }
        }
        let (r, _) = opt(kw(Kw::Of)).parse(r).ok()?;
        let (r, m) = self.month(r).ok()?;
        let (r, year) = match self.year_after(r) {
            Ok((r, y)) => (r, y),
            Err(_) => (r, YearRef::Infer),
        };
        let mut items = [None; MAX_ITEMS];
        for (k, (s, e, d)) in days.iter().take(n).enumerate() {
            let last = if k + 1 == n { pos(r) - 1 } else { *e };
            items[k] = Some(Item {
                first: *s,
                last,
                expr: Expr::Day(DaySpec::Cal(year, m, *d)),
                weekday: None,
            });
        }
        Some(Found { len: pos(r), items })
    }

    /// Expressions that start with digits.
    fn num_led(&self, i: Toks<'_>) -> Option<Found> {
        let total = i.len();
        if let Some(f) = self.day_first(i) {
            return Some(f);
        }
        let best = self.longest(
            i,
            &[
                &|i| self.iso_date(i),
                &|i| self.numeric_date(i),
                &|i| self.clock(i),
                &|i| self.duration_phrase(i),
                &|i| self.decade(i),
                &|i| self.century(i),
                &|i| self.free_year(i),
            ],
        )?;
        Some(Found::one(total - best.0.len(), best.1))
    }

    /// ISO forms: "2013-03-22", "2023-Q1", "2023-H2", "2013-W11".
    fn iso_date<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (rest, y) = year4(i).or_else(|_| {
            // year4 refuses a glued "-"? No: it refuses glued digits only.
            err()
        })?;
        let (rest, _) = glued('-')(rest)?;
        let full = |r| {
            let (r, m) = tok(|t| t.lex == Lex::Num && t.len == 2 && !t.spaced())(r)?;
            let (r, _) = glued('-')(r)?;
            let (r, d) = tok(|t| t.lex == Lex::Num && t.len == 2 && !t.spaced())(r)?;
            let (m, d) = (m.num, d.num);
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return err();
            }
            Ok((
                r,
                Expr::Day(DaySpec::Cal(YearRef::Abs(y), m as u8, d as u8)),
            ))
        };
        let month = |r| {
            let (r, m) = tok(|t| t.lex == Lex::Num && t.len == 2 && !t.spaced())(r)?;
            if !(1..=12).contains(&m.num)
                || r.first()
                    .is_some_and(|t| !t.spaced() && (t.lex == Lex::Num || t.is('-')))
            {
                return err();
            }
            Ok((r, Expr::Month(YearRef::Abs(y), m.num as u8)))
        };
        let coded = |r| {
            let (r, k) =
                tok(|t| !t.spaced() && matches!(t.lex, Lex::Kw(Kw::Q | Kw::H | Kw::Week)))(r)?;
            let (r, n) = tok(|t| t.lex == Lex::Num && !t.spaced() && t.len <= 2)(r)?;
            match (k.lex, n.num) {
                (Lex::Kw(Kw::Q), 1..=4) => Ok((r, Expr::Quarter(YearRef::Abs(y), n.num as u8))),
                (Lex::Kw(Kw::H), 1..=2) => Ok((r, Expr::Half(YearRef::Abs(y), n.num as u8))),
                (Lex::Kw(Kw::Week), 1..=53) => Ok((r, Expr::WeekIso(y, n.num))),
                _ => err(),
            }
        };
        alt((full, coded, month)).parse(rest)
    }

    /// Numeric dates with slashes or dots. Locale rule: day first ("23/04/2025" is 23 April)
    /// unless the first number cannot be a day-of-month pair that way (a middle part above
    /// 12 makes it month first: "04/23/2025"). Only with a four-digit year.
    fn numeric_date<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, a) = int(2)(i)?;
        let (r, sep) = tok(|t| !t.spaced() && matches!(t.lex, Lex::Punct('/' | '.' | '-')))(r)?;
        let Lex::Punct(c) = sep.lex else { return err() };
        let (r, b) = tok(|t| t.lex == Lex::Num && t.len <= 2 && !t.spaced())(r)?;
        let (r, _) = glued(c)(r)?;
        let (r, y) = tok(|t| t.lex == Lex::Num && t.len == 4 && !t.spaced())(r)?;
        let b = b.num;
        let (d, m) = if b > 12 { (b, a) } else { (a, b) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2999).contains(&y.num) {
            return err();
        }
        Ok((
            r,
            Expr::Day(DaySpec::Cal(YearRef::Abs(y.num as i32), m as u8, d as u8)),
        ))
    }

    /// "a.m." / "p.m." / "am" / "pm": true for p.m.
    fn ampm<'a>(&self, i: Toks<'a>) -> R<'a, bool> {
        let dotted = |i| {
            let (r, t) = tok(|t| t.len == 1 && matches!(t.lex, Lex::Kw(Kw::A) | Lex::Other))(i)?;
            let pm = if self.word_is(&t, "p") {
                true
            } else if self.word_is(&t, "a") {
                false
            } else {
                return err();
            };
            let (r, _) = glued('.')(r)?;
            let (r, m) = tok(|t| t.len == 1 && !t.spaced() && t.lex == Lex::Other)(r)?;
            if !self.word_is(&m, "m") {
                return err();
            }
            let (r, _) = opt(glued('.')).parse(r)?;
            Ok((r, pm))
        };
        let word = |i| {
            let (r, t) = kw_in(&[Kw::Am, Kw::Pm]).parse(i)?;
            Ok((r, t == Kw::Pm))
        };
        alt((dotted, word)).parse(i)
    }

    /// A clock time, optionally with its day: "10:35 a.m.", "9 a.m. Tuesday", "noon
    /// Thursday", "5 p.m. EST, Nov. 6", "4 in the morning".
    fn clock<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let hm = |i| {
            let (r, h) = int(2)(i)?;
            let (r, _) = glued(':')(r)?;
            let (r, m) = tok(|t| t.lex == Lex::Num && t.len == 2 && !t.spaced())(r)?;
            if h > 24 || m.num > 59 {
                return err();
            }
            let (r, pm) = opt(|x| self.ampm(x)).parse(r)?;
            Ok((r, (h, m.num, pm, pm.is_some())))
        };
        let h_ampm = |i| {
            let (r, h) = int(2)(i)?;
            if !(1..=12).contains(&h) {
                return err();
            }
            let (r, pm) = self.ampm(r)?;
            Ok((r, (h, 0, Some(pm), true)))
        };
        let oclock = |i| {
            let (r, h) = int(2)(i)?;
            let (r, o) = tok(|t| t.len == 1 && t.lex == Lex::Other)(r)?;
            if !self.word_is(&o, "o") || !(1..=12).contains(&h) {
                return err();
            }
            let (r, _) = glued('\'')(r)?;
            let (r, _) = tok(|t| !t.spaced() && t.lex == Lex::Kw(Kw::Clock))(r)?;
            Ok((r, (h, 0, None, true)))
        };
        let in_the = |i| {
            let (r, h) = int(2)(i)?;
            let (r, _) = kw(Kw::In).parse(r)?;
            let (r, _) = kw(Kw::The).parse(r)?;
            let (r, p) = tok(|t| matches!(t.lex, Lex::Part(_)))(r)?;
            let pm = !matches!(p.lex, Lex::Part(DayPart::Morning));
            if !(1..=12).contains(&h) {
                return err();
            }
            Ok((r, (h, 0, Some(pm), true)))
        };
        let military = |i| {
            let (r, t) = tok(|t| t.lex == Lex::Num && t.len == 4 && t.int().is_some())(i)?;
            let (h, m) = (t.num / 100, t.num % 100);
            if h > 23 || m > 59 || !r.first().is_some_and(|z| z.lex == Lex::Kw(Kw::Zone)) {
                return err();
            }
            Ok((r, (h, m, None, false)))
        };
        let (r, (h, m, pm, explicit)) = alt((hm, h_ampm, oclock, in_the, military)).parse(i)?;
        // "10:35" alone is too often a score or a ratio; keep it only with a.m./p.m., a zone
        // or a day.
        let h = match pm {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            _ => h,
        };
        let (r, zone) = opt(kw(Kw::Zone)).parse(r)?;
        let (r2, day) = match self.day_after_clock(r) {
            Ok((r2, d)) => (r2, Some(d)),
            Err(_) => (r, None),
        };
        if !explicit && zone.is_none() && day.is_none() {
            return err();
        }
        Ok((
            r2,
            Expr::Clock(day.unwrap_or(DaySpec::Unknown), h as u8, m as u8),
        ))
    }

    /// The day written right after a clock time ("Tuesday", ", Nov. 6", "today").
    fn day_after_clock<'a>(&self, i: Toks<'a>) -> R<'a, DaySpec> {
        let (r, _) = opt(alt((punct(','), kw(Kw::On)))).parse(i)?;
        let wd = |r| {
            let (r, t) = tok(|t| matches!(t.lex, Lex::Weekday(_)))(r)?;
            let Lex::Weekday(d) = t.lex else { return err() };
            Ok((r, DaySpec::Weekday(d, Dir::Tense)))
        };
        let rel = |r| {
            let (r, k) = kw_in(&[Kw::Today, Kw::Yesterday, Kw::Tomorrow, Kw::Tonight]).parse(r)?;
            Ok((
                r,
                DaySpec::Rel(match k {
                    Kw::Yesterday => -1,
                    Kw::Tomorrow => 1,
                    _ => 0,
                }),
            ))
        };
        let date = |r| {
            let (r, m) = self.month(r)?;
            let (r, d) = day_num(r)?;
            let (r, y) = opt(|x| self.year_after(x)).parse(r)?;
            Ok((r, DaySpec::Cal(y.unwrap_or(YearRef::Infer), m, d)))
        };
        alt((wd, rel, date)).parse(r)
    }

    /// A year written alone: "1990", "in 2015". Refuses amounts ("2,000", "2000 troops",
    /// "$1990") and event names ("a 2030 World Cup").
    fn free_year<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let first = i.first().ok_or(nom::Err::Error(()))?;
        let (rest, y) = year4(i)?;
        let prep = self.prev_kw(&[
            Kw::In,
            Kw::Since,
            Kw::Until,
            Kw::By,
            Kw::From,
            Kw::To,
            Kw::Of,
            Kw::Before,
            Kw::After,
            Kw::Between,
            Kw::During,
            Kw::Through,
            Kw::The,
            Kw::For,
            Kw::Early,
            Kw::Late,
            Kw::Mid,
            Kw::Fiscal,
        ]);
        if !((1900..=2099).contains(&y) || (prep && y >= 1000)) {
            return err();
        }
        if let Some(p) = self.prev {
            if matches!(
                p.lex,
                Lex::Punct('$' | '#' | '\u{a3}' | '\u{20ac}' | '\u{a5}' | '+' | '/' | '.' | ':')
            ) && !first.spaced()
            {
                return err();
            }
            if matches!(p.lex, Lex::Punct('$' | '\u{a3}' | '\u{20ac}' | '#')) {
                return err();
            }
            // "No. 1990", "Flight 2000", "page 1999": a numbered thing.
            if p.lex == Lex::Other
                && [
                    "no",
                    "nos",
                    "flight",
                    "number",
                    "page",
                    "pages",
                    "route",
                    "room",
                    "model",
                    "version",
                    "rule",
                    "article",
                    "item",
                    "resolution",
                    "code",
                    "highway",
                    "interstate",
                    "channel",
                    "gate",
                    "ward",
                    "level",
                    "row",
                    "section",
                    "chapter",
                    "box",
                    "suite",
                    "apt",
                    "p",
                ]
                .iter()
                .any(|w| self.word_is(p, w))
            {
                return err();
            }
            // "post-1959" is the year; "555-1990" is not.
            let prefix = self.prev2.is_some_and(|t| {
                let w = t.text(self.text);
                ["post", "pre", "mid", "early", "late"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            });
            if p.is('-')
                && !first.spaced()
                && !prefix
                && !self.prev2.is_some_and(|t| t.lex == Lex::Num && t.len == 4)
            {
                return err();
            }
        }
        if let Some(n) = rest.first() {
            if n.is('%')
                || (n.lex == Lex::Other && (self.word_is(n, "percent") || self.word_is(n, "per")))
            {
                return err();
            }
            if !n.spaced()
                && (n.is('-') || n.is('/'))
                && rest
                    .at(1)
                    .is_some_and(|t| t.lex == Lex::Num && t.len != 4 && t.len != 2)
            {
                return err();
            }
            // A count of things: "2000 troops", "about 1990 people".
            let approx_before = self.prev_kw(&[
                Kw::About,
                Kw::Some,
                Kw::Nearly,
                Kw::Almost,
                Kw::Than,
                Kw::Least,
                Kw::Over,
                Kw::Around,
                Kw::Up,
                Kw::Just,
            ]) || self.prev.is_some_and(|p| {
                [
                    "approximately",
                    "roughly",
                    "only",
                    "total",
                    "totaling",
                    "totalling",
                    "exactly",
                ]
                .iter()
                .any(|w| self.word_is(p, w))
            });
            let noun_after = n.lex == Lex::Other && !n.cap() && n.spaced();
            let counted = n.cue & cue::COUNT != 0;
            let det_before = self.prev.is_some_and(|p| p.cue & cue::DET != 0);
            if (approx_before && (noun_after || n.lex == Lex::Kw(Kw::To)))
                || (counted && !det_before)
            {
                return err();
            }
            // Event names: the year is part of the name, not a date claim.
            if n.cap() && n.lex == Lex::Other {
                let next2 = rest.at(1);
                let name = ["expo", "cup", "championship", "championships"]
                    .iter()
                    .any(|w| self.word_is(n, w))
                    || (self.word_is(n, "world") && next2.is_some_and(|t| self.word_is(t, "cup")));
                if name {
                    return err();
                }
            }
        }
        // ... and after it: "Expo 2030", "World Cup 2030", "Vision 2030".
        if let Some(p) = self.prev.filter(|p| p.cap() && p.lex == Lex::Other) {
            if ["expo", "cup", "vision", "agenda", "horizon"]
                .iter()
                .any(|w| self.word_is(p, w))
            {
                return err();
            }
        }
        // "1990's" is the decade when it ends in 0.
        Ok((rest, Expr::Year(YearRef::Abs(y))))
    }

    /// Decades: "1990s", "1990's", "'90s", "the nineties" (after "the"), "mid-1990s".
    fn decade<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let full = |i| {
            let (r, t) =
                tok(|t| t.lex == Lex::Num && t.len == 4 && t.num % 10 == 0 && t.int().is_some())(
                    i,
                )?;
            let (r, _) = opt(glued('\'')).parse(r)?;
            let (r, _) = tok(|t| !t.spaced() && t.lex == Lex::Kw(Kw::S))(r)?;
            if !(1000..=2990).contains(&t.num) {
                return err();
            }
            Ok((r, Expr::Decade((t.num / 10) as i32)))
        };
        let short = |i| {
            let (r, _) = punct('\'')(i)?;
            let (r, t) =
                tok(|t| t.lex == Lex::Num && t.len == 2 && !t.spaced() && t.num % 10 == 0)(r)?;
            let (r, _) = opt(glued('\'')).parse(r)?;
            let (r, _) = tok(|t| !t.spaced() && t.lex == Lex::Kw(Kw::S))(r)?;
            // The 20th century is assumed for two-digit decades ("'90s").
            Ok((r, Expr::Decade(190 + (t.num / 10) as i32)))
        };
        alt((full, short)).parse(i)
    }

    /// Centuries: "20th century", "the twentieth century".
    fn century<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, n) = ordinal(i)?;
        let (r, _) = opt(hyphen).parse(r)?;
        let (r, _) = tok(|t| t.lex == Lex::Unit(Unit::Century))(r)?;
        if !(1..=30).contains(&n) {
            return err();
        }
        Ok((r, Expr::Century(n as i32 - 1)))
    }

    /// "nineteen ninety-six" alone (broadcast transcripts).
    fn spoken_year_expr<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, y) = spoken_year(i)?;
        if !(1100..=2099).contains(&y) {
            return err();
        }
        Ok((r, Expr::Year(YearRef::Abs(y))))
    }

    // ----- durations --------------------------------------------------------------------

    /// A quantity and unit: "three days", "16-hour", "a year", "5 1/2 hours", "a minute and
    /// a half", "several months", "two to three weeks".
    fn dur_core<'a>(&self, i: Toks<'a>) -> R<'a, Dur> {
        // "16-hour", "two-year", "day-long" (the adjective form, singular unit)
        let adjective = |i| {
            let (r, q) = qty(i)?;
            let (r, _) = hyphen(r)?;
            let (r, u) = unit_sing(r)?;
            let (r, _) = opt(|x| {
                let (x, _) = hyphen(x)?;
                kw(Kw::Long).parse(x)
            })
            .parse(r)?;
            Ok((r, Dur { qty: q, unit: u }))
        };
        let plain = |i| {
            let (r, q) = qty(i)?;
            // "two to three weeks", "12 to 18 months": the range keeps its first bound.
            let (r, _) = opt(|x| {
                let (x, _) = alt((kw(Kw::To), kw(Kw::Or), glued('-'))).parse(x)?;
                qty(x)
            })
            .parse(r)?;
            let (r, _) = opt(unit_filler).parse(r)?;
            let unit_tok = r.first().copied();
            let (r, (u, _)) = unit(r)?;
            // "60 Minutes" (a title), not sixty minutes.
            if unit_tok.is_some_and(|t| t.cap() && t.flags & super::token::UPPER == 0)
                && i.first().is_some_and(|t| !t.cap())
            {
                return err();
            }
            // "a minute and a half", "two years and a half"
            let (r, half) = opt(|x| {
                let (x, _) = kw(Kw::And).parse(x)?;
                let (x, _) = kw(Kw::A).parse(x)?;
                kw(Kw::Half).parse(x)
            })
            .parse(r)?;
            let q = match (q, half) {
                (Qty::N(n), Some(_)) => Qty::N(n + 0.5),
                (q, _) => q,
            };
            Ok((r, Dur { qty: q, unit: u }))
        };
        let half_a = |i| {
            let (r, _) = kw(Kw::Half).parse(i)?;
            let (r, _) = kw(Kw::A).parse(r)?;
            let (r, u) = unit_sing(r)?;
            Ok((
                r,
                Dur {
                    qty: Qty::N(0.5),
                    unit: u,
                },
            ))
        };
        let a_half = |i| {
            let (r, _) = kw(Kw::A).parse(i)?;
            let (r, _) = kw(Kw::Half).parse(r)?;
            let (r, _) = opt(hyphen).parse(r)?;
            let (r, u) = unit_sing(r)?;
            Ok((
                r,
                Dur {
                    qty: Qty::N(0.5),
                    unit: u,
                },
            ))
        };
        let a_unit = |i| {
            let (r, _) = kw(Kw::A).parse(i)?;
            let (r, _) = opt(unit_filler).parse(r)?;
            // "a second term" is an ordinal.
            if r.first().is_some_and(|t| t.lex == Lex::Ord(2)) {
                return err();
            }
            let (r, u) = unit_sing(r)?;
            let (r, half) = opt(|x| {
                let (x, _) = kw(Kw::And).parse(x)?;
                let (x, _) = kw(Kw::A).parse(x)?;
                kw(Kw::Half).parse(x)
            })
            .parse(r)?;
            Ok((
                r,
                Dur {
                    qty: Qty::N(if half.is_some() { 1.5 } else { 1.0 }),
                    unit: u,
                },
            ))
        };
        let (r, d) = alt((adjective, half_a, a_half, a_unit, plain)).parse(i)?;
        if d.unit == Unit::Weekend {
            return err();
        }
        // "a second opinion": the ordinal, not one second.
        if d.unit == Unit::Second
            && d.qty == Qty::N(1.0)
            && i.0
                .iter()
                .take(i.len() - r.len())
                .any(|t| t.lex == Lex::Ord(2))
        {
            return err();
        }
        // "1988 quarter" is a year before a noun, not 1988 quarters.
        if let (Qty::N(n), Some(t)) = (d.qty, i.first()) {
            if t.lex == Lex::Num
                && t.len == 4
                && n >= 1000.0
                && !r.0.is_empty()
                && i.at(1).is_some_and(|u| matches!(u.lex, Lex::Unit(_)))
            {
                return err();
            }
        }
        // Ages ("52 years old", "6-year-old": not annotated as times in news corpora) and
        // compounds ("a year-earlier loss").
        match (r.first(), r.at(1)) {
            (Some(h), Some(o)) if h.is('-') && !h.spaced() && !o.spaced() => return err(),
            (Some(o), _) if o.lex == Lex::Kw(Kw::Old) => return err(),
            _ => {}
        }
        Ok((r, d))
    }

    /// A duration with its modifiers and what follows it: "nearly two years", "two years
    /// ago" (a date), "three days later" (a duration), "in three weeks".
    fn duration_phrase<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, approx_mod) = opt(approx).parse(i)?;
        let (r, d) = self.dur_core(r)?;
        // "a 2000 km trip" style amounts are filtered by qty; "1,000 years" is fine.
        let ago = |x| {
            let (x, _) = opt(|z| {
                let (z, _) = kw(Kw::Or).parse(z)?;
                tok(|t| t.text(self.text).eq_ignore_ascii_case("so"))(z)
            })
            .parse(x)?;
            let (x, _) = kw(Kw::Ago).parse(x)?;
            Ok((x, -1))
        };
        let from_now = |x| {
            let (x, _) = kw(Kw::From).parse(x)?;
            let (x, _) = kw(Kw::Now).parse(x)?;
            Ok((x, 1))
        };
        // "a year ago", "a year earlier": the same period one year before, at the granularity
        // the text is talking in.
        let a_year = d.unit == Unit::Year
            && d.qty == Qty::N(1.0)
            && approx_mod.is_none()
            && i.first().is_some_and(|t| t.lex == Lex::Kw(Kw::A));
        if let Ok((r2, sign)) = alt((ago, from_now)).parse(r) {
            if a_year && sign < 0 {
                return Ok((r2, Expr::YearAgo));
            }
            return Ok((r2, Expr::Ago(d.qty, d.unit, sign)));
        }
        if let Ok((r2, _)) = kw(Kw::Earlier).parse(r) {
            if a_year {
                return Ok((r2, Expr::YearAgo));
            }
        }
        // A duration preceded by "a"/"per" right after an amount or "twice" is a frequency:
        // "interviews a day", "$1 billion a year".
        if approx_mod.is_none()
            && d.qty == Qty::N(1.0)
            && i.first()
                .is_some_and(|t| t.lex == Lex::Kw(Kw::A) && !t.cap() && !t.newline())
        {
            if let Some(p) = self.prev {
                let count = p.lex == Lex::Num
                    || matches!(
                        p.lex,
                        Lex::Kw(
                            Kw::Twice
                                | Kw::Once
                                | Kw::Times
                                | Kw::Thousand
                                | Kw::Hundred
                                | Kw::Dozen
                        )
                    )
                    || (p.lex == Lex::Other && !p.cap() && {
                        let w = p.text(self.text);
                        (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3)
                            || ["million", "billion", "trillion", "percent"].contains(&w)
                    });
                if count && !matches!(d.unit, Unit::Decade | Unit::Century) {
                    return Ok((r, Expr::Set(1.0, d.unit)));
                }
            }
        }
        // The "quarter" of "a quarter of the shares" is a fraction, not a time.
        if d.unit == Unit::Quarter
            && d.qty == Qty::N(1.0)
            && r.first().is_some_and(|t| t.lex == Lex::Kw(Kw::Of))
        {
            return err();
        }
        let (r, _) = opt(or_so).parse(r)?;
        Ok((r, Expr::Duration(d)))
    }

    /// Bare plural units: "for years", "weeks or months", "decades-long", "years ago".
    fn bare_plural<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, u) = unit_plural(i)?;
        // "weeks or months": one vague span.
        let (r, _) = opt(|x| {
            let (x, _) = kw_in(&[Kw::Or, Kw::And]).parse(x)?;
            unit_plural(x)
        })
        .parse(r)?;
        if let Ok((r2, _)) = kw(Kw::Ago).parse(r) {
            return Ok((r2, Expr::Ref(RefKind::Past)));
        }
        let (r, _) = opt(|x| {
            let (x, _) = hyphen(x)?;
            kw(Kw::Long).parse(x)
        })
        .parse(r)?;
        if matches!(u, Unit::Weekend) {
            return err();
        }
        // Alone, a plural unit is a length of time only after "for", "within", "in" ("for
        // years"); "the days before" or "years of war" are left alone.
        let single = i.len() - r.len() == 1;
        if single && !self.prev_kw(&[Kw::For, Kw::Within, Kw::In, Kw::Over]) {
            return err();
        }
        Ok((
            r,
            Expr::Duration(Dur {
                qty: Qty::Vague,
                unit: u,
            }),
        ))
    }

    // ----- quarters, halves, seasons ----------------------------------------------------

    /// "of 1990", "of this year", "of next year" after a period.
    fn of_year<'a>(&self, i: Toks<'a>) -> R<'a, YearRef> {
        let (r, _) = kw(Kw::Of).parse(i)?;
        let (r, _) = opt(kw(Kw::Fiscal)).parse(r)?;
        let written = |x| {
            let (x, y) = alt((year4, spoken_year)).parse(x)?;
            Ok((x, YearRef::Abs(y)))
        };
        let rel = |x| {
            let (x, k) = kw_in(&[Kw::This, Kw::Last, Kw::Next, Kw::That, Kw::The]).parse(x)?;
            let (x, _) =
                opt(kw_in(&[Kw::Following, Kw::Previous, Kw::Current, Kw::Same])).parse(x)?;
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Year))(x)?;
            Ok((
                x,
                match k {
                    Kw::This | Kw::The => YearRef::Rel(0),
                    Kw::Last => YearRef::Rel(-1),
                    Kw::Next => YearRef::Rel(1),
                    _ => YearRef::Anchor(0),
                },
            ))
        };
        alt((written, rel)).parse(r)
    }

    /// "third-quarter", "first quarter of 1990", "second half of 2023".
    fn ord_period<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, _) = opt(kw(Kw::Fiscal)).parse(i)?;
        let last_half = |x| {
            let (x, _) = kw(Kw::Last).parse(x)?;
            let (x, _) = peek_kw(Kw::Half)(x)?;
            Ok((x, 2))
        };
        let (r, n) = alt((ordinal, last_half)).parse(r)?;
        let (r, _) = opt(hyphen).parse(r)?;
        // "the second half of the match" is not a half year: after "of" only a year will do.
        let of_other = |x: Toks<'_>| x.first().is_some_and(|t| t.lex == Lex::Kw(Kw::Of));
        let quarter = |x| {
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Quarter))(x)?;
            if !(1..=4).contains(&n) {
                return err();
            }
            let (x, y) = opt(|z| self.of_year(z)).parse(x)?;
            if y.is_none() && of_other(x) {
                return err();
            }
            Ok((x, Expr::Quarter(y.unwrap_or(YearRef::Infer), n as u8)))
        };
        let half = |x| {
            let (x, _) = kw(Kw::Half).parse(x)?;
            if !(1..=2).contains(&n) {
                return err();
            }
            let (x, y) = opt(|z| self.of_year(z)).parse(x)?;
            if y.is_none() && of_other(x) {
                return err();
            }
            Ok((x, Expr::Half(y.unwrap_or(YearRef::Infer), n as u8)))
        };
        alt((quarter, half)).parse(r)
    }

    /// "Q3", "Q3 2023", "H1 2024".
    fn q_code<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, k) = tok(|t| t.cap() && matches!(t.lex, Lex::Kw(Kw::Q | Kw::H)))(i)?;
        let (r, n) = tok(|t| t.lex == Lex::Num && !t.spaced() && t.len == 1)(r)?;
        let (r, y) = opt(alt((
            |x| year4(x).map(|(x, y)| (x, YearRef::Abs(y))),
            |x| self.of_year(x),
        )))
        .parse(r)?;
        let y = y.unwrap_or(YearRef::Infer);
        match (k.lex, n.num) {
            (Lex::Kw(Kw::Q), 1..=4) => Ok((r, Expr::Quarter(y, n.num as u8))),
            (Lex::Kw(Kw::H), 1..=2) => Ok((r, Expr::Half(y, n.num as u8))),
            _ => err(),
        }
    }

    /// "fiscal 1989", "fiscal year 1990", "FY2023", "fiscal first quarter".
    fn fiscal<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let year = |x| {
            let (x, _) =
                alt((kw(Kw::Fiscal), tok(|t| t.lex == Lex::Kw(Kw::Fy) && t.cap()))).parse(x)?;
            let (x, _) = opt(tok(|t| t.lex == Lex::Unit(Unit::Year))).parse(x)?;
            let (x, y) = alt((year4, |z| {
                let (z, _) = punct('\'')(z)?;
                let (z, t) = tok(|t| t.lex == Lex::Num && t.len == 2 && !t.spaced())(z)?;
                Ok((z, 1900 + t.num as i32))
            }))
            .parse(x)?;
            Ok((x, Expr::Year(YearRef::Abs(y))))
        };
        alt((year, |x| self.ord_period(x))).parse(i)
    }

    /// A season with its year: "summer 1998", "spring of 2023", "the fall of 1998".
    fn season_year<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, t) = tok(|t| matches!(t.lex, Lex::Season(_)))(i)?;
        let Lex::Season(s) = t.lex else { return err() };
        let (r, y) = alt((
            |x| self.of_year(x),
            |x| year4(x).map(|(x, y)| (x, YearRef::Abs(y))),
        ))
        .parse(r)?;
        Ok((r, Expr::Season(y, s)))
    }

    /// Holidays: "Christmas", "Thanksgiving Day", "New Year's Eve", "Easter Sunday",
    /// "Election Day", with an optional year.
    fn holiday<'a>(&self, i: Toks<'a>, dir: Dir) -> R<'a, Expr> {
        let (r, t) = tok(|t| matches!(t.lex, Lex::Holiday(_)) && t.cap())(i)?;
        let Lex::Holiday(h) = t.lex else { return err() };
        let day_word = |x| tok(|t| t.lex == Lex::Unit(Unit::Day) && t.cap())(x);
        let possessive = |x| {
            let (x, _) = glued('\'')(x)?;
            tok(|t| !t.spaced() && t.lex == Lex::Kw(Kw::S))(x)
        };
        let (r, h) = match h {
            Holiday::NewYear => {
                let (r, _) = tok(|t| t.lex == Lex::Unit(Unit::Year) && t.cap())(r)?;
                let (r, _) = opt(possessive).parse(r)?;
                match tok(|t| t.lex == Lex::Kw(Kw::Eve))(r) {
                    Ok((r, _)) => (r, Holiday::NewYearsEve),
                    Err(_) => (opt(day_word).parse(r)?.0, Holiday::NewYear),
                }
            }
            Holiday::Christmas => match tok(|t| t.lex == Lex::Kw(Kw::Eve))(r) {
                Ok((r, _)) => (r, Holiday::ChristmasEve),
                Err(_) => (opt(day_word).parse(r)?.0, Holiday::Christmas),
            },
            Holiday::Easter => {
                let (r, _) = opt(tok(|t| {
                    t.lex == Lex::Weekday(6) || t.lex == Lex::Unit(Unit::Day)
                }))
                .parse(r)?;
                (r, Holiday::Easter)
            }
            Holiday::Thanksgiving | Holiday::Halloween => (opt(day_word).parse(r)?.0, h),
            Holiday::Valentine => {
                let (r, _) = opt(possessive).parse(r)?;
                (day_word(r)?.0, h)
            }
            _ => (day_word(r)?.0, h),
        };
        let (r, y) = opt(|x| year4(x).map(|(x, y)| (x, YearRef::Abs(y)))).parse(r)?;
        let day = DaySpec::Holiday(h, y.unwrap_or(YearRef::Infer), dir);
        // "Easter week", "Christmas week"
        if let Ok((r2, _)) = tok(|t| t.lex == Lex::Unit(Unit::Week))(r) {
            return Ok((r2, Expr::WeekOf(day)));
        }
        Ok((r, Expr::Day(day)))
    }

    /// "day-long", "decade-long", "week-long": one unit.
    fn unit_long<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, u) = unit_sing(i)?;
        let (r, _) = hyphen(r)?;
        let (r, _) = kw(Kw::Long).parse(r)?;
        if u == Unit::Weekend {
            return err();
        }
        Ok((
            r,
            Expr::Duration(Dur {
                qty: Qty::N(1.0),
                unit: u,
            }),
        ))
    }

    /// "year-end", "year-earlier", "year-ago".
    fn year_compound<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, _) = tok(|t| t.lex == Lex::Unit(Unit::Year))(i)?;
        let (r, _) = hyphen(r)?;
        let (r, k) = kw_in(&[Kw::End, Kw::Earlier, Kw::Ago]).parse(r)?;
        if k == Kw::End {
            let y = if self.prev_kw(&[Kw::Since, Kw::From]) {
                YearRef::Rel(-1)
            } else {
                YearRef::Rel(0)
            };
            return Ok((r, Expr::YearEnd(y)));
        }
        // "the year-ago quarter" is read by the "the" rules.
        Ok((r, Expr::YearAgo))
    }

    // ----- "the ..." ----------------------------------------------------------------------

    /// Expressions that start with "the": the longest of the "the ..." productions.
    fn the_led<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, _) = kw(Kw::The).parse(i)?;
        let best = self.longest(
            r,
            &[
                &|x| self.the_span_duration(x),
                &|x| self.the_rel_period(x),
                &|x| self.the_quarter(x),
                &|x| {
                    // "the third-quarter loss": the adjective leaves "the" out.
                    let (rest, e) = self.ord_period(x)?;
                    let hyphenated = x.0.iter().take(x.len() - rest.len()).any(|t| t.is('-'));
                    if hyphenated && noun_follows(rest) {
                        return err();
                    }
                    Ok((rest, e))
                },
                &|x| self.the_season(x),
                &|x| self.the_week_year(x),
                &|x| not_before_noun(self.the_decade(x)),
                &|x| not_before_noun(self.century(x)),
                &|x| self.the_refs(x),
                &|x| self.the_edge(x),
                &|x| self.the_nth(x),
                &|x| self.the_day_shift(x),
                &|x| self.the_unit_shift(x),
            ],
        );
        match best {
            Some((rest, e)) => Ok((rest, e)),
            None => err(),
        }
    }

    /// "the past two months", "the first nine months", "the next 12 to 18 months", "the past
    /// few weeks", "the last twenty four hours".
    fn the_span_duration<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, rel) = opt(kw_in(&[
            Kw::Past,
            Kw::Last,
            Kw::Next,
            Kw::Coming,
            Kw::Previous,
            Kw::Following,
            Kw::Latest,
            Kw::Recent,
            Kw::Prior,
        ]))
        .parse(i)?;
        let (r, first) = opt(|x| {
            let (x, t) = tok(|t| matches!(t.lex, Lex::Ord(1)))(x)?;
            Ok((x, t))
        })
        .parse(r)?;
        let (r, _) = opt(approx).parse(r)?;
        let (r, d) = self.dur_core(r)?;
        if d.qty == Qty::N(1.0) && i.first().is_some_and(|t| t.lex == Lex::Kw(Kw::A)) {
            return err();
        }
        // "the eight-year war", "the two day rally": "the" belongs to the noun, not the time.
        if rel.is_none() && first.is_none() && noun_follows(r) {
            return err();
        }
        let (r, _) = opt(or_so).parse(r)?;
        Ok((r, Expr::Duration(d)))
    }

    /// "the past year", "the last week", "the next day", "the following year", "the previous
    /// Friday", "the same day", "the past decade".
    fn the_rel_period<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, k) = kw_in(&[
            Kw::Past,
            Kw::Last,
            Kw::Next,
            Kw::Coming,
            Kw::Previous,
            Kw::Prior,
            Kw::Following,
            Kw::Same,
            Kw::Current,
            Kw::Latest,
        ])
        .parse(i)?;
        let unit_case = |x| {
            let (x, u) = unit_sing(x)?;
            let e = match (k, u) {
                (Kw::Past | Kw::Last, Unit::Week) => Expr::Week(0),
                (Kw::Past | Kw::Last, Unit::Year) => Expr::Year(YearRef::Rel(-1)),
                (Kw::Past | Kw::Last, Unit::Month) => Expr::MonthRel(-1),
                (Kw::Past, Unit::Decade) => Expr::Duration(Dur {
                    qty: Qty::N(1.0),
                    unit: Unit::Decade,
                }),
                (Kw::Last, Unit::Decade) => Expr::DecadeRel(-1),
                (Kw::Next | Kw::Coming, Unit::Decade | Unit::Century) => Expr::Duration(Dur {
                    qty: Qty::N(1.0),
                    unit: u,
                }),
                (Kw::Past | Kw::Last, Unit::Century) => Expr::Duration(Dur {
                    qty: Qty::N(1.0),
                    unit: Unit::Century,
                }),
                (Kw::Past | Kw::Last, Unit::Quarter) => Expr::QuarterRel(-1),
                (Kw::Past | Kw::Last, Unit::Weekend) => Expr::Weekend(Dir::Last),
                (Kw::Next | Kw::Coming, Unit::Week) => Expr::Week(1),
                (Kw::Next | Kw::Coming, Unit::Month) => Expr::MonthRel(1),
                (Kw::Next | Kw::Coming, Unit::Year) => Expr::Year(YearRef::Rel(1)),
                (Kw::Next | Kw::Coming, Unit::Quarter) => Expr::QuarterRel(1),
                (Kw::Next | Kw::Coming, Unit::Weekend) => Expr::Weekend(Dir::Next),
                (Kw::Next | Kw::Following, Unit::Day) => Expr::Day(DaySpec::Anchor(1)),
                (Kw::Previous | Kw::Prior, Unit::Day) => Expr::Day(DaySpec::Anchor(-1)),
                (Kw::Same, Unit::Day) => Expr::Day(DaySpec::Anchor(0)),
                (Kw::Following, Unit::Week) => Expr::WeekAnchor(1),
                (Kw::Previous | Kw::Prior, Unit::Week) => Expr::WeekAnchor(-1),
                (Kw::Same, Unit::Week) => Expr::WeekAnchor(0),
                (Kw::Following, Unit::Month) => Expr::MonthAnchor(1),
                (Kw::Previous | Kw::Prior, Unit::Month) => Expr::MonthAnchor(-1),
                (Kw::Same, Unit::Month) => Expr::MonthAnchor(0),
                (Kw::Following, Unit::Year) => Expr::Year(YearRef::Anchor(1)),
                (Kw::Previous | Kw::Prior, Unit::Year) => Expr::Year(YearRef::Anchor(-1)),
                (Kw::Same, Unit::Year) => Expr::Year(YearRef::Anchor(0)),
                (Kw::Current, Unit::Year) => Expr::Year(YearRef::Rel(0)),
                (Kw::Current, Unit::Quarter) => Expr::QuarterRel(0),
                (Kw::Current, Unit::Month) => Expr::MonthRel(0),
                (Kw::Current, Unit::Week) => Expr::Week(0),
                (Kw::Current, Unit::Decade) => Expr::DecadeRel(0),
                (Kw::Current, Unit::Century) => Expr::CenturyRel(0),
                (Kw::Following | Kw::Previous | Kw::Prior | Kw::Same, Unit::Quarter) => {
                    Expr::QuarterCtx(match k {
                        Kw::Following => 1,
                        Kw::Same => 0,
                        _ => -1,
                    })
                }
                _ => return err(),
            };
            // "the past year" followed by "ended" is a duration; "the previous year's" fine.
            Ok((x, e))
        };
        let part_case = |x| {
            let (x, t) = tok(|t| matches!(t.lex, Lex::Part(_)))(x)?;
            let Lex::Part(p) = t.lex else { return err() };
            let off = match k {
                Kw::Next | Kw::Following => 1,
                Kw::Previous | Kw::Prior => -1,
                Kw::Same => 0,
                _ => return err(),
            };
            Ok((x, Expr::DayPart(DaySpec::Anchor(off), p)))
        };
        let weekday_case = |x| {
            let (x, t) = tok(|t| matches!(t.lex, Lex::Weekday(_)))(x)?;
            let Lex::Weekday(d) = t.lex else { return err() };
            let dir = match k {
                Kw::Previous | Kw::Prior => Dir::Last,
                Kw::Following | Kw::Next => Dir::Next,
                _ => return err(),
            };
            Ok((x, Expr::Day(DaySpec::AnchorWeekday(d, dir))))
        };
        let fiscal_year = |x| {
            let (x, _) = kw(Kw::Fiscal).parse(x)?;
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Year))(x)?;
            match k {
                Kw::Current => Ok((x, Expr::Year(YearRef::Rel(0)))),
                Kw::Latest => Ok((x, Expr::Year(YearRef::Rel(-1)))),
                Kw::Past | Kw::Last | Kw::Previous | Kw::Prior => {
                    Ok((x, Expr::Year(YearRef::Rel(-1))))
                }
                Kw::Next | Kw::Coming => Ok((x, Expr::Year(YearRef::Rel(1)))),
                _ => err(),
            }
        };
        // "the coming days", "the past years": an unspecified number of units.
        let plural_case = |x| {
            let (x, u) = unit_plural(x)?;
            match k {
                Kw::Past
                | Kw::Last
                | Kw::Next
                | Kw::Coming
                | Kw::Following
                | Kw::Previous
                | Kw::Prior => Ok((
                    x,
                    Expr::Duration(Dur {
                        qty: Qty::Vague,
                        unit: u,
                    }),
                )),
                _ => err(),
            }
        };
        alt((unit_case, part_case, weekday_case, fiscal_year, plural_case)).parse(r)
    }

    /// "the quarter", "the latest quarter", "the year-ago quarter", "the 1988 period", "the
    /// fiscal first quarter", "the latest period".
    fn the_quarter<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let ago_suffix = |x| {
            let year_ago = |z| {
                let (z, _) = kw(Kw::A).parse(z)?;
                let (z, _) = tok(|t| t.lex == Lex::Unit(Unit::Year))(z)?;
                kw_in(&[Kw::Ago, Kw::Earlier]).parse(z)
            };
            let last_year = |z| {
                let (z, _) = opt(kw(Kw::Of)).parse(z)?;
                let (z, _) = kw_in(&[Kw::Last, Kw::The]).parse(z)?;
                let (z, _) = opt(kw_in(&[Kw::Previous, Kw::Prior])).parse(z)?;
                let (z, _) = tok(|t| t.lex == Lex::Unit(Unit::Year))(z)?;
                Ok((z, Kw::Last))
            };
            alt((year_ago, last_year)).parse(x)
        };
        let corresponding = |x| {
            let (x, _) = opt(kw_in(&[Kw::Same, Kw::Comparable])).parse(x)?;
            let (x, _) =
                alt((tok(|t| t.lex == Lex::Unit(Unit::Quarter)), kw(Kw::Period))).parse(x)?;
            let (x, _) = ago_suffix(x)?;
            Ok((x, Expr::QuarterCtx(-4)))
        };
        let latest = |x| {
            let (x, _) = kw(Kw::Latest).parse(x)?;
            let (x, _) = opt(kw(Kw::Fiscal)).parse(x)?;
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Quarter))(x)?;
            Ok((x, Expr::QuarterRel(-1)))
        };
        let ctx = |x| {
            let (x, k) = opt(kw_in(&[Kw::Latest, Kw::Same, Kw::Current, Kw::Recent])).parse(x)?;
            let (x, most) = opt(|z| {
                let (z, _) = kw(Kw::Most).parse(z)?;
                kw(Kw::Recent).parse(z)
            })
            .parse(x)?;
            let (x, q) =
                alt((tok(|t| t.lex == Lex::Unit(Unit::Quarter)), kw(Kw::Period))).parse(x)?;
            // "the period" alone is too vague; "the quarter" is the one being reported.
            if q.lex == Lex::Kw(Kw::Period) && k.is_none() && most.is_none() {
                return err();
            }
            Ok((x, Expr::QuarterCtx(0)))
        };
        let year_ago = |x| {
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Year))(x)?;
            let (x, _) = hyphen(x)?;
            let (x, _) = kw_in(&[Kw::Ago, Kw::Earlier]).parse(x)?;
            let (x, n) = opt(ordinal).parse(x)?;
            let (x, _) =
                alt((tok(|t| t.lex == Lex::Unit(Unit::Quarter)), kw(Kw::Period))).parse(x)?;
            match n {
                Some(n @ 1..=4) => Ok((x, Expr::Quarter(YearRef::Rel(-1), n as u8))),
                Some(_) => err(),
                None => Ok((x, Expr::QuarterCtx(-4))),
            }
        };
        let year_period = |x| {
            let (x, y) = year4(x)?;
            let (x, n) = opt(ordinal).parse(x)?;
            let (x, _) =
                alt((tok(|t| t.lex == Lex::Unit(Unit::Quarter)), kw(Kw::Period))).parse(x)?;
            match n {
                Some(n @ 1..=4) => Ok((x, Expr::Quarter(YearRef::Abs(y), n as u8))),
                Some(_) => err(),
                None => Ok((x, Expr::QuarterCtxYear(y))),
            }
        };
        alt((corresponding, latest, ctx, year_ago, year_period)).parse(i)
    }

    /// "the summer", "the summer of 1998", "the fall of 2023" ("the fall" alone is a fall).
    fn the_season<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, _) = opt(kw_in(&[Kw::Early, Kw::Late, Kw::Mid])).parse(i)?;
        let (r, t) = tok(|t| matches!(t.lex, Lex::Season(_)))(r)?;
        let Lex::Season(s) = t.lex else { return err() };
        if let Ok((r2, y)) = self.of_year(r) {
            return Ok((r2, Expr::Season(y, s)));
        }
        if s == Season::Fall
            || s == Season::Spring
            || r.first().is_some_and(|t| t.lex == Lex::Kw(Kw::Of))
        {
            return err();
        }
        Ok((r, Expr::SeasonDir(s, Dir::This)))
    }

    /// "the weekend", "the week", "the year", "the full year", "the fiscal year", "the year
    /// ended", "the year two thousand", "the year 2000", "the week of March 6".
    fn the_week_year<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let weekend = |x| {
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Weekend))(x)?;
            Ok((x, Expr::Weekend(Dir::Tense)))
        };
        let week_of = |x| {
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Week))(x)?;
            let (x, _) = kw(Kw::Of).parse(x)?;
            let (x, m) = self.month(x)?;
            let (x, d) = day_num(x)?;
            Ok((x, Expr::WeekOf(DaySpec::Cal(YearRef::Infer, m, d))))
        };
        let week = |x| {
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Week))(x)?;
            if x.first()
                .is_some_and(|t| matches!(t.lex, Lex::Kw(Kw::Before | Kw::After | Kw::Of)))
            {
                return err();
            }
            Ok((x, Expr::Week(0)))
        };
        let year = |x| {
            let (x, _) = opt(kw_in(&[Kw::Full, Kw::Fiscal, Kw::Current])).parse(x)?;
            let (x, _) = opt(kw(Kw::Fiscal)).parse(x)?;
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Year))(x)?;
            if x.first().is_some_and(|t| t.is('-') && !t.spaced()) {
                return err();
            }
            if let Ok((x2, y)) = alt((year4, |z| {
                let (z, n) = card_words(z)?;
                if (1900.0..2100.0).contains(&n) {
                    Ok((z, n as i32))
                } else {
                    err()
                }
            }))
            .parse(x)
            {
                return Ok((x2, Expr::Year(YearRef::Abs(y))));
            }
            // "for the year ended March 31": a year-long period, not a calendar year.
            if x.first()
                .is_some_and(|t| matches!(t.lex, Lex::Kw(Kw::Ended | Kw::Ending | Kw::To)))
            {
                return Ok((
                    x,
                    Expr::Duration(Dur {
                        qty: Qty::N(1.0),
                        unit: Unit::Year,
                    }),
                ));
            }
            if x.first().is_some_and(|t| {
                matches!(
                    t.lex,
                    Lex::Kw(Kw::Before | Kw::After | Kw::Of | Kw::That | Kw::When)
                )
            }) {
                return err();
            }
            Ok((x, Expr::Year(YearRef::Rel(0))))
        };
        // "later in the day": the day being talked about.
        let day = |x| {
            let (x, _) = tok(|t| t.lex == Lex::Unit(Unit::Day))(x)?;
            let announced = self.prev_kw(&[Kw::In])
                && self
                    .prev2
                    .is_some_and(|t| matches!(t.lex, Lex::Kw(Kw::Earlier | Kw::Later)));
            if !announced {
                return err();
            }
            Ok((x, Expr::Day(DaySpec::Anchor(0))))
        };
        alt((weekend, week_of, week, year, day)).parse(i)
    }

    /// "the 1990s", "the late 1970s", "the nineties", "the mid-1980s".
    fn the_decade<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, _) = opt(|x| {
            let (x, _) = kw_in(&[Kw::Early, Kw::Mid, Kw::Late]).parse(x)?;
            opt(hyphen).parse(x)
        })
        .parse(i)?;
        let word = |x| {
            let (x, _) = opt(punct('\'')).parse(x)?;
            let (x, t) = tok(|t| matches!(t.lex, Lex::Decade(_)))(x)?;
            let Lex::Decade(d) = t.lex else { return err() };
            Ok((x, Expr::Decade(190 + i32::from(d) / 10)))
        };
        alt((|x| self.decade(x), word)).parse(r)
    }

    /// "the future", "the near future", "the past", "the moment", "the present".
    fn the_refs<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let future = |x| {
            let (x, _) = opt(kw_in(&[Kw::Near, Kw::Distant])).parse(x)?;
            let (x, _) = kw(Kw::Future).parse(x)?;
            Ok((x, Expr::Ref(RefKind::Future)))
        };
        // "the near term", "the short term"
        let term = |x| {
            let (x, _) = kw_in(&[Kw::Near, Kw::Short]).parse(x)?;
            let (x, _) = kw(Kw::Term).parse(x)?;
            Ok((x, Expr::Ref(RefKind::Future)))
        };
        let past = |x| {
            let (x, _) = kw(Kw::Past).parse(x)?;
            if x.first().is_some_and(|t| {
                matches!(
                    t.lex,
                    Lex::Unit(_)
                        | Lex::Units(_)
                        | Lex::Num
                        | Lex::Card(_)
                        | Lex::Kw(Kw::Few | Kw::Several | Kw::Couple)
                )
            }) {
                return err();
            }
            Ok((x, Expr::Ref(RefKind::Past)))
        };
        let moment = |x| {
            if !self.prev_kw(&[Kw::At, Kw::For]) {
                return err();
            }
            let (x, _) = kw_in(&[Kw::Moment, Kw::Present]).parse(x)?;
            Ok((x, Expr::Ref(RefKind::Present)))
        };
        alt((future, term, past, moment)).parse(i)
    }

    /// "the end of 1990", "the beginning of October", "the middle of the month", "the end of
    /// this week".
    fn the_edge<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, _) = kw_in(&[Kw::End, Kw::Beginning, Kw::Start, Kw::Middle]).parse(i)?;
        let (r, of) = kw(Kw::Of).parse(r)?;
        self.edge_target(r, &of)
    }

    /// What "the end of" applies to.
    fn edge_target<'a>(&self, i: Toks<'a>, of: &Tok) -> R<'a, Expr> {
        let inner = Grammar {
            text: self.text,
            prev: Some(of),
            prev2: None,
        };
        let month_date = |x: Toks<'a>| {
            let f = inner.month_led(x).ok_or(nom::Err::Error(()))?;
            let it = f.items[0].ok_or(nom::Err::Error(()))?;
            Ok((x.take_from_len(f.len), it.expr))
        };
        let year = |x| year4(x).map(|(x, y)| (x, Expr::Year(YearRef::Abs(y))));
        let the_month = |x| {
            let (x, _) = kw(Kw::The).parse(x)?;
            let (x, u) = unit_sing(x)?;
            match u {
                Unit::Month => Ok((x, Expr::MonthRel(0))),
                Unit::Year => Ok((x, Expr::Year(YearRef::Rel(0)))),
                Unit::Week => Ok((x, Expr::Week(0))),
                Unit::Quarter => Ok((x, Expr::QuarterCtx(0))),
                Unit::Decade => Ok((x, Expr::DecadeRel(0))),
                Unit::Century => Ok((x, Expr::CenturyRel(0))),
                _ => err(),
            }
        };
        let rel = |x| inner.rel_led(x);
        alt((month_date, year, the_month, rel, |x| inner.the_led(x))).parse(i)
    }

    /// "the day before yesterday", "the day after Christmas", "the day before last Tuesday".
    fn the_day_shift<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, _) = tok(|t| t.lex == Lex::Unit(Unit::Day))(i)?;
        let (r, k) = kw_in(&[Kw::Before, Kw::After]).parse(r)?;
        let off = if k == Kw::Before { -1 } else { 1 };
        let inner = Grammar {
            text: self.text,
            prev: None,
            prev2: None,
        };
        let target = |x: Toks<'a>| -> R<'a, DaySpec> {
            if let Ok((x2, k)) = kw_in(&[Kw::Yesterday, Kw::Tomorrow, Kw::Today]).parse(x) {
                return Ok((
                    x2,
                    DaySpec::Rel(match k {
                        Kw::Yesterday => -1,
                        Kw::Tomorrow => 1,
                        _ => 0,
                    }),
                ));
            }
            let (x2, e) = alt((|z| inner.rel_led(z), |z| inner.holiday(z, Dir::Tense)))
                .parse(x)
                .or_else(|_| {
                    let f = inner.month_led(x).ok_or(nom::Err::Error(()))?;
                    let it = f.items[0].ok_or(nom::Err::Error(()))?;
                    Ok((x.take_from_len(it.last + 1), it.expr))
                })?;
            match e {
                Expr::Day(d) => Ok((x2, d)),
                _ => err(),
            }
        };
        let (r, d) = target(r)?;
        Ok((r, Expr::DayOffset(d, off)))
    }

    /// "the year before", "the day after", "the week before": one unit from the last time
    /// the text mentioned (the reference when none), when no date follows.
    fn the_unit_shift<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, u) = unit_sing(i)?;
        let (r, k) = kw_in(&[Kw::Before, Kw::After, Kw::Earlier, Kw::Later]).parse(r)?;
        // "the day before the vote" counts from another event: only a punctuation mark, a
        // conjunction or a verb may follow.
        let verb = cue::FUT | cue::FUT_VERB | cue::PAST | cue::ED | cue::IS_ARE;
        let free = r.first().is_none_or(|t| {
            matches!(t.lex, Lex::Punct(_) | Lex::Kw(Kw::And | Kw::But | Kw::When))
                || t.cue & verb != 0
        });
        if !free {
            return err();
        }
        let off = if matches!(k, Kw::Before | Kw::Earlier) {
            -1
        } else {
            1
        };
        let e = match u {
            Unit::Day => Expr::Day(DaySpec::Anchor(off)),
            Unit::Week => Expr::WeekAnchor(off),
            Unit::Month => Expr::MonthAnchor(off),
            Unit::Year => Expr::Year(YearRef::Anchor(off)),
            _ => return err(),
        };
        Ok((r, e))
    }

    /// "the 23rd", "the 23rd of April", "the eighth of March": a day; never "the 21st
    /// meeting" (a noun after the ordinal makes it a rank).
    fn the_nth<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, d) = alt((day_num, day_ord_word)).parse(i)?;
        if i.first().is_some_and(|t| t.lex == Lex::Num)
            && !i
                .at(1)
                .is_some_and(|t| matches!(t.lex, Lex::Kw(Kw::St | Kw::Nd | Kw::Rd | Kw::Th)))
        {
            return err();
        }
        let with_month = |x: Toks<'a>| -> R<'a, Expr> {
            let (x, _) = kw(Kw::Of).parse(x)?;
            let (x, m) = self.month(x)?;
            let (x, y) = opt(|z| self.year_after(z)).parse(x)?;
            Ok((
                x,
                Expr::Day(DaySpec::Cal(y.unwrap_or(YearRef::Infer), m, d)),
            ))
        };
        if let Ok(ok) = with_month(r) {
            return Ok(ok);
        }
        match r.first().map(|t| t.lex) {
            None | Some(Lex::Punct(_)) => {}
            Some(Lex::Kw(
                Kw::Of
                | Kw::In
                | Kw::At
                | Kw::And
                | Kw::Or
                | Kw::To
                | Kw::Until
                | Kw::When
                | Kw::This
                | Kw::Last
                | Kw::Next
                | Kw::From
                | Kw::By,
            )) => {}
            _ => return err(),
        }
        if !self.prev_kw(&[
            Kw::On,
            Kw::By,
            Kw::Until,
            Kw::Since,
            Kw::From,
            Kw::Before,
            Kw::After,
        ]) {
            return err();
        }
        Ok((r, Expr::Day(DaySpec::DayOfMonth(d))))
    }

    // ----- keyword-led --------------------------------------------------------------------

    /// Expressions that start with a keyword other than "the", by keyword.
    fn kw_led<'a>(&self, i: Toks<'a>) -> Option<(Toks<'a>, Expr)> {
        let Some(Lex::Kw(k)) = i.first().map(|t| t.lex) else {
            return None;
        };
        match k {
            Kw::A => self.longest(
                i,
                &[&|x| self.duration_phrase(x), &|x| {
                    // "at a later date"
                    let (x, _) = kw(Kw::A).parse(x)?;
                    let (x, _) = kw(Kw::Later).parse(x)?;
                    let (x, _) = kw(Kw::Date).parse(x)?;
                    Ok((x, Expr::Ref(RefKind::Future)))
                }],
            ),
            Kw::Last
            | Kw::Next
            | Kw::This
            | Kw::Past
            | Kw::Coming
            | Kw::Previous
            | Kw::Recent
            | Kw::Current
            | Kw::That
            | Kw::These => self.longest(i, &[&|x| self.rel_led(x), &|x| self.duration_phrase(x)]),
            Kw::Early | Kw::Mid | Kw::Late => self.longest(i, &[&|x| self.edge_led(x)]),
            Kw::Earlier | Kw::Later => self.longest(i, &[&|x| self.earlier_led(x)]),
            Kw::End => self.longest(
                i,
                &[&|x| {
                    let (x, _) = kw(Kw::End).parse(x)?;
                    let (x, of) = kw(Kw::Of).parse(x)?;
                    self.edge_target(x, &of)
                }],
            ),
            Kw::More => self.longest(
                i,
                &[&|x| self.duration_phrase(x), &|x| {
                    let (x, _) = kw(Kw::More).parse(x)?;
                    let (x, _) = kw(Kw::Recently).parse(x)?;
                    Ok((x, Expr::Ref(RefKind::Past)))
                }],
            ),
            Kw::Less
            | Kw::Nearly
            | Kw::Almost
            | Kw::At
            | Kw::Up
            | Kw::No
            | Kw::Just
            | Kw::Over
            | Kw::Several
            | Kw::Few
            | Kw::Couple
            | Kw::Some
            | Kw::Many
            | Kw::Dozens
            | Kw::Half => self.longest(i, &[&|x| self.duration_phrase(x)]),
            Kw::Every | Kw::Each | Kw::Per | Kw::Twice | Kw::Once => {
                self.longest(i, &[&|x| self.set_led(x)])
            }
            Kw::Around => {
                // "around 7:15 p.m.", "around Nov. 1": the approximation is part of the time.
                let r = Toks(i.0.get(1..)?);
                let inner = Grammar {
                    text: self.text,
                    prev: i.first(),
                    prev2: self.prev,
                };
                let f = match r.first()?.lex {
                    Lex::Num => inner.num_led(r)?,
                    Lex::Month(_) | Lex::MonAbbr(_) => inner.month_led(r)?,
                    _ => {
                        let (rest, e) = inner.kw_led(r)?;
                        Found::one(r.len() - rest.len(), e)
                    }
                };
                let it = f.items[0]?;
                if f.items[1].is_some()
                    || !matches!(it.expr, Expr::Clock(..) | Expr::Day(DaySpec::Cal(..)))
                {
                    return None;
                }
                Some((r.take_from_len(f.len), it.expr))
            }
            // "quarterly" and "yearly" mostly qualify amounts ("quarterly dividend") and are
            // left out, as TimeML annotators do; "annually" is a set unless it follows a rate
            // ("rise 8.5% annually").
            Kw::Daily
            | Kw::Weekly
            | Kw::Monthly
            | Kw::Hourly
            | Kw::Nightly
            | Kw::Biweekly
            | Kw::Annually => {
                let (n, u) = match k {
                    Kw::Daily | Kw::Nightly => (1.0, Unit::Day),
                    Kw::Weekly => (1.0, Unit::Week),
                    Kw::Biweekly => (2.0, Unit::Week),
                    Kw::Monthly => (1.0, Unit::Month),
                    Kw::Hourly => (1.0, Unit::Hour),
                    _ => (1.0, Unit::Year),
                };
                let rate = self.prev.is_some_and(|p| {
                    p.is('%')
                        || p.lex == Lex::Num
                        || p.text(self.text).eq_ignore_ascii_case("percent")
                });
                if k == Kw::Annually && rate {
                    return None;
                }
                Some((Toks(i.0.get(1..)?), Expr::Set(n, u)))
            }
            Kw::Now => {
                let (r, _) = kw(Kw::Now).parse(i).ok()?;
                // "now-defunct", "now 72" (age)
                if r.first().is_some_and(|t| t.is('-') && !t.spaced()) {
                    return None;
                }
                Some((r, Expr::Ref(RefKind::Present)))
            }
            Kw::Right => {
                let (r, _) = kw(Kw::Right).parse(i).ok()?;
                let (r, _) = kw(Kw::Now).parse(r).ok()?;
                Some((r, Expr::Ref(RefKind::Present)))
            }
            Kw::Currently | Kw::Presently | Kw::Nowadays => {
                Some((Toks(i.0.get(1..)?), Expr::Ref(RefKind::Present)))
            }
            // "previously" and "formerly" are left out: TimeML annotators rarely tag them.
            Kw::Recently | Kw::Lately => Some((Toks(i.0.get(1..)?), Expr::Ref(RefKind::Past))),
            Kw::Soon => {
                // "soon after" / "as soon as" are connectives, not the future.
                let r = Toks(i.0.get(1..)?);
                if r.first()
                    .is_some_and(|t| matches!(t.lex, Lex::Kw(Kw::After | Kw::As | Kw::Before)))
                    || self.prev_kw(&[Kw::As])
                {
                    return None;
                }
                Some((r, Expr::Ref(RefKind::Future)))
            }
            Kw::As => {
                let (r, _) = kw(Kw::As).parse(i).ok()?;
                let (r, _) = kw(Kw::Soon).parse(r).ok()?;
                let (r, _) = kw(Kw::As).parse(r).ok()?;
                let (r, _) = kw(Kw::Possible).parse(r).ok()?;
                Some((r, Expr::Ref(RefKind::Future)))
            }
            Kw::Today | Kw::Yesterday | Kw::Tomorrow | Kw::Tonight => {
                let off = match k {
                    Kw::Yesterday => -1,
                    Kw::Tomorrow => 1,
                    _ => 0,
                };
                let r = Toks(i.0.get(1..)?);
                if k == Kw::Tonight {
                    return Some((r, Expr::DayPart(DaySpec::Rel(0), DayPart::Night)));
                }
                if let Ok((r2, t)) = tok(|t| matches!(t.lex, Lex::Part(_)))(r) {
                    if let Lex::Part(p) = t.lex {
                        return Some((r2, Expr::DayPart(DaySpec::Rel(off), p)));
                    }
                }
                Some((r, Expr::Day(DaySpec::Rel(off))))
            }
            Kw::Noon | Kw::Midnight | Kw::Midday => {
                let (r, _) = kw_in(&[Kw::Noon, Kw::Midnight, Kw::Midday]).parse(i).ok()?;
                let h = if k == Kw::Midnight { 24 } else { 12 };
                match self.day_after_clock(r) {
                    Ok((r2, d)) => Some((r2, Expr::Clock(d, h, 0))),
                    Err(_) => Some((r, Expr::Clock(DaySpec::Unknown, h, 0))),
                }
            }
            _ => None,
        }
    }

    /// "last week", "this year", "next Monday", "last March", "last fall", "this morning",
    /// "that day", "these days", "current", "recent years", "this year's third quarter".
    fn rel_led<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, k) = kw_in(&[
            Kw::Last,
            Kw::Next,
            Kw::This,
            Kw::Past,
            Kw::Coming,
            Kw::Previous,
            Kw::Recent,
            Kw::Current,
            Kw::That,
            Kw::These,
        ])
        .parse(i)?;
        // "that same day"
        let (r, _) = if k == Kw::That {
            opt(kw(Kw::Same)).parse(r)?
        } else {
            (r, None)
        };
        // "this coming Sunday", "this past weekend"
        let (r, k, this_past) = match (k, kw_in(&[Kw::Coming, Kw::Past]).parse(r)) {
            (Kw::This, Ok((r2, Kw::Coming))) => (r2, Kw::Next, false),
            (Kw::This, Ok((r2, _))) => (r2, Kw::Last, true),
            _ => (r, k, false),
        };
        let dir = match k {
            Kw::Last | Kw::Past | Kw::Previous => Dir::Last,
            Kw::Next | Kw::Coming => Dir::Next,
            _ => Dir::This,
        };
        // "this past spring": the most recent one.
        let named_dir = if this_past { Dir::Tense } else { dir };
        let named = |x| {
            let (x, t) = tok(|t| {
                matches!(
                    t.lex,
                    Lex::Weekday(_)
                        | Lex::Month(_)
                        | Lex::MonAbbr(_)
                        | Lex::Season(_)
                        | Lex::Holiday(_)
                )
            })(x)?;
            if !matches!(k, Kw::Last | Kw::Next | Kw::This | Kw::Past | Kw::Coming) {
                return err();
            }
            match t.lex {
                Lex::Weekday(d) => Ok((x, Expr::Day(DaySpec::Weekday(d, dir)))),
                Lex::Month(m) | Lex::MonAbbr(m) => {
                    // "this march" (a protest) is not March.
                    if !t.cap() {
                        return err();
                    }
                    let (x, _) = if matches!(t.lex, Lex::MonAbbr(_)) {
                        opt(glued('.')).parse(x)?
                    } else {
                        (x, None)
                    };
                    // "last Oct. 23"
                    if let Ok((x2, d)) = day_num(x) {
                        if !x2.first().is_some_and(|t| {
                            matches!(t.lex, Lex::Unit(_) | Lex::Units(_) | Lex::Punct('%'))
                        }) {
                            return Ok((x2, Expr::Day(DaySpec::CalDir(m, d, named_dir))));
                        }
                    }
                    Ok((x, Expr::MonthDir(m, named_dir)))
                }
                Lex::Season(s) => Ok((x, Expr::SeasonDir(s, named_dir))),
                _ => {
                    // Re-read the holiday from its first word.
                    let start = (i.0.len() - x.0.len()).saturating_sub(1);
                    self.holiday(i.take_from_len(start), dir)
                }
            }
        };
        let unit_case = |x| {
            let (x, u) = unit_sing(x)?;
            let off = match dir {
                Dir::Last => -1,
                Dir::Next => 1,
                _ => 0,
            };
            let e = match (k, u) {
                (Kw::That, Unit::Day) => Expr::Day(DaySpec::Anchor(0)),
                (Kw::That, Unit::Week) => Expr::WeekAnchor(0),
                (Kw::That, Unit::Month) => Expr::MonthAnchor(0),
                (Kw::That, Unit::Year) => Expr::Year(YearRef::Anchor(0)),
                (Kw::That, Unit::Quarter) => Expr::QuarterCtx(0),
                (Kw::That | Kw::These | Kw::Recent, _) => return err(),
                (Kw::Current, Unit::Quarter) => Expr::QuarterRel(0),
                (Kw::This, Unit::Quarter) => Expr::QuarterCtx(0),
                (_, Unit::Week) => Expr::Week(off),
                (_, Unit::Month) => Expr::MonthRel(off),
                (_, Unit::Year) => {
                    // "this year's third quarter", "last year's quarter"
                    let poss = |z: Toks<'a>| -> R<'a, Option<u32>> {
                        let (z, _) = glued('\'')(z)?;
                        let (z, _) = tok(|t| !t.spaced() && t.lex == Lex::Kw(Kw::S))(z)?;
                        let (z, n) = opt(ordinal).parse(z)?;
                        let (z, _) = tok(|t| t.lex == Lex::Unit(Unit::Quarter))(z)?;
                        Ok((z, n))
                    };
                    if let Ok((z, n)) = poss(x) {
                        return Ok((
                            z,
                            match n {
                                Some(n @ 1..=4) => Expr::Quarter(YearRef::Rel(off), n as u8),
                                _ => Expr::QuarterCtx(off * 4),
                            },
                        ));
                    }
                    Expr::Year(YearRef::Rel(off))
                }
                (_, Unit::Quarter) => Expr::QuarterRel(off),
                (_, Unit::Weekend) => Expr::Weekend(dir),
                (_, Unit::Decade) => Expr::DecadeRel(off),
                (_, Unit::Century) => Expr::CenturyRel(off),
                _ => return err(),
            };
            Ok((x, e))
        };
        let part = |x| {
            let (x, t) = tok(|t| matches!(t.lex, Lex::Part(_)))(x)?;
            let Lex::Part(p) = t.lex else { return err() };
            match (k, p) {
                (Kw::This, _) => Ok((x, Expr::DayPart(DaySpec::Rel(0), p))),
                (Kw::Last, DayPart::Night | DayPart::Evening) => {
                    Ok((x, Expr::DayPart(DaySpec::Rel(-1), p)))
                }
                (Kw::That, _) => Ok((x, Expr::DayPart(DaySpec::Anchor(0), p))),
                _ => err(),
            }
        };
        let plural = |x| {
            let (x, u) = unit_plural(x)?;
            match k {
                Kw::These if u == Unit::Day => Ok((x, Expr::Ref(RefKind::Present))),
                Kw::Past if u == Unit::Year && !self.prev_kw(&[Kw::The]) => {
                    Ok((x, Expr::Ref(RefKind::Past)))
                }
                Kw::Coming if !self.prev_kw(&[Kw::The]) => Ok((x, Expr::Ref(RefKind::Future))),
                Kw::Recent | Kw::Coming | Kw::Past | Kw::Last | Kw::Next => Ok((
                    x,
                    Expr::Duration(Dur {
                        qty: Qty::Vague,
                        unit: u,
                    }),
                )),
                _ => err(),
            }
        };
        let adjective = |x: Toks<'a>| match k {
            Kw::Current => {
                // "current" / "recent" before a noun: PRESENT_REF / PAST_REF, but not in fixed
                // phrases where the word is not about time ("current account").
                if x.first().is_some_and(|t| {
                    (t.lex == Lex::Other && !t.cap()) || matches!(t.lex, Lex::Card(_) | Lex::Num)
                }) {
                    let w = x
                        .first()
                        .map(|t| t.text(self.text).to_ascii_lowercase())
                        .unwrap_or_default();
                    if [
                        "account",
                        "accounts",
                        "assets",
                        "liabilities",
                        "affairs",
                        "events",
                        "flow",
                        "flows",
                        "source",
                        "sources",
                    ]
                    .contains(&w.as_str())
                    {
                        return err();
                    }
                    Ok((x, Expr::Ref(RefKind::Present)))
                } else {
                    err()
                }
            }
            _ => err(),
        };
        alt((named, unit_case, part, plural, adjective)).parse(r)
    }

    /// "early 1997", "late November", "mid-1996", "early next year", "late yesterday", "mid
    /// afternoon", "early this week", "late last year", "the late 1980s" is read by "the".
    fn edge_led<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, k) = kw_in(&[Kw::Early, Kw::Mid, Kw::Late]).parse(i)?;
        let (r, _) = opt(hyphen).parse(r)?;
        // The edge word announces a date: "mid-March" is the month, not the verb.
        let inner = Grammar {
            text: self.text,
            prev: i.first(),
            prev2: None,
        };
        let month_date = |x: Toks<'a>| {
            if !x
                .first()
                .is_some_and(|t| matches!(t.lex, Lex::Month(_) | Lex::MonAbbr(_)))
            {
                return err();
            }
            let f = inner.month_led(x).ok_or(nom::Err::Error(()))?;
            let it = f.items[0].ok_or(nom::Err::Error(()))?;
            Ok((x.take_from_len(it.last + 1), it.expr))
        };
        let year = |x| year4(x).map(|(x, y)| (x, Expr::Year(YearRef::Abs(y))));
        let decade = |x| self.decade(x);
        let rel = |x| inner.rel_led(x);
        let day = |x| {
            let (x, t) = tok(|t| {
                matches!(
                    t.lex,
                    Lex::Weekday(_) | Lex::Kw(Kw::Today | Kw::Yesterday | Kw::Tomorrow)
                )
            })(x)?;
            let d = match t.lex {
                Lex::Weekday(d) => DaySpec::Weekday(d, Dir::Tense),
                Lex::Kw(Kw::Yesterday) => DaySpec::Rel(-1),
                Lex::Kw(Kw::Tomorrow) => DaySpec::Rel(1),
                _ => DaySpec::Rel(0),
            };
            if let Ok((x2, p)) = tok(|t| matches!(t.lex, Lex::Part(_)))(x) {
                if let Lex::Part(p) = p.lex {
                    return Ok((x2, Expr::DayPart(d, p)));
                }
            }
            Ok((x, Expr::Day(d)))
        };
        let part = |x| {
            let (x, t) = tok(|t| {
                matches!(
                    t.lex,
                    Lex::Part(DayPart::Morning | DayPart::Afternoon | DayPart::Evening)
                )
            })(x)?;
            let Lex::Part(p) = t.lex else { return err() };
            // "mid-afternoon yesterday"
            let (x, d) = opt(kw_in(&[Kw::Yesterday, Kw::Today, Kw::Tomorrow])).parse(x)?;
            let d = match d {
                Some(Kw::Yesterday) => DaySpec::Rel(-1),
                Some(Kw::Tomorrow) => DaySpec::Rel(1),
                _ => DaySpec::Rel(0),
            };
            Ok((x, Expr::DayPart(d, p)))
        };
        let _ = k;
        alt((month_date, decade, year, rel, day, part)).parse(r)
    }

    /// "earlier this year", "later this month", "earlier today", "later that day".
    fn earlier_led<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let (r, _) = kw_in(&[Kw::Earlier, Kw::Later]).parse(i)?;
        let inner = Grammar {
            text: self.text,
            prev: None,
            prev2: None,
        };
        let rel = |x: Toks<'a>| {
            if !x.first().is_some_and(|t| {
                matches!(t.lex, Lex::Kw(Kw::This | Kw::That | Kw::Next | Kw::Last))
            }) {
                return err();
            }
            inner.rel_led(x)
        };
        let today = |x| {
            let (x, k) = kw_in(&[Kw::Today, Kw::Tonight, Kw::Yesterday]).parse(x)?;
            Ok((
                x,
                Expr::Day(DaySpec::Rel(if k == Kw::Yesterday { -1 } else { 0 })),
            ))
        };
        alt((rel, today)).parse(r)
    }

    /// "every week", "each year", "every two weeks", "each Thursday", "each July", "twice a
    /// year", "per year" (after an amount).
    fn set_led<'a>(&self, i: Toks<'a>) -> R<'a, Expr> {
        let every = |x| {
            let (x, _) = kw_in(&[Kw::Every, Kw::Each]).parse(x)?;
            let (x, other) = opt(kw(Kw::Other)).parse(x)?;
            let (x, n) = opt(qty).parse(x)?;
            let n = match n {
                Some(Qty::N(n)) => n,
                Some(Qty::Vague) => return err(),
                None => 1.0,
            } * if other.is_some() { 2.0 } else { 1.0 };
            if let Ok((x2, t)) = tok(|t| matches!(t.lex, Lex::Weekday(_) | Lex::Month(_)))(x) {
                return match t.lex {
                    Lex::Weekday(d) => Ok((x2, Expr::SetWeekday(d))),
                    Lex::Month(m) if t.cap() => Ok((x2, Expr::SetMonth(m))),
                    _ => err(),
                };
            }
            if let Ok((x2, t)) = tok(|t| matches!(t.lex, Lex::Part(_)))(x) {
                let _ = t;
                return Ok((x2, Expr::Set(1.0, Unit::Day)));
            }
            let (x, (u, _)) = unit(x)?;
            Ok((x, Expr::Set(n, u)))
        };
        let times = |x| {
            let (x, _) = alt((kw_in(&[Kw::Twice, Kw::Once]).map(|_| ()), |z| {
                let (z, _) =
                    alt((qty.map(|_| ()), tok(|t| t.lex == Lex::Num).map(|_| ()))).parse(z)?;
                kw(Kw::Times).parse(z).map(|(z, _)| (z, ()))
            }))
            .parse(x)?;
            let (x, _) = alt((kw(Kw::A), kw(Kw::Per), kw(Kw::Each), kw(Kw::Every))).parse(x)?;
            let (x, u) = unit_sing(x)?;
            Ok((x, Expr::Set(1.0, u)))
        };
        let per = |x| {
            let (x, _) = kw(Kw::Per).parse(x)?;
            let (x, u) = unit_sing(x)?;
            Ok((x, Expr::Set(1.0, u)))
        };
        alt((every, times, per)).parse(i)
    }
}

/// Skipping a number of tokens of a nom input without going past its end.
trait TakeLen<'a> {
    fn take_from_len(self, n: usize) -> Toks<'a>;
}

impl<'a> TakeLen<'a> for Toks<'a> {
    fn take_from_len(self, n: usize) -> Toks<'a> {
        Toks(self.0.get(n..).unwrap_or(&[]))
    }
}

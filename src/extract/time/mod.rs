//! Time expressions: finding them in article text and normalising them to TIMEX3 values
//! against the document's reference date.
//!
//! The text is cut into tokens (`token`) classified from word tables (`lexicon`); a nom
//! grammar over the tokens (`grammar`) runs only where a token can start an expression and
//! yields what was said (`expr`); normalisation (`resolve`) turns that into TIMEX3 values
//! with the reference date, the tense of the sentence (`tense`) and what the text mentioned
//! earlier. It never guesses: parts the text and the reference date do not give stay `X`.
//!
//! Numeric dates: `23/04/2025` and `23.04.2025` are read day first (the convention of the
//! European and African press factdiff checks); a middle number above 12 makes the date month
//! first (`04/23/2025`). Only four-digit years are accepted in numeric dates.

mod expr;
mod grammar;
mod lexicon;
mod resolve;
mod tense;
mod token;

use crate::span::Span;
use crate::timex::TimeValue;
use chrono::{Datelike, NaiveDate, Weekday};
use expr::{DaySpec, Dir, Expr, Qty, RefKind, YearRef};
use grammar::{is_trigger, Grammar};
use lexicon::{Kw, Lex, Unit};
use resolve::{resolve, Anchors, Ctx};
use std::cell::Cell;
use tense::{tense_for, Tense};
use token::{Lexer, Tok, Toks};

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Where the expression is (byte offsets into the scanned text).
    pub span: Span,
    /// Its normalised TIMEX3 value.
    pub value: TimeValue,
    /// True when the value was computed from the reference date ("last Monday", "this year").
    pub relative: bool,
    /// A weekday stated next to a full date ("Monday, March 4, 2025"): the weekday and its span,
    /// so a mismatch with the date can be reported.
    pub stated_weekday: Option<(Weekday, Span)>,
}

/// Tokens kept in memory at once: the scan is linear and bounded on any input size.
const WINDOW: usize = 4096;
/// Tokens a single expression (with its context checks) may look ahead.
const LOOKAHEAD: usize = 64;
/// Tokens kept before the scan position for look-behind checks and tense.
const LOOKBEHIND: usize = 32;

fn weekday(d: u8) -> Weekday {
    Weekday::try_from(d.min(6)).unwrap_or(Weekday::Mon)
}

/// The year of day `d` of month `m` (no year written) when exactly one of its two nearest
/// occurrences around `r`, the last on or before and the next on or after, is a `wd`.
fn year_of_weekday(r: NaiveDate, m: u8, d: u8, wd: Weekday) -> Option<i32> {
    let on = |y: i32| NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d));
    let before = [r.year(), r.year() - 1]
        .into_iter()
        .filter_map(on)
        .find(|x| *x <= r)?;
    let after = [r.year(), r.year() + 1]
        .into_iter()
        .filter_map(on)
        .find(|x| *x >= r)?;
    match (before.weekday() == wd, after.weekday() == wd) {
        (true, false) => Some(before.year()),
        (false, true) => Some(after.year()),
        _ => None,
    }
}

/// A weekday, "today" or "yesterday" shortly after a clock time in the same sentence.
fn nearby_day(toks: &[Tok], from: usize) -> Option<DaySpec> {
    let ahead = toks.get(from..).unwrap_or_default();
    for (k, t) in ahead.iter().enumerate().take(10) {
        match t.lex {
            Lex::Weekday(d) => return Some(DaySpec::Weekday(d, Dir::Tense)),
            Lex::Kw(Kw::Today | Kw::Tonight) => return Some(DaySpec::Rel(0)),
            Lex::Kw(Kw::Yesterday) => return Some(DaySpec::Rel(-1)),
            Lex::Kw(Kw::Tomorrow) => return Some(DaySpec::Rel(1)),
            Lex::Punct(';' | '!' | '?') => return None,
            // A full stop ends the sentence only before a capital ("a.m." does not).
            Lex::Punct('.') if ahead.get(k + 1).is_some_and(|n| n.spaced() && n.cap()) => {
                return None
            }
            _ => {}
        }
    }
    None
}

fn before_is(toks: &[Tok], k: usize, kws: &[Kw]) -> bool {
    k.checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| matches!(t.lex, Lex::Kw(w) if kws.contains(&w)))
}

/// Finds and normalises every time expression in `text`.
///
/// `reference` is the document's date; without one, relative expressions keep unknown parts.
/// Mentions come sorted by position and never overlap.
pub fn scan(text: &str, reference: Option<NaiveDate>) -> Vec<TimeMention> {
    // TIMEX3 years have four digits: a reference date far outside them (a corrupt date in
    // metadata) is no reference at all, so values keep their unknown parts.
    let reference = reference.filter(|d| (1..=9000).contains(&chrono::Datelike::year(d)));
    let mut out = Vec::new();
    let mut anchors = Anchors::default();
    let mut buf: Vec<Tok> = Vec::with_capacity(WINDOW);
    let mut lexer = Lexer::new(text);
    let mut base = 0usize;
    let mut i = 0usize;
    let mut done = false;
    loop {
        while !done && buf.len() < WINDOW {
            match lexer.next() {
                Some(t) => buf.push(t),
                None => done = true,
            }
        }
        let limit = if done {
            buf.len()
        } else {
            buf.len().saturating_sub(LOOKAHEAD)
        };
        while i < limit {
            let Some(t) = buf.get(i) else { break };
            if !is_trigger(t.lex) {
                i += 1;
                continue;
            }
            let before = buf.get(..i).unwrap_or_default();
            let rest = Toks(buf.get(i..).unwrap_or_default());
            let found = Grammar::new(text, before).parse(rest);
            let Some(found) = found.filter(|f| f.len > 0) else {
                i += 1;
                continue;
            };
            for item in found.items.iter().flatten() {
                let (Some(first), Some(last)) = (buf.get(i + item.first), buf.get(i + item.last))
                else {
                    continue;
                };
                let (start_tok, end_tok) = (i + item.first, i + item.last + 1);
                let cached = Cell::new(None);
                let tense_fn = || {
                    if let Some(t) = cached.get() {
                        return t;
                    }
                    let t = tense_for(&buf, start_tok, end_tok);
                    cached.set(Some(t));
                    t
                };
                let mut expr = item.expr;
                // "in three weeks" said of the future is a date three weeks on.
                if let Expr::Duration(d) = expr {
                    if matches!(d.qty, Qty::N(_))
                        && first.lex != Lex::Kw(Kw::The)
                        && start_tok > 0
                        && buf
                            .get(start_tok - 1)
                            .is_some_and(|p| p.lex == Lex::Kw(Kw::In))
                        && tense_fn() == Tense::Future
                    {
                        expr = Expr::Ago(d.qty, d.unit, 1);
                    }
                }
                let nearby = match expr {
                    Expr::Clock(DaySpec::Unknown, ..) => nearby_day(&buf, end_tok),
                    _ => None,
                };
                let ctx = Ctx {
                    reference,
                    anchors: &anchors,
                    tense: &tense_fn,
                    pos: base + start_tok,
                    nearby_day: nearby,
                };
                // "will one day": some day in the future, not a day long.
                if let Expr::Duration(d) = expr {
                    if d.qty == Qty::N(1.0)
                        && d.unit == Unit::Day
                        && first.lex == Lex::Card(1)
                        && tense_fn() == Tense::Future
                        && !before_is(&buf, start_tok, &[Kw::For, Kw::In, Kw::Within, Kw::After])
                    {
                        expr = Expr::Ref(RefKind::Future);
                    }
                }
                // "Thursday, 23 January" without a year: of the two nearest 23 Januaries, the
                // one that falls on a Thursday is meant, whatever the tense would pick.
                let mut year_from_weekday = false;
                if let (Some((wd, _)), Expr::Day(DaySpec::Cal(YearRef::Infer, m, d)), Some(r)) =
                    (item.weekday, expr, reference)
                {
                    if let Some(y) = year_of_weekday(r, m, d, weekday(wd)) {
                        expr = Expr::Day(DaySpec::Cal(YearRef::Abs(y), m, d));
                        year_from_weekday = true;
                    }
                }
                let Some((value, mut relative)) = resolve(&expr, &ctx) else {
                    continue;
                };
                relative |= year_from_weekday;
                // Derived values ("a year ago", "the quarter") do not become anchors.
                if !matches!(
                    expr,
                    Expr::YearAgo | Expr::QuarterCtx(_) | Expr::QuarterCtxYear(_) | Expr::Ago(..)
                ) {
                    let quarter = matches!(expr, Expr::Quarter(..) | Expr::QuarterRel(_));
                    anchors.update(&value, base + start_tok, quarter);
                }
                // "the first nine months", "fiscal 1989": the story now compares longer periods.
                let longer = match expr {
                    Expr::Duration(d) => {
                        matches!((d.qty, d.unit), (Qty::N(n), Unit::Month) if n > 3.0)
                            || d.unit == Unit::Year
                    }
                    Expr::Year(YearRef::Abs(_)) => {
                        before_is(&buf, start_tok, &[Kw::Fiscal])
                            || first.lex == Lex::Kw(Kw::Fiscal)
                    }
                    _ => false,
                };
                if longer {
                    anchors.longer_period(base + start_tok);
                }
                let stated_weekday = item.weekday.and_then(|(d, k)| {
                    buf.get(i + k)
                        .map(|t| (weekday(d), Span::new(t.start, t.end)))
                });
                out.push(TimeMention {
                    span: Span::new(first.start, last.end),
                    value,
                    relative,
                    stated_weekday,
                });
            }
            i += found.len;
        }
        if done {
            break;
        }
        let drop = i.saturating_sub(LOOKBEHIND).min(buf.len());
        buf.drain(..drop);
        base += drop;
        i -= drop;
    }
    out
}

/// Parses a full calendar date at the start of `s` ("April 23, 2025", "23 April 2025",
/// "2025-04-23", "Monday, March 4, 2025"), returning the date and the bytes consumed.
pub fn parse_calendar_date(s: &str) -> Option<(NaiveDate, usize)> {
    let toks: Vec<Tok> = Lexer::new(s).take(16).collect();
    let found = Grammar::new(s, &[]).parse(Toks(&toks))?;
    let item = found.items.first().copied().flatten()?;
    if item.first != 0 {
        return None;
    }
    let Expr::Day(DaySpec::Cal(YearRef::Abs(y), m, d)) = item.expr else {
        return None;
    };
    let date = NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
    let end = toks.get(item.last)?.end;
    Some((date, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, reference: Option<NaiveDate>) -> Vec<(String, String)> {
        scan(text, reference)
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.value.value))
            .collect()
    }

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn v(text: &str, r: Option<&str>) -> Vec<(String, String)> {
        values(text, r.and_then(d))
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn must_haves_without_date() {
        assert_eq!(
            v("on February 1 and 2 the", None),
            pairs(&[("February 1", "XXXX-02-01"), ("2", "XXXX-02-02")])
        );
        assert_eq!(
            v("on 22 and 23 June.", None),
            pairs(&[("22", "XXXX-06-22"), ("23 June", "XXXX-06-23")])
        );
        assert_eq!(
            v("in April 2022,", None),
            pairs(&[("April 2022", "2022-04")])
        );
        assert_eq!(v("founded in 2015.", None), pairs(&[("2015", "2015")]));
        assert_eq!(
            v("in the second half of 2023", None),
            pairs(&[("the second half of 2023", "2023-H2")])
        );
        assert_eq!(
            v("in March of this year", None),
            pairs(&[("March of this year", "XXXX-03")])
        );
        assert_eq!(
            v("last Monday", None),
            pairs(&[("last Monday", "XXXX-WXX-1")])
        );
    }

    #[test]
    fn must_haves_with_date() {
        assert_eq!(
            v("in March of this year", Some("2025-04-23")),
            pairs(&[("March of this year", "2025-03")])
        );
        assert_eq!(
            v("this Wednesday", Some("2025-04-23")),
            pairs(&[("this Wednesday", "2025-04-23")])
        );
        assert_eq!(
            v("last March", Some("2025-04-23")),
            pairs(&[("last March", "2025-03")])
        );
        assert_eq!(
            v("last Monday", Some("2025-04-23")),
            pairs(&[("last Monday", "2025-04-21")])
        );
    }

    #[test]
    fn weekday_next_to_date() {
        let text = "Monday, March 4, 2025 was";
        let m = scan(text, None);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value.value, "2025-03-04");
        let (wd, span) = m[0].stated_weekday.unwrap();
        assert_eq!((wd, span.slice(text)), (Weekday::Mon, "Monday"));
    }

    #[test]
    fn weekday_picks_the_year_of_a_date_written_without_one() {
        // In early November 2025, 23 January 2025 was a Thursday, 23 January 2026 a Friday.
        let r = d("2025-11-05");
        let value = |t: &str| scan(t, r)[0].value.value.clone();
        assert_eq!(
            value("They met on Thursday, 23 January in Madrid."),
            "2025-01-23"
        );
        assert_eq!(
            value("They meet on Friday, 23 January in Madrid."),
            "2026-01-23"
        );
        // Neither nearest 23 January is a Sunday: the tense decides, the weekday stays wrong.
        let m = scan("They met on Sunday, 23 January in Madrid.", r);
        assert!(m[0].stated_weekday.is_some());
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(
            parse_calendar_date("April 23, 2025 | x"),
            Some((d("2025-04-23").unwrap(), 14))
        );
        assert_eq!(
            parse_calendar_date("23 April 2025 -"),
            Some((d("2025-04-23").unwrap(), 13))
        );
        assert_eq!(
            parse_calendar_date("2025-04-23"),
            Some((d("2025-04-23").unwrap(), 10))
        );
        assert_eq!(parse_calendar_date("Rabat, April 23, 2025"), None);
        assert_eq!(parse_calendar_date("April 23"), None);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "'",
            "-",
            "May",
            "the",
            "2025-",
            "Aug.",
            "10:",
            "a.m.",
            "é2025",
            "the 23rd",
            "Q",
            "1/2/",
            "日本 May 5",
        ] {
            let _ = scan(text, d("2025-04-23"));
            let _ = parse_calendar_date(text);
        }
    }
}

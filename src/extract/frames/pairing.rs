//! Ordered pairings of hosts and years: who hosts which edition of a series.
//!
//! - "Lyon and Porto will host the 2027 and 2028 editions of the Delta Forum, respectively":
//!   the first host with the first year;
//! - "Chile will host the 2027 edition of the forum in Valparaíso, and Peru the 2028 edition"
//!   and "Peru will host the 2028 edition": one host, one year, the series carried over;
//! - "Quito will host this year's edition of the forum, with Lima taking over in 2028".
//!
//! Hosts are read as countries (a city stands for its country), so "Lyon" and "France" are
//! one holder. The series may be named by a back-reference ("the forum") to the last series
//! of that head named in the article.

use super::zones::Zones;
use super::{SentenceInput, SeriesRef};
use crate::extract::offices::OfficeMatch;
use crate::extract::tokens::Sentence;
use crate::knowledge::Knowledge;
use crate::span::Span;
use crate::text::fold;
use chrono::Datelike;

/// A host read in a sentence: the country it stands for and where it is named.
#[derive(Debug, Clone)]
struct Host {
    code: String,
    span: Span,
}

/// The country a capitalised name at tokens `a..` stands for, and one past its end.
fn host_at(input: &SentenceInput<'_, '_>, a: usize) -> Option<(String, usize)> {
    let s = input.s;
    let kb = input.kb;
    if let Some(p) = input.places.iter().find(|p| p.a == a) {
        let c = kb
            .place_by_name(&fold(&p.name))
            .map(|pl| pl.country.clone())?;
        return Some((c, p.b));
    }
    // Country names of up to three words ("Rio de Janeiro" is a place; "South Africa" a
    // country).
    for len in (1..=3).rev() {
        if a + len > s.toks.len() {
            continue;
        }
        let phrase = s.folded_phrase(a, a + len);
        if let Some(c) = kb.country_by_name(&phrase) {
            return Some((c.to_string(), a + len));
        }
    }
    None
}

/// The hosts listed right before token `v` ("Corvale and Lyon will host"): a run of names
/// joined by "and" or commas, ending just before the verb group.
fn hosts_before(input: &SentenceInput<'_, '_>, v: usize) -> Vec<Host> {
    let s = input.s;
    // Skip the auxiliaries: "will", "would", "is to", "are set to", "is due to".
    let mut e = v;
    while e > 0
        && matches!(
            s.f(e - 1),
            "will"
                | "would"
                | "to"
                | "set"
                | "due"
                | "is"
                | "are"
                | "was"
                | "were"
                | "also"
                | "jointly"
                | "then"
                | "shall"
        )
    {
        e -= 1;
    }
    let mut out: Vec<Host> = Vec::new();
    let mut k = e;
    loop {
        // Find a host ending at k.
        let mut hit = None;
        for a in (k.saturating_sub(4)..k).rev() {
            if let Some((c, end)) = host_at(input, a) {
                if end == k {
                    hit = Some((c, a));
                }
            }
        }
        let Some((c, a)) = hit else { break };
        out.insert(
            0,
            Host {
                code: c,
                span: Span::new(s.toks[a].start, s.toks[k - 1].end),
            },
        );
        if a >= 1 && (s.f(a - 1) == "and" || s.gap_before(a).contains(',')) {
            k = if s.f(a - 1) == "and" { a - 1 } else { a };
            continue;
        }
        break;
    }
    out
}

/// A year at token `k`: four digits, or "this year's" / "next year's" against the
/// publication date. Returns the year, its span and one past its end.
fn year_at(
    s: &Sentence<'_>,
    k: usize,
    published: Option<chrono::NaiveDate>,
) -> Option<(i32, Span, usize)> {
    let t = s.toks.get(k)?;
    if t.text.len() == 4 && t.text.bytes().all(|c| c.is_ascii_digit()) {
        let y: i32 = t.text.parse().ok()?;
        if (1900..2200).contains(&y) {
            return Some((y, Span::new(t.start, t.end), k + 1));
        }
    }
    if matches!(t.folded.as_ref(), "this" | "next" | "last") && s.f(k + 1) == "year" {
        let p = published?;
        let y = match t.folded.as_ref() {
            "this" => p.year(),
            "next" => p.year() + 1,
            _ => p.year() - 1,
        };
        let end = if s.f(k + 2) == "s" { k + 3 } else { k + 2 };
        return Some((y, Span::new(t.start, s.toks[k + 1].end), end));
    }
    None
}

/// Reads the pairings of a sentence.
pub(crate) fn find(
    input: &SentenceInput<'_, '_>,
    z: &Zones,
    series: &[SeriesRef],
    published: Option<chrono::NaiveDate>,
) -> Vec<OfficeMatch> {
    let s = input.s;
    let kb: &Knowledge = input.kb;
    let n = s.toks.len();
    let mut out = Vec::new();
    let mut carried: Option<(String, Span)> = None;
    for v in 0..n {
        let f = s.f(v);
        if !matches!(f, "host" | "hosts" | "hosting" | "hosted") || !z.main(v) {
            continue;
        }
        // "the 2026 and 2027 editions of S", "the 2026 edition of S", "this year's edition".
        let mut k = v + 1;
        if matches!(s.f(k), "the" | "its") {
            k += 1;
        }
        let mut years = Vec::new();
        while let Some((y, sp, end)) = year_at(s, k, published) {
            years.push((y, sp));
            k = end;
            if matches!(s.f(k), "and" | "to") {
                k += 1;
            } else if s.gap_before(k).contains(',') {
                continue;
            } else {
                break;
            }
        }
        if years.is_empty()
            || !matches!(
                s.f(k),
                "edition"
                    | "editions"
                    | "session"
                    | "sessions"
                    | "meeting"
                    | "meetings"
                    | "summit"
                    | "summits"
            )
        {
            continue;
        }
        let noun_at = k;
        // The series: "of [the] Name" or a back-reference "of the forum".
        let mut series_name: Option<(String, Span)> = None;
        if s.f(noun_at + 1) == "of" {
            let mut c = noun_at + 2;
            if s.f(c) == "the" {
                c += 1;
            }
            if s.toks.get(c).is_some_and(|t| t.cap) {
                let mut e = c;
                while e < n
                    && (s.toks[e].cap
                        || (matches!(s.f(e), "and" | "of" | "on" | "for")
                            && s.toks.get(e + 1).is_some_and(|t| t.cap)))
                {
                    e += 1;
                    if !s.joined(e - 1) {
                        break;
                    }
                }
                let sp = Span::new(s.toks[c].start, s.toks[e - 1].end);
                series_name = Some((sp.slice(s.text).to_string(), sp));
            } else if let Some(head) = s.toks.get(c).map(|t| t.folded.to_string()) {
                if let Some(sr) = series
                    .iter()
                    .rev()
                    .find(|sr| fold(&sr.name).ends_with(&head))
                {
                    series_name =
                        Some((sr.name.clone(), Span::new(s.toks[c].start, s.toks[c].end)));
                }
            }
        }
        let series_name = series_name.or_else(|| carried.clone());
        let Some((name, _)) = series_name.clone() else {
            continue;
        };
        carried = series_name;
        let office = format!(
            "host of {}",
            name.trim_start_matches("the ").trim_start_matches("The ")
        );
        let hosts = hosts_before(input, v);
        let respectively = (0..n).any(|j| s.f(j) == "respectively");
        if hosts.len() >= 2 && hosts.len() == years.len() && (respectively || hosts.len() == 2) {
            for (h, (y, ysp)) in hosts.iter().zip(years.iter()) {
                out.push(OfficeMatch {
                    office: office.clone(),
                    span: Span::new(s.toks[v].start, s.toks[noun_at].end),
                    holder: h.code.clone(),
                    holder_span: h.span,
                    year: *y,
                    year_span: *ysp,
                });
            }
        } else if hosts.len() == 1 && years.len() == 1 {
            out.push(OfficeMatch {
                office: office.clone(),
                span: Span::new(s.toks[v].start, s.toks[noun_at].end),
                holder: hosts[0].code.clone(),
                holder_span: hosts[0].span,
                year: years[0].0,
                year_span: years[0].1,
            });
        }
        // "..., with Lyon taking over in 2027" / "and Marlow to follow in 2027".
        for j in noun_at..n.saturating_sub(3) {
            if matches!(s.f(j), "taking" | "take" | "takes")
                && s.f(j + 1) == "over"
                && s.f(j + 2) == "in"
            {
                let subj = hosts_before(input, j);
                if let (Some(h), Some((y, ysp, _))) = (subj.last(), year_at(s, j + 3, published)) {
                    out.push(OfficeMatch {
                        office: office.clone(),
                        span: Span::new(s.toks[v].start, s.toks[noun_at].end),
                        holder: h.code.clone(),
                        holder_span: h.span,
                        year: y,
                        year_span: ysp,
                    });
                }
            }
        }
    }
    let _ = kb;
    out
}

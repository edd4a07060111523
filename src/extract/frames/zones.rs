//! Stretches of a sentence whose dates, places and numbers are not about the events the
//! sentence reports:
//!
//! - quotations;
//! - asides about how something else came to be: a participle or clause of creation after a
//!   noun ("the partnership, signed in 2022,", "a body created in 2019", "since it was set
//!   up in 2009", "under a treaty ratified the year before");
//! - the time a statement was made ("the ministry said on Wednesday", "figures released on
//!   Wednesday afternoon"): that is when a figure held, not when the event happened.

use super::SentenceInput;
use crate::span::Span;

/// What a token's stretch of the sentence is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The sentence's own report.
    Main,
    /// Inside a quotation.
    Quote,
    /// An aside about something else's origin or an earlier time.
    Aside,
}

/// The zones of one sentence, per token, and which of its times date a statement.
#[derive(Debug, Clone)]
pub struct Zones {
    /// Zone of each token.
    pub zone: Vec<Zone>,
    /// For each time of the sentence (same order as the input): true when it dates a
    /// statement ("said on Wednesday") rather than an event.
    pub report_time: Vec<bool>,
    /// Token index range of each time of the sentence.
    pub time_toks: Vec<(usize, usize)>,
}

/// Words that tell how something came to be; after a noun (or in "since ...") they open an
/// aside.
const ORIGIN_WORDS: &[&str] = &[
    "created",
    "established",
    "founded",
    "launched",
    "signed",
    "adopted",
    "ratified",
    "built",
    "formed",
    "introduced",
    "approved",
    "concluded",
    "dating",
    "dates",
    "dated",
    "inaugurated",
    "set",
    "enacted",
    "passed",
    "drafted",
];

/// Verbs of saying and publishing: a date right after one dates the statement.
const STATEMENT_WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "released",
    "published",
    "confirmed",
    "stated",
    "added",
    "update",
    "updated",
    "statement",
    "figures",
    "briefing",
    "tweeted",
    "posted",
    "wrote",
];

/// Auxiliaries that make the next participle part of a finite verb ("has signed").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "shall", "should", "could", "can", "may", "might", "to",
    "must", "did", "do", "does",
];

impl Zones {
    /// Computes the zones of a sentence.
    pub fn of(input: &SentenceInput<'_, '_>) -> Zones {
        let s = input.s;
        let n = s.toks.len();
        let mut zone = vec![Zone::Main; n];
        for q in input.quotes {
            for (k, t) in s.toks.iter().enumerate() {
                if t.start >= q.start && t.end <= q.end {
                    zone[k] = Zone::Quote;
                }
            }
        }
        // Asides: from the opening word to the next comma, semicolon, dash or bracket.
        let mut k = 0;
        while k < n {
            if zone[k] != Zone::Main {
                k += 1;
                continue;
            }
            if let Some(open) = aside_opens(input, k) {
                let mut end = open.max(k + 1);
                while end < n && !closes(s.gap_before(end)) && zone[end] != Zone::Quote {
                    end += 1;
                }
                for z in zone.iter_mut().take(end).skip(k) {
                    if *z == Zone::Main {
                        *z = Zone::Aside;
                    }
                }
                k = end;
                continue;
            }
            k += 1;
        }
        let time_toks: Vec<(usize, usize)> = input
            .times
            .iter()
            .map(|t| tok_range(input, t.span))
            .collect();
        let report_time = time_toks
            .iter()
            .map(|&(a, _)| {
                // "said on Wednesday", "said late on Tuesday", "update on Wednesday afternoon"
                let mut j = a;
                let mut steps = 0;
                while j > 0 && steps < 3 {
                    j -= 1;
                    steps += 1;
                    let f = s.f(j);
                    if STATEMENT_WORDS.contains(&f) {
                        return true;
                    }
                    if !matches!(f, "on" | "late" | "early" | "in" | "by" | "at" | "s") {
                        return false;
                    }
                }
                false
            })
            .collect();
        Zones {
            zone,
            report_time,
            time_toks,
        }
    }

    /// True when token `k` is in the sentence's own report (not a quote or an aside).
    pub fn main(&self, k: usize) -> bool {
        self.zone.get(k).is_some_and(|z| *z == Zone::Main)
    }

    /// True when every token of `a..b` is in the sentence's own report.
    pub fn main_range(&self, a: usize, b: usize) -> bool {
        (a..b.max(a + 1)).all(|k| self.main(k))
    }
}

/// The token range of a span within the sentence.
pub fn tok_range(input: &SentenceInput<'_, '_>, span: Span) -> (usize, usize) {
    let s = input.s;
    let a = s.toks.partition_point(|t| t.end <= span.start);
    let b = s.toks.partition_point(|t| t.start < span.end);
    (a, b.max(a))
}

/// True when a gap closes an aside.
fn closes(gap: &str) -> bool {
    gap.contains([',', ';', '(', ')', '—', '–', ':'])
}

/// Where an aside starting at token `k` opens its content, if it is one.
fn aside_opens(input: &SentenceInput<'_, '_>, k: usize) -> Option<usize> {
    let s = input.s;
    let f = s.f(k);
    if s.toks[k].cap && k > 0 {
        return None;
    }
    // "since it was set up in 2009", "since 2019", "since the 2021 crisis"
    if f == "since" {
        return Some(k + 1);
    }
    if !ORIGIN_WORDS.contains(&f) {
        return None;
    }
    // "set" needs "up"; "dates back"; "dating from".
    if f == "set" && s.f(k + 1) != "up" {
        return None;
    }
    if k == 0 {
        return None;
    }
    let prev = s.f(k - 1);
    // "it was set up", "which was created", "that were signed": a clause about something
    // named before.
    if matches!(prev, "was" | "were" | "been" | "is" | "are") {
        let subj = k.checked_sub(2).map(|p| s.f(p)).unwrap_or("");
        if matches!(subj, "it" | "which" | "that" | "they" | "who") {
            return Some(k + 1);
        }
        return None;
    }
    if AUXILIARIES.contains(&prev) {
        return None;
    }
    // A reduced relative after a noun or a comma: "the partnership, signed in 2022",
    // "a body created in 2019", "the strategy launched in 2009".
    let gap = s.gap_before(k);
    let after_comma = gap.contains(',');
    let prev_tok = &s.toks[k - 1];
    let after_noun = !after_comma
        && s.joined(k - 1)
        && (prev_tok.cap
            || (prev_tok.folded.len() > 3
                && !matches!(
                    prev,
                    "they"
                        | "who"
                        | "which"
                        | "that"
                        | "and"
                        | "also"
                        | "then"
                        | "jointly"
                        | "both"
                        | "countries"
                        | "sides"
                        | "governments"
                        | "ministers"
                        | "leaders"
                        | "delegations"
                        | "officials"
                )));
    // The participle must be followed by what dates it, or by an agent. Without a comma
    // before it, only a year-like date or an agent ("a body created in 2019", "set up by the
    // two governments") makes it an aside: a main verb usually gives a day ("signed on
    // Monday").
    let next = s.f(k + 1);
    let year_next = |j: usize| {
        let t = s.f(j);
        t.len() == 4 && t.chars().all(|c| c.is_ascii_digit())
    };
    let dated_loose = matches!(
        next,
        "in" | "on" | "by" | "at" | "last" | "earlier" | "up" | "back" | "from" | "under"
    ) || year_next(k + 1);
    let dated_strict = matches!(next, "by" | "back" | "under")
        || (next == "up" && matches!(s.f(k + 2), "in" | "by" | "last" | "under"))
        || (next == "in" && (year_next(k + 2) || matches!(s.f(k + 2), "the" | "late" | "early")))
        || year_next(k + 1);
    if (after_comma && dated_loose) || (after_noun && dated_strict) {
        return Some(k + 1);
    }
    None
}

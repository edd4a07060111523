//! Events: meetings, summits and visits, with the facts the text attaches to them — the
//! series ("the Franco-Tunisian Joint Fisheries Commission held its 14th meeting"),
//! ordinal, place ("in Madrid"), date ("on February 1"), attendees ("chaired by A and B"),
//! counts ("a delegation of a dozen ministers") and whether it is still to come.
//!
//! Within one article, "the meeting" / "this meeting" refers back to the last meeting
//! named; its facts are added to that event rather than making a new one.

use super::numbers::{ordinal, CountMatch};
use super::orgs::PlaceMatch;
use super::people::NameMatch;
use super::tokens::Sentence;
use super::vocab::{self, is_in};
use super::{Attr, CountAttr, EventClaim};
use crate::knowledge::Knowledge;
use crate::span::Span;
use crate::timex::TimeValue;

/// Events of one document being assembled sentence by sentence.
#[derive(Debug, Default)]
pub struct EventBuilder {
    /// Events with the span of their first mention.
    pub events: Vec<(Span, EventClaim)>,
    /// Last event per family ("meeting", "summit", "visit"), for "the meeting".
    current: Vec<(&'static str, usize)>,
    /// Sentences read so far.
    sentence: usize,
    /// The event mentioned last and the sentence it was mentioned in.
    last: Option<(usize, usize)>,
}

/// Counts in the sentences right after an event's mention, with no event named in them,
/// are about that event ("... held its summit in Rabat. The delegations signed 20 agreements.").
const COUNT_CARRY_SENTENCES: usize = 2;

/// What kind of event a noun names, for anaphora.
fn family(noun: &str) -> &'static str {
    match noun {
        "visit" | "visits" => "visit",
        "conference" | "forum" | "congress" | "assembly" => "conference",
        "ceremony" => "ceremony",
        _ => "meeting",
    }
}

/// Verbs that make the sentence's subject the series holding the meeting.
pub(crate) static HOLD_VERBS: crate::extract::vocab::WordSet = crate::extract::vocab::WordSet::core(
    &[
        "held",
        "holds",
        "hold",
        "convened",
        "convenes",
        "convene",
        "organised",
        "organized",
        "hosted",
        "opened",
        "concluded",
        "celebrated",
        "holding",
    ],
    1 << 13,
);

/// Words that mark an event as still to come.
pub(crate) static PLANNED_CUES: crate::extract::vocab::WordSet =
    crate::extract::vocab::WordSet::core(
        &[
            "will",
            "shall",
            "scheduled",
            "upcoming",
            "next",
            "planned",
            "expected",
            "forthcoming",
            "convene",
            "agreed",
        ],
        1 << 14,
    );

/// Quantifiers left out of a series name ("the various joint subcommittees of ...").
pub(crate) static QUANTIFIERS: crate::extract::vocab::WordSet =
    crate::extract::vocab::WordSet::core(
        &[
            "various",
            "different",
            "several",
            "all",
            "both",
            "many",
            "ad",
            "hoc",
            "two",
            "respective",
        ],
        1 << 15,
    );

/// Times of the sentence: span and value.
pub type SentenceTime = (Span, TimeValue);

/// Reads the events of one sentence into `builder`.
#[allow(clippy::too_many_arguments)]
pub fn read_sentence(
    s: &Sentence<'_>,
    kb: &Knowledge,
    times: &[SentenceTime],
    names: &[NameMatch],
    places: &[PlaceMatch],
    counts: &[CountMatch],
    builder: &mut EventBuilder,
) {
    builder.sentence += 1;
    let n = s.toks.len();
    let heading = s.is_heading();
    let nouns: Vec<(usize, Option<usize>)> = (0..n)
        .filter_map(|i| {
            let t = &s.toks[i];
            // Capitalised nouns count in running text ("the 12th High-Level Meeting"), not
            // in headlines where every word is capitalised.
            if !(t.cap && heading)
                && t.is(&vocab::EVENT_NOUNS)
                && (t.folded != "round" || s.f(i + 1) == "of")
            {
                return Some((i, None));
            }
            // A series known by an acronym stands for its meeting ("the February RAN").
            let acronym = t.text.len() <= 5 && t.text.bytes().all(|c| c.is_ascii_uppercase());
            (acronym && kb.series_by_name(&t.folded).is_some() && !s.is(i + 1, &vocab::EVENT_NOUNS))
                .then_some((i, Some(i)))
        })
        .collect();
    if nouns.is_empty() && !counts.is_empty() {
        if let Some((i, at)) = builder.last {
            if builder.sentence - at <= COUNT_CARRY_SENTENCES {
                let carried = counts.iter().map(|c| CountAttr {
                    value: c.value,
                    approximate: c.approximate,
                    noun: c.noun.clone(),
                    span: Span::new(s.toks[c.a].start, s.toks[c.b - 1].end),
                });
                builder.events[i].1.counts.extend(carried);
            }
        }
    }
    // Only read for the meeting nouns of the sentence.
    let planned_sentence = !nouns.is_empty()
        && ((0..n).any(|k| s.is(k, &PLANNED_CUES) && !s.toks[k].cap)
            || s.phrase(0, n).contains("set to")
            || s.phrase(0, n).contains("to be held"));
    if nouns.is_empty() {
        if let Some(ev) = verb_meeting(s, times, names, places) {
            builder.events.push(ev);
            let i = builder.events.len() - 1;
            builder.current.retain(|(f, _)| *f != "meeting");
            builder.current.push(("meeting", i));
            builder.last = Some((i, builder.sentence));
        }
    }
    let cues = if nouns.is_empty() {
        Vec::new()
    } else {
        attendance_cues(s)
    };
    for (idx, &(e, acronym_series)) in nouns.iter().enumerate() {
        let next_noun = nouns.get(idx + 1).map(|x| x.0).unwrap_or(n);
        let noun = s.toks[e].folded.clone();
        // Ordinal and determiner before the noun: up to three joined words back.
        let mut a = e;
        let mut ord = None;
        let mut k = e;
        let noun_cap = s.toks[e].cap;
        while k > 0 && e - k < 5 && s.joined(k - 1) {
            let f = s.f(k - 1);
            if let Some(o) = ordinal(s.toks[k - 1].text) {
                ord = Some(Attr {
                    value: o,
                    span: Span::new(s.toks[k - 1].start, s.toks[k - 1].end),
                });
                a = k - 1;
            } else if is_in(&vocab::DETERMINERS, f)
                || matches!(f, "this" | "that" | "these" | "its" | "their")
            {
                a = k - 1;
                break;
            } else if (s.toks[k - 1].cap && !noun_cap && !country_compound(s, kb, k - 1))
                || is_in(&vocab::EVENT_NOUNS, f)
                || is_in(&HOLD_VERBS, f)
                || f == "s"
            {
                break;
            }
            k -= 1;
        }
        let det = if a < e {
            s.f(a).to_string()
        } else {
            String::new()
        };
        // Series: acronym, "of the X" after the noun, or "X held its Nth meeting".
        let mut series: Option<(Span, String)> = acronym_series.map(|i| {
            (
                Span::new(s.toks[i].start, s.toks[i].end),
                s.toks[i].text.to_string(),
            )
        });
        let fam = family(&noun);
        if series.is_none() && s.f(e + 1) == "of" && fam != "visit" {
            series = series_after(s, e + 2, next_noun);
        }
        if series.is_none() && matches!(det.as_str(), "its" | "their") {
            series = subject_series(s, a);
        }
        if series.is_none() && fam != "visit" {
            series = bilateral_series(s, kb, a, e);
        }
        // The event noun may be modified by a capitalised series name right before it.
        let event_span = Span::new(s.toks[a].start, s.toks[e].end);
        let place = places
            .iter()
            .find(|p| p.a > e && p.a < next_noun && p.a > 0 && matches!(s.f(p.a - 1), "in" | "at"))
            .or_else(|| {
                places
                    .iter()
                    .find(|p| p.b <= a && p.a == 0 && (p.b..a).any(|k| s.f(k) == "hosted"))
            })
            .map(|p| Attr {
                value: p.name.clone(),
                span: Span::new(s.toks[p.a].start, s.toks[p.b - 1].end),
            });
        let time = times
            .iter()
            .find(|(sp, v)| {
                sp.start > s.toks[e].end
                    && (next_noun >= n || sp.start < s.toks[next_noun].start)
                    && v.parts().is_some()
                    && time_attaches(s, sp.start)
            })
            .or_else(|| {
                times.iter().rev().find(|(sp, v)| {
                    sp.end <= s.toks[e].start
                        && s.toks[a].start.saturating_sub(sp.end) <= 6
                        && v.parts().is_some()
                })
            })
            .map(|(sp, v)| Attr {
                value: v.clone(),
                span: *sp,
            });
        let attendees = attendees_of(s, names, &cues, e, next_noun, idx == 0);
        let event_counts: Vec<CountAttr> = counts
            .iter()
            .filter(|c| idx == 0 || c.a > e)
            .map(|c| CountAttr {
                value: c.value,
                approximate: c.approximate,
                noun: c.noun.clone(),
                span: Span::new(s.toks[c.a].start, s.toks[c.b - 1].end),
            })
            .collect();
        let planned = planned_sentence
            || (e >= 2 && matches!(s.f(e - 2), "convene" | "hold" | "organise" | "organize"));
        let anaphoric = matches!(det.as_str(), "the" | "this" | "that" | "these")
            && series.is_none()
            && ord.is_none()
            && acronym_series.is_none()
            && s.f(e + 1) != "of"
            && s.f(e + 1) != "on"
            && s.f(e + 1) != "between";
        if anaphoric {
            if let Some(&(_, i)) = builder.current.iter().rev().find(|(f, _)| *f == fam) {
                builder.last = Some((i, builder.sentence));
                let ev = &mut builder.events[i].1;
                if ev.place.is_none() {
                    ev.place = place;
                }
                if ev.time.is_none() {
                    ev.time = time;
                }
                for at in attendees {
                    if !ev.attendees.iter().any(|x| x.value == at.value) {
                        ev.attendees.push(at);
                    }
                }
                ev.counts.extend(event_counts);
                continue;
            }
        }
        let (series_span, series_name) = match series {
            Some((sp, name)) => (Some(sp), Some(name)),
            None => (None, None),
        };
        let claim = EventClaim {
            noun: fam.to_string(),
            series: series_name,
            series_span,
            ordinal: ord,
            place,
            time,
            attendees,
            counts: event_counts,
            planned,
            relative_time: None,
        };
        builder.events.push((event_span, claim));
        let i = builder.events.len() - 1;
        builder.current.retain(|(f, _)| *f != fam);
        builder.current.push((fam, i));
        builder.last = Some((i, builder.sentence));
    }
}

/// Names that attend the event: a list right after an attendance cue ("chaired by A,
/// title, and B", "attended by A; B; and C", "bring together A and B", "with A and B at the
/// head"). The first name must follow the cue closely, with only title words between.
fn attendees_of(
    s: &Sentence<'_>,
    names: &[NameMatch],
    cues: &[usize],
    e: usize,
    next_noun: usize,
    first_event: bool,
) -> Vec<Attr<String>> {
    // The first cue after the noun (anywhere before it for the sentence's first event) and
    // before the next event noun. `cues` is sorted, so this is a binary search.
    let from = if first_event {
        0
    } else {
        cues.partition_point(|&k| k <= e)
    };
    let cue = cues.get(from).copied().filter(|&k| k < next_noun);
    let Some(c) = cue else { return Vec::new() };
    let Some(first) = names.iter().position(|m| m.a > c) else {
        return Vec::new();
    };
    let m0 = names[first];
    // Only title-like words (or "by"/"over"/"of") between the cue and the first name.
    let close = (c + 1..m0.a).all(|k| {
        let t = &s.toks[k];
        t.cap
            || matches!(t.folded.as_ref(), "by" | "over" | "of" | "the")
            || t.is(&vocab::TITLE_HEADS)
            || t.title_modifier()
    }) && m0.a - c <= 8;
    if !close {
        return Vec::new();
    }
    // The list goes on while only titles, list punctuation and "and" separate the names.
    let mut out = Vec::new();
    let mut prev_end = m0.a;
    for m in &names[first..] {
        let list_gap = (prev_end..m.a).all(|k| {
            let t = &s.toks[k];
            t.cap
                || t.folded == "s"
                || matches!(t.folded.as_ref(), "and" | "at" | "head" | "helm")
                || t.is(&vocab::TITLE_CONNECTORS)
                || t.is(&vocab::TITLE_HEADS)
                || t.title_modifier()
        }) && m.a - prev_end <= 16;
        if !list_gap {
            break;
        }
        out.push(Attr {
            value: s.phrase(m.a, m.b).to_string(),
            span: Span::new(s.toks[m.a].start, s.toks[m.b - 1].end),
        });
        prev_end = m.b;
    }
    out
}

/// Adjectives that say nothing about which series a meeting belongs to.
pub(crate) static EVALUATIVE: crate::extract::vocab::WordSet = crate::extract::vocab::WordSet::core(
    &[
        "long-awaited",
        "awaited",
        "new",
        "latest",
        "last",
        "next",
        "first",
        "recent",
        "upcoming",
        "major",
        "important",
        "historic",
        "crucial",
        "key",
        "official",
        "formal",
        "informal",
        "long",
        "much-anticipated",
        "anticipated",
        "planned",
        "previous",
        "second",
        "third",
        "this",
        "that",
        "such",
    ],
    1 << 16,
);

/// True for a hyphenated pair of nationalities or countries: "Moroccan-Spanish", "Spain-Morocco".
fn country_compound(s: &Sentence<'_>, kb: &Knowledge, k: usize) -> bool {
    let t = &s.toks[k];
    t.cap
        && t.folded
            .split('-')
            .filter(|w| {
                kb.country_by_demonym(w)
                    .or_else(|| kb.country_by_name(w))
                    .is_some()
            })
            .count()
            >= 2
}

/// "the high-level meeting between Spain and Morocco", "the Moroccan-Spanish high-level
/// meeting": a series named by the meeting's kind and the two countries it joins.
fn bilateral_series(
    s: &Sentence<'_>,
    kb: &Knowledge,
    a: usize,
    e: usize,
) -> Option<(Span, String)> {
    let mut m = e;
    while m > a
        && (!s.toks[m - 1].cap || s.toks[e].cap)
        && !country_compound(s, kb, m - 1)
        && ordinal(s.toks[m - 1].text).is_none()
        && !s.is(m - 1, &EVALUATIVE)
        && !s.is(m - 1, &vocab::DETERMINERS)
    {
        m -= 1;
    }
    let country = |k: usize| {
        kb.country_by_name(s.f(k))
            .or_else(|| kb.country_by_demonym(s.f(k)))
            .is_some()
    };
    // Countries before: "Moroccan-Spanish" / "Spain-Morocco" as one token.
    let before = (m > 0 && country_compound(s, kb, m - 1)).then(|| m - 1);
    // Countries after: "between [the governments of] X and Y".
    let mut end = None;
    if s.f(e + 1) == "between" {
        let mut k = e + 2;
        if s.f(k) == "the"
            && matches!(
                s.f(k + 1),
                "governments" | "authorities" | "delegations" | "leaders" | "kingdoms"
            )
            && s.f(k + 2) == "of"
        {
            k += 3;
        }
        if country(k) && s.f(k + 1) == "and" && country(k + 2) {
            end = Some(k + 3);
        }
    }
    if m == e || (before.is_none() && end.is_none()) {
        return None;
    }
    let start = before.unwrap_or(m);
    let stop = end.unwrap_or(e + 1);
    let span = Span::new(s.toks[start].start, s.toks[stop - 1].end);
    Some((span, span.slice(s.text).to_string()))
}

/// Verbs that make a meeting of the people on either side: "A met B", "A received B",
/// "B was received by A", "A held talks with B".
pub(crate) static MEETING_VERBS: crate::extract::vocab::WordSet =
    crate::extract::vocab::WordSet::core(
        &[
            "met", "meets", "received", "receives", "welcomed", "welcomes", "hosted", "hosts",
        ],
        1 << 17,
    );

/// A meeting told by its verb, with no event noun: "Ruiz Gil met Morel Dubois in Lisbon on
/// Wednesday". Needs two named people, one on each side of the verb (or after "by"/"with").
fn verb_meeting(
    s: &Sentence<'_>,
    times: &[SentenceTime],
    names: &[NameMatch],
    places: &[PlaceMatch],
) -> Option<(Span, EventClaim)> {
    let n = s.toks.len();
    let v = (0..n).find(|&k| {
        let f = s.f(k);
        !s.toks[k].cap
            && (s.toks[k].is(&MEETING_VERBS) || (f == "talks" && k > 0 && s.f(k - 1) == "held"))
    })?;
    let before: Vec<&NameMatch> = names.iter().filter(|m| m.b <= v).collect();
    let after: Vec<&NameMatch> = names.iter().filter(|m| m.a > v).collect();
    // "A and B met": both before the verb.
    let attendees: Vec<&NameMatch> = if !before.is_empty() && !after.is_empty() {
        before.iter().chain(after.iter()).copied().collect()
    } else if before.len() >= 2 && matches!(s.f(v), "met" | "meets") {
        before
    } else {
        return None;
    };
    let attendees: Vec<Attr<String>> = attendees
        .into_iter()
        .map(|m| Attr {
            value: s.phrase(m.a, m.b).to_string(),
            span: Span::new(s.toks[m.a].start, s.toks[m.b - 1].end),
        })
        .collect();
    let place = places
        .iter()
        .find(|p| p.a > 0 && matches!(s.f(p.a - 1), "in" | "at"))
        .map(|p| Attr {
            value: p.name.clone(),
            span: Span::new(s.toks[p.a].start, s.toks[p.b - 1].end),
        });
    let time = times
        .iter()
        .find(|(sp, v)| v.parts().is_some() && time_attaches(s, sp.start))
        .map(|(sp, v)| Attr {
            value: v.clone(),
            span: *sp,
        });
    let span = Span::new(s.toks[v].start, s.toks[v].end);
    Some((
        span,
        EventClaim {
            noun: "meeting".to_string(),
            series: None,
            series_span: None,
            ordinal: None,
            place,
            time,
            attendees,
            counts: Vec::new(),
            planned: false,
            relative_time: None,
        },
    ))
}

/// Positions of the words after which names attend an event: "chaired by", "attended by",
/// "presided over by", "with the participation of", "bring together", "between", "with".
fn attendance_cues(s: &Sentence<'_>) -> Vec<usize> {
    (0..s.toks.len())
        .filter(|&k| {
            let f = s.f(k);
            let next = s.f(k + 1);
            (matches!(
                f,
                "chaired" | "co-chaired" | "attended" | "presided" | "led" | "headed"
            ) && (next == "by" || next == "over"))
                || (f == "participation" && next == "of")
                || (f == "together"
                    && k > 0
                    && matches!(s.f(k - 1), "bring" | "brought" | "brings" | "bringing"))
                || matches!(f, "between" | "with")
        })
        .collect()
}

/// A date after an event noun belongs to it when introduced by a preposition of time.
fn time_attaches(s: &Sentence<'_>, start: usize) -> bool {
    let Some(k) = s.toks.iter().position(|t| t.start >= start) else {
        return false;
    };
    // Deictic dates need no preposition: "held its meeting in Tunis last Monday".
    let deictic = matches!(
        s.f(k),
        "last"
            | "this"
            | "next"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "earlier"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    );
    k == 0
        || deictic
        || matches!(
            s.f(k - 1),
            "on" | "in" | "at" | "during" | "for" | "from" | "of" | "until" | "by" | "between"
        )
        || s.gap_before(k).contains(',')
}

/// "of the various joint subcommittees of the Migration Group in ..." → the noun phrase,
/// provided it holds a capitalised word (a named body, not "a meeting of experts").
fn series_after(s: &Sentence<'_>, mut a: usize, limit: usize) -> Option<(Span, String)> {
    while a < limit && (s.f(a) == "the" || s.is(a, &QUANTIFIERS)) {
        a += 1;
    }
    let mut b = a;
    while b < limit.min(s.toks.len()) {
        let f = s.f(b);
        if b > a
            && matches!(
                f,
                "in" | "on"
                    | "at"
                    | "to"
                    | "with"
                    | "during"
                    | "between"
                    | "that"
                    | "which"
                    | "who"
                    | "and"
                    | "was"
                    | "is"
                    | "will"
                    | "has"
                    | "held"
            )
            && !s.toks[b].cap
        {
            break;
        }
        b += 1;
        if !s.joined(b - 1) && s.gap_after(b - 1) != "-" {
            break;
        }
    }
    while b > a && !s.toks[b - 1].cap {
        b -= 1;
    }
    if b <= a || !(a..b).any(|k| s.toks[k].cap) {
        return None;
    }
    let span = Span::new(s.toks[a].start, s.toks[b - 1].end);
    Some((span, span.slice(s.text).to_string()))
}

/// "The X [recently] held its 21st meeting": X, the capitalised subject before the verb.
fn subject_series(s: &Sentence<'_>, det: usize) -> Option<(Span, String)> {
    let mut k = det;
    // Skip the verb and adverbs/auxiliaries before it.
    let mut saw_verb = false;
    while k > 0 {
        let f = s.f(k - 1);
        if is_in(&HOLD_VERBS, f) {
            saw_verb = true;
            k -= 1;
            continue;
        }
        if !s.toks[k - 1].cap
            && (f.ends_with("ly")
                || matches!(
                    f,
                    "has" | "have" | "had" | "will" | "just" | "also" | "today" | "yesterday"
                ))
        {
            k -= 1;
            continue;
        }
        break;
    }
    if !saw_verb || k == 0 {
        return None;
    }
    let b = k;
    let mut a = b;
    while a > 0
        && (s.toks[a - 1].cap
            || (a >= 2 && matches!(s.f(a - 1), "of" | "on" | "for") && s.toks[a - 2].cap))
        && (s.joined(a - 1) || s.gap_after(a - 1) == "-")
    {
        a -= 1;
    }
    if a < b && s.f(a) == "the" {
        a += 1;
    }
    if a >= b || !s.toks[a].cap {
        return None;
    }
    let span = Span::new(s.toks[a].start, s.toks[b - 1].end);
    Some((span, span.slice(s.text).to_string()))
}

//! Extraction: article text in, [`Claim`]s with byte spans out.
//!
//! Each sub-module reads one kind of assertion with nom grammars over word tables. Nothing
//! here knows particular people or bodies: names come from the text's shape, vocabularies
//! (titles, organisations, places) from the loaded [`Knowledge`].

pub mod details;
pub mod frames;
pub mod numbers;
pub mod offices;
pub mod orgs;
pub mod people;
pub mod quotes;
pub mod time;
pub mod tokens;
pub mod vocab;

use crate::corpus::Document;
use crate::knowledge::Knowledge;
use crate::span::{DocId, Span};
use crate::timex::TimeValue;
use serde::{Deserialize, Serialize};

/// What a claim asserts. Serialised flat into the claim with a `kind` tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ClaimData {
    /// A time expression.
    Time {
        /// Normalised TIMEX3 type and value.
        timex: TimeValue,
        /// True when computed from the reference date.
        relative: bool,
        /// A weekday written next to the date ("Monday, March 4, 2025"), for the weekday check.
        #[serde(skip_serializing_if = "Option::is_none")]
        stated_weekday: Option<StatedWeekday>,
    },
    /// A named person.
    Person {
        /// The name as written.
        name: String,
    },
    /// A person given a title or role.
    Title {
        /// The person's name as written.
        person: String,
        /// Where the person's name is.
        person_span: Span,
        /// The title as written, without the name.
        title: String,
        /// Country the title is qualified with ("Spanish", "Morocco's"), when stated.
        #[serde(skip_serializing_if = "Option::is_none")]
        country: Option<String>,
        /// True for a title no longer held ("former", "ex-", "then-").
        #[serde(skip_serializing_if = "std::ops::Not::not", default)]
        former: bool,
        /// True when the sentence is dated more than a year before the article ("in 1991,
        /// Prime Minister X signed ..."): the title was held then, not on the article's date.
        #[serde(skip_serializing_if = "std::ops::Not::not", default)]
        historical: bool,
    },
    /// An organisation, optionally with a person it is attached to ("at the head of").
    Organisation {
        /// The organisation as written.
        name: String,
        /// A person the text puts at its head or in it.
        #[serde(skip_serializing_if = "Option::is_none")]
        person: Option<String>,
        /// Where that person's name is.
        #[serde(skip_serializing_if = "Option::is_none")]
        person_span: Option<Span>,
    },
    /// A person's age as the text gives it ("Ana Ruiz, 36,", "61-year-old Ana Ruiz").
    Age {
        /// The person's name as written.
        person: String,
        /// Where the person's name is.
        person_span: Span,
        /// Age in years.
        years: u32,
    },
    /// Where a person is from ("Ana Ruiz, 36, of Velmora").
    Origin {
        /// The person's name as written.
        person: String,
        /// Where the person's name is.
        person_span: Span,
        /// The place (canonical name).
        place: String,
    },
    /// A place name.
    Place {
        /// The place as written.
        name: String,
    },
    /// A meeting, summit or visit with what the text says about it.
    Event(Box<EventClaim>),
    /// An ordinal attached to an event ("its 21st meeting").
    Ordinal {
        /// The number.
        value: u32,
    },
    /// A count of things ("a delegation of 12 ministers").
    Count {
        /// The number (a dozen = 12).
        value: u64,
        /// True for "about", "some", "nearly"...
        approximate: bool,
        /// What is counted, singular and lower case.
        noun: String,
    },
    /// An office a country holds for a year ("the Ruritanian presidency of the Delta Process in 2023").
    Office {
        /// The office ("presidency of the Delta Process"; "presidencies" and "chairmanships" made singular).
        office: String,
        /// The holder's country code.
        holder: String,
        /// Where the holder is named.
        holder_span: Span,
        /// The year.
        year: i32,
        /// Where the year is.
        year_span: Span,
    },
    /// A quotation.
    Quote {
        /// The quoted words, without quotation marks.
        words: String,
        /// The speaker, when the text says who.
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<String>,
        /// Where the speaker is named.
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker_span: Option<Span>,
    },
}

/// An event frame: what an article says happened (or will happen), with its arguments.
/// Built by [`frames`]; several mentions of one event in an article are merged into one
/// frame, and each argument says how it was attached ([`Via`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventClaim {
    /// The kind of event as reports name it ("session", "summit", "earthquake", "visit").
    pub noun: String,
    /// The coarse kind ([`frames::lexicon::Family`]): "gathering", "visit", "quake"...
    pub family: String,
    /// The word that told of it, as written ("met", "session").
    pub trigger: String,
    /// The series it belongs to, as written ("the Franco-Tunisian Joint Fisheries Commission").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Where the series name is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series_span: Option<Span>,
    /// Its number in the series.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<Attr<u32>>,
    /// Where it is held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Attr<String>>,
    /// When it is held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<Attr<TimeValue>>,
    /// What part of the event the date is: its first day ("opened on"), its last ("ended
    /// on"), or the whole of it.
    #[serde(skip_serializing_if = "TimeRole::is_whole", default)]
    pub time_role: TimeRole,
    /// Its length in days when stated ("the two-day session").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// The date as written when it was computed from the publication date ("last Monday"),
    /// so rules can say how a relative date was read without the article's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative_time: Option<String>,
    /// Named people who took part, with their roles.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub attendees: Vec<Participant>,
    /// Organisations that took part or acted.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub organisations: Vec<Attr<String>>,
    /// Countries involved (ISO codes, sorted).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub countries: Vec<String>,
    /// Numbers stated about it: counts, casualties, money, percentages.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub counts: Vec<CountAttr>,
    /// True when the text announces it for the future ("will be held", "is due to").
    pub planned: bool,
    /// "held", "planned", "cancelled", "postponed", or "reported" when the text does not say.
    pub modality: String,
    /// Another instance than the one the story is about: "next" or "previous".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<frames::lexicon::Instance>,
    /// True for the article's main event.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub main: bool,
    /// Content words of its name and of the article's lede, stemmed: what it is about.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub topic: Vec<String>,
    /// Other mentions of the same event in the article (merged into this frame).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub mentions: Vec<Span>,
}

/// What part of an event a date gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeRole {
    /// The event as a whole ("held on", "took place on").
    #[default]
    Whole,
    /// Its first day ("opened on", "began on").
    Start,
    /// Its last day ("ended on", "closed on").
    End,
}

impl TimeRole {
    /// True for [`TimeRole::Whole`].
    pub fn is_whole(&self) -> bool {
        *self == TimeRole::Whole
    }
}

/// How a frame argument was attached to its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// In the same clause as the event's trigger.
    #[default]
    Clause,
    /// Inside the event's noun group ("Saturday's draw", "the Brennick meeting").
    Noun,
    /// From the dateline ("met here on Tuesday").
    Dateline,
    /// From the article's first paragraph, which sets a place and a time that fit the
    /// main event ("what the mayors found in Velmora last week").
    Lede,
    /// Through a back-reference ("the forum", "the committee") to an event named earlier.
    BackReference,
    /// From another mention merged into the article's main event.
    MainEvent,
}

impl Via {
    /// True for [`Via::Clause`].
    pub fn is_clause(&self) -> bool {
        *self == Via::Clause
    }
}

/// A person taking part in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// The name as written.
    pub value: String,
    /// Where the name is.
    #[serde(flatten)]
    pub span: Span,
    /// "chair", "host", "guest", "traveller", "attendee", "victim", "defendant", "subject".
    pub role: String,
}

/// A weekday stated beside a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatedWeekday {
    /// ISO weekday number, 1 = Monday.
    pub day: u32,
    /// Where the weekday word is.
    #[serde(flatten)]
    pub span: Span,
    /// The whole expression as written ("Monday, March 4, 2025").
    #[serde(skip)]
    pub written: String,
}

/// A number stated about an event: a count, a toll, an amount of money or a percentage,
/// with what makes two of them comparable or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountAttr {
    /// The number (rounded; money in currency units, so "€3.5 million" is 3500000).
    pub value: u64,
    /// True for "about", "some", "at least"...
    pub approximate: bool,
    /// What is counted or paid for, singular ("minister", "farm worker", "loss", "fund").
    pub noun: String,
    /// Where it was read.
    #[serde(flatten)]
    pub span: Span,
    /// "count", "money", "percent" or "magnitude".
    pub measure: String,
    /// What happened to the counted ("dead", "injured", "arrested", "delegation"...), or "".
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub class: String,
    /// The interval the wording allows: "at least 40" is 40..inf, "about 200" 180..220.
    #[serde(deserialize_with = "low_bound")]
    pub low: f64,
    /// Upper end of the interval. JSON has no infinity: serde_json writes it as `null`.
    #[serde(deserialize_with = "high_bound")]
    pub high: f64,
    /// Currency code for money ("EUR", "USD").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// A place or group it is restricted to ("in Spain", "of them"), folded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// A part of a larger figure ("14 of the 17", "€1.9 billion of the €3.2 billion").
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub part: bool,
    /// A sum of parts given as a total ("36 on both sides", "in all").
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub total: bool,
    /// Who the text says gave the figure ("police", "the union"), folded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When the figure held ("on Thursday", "Wednesday afternoon"), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<TimeValue>,
    /// The figure rose to this value ("rose to", "climbed to", "new toll").
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub rising: bool,
    /// An increment, not a total ("nine more bodies").
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub increment: bool,
    /// The number sits in a stretch about something else (an earlier event, a quotation):
    /// kept for reading, not compared.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub aside: bool,
}

/// A lower bound read back from JSON, where an infinite one was written as `null`.
fn low_bound<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NEG_INFINITY))
}

/// An upper bound read back from JSON, where an infinite one was written as `null`.
fn high_bound<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
}

/// A value with the span it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attr<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    #[serde(flatten)]
    pub span: Span,
    /// How it was attached to its event.
    #[serde(skip_serializing_if = "Via::is_clause", default)]
    pub via: Via,
}

/// One assertion read from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The document it was read from.
    #[serde(skip)]
    pub doc: DocId,
    /// Where it is in the document.
    #[serde(flatten)]
    pub span: Span,
    /// What it says.
    #[serde(flatten)]
    pub data: ClaimData,
}

impl Claim {
    /// The claim's kind as used in JSON (`time`, `person`, ...).
    pub fn kind(&self) -> &'static str {
        match self.data {
            ClaimData::Time { .. } => "time",
            ClaimData::Person { .. } => "person",
            ClaimData::Title { .. } => "title",
            ClaimData::Organisation { .. } => "organisation",
            ClaimData::Place { .. } => "place",
            ClaimData::Age { .. } => "age",
            ClaimData::Origin { .. } => "origin",
            ClaimData::Event(_) => "event",
            ClaimData::Ordinal { .. } => "ordinal",
            ClaimData::Count { .. } => "count",
            ClaimData::Office { .. } => "office",
            ClaimData::Quote { .. } => "quote",
        }
    }
}

/// Longest stretch of text read as one sentence. Real sentences are far shorter; a dump with
/// no full stops is cut into pieces so that work per sentence, and so per file, stays linear.
const MAX_SENTENCE_BYTES: usize = 4096;

/// Sentences, with any longer than [`MAX_SENTENCE_BYTES`] cut at a space (or a character
/// boundary) into pieces.
fn bounded(sentences: Vec<(usize, usize)>, text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(sentences.len());
    for (mut start, end) in sentences {
        while end - start > MAX_SENTENCE_BYTES {
            let mut cut = start + MAX_SENTENCE_BYTES;
            while cut > start && !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if let Some(sp) = text.get(start..cut).and_then(|piece| piece.rfind(' ')) {
                if sp > 0 {
                    cut = start + sp;
                }
            }
            if cut <= start {
                break;
            }
            out.push((start, cut));
            start = cut;
        }
        out.push((start, end));
    }
    out
}

/// The date an undated article's own dates pin down: days and months written with a
/// weekday but no year ("Sunday, March 8"), and the latest year the article names (or the
/// year before or after it) that makes every such weekday right. "The 2026 championship
/// ... Sunday, March 8": March 8 is a Sunday in 2026. `None` when no named year fits.
fn pinned_date(times: &[time::TimeMention]) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let stated: Vec<(u32, u32, chrono::Weekday)> = times
        .iter()
        .filter_map(|m| {
            let (weekday, _) = m.stated_weekday?;
            let p = m.value.parts()?;
            match (p.year, p.month, p.day) {
                (None, Some(month), Some(day)) => Some((month, day, weekday)),
                _ => None,
            }
        })
        .collect();
    let &(month, day, _) = stated.first()?;
    let mut years: Vec<i32> = times.iter().filter_map(|m| m.value.parts()?.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let fits = |y: i32| {
        stated.iter().all(|&(m, d, w)| {
            chrono::NaiveDate::from_ymd_opt(y, m, d).is_some_and(|x| x.weekday() == w)
        })
    };
    [0, -1, 1]
        .iter()
        .find_map(|off| years.iter().map(|y| y + off).find(|&y| fits(y)))
        .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, month, day))
}

/// Reads every claim in a document, sorted by position then kind.
pub fn extract(doc: &Document, knowledge: &Knowledge) -> Vec<Claim> {
    let text = doc.text.as_str();
    let mut claims = Vec::new();
    let push = |claims: &mut Vec<Claim>, span: Span, data: ClaimData| {
        claims.push(Claim {
            doc: doc.id,
            span,
            data,
        })
    };
    // An undated article whose own dates pin its year down ("Sunday, March 8" beside "the
    // 2026 championship": March 8 is a Sunday in 2026) reads its other dates from there.
    let mut reference = doc.published;
    let mut times = time::scan(text, reference);
    if reference.is_none() {
        if let Some(d) = pinned_date(&times) {
            reference = Some(d);
            times = time::scan(text, reference);
        }
    }
    for m in &times {
        let stated_weekday = m.stated_weekday.map(|(w, span)| StatedWeekday {
            day: w.number_from_monday(),
            span,
            written: m.span.slice(text).to_string(),
        });
        push(
            &mut claims,
            m.span,
            ClaimData::Time {
                timex: m.value.clone(),
                relative: m.relative,
                stated_weekday,
            },
        );
    }
    let quotes = quotes::find_quotes(text);
    let time_refs: Vec<frames::TimeRef> = times
        .iter()
        .map(|m| frames::TimeRef {
            span: m.span,
            value: m.value.clone(),
            relative: m.relative,
        })
        .collect();
    let dateline = frames::dateline_place(text, time_refs.first());
    let local_places = orgs::LocalPlaces::of_text(text, knowledge);
    let mut frames = frames::FrameBuilder::new(reference, dateline, doc.title.as_deref());
    let mut t = 0;
    // One token buffer for all the sentences: no allocation per sentence.
    let mut toks = Vec::new();
    let arena = bumpalo::Bump::new();
    // The one person the previous sentence names: who "she said" refers to.
    let mut previous_person: Option<(String, Span)> = None;
    let mut surnames = people::Surnames::default();
    for (start, end) in bounded(crate::text::sentences(text), text) {
        let s = tokens::Sentence::with_buffer(text, start, end, knowledge, toks, Some(&arena));
        let tok_span = |a: usize, b: usize| Span::new(s.toks[a].start, s.toks[b - 1].end);
        let (names, titles) = people::find_in_document(&s, knowledge, &surnames);
        surnames.learn(&s, &names);
        for n in &names {
            push(
                &mut claims,
                tok_span(n.a, n.b),
                ClaimData::Person {
                    name: s.phrase(n.a, n.b).to_string(),
                },
            );
        }
        // A sentence dated well before the article speaks of the past.
        let historical = reference.is_some_and(|p| {
            times
                .iter()
                .filter(|m| m.span.start >= start && m.span.end <= end)
                .any(|m| {
                    m.value
                        .parts()
                        .and_then(|x| x.range)
                        .is_some_and(|(_, last)| (p - last).num_days() > 365)
                })
        });
        for tm in &titles {
            push(
                &mut claims,
                tm.span,
                ClaimData::Title {
                    person: s.phrase(tm.name.a, tm.name.b).to_string(),
                    person_span: tok_span(tm.name.a, tm.name.b),
                    title: tm.span.slice(text).to_string(),
                    country: tm.country.clone(),
                    former: tm.former,
                    historical,
                },
            );
        }
        let orgs = orgs::find_orgs(&s, knowledge);
        let heads = orgs::find_heads(&s, knowledge, &names, &orgs);
        for o in &orgs {
            let head = heads.iter().find(|(_, h)| h == o);
            push(
                &mut claims,
                tok_span(o.a, o.b),
                ClaimData::Organisation {
                    name: s.phrase(o.a, o.b).to_string(),
                    person: head.map(|(n, _)| s.phrase(n.a, n.b).to_string()),
                    person_span: head.map(|(n, _)| tok_span(n.a, n.b)),
                },
            );
        }
        let places = orgs::find_places_with(&s, knowledge, &local_places);
        for p in &places {
            push(
                &mut claims,
                tok_span(p.a, p.b),
                ClaimData::Place {
                    name: p.name.clone(),
                },
            );
        }
        for d in details::find(&s, &names, &places) {
            let person = s.phrase(d.name.a, d.name.b).to_string();
            let person_span = tok_span(d.name.a, d.name.b);
            let data = match d.kind {
                details::DetailKind::Age(years) => ClaimData::Age {
                    person,
                    person_span,
                    years,
                },
                details::DetailKind::From(place) => ClaimData::Origin {
                    person,
                    person_span,
                    place,
                },
            };
            push(&mut claims, tok_span(d.a, d.b), data);
        }
        for o in offices::find(&s, knowledge) {
            push(
                &mut claims,
                o.span,
                ClaimData::Office {
                    office: o.office,
                    holder: o.holder,
                    holder_span: o.holder_span,
                    year: o.year,
                    year_span: o.year_span,
                },
            );
        }
        let counts = numbers::find_counts(&s);
        for c in &counts {
            push(
                &mut claims,
                tok_span(c.a, c.b),
                ClaimData::Count {
                    value: c.value,
                    approximate: c.approximate,
                    noun: c.noun.clone(),
                },
            );
        }
        while t < time_refs.len() && time_refs[t].span.end <= start {
            t += 1;
        }
        let upto = t + time_refs[t..].partition_point(|m| m.span.start < end);
        let sentence_times = &time_refs[t..upto];
        let quote_spans: Vec<Span> = quotes
            .iter()
            .filter(|q| q.span.start < end && q.span.end > start)
            .map(|q| q.span)
            .collect();
        let input = frames::SentenceInput {
            s: &s,
            kb: knowledge,
            times: sentence_times,
            names: &names,
            titles: &titles,
            places: &places,
            orgs: &orgs,
            quotes: &quote_spans,
        };
        for o in frames.read_sentence(&input) {
            push(
                &mut claims,
                o.span,
                ClaimData::Office {
                    office: o.office,
                    holder: o.holder,
                    holder_span: o.holder_span,
                    year: o.year,
                    year_span: o.year_span,
                },
            );
        }
        for q in quotes
            .iter()
            .filter(|q| q.span.start >= start && q.span.start < end)
        {
            let who = quotes::speaker(&s, &names, q);
            let mut speaker = who.map(|n| s.phrase(n.a, n.b).to_string());
            let mut speaker_span = who.map(|n| tok_span(n.a, n.b));
            if who.is_none() && quotes::pronoun_speaker(text, &s, q) {
                // "she said" with no name in the sentence: the one person named just before,
                // in this sentence outside the quotation or else in the previous one.
                let here: Vec<_> = names
                    .iter()
                    .filter(|n| s.toks[n.a].start < q.span.start || s.toks[n.a].start >= q.span.end)
                    .collect();
                let named = match here.as_slice() {
                    [n] => Some((s.phrase(n.a, n.b).to_string(), tok_span(n.a, n.b))),
                    [] => previous_person.clone(),
                    _ => None,
                };
                if let Some((name, span)) = named {
                    speaker = Some(name);
                    speaker_span = Some(span);
                }
            }
            push(
                &mut claims,
                q.span,
                ClaimData::Quote {
                    words: q.inner.slice(text).to_string(),
                    speaker,
                    speaker_span,
                },
            );
        }
        previous_person = match names.as_slice() {
            [n] => Some((s.phrase(n.a, n.b).to_string(), tok_span(n.a, n.b))),
            _ => None,
        };
        toks = s.toks;
    }
    for (span, ev) in frames.finish() {
        if let Some(o) = &ev.ordinal {
            push(&mut claims, o.span, ClaimData::Ordinal { value: o.value });
        }
        push(&mut claims, span, ClaimData::Event(Box::new(ev)));
    }
    claims.sort_by(|a, b| {
        (a.span.start, a.span.end, a.kind()).cmp(&(b.span.start, b.span.end, b.kind()))
    });
    claims
}

#[cfg(test)]
mod pinned_tests {
    #[test]
    fn a_weekday_beside_a_day_pins_an_undated_articles_year() {
        let date = |t: &str| super::pinned_date(&super::time::scan(t, None));
        assert_eq!(
            date("The 2026 cup draw, held on Sunday, March 8, in Velmo. Champions in 2020."),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 8)
        );
        // No named year makes Friday, March 8 right.
        assert_eq!(date("The 2026 cup draw, held on Friday, March 8."), None);
        assert_eq!(date("The cup draw was held on Sunday."), None);
    }
}

//! Event frames: the events an article reports, each with its arguments — kind,
//! participants and their roles, place, date, ordinal and series, countries, counts and
//! modality — and the article's main event, the one its headline, dateline and first
//! paragraph are about.
//!
//! A cascade over the chunks the other grammars find (names, titles, places, dates,
//! organisations): trigger words ([`lexicon`]) open a frame; its noun group (determiner,
//! ordinal, series name, "next"/"last") and the words around it fill the frame
//! ([`attach`]); a definite noun without a series of its own ("the session", "the forum")
//! and a body acting in the story ("the committee agreed") refer back to the frame or series
//! last named. When the article is read, the frames that describe its main event are merged
//! into one ([`FrameBuilder::finish`]), and every argument says how it was attached: in the
//! same clause, from the dateline ("met here"), by a back-reference, or by the merge.
//!
//! What a date inside a subordinate clause says ("a body created in 2019", "since the 2021
//! crisis", "the ministry said on Wednesday") is not the event's date: those stretches are
//! masked before arguments are attached ([`zones`]).

pub mod attach;
pub mod lexicon;
pub mod pairing;
pub mod quantity;
pub mod zones;

use super::offices::OfficeMatch;
use super::orgs::{OrgMatch, PlaceMatch};
use super::people::{NameMatch, TitleMatch};
use super::tokens::Sentence;
use super::{Attr, CountAttr, EventClaim, Participant, Via};
use crate::knowledge::Knowledge;
use crate::span::Span;
use crate::timex::TimeValue;
use chrono::NaiveDate;
use lexicon::{Family, Instance};

/// A time expression of the sentence being read.
#[derive(Debug, Clone)]
pub struct TimeRef {
    /// Where it is.
    pub span: Span,
    /// Its value.
    pub value: TimeValue,
    /// Computed from the publication date ("last Monday").
    pub relative: bool,
}

/// What the other grammars found in one sentence, for the frame grammar.
pub struct SentenceInput<'s, 'a> {
    /// The sentence.
    pub s: &'s Sentence<'a>,
    /// The knowledge base.
    pub kb: &'s Knowledge,
    /// Time expressions inside the sentence.
    pub times: &'s [TimeRef],
    /// Person names.
    pub names: &'s [NameMatch],
    /// Titles given to those names.
    pub titles: &'s [TitleMatch],
    /// Places.
    pub places: &'s [PlaceMatch],
    /// Organisations.
    pub orgs: &'s [OrgMatch],
    /// Quotations (whole spans) that overlap the sentence.
    pub quotes: &'s [Span],
}

/// A frame being built, with what the builder needs beyond the claim.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// The claim as it will be emitted.
    pub claim: EventClaim,
    /// The span of the first mention.
    pub span: Span,
    /// Coarse kind.
    pub family: Family,
    /// Sentence number (0-based) of the first mention.
    pub sentence: usize,
    /// Paragraph number (0-based).
    pub para: usize,
    /// Mentioned in a headline.
    pub heading: bool,
    /// "the next meeting", "its last session".
    pub instance: Option<Instance>,
    /// A definite mention with no series or ordinal of its own ("the session").
    pub anaphoric: bool,
    /// Merged into another frame (index).
    pub merged_into: Option<usize>,
    /// Mentions referring back to it.
    pub mentions: usize,
    /// Sentence is dated more than a year away from the article ("in 2019, the forum...").
    pub historical: bool,
}

/// A series named in the text, for "the forum" / "the committee" read later.
#[derive(Debug, Clone)]
pub(crate) struct SeriesRef {
    /// The name as written.
    pub name: String,
    /// Where.
    pub span: Span,
    /// The head noun ("commission", "forum"), folded.
    pub head: String,
}

/// The frames of one document, assembled sentence by sentence.
#[derive(Debug, Default)]
pub struct FrameBuilder {
    pub(crate) frames: Vec<Frame>,
    /// Sentences read.
    pub(crate) sentence: usize,
    /// Paragraphs started.
    pub(crate) para: usize,
    /// End of the previous sentence, to see paragraph breaks.
    pub(crate) last_end: usize,
    /// The current paragraph has running text (not only a headline, a date or a byline).
    pub(crate) para_has_text: bool,
    /// Series named so far, latest last.
    pub(crate) series: Vec<SeriesRef>,
    /// The dateline's place: its span and name.
    pub(crate) dateline: Option<(Span, String)>,
    /// Publication date.
    pub(crate) published: Option<NaiveDate>,
    /// Quantities read, with the frame of their sentence when one is there.
    pub(crate) quantities: Vec<(Option<usize>, CountAttr, usize)>,
    /// Content words of the headline, the title and the first sentence.
    pub(crate) lede_words: Vec<String>,
    /// Places the first paragraph sets in time without tying them to an event: "in X last
    /// week" (place name, its span, the days of the time).
    pub(crate) lede_settings: Vec<(String, Span, (NaiveDate, NaiveDate))>,
}

impl FrameBuilder {
    /// A builder for a document published on `published`, whose dateline (if any) names
    /// `dateline`.
    pub fn new(
        published: Option<NaiveDate>,
        dateline: Option<(Span, String)>,
        title: Option<&str>,
    ) -> Self {
        FrameBuilder {
            published,
            dateline,
            lede_words: title
                .map(|t| topic_words(&crate::text::fold(t)))
                .unwrap_or_default(),
            ..Default::default()
        }
    }

    /// Reads one sentence; returns the host pairings it states ("A and B will host the 2027
    /// and 2028 editions of X, respectively").
    pub fn read_sentence(&mut self, input: &SentenceInput<'_, '_>) -> Vec<OfficeMatch> {
        let s = input.s;
        let text_between = s.text.get(self.last_end..s.start).unwrap_or("");
        // Headlines, datelines and bylines ("18.06.2025", "By Ana Ruiz") are not paragraphs
        // of the story: the lede is paragraph 0 whatever stands above it.
        if self.sentence > 0 && text_between.contains('\n') && self.para_has_text {
            self.para += 1;
            self.para_has_text = false;
        }
        if !s.is_heading() && s.toks.len() >= 6 {
            self.para_has_text = true;
        }
        self.last_end = s.end;
        let sentence = self.sentence;
        self.sentence += 1;
        if s.toks.is_empty() {
            return Vec::new();
        }
        let z = zones::Zones::of(input);
        if sentence == 0 || s.is_heading() || (std::env::var("FD_LEDE").is_ok() && self.para <= 1) {
            let words = topic_words(&s.folded_phrase(0, s.toks.len()));
            for w in words {
                if !self.lede_words.contains(&w) {
                    self.lede_words.push(w);
                }
            }
        }
        let before = self.frames.len();
        attach::read(self, input, &z, sentence);
        let created: Vec<usize> = (before..self.frames.len()).collect();
        if self.para == 0 && !s.is_heading() {
            self.note_settings(input, &created);
        }
        let qs = quantity::find(input, &z);
        for q in qs {
            // The frame of the quantity's clause: the nearest frame mentioned before it in
            // the sentence, else the first after it.
            let at = q.span.start;
            let frame = created
                .iter()
                .rev()
                .find(|&&i| self.frames[i].span.start <= at)
                .or_else(|| created.first())
                .copied();
            self.quantities.push((frame, q, sentence));
        }
        pairing::find(input, &z, &self.series, self.published)
    }

    /// "found in X last week", "In X on Tuesday,": a place after "in" with a time expression
    /// within four words of it, that no frame of the sentence took.
    fn note_settings(&mut self, input: &SentenceInput<'_, '_>, created: &[usize]) {
        let s = input.s;
        for p in input.places {
            if p.a == 0 || !matches!(s.f(p.a - 1), "in" | "at") {
                continue;
            }
            let sp = Span::new(s.toks[p.a].start, s.toks[p.b - 1].end);
            let taken = created.iter().any(|&i| {
                self.frames[i]
                    .claim
                    .place
                    .as_ref()
                    .is_some_and(|x| x.span == sp)
            });
            if taken {
                continue;
            }
            let near_end = s
                .toks
                .get((p.b + 4).min(s.toks.len() - 1))
                .map_or(s.end, |t| t.end);
            let near_start = s.toks[p.a.saturating_sub(4)].start;
            let time = input.times.iter().find(|t| {
                t.span.start >= near_start
                    && t.span.end <= near_end
                    && t.value.parts().and_then(|x| x.range).is_some()
            });
            if let Some(range) = time.and_then(|t| t.value.parts()?.range) {
                self.lede_settings.push((p.name.clone(), sp, range));
            }
        }
    }

    /// The document's frames, merged: the main event first among equals, then the others by
    /// position, each with the span of its first mention.
    pub fn finish(mut self) -> Vec<(Span, EventClaim)> {
        attach::finish(&mut self);
        let mut out: Vec<(Span, EventClaim)> = self
            .frames
            .into_iter()
            .filter(|f| f.merged_into.is_none())
            .map(|f| (f.span, f.claim))
            .collect();
        out.sort_by_key(|(sp, _)| (sp.start, sp.end));
        out
    }
}

/// Where a dateline puts the story: the place words before the date at the very start of
/// the text ("Marlow, October 15, 2025 (MWP) –", "CORVALE – 23 April 2025"), when the first
/// time expression is a full date right after them.
pub fn dateline_place(text: &str, first_time: Option<&TimeRef>) -> Option<(Span, String)> {
    let t = first_time?;
    if t.span.start > 300 || t.span.start == 0 {
        return None;
    }
    if !t.value.is_full_date() {
        return None;
    }
    // The line the date is on must start the text (after blank lines or front matter).
    let line_start = text[..t.span.start].rfind('\n').map_or(0, |i| i + 1);
    if !text[..line_start].trim().is_empty() && line_start > 0 {
        // Something before: a headline line is fine, a paragraph of prose is not.
        let before = text[..line_start].trim();
        if before.len() > 200 || before.ends_with('.') {
            return None;
        }
    }
    let head = text.get(line_start..t.span.start)?;
    let head_trim = head.trim_end();
    let head_trim = head_trim
        .strip_suffix(',')
        .or_else(|| head_trim.strip_suffix('–'))
        .or_else(|| head_trim.strip_suffix('—'))
        .or_else(|| head_trim.strip_suffix('-'))
        .or_else(|| head_trim.strip_suffix('|'))?
        .trim_end();
    let lead = head_trim.len() - head_trim.trim_start().len();
    let place = head_trim.trim_start();
    if !crate::corpus::is_dateline_place(place) {
        return None;
    }
    let start = line_start + lead;
    let span = Span::new(start, start + place.len());
    // "CORVALE" and "Corvale" are one place.
    let name = if place.chars().all(|c| !c.is_lowercase()) {
        let mut out = String::new();
        for (i, w) in place.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.extend(cs.flat_map(char::to_lowercase));
            }
        }
        out
    } else {
        place.to_string()
    };
    Some((span, name))
}

/// A frame attribute read at a place, with how it was attached.
pub(crate) fn attr<T>(value: T, span: Span, via: Via) -> Attr<T> {
    Attr { value, span, via }
}

/// A participant.
pub(crate) fn participant(value: String, span: Span, role: &'static str) -> Participant {
    Participant {
        value,
        span,
        role: role.to_string(),
    }
}

/// Folded, singular content words of a phrase: what a topic is made of.
pub(crate) fn topic_words(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .flat_map(|w| w.split('-'))
        .filter(|w| {
            w.len() > 2 && !TOPIC_STOP.contains(w) && !w.chars().all(|c| c.is_ascii_digit())
        })
        .map(stem)
        .collect()
}

/// A crude stem: plural and -ing endings off, so "fisheries" and "fishery", "talks" and
/// "talk" meet.
pub(crate) fn stem(w: &str) -> String {
    let w = w.trim_matches('\'');
    if let Some(s) = w.strip_suffix("ies") {
        if s.len() > 2 {
            return format!("{s}y");
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_string();
    }
    if let Some(s) = w.strip_suffix('s') {
        if s.len() > 2 {
            return s.to_string();
        }
    }
    w.to_string()
}

/// Words that say nothing about what an event is about.
const TOPIC_STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "from",
    "that",
    "this",
    "its",
    "their",
    "his",
    "her",
    "our",
    "has",
    "have",
    "had",
    "was",
    "were",
    "are",
    "will",
    "would",
    "been",
    "being",
    "which",
    "who",
    "after",
    "before",
    "over",
    "into",
    "onto",
    "than",
    "then",
    "also",
    "but",
    "not",
    "new",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "last",
    "next",
    "two",
    "three",
    "four",
    "five",
    "one",
    "said",
    "says",
    "say",
    "told",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "joint",
    "high-level",
    "level",
    "high",
    "permanent",
    "mixed",
    "meeting",
    "meetings",
    "session",
    "sessions",
    "summit",
    "talks",
    "forum",
    "conference",
    "commission",
    "committee",
    "council",
    "group",
    "body",
    "official",
    "officials",
    "minister",
    "ministers",
    "government",
    "governments",
    "country",
    "countries",
    "both",
    "sides",
    "side",
    "between",
    "against",
    "about",
    "under",
    "more",
    "most",
    "some",
    "such",
    "other",
    "others",
    "all",
    "any",
    "each",
    "many",
    "several",
    "what",
    "when",
    "where",
    "how",
    "why",
    "while",
    "there",
    "here",
    "they",
    "them",
    "these",
    "those",
    "edition",
    "editions",
    "round",
    "annual",
    "bilateral",
    "ministerial",
    "international",
    "national",
    "regional",
    "local",
    "world",
    "held",
    "hold",
    "holds",
    "met",
    "meet",
    "agreed",
    "agree",
    "signed",
    "sign",
    "during",
    "since",
    "until",
    "amid",
    "among",
    "across",
    "per",
    "cent",
    "percent",
    "million",
    "billion",
    "people",
    "state",
    "states",
    "kingdom",
    "republic",
];

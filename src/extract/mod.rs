//! Extraction: article text in, [`Claim`]s with byte spans out.
//!
//! Each sub-module reads one kind of assertion with nom grammars over word tables. Nothing
//! here knows particular people or bodies: names come from the text's shape, vocabularies
//! (titles, organisations, places) from the loaded [`Knowledge`].

pub mod time;

use crate::corpus::Document;
use crate::knowledge::Knowledge;
use crate::span::{DocId, Span};
use crate::timex::TimeValue;
use serde::Serialize;

/// What a claim asserts. Serialised flat into the claim with a `kind` tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ClaimData {
    /// A time expression.
    Time {
        /// Normalised TIMEX3 type and value.
        timex: TimeValue,
        /// True when computed from the reference date.
        relative: bool,
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
    /// A place name.
    Place {
        /// The place as written.
        name: String,
    },
    /// A meeting, summit or visit with what the text says about it.
    Event(EventClaim),
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
    /// A quotation.
    Quote {
        /// The quoted words, without quotation marks.
        words: String,
        /// The speaker, when the text says who.
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<String>,
    },
}

/// An event mention and the facts attached to it in the same sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventClaim {
    /// What kind of event ("meeting", "summit", "visit").
    pub noun: String,
    /// The series it belongs to, as written ("the Moroccan-Spanish Permanent Joint Migration Group").
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
    /// Named people who attended or chaired it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<Attr<String>>,
    /// True when the text announces it for the future ("will be held", "agreed to convene").
    pub planned: bool,
}

/// A value with the span it was read from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attr<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    #[serde(flatten)]
    pub span: Span,
}

/// One assertion read from one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
            ClaimData::Event(_) => "event",
            ClaimData::Ordinal { .. } => "ordinal",
            ClaimData::Count { .. } => "count",
            ClaimData::Quote { .. } => "quote",
        }
    }
}

/// Reads every claim in a document, sorted by position then kind.
pub fn extract(doc: &Document, knowledge: &Knowledge) -> Vec<Claim> {
    let _ = knowledge;
    let mut claims: Vec<Claim> = time::scan(&doc.text, doc.published)
        .into_iter()
        .map(|m| Claim {
            doc: doc.id,
            span: m.span,
            data: ClaimData::Time { timex: m.value, relative: m.relative },
        })
        .collect();
    claims.sort_by(|a, b| (a.span.start, a.span.end, a.kind()).cmp(&(b.span.start, b.span.end, b.kind())));
    claims
}

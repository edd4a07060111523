//! The words that tell of an event, and what each says: the kind of event, whether it is a
//! noun ("the summit") or a verb ("met"), and for verbs the form (tense) and any particle the
//! verb needs to tell of an event at all ("sat down", "flew to", "took place").
//!
//! General English, not knowledge about any event: which bodies meet and where comes from the
//! text and the rules files.

use serde::{Deserialize, Serialize};

/// Coarse kind of event. Two reports can only be of one event when their families agree
/// (see [`Family::compatible`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Meetings, sessions, summits, forums, talks, conferences.
    Gathering,
    /// A trip by a person or delegation.
    Visit,
    /// A drill or exercise.
    Exercise,
    /// A labour strike or stoppage.
    Strike,
    /// Protests, demonstrations, clashes, riots.
    Protest,
    /// Earthquakes and tsunamis.
    Quake,
    /// Storms and floods.
    Storm,
    /// Wildfires and blazes.
    Fire,
    /// Crashes, sinkings, derailments, explosions.
    Accident,
    /// Attacks, shootings, bombings, robberies, killings.
    Attack,
    /// Arrests, raids, sweeps.
    Arrest,
    /// Verdicts, sentences, convictions.
    Verdict,
    /// Trials and hearings.
    Trial,
    /// Sports draws, matches and tournaments.
    Sport,
    /// Deaths of named people.
    Death,
    /// Elections and votes.
    Election,
    /// Launches, announcements, acquisitions, offers.
    Business,
}

impl Family {
    /// The family's name, as shown in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Gathering => "gathering",
            Family::Visit => "visit",
            Family::Exercise => "exercise",
            Family::Strike => "strike",
            Family::Protest => "protest",
            Family::Quake => "quake",
            Family::Storm => "storm",
            Family::Fire => "fire",
            Family::Accident => "accident",
            Family::Attack => "attack",
            Family::Arrest => "arrest",
            Family::Verdict => "verdict",
            Family::Trial => "trial",
            Family::Sport => "sport",
            Family::Death => "death",
            Family::Election => "election",
            Family::Business => "business",
        }
    }

    /// True for events whose countries take part (a summit, a visit, a match), false for
    /// incidents, whose countries only say where they happened ("an Arcadian quake").
    pub fn has_members(self) -> bool {
        matches!(
            self,
            Family::Gathering | Family::Visit | Family::Exercise | Family::Sport | Family::Election
        )
    }

    /// The family named `s` ([`Family::as_str`]).
    pub fn parse(s: &str) -> Option<Family> {
        ALL_FAMILIES.iter().copied().find(|f| f.as_str() == s)
    }

    /// True when a report of one can describe the same event as a report of the other. A
    /// storm's floods are the storm; a strike's clashes are not the strike.
    pub fn compatible(self, other: Family) -> bool {
        self == other
    }

    /// True for events that happen at one place: a meeting is held in one city, while a
    /// storm, an exercise or a strike may be reported from several.
    pub fn single_place(self) -> bool {
        matches!(
            self,
            Family::Gathering | Family::Verdict | Family::Trial | Family::Sport | Family::Election
        )
    }

    /// True for incidents that a text tells with a toll of dead and injured.
    pub fn has_toll(self) -> bool {
        matches!(
            self,
            Family::Quake
                | Family::Storm
                | Family::Fire
                | Family::Accident
                | Family::Attack
                | Family::Protest
        )
    }
}

/// Every family, in order.
pub const ALL_FAMILIES: [Family; 17] = [
    Family::Gathering,
    Family::Visit,
    Family::Exercise,
    Family::Strike,
    Family::Protest,
    Family::Quake,
    Family::Storm,
    Family::Fire,
    Family::Accident,
    Family::Attack,
    Family::Arrest,
    Family::Verdict,
    Family::Trial,
    Family::Sport,
    Family::Death,
    Family::Election,
    Family::Business,
];

/// How a trigger word tells of its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A noun ("the summit", "talks").
    Noun,
    /// A verb in the past tense or past participle ("met", "visited").
    Past,
    /// A verb in the present ("meets", "visits").
    Present,
    /// A verb's base form ("will meet", "to visit").
    Base,
    /// A verb's -ing form ("meeting for the eighth time", "visiting Corvale").
    Gerund,
}

/// One entry of the trigger lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// The coarse kind.
    pub family: Family,
    /// The kind as reports name it ("session", "summit", "earthquake").
    pub noun: &'static str,
    /// Noun or verb form.
    pub form: Form,
    /// A word that must follow a verb for it to tell of an event ("sat down", "flew to").
    pub particle: Option<&'static str>,
    /// One of a numbered series ("the ninth session", "the 2026 edition").
    pub instance: bool,
}

pub(crate) const fn noun(family: Family, noun: &'static str, instance: bool) -> Trigger {
    Trigger {
        family,
        noun,
        form: Form::Noun,
        particle: None,
        instance,
    }
}

const fn verb(
    family: Family,
    noun: &'static str,
    form: Form,
    particle: Option<&'static str>,
) -> Trigger {
    Trigger {
        family,
        noun,
        form,
        particle,
        instance: false,
    }
}

use Family::*;
use Form::*;

/// The trigger words, folded, with what they say. A word may appear once.
pub const TRIGGERS: &[(&str, Trigger)] = &[
    // Gatherings: nouns.
    ("meeting", noun(Gathering, "meeting", true)),
    ("meetings", noun(Gathering, "meeting", true)),
    ("session", noun(Gathering, "session", true)),
    ("sessions", noun(Gathering, "session", true)),
    ("summit", noun(Gathering, "summit", true)),
    ("summits", noun(Gathering, "summit", true)),
    ("talks", noun(Gathering, "talks", false)),
    ("forum", noun(Gathering, "forum", true)),
    ("conference", noun(Gathering, "conference", true)),
    ("congress", noun(Gathering, "congress", true)),
    ("plenary", noun(Gathering, "plenary", true)),
    ("consultations", noun(Gathering, "consultations", false)),
    ("negotiations", noun(Gathering, "negotiations", false)),
    ("gathering", noun(Gathering, "gathering", false)),
    ("convention", noun(Gathering, "convention", true)),
    ("symposium", noun(Gathering, "symposium", true)),
    ("round", noun(Gathering, "round", true)),
    ("edition", noun(Gathering, "edition", true)),
    ("editions", noun(Gathering, "edition", true)),
    ("ceremony", noun(Gathering, "ceremony", false)),
    ("encounter", noun(Gathering, "encounter", false)),
    ("keynote", noun(Gathering, "keynote", false)),
    // Gatherings: verbs.
    ("met", verb(Gathering, "meeting", Past, None)),
    ("meet", verb(Gathering, "meeting", Base, None)),
    ("meets", verb(Gathering, "meeting", Present, None)),
    ("sat", verb(Gathering, "meeting", Past, Some("down"))),
    ("convened", verb(Gathering, "meeting", Past, None)),
    ("convenes", verb(Gathering, "meeting", Present, None)),
    ("received", verb(Gathering, "meeting", Past, None)),
    ("receives", verb(Gathering, "meeting", Present, None)),
    // Visits.
    ("visit", noun(Visit, "visit", false)),
    ("visits", noun(Visit, "visit", false)),
    ("trip", noun(Visit, "visit", false)),
    ("visited", verb(Visit, "visit", Past, None)),
    ("visiting", verb(Visit, "visit", Gerund, None)),
    ("travelled", verb(Visit, "visit", Past, Some("to"))),
    ("traveled", verb(Visit, "visit", Past, Some("to"))),
    ("travel", verb(Visit, "visit", Base, Some("to"))),
    ("travels", verb(Visit, "visit", Present, Some("to"))),
    ("travelling", verb(Visit, "visit", Gerund, Some("to"))),
    ("traveling", verb(Visit, "visit", Gerund, Some("to"))),
    ("flew", verb(Visit, "visit", Past, Some("to"))),
    ("fly", verb(Visit, "visit", Base, Some("to"))),
    ("flies", verb(Visit, "visit", Present, Some("to"))),
    ("arrived", verb(Visit, "visit", Past, Some("in"))),
    ("arrives", verb(Visit, "visit", Present, Some("in"))),
    ("arrive", verb(Visit, "visit", Base, Some("in"))),
    // Exercises.
    ("exercise", noun(Exercise, "exercise", true)),
    ("drill", noun(Exercise, "drill", true)),
    ("drills", noun(Exercise, "drill", true)),
    ("manoeuvres", noun(Exercise, "exercise", true)),
    // Labour and unrest.
    ("strike", noun(Strike, "strike", false)),
    ("strikes", noun(Strike, "strike", false)),
    ("stoppage", noun(Strike, "strike", false)),
    ("walkout", noun(Strike, "strike", false)),
    ("protest", noun(Protest, "protest", false)),
    ("protests", noun(Protest, "protest", false)),
    ("demonstration", noun(Protest, "protest", false)),
    ("demonstrations", noun(Protest, "protest", false)),
    ("clashes", noun(Protest, "clashes", false)),
    ("riot", noun(Protest, "riot", false)),
    ("riots", noun(Protest, "riot", false)),
    ("rioting", noun(Protest, "riot", false)),
    // Disasters.
    ("earthquake", noun(Quake, "earthquake", false)),
    ("quake", noun(Quake, "earthquake", false)),
    ("tremor", noun(Quake, "earthquake", false)),
    ("tsunami", noun(Quake, "tsunami", false)),
    ("storm", noun(Storm, "storm", false)),
    ("storms", noun(Storm, "storm", false)),
    ("floods", noun(Storm, "flood", false)),
    ("flood", noun(Storm, "flood", false)),
    ("flooding", noun(Storm, "flood", false)),
    ("hurricane", noun(Storm, "storm", false)),
    ("typhoon", noun(Storm, "storm", false)),
    ("cyclone", noun(Storm, "storm", false)),
    ("tornado", noun(Storm, "storm", false)),
    ("wildfire", noun(Fire, "fire", false)),
    ("wildfires", noun(Fire, "fire", false)),
    ("blaze", noun(Fire, "fire", false)),
    ("explosion", noun(Accident, "explosion", false)),
    ("blast", noun(Accident, "explosion", false)),
    ("crash", noun(Accident, "crash", false)),
    ("collision", noun(Accident, "crash", false)),
    ("derailment", noun(Accident, "crash", false)),
    ("sinking", noun(Accident, "sinking", false)),
    ("shipwreck", noun(Accident, "sinking", false)),
    ("sank", verb(Accident, "sinking", Past, None)),
    ("capsized", verb(Accident, "sinking", Past, None)),
    // Crime.
    ("attack", noun(Attack, "attack", false)),
    ("attacks", noun(Attack, "attack", false)),
    ("shooting", noun(Attack, "shooting", false)),
    ("bombing", noun(Attack, "bombing", false)),
    ("heist", noun(Attack, "robbery", false)),
    ("robbery", noun(Attack, "robbery", false)),
    ("murder", noun(Attack, "killing", false)),
    ("killing", noun(Attack, "killing", false)),
    ("stabbing", noun(Attack, "killing", false)),
    ("rampage", noun(Attack, "shooting", false)),
    ("raid", noun(Arrest, "raid", false)),
    ("sweep", noun(Arrest, "raid", false)),
    ("arrest", noun(Arrest, "arrest", false)),
    ("arrests", noun(Arrest, "arrest", false)),
    ("arrested", verb(Arrest, "arrest", Past, None)),
    ("detained", verb(Arrest, "arrest", Past, None)),
    // Courts.
    ("verdict", noun(Verdict, "verdict", false)),
    ("ruling", noun(Verdict, "verdict", false)),
    ("sentenced", verb(Verdict, "verdict", Past, None)),
    ("convicted", verb(Verdict, "verdict", Past, None)),
    ("acquitted", verb(Verdict, "verdict", Past, None)),
    // "found guilty", "found Ana Ruiz not guilty" (a plea of guilty is not a verdict).
    ("guilty", verb(Verdict, "verdict", Past, None)),
    ("trial", noun(Trial, "trial", false)),
    ("hearing", noun(Trial, "hearing", false)),
    // Sport.
    ("draw", noun(Sport, "draw", false)),
    ("tournament", noun(Sport, "tournament", false)),
    ("championship", noun(Sport, "tournament", false)),
    ("semifinal", noun(Sport, "semifinal", false)),
    ("quarterfinal", noun(Sport, "quarterfinal", false)),
    // Deaths, elections, business.
    ("died", verb(Death, "death", Past, None)),
    ("dies", verb(Death, "death", Present, None)),
    ("election", noun(Election, "election", false)),
    ("elections", noun(Election, "election", false)),
    ("referendum", noun(Election, "election", false)),
    ("launch", noun(Business, "launch", false)),
    ("unveiled", verb(Business, "launch", Past, None)),
];

/// The trigger entry of a folded word.
pub fn trigger(folded: &str) -> Option<Trigger> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, Trigger>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| TRIGGERS.iter().copied().collect())
        .get(folded)
        .copied()
}

/// Nouns that name a standing body rather than an event: "the commission agreed", "the
/// committee's next meeting". A body acting in a story stands for its current meeting.
pub static BODY_NOUNS: &[&str] = &[
    "commission",
    "committee",
    "council",
    "group",
    "body",
    "board",
    "panel",
    "partnership",
    "dialogue",
    "process",
    "assembly",
    "subcommittee",
    "sub-committee",
    "task",
    "taskforce",
    "working",
];

/// True for a body noun.
pub fn is_body(folded: &str) -> bool {
    BODY_NOUNS.contains(&folded)
}

/// Words that, right before an event noun, make it another instance than the one the story
/// is about ("the next meeting", "its previous session").
pub fn other_instance(folded: &str) -> Option<Instance> {
    match folded {
        "next" | "following" | "upcoming" | "forthcoming" | "subsequent" | "future" => {
            Some(Instance::Next)
        }
        "last" | "previous" | "preceding" | "prior" | "earlier" | "past" => {
            Some(Instance::Previous)
        }
        _ => None,
    }
}

/// Which instance of a series a mention names, when not the story's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Instance {
    /// "the next meeting".
    Next,
    /// "the previous meeting", "their last meeting".
    Previous,
}

/// Every trigger word, for the per-token flags.
pub fn words() -> impl Iterator<Item = &'static str> {
    TRIGGERS.iter().map(|(w, _)| *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_once_and_folded() {
        let mut seen = std::collections::HashSet::new();
        for (w, _) in TRIGGERS {
            assert!(seen.insert(*w), "{w} listed twice");
            assert_eq!(*w, crate::text::fold(w), "{w} is not folded");
        }
        assert_eq!(trigger("met").map(|t| t.family), Some(Family::Gathering));
        assert_eq!(trigger("quake").map(|t| t.noun), Some("earthquake"));
        assert_eq!(trigger("table"), None);
    }

    #[test]
    fn families_round_trip() {
        for f in ALL_FAMILIES {
            assert_eq!(Family::parse(f.as_str()), Some(f));
        }
    }
}

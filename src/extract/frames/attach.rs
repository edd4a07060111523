//! Reading a sentence's events: triggers, their noun groups, and the places, dates, people
//! and countries around them; then, for the whole article, the main event and the merging
//! of the mentions that describe it.

use super::lexicon::{self, Family, Form, Instance, Trigger};
use super::zones::{tok_range, Zones};
use super::{attr, participant, topic_words, Frame, FrameBuilder, SentenceInput, SeriesRef};
use crate::extract::numbers::ordinal;
use crate::extract::people::possessive_after;
use crate::extract::tokens::Sentence;
use crate::extract::{Attr, EventClaim, TimeRole, Via};
use crate::knowledge::Knowledge;
use crate::span::Span;
use crate::text::fold;
use crate::timex::{Agreement, TimeValue};

/// A trigger found in a sentence, with its noun group.
#[derive(Debug, Clone)]
struct Found {
    /// Trigger token.
    k: usize,
    trig: Trigger,
    /// First token of the noun group (determiner included) or the verb.
    a: usize,
    /// One past the last token of the group (series phrase included).
    b: usize,
    det: String,
    ordinal: Option<Attr<u32>>,
    instance: Option<Instance>,
    series: Option<(Span, String)>,
    /// The series is only referred to ("of the new joint commission"): head noun.
    series_ref: Option<String>,
    time: Option<Attr<TimeValue>>,
    place: Option<Attr<String>>,
    days: Option<u32>,
    /// Year written inside the group ("the 2023 earthquake").
    year: Option<i32>,
}

/// Nouns after an event noun that make it a modifier ("meeting room", "fire season").
const MODIFIED_BY: &[&str] = &[
    "room",
    "rooms",
    "hall",
    "venue",
    "agenda",
    "declaration",
    "communique",
    "communiqué",
    "season",
    "risk",
    "warning",
    "warnings",
    "alert",
    "alerts",
    "plan",
    "plans",
    "map",
    "centre",
    "center",
    "system",
    "systems",
    "insurance",
    "defences",
    "defenses",
    "zone",
    "zones",
    "organisers",
    "organizers",
    "host",
    "hosts",
    "proceedings",
    "notes",
    "survivors",
    "protection",
    "preparedness",
    "aid",
    "relief",
    "fund",
    "funds",
    "threat",
    "threats",
    "action",
    "pay",
    "payments",
    "ban",
    "law",
    "laws",
    "rules",
    "calendar",
    "schedule",
    "logo",
    "coverage",
    "footage",
    "record",
    "records",
    "report",
    "reports",
    "date",
    "dates",
    // "an Eastern Conference executive", "the conference finals", "a conference call":
    // a league or a telephone call, not a meeting.
    "executive",
    "executives",
    "final",
    "finals",
    "semifinal",
    "semifinals",
    "standings",
    "champion",
    "champions",
    "title",
    "coach",
    "coaches",
    "player",
    "players",
    "rival",
    "rivals",
    "call",
    "calls",
];

/// Words before an event noun that make it another thing ("press conference", "heart
/// attack", "air strike").
const NOT_AN_EVENT_AFTER: &[&str] = &[
    "news",
    "press",
    "heart",
    "panic",
    "air",
    "drone",
    "missile",
    "lightning",
    "clinical",
    "video",
    "bilateral-trade",
    "hunger",
    "fire",
    "fiscal",
    "tax",
];

fn is_det(f: &str) -> bool {
    matches!(
        f,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "whose"
            | "every"
            | "each"
    )
}

/// Verbs whose subject holds or opens an event ("the commission held its meeting").
const HOLD_WORDS: &[&str] = &[
    "held",
    "holds",
    "hold",
    "holding",
    "convened",
    "convenes",
    "convene",
    "organised",
    "organized",
    "hosted",
    "hosts",
    "hosting",
    "opened",
    "opens",
    "concluded",
    "staged",
    "stages",
];

/// Words that announce an event for later.
const PLANNED_WORDS: &[&str] = &[
    "will",
    "shall",
    "scheduled",
    "due",
    "expected",
    "planned",
    "plans",
    "plan",
    "upcoming",
    "forthcoming",
    "set",
    "intends",
    "intend",
    "preparing",
    "next",
    "'ll",
    "would",
    "to",
];

const CANCELLED_WORDS: &[&str] = &["cancelled", "canceled", "called", "scrapped", "abandoned"];
const POSTPONED_WORDS: &[&str] = &["postponed", "delayed", "rescheduled", "adjourned"];

/// Plural nouns that can be the subject of "met", "sat down".
const PEOPLE_NOUNS: &[&str] = &[
    "ministers",
    "leaders",
    "chiefs",
    "officials",
    "delegations",
    "sides",
    "presidents",
    "counterparts",
    "heads",
    "representatives",
    "envoys",
    "negotiators",
    "experts",
    "two",
    "both",
    "members",
    "mayors",
    "delegates",
    "governments",
    "countries",
    "who",
    "they",
    "we",
    "ministries",
    "authorities",
    "teams",
    "parties",
    "commanders",
    "directors",
    "secretaries",
    "diplomats",
    "premiers",
    "presidencies",
];

/// Reads one sentence's frames into the builder.
pub(crate) fn read(
    b: &mut FrameBuilder,
    input: &SentenceInput<'_, '_>,
    z: &Zones,
    sentence: usize,
) {
    let s = input.s;
    let heading = s.is_heading();
    let n = s.toks.len();
    let mut found: Vec<Found> = Vec::new();
    let mut k = 0;
    while k < n {
        if let Some(f) = trigger_at(input, z, k, heading) {
            k = f.k + 1;
            found.push(f);
        } else {
            k += 1;
        }
    }
    // A capitalised trigger inside another's series name ("the fourth session of the African
    // Union Ministerial Conference") is part of that name, not an event of its own.
    let inside: Vec<bool> = found
        .iter()
        .map(|f| {
            found.iter().any(|g| {
                !std::ptr::eq(f, g)
                    && g.series.as_ref().is_some_and(|(sp, _)| {
                        sp.start <= s.toks[f.k].start && s.toks[f.k].end <= sp.end
                    })
                    && g.k != f.k
            })
        })
        .collect();
    let found: Vec<Found> = found
        .into_iter()
        .zip(inside)
        .filter(|(_, i)| !i)
        .map(|(f, _)| f)
        .collect();

    // Bodies named in the sentence: "The Spanish-Portuguese Joint Commission on Wildfire
    // Prevention, set up ...", "the Hispano-Moroccan fisheries committee".
    let mut bodies = bodies_in(input, z);
    for bd in bodies.iter_mut() {
        if bd.bare {
            // "the committee": the last series named with that kind of head.
            match b
                .series
                .iter()
                .rev()
                .find(|sr| heads_match(&sr.head, &bd.series.head))
            {
                Some(sr) => {
                    bd.series.name = sr.name.clone();
                    bd.series.span = sr.span;
                }
                None => bd.series.name.clear(),
            }
        } else {
            b.series.push(bd.series.clone());
        }
    }
    bodies.retain(|bd| !bd.series.name.is_empty());
    for f in &found {
        if let Some((sp, name)) = &f.series {
            b.series.push(SeriesRef {
                name: name.clone(),
                span: *sp,
                head: s.toks[f.k].folded.to_string(),
            });
        }
    }

    let times = sentence_times(input, z);
    let mut created: Vec<usize> = Vec::new();
    let historical_sentence = historical(input, z, b.published);
    for f in &found {
        let mut claim = EventClaim {
            noun: f.trig.noun.to_string(),
            family: f.trig.family.as_str().to_string(),
            trigger: s.toks[f.k].text.to_string(),
            series: f.series.as_ref().map(|(_, n)| n.clone()),
            series_span: f.series.as_ref().map(|(sp, _)| *sp),
            ordinal: f.ordinal.clone(),
            place: f.place.clone(),
            time: f.time.clone(),
            time_role: TimeRole::Whole,
            days: f.days,
            relative_time: None,
            attendees: Vec::new(),
            organisations: Vec::new(),
            countries: Vec::new(),
            counts: Vec::new(),
            planned: false,
            modality: "reported".to_string(),
            instance: f.instance,
            main: false,
            topic: Vec::new(),
            mentions: Vec::new(),
        };
        // A series referred to by its head noun ("of the new joint commission", "of the
        // forum") is the last one named with that head.
        if claim.series.is_none() {
            if let Some(head) = &f.series_ref {
                if let Some(sr) = b.series.iter().rev().find(|sr| heads_match(&sr.head, head)) {
                    claim.series = Some(sr.name.clone());
                    claim.series_span = Some(sr.span);
                }
            }
        }
        let modality = modality(s, z, f);
        claim.modality = modality.to_string();
        claim.planned = modality == "planned";
        let year_hist = f.year.zip(b.published).is_some_and(|(y, p)| {
            let py = chrono::Datelike::year(&p);
            y < py - 1 || (y < py && !claim.planned)
        });
        let span = Span::new(s.toks[f.a].start, s.toks[f.k].end.max(s.toks[f.a].end));
        let anaphoric = matches!(
            f.det.as_str(),
            "the" | "this" | "that" | "these" | "its" | "their"
        ) && f.series.is_none()
            && f.instance.is_none()
            && f.trig.form == Form::Noun
            && !restrictive(s, f);
        b.frames.push(Frame {
            claim,
            span,
            family: f.trig.family,
            sentence,
            para: b.para,
            heading,
            instance: f.instance,
            anaphoric,
            merged_into: None,
            mentions: 0,
            historical: historical_sentence || year_hist,
        });
        created.push(b.frames.len() - 1);
    }
    // Which found trigger each frame came from (same order), and its noun group.
    let trig_tok: Vec<usize> = found.iter().map(|f| f.k).collect();
    let nps: Vec<(usize, usize)> = found.iter().map(|f| (f.a, f.b)).collect();

    // Arguments around the triggers.
    if !created.is_empty() {
        attach_times(b, input, z, &created, &nps, &times);
        attach_places(b, input, z, &created, &trig_tok, &nps);
        attach_people(b, input, z, &created, &trig_tok);
        attach_ordinal_phrases(b, input, z, &created, &trig_tok);
        attach_countries(b, input, z, &created, &trig_tok);
        copular_and_purpose(b, input, &created, &trig_tok);
    }
    // A body that acts in a sentence stands for its meeting in the story: "Meeting for the
    // eighth time, the committee also approved ...". Its series goes to the sentence's
    // gathering, or, when the sentence has none, to the story's current one.
    for bd in bodies.iter().filter(|bd| bd.acting) {
        let target = created
            .iter()
            .copied()
            .filter(|&i| {
                b.frames[i].family == Family::Gathering && b.frames[i].claim.series.is_none()
            })
            .min_by_key(|&i| b.frames[i].span.start.abs_diff(bd.series.span.start))
            .or_else(|| {
                if !created.is_empty() {
                    return None;
                }
                current(b, Family::Gathering).filter(|&i| {
                    b.frames[i].claim.series.is_none() && b.frames[i].para + 2 >= b.para
                })
            });
        if let Some(i) = target {
            b.frames[i].claim.series = Some(bd.series.name.clone());
            b.frames[i].claim.series_span = Some(bd.series.span);
        }
    }
    // Back-references: "the session", "this meeting", "the forum" join the frame last named.
    for &i in &created {
        if b.frames[i].merged_into.is_some() {
            continue;
        }
        let f = &b.frames[i];
        if !f.anaphoric || f.historical {
            continue;
        }
        let fam = f.family;
        let target = (0..i).rev().find(|&j| {
            let g = &b.frames[j];
            g.merged_into.is_none()
                && g.family == fam
                && g.instance.is_none()
                && !g.historical
                && !g.claim.planned
                && compatible(&g.claim, &b.frames[i].claim)
        });
        if let Some(j) = target {
            merge(b, i, j, Via::BackReference);
        }
    }
}

/// A definite noun group that introduces a new event rather than referring back: a
/// classifying modifier and a topic ("the thematic meeting on border management", "the
/// extraordinary session about the budget").
fn restrictive(s: &Sentence<'_>, f: &Found) -> bool {
    let modifier = (f.a..f.k).any(|j| {
        let w = s.f(j);
        !s.toks[j].cap
            && !is_det(w)
            && w.len() > 3
            && !matches!(
                w,
                "same" | "latest" | "last" | "next" | "previous" | "recent" | "whole" | "entire"
            )
    });
    let topic = matches!(s.f(f.k + 1), "on" | "about" | "devoted" | "dedicated")
        && f.k + 2 < s.toks.len()
        && !s.toks[f.k + 2].cap
        && !s.toks[f.k + 2]
            .text
            .starts_with(|c: char| c.is_ascii_digit())
        && !matches!(
            s.f(f.k + 2),
            "the"
                | "this"
                | "that"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        );
    modifier && topic
}

/// The frame last mentioned of a family, following merges.
fn current(b: &FrameBuilder, fam: Family) -> Option<usize> {
    (0..b.frames.len()).rev().find_map(|i| {
        let f = &b.frames[i];
        if f.family != fam || f.instance.is_some() || f.historical {
            return None;
        }
        Some(root(b, i))
    })
}

/// The frame `i` was merged into, followed to the end.
fn root(b: &FrameBuilder, mut i: usize) -> usize {
    let mut guard = 0;
    while let Some(j) = b.frames[i].merged_into {
        i = j;
        guard += 1;
        if guard > 64 {
            break;
        }
    }
    i
}

/// Head nouns that refer to one another: "the committee" may be "the Joint Commission".
fn heads_match(a: &str, b: &str) -> bool {
    a == b || head_class(a) == head_class(b)
}

fn head_class(h: &str) -> &str {
    match h {
        "commission" | "committee" | "subcommittee" | "sub-committee" | "body" | "council"
        | "board" | "panel" | "group" => "body",
        "forum" | "conference" | "congress" | "summit" | "assembly" => "gathering",
        other => other,
    }
}

/// The trigger at token `k`, with its noun group, if the word tells of an event there.
fn trigger_at(input: &SentenceInput<'_, '_>, z: &Zones, k: usize, heading: bool) -> Option<Found> {
    let s = input.s;
    let t = &s.toks[k];
    if !z.main(k) {
        return None;
    }
    // A meeting series known by its acronym stands for its meeting ("the February JCM is
    // expected to"), unless an event noun follows and names the meeting itself.
    let acronym = (2..=5).contains(&t.text.len()) && t.text.bytes().all(|c| c.is_ascii_uppercase());
    if acronym
        && input.kb.series_by_name(&t.folded).is_some()
        && lexicon::trigger(s.f(k + 1)).is_none()
    {
        let mut f = bare(k, lexicon::noun(Family::Gathering, "meeting", true));
        f.a = if k > 0 && is_det(s.f(k - 1)) {
            k - 1
        } else {
            k
        };
        f.det = if f.a < k {
            s.f(k - 1).to_string()
        } else {
            String::new()
        };
        f.series = Some((Span::new(t.start, t.end), t.text.to_string()));
        return Some(f);
    }
    let trig = lexicon::trigger(&t.folded)?;
    // Part of a person's name ("said Ana Storms"), not a storm.
    if t.cap && input.names.iter().any(|m| (m.a..m.b).contains(&k)) {
        return None;
    }
    let prev = if k > 0 { s.f(k - 1) } else { "" };
    let next = s.f(k + 1);
    let prev_joined = k > 0 && s.joined(k - 1);
    match trig.form {
        Form::Noun => {
            if prev_joined && NOT_AN_EVENT_AFTER.contains(&prev) {
                return None;
            }
            if s.joined(k) && MODIFIED_BY.contains(&next) {
                return None;
            }
            // A verb use: "to visit", "will draw", "he talks".
            if matches!(
                prev,
                "to" | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "he"
                    | "she"
                    | "it"
                    | "who"
            ) && prev_joined
            {
                if t.folded == "visit"
                    && prev != "he"
                    && prev != "she"
                    && prev != "it"
                    && prev != "who"
                {
                    let mut f = bare(
                        k,
                        lexicon::Trigger {
                            form: Form::Base,
                            particle: None,
                            ..trig
                        },
                    );
                    f.a = k;
                    return Some(f);
                }
                return None;
            }
            match t.folded.as_ref() {
                "round" => {
                    let ord_before = k > 0 && ordinal(s.toks[k - 1].text).is_some();
                    if !(next == "of" || ord_before) {
                        return None;
                    }
                }
                "edition" | "editions" => {}
                "draw" => {
                    if matches!(next, "on" | "up" | "attention" | "lessons" | "conclusions") {
                        return None;
                    }
                    let ok = k > 0 && (is_det(prev) || prev == "s" || s.toks[k - 1].cap);
                    if !ok {
                        return None;
                    }
                }
                "hearing" | "sweep" | "ruling" | "trial" | "launch" => {
                    if matches!(
                        next,
                        "party"
                            | "coalition"
                            | "family"
                            | "class"
                            | "elite"
                            | "run"
                            | "period"
                            | "version"
                            | "basis"
                            | "aid"
                            | "aids"
                            | "loss"
                    ) {
                        return None;
                    }
                    if !(k > 0
                        && (is_det(prev)
                            || prev == "s"
                            || s.toks[k - 1].cap
                            || ordinal(s.toks[k - 1].text).is_some()
                            || prev.ends_with("-day")
                            || matches!(
                                prev,
                                "court" | "murder" | "high-profile" | "landmark" | "first"
                            )))
                    {
                        return None;
                    }
                }
                "strike" | "strikes" => {
                    if matches!(next, "a" | "an" | "the" | "back" | "deal") {
                        return None;
                    }
                }
                "talks" if prev_joined && matches!(prev, "he" | "she" | "it" | "who" | "that") => {
                    return None;
                }
                "exercise"
                    if (next == "of" || matches!(prev, "physical" | "an") && next == "in") =>
                {
                    return None;
                }
                "attack" | "attacks" => {
                    if matches!(next, "on" | "against") && s.f(k + 2).is_empty() {
                        return None;
                    }
                    // Attacks in general, not one: "to prevent attacks", "fight against attacks".
                    if matches!(
                        prev,
                        "prevent"
                            | "preventing"
                            | "combat"
                            | "combating"
                            | "fight"
                            | "fighting"
                            | "counter"
                            | "deter"
                            | "avert"
                            | "foil"
                            | "thwart"
                            | "against"
                            | "future"
                            | "possible"
                            | "potential"
                    ) {
                        return None;
                    }
                }
                _ => {}
            }
            Some(noun_group(input, k, trig, heading))
        }
        _ => {
            // Verbs.
            if let Some(p) = trig.particle {
                if next != p && !(p == "to" && s.f(k + 2) == p) {
                    return None;
                }
                // A trip goes to a place: "flew to Velmora", "travelled to the capital";
                // not "travelling to work", "flew to safety".
                let at = if next == p { k + 2 } else { k + 3 };
                if trig.family == Family::Visit
                    && p == "to"
                    && !s.toks.get(at).is_some_and(|x| x.cap || x.folded == "the")
                {
                    return None;
                }
            }
            match t.folded.as_ref() {
                "met" | "meet" | "meets" => {
                    if matches!(prev, "was" | "were" | "been" | "be" | "being") && next != "by" {
                        return None;
                    }
                    if next == "with" && !s.toks.get(k + 2).is_some_and(|x| x.cap) {
                        return None;
                    }
                    if matches!(
                        next,
                        "expectations"
                            | "targets"
                            | "demands"
                            | "requirements"
                            | "criteria"
                            | "needs"
                            | "deadline"
                    ) {
                        return None;
                    }
                    if !subject_before(input, k) {
                        return None;
                    }
                }
                "received" | "receives" => {
                    let person_after = input.names.iter().any(|m| m.a > k && m.a <= k + 6)
                        && (k + 1..k + 6).all(|j| {
                            j >= s.toks.len()
                                || !matches!(
                                    s.f(j),
                                    "votes"
                                        | "support"
                                        | "funding"
                                        | "letters"
                                        | "award"
                                        | "award,"
                                )
                        });
                    let by_person =
                        next == "by" && input.names.iter().any(|m| m.a > k + 1 && m.a <= k + 8);
                    if !(person_after || by_person) {
                        return None;
                    }
                    if input.names.iter().all(|m| m.b > k) && !by_person {
                        // Needs a host before "received" too.
                        if !subject_before(input, k) {
                            return None;
                        }
                    }
                }
                "convened" | "convenes" => {}
                "died" | "dies" if !input.names.iter().any(|m| m.b <= k && k - m.b <= 4) => {
                    return None;
                }
                "arrested" | "detained" => {}
                "sentenced" | "convicted" | "acquitted" => {}
                "guilty" => {
                    // "was found guilty", "found Villa guilty", "found him not guilty".
                    let found = (k.saturating_sub(6)..k).any(|j| {
                        matches!(s.f(j), "found" | "finds" | "find" | "declared" | "ruled")
                    });
                    if !found {
                        return None;
                    }
                }
                _ => {}
            }
            let mut f = bare(k, trig);
            // "would meet again", "meets again": another meeting than the story's.
            if s.f(k + 1) == "again" || s.f(k + 2) == "again" && trig.particle.is_some() {
                f.instance = Some(Instance::Next);
            }
            if trig.family == Family::Visit || trig.particle.is_some() {
                f.b = (k + 2).min(s.toks.len());
            }
            Some(f)
        }
    }
}

fn bare(k: usize, trig: Trigger) -> Found {
    Found {
        k,
        trig,
        a: k,
        b: k + 1,
        det: String::new(),
        ordinal: None,
        instance: None,
        series: None,
        series_ref: None,
        time: None,
        place: None,
        days: None,
        year: None,
    }
}

/// True when something that can meet stands before token `k`: a name, a country, a plural
/// noun of people.
fn subject_before(input: &SentenceInput<'_, '_>, k: usize) -> bool {
    let s = input.s;
    let from = k.saturating_sub(10);
    input.names.iter().any(|m| m.b <= k && m.b + 10 >= k)
        || (from..k).any(|j| {
            let f = s.f(j);
            PEOPLE_NOUNS.contains(&f)
                || input.kb.country_by_name(f).is_some()
                || (s.toks[j].cap && input.kb.country_by_demonym(f).is_some())
        })
        || input.orgs.iter().any(|o| o.b <= k && o.b + 4 >= k)
}

/// Reads the noun group around an event noun at `k`.
fn noun_group(input: &SentenceInput<'_, '_>, k: usize, trig: Trigger, heading: bool) -> Found {
    let s = input.s;
    let kb = input.kb;
    let mut f = bare(k, trig);
    let noun_cap = s.toks[k].cap && !heading && k > 0;
    // Left: up to eight joined words.
    let mut a = k;
    let mut j = k;
    let mut cap_from: Option<usize> = None;
    while j > 0 && k - j < 8 {
        let p = j - 1;
        let pt = &s.toks[p];
        let pf = pt.folded.as_ref();
        let joined = s.joined(p) || (s.gap_after(p) == "-");
        // A possessive: "Saturday's draw", "the committee's 45th meeting", "Lula's visit".
        if pf == "s" && p > 0 && possessive_after(s, p - 1) && s.joined(p) {
            let owner_end = p; // exclusive, the owner ends at p - 1
            let owner = p - 1;
            // A time owner.
            if let Some((ti, t)) = input
                .times
                .iter()
                .enumerate()
                .find(|(_, t)| t.span.end == s.toks[owner].end)
            {
                let _ = ti;
                if t.value.parts().is_some() {
                    f.time = Some(attr(t.value.clone(), t.span, Via::Noun));
                }
                let (ta, _) = tok_range(input, t.span);
                a = ta;
                f.det = "s".into();
            } else if let Some(pl) = input.places.iter().find(|pl| pl.b == owner_end) {
                f.place = Some(attr(
                    pl.name.clone(),
                    Span::new(s.toks[pl.a].start, s.toks[pl.b - 1].end),
                    Via::Noun,
                ));
                a = pl.a;
                f.det = "s".into();
            } else if lexicon::is_body(&s.toks[owner].folded) {
                f.series_ref = Some(s.toks[owner].folded.to_string());
                a = owner;
                if owner > 0 && is_det(s.f(owner - 1)) {
                    a = owner - 1;
                }
                f.det = "its".into();
            } else {
                a = owner;
                f.det = "s".into();
            }
            break;
        }
        if !joined {
            break;
        }
        if let Some(o) = ordinal(pt.text) {
            f.ordinal = Some(attr(o, Span::new(pt.start, pt.end), Via::Noun));
            a = p;
            j = p;
            continue;
        }
        if matches!(pf, "inaugural" | "maiden" | "founding") {
            f.ordinal = Some(attr(1, Span::new(pt.start, pt.end), Via::Noun));
            a = p;
            j = p;
            continue;
        }
        if let Some(inst) = lexicon::other_instance(pf) {
            // "last week's meeting" is a time, not another instance: only right before the
            // noun group.
            f.instance = Some(inst);
            a = p;
            j = p;
            continue;
        }
        if is_det(pf) {
            f.det = pf.to_string();
            a = p;
            break;
        }
        if pf.len() == 4 && pf.chars().all(|c| c.is_ascii_digit()) {
            f.year = pf.parse().ok();
            // "the 2026 edition": the year dates the instance.
            if let Some(t) = input.times.iter().find(|t| t.span.start == pt.start) {
                if t.value.parts().is_some() {
                    f.time = Some(attr(t.value.clone(), t.span, Via::Noun));
                }
            }
            a = p;
            j = p;
            continue;
        }
        if let Some(d) = pf
            .strip_suffix("-day")
            .and_then(crate::extract::numbers::cardinal)
        {
            f.days = u32::try_from(d).ok();
            a = p;
            j = p;
            continue;
        }
        if pt.cap {
            // "the Brennick meeting": a place before the noun.
            if let Some(pl) = input
                .places
                .iter()
                .find(|pl| pl.b == p + 1 && pl.a >= a.saturating_sub(4))
            {
                if !noun_cap {
                    f.place = Some(attr(
                        pl.name.clone(),
                        Span::new(s.toks[pl.a].start, s.toks[pl.b - 1].end),
                        Via::Noun,
                    ));
                    a = pl.a;
                    j = pl.a;
                    continue;
                }
            }
            if heading {
                a = p;
                j = p;
                continue;
            }
            cap_from = Some(p);
            a = p;
            j = p;
            continue;
        }
        // Lower-case modifiers: adjectives and noun modifiers ("high-level", "joint",
        // "fisheries").
        if pf.chars().all(|c| c.is_alphabetic() || c == '-')
            && !matches!(
                pf,
                "and" | "or" | "of" | "for" | "in" | "on" | "at" | "with" | "by" | "to" | "from"
            )
        {
            // Verbs end a noun group: "held talks".
            if HOLD_WORDS.contains(&pf)
                || pf.ends_with("ed")
                    && !matches!(
                        pf,
                        "high-level"
                            | "long-awaited"
                            | "closed"
                            | "televised"
                            | "planned"
                            | "scheduled"
                    )
            {
                break;
            }
            a = p;
            j = p;
            continue;
        }
        break;
    }
    f.a = a;
    // Series: the capitalised name the noun is part of, or "of the X" after it.
    let mut b = k + 1;
    if noun_cap || cap_from.is_some() {
        let start = cap_from.unwrap_or(k);
        let (end, _) = name_extension(s, k + 1);
        let end = if noun_cap { end } else { k + 1 };
        if noun_cap || cap_from.is_some_and(|c| c < k) {
            let first = if noun_cap {
                start
            } else {
                cap_from.unwrap_or(k)
            };
            let sp = Span::new(s.toks[first].start, s.toks[end - 1].end);
            // Incidents have no members: "Arcadia quake" says where, not who.
            let has_members = trig.family.has_members();
            if noun_cap {
                // The noun alone ("Congress", "EARTHQUAKE" in a capitalised line) is no name.
                if end - first >= 2 {
                    f.series = Some((sp, sp.slice(s.text).to_string()));
                }
                b = end;
            } else if has_members && (first..k).any(|x| s.toks[x].cap) {
                // "the Moroccan-Spanish high-level meeting": a series named by its members.
                let sp = Span::new(s.toks[first].start, s.toks[k].end);
                if (first..k).any(|x| country_word(kb, s, x)) || (first..k).count() >= 2 {
                    f.series = Some((sp, sp.slice(s.text).to_string()));
                }
            }
        }
    }
    if f.series.is_none() && s.f(k + 1) == "of" && trig.instance {
        let mut c = k + 2;
        while c < s.toks.len() && matches!(s.f(c), "the" | "its" | "their") {
            c += 1;
        }
        if s.toks.get(c).is_some_and(|t| t.cap) {
            let (end, _) = name_extension(s, c);
            let sp = Span::new(s.toks[c].start, s.toks[end - 1].end);
            f.series = Some((sp, sp.slice(s.text).to_string()));
            b = end;
        } else {
            // "of the new joint commission", "of the forum", "of the conference": find the
            // head noun within four words.
            let mut h = c;
            while h < s.toks.len() && h < c + 5 {
                let hf = s.f(h);
                if lexicon::is_body(hf)
                    || matches!(
                        hf,
                        "forum" | "conference" | "congress" | "summit" | "assembly" | "dialogue"
                    )
                {
                    f.series_ref = Some(hf.to_string());
                    b = h + 1;
                    break;
                }
                if !s.joined(h) {
                    break;
                }
                h += 1;
            }
        }
    }
    f.b = b.max(k + 1);
    f
}

/// Extends a capitalised name from token `c`: capitalised words, joined, with "of", "on",
/// "for", "and", "the" between capitalised words ("Ministerial Conference on the Blue
/// Economy", "Atlantic Ports and Logistics Forum"). Returns one past the end.
fn name_extension(s: &Sentence<'_>, c: usize) -> (usize, bool) {
    let n = s.toks.len();
    let mut end = c;
    let mut j = c;
    let mut any = false;
    while j < n {
        let t = &s.toks[j];
        if t.cap && !t.folded.chars().all(|ch| ch.is_ascii_digit()) {
            j += 1;
            end = j;
            any = true;
        } else if j > c
            && matches!(
                t.folded.as_ref(),
                "of" | "on" | "for" | "and" | "the" | "de" | "in"
            )
            && s.toks.get(j + 1).is_some_and(|x| {
                x.cap || (x.folded == "the" && s.toks.get(j + 2).is_some_and(|y| y.cap))
            })
            && (t.folded != "in" || s.toks.get(j + 1).is_some_and(|x| x.cap && x.info.place))
        {
            if t.folded == "in" {
                break;
            }
            j += 1;
        } else {
            break;
        }
        if j < n && !s.joined(j - 1) && s.gap_after(j - 1) != "-" {
            break;
        }
    }
    (end.max(c), any)
}

fn country_word(kb: &Knowledge, s: &Sentence<'_>, k: usize) -> bool {
    s.toks[k].folded.split(['-', '–']).any(|w| {
        kb.country_by_demonym(w)
            .or_else(|| kb.country_by_name(w))
            .is_some()
    })
}

/// A body named in a sentence.
#[derive(Debug, Clone)]
struct BodyMention {
    series: SeriesRef,
    /// Only the head noun with a determiner ("the committee"): a back-reference.
    bare: bool,
    /// The body acts in the sentence ("the committee agreed", "The Commission, set up ...,
    /// was co-chaired by").
    acting: bool,
}

/// Verbs and adverbs that show a body acting right after its name.
const ACTING: &[&str] = &[
    "also",
    "agreed",
    "approved",
    "decided",
    "adopted",
    "held",
    "met",
    "will",
    "would",
    "has",
    "had",
    "signed",
    "discussed",
    "reviewed",
    "was",
    "is",
    "meets",
    "called",
    "urged",
    "endorsed",
    "examined",
    "heard",
    "launched",
    "set",
    "concluded",
    "issued",
    "oversees",
    "brings",
];

/// Bodies named in the sentence: capitalised names headed by a body noun, lower-case ones
/// with a modifier ("the Hispano-Moroccan fisheries committee", "the fisheries body"), and
/// bare back-references ("the committee").
fn bodies_in(input: &SentenceInput<'_, '_>, z: &Zones) -> Vec<BodyMention> {
    let s = input.s;
    let n = s.toks.len();
    let heading = s.is_heading();
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        let f = s.f(k);
        let skip_lower = matches!(
            f,
            "working"
                | "task"
                | "process"
                | "group"
                | "board"
                | "panel"
                | "assembly"
                | "partnership"
                | "dialogue"
        ) && !s.toks[k].cap;
        if !lexicon::is_body(f)
            || !z.main(k)
            || heading
            || skip_lower
            || matches!(f, "working" | "task")
        {
            k += 1;
            continue;
        }
        let t = &s.toks[k];
        // Left modifiers.
        let mut a = k;
        while a > 0 && s.joined(a - 1) && k - a < 7 {
            let pf = s.f(a - 1);
            if is_det(pf)
                || matches!(
                    pf,
                    "of" | "and" | "for" | "with" | "by" | "to" | "in" | "on" | "at" | "s"
                )
                || ordinal(s.toks[a - 1].text).is_some()
            {
                break;
            }
            if HOLD_WORDS.contains(&pf) || pf.ends_with("ed") && !s.toks[a - 1].cap {
                break;
            }
            a -= 1;
        }
        let (end, _) = if t.cap {
            name_extension(s, k + 1)
        } else {
            (k + 1, false)
        };
        let end = end.max(k + 1);
        let has_mod = a < k;
        let det = a > 0 && is_det(s.f(a - 1));
        let bare = !(has_mod || t.cap && k > 0) && det;
        if !(t.cap && k > 0 || has_mod || bare) {
            k += 1;
            continue;
        }
        // Acting: a verb right after the name, or after an aside between commas.
        let mut j = end;
        if s.gap_before(j).contains(',') {
            while j < n && !s.gap_after(j).contains(',') && j < end + 20 {
                j += 1;
            }
            j += 1;
        }
        let acting = (j..(j + 3).min(n))
            .any(|x| ACTING.contains(&s.f(x)) || s.f(x).starts_with("co-"))
            && (a <= 2 || s.gap_before(a).contains(','));
        let sp = Span::new(s.toks[a].start, s.toks[end - 1].end);
        out.push(BodyMention {
            series: SeriesRef {
                name: sp.slice(s.text).to_string(),
                span: sp,
                head: f.to_string(),
            },
            bare,
            acting,
        });
        k = end;
    }
    out
}

/// The sentence's times that can date an event: in the sentence's own report, calendar
/// values, not the date of a statement.
fn sentence_times(input: &SentenceInput<'_, '_>, z: &Zones) -> Vec<(usize, usize, usize)> {
    input
        .times
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            let (a, b) = z.time_toks[*i];
            t.value.parts().is_some() && !z.report_time[*i] && z.main_range(a, b)
        })
        .map(|(i, _)| {
            let (a, b) = z.time_toks[i];
            (i, a, b)
        })
        .collect()
}

/// True when the sentence is dated more than a year before the article (an earlier event
/// recalled: "In 1991, ...", "the 2023 floods, which killed ...").
fn historical(
    input: &SentenceInput<'_, '_>,
    z: &Zones,
    published: Option<chrono::NaiveDate>,
) -> bool {
    let Some(p) = published else { return false };
    let s = input.s;
    input.times.iter().enumerate().any(|(i, t)| {
        let (a, b) = z.time_toks[i];
        // A date in a relative clause dates what the clause tells ("an organisation that
        // moved hashish between 2021 and 2023", "the forum, which was created in 2019"),
        // not the sentence's event.
        let relative = (0..a).any(|j| matches!(s.f(j), "that" | "which" | "who" | "whose"));
        !relative
            && z.main_range(a, b)
            && !z.report_time[i]
            && t.value
                .parts()
                .and_then(|x| x.range)
                .is_some_and(|(_, last)| (p - last).num_days() > 330)
    })
}

/// The frame index of the trigger nearest to token `p`, preferring one before it.
fn nearest(created: &[usize], trig_tok: &[usize], p: usize, reach_right: usize) -> Option<usize> {
    let left = trig_tok
        .iter()
        .enumerate()
        .filter(|(_, &t)| t <= p)
        .max_by_key(|(_, &t)| t)
        .map(|(i, _)| i);
    let right = trig_tok
        .iter()
        .enumerate()
        .filter(|(_, &t)| t > p && t - p <= reach_right)
        .min_by_key(|(_, &t)| t)
        .map(|(i, _)| i);
    left.or(right).map(|i| created[i])
}

/// Words before a date that attach it to an event.
fn time_preposition(s: &Sentence<'_>, a: usize) -> bool {
    if a == 0 {
        return true;
    }
    let p = s.f(a - 1);
    let deictic = matches!(
        s.f(a),
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
            | "late"
            | "early"
    );
    deictic
        || matches!(
            p,
            "on" | "in"
                | "at"
                | "during"
                | "from"
                | "of"
                | "until"
                | "between"
                | "late"
                | "early"
                | "for"
                | "since"
                | "by"
        )
        || s.gap_before(a).contains(',')
}

/// Words that may stand between an event and a date or place that belongs to it: "the
/// session, which opened on Tuesday in Marlow", "held in Corvale from", "met here on".
fn bridge(f: &str) -> bool {
    matches!(
        f,
        "held"
            | "opened"
            | "closed"
            | "ended"
            | "began"
            | "started"
            | "which"
            | "that"
            | "was"
            | "were"
            | "took"
            | "place"
            | "hosted"
            | "staged"
            | "convened"
            | "is"
            | "are"
            | "will"
            | "be"
            | "been"
            | "scheduled"
            | "due"
            | "in"
            | "at"
            | "on"
            | "the"
            | "a"
            | "here"
            | "delivered"
            | "handed"
            | "given"
            | "read"
            | "struck"
            | "hit"
            | "occurred"
            | "happened"
            | "late"
            | "early"
            | "down"
            | "to"
            | "of"
            | "has"
            | "had"
            | "planned"
            | "set"
            | "for"
            | "its"
            | "their"
            | "there"
            | "again"
            | "last"
            | "this"
            | "today"
            | "yesterday"
            | "from"
            | "city"
            | "port"
            | "town"
            | "capital"
            | "headquarters"
            | "ministry"
            | "palace"
            | "gate"
            | "province"
            | "region"
            | "off"
            | "near"
            | "take"
            | "takes"
            | "taking"
            | "get"
            | "gets"
            | "under"
            | "way"
            | "kick"
            | "kicks"
            | "go"
            | "ahead"
            | "expected"
            | "slated"
            | "going"
    )
}

/// Words of a noun group's complement ("talks between the governments of A and B", "a
/// meeting with their counterparts"): an argument after them still belongs to the group.
fn complement(f: &str) -> bool {
    matches!(
        f,
        "between"
            | "among"
            | "with"
            | "and"
            | "two"
            | "both"
            | "sides"
            | "nations"
            | "government"
            | "governments"
            | "delegations"
            | "leaders"
            | "countries"
    ) || PEOPLE_NOUNS.contains(&f)
}

/// Words of a place phrase between an event and its date: "struck Velmora province in
/// northern Arcadia late on Tuesday".
fn place_word(f: &str) -> bool {
    matches!(
        f,
        "province"
            | "region"
            | "city"
            | "town"
            | "village"
            | "district"
            | "county"
            | "state"
            | "area"
            | "coast"
            | "island"
            | "capital"
            | "of"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "north"
            | "south"
            | "east"
            | "west"
    )
}

/// How well an argument at tokens `a..b` fits the event whose noun group is `np`: lower is
/// better; `None` when it cannot belong to it.
fn reach(s: &Sentence<'_>, np: (usize, usize), a: usize, b: usize) -> Option<usize> {
    let (na, nb) = np;
    if a >= nb {
        // After the noun group: close, or only bridge words and names between.
        let gap = a - nb;
        // "a strike by dockworkers at the port of X": a short agent phrase bridges too.
        let agent = |j: usize| {
            s.f(j) == "by"
                || (j.saturating_sub(2).max(nb)..j).any(|k| s.f(k) == "by")
                    && !s.f(j).ends_with("ed")
                    && !s.gap_after(j - 1).contains(',')
        };
        let clean = (nb..a).all(|j| {
            bridge(s.f(j)) || complement(s.f(j)) || place_word(s.f(j)) || s.toks[j].cap || agent(j)
        }) && !(nb..a).any(|j| s.gap_after(j).contains([';', '.']) && j + 1 < a);
        if gap <= 2 || (clean && gap <= 16) {
            return Some(gap);
        }
        // A topic, then a relative clause that tells where or when: "the meeting on border
        // management that both sides will chair in Marlow on 3 May".
        let relative = (nb..a.min(nb + 7)).any(|j| matches!(s.f(j), "that" | "which" | "where"));
        let unbroken = !(nb..a).any(|j| s.gap_after(j).contains([';', '.', ',', '(']) && j + 1 < a);
        if relative && unbroken && gap <= 20 {
            return Some(gap + 2);
        }
        return None;
    }
    if b <= na {
        // Before it: "on Tuesday, A met B"; "agreed on Wednesday ... at the close of the
        // ninth session" (an event introduced by "at", "during", "for").
        let gap = na - b;
        // "in 2023 and at the meeting": coordinated phrases; the date is the first one's.
        if (b..na).any(|j| s.f(j) == "and" && j + 1 < na && !s.toks[j + 1].cap) {
            return None;
        }
        if gap <= 3
            && (b..na).all(|j| bridge(s.f(j)) || s.toks[j].cap || matches!(s.f(j), "and" | "s"))
        {
            return Some(gap + 1);
        }
        let intro = na > 0 && matches!(s.f(na - 1), "at" | "during" | "of" | "for" | "after");
        if intro && gap <= 30 && !(b..na).any(|j| s.gap_after(j).contains(';')) {
            return Some(20 + gap / 4);
        }
        return None;
    }
    // Inside the group.
    Some(0)
}

/// The frame an argument at `a..b` belongs to, among the sentence's.
fn best_frame(
    s: &Sentence<'_>,
    created: &[usize],
    nps: &[(usize, usize)],
    a: usize,
    b: usize,
) -> Option<(usize, usize)> {
    created
        .iter()
        .zip(nps)
        .filter_map(|(&i, &np)| reach(s, np, a, b).map(|c| (c, i)))
        .min()
        .map(|(c, i)| (i, c))
}

fn attach_times(
    b: &mut FrameBuilder,
    input: &SentenceInput<'_, '_>,
    _z: &Zones,
    created: &[usize],
    nps: &[(usize, usize)],
    times: &[(usize, usize, usize)],
) {
    let s = input.s;
    for &(ti, ta, tb) in times {
        if !time_preposition(s, ta) {
            continue;
        }
        let t = &input.times[ti];
        // "by 2027", "until March": deadlines, not the event's date.
        if ta > 0 && matches!(s.f(ta - 1), "by" | "until" | "before" | "since") {
            continue;
        }
        let Some((i, cost)) = best_frame(s, created, nps, ta, tb) else {
            continue;
        };
        let np = nps[created.iter().position(|&c| c == i).unwrap_or(0)];
        // "charged with murder Saturday", "in court Monday on a charge of murder": the
        // crime named as a charge takes no date; the day is the charge's or the hearing's.
        let crime = matches!(
            b.frames[i].family,
            Family::Attack | Family::Death | Family::Fire | Family::Accident
        );
        if crime && charge_object(s, np.0) {
            continue;
        }
        let frame = &mut b.frames[i];
        if frame.claim.time.is_some() {
            continue;
        }
        let mut role = time_role(s, ta);
        // "at the close of the session": the date of the sentence is its last day.
        if cost >= 20 && np.0 >= 3 {
            let w = s.folded_phrase(np.0.saturating_sub(3), np.0);
            if w.contains("close of") || w.contains("end of") {
                role = TimeRole::End;
            } else if w.contains("opening of") || w.contains("start of") {
                role = TimeRole::Start;
            }
        }
        frame.claim.time = Some(attr(t.value.clone(), t.span, Via::Clause));
        frame.claim.time_role = role;
        if t.relative {
            frame.claim.relative_time = Some(t.span.slice(s.text).to_string());
        }
    }
    // Relative times read inside noun groups ("Saturday's draw").
    for &i in created {
        let f = &mut b.frames[i];
        if f.claim.relative_time.is_none() {
            if let Some(t) = &f.claim.time {
                if let Some(src) = input.times.iter().find(|x| x.span == t.span) {
                    if src.relative {
                        f.claim.relative_time = Some(t.span.slice(s.text).to_string());
                    }
                }
            }
        }
    }
}

/// True when the noun group starting at `a` is what someone is charged with: "charged with
/// (first-degree) murder", "accused of fraud", "arrested for the attack".
fn charge_object(s: &Sentence<'_>, a: usize) -> bool {
    (a.saturating_sub(4)..a).any(|j| {
        matches!(
            s.f(j),
            "charged"
                | "accused"
                | "convicted"
                | "suspected"
                | "indicted"
                | "arrested"
                | "sentenced"
                | "jailed"
                | "guilty"
                | "acquitted"
                | "cleared"
                | "charge"
                | "charges"
        ) && matches!(s.f(j + 1), "with" | "of" | "for")
            && !(j > 0 && s.f(j - 1) == "in")
            && a <= j + 4
            && (j + 2..a).all(|k| !s.gap_after(k - 1).contains(','))
    })
}

/// "opened on", "began on": the first day; "ended on", "closed on": the last.
fn time_role(s: &Sentence<'_>, ta: usize) -> TimeRole {
    let from = ta.saturating_sub(4);
    for j in (from..ta).rev() {
        match s.f(j) {
            "opened" | "opens" | "began" | "begins" | "started" | "starts" | "kicked"
            | "opening" => return TimeRole::Start,
            "ended" | "ends" | "closed" | "closes" | "concluded" | "concludes" | "wrapped"
            | "close" | "end" | "closing" => return TimeRole::End,
            _ => {}
        }
    }
    TimeRole::Whole
}

fn attach_places(
    b: &mut FrameBuilder,
    input: &SentenceInput<'_, '_>,
    z: &Zones,
    created: &[usize],
    trig_tok: &[usize],
    nps: &[(usize, usize)],
) {
    let s = input.s;
    for pl in input.places {
        if !z.main_range(pl.a, pl.b) || pl.a == 0 {
            continue;
        }
        let prep = s.f(pl.a - 1);
        // "in Brennick", "at the port of Ostwick", "held in Corvale"; for a trip, "to Corvale".
        let (ok, dest) = match prep {
            "in" | "at" | "inside" => (true, false),
            "to" => (true, true),
            "of" => {
                let p2 = if pl.a >= 2 { s.f(pl.a - 2) } else { "" };
                (
                    matches!(p2, "port" | "city" | "town" | "village" | "capital"),
                    false,
                )
            }
            _ => (false, false),
        };
        if !ok {
            continue;
        }
        // "the region of X", "in the X province" are fine; "from X" is excluded above.
        let Some((i, _)) = best_frame(s, created, nps, pl.a.saturating_sub(1), pl.b) else {
            continue;
        };
        let fam = b.frames[i].family;
        if dest && fam != Family::Visit {
            continue;
        }
        let f = &mut b.frames[i];
        if f.claim.place.is_some() {
            continue;
        }
        let sp = Span::new(s.toks[pl.a].start, s.toks[pl.b - 1].end);
        f.claim.place = Some(attr(pl.name.clone(), sp, Via::Clause));
    }
    // "met here on Tuesday": the dateline's place.
    if let Some((dsp, dname)) = b.dateline.clone() {
        for (k, t) in s.toks.iter().enumerate() {
            if t.folded != "here" || !z.main(k) {
                continue;
            }
            // Not "here and there", "here is".
            if matches!(s.f(k + 1), "and" | "is" | "are" | "was") {
                continue;
            }
            let Some((i, _)) = best_frame(s, created, nps, k, k + 1) else {
                continue;
            };
            let _ = trig_tok;
            let f = &mut b.frames[i];
            if f.claim.place.is_none() {
                f.claim.place = Some(attr(dname.clone(), dsp, Via::Dateline));
            }
        }
    }
}

fn attach_people(
    b: &mut FrameBuilder,
    input: &SentenceInput<'_, '_>,
    z: &Zones,
    created: &[usize],
    trig_tok: &[usize],
) {
    let s = input.s;
    for m in input.names {
        if !z.main_range(m.a, m.b) {
            continue;
        }
        let Some(i) = nearest(created, trig_tok, m.a, 16) else {
            continue;
        };
        let before = |w: &[&str]| {
            let from = m.a.saturating_sub(6);
            (from..m.a).rev().take(6).any(|j| w.contains(&s.f(j)))
        };
        let trig = created
            .iter()
            .position(|&c| c == i)
            .map(|p| trig_tok[p])
            .unwrap_or(0);
        let role: &'static str = if before(&[
            "chaired",
            "co-chaired",
            "presided",
            "co-chairmanship",
            "chairmanship",
            "co-chairs",
            "co-chair",
        ]) {
            "chair"
        } else if before(&["hosted"]) && s.f(m.a.saturating_sub(1)) == "by"
            || (s.f(trig) == "received" && m.a > trig && s.f(trig + 1) == "by")
        {
            "host"
        } else if matches!(s.f(trig), "received" | "receives" | "hosted") {
            if m.b <= trig {
                "host"
            } else {
                "guest"
            }
        } else if b.frames[i].family == Family::Visit && m.b <= trig {
            "traveller"
        } else if matches!(
            b.frames[i].family,
            Family::Verdict | Family::Trial | Family::Arrest | Family::Death
        ) {
            "subject"
        } else {
            "attendee"
        };
        let sp = Span::new(s.toks[m.a].start, s.toks[m.b - 1].end);
        let name = s.phrase(m.a, m.b).to_string();
        let f = &mut b.frames[i];
        if !f.claim.attendees.iter().any(|x| x.value == name) {
            f.claim.attendees.push(participant(name, sp, role));
        }
    }
    for o in input.orgs {
        if !z.main_range(o.a, o.b) {
            continue;
        }
        let Some(i) = nearest(created, trig_tok, o.a, 12) else {
            continue;
        };
        let sp = Span::new(s.toks[o.a].start, s.toks[o.b - 1].end);
        let name = s.phrase(o.a, o.b).to_string();
        let f = &mut b.frames[i];
        if !f.claim.organisations.iter().any(|x| x.value == name) {
            f.claim.organisations.push(attr(name, sp, Via::Clause));
        }
    }
}

/// "Meeting for the eighth time", "met for the third time": the ordinal of the meeting.
fn attach_ordinal_phrases(
    b: &mut FrameBuilder,
    input: &SentenceInput<'_, '_>,
    z: &Zones,
    created: &[usize],
    trig_tok: &[usize],
) {
    let s = input.s;
    let n = s.toks.len();
    for k in 0..n.saturating_sub(3) {
        if s.f(k) == "for" && s.f(k + 1) == "the" && s.f(k + 3) == "time" && z.main(k) {
            let Some(o) = ordinal(s.toks[k + 2].text) else {
                continue;
            };
            let Some(i) = nearest(created, trig_tok, k, 6) else {
                continue;
            };
            if b.frames[i].family != Family::Gathering {
                continue;
            }
            let f = &mut b.frames[i];
            if f.claim.ordinal.is_none() {
                let t = &s.toks[k + 2];
                f.claim.ordinal = Some(attr(
                    o,
                    Span::new(s.toks[k].start, s.toks[k + 3].end.max(t.end)),
                    Via::Clause,
                ));
            }
        }
    }
}

/// Countries of the sentence go to its frames: "Morocco and Spain agreed ... at the ninth
/// session", "Spanish and Portuguese civil protection chiefs met", "between Portugal and
/// Morocco"; and the countries of the series name.
fn attach_countries(
    b: &mut FrameBuilder,
    input: &SentenceInput<'_, '_>,
    z: &Zones,
    created: &[usize],
    _trig_tok: &[usize],
) {
    let s = input.s;
    let kb = input.kb;
    let mut found: Vec<String> = Vec::new();
    // An organisation quoted as the source ("according to the Velmoran Survey", "the
    // Arcadian agency said") tells who reported the event, not who took part in it.
    let sources: Vec<(usize, usize)> = input
        .orgs
        .iter()
        .filter(|o| is_attribution_source(s, o.a, o.b))
        .map(|o| (o.a, o.b))
        .chain(capitalised_sources(s))
        .collect();
    for (k, t) in s.toks.iter().enumerate() {
        if !z.main(k) || sources.iter().any(|&(a, b)| (a..b).contains(&k)) {
            continue;
        }
        // Not a place: "in Morocco" says where, not who.
        let prev = if k > 0 { s.f(k - 1) } else { "" };
        // Nor the tail of a geographic name: "the Strait of Gibraltar", "the Gulf of
        // Arcadia", "Campo de Velmora".
        const FEATURES: &[&str] = &[
            "strait", "straits", "gulf", "bay", "sea", "cape", "isle", "lake", "coast", "horn",
        ];
        let before_of = if k >= 2 { s.f(k - 2) } else { "" };
        if k >= 2
            && s.toks[k - 2].cap
            && ((prev == "of" && FEATURES.contains(&before_of))
                || matches!(prev, "de" | "del" | "di" | "da" | "do"))
        {
            continue;
        }
        for w in t.folded.split(['-', '–']) {
            let c = kb
                .country_by_name(w)
                .filter(|_| {
                    !matches!(prev, "in" | "from" | "across" | "to" | "into" | "outside")
                        || t.folded.contains('-')
                })
                .or_else(|| {
                    if t.cap {
                        kb.country_by_demonym(w)
                    } else {
                        None
                    }
                });
            if let Some(c) = c {
                if !found.iter().any(|x| x == c) {
                    found.push(c.to_string());
                }
            }
        }
    }
    for m in input.titles {
        if let Some(c) = &m.country {
            if !found.contains(c) {
                found.push(c.clone());
            }
        }
    }
    found.sort();
    for &i in created {
        let f = &mut b.frames[i];
        let mut cs = f.claim.countries.clone();
        if let Some(series) = &f.claim.series {
            for w in fold(series).split([' ', '-', '–']) {
                if let Some(c) = kb.country_by_demonym(w).or_else(|| kb.country_by_name(w)) {
                    if !cs.iter().any(|x| x == c) {
                        cs.push(c.to_string());
                    }
                }
            }
        }
        for c in &found {
            if !cs.contains(c) {
                cs.push(c.clone());
            }
        }
        cs.sort();
        f.claim.countries = cs;
    }
}

/// A main event told without a place takes the one place its first paragraph sets at a
/// time that fits it: "What the mayors found in Velmora last week was a business meeting.
/// The forum ended on Tuesday ...". Two such places, or a time that does not fit, say nothing.
fn place_from_lede(b: &mut FrameBuilder, main: usize) {
    let c = &b.frames[main].claim;
    if c.place.is_some() || c.planned {
        return;
    }
    let Some((lo, hi)) = c.time.as_ref().and_then(|t| t.value.parts()?.range) else {
        return;
    };
    let fitting: Vec<&(String, Span, (chrono::NaiveDate, chrono::NaiveDate))> = b
        .lede_settings
        .iter()
        .filter(|(_, _, (a, z))| *a <= hi && lo <= *z && (*z - *a).num_days() <= 31)
        .collect();
    let Some(first) = fitting.first() else {
        return;
    };
    if fitting.iter().any(|(name, _, _)| *name != first.0) {
        return;
    }
    let (name, sp) = (first.0.clone(), first.1);
    b.frames[main].claim.place = Some(attr(name, sp, Via::Lede));
}

/// Whether tokens `a..b` are named as the source of a report: "according to (the) X",
/// "X said", "X, which monitors ..., said" is not read (only the adjacent shapes).
fn is_attribution_source(s: &Sentence<'_>, a: usize, b: usize) -> bool {
    let mut i = a;
    if i > 0 && s.f(i - 1) == "the" {
        i -= 1;
    }
    let after_according = i >= 2 && s.f(i - 2) == "according" && s.f(i - 1) == "to";
    let said_after = b < s.toks.len()
        && matches!(
            s.f(b),
            "said" | "says" | "reported" | "reports" | "estimated" | "estimates" | "recorded"
        );
    after_according || said_after
}

/// Capitalised runs named as a source, whether or not the organisation finder knows them:
/// "according to the Arcadian Seismic Survey", "the Arcadian Seismic Survey said".
fn capitalised_sources(s: &Sentence<'_>) -> Vec<(usize, usize)> {
    let n = s.toks.len();
    let joins = |k: usize| matches!(s.f(k), "of" | "for" | "and" | "on");
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !s.toks[i].cap || (i > 0 && s.toks[i - 1].cap) {
            i += 1;
            continue;
        }
        let mut b = i + 1;
        while b < n && (s.toks[b].cap || (joins(b) && b + 1 < n && s.toks[b + 1].cap)) {
            b += 1;
        }
        // A single capitalised word is a person or a place as often as a body.
        if b - i >= 2 && is_attribution_source(s, i, b) {
            out.push((i, b));
        }
        i = b;
    }
    out
}

/// "A met B here for the first session of X": the noun is the verb's event. "The session was
/// the 7th plenary of X": one event. "will travel to Corvale for the first meeting": the trip's
/// destination is where the meeting is.
fn copular_and_purpose(
    b: &mut FrameBuilder,
    input: &SentenceInput<'_, '_>,
    created: &[usize],
    trig_tok: &[usize],
) {
    let s = input.s;
    for w in 0..created.len() {
        for v in w + 1..created.len() {
            let (i, j) = (created[w], created[v]);
            let (ki, kj) = (trig_tok[w], trig_tok[v]);
            if b.frames[i].merged_into.is_some() || b.frames[j].merged_into.is_some() {
                continue;
            }
            let fi = b.frames[i].family;
            let fj = b.frames[j].family;
            let gap = kj.saturating_sub(ki);
            // First token of j's noun group.
            let ja = s.toks.partition_point(|t| t.start < b.frames[j].span.start);
            let before_j = if ja > 0 { s.f(ja - 1) } else { "" };
            let linker = matches!(
                before_j,
                "for" | "at" | "during" | "in" | "was" | "is" | "be" | "as"
            );
            if !linker || gap > 14 {
                continue;
            }
            if fi == fj
                && fi == Family::Gathering
                && b.frames[j].instance.is_none()
                && b.frames[i].instance.is_none()
            {
                if compatible(&b.frames[i].claim, &b.frames[j].claim) {
                    merge(b, j, i, Via::Clause);
                }
            } else if fi == Family::Visit && fj == Family::Gathering && before_j == "for" {
                // The meeting is where the trip goes, when it is.
                if b.frames[j].claim.place.is_none() {
                    if let Some(p) = b.frames[i].claim.place.clone() {
                        b.frames[j].claim.place = Some(Attr {
                            via: Via::Clause,
                            ..p
                        });
                    }
                }
                if b.frames[j].claim.time.is_none() {
                    if let Some(t) = b.frames[i].claim.time.clone() {
                        b.frames[j].claim.time = Some(t);
                        b.frames[j].claim.relative_time = b.frames[i].claim.relative_time.clone();
                    }
                }
                let mut people = b.frames[i].claim.attendees.clone();
                for p in people.iter_mut() {
                    p.role = "attendee".into();
                }
                for p in people {
                    if !b.frames[j]
                        .claim
                        .attendees
                        .iter()
                        .any(|x| x.value == p.value)
                    {
                        b.frames[j].claim.attendees.push(p);
                    }
                }
                if b.frames[i].claim.planned {
                    b.frames[j].claim.planned = true;
                    b.frames[j].claim.modality = "planned".into();
                }
            }
        }
    }
}

/// Modality of a frame: planned, cancelled, postponed, held or reported.
fn modality(s: &Sentence<'_>, z: &Zones, f: &Found) -> &'static str {
    let n = s.toks.len();
    let from = f.a.saturating_sub(7);
    // The verb group of a subject noun group may follow its complement: "the meeting
    // between the two governments is set to take place".
    let verb = (f.b..(f.b + 12).min(n))
        .take_while(|&j| j == f.b || !s.gap_before(j).contains([',', ';', '.', ':']))
        .find(|&j| {
            matches!(
                s.f(j),
                "is" | "are" | "was" | "were" | "will" | "has" | "have" | "had"
            )
        });
    let to = verb.map_or(f.b + 4, |v| v.max(f.b) + 5).min(n);
    let window =
        |set: &[&str]| (from..to).any(|j| z.main(j) && set.contains(&s.f(j)) && !s.toks[j].cap);
    if window(CANCELLED_WORDS)
        && (from..to).any(|j| {
            matches!(s.f(j), "cancelled" | "canceled" | "scrapped" | "abandoned")
                || (s.f(j) == "called" && s.f(j + 1) == "off")
        })
    {
        return "cancelled";
    }
    if window(POSTPONED_WORDS) {
        return "postponed";
    }
    if f.instance == Some(Instance::Next) {
        return "planned";
    }
    // Future cues before the trigger in its clause ("will travel", "is due to meet", "is
    // expected to", "to be held", "scheduled for").
    let mut planned = false;
    for j in from..to {
        if !z.main(j) || s.toks[j].cap && j > 0 {
            continue;
        }
        // A strong break between the cue and the trigger ends its reach.
        let fj = s.f(j);
        if j < f.k && s.gap_after(j).contains([';', ':', '.']) {
            planned = false;
            continue;
        }
        match fj {
            "will" | "shall" | "'ll" => planned = true,
            "due" | "expected" | "set" | "scheduled" | "planned" | "slated"
                if (matches!(s.f(j + 1), "to" | "for" | "in" | "on") || j + 1 == f.k) =>
            {
                planned = true;
            }
            "to" => {
                if s.f(j + 1) == "be"
                    && matches!(s.f(j + 2), "held" | "convened" | "hosted" | "staged")
                {
                    planned = true;
                }
                if j + 1 == f.k
                    && f.trig.form == Form::Base
                    && j > 0
                    && matches!(
                        s.f(j - 1),
                        "plans"
                            | "planning"
                            | "intends"
                            | "due"
                            | "expected"
                            | "set"
                            | "scheduled"
                            | "going"
                    )
                {
                    planned = true;
                }
            }
            "plans" | "intends" if s.f(j + 1) == "to" => {
                planned = true;
            }
            _ => {}
        }
    }
    if planned {
        return "planned";
    }
    let _ = PLANNED_WORDS;
    // Past cues: "held", "took place", "met", "opened", "struck".
    let held = (from..to).any(|j| {
        let fj = s.f(j);
        z.main(j)
            && (matches!(
                fj,
                "held"
                    | "met"
                    | "took"
                    | "opened"
                    | "ended"
                    | "closed"
                    | "concluded"
                    | "struck"
                    | "hit"
                    | "killed"
                    | "was"
                    | "were"
                    | "sat"
                    | "flew"
                    | "travelled"
                    | "traveled"
                    | "visited"
                    | "arrived"
                    | "staged"
                    | "began"
                    | "drew"
                    | "convened"
                    | "received"
                    | "sentenced"
                    | "convicted"
                    | "arrested"
            ) || fj.ends_with("ed") && fj.len() > 4 && !s.toks[j].cap)
    });
    if held || matches!(f.trig.form, Form::Past) {
        "held"
    } else {
        "reported"
    }
}

/// True when two frames of one article can be one event: nothing they state disagrees.
pub(crate) fn compatible(a: &EventClaim, b: &EventClaim) -> bool {
    if let (Some(x), Some(y)) = (&a.ordinal, &b.ordinal) {
        if x.value != y.value {
            return false;
        }
    }
    if let (Some(x), Some(y)) = (&a.place, &b.place) {
        if fold(&x.value) != fold(&y.value) {
            return false;
        }
    }
    if let (Some(x), Some(y)) = (&a.time, &b.time) {
        if times_conflict(
            &x.value,
            a.time_role,
            &y.value,
            b.time_role,
            a.days.or(b.days),
        ) {
            return false;
        }
    }
    if let (Some(x), Some(y)) = (&a.series, &b.series) {
        let kx = series_words(x);
        let ky = series_words(y);
        if !kx.is_empty() && !ky.is_empty() && !kx.iter().any(|w| ky.contains(w)) {
            return false;
        }
    }
    true
}

/// Content words of a series name, for telling series apart.
pub(crate) fn series_words(name: &str) -> Vec<String> {
    topic_words(&fold(name))
}

/// True when two dates of one event (with what part of it each gives) cannot both hold.
pub(crate) fn times_conflict(
    a: &TimeValue,
    ra: TimeRole,
    b: &TimeValue,
    rb: TimeRole,
    days: Option<u32>,
) -> bool {
    let (Some(pa), Some(pb)) = (a.parts(), b.parts()) else {
        return false;
    };
    match (pa.range, pb.range) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let span = i64::from(days.unwrap_or(1).max(1)) - 1;
            match (ra, rb) {
                (TimeRole::Whole, TimeRole::Whole) => a.agreement(b) == Agreement::Conflict,
                // A first or last day against a period: inside it. Against a single day: the
                // same day, or within the stated length of the event.
                (TimeRole::Start, TimeRole::Whole) | (TimeRole::End, TimeRole::Whole) => {
                    if b0 == b1 {
                        (a0 - b0).num_days().abs() > span
                    } else {
                        a1 < b0 || a0 > b1
                    }
                }
                (TimeRole::Whole, _) => times_conflict(b, rb, a, ra, days),
                (TimeRole::Start, TimeRole::End) => a0 > b1,
                (TimeRole::End, TimeRole::Start) => b0 > a1,
                _ => a.agreement(b) == Agreement::Conflict,
            }
        }
        _ => a.agreement(b) == Agreement::Conflict,
    }
}

/// An argument carried over by a merge says so.
fn revia<T>(mut a: Attr<T>, via: Via) -> Attr<T> {
    if a.via == Via::Clause {
        a.via = via;
    }
    a
}

/// Folds frame `from` into frame `into`: arguments it lacks, its people and countries.
pub(crate) fn merge(b: &mut FrameBuilder, from: usize, into: usize, via: Via) {
    if from == into {
        return;
    }
    let src = b.frames[from].claim.clone();
    let src_span = b.frames[from].span;
    let into_root = root(b, into);
    let dst = &mut b.frames[into_root];
    let c = &mut dst.claim;
    if c.series.is_none() && src.series.is_some() {
        c.series = src.series.clone();
        c.series_span = src.series_span;
    }
    if c.ordinal.is_none() {
        c.ordinal = src.ordinal.map(|a| revia(a, via));
    }
    if c.place.is_none() {
        c.place = src.place.map(|a| revia(a, via));
    }
    match (&c.time, &src.time) {
        (None, Some(_)) => {
            c.time = src.time.clone().map(|a| revia(a, via));
            c.time_role = src.time_role;
            c.relative_time = src.relative_time.clone();
        }
        (Some(t), Some(u)) if c.time_role != src.time_role => {
            // A first and a last day make the whole: "opened on Tuesday", "closed on
            // Wednesday".
            let (first, last) = if c.time_role == TimeRole::Start {
                (t, u)
            } else {
                (u, t)
            };
            if let (Some(d0), Some(d1)) = (first.value.as_day(), last.value.as_day()) {
                if d0 <= d1 && c.time_role != TimeRole::Whole && src.time_role != TimeRole::Whole {
                    let _ = (d0, d1);
                }
            }
        }
        _ => {}
    }
    if c.days.is_none() {
        c.days = src.days;
    }
    for p in src.attendees {
        if !c.attendees.iter().any(|x| x.value == p.value) {
            c.attendees.push(p);
        }
    }
    for o in src.organisations {
        if !c.organisations.iter().any(|x| x.value == o.value) {
            c.organisations.push(o);
        }
    }
    for k in src.countries {
        if !c.countries.contains(&k) {
            c.countries.push(k);
        }
    }
    c.countries.sort();
    c.counts.extend(src.counts);
    c.mentions.push(src_span);
    c.mentions.extend(src.mentions);
    if c.modality == "reported" && src.modality == "held" {
        c.modality = "held".into();
    }
    dst.mentions += 1;
    b.frames[from].merged_into = Some(into_root);
}

/// The article read: picks the main event, merges into it the mentions that describe it,
/// and gives it the article's quantities and topic.
pub(crate) fn finish(b: &mut FrameBuilder) {
    let n = b.frames.len();
    // Main event: the best placed, best named frame that is the story's own.
    let mut best: Option<(i64, usize)> = None;
    for i in 0..n {
        let f = &b.frames[i];
        if f.merged_into.is_some() || f.instance.is_some() || f.historical {
            continue;
        }
        let mut score: i64 = 0;
        if f.heading {
            score += 4;
        }
        score += match f.sentence {
            0 => 5,
            1 => 3,
            2 => 2,
            3 => 1,
            _ => 0,
        };
        if f.para == 0 {
            score += 2;
        }
        if f.claim.series.is_some() {
            score += 2;
        }
        if f.claim.ordinal.is_some() {
            score += 1;
        }
        if f.claim.time.is_some() {
            score += 1;
        }
        if f.claim.planned && f.sentence > 1 {
            score -= 3;
        }
        score += f.mentions.min(4) as i64;
        // A mention with nothing of its own (no date, place, participant, body, number or
        // series) in the body of the text is more often a generic aside ("mayors are used
        // to the occasional delegation trip") than the story.
        let c = &f.claim;
        let bare = c.time.is_none()
            && c.place.is_none()
            && c.attendees.is_empty()
            && c.organisations.is_empty()
            && c.series.is_none()
            && c.ordinal.is_none()
            && c.counts.is_empty();
        if bare && !f.heading {
            score -= 2;
        }
        if f.family == Family::Death || f.family == Family::Business {
            score -= 1;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    let Some((_, main)) = best else {
        attach_quantities(b, None);
        return;
    };
    // Merge into the main event what describes it.
    let main_family = b.frames[main].family;
    for i in 0..n {
        if i == main || b.frames[i].merged_into.is_some() {
            continue;
        }
        let f = &b.frames[i];
        if f.instance.is_some() || f.historical || f.family != main_family {
            continue;
        }
        let near = f.para <= 3 || f.anaphoric;
        if !near {
            continue;
        }
        let m = &b.frames[root(b, main)].claim;
        if f.claim.planned != m.planned && !(f.anaphoric) {
            continue;
        }
        if !compatible(m, &f.claim) {
            continue;
        }
        merge(b, i, main, Via::MainEvent);
    }
    let main = root(b, main);
    b.frames[main].claim.main = true;
    place_from_lede(b, main);
    let mut topic: Vec<String> = b.lede_words.clone();
    if let Some(series) = &b.frames[main].claim.series {
        for w in series_words(series) {
            if !topic.contains(&w) {
                topic.push(w);
            }
        }
    }
    topic.sort();
    topic.dedup();
    b.frames[main].claim.topic = topic;
    attach_quantities(b, Some(main));
}

/// Gives each quantity to its frame (following merges), or to the main event when its
/// sentence has none.
fn attach_quantities(b: &mut FrameBuilder, main: Option<usize>) {
    let qs = std::mem::take(&mut b.quantities);
    for (frame, q, _sentence) in qs {
        let target = match frame {
            Some(i) => {
                let r = root(b, i);
                // Quantities of an earlier event stay with it; of a later one likewise.
                Some(r)
            }
            None => main,
        };
        if let Some(t) = target {
            b.frames[t].claim.counts.push(q);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crime_named_as_a_charge() {
        let kb = Knowledge::load(&[]).expect("rules");
        let at = |t: &str, word: &str| -> bool {
            let s = Sentence::new(t, 0, t.len(), &kb);
            let k = s.toks.iter().position(|x| x.text == word).expect("word");
            charge_object(&s, k)
        };
        assert!(at(
            "He was charged with first-degree murder Saturday.",
            "first-degree"
        ));
        assert!(at("He appeared in court on a charge of murder.", "murder"));
        assert!(!at("Ministers in charge of the ocean met in May.", "met"));
        assert!(!at(
            "He was charged, after the raid, with murder.",
            "murder"
        ));
    }

    #[test]
    fn an_organisation_cited_as_the_source_is_not_a_participant() {
        let kb = Knowledge::load(&[]).expect("rules");
        let sources = |t: &str| -> Vec<String> {
            let s = Sentence::new(t, 0, t.len(), &kb);
            crate::extract::orgs::find_orgs(&s, &kb)
                .iter()
                .filter(|o| is_attribution_source(&s, o.a, o.b))
                .map(|o| s.phrase(o.a, o.b).to_string())
                .collect()
        };
        assert_eq!(
            sources("The quake struck at dawn, according to the French Seismic Institute."),
            ["French Seismic Institute"]
        );
        assert_eq!(
            sources("On Monday the French Seismic Institute said the quake struck at dawn."),
            ["French Seismic Institute"]
        );
        assert!(
            sources("On Monday the French Seismic Institute met its German partners.").is_empty()
        );
        let caps = |t: &str| -> Vec<String> {
            let s = Sentence::new(t, 0, t.len(), &kb);
            capitalised_sources(&s)
                .into_iter()
                .map(|(a, b)| s.phrase(a, b).to_string())
                .collect()
        };
        assert_eq!(
            caps("The quake hit Peru, according to the US Bureau of Quakes."),
            ["US Bureau of Quakes"]
        );
        assert!(caps("The quake hit Peru and Chile on Monday.").is_empty());
    }
}

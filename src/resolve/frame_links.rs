//! Links between event frames of different articles that name no common series: a
//! bilateral meeting, an incident, a strike, a verdict, told by each outlet in its own words.
//!
//! Two frames are one event when they are of the same family ("gathering", "quake",
//! "arrest"...), nothing forbids it, and enough evidence agrees. Evidence, in points:
//! the same series (3), each shared named participant (2, at most 4), the same place (1,
//! and 1 more when the dates overlap and one of them is a week or less),
//! the same countries (1, or 2 for the same pair when the countries take part: a meeting,
//! a visit, a match; an incident's countries only say where), shared rare topic words (1
//! for two, 2 for four, 3 for six), each exact toll both give ("23 dead", "12 arrested": 1,
//! at most 2), both the articles' main events (1), the same day (1).
//! Four points link; each thing the two reports disagree on (place, number in the series,
//! day) asks one point more, and so does a frame whose date is unknown. What forbids a link:
//! a frame about another instance ("the next session"), different series, different
//! stated years, two different pairs of countries, or dates more than three days apart.
//!
//! Candidates come from blocking keys (family with place, participant, series, countries,
//! or a rare topic word, and the month of the date), so the cost grows with the archive, not
//! with its pairs; a key shared by very many frames is no evidence and is skipped.

use super::EventMention;
use crate::extract::frames::lexicon::Family;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A key shared by more frames than this is too common to propose candidates.
const BUCKET_LIMIT: usize = 64;

/// Main events linked into one group beyond this many are not searched for companions.
const COMPANION_GROUP_LIMIT: usize = 32;

/// Points that link two frames when they disagree on nothing.
const THRESHOLD: u32 = 4;

/// Days between two dated reports of one event: "opened on Monday" against "3 and 4
/// May", or a verdict dated by each outlet a day or two apart.
const MAX_GAP_DAYS: i64 = 3;

/// The days a frame can lie in.
#[derive(Clone, Copy)]
struct Window {
    lo: NaiveDate,
    hi: NaiveDate,
    /// From the frame's own date (not guessed from the publication date).
    stated: bool,
}

fn window(e: &EventMention) -> Option<Window> {
    if let Some((lo, hi)) = e.days() {
        // A year or a season says too little to compare days.
        if (hi - lo).num_days() <= 45 {
            return Some(Window {
                lo,
                hi,
                stated: true,
            });
        }
        return None;
    }
    // A report with no date of its own is about the days before its publication.
    if e.event.planned {
        return None;
    }
    let p = e.published?;
    Some(Window {
        lo: p - chrono::Duration::days(10),
        hi: p,
        stated: false,
    })
}

fn stated_year(e: &EventMention) -> Option<i32> {
    e.event.time.as_ref()?.value.parts()?.year
}

fn gap_days(a: &Window, b: &Window) -> i64 {
    if a.hi < b.lo {
        (b.lo - a.hi).num_days()
    } else if b.hi < a.lo {
        (a.lo - b.hi).num_days()
    } else {
        0
    }
}

/// What a blocking key is made of.
#[derive(Clone, Hash, PartialEq, Eq)]
enum Part<'a> {
    Place(&'a str),
    Person(usize),
    Series(&'a str),
    Countries(String),
    Topic(&'a str),
}

/// A blocking key: family, what is shared, and the month of the date (none when undated).
type BucketKey<'a> = (&'a str, Part<'a>, Option<(i32, u32)>);

/// Whether a frame is worth linking: about the story's own instance, of a known family,
/// and saying something an editor could compare.
fn eligible(e: &EventMention) -> bool {
    let ev = &e.event;
    ev.instance.is_none()
        && !ev.family.is_empty()
        && (ev.main
            || !ev.counts.is_empty()
            || ev.time.is_some()
            || ev.place.is_some()
            || !e.attendees.is_empty()
            || ev.ordinal.is_some())
}

/// Topic words shared by at most this share of the documents are evidence.
fn rare_limit(docs: usize) -> usize {
    if docs < 8 {
        docs
    } else {
        (docs / 4).max(2)
    }
}

/// True when series key `short` is a single word of a name not in the rules ("name:commission")
/// that the other key holds: a back-reference to the body by its head noun.
fn head_of(short: &str, long: &str) -> bool {
    let (Some(s), Some(l)) = (short.strip_prefix("name:"), long.strip_prefix("name:")) else {
        return false;
    };
    !s.contains(' ') && !s.is_empty() && l.split([' ', '[']).any(|w| w == s)
}

/// Exact figures two frames both give of what happened to people ("28 dead", "12
/// arrested"). Sums of money are left out: round sums recur from one deal or theft to another.
fn shared_figures(a: &crate::extract::EventClaim, b: &crate::extract::EventClaim) -> u32 {
    if a.counts.is_empty() || b.counts.is_empty() {
        return 0;
    }
    let figures = |e: &crate::extract::EventClaim| -> BTreeSet<(String, u64)> {
        e.counts
            .iter()
            .filter(|q| q.low == q.high && q.value >= 3 && q.measure == "count")
            .filter(|q| !q.class.is_empty() && !q.aside && !q.increment)
            .map(|q| (q.class.clone(), q.value))
            .collect()
    };
    figures(a).intersection(&figures(b)).count() as u32
}

/// Pairs of mention indices (first < second) whose frames are one event, with why.
pub fn links(events: &[EventMention]) -> Vec<(usize, usize, Evidence)> {
    let windows: Vec<Option<Window>> = events.iter().map(window).collect();
    // In how many documents each topic word appears.
    let mut df: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    let mut docs = BTreeSet::new();
    for e in events {
        docs.insert(e.doc.0 as usize);
        for w in &e.event.topic {
            df.entry(w.as_str()).or_default().insert(e.doc.0 as usize);
        }
    }
    let limit = rare_limit(docs.len());
    let rare = |w: &str| df.get(w).is_some_and(|d| d.len() <= limit);

    let mut buckets: HashMap<BucketKey<'_>, Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if !eligible(e) {
            continue;
        }
        let family = e.event.family.as_str();
        let mut parts: Vec<Part<'_>> = Vec::new();
        if let Some(p) = &e.event.place {
            parts.push(Part::Place(p.value.as_str()));
        }
        parts.extend(e.attendees.iter().map(|&a| Part::Person(a)));
        if !e.series_key.is_empty() {
            parts.push(Part::Series(e.series_key.as_str()));
        }
        if !e.event.countries.is_empty() {
            parts.push(Part::Countries(e.event.countries.join("+")));
        }
        parts.extend(
            e.event
                .topic
                .iter()
                .filter(|w| rare(w))
                .map(|w| Part::Topic(w.as_str())),
        );
        // The months the frame can lie in (at most two: windows are short), or none.
        let months: Vec<Option<(i32, u32)>> = match windows[i] {
            Some(w) => {
                let a = (w.lo.year(), w.lo.month());
                let b = (w.hi.year(), w.hi.month());
                if a == b {
                    vec![Some(a)]
                } else {
                    vec![Some(a), Some(b)]
                }
            }
            None => vec![None],
        };
        for part in parts {
            for m in &months {
                buckets
                    .entry((family, part.clone(), *m))
                    .or_default()
                    .push(i);
            }
        }
    }
    // An undated frame is compared with the dated ones of its key too.
    let mut undated: HashMap<(&str, &Part<'_>), &Vec<usize>> = HashMap::new();
    for ((family, part, month), members) in &buckets {
        if month.is_none() {
            undated.insert((family, part), members);
        }
    }
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    let mut push_pairs = |a: &[usize], b: &[usize]| {
        for &i in a {
            for &j in b {
                if i != j && events[i].doc != events[j].doc {
                    candidates.insert((i.min(j), i.max(j)));
                }
            }
        }
    };
    for ((family, part, month), members) in &buckets {
        if members.len() > BUCKET_LIMIT {
            continue;
        }
        push_pairs(members, members);
        if month.is_some() {
            if let Some(u) = undated.get(&(*family, part)) {
                if u.len() <= BUCKET_LIMIT {
                    push_pairs(members, u);
                }
            }
        }
    }
    let mut out: Vec<(usize, usize, Evidence)> = candidates
        .into_iter()
        .filter_map(|(i, j)| {
            score(&events[i], &events[j], windows[i], windows[j], &rare)
                .filter(|ev| ev.points >= ev.needed)
                .map(|ev| (i, j, ev))
        })
        .collect();
    let companions = companions(events, &windows, &out, &rare);
    out.extend(companions);
    out.sort_unstable_by_key(|l| (l.0, l.1));
    out.dedup_by_key(|l| (l.0, l.1));
    out
}

/// In two articles whose main events are one, the only arrest (or clash, or rescue) each
/// tells of as done is one too: "police detained nine people after the march" and "16
/// people were arrested" in two reports of one strike. Linked when nothing forbids it. Main
/// events are one when linked directly or through a third report.
fn companions(
    events: &[EventMention],
    windows: &[Option<Window>],
    links: &[(usize, usize, Evidence)],
    rare: &impl Fn(&str) -> bool,
) -> Vec<(usize, usize, Evidence)> {
    // The frames of each document by family, leaving out main events and plans.
    let mut by_doc: HashMap<(crate::span::DocId, &str), Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if eligible(e) && !e.event.main && !e.event.planned {
            by_doc
                .entry((e.doc, e.event.family.as_str()))
                .or_default()
                .push(i);
        }
    }
    let mut families: HashMap<crate::span::DocId, BTreeSet<&str>> = HashMap::new();
    for (doc, family) in by_doc.keys() {
        families.entry(*doc).or_default().insert(family);
    }
    // Groups of main events linked directly or through others.
    let mut parent: HashMap<usize, usize> = HashMap::new();
    fn find(parent: &mut HashMap<usize, usize>, x: usize) -> usize {
        let mut r = x;
        while let Some(&p) = parent.get(&r) {
            if p == r {
                break;
            }
            r = p;
        }
        parent.insert(x, r);
        r
    }
    for (i, j, _) in links {
        if events[*i].event.main && events[*j].event.main {
            parent.entry(*i).or_insert(*i);
            parent.entry(*j).or_insert(*j);
            let (ri, rj) = (find(&mut parent, *i), find(&mut parent, *j));
            if ri != rj {
                parent.insert(ri.max(rj), ri.min(rj));
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let members: Vec<usize> = parent.keys().copied().collect();
    for m in members {
        let r = find(&mut parent, m);
        groups.entry(r).or_default().push(m);
    }
    let mut out = Vec::new();
    for group in groups.values_mut() {
        // A group this large is many events run together by a common key, not one story;
        // its pairs are never compared one by one (the cost would grow with their square).
        if group.len() > COMPANION_GROUP_LIMIT {
            continue;
        }
        group.sort_unstable();
        for (k, &i) in group.iter().enumerate() {
            for &j in &group[k + 1..] {
                let (a, b) = (&events[i], &events[j]);
                if a.doc == b.doc {
                    continue;
                }
                let Some(fa) = families.get(&a.doc) else {
                    continue;
                };
                for family in fa {
                    let (Some(xa), Some(xb)) =
                        (by_doc.get(&(a.doc, family)), by_doc.get(&(b.doc, family)))
                    else {
                        continue;
                    };
                    let ([x], [y]) = (xa.as_slice(), xb.as_slice()) else {
                        continue;
                    };
                    if let Some(mut ev) =
                        score(&events[*x], &events[*y], windows[*x], windows[*y], rare)
                    {
                        ev.reasons.insert(
                            0,
                            "the only one of its kind in two reports of one event".into(),
                        );
                        out.push(((*x).min(*y), (*x).max(*y), ev));
                    }
                }
            }
        }
    }
    out
}

/// Why two frames were taken for one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Points of agreement.
    pub points: u32,
    /// Points the link needed.
    pub needed: u32,
    /// What agreed and what disagreed, in words ("same place", "dates 2 days apart").
    pub reasons: Vec<String>,
}

/// The points of evidence two frames share and the points they need, or `None` when
/// something forbids the link.
fn score(
    a: &EventMention,
    b: &EventMention,
    wa: Option<Window>,
    wb: Option<Window>,
    rare: &impl Fn(&str) -> bool,
) -> Option<Evidence> {
    let mut reasons: Vec<String> = Vec::new();
    let (ea, eb) = (&a.event, &b.event);
    if ea.family != eb.family || ea.instance.is_some() || eb.instance.is_some() {
        return None;
    }
    let mut points = 0;
    let mut needed = THRESHOLD;
    // A report without a date, in an article without one: nothing tells one year's
    // instance of a recurring event from another's, so a series alone says little.
    let undated = wa.is_none() && wb.is_none();
    let instance_unknown = wa.is_none() || wb.is_none();
    match (a.series_key.is_empty(), b.series_key.is_empty()) {
        (false, false)
            if a.series_key != b.series_key
                && !head_of(&a.series_key, &b.series_key)
                && !head_of(&b.series_key, &a.series_key) =>
        {
            return None
        }
        (false, false) if a.series_key != b.series_key => {
            // "the Commission" against "the Joint Commission on X": the bare head says
            // nothing against the full name, and nothing for it.
            reasons.push("a series named by its head noun only".into());
        }
        (false, false) => {
            let numbered =
                matches!((&ea.ordinal, &eb.ordinal), (Some(x), Some(y)) if x.value == y.value);
            points += if instance_unknown && !numbered { 1 } else { 3 };
            reasons.push("same series".into());
        }
        _ => {}
    }
    if let (Some(x), Some(y)) = (stated_year(a), stated_year(b)) {
        if x != y {
            return None;
        }
    }
    match (wa, wb) {
        (Some(x), Some(y)) => {
            let gap = gap_days(&x, &y);
            let limit = if x.stated && y.stated {
                MAX_GAP_DAYS
            } else {
                0
            };
            if gap > limit {
                return None;
            }
            if x.stated && y.stated {
                if gap > 0 {
                    needed += 1;
                    reasons.push(format!("dates {gap} days apart"));
                } else if x.lo == x.hi && x.lo == y.lo && y.lo == y.hi {
                    points += 1;
                    reasons.push(format!("same day {}", x.lo));
                } else {
                    reasons.push("overlapping dates".into());
                }
            } else {
                reasons.push("dates compatible with publication".into());
            }
        }
        _ if undated => {
            needed += 2;
            reasons.push("both dates unknown".into());
        }
        _ => {
            needed += 1;
            reasons.push("a date unknown".into());
        }
    }
    let dated_alike =
        matches!((wa, wb), (Some(x), Some(y)) if x.stated && y.stated && gap_days(&x, &y) == 0);
    let places_differ = matches!((&ea.place, &eb.place), (Some(x), Some(y)) if crate::text::fold(&x.value) != crate::text::fold(&y.value));
    if let (Some(x), Some(y)) = (&ea.ordinal, &eb.ordinal) {
        // Two numbers of one series are two meetings, unless both reports date it alike;
        // two numbers in two places are two meetings.
        let same_series = !a.series_key.is_empty() && a.series_key == b.series_key;
        if x.value != y.value && (places_differ || (same_series && !dated_alike)) {
            return None;
        }
        if x.value != y.value {
            needed += 1;
            reasons.push("different numbers in the series".into());
        }
    }
    if let (Some(x), Some(y)) = (&ea.place, &eb.place) {
        if crate::text::fold(&x.value) == crate::text::fold(&y.value) {
            points += 1;
            reasons.push(format!("same place {}", x.value));
            // The same place in the same days: "in Velmo from 17 to 19 May" and "met in
            // Velmo in May" are one event more surely than either alone says.
            let short = |w: &Window| (w.hi - w.lo).num_days() <= 7;
            if matches!((wa, wb), (Some(p), Some(q)) if p.stated && q.stated
                && gap_days(&p, &q) == 0 && (short(&p) || short(&q)) && !(p.lo == p.hi && q.lo == q.hi && p.lo == q.lo))
            {
                points += 1;
                reasons.push("same place in the same days".into());
            }
        } else {
            needed += 1;
            reasons.push("different places".into());
        }
    }
    let shared_people = a
        .attendees
        .iter()
        .collect::<BTreeSet<_>>()
        .intersection(&b.attendees.iter().collect())
        .count() as u32;
    points += 2 * shared_people.min(2);
    if shared_people > 0 {
        reasons.push(format!("{shared_people} shared participant(s)"));
    }
    if !ea.countries.is_empty() && !eb.countries.is_empty() {
        if ea.countries == eb.countries {
            // Two countries meeting say which meeting; two countries an incident touches
            // (a ship of one attacked off the other) recur from one incident to the next.
            let members = Family::parse(&ea.family).is_some_and(Family::has_members);
            points += if ea.countries.len() >= 2 && members {
                2
            } else {
                1
            };
            reasons.push(format!("same countries {}", ea.countries.join("-")));
        } else if ea.countries.len() >= 2 && eb.countries.len() >= 2 {
            // Two different pairs of countries: two different bilateral events.
            return None;
        }
    }
    let ta: BTreeSet<&str> = ea
        .topic
        .iter()
        .map(String::as_str)
        .filter(|w| rare(w))
        .collect();
    let shared_topic = eb.topic.iter().filter(|w| ta.contains(w.as_str())).count();
    points += match shared_topic {
        0 | 1 => 0,
        2 | 3 => 1,
        4 | 5 => 2,
        _ => 3,
    };
    if shared_topic > 1 {
        reasons.push(format!("{shared_topic} shared topic words"));
    }
    // Named bodies both reports involve ("the National Court", "the Civil Guard").
    let orgs_a: BTreeSet<String> = ea
        .organisations
        .iter()
        .map(|o| crate::text::fold(&o.value))
        .collect();
    let shared_orgs = eb
        .organisations
        .iter()
        .map(|o| crate::text::fold(&o.value))
        .collect::<BTreeSet<_>>()
        .intersection(&orgs_a)
        .count() as u32;
    points += shared_orgs.min(2);
    if shared_orgs > 0 {
        reasons.push(format!("{shared_orgs} shared organisation(s)"));
    }
    // The same toll or sum in both ("28 dead", "€3 million"): reports of one event repeat
    // its figures; another event rarely has the very same ones.
    let shared_figures = shared_figures(ea, eb);
    points += shared_figures.min(2);
    if shared_figures > 0 {
        reasons.push(format!("{shared_figures} shared figure(s)"));
    }
    if ea.main && eb.main {
        points += 1;
        reasons.push("both articles' main event".into());
    }
    Some(Evidence {
        points,
        needed,
        reasons,
    })
}

#[cfg(test)]
mod tests {
    use super::head_of;

    #[test]
    fn a_body_named_by_its_head_noun_is_not_another_series() {
        assert!(head_of("name:commission", "name:commission flood velmora"));
        assert!(!head_of("name:commission", "name:council flood"));
        assert!(!head_of(
            "name:commission flood",
            "name:commission flood velmora"
        ));
        assert!(!head_of("series:ran", "name:ran"));
    }
}

//! Which event mentions of different articles are the same event.
//!
//! Two mentions are linked when they belong to the same series and share an ordinal
//! ("the 21st meeting"), a day ("on 1 February 2023"; "February 1" with the year unknown
//! matches it), or at least three named attendees (two with the same place) at dates not
//! months apart. Mentions without a series are linked by three attendees and the place.
//! Frames of no common series are linked by the agreement of their participants, place,
//! countries, dates and topic (see `frame_links`).
//! Nothing else links: a 2022 meeting and a 2023 meeting of one series stay two events,
//! and so do two meetings in one city that share one participant.
//!
//! Linking goes through hash maps keyed on (series, ordinal) and (series, day), so the cost
//! grows with the number of mentions, not with the number of pairs.

use super::{EventMention, Resolved};
use std::collections::HashMap;

/// Why two mentions were taken for the same event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Link {
    /// Same series and ordinal.
    Ordinal,
    /// Same series and the same day (of a year stated alike, or unknown on one side).
    Day,
    /// Same series (or place) and at least three of the same named attendees.
    People,
    /// Frames whose participants, place, countries, dates and topic agree
    /// (see [`super::frame_links`]): one event, less certainly than by series and number.
    Frame,
}

impl Link {
    /// Every kind, in order.
    const ALL: [Link; 4] = [Link::Ordinal, Link::Day, Link::People, Link::Frame];

    /// A bit of its own.
    fn bit(self) -> u8 {
        match self {
            Link::Ordinal => 1,
            Link::Day => 2,
            Link::People => 4,
            Link::Frame => 8,
        }
    }
}

/// A person attending more meetings of one series than this is not evidence of anything.
const HUB_LIMIT: usize = 500;

fn month_day(e: &EventMention) -> Option<(Option<i32>, u32, u32)> {
    let p = e.event.time.as_ref()?.value.parts()?;
    Some((p.year, p.month?, p.day?))
}

/// What the clustering compares of each mention's date, parsed once per mention (the
/// attendee test compares a mention with many others).
struct Dates {
    /// The day the mention gives, else its article's publication date.
    day: Option<chrono::NaiveDate>,
    /// The first and last day its time expression covers.
    range: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
}

impl Dates {
    fn of(e: &EventMention) -> Dates {
        let time = e.event.time.as_ref();
        Dates {
            day: time.and_then(|t| t.value.as_day()).or(e.published),
            range: time.and_then(|t| t.value.parts()).and_then(|p| p.range),
        }
    }
}

/// True when both mentions have dates (or, failing that, their articles' publication dates)
/// and they are at most `days` apart.
fn within_days(a: &Dates, b: &Dates, days: i64) -> bool {
    match (a.day, b.day) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= days,
        _ => false,
    }
}

/// True when both mentions' dates are known and more than two months apart.
fn far_apart(a: &Dates, b: &Dates) -> bool {
    match (a.range, b.range) {
        (Some((a0, a1)), Some((b0, b1))) => (b0 - a1).num_days() > 62 || (a0 - b1).num_days() > 62,
        _ => false,
    }
}

/// Groups of event mentions (indices into [`Resolved::events`]) taken for one event, each
/// spanning at least two documents, with the kinds of links that joined them.
#[derive(Debug, Clone)]
pub struct EventCluster {
    /// Mention indices, sorted.
    pub members: Vec<usize>,
    /// Link kinds used.
    pub links: Vec<Link>,
    /// The pairs of mentions linked, with why (same-day links of a series are not listed
    /// pair by pair).
    pub pairs: Vec<Pair>,
}

impl EventCluster {
    /// True when some link is more than the agreement of frames (series and number, series
    /// and day, named participants): the reports certainly describe one event.
    pub fn certain(&self) -> bool {
        self.links.iter().any(|l| *l != Link::Frame)
    }
}

/// Two mentions taken for one event, and why.
#[derive(Debug, Clone)]
pub struct Pair {
    /// One mention (index into [`Resolved::events`]).
    pub a: usize,
    /// The other, after `a`.
    pub b: usize,
    /// What kind of evidence linked them.
    pub link: Link,
    /// The evidence, in words.
    pub reasons: Vec<String>,
}

struct Dsu {
    parent: Vec<usize>,
}

impl Dsu {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut y = x;
        while self.parent[y] != r {
            let next = self.parent[y];
            self.parent[y] = r;
            y = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Clusters the events of `r` that span at least two documents.
/// A mention in a same-day bucket, with the year it states, if any.
type DayMention = (usize, Option<i32>);

/// Joins the mentions of one (series, month, day) bucket that share their day with a
/// mention of another article (a year stated on both sides must agree), and returns them.
///
/// Two mentions are linked when their articles differ and their years are compatible (equal,
/// or unknown on one side). So the mentions of one year together with those of unknown year
/// are all linked as soon as two articles are among them, and not at all otherwise. Found
/// per year class, in time linear in the bucket rather than by comparing every pair: a big
/// archive puts thousands of mentions in one bucket.
fn link_same_day(r: &Resolved, bucket: &[DayMention], dsu: &mut Dsu) -> Vec<usize> {
    let two_docs = |members: &[usize]| {
        members
            .split_first()
            .is_some_and(|(&f, rest)| rest.iter().any(|&m| r.events[m].doc != r.events[f].doc))
    };
    let unknown: Vec<usize> = bucket
        .iter()
        .filter(|(_, y)| y.is_none())
        .map(|&(i, _)| i)
        .collect();
    let mut dated: Vec<(i32, usize)> = bucket
        .iter()
        .filter_map(|&(i, y)| y.map(|y| (y, i)))
        .collect();
    dated.sort_unstable();
    let mut linked = Vec::new();
    let mut unknown_linked = two_docs(&unknown);
    for class in dated.chunk_by(|a, b| a.0 == b.0) {
        let members: Vec<usize> = class.iter().map(|&(_, i)| i).collect();
        let with_unknown: Vec<usize> = members.iter().chain(&unknown).copied().collect();
        if two_docs(&with_unknown) {
            let anchor = members[0];
            for &m in &members {
                dsu.union(anchor, m);
            }
            if let Some(&u) = unknown.first() {
                dsu.union(anchor, u);
                unknown_linked = true;
            }
            linked.extend(members);
        }
    }
    if unknown_linked {
        if let Some(&u) = unknown.first() {
            for &m in &unknown {
                dsu.union(u, m);
            }
        }
        linked.extend(unknown);
    }
    linked
}

pub fn clusters(r: &Resolved) -> Vec<EventCluster> {
    let n = r.events.len();
    let mut dsu = Dsu {
        parent: (0..n).collect(),
    };
    // The kinds of link each mention took part in, as bits (see `Link::bit`).
    let mut links: Vec<u8> = vec![0; n];
    let mut by_ordinal: HashMap<(&str, u32), usize> = HashMap::new();
    let mut by_month_day: HashMap<(&str, u32, u32), Vec<DayMention>> = HashMap::new();
    let mut by_attendee: HashMap<(&str, usize), Vec<usize>> = HashMap::new();
    let mut linked: Vec<(usize, usize, Link)> = Vec::new();
    let dates: Vec<Dates> = r.events.iter().map(Dates::of).collect();
    // Mentions sharing attendees with the current one, and how many: one map for all.
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for (i, e) in r.events.iter().enumerate() {
        let series = e.series_key.as_str();
        if !series.is_empty() {
            if let Some(o) = &e.event.ordinal {
                if let Some(&j) = by_ordinal.get(&(series, o.value)) {
                    linked.push((j, i, Link::Ordinal));
                } else {
                    by_ordinal.insert((series, o.value), i);
                }
            }
            // Same day of the year; a year stated on both sides must agree.
            if let Some((year, month, day)) = month_day(e) {
                by_month_day
                    .entry((series, month, day))
                    .or_default()
                    .push((i, year));
            }
        }
        // The same people at a meeting of the same series (or the same place, for meetings
        // of no named series), at dates not months apart.
        shared.clear();
        for &a in &e.attendees {
            let bucket = by_attendee.entry((series, a)).or_default();
            if bucket.len() <= HUB_LIMIT {
                for &j in bucket.iter() {
                    *shared.entry(j).or_default() += 1;
                }
            }
            if bucket.last() != Some(&i) {
                bucket.push(i);
            }
        }
        let mut candidates: Vec<(usize, usize)> = shared.drain().collect();
        candidates.sort_unstable();
        for (j, n) in candidates {
            let other = &r.events[j];
            let same_place = matches!((&e.event.place, &other.event.place), (Some(a), Some(b)) if a.value == b.value);
            // Without a series, two people meeting in one place within a week is one meeting.
            let enough = if series.is_empty() {
                (n >= 3 && same_place)
                    || (n >= 2 && same_place && within_days(&dates[i], &dates[j], 7))
            } else {
                n >= 3 || (n >= 2 && same_place)
            };
            if enough && !far_apart(&dates[i], &dates[j]) {
                linked.push((j, i, Link::People));
            }
        }
    }
    let mut pairs: Vec<Pair> = Vec::new();
    for (a, b, l) in linked {
        if r.events[a].doc == r.events[b].doc {
            continue;
        }
        dsu.union(a, b);
        links[a] |= l.bit();
        links[b] |= l.bit();
        let reason = match l {
            Link::Ordinal => "same series and number",
            Link::People => "the same named participants",
            _ => "same series and day",
        };
        pairs.push(Pair {
            a: a.min(b),
            b: a.max(b),
            link: l,
            reasons: vec![reason.to_string()],
        });
    }
    for (a, b, ev) in super::frame_links::links(&r.events) {
        dsu.union(a, b);
        links[a] |= Link::Frame.bit();
        links[b] |= Link::Frame.bit();
        let mut reasons = ev.reasons;
        reasons.push(format!("{} points of {} needed", ev.points, ev.needed));
        pairs.push(Pair {
            a,
            b,
            link: Link::Frame,
            reasons,
        });
    }
    for bucket in by_month_day.values() {
        for i in link_same_day(r, bucket, &mut dsu) {
            links[i] |= Link::Day.bit();
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let root = dsu.find(i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<EventCluster> = groups
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|mut g| {
            g.sort_unstable();
            let bits = g.iter().fold(0u8, |acc, &i| acc | links[i]);
            let l: Vec<Link> = Link::ALL
                .into_iter()
                .filter(|k| bits & k.bit() != 0)
                .collect();
            EventCluster {
                members: g,
                links: l,
                pairs: Vec::new(),
            }
        })
        .filter(|c| {
            let first = r.events[c.members[0]].doc;
            c.members.iter().any(|&m| r.events[m].doc != first)
        })
        .collect();
    out.sort_by_key(|c| c.members[0]);
    // Union keeps the smallest index as the root: a cluster's root is its first member.
    for p in pairs {
        let root = dsu.find(p.a);
        if let Ok(k) = out.binary_search_by_key(&root, |c| c.members[0]) {
            out[k].pairs.push(p);
        }
    }
    out
}

//! Which event mentions of different articles are the same event.
//!
//! Two mentions are linked when they belong to the same series and share an ordinal
//! ("the 21st meeting") or an exact day ("on 1 February 2023"). Mentions without a series
//! are linked when they share an exact day, a place and at least two named attendees.
//! Nothing else links: a 2022 meeting and a 2023 meeting of one series stay two events,
//! and so do two meetings in Rabat that share one participant.
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
    /// Same series (or place and attendees) and exact day.
    Day,
}

/// Groups of event mentions (indices into [`Resolved::events`]) taken for one event, each
/// spanning at least two documents, with the kinds of links that joined them.
#[derive(Debug, Clone)]
pub struct EventCluster {
    /// Mention indices, sorted.
    pub members: Vec<usize>,
    /// Link kinds used.
    pub links: Vec<Link>,
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

fn day_of(e: &EventMention) -> Option<chrono::NaiveDate> {
    e.event.time.as_ref().and_then(|t| t.value.as_day())
}

/// Clusters the events of `r` that span at least two documents.
pub fn clusters(r: &Resolved) -> Vec<EventCluster> {
    let n = r.events.len();
    let mut dsu = Dsu {
        parent: (0..n).collect(),
    };
    let mut links: HashMap<usize, Vec<Link>> = HashMap::new();
    let mut by_ordinal: HashMap<(&str, u32), usize> = HashMap::new();
    let mut by_day: HashMap<(&str, chrono::NaiveDate), usize> = HashMap::new();
    let mut by_place_day: HashMap<(&str, chrono::NaiveDate), Vec<usize>> = HashMap::new();
    let mut linked: Vec<(usize, usize, Link)> = Vec::new();
    for (i, e) in r.events.iter().enumerate() {
        if !e.series_key.is_empty() {
            if let Some(o) = &e.event.ordinal {
                if let Some(&j) = by_ordinal.get(&(e.series_key.as_str(), o.value)) {
                    linked.push((j, i, Link::Ordinal));
                } else {
                    by_ordinal.insert((e.series_key.as_str(), o.value), i);
                }
            }
            if let Some(d) = day_of(e) {
                if let Some(&j) = by_day.get(&(e.series_key.as_str(), d)) {
                    linked.push((j, i, Link::Day));
                } else {
                    by_day.insert((e.series_key.as_str(), d), i);
                }
            }
        } else if let (Some(d), Some(p)) = (day_of(e), e.event.place.as_ref()) {
            let bucket = by_place_day.entry((p.value.as_str(), d)).or_default();
            for &j in bucket.iter() {
                let shared = e
                    .attendees
                    .iter()
                    .filter(|a| r.events[j].attendees.contains(a))
                    .count();
                if shared >= 2 {
                    linked.push((j, i, Link::Day));
                }
            }
            bucket.push(i);
        }
    }
    for (a, b, l) in linked {
        if r.events[a].doc == r.events[b].doc {
            continue;
        }
        dsu.union(a, b);
        links.entry(a).or_default().push(l);
        links.entry(b).or_default().push(l);
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
            let mut l: Vec<Link> = g
                .iter()
                .flat_map(|i| links.get(i).cloned().unwrap_or_default())
                .collect();
            l.sort();
            l.dedup();
            EventCluster {
                members: g,
                links: l,
            }
        })
        .filter(|c| {
            let first = r.events[c.members[0]].doc;
            c.members.iter().any(|&m| r.events[m].doc != first)
        })
        .collect();
    out.sort_by_key(|c| c.members[0]);
    out
}

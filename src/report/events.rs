//! `factdiff events`: the events that more than one article reports, with their mentions
//! and the evidence that linked them, so an editor can see why two reports were compared.
//!
//! Human output lists each cross-article event, then one line per mention (path, line and
//! column, the words that told of it, date, place, number in the series), then one line per
//! linked pair with its evidence. JSON output has the same content under `events[]`.

use crate::corpus::Corpus;
use crate::resolve::events::{EventCluster, Link};
use crate::resolve::{EventMention, Resolved};
use serde::Serialize;

/// One mention of a cross-article event.
#[derive(Debug, Serialize)]
pub struct MentionOut {
    /// Article path.
    pub path: String,
    /// 1-based line of the mention.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// The words that told of it.
    pub text: String,
    /// "gathering", "quake", "arrest"...
    pub family: String,
    /// The date as normalised (TIMEX3 value), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The series, when named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Number in the series.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<u32>,
    /// True for the article's main event.
    pub main: bool,
}

/// Two mentions linked, and why.
#[derive(Debug, Serialize)]
pub struct PairOut {
    /// Index into the event's `mentions`.
    pub a: usize,
    /// Index into the event's `mentions`.
    pub b: usize,
    /// "ordinal", "day", "people" or "frame".
    pub link: &'static str,
    /// The evidence, in words.
    pub evidence: Vec<String>,
}

/// One event reported by several articles.
#[derive(Debug, Serialize)]
pub struct EventOut {
    /// Its mentions, in path and position order.
    pub mentions: Vec<MentionOut>,
    /// The links between them.
    pub links: Vec<PairOut>,
    /// True when every link is only the agreement of frames (findings on it are warnings).
    pub uncertain: bool,
}

fn link_name(l: Link) -> &'static str {
    match l {
        Link::Ordinal => "ordinal",
        Link::Day => "day",
        Link::People => "people",
        Link::Frame => "frame",
    }
}

fn mention(corpus: &Corpus, e: &EventMention) -> MentionOut {
    let (path, line, column, text) = match corpus.get(e.doc) {
        Some(d) => {
            let (line, column) = crate::span::line_col(&d.text, e.span.start);
            (
                d.path.clone(),
                line,
                column,
                e.span.slice(&d.text).to_string(),
            )
        }
        None => (String::from("?"), 0, 0, e.event.trigger.clone()),
    };
    MentionOut {
        path,
        line,
        column,
        text,
        family: e.event.family.clone(),
        date: e.event.time.as_ref().map(|t| t.value.value.clone()),
        place: e.event.place.as_ref().map(|p| p.value.clone()),
        series: e.series_name.clone(),
        ordinal: e.event.ordinal.as_ref().map(|o| o.value),
        main: e.event.main,
    }
}

/// The cross-article events of a resolution, ready to print.
pub fn events(corpus: &Corpus, resolved: &Resolved) -> Vec<EventOut> {
    resolved
        .event_clusters
        .iter()
        .map(|c| event(corpus, resolved, c))
        .collect()
}

fn event(corpus: &Corpus, resolved: &Resolved, c: &EventCluster) -> EventOut {
    let mut order: Vec<usize> = c.members.clone();
    order.sort_by_key(|&i| {
        let e = &resolved.events[i];
        (
            corpus
                .get(e.doc)
                .map(|d| d.path.clone())
                .unwrap_or_default(),
            e.span.start,
        )
    });
    let position = |i: usize| order.iter().position(|&m| m == i).unwrap_or(0);
    let mut links: Vec<PairOut> = c
        .pairs
        .iter()
        .map(|p| {
            let (a, b) = (position(p.a), position(p.b));
            PairOut {
                a: a.min(b),
                b: a.max(b),
                link: link_name(p.link),
                evidence: p.reasons.clone(),
            }
        })
        .collect();
    if c.links.contains(&Link::Day) {
        links.push(PairOut {
            a: 0,
            b: order.len().saturating_sub(1),
            link: link_name(Link::Day),
            evidence: vec!["same series and day".into()],
        });
    }
    links.sort_by(|x, y| (x.a, x.b, x.link).cmp(&(y.a, y.b, y.link)));
    EventOut {
        mentions: order
            .iter()
            .map(|&i| mention(corpus, &resolved.events[i]))
            .collect(),
        links,
        uncertain: !c.certain(),
    }
}

/// The human report.
pub fn human(events: &[EventOut]) -> String {
    let mut out = String::new();
    for (n, e) in events.iter().enumerate() {
        let docs: std::collections::BTreeSet<&str> =
            e.mentions.iter().map(|m| m.path.as_str()).collect();
        out.push_str(&format!(
            "event {}: {} mentions in {} articles{}\n",
            n + 1,
            e.mentions.len(),
            docs.len(),
            if e.uncertain {
                " (linked by agreement of frames: findings are warnings)"
            } else {
                ""
            }
        ));
        for (k, m) in e.mentions.iter().enumerate() {
            let mut facts = vec![m.family.clone()];
            if let Some(s) = &m.series {
                facts.push(format!("series {s}"));
            }
            if let Some(o) = m.ordinal {
                facts.push(format!("#{o}"));
            }
            if let Some(d) = &m.date {
                facts.push(format!("on {d}"));
            }
            if let Some(p) = &m.place {
                facts.push(format!("in {p}"));
            }
            if m.main {
                facts.push("main event".into());
            }
            out.push_str(&format!(
                "  [{k}] {}:{}:{} {:?}: {}\n",
                m.path,
                m.line,
                m.column,
                m.text,
                facts.join(", ")
            ));
        }
        for l in &e.links {
            out.push_str(&format!(
                "  [{}]-[{}] {}: {}\n",
                l.a,
                l.b,
                l.link,
                l.evidence.join("; ")
            ));
        }
    }
    out.push_str(&format!(
        "{} event{} reported by more than one article\n",
        events.len(),
        if events.len() == 1 { "" } else { "s" }
    ));
    out
}

/// The JSON report: `{"version": 1, "events": [...]}`.
pub fn json(events: &[EventOut]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        version: u32,
        events: &'a [EventOut],
    }
    serde_json::to_string_pretty(&Out { version: 1, events }).unwrap_or_else(|_| "{}".into())
}

//! # count-conflict
//!
//! Two reports of one event give figures that cannot both be true: a delegation size, a
//! toll of dead or injured, a number of arrests, a sum of money, a percentage.
//!
//! ## When it fires
//! The mentions are the same event (see `event-date-conflict`; events linked only by the
//! agreement of their frames, see `factdiff events`, give warnings), the figures measure the
//! same thing (the same counted noun and what happened to it, the same currency, the same
//! place or group), and their intervals do not meet. Hedges are intervals: "at least 40"
//! agrees with 43, "about 200" with 196, "more than 600" with 650. Forms are normalised:
//! "seventeen" is 17, "€3.5 million" is "3.5 million euros".
//!
//! It stays silent on a part against a whole ("€0.8 billion of the €2.6 billion", "14 in
//! the north" against "31 in all"), on an increment ("nine more bodies"), on a figure in
//! an aside about something else, on an article that gives several different figures for
//! one thing (it tells of several), and on a toll that rose: a later report (by the time
//! the figure held, or the publication date) giving more dead, injured or arrested. A later
//! report that gives fewer is a conflict.
//!
//! Figures that each outlet attributes to a different source ("police said 3,000",
//! "organisers said 10,000") are a note naming both sources, not an error; so are two tolls
//! when an article is undated, since the toll may have moved between them.
//!
//! ## Example
//! ```text
//! a.md: The visiting president travelled with a delegation of 12 ministers.
//! b.md: The president arrived with seven ministers.
//! ```
//!
//! ## Fix
//! Check the figure against the primary source, or attribute it ("police said").

use super::context::RuleContext;
use super::event_common::event_subject;
use super::{Finding, Location, Severity};
use crate::extract::CountAttr;
use crate::resolve::events::EventCluster;
use crate::span::DocId;
use std::collections::BTreeMap;

/// Rule id.
pub const ID: &str = "count-conflict";

/// What happened to the counted, when it can change as a story develops.
const EVOLVING: &[&str] = &[
    "dead",
    "injured",
    "missing",
    "arrested",
    "rescued",
    "displaced",
    "evacuated",
];

/// One figure of one article.
struct Figure<'a> {
    doc: DocId,
    q: &'a CountAttr,
    /// When it held: its own time, else the article's publication date.
    when: Option<chrono::NaiveDate>,
}

/// What a figure measures, as a comparable key; `None` for figures that are not compared.
fn key(q: &CountAttr) -> Option<String> {
    if q.aside || q.increment || q.part {
        return None;
    }
    // A place restricts a toll ("23 dead in the north"); beside other figures it is mostly the
    // event's own place ("seven ministers in the capital").
    let qualifier = if EVOLVING.contains(&q.class.as_str()) {
        q.qualifier.as_deref().unwrap_or("")
    } else {
        ""
    };
    let noun = match q.noun.as_str() {
        "people" | "person" | "" => "person",
        n => n,
    };
    match q.measure.as_str() {
        "count" if !q.class.is_empty() && EVOLVING.contains(&q.class.as_str()) => {
            Some(format!("count|{}|{noun}|{qualifier}", q.class))
        }
        // "20 people" with nothing said of them is no measure of anything in particular.
        "count" if noun != "person" => Some(format!("count|{}|{qualifier}", q.noun)),
        "money" if !q.noun.is_empty() => Some(format!(
            "money|{}|{}|{qualifier}",
            q.currency.as_deref().unwrap_or("?"),
            q.noun
        )),
        "percent" if !q.noun.is_empty() => Some(format!("percent|{}|{qualifier}", q.noun)),
        _ => None,
    }
}

fn meets(a: &CountAttr, b: &CountAttr) -> bool {
    a.low <= b.high && b.low <= a.high
}

/// "12", "at least 30", "about 200", "€8,000,000".
fn display(q: &CountAttr) -> String {
    let v = q.value;
    let number = match (q.measure.as_str(), q.currency.as_deref()) {
        ("money", Some(c)) => money(v as f64, c),
        ("percent", _) => format!("{v}%"),
        _ => v.to_string(),
    };
    let hedge = if q.low == q.high {
        ""
    } else if q.high.is_infinite() {
        "at least "
    } else if q.low <= 0.0 {
        "at most "
    } else {
        "about "
    };
    let what = match q.measure.as_str() {
        "count" if !q.class.is_empty() && EVOLVING.contains(&q.class.as_str()) => {
            match q.noun.as_str() {
                "people" | "person" | "" => format!(" {}", q.class),
                n => format!(" {} {}", plural(n), q.class),
            }
        }
        "count" => format!(" {}", plural(&q.noun)),
        _ => String::new(),
    };
    let source = q
        .source
        .as_deref()
        .map(|s| format!(" ({s} said)"))
        .unwrap_or_default();
    format!("{hedge}{number}{what}{source}")
}

/// An amount as an editor writes it: "€25 million", "$1.2 billion", "£8,500", "CHF 3 million".
fn money(v: f64, currency: &str) -> String {
    let (scaled, unit) = if v >= 1e9 {
        (v / 1e9, " billion")
    } else if v >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    };
    let number = if unit.is_empty() {
        grouped(v.round() as u64)
    } else {
        let s = format!("{scaled:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    match currency {
        "EUR" => format!("€{number}{unit}"),
        "USD" => format!("${number}{unit}"),
        "GBP" => format!("£{number}{unit}"),
        other => format!("{other} {number}{unit}"),
    }
}

/// 8500 → "8,500".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn plural(noun: &str) -> String {
    if noun.ends_with('s') {
        noun.to_string()
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    }
}

/// "the number of ministers", "the number of injured", "the sum for loss".
fn what(q: &CountAttr) -> String {
    match q.measure.as_str() {
        "count" if !q.class.is_empty() && EVOLVING.contains(&q.class.as_str()) => {
            match q.noun.as_str() {
                "people" | "person" | "" => format!("the number of {}", q.class),
                n => format!("the number of {} {}", plural(n), q.class),
            }
        }
        "count" => format!("the number of {}", plural(&q.noun)),
        "money" => format!("the amount of the {}", q.noun),
        _ => format!("the share of {}", q.noun),
    }
}

/// True when `b`, reported later than `a`, only continues a developing toll.
fn rose(a: &Figure<'_>, b: &Figure<'_>) -> bool {
    if !EVOLVING.contains(&a.q.class.as_str()) {
        return false;
    }
    if a.q.rising || b.q.rising {
        return true;
    }
    let (first, later) = match (a.when, b.when) {
        (Some(x), Some(y)) if x < y => (a, b),
        (Some(x), Some(y)) if y < x => (b, a),
        _ => return false,
    };
    later.q.low >= first.q.low
}

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &ctx.resolved.event_clusters {
        // Figures by what they measure, then by document.
        let mut by_key: BTreeMap<String, BTreeMap<DocId, Vec<Figure<'_>>>> = BTreeMap::new();
        for &i in &c.members {
            let e = &ctx.resolved.events[i];
            for q in &e.event.counts {
                let Some(k) = key(q) else { continue };
                let when = q.at.as_ref().and_then(|t| t.as_day()).or(e.published);
                by_key
                    .entry(k)
                    .or_default()
                    .entry(e.doc)
                    .or_default()
                    .push(Figure {
                        doc: e.doc,
                        q,
                        when,
                    });
            }
        }
        for (k, docs) in &by_key {
            // An article giving figures for one thing that do not meet tells of several.
            let single: Vec<&Figure<'_>> = docs
                .values()
                .filter(|fs| {
                    fs.iter()
                        .enumerate()
                        .all(|(n, a)| fs[n + 1..].iter().all(|b| meets(a.q, b.q)))
                })
                .filter_map(|fs| {
                    fs.iter().min_by(|a, b| {
                        (a.q.high - a.q.low)
                            .total_cmp(&(b.q.high - b.q.low))
                            .then(a.q.span.cmp(&b.q.span))
                    })
                })
                .collect();
            if let Some(f) = conflict(ctx, c, k, &single) {
                out.push(f);
            }
        }
    }
    out
}

/// The finding for one measured thing of one event, when two articles' figures clash.
fn conflict(
    ctx: &RuleContext<'_>,
    c: &EventCluster,
    key: &str,
    figures: &[&Figure<'_>],
) -> Option<Finding> {
    let mut clash: Option<(&Figure<'_>, &Figure<'_>)> = None;
    for (n, a) in figures.iter().enumerate() {
        for b in &figures[n + 1..] {
            if a.doc != b.doc && !meets(a.q, b.q) && !rose(a, b) {
                clash = Some((a, b));
                break;
            }
        }
        if clash.is_some() {
            break;
        }
    }
    let (a, b) = clash?;
    // The later report first: it is the one an editor is about to publish or has changed.
    let (first, other) = if (b.when, b.doc) > (a.when, a.doc) {
        (b, a)
    } else {
        (a, b)
    };
    let attributed = match (&first.q.source, &other.q.source) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    };
    let certain = c.certain();
    let exact = first.q.low == first.q.high && other.q.low == other.q.high;
    // A toll from articles of unknown dates may have moved between them.
    let undated = EVOLVING.contains(&first.q.class.as_str())
        && (first.when.is_none() || other.when.is_none());
    let severity = if attributed || undated {
        Severity::Note
    } else if certain && exact {
        Severity::Error
    } else {
        Severity::Warning
    };
    let what = what(first.q);
    let subject = event_subject(ctx, c, true);
    let message = if attributed {
        format!(
            "{} gives {what} at {subject} as {}; {} gives {}: each attributes its figure to another source",
            ctx.path(first.doc),
            display(first.q),
            ctx.path(other.doc),
            display(other.q)
        )
    } else {
        format!(
            "{} gives {what} at {subject} as {}; {} gives {}",
            ctx.path(first.doc),
            display(first.q),
            ctx.path(other.doc),
            display(other.q)
        )
    };
    let help = if undated {
        "the toll may have changed between the reports and one of them is undated; check which figure is the latest".to_string()
    } else if attributed {
        "the figures come from different sources; say whose figure each is, or give both"
            .to_string()
    } else if certain {
        "both articles report the same event; check the figure against the primary source"
            .to_string()
    } else {
        "the articles seem to report the same event (see `factdiff events`); if so, check the figure against the primary source".to_string()
    };
    let locations: Vec<Location> = [first, other]
        .iter()
        .map(|f| ctx.at(f.doc, f.q.span, format!("{what}: {}", display(f.q))))
        .collect();
    let mut values = vec![
        format!("{key}={}..{}", first.q.low, first.q.high),
        format!("{key}={}..{}", other.q.low, other.q.high),
    ];
    values.sort();
    Some(Finding {
        rule: ID,
        severity,
        message,
        subject,
        values,
        locations,
        help,
    })
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn amounts_read_as_an_editor_writes_them() {
        assert_eq!(money(25_000_000.0, "EUR"), "€25 million");
        assert_eq!(money(3_500_000.0, "EUR"), "€3.5 million");
        assert_eq!(money(1_250_000_000.0, "USD"), "$1.25 billion");
        assert_eq!(money(8_500.0, "GBP"), "£8,500");
        assert_eq!(money(3_000_000.0, "CHF"), "CHF 3 million");
        assert_eq!(money(950.0, "MAD"), "MAD 950");
    }
}

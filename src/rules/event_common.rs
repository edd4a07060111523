//! Shared by the event rules: naming an event and finding the values its mentions
//! disagree on.

use super::context::RuleContext;
use super::{Finding, Location, Severity};
use crate::resolve::events::EventCluster;
use crate::resolve::EventMention;
use crate::span::{DocId, Span};

/// "the 21st meeting of the Velmora-Arcadia Water Board".
pub fn event_subject(ctx: &RuleContext<'_>, cluster: &EventCluster, with_ordinal: bool) -> String {
    let ev: Vec<&EventMention> = cluster
        .members
        .iter()
        .map(|&i| &ctx.resolved.events[i])
        .collect();
    let noun = ev
        .first()
        .map(|e| e.event.noun.clone())
        .unwrap_or_else(|| "meeting".into());
    let series = ev.iter().find_map(|e| e.series_name.clone());
    // The ordinal names the event only when every mention agrees on it.
    let ordinals: std::collections::BTreeSet<u32> = ev
        .iter()
        .filter_map(|e| e.event.ordinal.as_ref().map(|o| o.value))
        .collect();
    let ordinal = ordinals
        .iter()
        .next()
        .copied()
        .filter(|_| with_ordinal && ordinals.len() == 1);
    let mut s = match ordinal {
        Some(o) => format!("the {} {noun}", ordinal_word(o)),
        None => format!("the {noun}"),
    };
    if let Some(series) = series {
        let series = series.trim_start_matches("the ");
        // "the Morocco-Spain High-Level Meeting" names the meeting itself.
        if crate::text::fold(series).ends_with(&noun) {
            s = match ordinal {
                Some(o) => format!("the {} {series}", ordinal_word(o)),
                None => format!("the {series}"),
            };
        } else {
            s.push_str(&format!(" of the {series}"));
        }
    }
    if !with_ordinal {
        if let Some(day) = ev
            .iter()
            .find_map(|e| e.event.time.as_ref().and_then(|t| t.value.as_day()))
        {
            s.push_str(&format!(" on {day}"));
        }
    }
    s
}

/// "21st", "2nd", "103rd".
pub fn ordinal_word(n: u32) -> String {
    crate::text::ordinal(u64::from(n))
}

/// One value an event mention states, for comparison.
pub struct Stated {
    /// The document.
    pub doc: DocId,
    /// Where the value is.
    pub span: Span,
    /// Normalised value (what is compared and fingerprinted).
    pub key: String,
    /// How to print it.
    pub display: String,
    /// For a date, the days the event can occupy by what the mention says ("opened on
    /// Monday" reaches into the days after); see [`crate::resolve::EventMention::days`].
    pub days: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
}

/// Builds a finding when the mentions of one event state values that `conflict` says cannot
/// all be true. The value stated by fewer documents is the primary location.
pub fn disagreement(
    ctx: &RuleContext<'_>,
    rule: &'static str,
    cluster: &EventCluster,
    what: &str,
    stated: Vec<Stated>,
    conflict: impl Fn(&Stated, &Stated) -> bool,
    help: impl Fn(&[&Stated]) -> String,
) -> Option<Finding> {
    let clash = stated.iter().enumerate().any(|(i, a)| {
        stated[i + 1..]
            .iter()
            .any(|b| a.doc != b.doc && conflict(a, b))
    });
    if !clash {
        return None;
    }
    // Count documents per value; the rarest value first.
    let mut values: Vec<(String, usize, DocId)> = Vec::new();
    for s in &stated {
        match values.iter_mut().find(|v| v.0 == s.key) {
            Some(v) => {
                v.1 += 1;
                v.2 = v.2.max(s.doc);
            }
            None => values.push((s.key.clone(), 1, s.doc)),
        }
    }
    values.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    let mut ordered: Vec<&Stated> = Vec::new();
    for (key, _, _) in &values {
        let mut same: Vec<&Stated> = stated.iter().filter(|s| &s.key == key).collect();
        same.sort_by_key(|s| (s.doc, s.span));
        ordered.extend(same);
    }
    let subject = event_subject(ctx, cluster, rule != super::event_ordinal_conflict::ID);
    let first = ordered[0];
    let others: Vec<String> = values
        .iter()
        .skip(1)
        .map(|v| {
            stated
                .iter()
                .find(|s| s.key == v.0)
                .map(|s| s.display.clone())
                .unwrap_or_default()
        })
        .collect();
    let other_docs: Vec<&str> = ordered
        .iter()
        .filter(|s| s.key != first.key)
        .map(|s| ctx.path(s.doc))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let message = format!(
        "{} gives {what} of {subject} as {}; {} {} {}",
        ctx.path(first.doc),
        first.display,
        super::context::join_and(&other_docs.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
        if other_docs.len() > 1 {
            "give"
        } else {
            "gives"
        },
        others.join(" / ")
    );
    let locations: Vec<Location> = ordered
        .iter()
        .map(|s| ctx.at(s.doc, s.span, format!("{what}: {}", s.display)))
        .collect();
    let mut keys: Vec<String> = values.iter().map(|v| v.0.clone()).collect();
    keys.sort();
    // Linked only by the agreement of their frames, two reports are less certainly one event.
    let certain = cluster.certain();
    Some(Finding {
        rule,
        severity: if certain {
            Severity::Error
        } else {
            Severity::Warning
        },
        message,
        subject,
        values: keys,
        locations,
        help: help(&ordered),
    })
}

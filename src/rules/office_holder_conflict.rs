//! # office-holder-conflict
//!
//! Two articles give the same office for the same year to different holders: "the Moroccan
//! presidency of the Rabat Process in 2023" against "Morocco and Spain ... their respective
//! presidencies of the Rabat Process in 2022 and 2023" (which gives 2023 to Spain).
//!
//! ## When it fires
//! The offices are read from "the <nationality> presidency/chairmanship of <Body> in
//! <year>", "<Country>'s presidency of ...", and pairings read in order ("A and B ...
//! respective presidencies of <Body> in Y1 and Y2", "..., respectively"). Offices are the
//! same when their names fold alike; the year must be the same. One holder per office and
//! year is assumed: rotating presidencies and chairmanships work that way.
//!
//! ## Fix
//! Check the order of a "respectively" pairing first: it is the usual culprit.

use super::context::{join_and, RuleContext};
use super::{Finding, Severity};
use crate::extract::ClaimData;
use crate::span::{DocId, Span};
use crate::text::fold;
use std::collections::BTreeMap;

/// Rule id.
pub const ID: &str = "office-holder-conflict";

/// Where a holder is named: document, holder span, year span, office as written.
type Said = (DocId, Span, Span, String);

/// Runs the rule.
pub fn check(ctx: &RuleContext<'_>) -> Vec<Finding> {
    // (office, year) → holder → places it is said.
    let mut offices: BTreeMap<(String, i32), BTreeMap<String, Vec<Said>>> = BTreeMap::new();
    for (di, claims) in ctx.claims.iter().enumerate() {
        for c in claims {
            if let ClaimData::Office {
                office,
                holder,
                holder_span,
                year,
                year_span,
            } = &c.data
            {
                offices
                    .entry((fold(office), *year))
                    .or_default()
                    .entry(holder.clone())
                    .or_default()
                    .push((DocId(di as u32), *holder_span, *year_span, office.clone()));
            }
        }
    }
    let mut out = Vec::new();
    for ((_, year), holders) in offices {
        let docs: std::collections::BTreeSet<DocId> =
            holders.values().flatten().map(|h| h.0).collect();
        if holders.len() < 2 || docs.len() < 2 {
            continue;
        }
        let name = |code: &str| {
            ctx.kb
                .country(code)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| code.to_string())
        };
        // The holder said by fewer documents is the one pointed at.
        let mut ranked: Vec<(&String, &Vec<Said>)> = holders.iter().collect();
        ranked.sort_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.1[0].0.cmp(&a.1[0].0)));
        let (minor, places) = ranked[0];
        let office = &places[0].3;
        let others: Vec<String> = ranked[1..]
            .iter()
            .map(|(h, p)| format!("{} gives it to {}", ctx.path(p[0].0), name(h)))
            .collect();
        let mut locations = Vec::new();
        for (holder, places) in &ranked {
            for (doc, hs, ys, _) in places.iter() {
                locations.push(ctx.at(*doc, *hs, format!("{} ...", name(holder))));
                locations.push(ctx.at(*doc, *ys, format!("... in {year}")));
            }
        }
        out.push(Finding {
            rule: ID,
            severity: Severity::Warning,
            message: format!("{} gives the {year} {office} to {}; {}", ctx.path(places[0].0), name(minor), join_and(&others)),
            subject: format!("{office} in {year}"),
            values: holders.keys().cloned().collect(),
            locations,
            help: "one holder per office and year; if the text pairs holders and years with “respective(ly)”, check the order".to_string(),
        });
    }
    out
}

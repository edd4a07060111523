//! Reports: findings and claims rendered for people (miette) and machines (JSON, SARIF...).
//!
//! `check` works in two steps, both library calls so tests and other front ends share them:
//! [`prepare`] turns the pipeline's findings into a [`Report`] (configuration severities,
//! ignores, inline suppressions, fingerprints, baseline states, notes about unused
//! suppressions and stale baseline entries, sorted), then [`render`] writes it in one
//! [`Format`]. Every format is rendered from the same [`Item`]s.

pub mod baseline;
mod concise;
pub mod events;
mod extract_out;
pub mod fingerprint;
mod github;
mod html;
mod human;
mod json;
mod sarif;
pub mod sources;
pub mod suppress;

pub use baseline::{Baseline, BaselineEntry, BaselineError};
pub use extract_out::{extract_human, extract_json, ExtractWriter};
pub use sources::{SourceDb, SourceId, SourceKind};

use crate::config::{Config, IgnoreTarget, Level};
use crate::corpus::{Corpus, Document, Format as DocFormat};
use crate::extract::Claim;
use crate::knowledge::Knowledge;
use crate::rules::{Finding, Severity, Source};
use crate::span::Span;
use crate::text::fold;
use fingerprint::Meaning;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with the text of every source involved (default).
    Human,
    /// The JSON contract: `version`, `documents`, `findings`, `summary`.
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, GitLab, IDEs).
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// One self-contained HTML page for editors: findings with their excerpts side by side,
    /// filters, and the claims read from each article.
    Html,
}

/// A note the report itself makes (not a rule of the checker). Configuration may set their
/// severity or switch them off like any rule.
#[derive(Debug, Clone, Copy)]
pub struct ReportRule {
    /// Kebab-case id.
    pub id: &'static str,
    /// One line saying what the note means.
    pub summary: &'static str,
    /// What to do about it.
    pub help: &'static str,
}

/// A suppression comment or `[[ignore]]` entry that matched no finding.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";
/// A baseline entry that matches no finding any more.
pub const STALE_BASELINE: &str = "stale-baseline-entry";

/// The report's own notes.
pub const REPORT_RULES: &[ReportRule] = &[
    ReportRule {
        id: STALE_BASELINE,
        summary: "A baseline entry matches no finding any more.",
        help:
            "the finding was fixed or changed meaning; run with --update-baseline to drop the entry",
    },
    ReportRule {
        id: UNUSED_SUPPRESSION,
        summary: "A suppression comment or [[ignore]] entry matches no finding, or is malformed.",
        help: "remove it, or fix its rule id, fingerprint or reason",
    },
];

/// How a finding relates to the baseline (SARIF's `baselineState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    /// Not in the baseline.
    New,
    /// In the baseline.
    Unchanged,
    /// In the baseline, no longer found (the stale-entry notes).
    Absent,
}

/// A location of an [`Item`], resolved into the report's [`SourceDb`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemLocation {
    /// The source pointed into.
    pub source: SourceId,
    /// Byte span in that source's text, clamped to it.
    pub span: Span,
    /// What the place says.
    pub label: String,
}

/// One line of the report: a finding (or a note of the report itself), ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Rule id.
    pub rule: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// One sentence saying what disagrees.
    pub message: String,
    /// What the finding is about.
    pub subject: String,
    /// The disagreeing values.
    pub values: Vec<String>,
    /// Primary location first.
    pub locations: Vec<ItemLocation>,
    /// What is known and what to do.
    pub help: String,
    /// Stable identity (see [`fingerprint`]).
    pub fingerprint: String,
    /// Documents involved, sorted: what a baseline entry records.
    pub paths: Vec<String>,
    /// Baseline state, when a baseline was given.
    pub baseline: Option<BaselineState>,
    /// True for the report's own notes (never written to a baseline).
    pub meta: bool,
}

impl Item {
    /// The baseline entry recording this finding.
    pub fn baseline_entry(&self) -> BaselineEntry {
        BaselineEntry {
            paths: self.paths.clone(),
            rule: self.rule.to_string(),
            subject: self.subject.clone(),
            values: self.values.clone(),
            severity: self.severity,
            message: self.message.clone(),
            fingerprint: self.fingerprint.clone(),
        }
    }
}

/// What a document is, for the report header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentInfo {
    /// Path as shown.
    pub path: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Publication date (YYYY-MM-DD), when known.
    pub published: Option<String>,
    /// Outlet display name, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

/// Counts for the summary line and the JSON `summary` object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Documents read.
    pub documents: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Error-level items shown.
    pub errors: usize,
    /// Warning-level items shown.
    pub warnings: usize,
    /// Note-level items shown.
    pub notes: usize,
    /// Findings not in the baseline (only with a baseline).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<usize>,
    /// Findings matched by the baseline, shown or hidden (only with a baseline).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baselined: Option<usize>,
}

/// Rule metadata for SARIF's `tool.driver.rules`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// Rule id.
    pub id: String,
    /// One line.
    pub summary: String,
    /// The full documentation (Markdown).
    pub explanation: String,
    /// Severity without configuration.
    pub default_severity: Severity,
}

/// Everything a renderer needs.
#[derive(Debug)]
pub struct Report<'a> {
    /// Every text items point into.
    pub sources: SourceDb<'a>,
    /// Documents checked, in corpus order.
    pub documents: Vec<DocumentInfo>,
    /// Items to show, sorted.
    pub items: Vec<Item>,
    /// Counts.
    pub summary: Summary,
    /// True when findings were compared with a baseline.
    pub with_baseline: bool,
    /// Claims per document, indexed like `documents`; empty unless attached with
    /// [`Report::with_claims`]. Only the HTML report lists them ("what factdiff read"), so
    /// the other formats never pay for them.
    pub claims: &'a [Vec<Claim>],
}

impl<'a> Report<'a> {
    /// Attaches the claims of every document (`Analysis::claims`, indexed like the corpus)
    /// so that the HTML report can list what was read from each article.
    pub fn with_claims(mut self, claims: &'a [Vec<Claim>]) -> Self {
        self.claims = claims;
        self
    }
}

impl Report<'_> {
    /// True when the run fails: an error-level item that is not in the baseline (the
    /// report's own notes count when configuration raises them to errors).
    pub fn fails(&self) -> bool {
        self.items
            .iter()
            .any(|i| i.severity == Severity::Error && i.baseline != Some(BaselineState::Unchanged))
    }

    /// Baseline entries for today's findings (the report's own notes left out).
    pub fn baseline_entries(&self) -> Vec<BaselineEntry> {
        let mut v: Vec<_> = self
            .items
            .iter()
            .filter(|i| !i.meta)
            .map(Item::baseline_entry)
            .collect();
        v.sort();
        v
    }

    /// Rules for SARIF's `tool.driver.rules`: every rule id the items use, described from the
    /// registry or the report's own notes when known. Only used rules are listed, so the
    /// output depends on the findings, not on how many rules exist.
    pub fn rules(&self) -> Vec<RuleInfo> {
        let mut ids: Vec<&'static str> = self.items.iter().map(|i| i.rule).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|id| {
                if let Some(r) = crate::rules::find(id) {
                    return RuleInfo {
                        id: id.to_string(),
                        summary: r.summary.to_string(),
                        explanation: r.explanation(),
                        default_severity: r.default_severity,
                    };
                }
                if let Some(r) = REPORT_RULES.iter().find(|r| r.id == id) {
                    return RuleInfo {
                        id: id.to_string(),
                        summary: r.summary.to_string(),
                        explanation: format!("{}\n\nWhat to do: {}.\n", r.summary, r.help),
                        default_severity: Severity::Note,
                    };
                }
                RuleInfo {
                    id: id.to_string(),
                    summary: id.to_string(),
                    explanation: String::new(),
                    default_severity: self
                        .items
                        .iter()
                        .find(|i| i.rule == id)
                        .map_or(Severity::Warning, |i| i.severity),
                }
            })
            .collect()
    }
}

/// Reads the original file of a document (for HTML suppression comments). Returns `None`
/// when it cannot be read.
pub type RawReader<'r> = &'r (dyn Fn(&str) -> Option<String> + Sync);

/// Reads a file from disk; the default [`RawReader`].
pub fn read_from_disk(path: &str) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

/// Everything [`prepare`] needs besides the corpus, knowledge and findings.
pub struct Options<'o> {
    /// The configuration (`Config::default()` when there is no file).
    pub config: &'o Config,
    /// The baseline to compare with.
    pub baseline: Option<&'o Baseline>,
    /// Keep findings that are in the baseline in the report (marked `unchanged`).
    pub show_baselined: bool,
    /// Number of claims extracted (for the summary).
    pub claims: usize,
    /// How original files are read (HTML and WordPress suppression comments).
    pub raw: RawReader<'o>,
}

/// Turns findings into a report: fingerprints, trusted sources, configured severities,
/// `[[ignore]]` entries, inline suppressions, baseline, and the report's own notes; sorted.
pub fn prepare<'a>(
    corpus: &'a Corpus,
    knowledge: &'a Knowledge,
    findings: Vec<Finding>,
    options: &Options<'_>,
) -> Report<'a> {
    let config = options.config;
    let mut db = SourceDb::new(corpus, knowledge);
    // Fingerprints first, over every finding, so that ignoring or suppressing one finding
    // never renumbers another.
    let mut items = to_items(corpus, &db, findings);
    for item in &mut items {
        order_by_trust(item, &db, corpus, config);
    }
    // "off" drops a finding before anything can match it.
    items.retain_mut(|i| apply_level(i, config));
    let mut notes = apply_ignores(&mut items, config, &mut db);
    notes.extend(apply_suppressions(&mut items, corpus, options.raw, &mut db));
    let baselined = options.baseline.map(|b| {
        let (baselined, stale) = apply_baseline(&mut items, b, options.show_baselined, &mut db);
        for n in &mut notes {
            n.baseline = Some(BaselineState::New);
        }
        notes.extend(stale);
        baselined
    });
    notes.retain_mut(|n| apply_level(n, config));
    items.extend(notes);
    sort_items(&mut items);

    let mut summary = Summary {
        documents: corpus.documents.len(),
        claims: options.claims,
        baselined,
        ..Summary::default()
    };
    for i in &items {
        match i.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Note => summary.notes += 1,
        }
    }
    if options.baseline.is_some() {
        let new = items
            .iter()
            .filter(|i| !i.meta && i.baseline == Some(BaselineState::New))
            .count();
        summary.new = Some(new);
    }
    Report {
        documents: corpus
            .documents
            .iter()
            .map(|d| document_info(d, config))
            .collect(),
        sources: db,
        items,
        summary,
        with_baseline: options.baseline.is_some(),
        claims: &[],
    }
}

/// Drops the items `[[ignore]]` entries match; returns notes for the entries that matched
/// nothing, pointing into the configuration file.
fn apply_ignores(items: &mut Vec<Item>, config: &Config, db: &mut SourceDb<'_>) -> Vec<Item> {
    if config.ignores.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; config.ignores.len()];
    items.retain(|i| {
        let hit = config.ignores.iter().position(|ig| match &ig.target {
            IgnoreTarget::Fingerprint(fp) => *fp == i.fingerprint,
            IgnoreTarget::RuleSubject { rule, subject } => {
                rule == i.rule && fold(subject) == fold(&i.subject)
            }
        });
        if let Some(k) = hit {
            used[k] = true;
        }
        hit.is_none()
    });
    if used.iter().all(|u| *u) {
        return Vec::new();
    }
    let file = config
        .path
        .as_ref()
        .map(|p| db.add_other(p.clone(), config.text.clone()));
    config
        .ignores
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(ig, _)| {
            let what = match &ig.target {
                IgnoreTarget::Fingerprint(fp) => format!("fingerprint {fp}"),
                IgnoreTarget::RuleSubject { rule, subject } => format!("`{rule}` about {subject}"),
            };
            let locations = file
                .map(|source| ItemLocation {
                    source,
                    span: Span::new(ig.span.start, ig.span.end),
                    label: "this entry".to_string(),
                })
                .into_iter()
                .collect();
            meta_item(
                UNUSED_SUPPRESSION,
                format!("[[ignore]] entry ({what}) matches no finding"),
                what,
                locations,
            )
        })
        .collect()
}

/// Drops the items suppression comments cover; returns notes for the comments that
/// covered nothing (or were not applied).
fn apply_suppressions(
    items: &mut Vec<Item>,
    corpus: &Corpus,
    raw: RawReader<'_>,
    db: &mut SourceDb<'_>,
) -> Vec<Item> {
    let suppressions = scan_suppressions(corpus, raw, db);
    if suppressions.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; suppressions.len()];
    items.retain(|i| {
        let Some(primary) = i.locations.first() else {
            return true;
        };
        let hit = suppressions
            .iter()
            .position(|s| s.doc == primary.source && s.inner.covers(i.rule, primary.span));
        if let Some(k) = hit {
            used[k] = true;
        }
        hit.is_none()
    });
    suppressions
        .into_iter()
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|(s, _)| {
            let rule = &s.inner.rule;
            let why = if s.inner.reason.is_empty() {
                format!("suppression of `{rule}` has no reason, so it is not applied")
            } else if !crate::config::is_known_rule(rule) {
                format!("suppression names an unknown rule `{rule}`")
            } else if s.inner.paragraph.is_none() {
                format!("suppression of `{rule}` is followed by no paragraph it can apply to")
            } else {
                format!("suppression of `{rule}` matches no finding in the next paragraph")
            };
            meta_item(
                UNUSED_SUPPRESSION,
                why,
                rule.clone(),
                s.location.into_iter().collect(),
            )
        })
        .collect()
}

/// Marks items new or unchanged (each baseline entry matches at most one item) and hides
/// the unchanged unless `show`; returns how many matched and notes for the entries that
/// matched nothing (stale), pointing into the baseline file.
fn apply_baseline(
    items: &mut Vec<Item>,
    baseline: &Baseline,
    show: bool,
    db: &mut SourceDb<'_>,
) -> (usize, Vec<Item>) {
    let mut unmatched: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &baseline.entries {
        *unmatched.entry(e.fingerprint.as_str()).or_default() += 1;
    }
    let mut baselined = 0;
    for i in items.iter_mut() {
        let state = match unmatched.get_mut(i.fingerprint.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                baselined += 1;
                BaselineState::Unchanged
            }
            _ => BaselineState::New,
        };
        i.baseline = Some(state);
    }
    if !show {
        items.retain(|i| i.baseline != Some(BaselineState::Unchanged));
    }
    if unmatched.values().all(|n| *n == 0) {
        return (baselined, Vec::new());
    }
    let file = db.add_other(baseline.path.clone(), baseline.text.clone());
    // Of several entries with one fingerprint, the last ones are the stale ones.
    let mut stale = Vec::new();
    for (k, e) in baseline.entries.iter().enumerate().rev() {
        let Some(n) = unmatched
            .get_mut(e.fingerprint.as_str())
            .filter(|n| **n > 0)
        else {
            continue;
        };
        *n -= 1;
        let locations = baseline
            .span_of(&e.fingerprint)
            .map(|span| ItemLocation {
                source: file,
                span,
                label: "no longer found".to_string(),
            })
            .into_iter()
            .collect();
        let mut note = meta_item(
            STALE_BASELINE,
            format!(
                "baseline entry `{}` about {} ({}) matches no finding",
                e.rule,
                e.subject,
                e.paths.join(", ")
            ),
            e.subject.clone(),
            locations,
        );
        note.fingerprint = e.fingerprint.clone();
        note.baseline = Some(BaselineState::Absent);
        stale.push((k, note));
    }
    stale.sort_by_key(|(k, _)| *k);
    (baselined, stale.into_iter().map(|(_, n)| n).collect())
}

fn document_info(d: &Document, config: &Config) -> DocumentInfo {
    DocumentInfo {
        path: d.path.clone(),
        title: d.title.clone(),
        published: d.published.map(|p| p.to_string()),
        outlet: config.outlet_of(d),
    }
}

/// Converts findings to items with fingerprints. Locations pointing nowhere are dropped.
fn to_items(corpus: &Corpus, db: &SourceDb<'_>, findings: Vec<Finding>) -> Vec<Item> {
    let paths: Vec<Vec<String>> = findings
        .iter()
        .map(|f| {
            let mut p: Vec<String> = f
                .locations
                .iter()
                .filter_map(|l| match l.source {
                    Source::Document(d) => corpus.get(d).map(|d| d.path.clone()),
                    Source::Rules(_) => None,
                })
                .collect();
            p.sort();
            p.dedup();
            p
        })
        .collect();
    let meanings: Vec<Meaning<'_>> = findings
        .iter()
        .zip(&paths)
        .map(|(f, p)| Meaning {
            rule: f.rule,
            subject: &f.subject,
            values: &f.values,
            paths: p,
        })
        .collect();
    // Equal meanings are numbered by message, then by what their locations say, then by
    // position: stable under edits elsewhere in the articles.
    let order = |i: usize| {
        let f = &findings[i];
        let excerpts: Vec<String> = f
            .locations
            .iter()
            .map(|l| {
                db.id_of(l.source)
                    .and_then(|id| db.get(id))
                    .map(|s| fold(l.span.slice(&s.text)))
                    .unwrap_or_default()
            })
            .collect();
        let spans: Vec<(Source, usize)> = f
            .locations
            .iter()
            .map(|l| (l.source, l.span.start))
            .collect();
        (f.message.clone(), excerpts, spans)
    };
    let fps = fingerprint::assign(&meanings, order);
    drop(meanings);
    findings
        .into_iter()
        .zip(fps)
        .zip(paths)
        .map(|((f, fingerprint), paths)| Item {
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            subject: f.subject,
            values: f.values,
            locations: f
                .locations
                .into_iter()
                .filter_map(|l| {
                    let source = db.id_of(l.source)?;
                    // A document known only from its claims (`check --claims` without the
                    // file) keeps its path and span, with no excerpt.
                    let span = match db.clamp(source, l.span) {
                        Some(span) => span,
                        None if db.get(source).is_some_and(|s| s.text.is_empty()) => l.span,
                        None => return None,
                    };
                    Some(ItemLocation {
                        span,
                        source,
                        label: l.label,
                    })
                })
                .collect(),
            help: f.help,
            fingerprint,
            paths,
            baseline: None,
            meta: false,
        })
        .collect()
}

fn meta_item(
    rule: &'static str,
    message: String,
    subject: String,
    locations: Vec<ItemLocation>,
) -> Item {
    let help = REPORT_RULES
        .iter()
        .find(|r| r.id == rule)
        .map(|r| r.help.to_string())
        .unwrap_or_default();
    let fingerprint = fingerprint::fingerprint(&Meaning {
        rule,
        subject: &message,
        values: &[],
        paths: &[],
    });
    Item {
        rule,
        severity: Severity::Note,
        message,
        subject,
        values: Vec::new(),
        locations,
        help,
        fingerprint,
        paths: Vec::new(),
        baseline: None,
        meta: true,
    }
}

/// Applies the configured level; false when the rule is switched off.
fn apply_level(item: &mut Item, config: &Config) -> bool {
    match config.level(item.rule) {
        Some(Level::Off) => false,
        Some(Level::Severity(s)) => {
            item.severity = s;
            true
        }
        None => true,
    }
}

fn order_by_trust(item: &mut Item, db: &SourceDb<'_>, corpus: &Corpus, config: &Config) {
    if config.sources.iter().all(|s| !s.trusted) || item.locations.len() < 2 {
        return;
    }
    let trusted = |l: &ItemLocation| match db.get(l.source).map(|s| s.kind) {
        Some(SourceKind::Document(d)) => corpus
            .documents
            .get(d)
            .is_some_and(|d| config.is_trusted(d)),
        _ => false,
    };
    let untrusted_doc = |l: &ItemLocation| {
        matches!(
            db.get(l.source).map(|s| s.kind),
            Some(SourceKind::Document(_))
        ) && !trusted(l)
    };
    if trusted(&item.locations[0]) {
        if let Some(k) = item.locations.iter().position(untrusted_doc) {
            let wrong = item.locations.remove(k);
            item.locations.insert(0, wrong);
        }
    }
    if let Some(k) = item.locations.iter().skip(1).position(trusted) {
        let winner = item.locations.remove(k + 1);
        item.locations.insert(1, winner);
    }
}

/// A suppression with the source its comment is in and the document it covers.
struct FoundSuppression {
    inner: suppress::Suppression,
    /// The document covered.
    doc: SourceId,
    /// Where the comment is, for unused-suppression notes.
    location: Option<ItemLocation>,
}

fn scan_suppressions(
    corpus: &Corpus,
    raw: RawReader<'_>,
    db: &mut SourceDb<'_>,
) -> Vec<FoundSuppression> {
    let mut out = Vec::new();
    // The files of HTML and WordPress articles are read on all cores first, keeping only
    // those that hold a suppression comment (an archive has tens of thousands of them).
    let raw_texts: BTreeMap<&str, String> = {
        use rayon::prelude::*;
        let mut files: Vec<&str> = corpus
            .documents
            .iter()
            .filter_map(|d| match d.format {
                DocFormat::Html => Some(d.path.as_str()),
                DocFormat::Wordpress => Some(split_post(&d.path).0),
                DocFormat::Text | DocFormat::Markdown => None,
            })
            .collect();
        files.sort_unstable();
        files.dedup();
        files
            .par_iter()
            .filter_map(|&f| {
                raw(f)
                    .filter(|t| t.contains(suppress::KEYWORD))
                    .map(|t| (f, t))
            })
            .collect::<Vec<_>>()
            .into_iter()
            .collect()
    };
    let raw = |path: &str| raw_texts.get(path).cloned();
    let mut wordpress: BTreeMap<String, Option<serde_json::Value>> = BTreeMap::new();
    for (i, d) in corpus.documents.iter().enumerate() {
        let doc_source = SourceId(i);
        let here = |span: Span, source: SourceId, db: &SourceDb<'_>| {
            db.clamp(source, span).map(|span| ItemLocation {
                source,
                span,
                label: "this comment".to_string(),
            })
        };
        match d.format {
            DocFormat::Text | DocFormat::Markdown => {
                if !d.text.contains("<!--") {
                    continue;
                }
                for s in suppress::scan_text(&d.text) {
                    out.push(FoundSuppression {
                        location: here(s.comment, doc_source, db),
                        inner: s,
                        doc: doc_source,
                    });
                }
            }
            DocFormat::Html => {
                let Some(text) = raw(&d.path) else { continue };
                if !text.contains(suppress::KEYWORD) {
                    continue;
                }
                let found = suppress::scan_html(&text, &d.text);
                // Notes point at the comment in the file itself.
                let file = db.add_other(d.path.clone(), text);
                for s in found {
                    out.push(FoundSuppression {
                        location: here(s.comment, file, db),
                        inner: s,
                        doc: doc_source,
                    });
                }
            }
            DocFormat::Wordpress => {
                // Posts of an array file are `file#N`; the file is read and parsed once.
                let (file, post) = split_post(&d.path);
                let posts = wordpress.entry(file.to_string()).or_insert_with(|| {
                    raw(file)
                        .filter(|t| t.contains(suppress::KEYWORD))
                        .and_then(|t| serde_json::from_str(&t).ok())
                });
                let Some(posts) = posts else { continue };
                for s in suppress::scan_wordpress(posts, post, &d.text) {
                    // The comment's place in the escaped JSON is not known: point at the
                    // paragraph it was meant for.
                    out.push(FoundSuppression {
                        location: s.paragraph.and_then(|p| here(p, doc_source, db)),
                        inner: s,
                        doc: doc_source,
                    });
                }
            }
        }
    }
    out
}

fn sort_items(items: &mut [Item]) {
    items.sort_by(|a, b| {
        let key = |i: &Item| {
            (
                i.locations.is_empty(),
                i.locations
                    .first()
                    .map(|l| (l.source, l.span.start, l.span.end)),
                i.rule,
                i.message.clone(),
                i.fingerprint.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
}

/// The file of a document path and, for the N-th post of a WordPress array file
/// (`posts.json#N`), its 1-based number: line-based formats annotate the file.
pub(crate) fn split_post(path: &str) -> (&str, Option<usize>) {
    match path.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
            (file, n.parse().ok())
        }
        _ => (path, None),
    }
}

/// How the human report looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours (only on a terminal, never with NO_COLOR).
    pub color: bool,
    /// Width the text is wrapped to.
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            width: 100,
        }
    }
}

/// Writes a report in `format`.
pub fn render(
    format: Format,
    report: &Report<'_>,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, style, out),
        Format::Json => json::render(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Github => github::render(report, out),
        Format::Concise => concise::render(report, out),
        Format::Html => html::render(report, out),
    }
}

/// Renders a report to a string (tests, `--output`).
pub fn render_to_string(format: Format, report: &Report<'_>, style: Style) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render(format, report, style, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The summary line: `3 documents, 42 claims: 1 error, 2 warnings, 0 notes (1 new, 2 baselined)`.
pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let mut line = format!(
        "{}, {}: {}, {}, {}",
        plural(s.documents, "document"),
        plural(s.claims, "claim"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note"),
    );
    if let (Some(new), Some(old)) = (s.new, s.baselined) {
        line.push_str(&format!(" ({new} new, {old} baselined)"));
    }
    line
}

/// Path and 1-based position of a location, for the line-oriented formats.
pub(crate) struct Position<'r> {
    /// Path of the file (`#N` of WordPress arrays removed for file-based formats by callers).
    pub path: &'r str,
    /// Start line and column (column in characters).
    pub start: (usize, usize),
    /// End line and column (exclusive column).
    pub end: (usize, usize),
    /// The exact text under the span.
    pub text: &'r str,
}

impl Report<'_> {
    /// The outlet of the document a location points into, when known.
    pub(crate) fn outlet_of(&self, l: &ItemLocation) -> Option<&str> {
        match self.sources.get(l.source)?.kind {
            SourceKind::Document(d) => self.documents.get(d)?.outlet.as_deref(),
            _ => None,
        }
    }

    /// Resolves a location to path, line/column and excerpt.
    pub(crate) fn position(&self, l: &ItemLocation) -> Option<Position<'_>> {
        let f = self.sources.get(l.source)?;
        Some(Position {
            path: &f.name,
            start: self.sources.line_col(l.source, l.span.start),
            end: self.sources.line_col(l.source, l.span.end),
            text: l.span.slice(&f.text),
        })
    }
}

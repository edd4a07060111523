//! Checking changed facts against a corpus (`--corpus DIR`).
//!
//! The corpus is read as `check` reads it, the edited article's new version is put in
//! place of the file it replaces (or added, when the corpus does not hold it), the whole
//! check pipeline runs, and only the findings that touch a changed fact of the new version
//! are kept: "the new date contradicts seeds/002". Findings that were there before the edit
//! and have nothing to do with it are not the editor's concern here.

use super::{ChangeKind, FactChange};
use crate::corpus::{self, Document, InputError, LoadOptions};
use crate::knowledge::Knowledge;
use crate::rules::{Severity, Source};
use crate::span::{DocId, Span};
use serde::Serialize;
use std::path::PathBuf;

/// A new version to check: its document, the files on disk it stands for, its changes.
#[derive(Debug, Clone)]
pub struct Target<'a> {
    /// Relative path in folder mode.
    pub path: Option<String>,
    /// The new version.
    pub doc: &'a Document,
    /// Files of the corpus this version replaces (the old and new files, when on disk).
    pub replaces: Vec<PathBuf>,
    /// What changed in it.
    pub changes: &'a [FactChange],
}

/// One place a corpus finding points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceOut {
    /// The document's path, or the rules file's.
    pub path: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text there.
    pub text: String,
    /// What the finding says is there.
    pub label: String,
}

/// A finding of the check pipeline that touches a changed fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CorpusFinding {
    /// Relative path of the article in folder mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Rule id.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// What disagrees.
    pub message: String,
    /// Primary location first, then the evidence.
    pub locations: Vec<PlaceOut>,
}

/// Runs the check pipeline over `corpus_paths` with every target in place, and returns
/// the findings that touch a changed fact of a target, with the problems met reading the
/// corpus.
pub fn check(
    corpus_paths: &[PathBuf],
    options: &LoadOptions,
    kb: &Knowledge,
    targets: &[Target<'_>],
) -> (Vec<CorpusFinding>, Vec<InputError>) {
    let mut corpus = corpus::load(corpus_paths, options);
    let problems = std::mem::take(&mut corpus.problems);
    let replaced: Vec<PathBuf> = targets
        .iter()
        .flat_map(|t| t.replaces.iter())
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    corpus.documents.retain(|d| {
        !std::path::Path::new(&d.path)
            .canonicalize()
            .is_ok_and(|p| replaced.contains(&p))
    });
    let mut touched: Vec<(DocId, &Target<'_>, Vec<Span>)> = Vec::new();
    for t in targets {
        let id = DocId(corpus.documents.len() as u32);
        let mut doc = t.doc.clone();
        doc.id = id;
        corpus.documents.push(doc);
        let spans = t
            .changes
            .iter()
            .filter(|c| c.change != ChangeKind::Removed)
            .filter_map(|c| c.new.as_ref())
            .flat_map(|s| std::iter::once(s.span()).chain(s.event))
            .collect();
        touched.push((id, t, spans));
    }
    for (i, d) in corpus.documents.iter_mut().enumerate() {
        d.id = DocId(i as u32);
    }
    let analysis = crate::pipeline::analyse(&corpus, kb);
    let mut out = Vec::new();
    for f in &analysis.findings {
        let hit = touched.iter().find(|(id, _, spans)| {
            f.locations.iter().any(|l| {
                l.source == Source::Document(*id)
                    && spans.iter().any(|s| s.overlaps(&l.span) || s == &l.span)
            })
        });
        let Some((_, target, _)) = hit else { continue };
        let locations = f
            .locations
            .iter()
            .map(|l| {
                let (path, text) = match l.source {
                    Source::Document(d) => corpus
                        .get(d)
                        .map(|d| (d.path.clone(), l.span.slice(&d.text).to_string()))
                        .unwrap_or_default(),
                    Source::Rules(i) => kb
                        .files
                        .get(i)
                        .map(|r| (r.path.clone(), l.span.slice(&r.text).to_string()))
                        .unwrap_or_default(),
                };
                PlaceOut {
                    path,
                    start: l.span.start,
                    end: l.span.end,
                    text,
                    label: l.label.clone(),
                }
            })
            .collect();
        out.push(CorpusFinding {
            path: target.path.clone(),
            rule: f.rule,
            severity: f.severity,
            message: f.message.clone(),
            locations,
        });
    }
    (out, problems)
}

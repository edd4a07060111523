//! `check DRAFT... --against ARCHIVE...`: the findings that involve at least one draft.
//!
//! The drafts are read (through the store, like any file); their claims give the keys
//! ([`super::keys`]) the archive's documents must share to meet them. The archive is
//! refreshed in the store (files that changed are read again) and only the documents that
//! share a key are loaded; resolution and the rules then run over drafts and those
//! documents, and only the findings that point into a draft are kept. Without a store the
//! whole archive is read and checked, and the findings filtered the same way.

use super::db::{Keys, Store, StoreOutcome};
use crate::corpus::{Corpus, LoadOptions};
use crate::knowledge::Knowledge;
use crate::pipeline::{self, Analysis, Timings};
use crate::span::DocId;
use std::path::{Path, PathBuf};

/// How far from the drafts the archive's documents are loaded: documents sharing a key
/// with a draft, and those sharing a key with them.
const HOPS: usize = 2;

/// Checks `drafts` against `archive` (files already collected, sorted). A file given as
/// both is a draft.
pub fn analyse(
    store: Option<Store>,
    drafts: &[PathBuf],
    archive: &[PathBuf],
    options: &LoadOptions,
    kb: &Knowledge,
    keep_texts: bool,
    timed: bool,
) -> (Corpus, Analysis, Timings) {
    let draft_set: rustc_hash::FxHashSet<&PathBuf> = drafts.iter().collect();
    let archive: Vec<PathBuf> = archive
        .iter()
        .filter(|f| !draft_set.contains(f))
        .cloned()
        .collect();
    let Some(mut store) = store else {
        return without_store(drafts, &archive, options, kb, keep_texts);
    };
    let t0 = std::time::Instant::now();
    let nothing = |_: u64| {};
    let drafted = store.load(drafts, options, kb, keep_texts, None, &nothing);
    let mut keys = Keys::default();
    for claims in &drafted.claims {
        keys.extend(super::keys::of(claims));
    }
    // The archive's rows are brought up to date first (files that changed are read again),
    // so the selection below sees every document's current keys.
    let refreshed = store.load(
        &archive,
        options,
        kb,
        keep_texts,
        Some((&Keys::default(), 0)),
        &nothing,
    );
    let archived = store.load(
        &archive,
        options,
        kb,
        keep_texts,
        Some((&keys, HOPS)),
        &nothing,
    );
    if timed {
        eprintln!(
            "factdiff: timings: --against: {} draft file(s); archive: {} files loaded, {} read and extracted, {} left out",
            drafts.len(),
            archived.reused,
            refreshed.extracted + archived.extracted,
            archived.skipped
        );
    }
    let mut archived = archived;
    archived.corpus.problems.extend(refreshed.corpus.problems);
    for n in drafted
        .notices
        .iter()
        .chain(&refreshed.notices)
        .chain(&archived.notices)
    {
        eprintln!("{n}");
    }
    let (mut corpus, claims, claims_read, is_draft) = merge(drafted, archived);
    let extracted = t0.elapsed().as_secs_f64();
    let (findings, mut timings) = pipeline::check_claims(
        &mut corpus,
        &claims,
        kb,
        options,
        keep_texts,
        Some(&is_draft),
    );
    timings.extract = extracted;
    (
        corpus,
        Analysis {
            claims,
            claims_read,
            findings,
        },
        timings,
    )
}

/// Drafts and archive documents in the order a check of all their files reads them.
fn merge(
    drafts: StoreOutcome,
    archive: StoreOutcome,
) -> (Corpus, Vec<Vec<crate::extract::Claim>>, usize, Vec<bool>) {
    let claims_read = drafts.claims_read + archive.claims_read;
    let mut all: Vec<_> = Vec::new();
    let mut problems = Vec::new();
    for (outcome, draft) in [(drafts, true), (archive, false)] {
        let StoreOutcome {
            corpus,
            claims,
            origin,
            ..
        } = outcome;
        problems.extend(corpus.problems);
        for ((doc, claims), origin) in corpus.documents.into_iter().zip(claims).zip(origin) {
            all.push((origin, doc, claims, draft));
        }
    }
    all.sort_by(|a, b| (Path::new(&a.0 .0), a.0 .1).cmp(&(Path::new(&b.0 .0), b.0 .1)));
    let mut corpus = Corpus {
        problems,
        ..Corpus::default()
    };
    let mut claims = Vec::with_capacity(all.len());
    let mut is_draft = Vec::with_capacity(all.len());
    for (_, mut doc, mut list, draft) in all {
        let id = DocId(u32::try_from(corpus.documents.len()).unwrap_or(u32::MAX));
        doc.id = id;
        for c in &mut list {
            c.doc = id;
        }
        corpus.documents.push(doc);
        claims.push(list);
        is_draft.push(draft);
    }
    (corpus, claims, claims_read, is_draft)
}

/// `--against` with `--no-cache` (or no usable store): everything read and checked.
fn without_store(
    drafts: &[PathBuf],
    archive: &[PathBuf],
    options: &LoadOptions,
    kb: &Knowledge,
    keep_texts: bool,
) -> (Corpus, Analysis, Timings) {
    let mut files: Vec<PathBuf> = drafts.iter().chain(archive).cloned().collect();
    files.sort();
    files.dedup();
    let draft_paths: rustc_hash::FxHashSet<String> = drafts
        .iter()
        .map(|f| crate::corpus::display_path(f))
        .collect();
    let (corpus, mut analysis, timings) = pipeline::analyse_paths(&files, options, kb, keep_texts);
    analysis.findings.retain(|f| {
        f.locations.iter().any(|l| match l.source {
            crate::rules::Source::Document(d) => corpus
                .get(d)
                .is_some_and(|doc| draft_paths.contains(file_of(&doc.path))),
            crate::rules::Source::Rules(_) => false,
        })
    });
    (corpus, analysis, timings)
}

/// The file of a document path (`feed.json#2` is in `feed.json`).
fn file_of(path: &str) -> &str {
    match path.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => path,
    }
}

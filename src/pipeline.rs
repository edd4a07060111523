//! The check pipeline end to end, as a library call: corpus in, claims and findings out.
//! The command line and the tests both go through here.

use crate::corpus::Corpus;
use crate::extract::{self, Claim};
use crate::knowledge::Knowledge;
use crate::rules::Finding;
use rayon::prelude::*;

/// Everything `check` learned about a corpus.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Claims per document, indexed like `corpus.documents`. After [`analyse_paths`] without
    /// texts, only the claims the rules read are kept (see [`needed_by_rules`]).
    pub claims: Vec<Vec<Claim>>,
    /// How many claims were read, before any were let go.
    pub claims_read: usize,
    /// Findings, sorted (by primary location, then rule, then message).
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// Total number of claims read.
    pub fn claim_count(&self) -> usize {
        self.claims_read
    }
}

/// Seconds spent in each stage of [`analyse_timed`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Extraction (all documents, in parallel).
    pub extract: f64,
    /// Resolution.
    pub resolve: f64,
    /// Rules.
    pub rules: f64,
}

/// Extracts, resolves and checks every document.
pub fn analyse(corpus: &Corpus, knowledge: &Knowledge) -> Analysis {
    analyse_timed(corpus, knowledge).0
}

/// Extracts every document (in parallel) and resolves the claims, without the rules: what
/// `factdiff events` shows.
pub fn extract_and_resolve(
    corpus: &Corpus,
    knowledge: &Knowledge,
) -> (Vec<Vec<Claim>>, crate::resolve::Resolved) {
    let claims: Vec<Vec<Claim>> = corpus
        .documents
        .par_iter()
        .map(|d| extract::extract(d, knowledge))
        .collect();
    let resolved = crate::resolve::resolve(corpus, &claims, knowledge);
    (claims, resolved)
}

/// [`analyse`], also returning how long each stage took (for `FACTDIFF_TIMINGS` and the
/// archive benchmark).
pub fn analyse_timed(corpus: &Corpus, knowledge: &Knowledge) -> (Analysis, Timings) {
    let t0 = std::time::Instant::now();
    let claims: Vec<Vec<Claim>> = corpus
        .documents
        .par_iter()
        .map(|d| extract::extract(d, knowledge))
        .collect();
    let t1 = std::time::Instant::now();
    let resolved = crate::resolve::resolve(corpus, &claims, knowledge);
    let t2 = std::time::Instant::now();
    let ctx = crate::rules::RuleContext {
        corpus,
        claims: &claims,
        resolved: &resolved,
        kb: knowledge,
    };
    let findings = crate::rules::run(&ctx);
    let t3 = std::time::Instant::now();
    let timings = Timings {
        extract: (t1 - t0).as_secs_f64(),
        resolve: (t2 - t1).as_secs_f64(),
        rules: (t3 - t2).as_secs_f64(),
    };
    let claims_read = claims.iter().map(Vec::len).sum();
    (
        Analysis {
            claims,
            claims_read,
            findings,
        },
        timings,
    )
}

/// Reads, extracts, resolves and checks every article under `paths`, reading and extracting
/// files in parallel. With `keep_texts` false, each article's text is dropped once its claims
/// are read, and read again afterwards only for the articles the findings point into: memory
/// then grows with the claims of an archive, not with its text.
pub fn analyse_paths(
    paths: &[std::path::PathBuf],
    options: &crate::corpus::LoadOptions,
    knowledge: &Knowledge,
    keep_texts: bool,
) -> (Corpus, Analysis, Timings) {
    analyse_paths_progress(paths, options, knowledge, keep_texts, &|_| {})
}

/// [`analyse_paths`], calling `progress` with 1 as each document is extracted (for a
/// progress bar).
pub fn analyse_paths_progress(
    paths: &[std::path::PathBuf],
    options: &crate::corpus::LoadOptions,
    knowledge: &Knowledge,
    keep_texts: bool,
    progress: &(dyn Fn(u64) + Sync),
) -> (Corpus, Analysis, Timings) {
    let t0 = std::time::Instant::now();
    let (mut corpus, counted) = crate::corpus::load_files_map(paths, options, keep_texts, |d| {
        progress(1);
        let mut claims = extract::extract(d, knowledge);
        let read = claims.len();
        // Without texts nobody lists every claim: keep what the rules read, in less memory.
        if !keep_texts {
            claims.retain(needed_by_rules);
            claims.shrink_to_fit();
        }
        (claims, read)
    });
    let claims_read = counted.iter().map(|(_, n)| n).sum();
    let mut claims: Vec<Vec<Claim>> = counted.into_iter().map(|(c, _)| c).collect();
    // Claims were read before their documents were numbered.
    for (doc, list) in corpus.documents.iter().zip(claims.iter_mut()) {
        for c in list.iter_mut() {
            c.doc = doc.id;
        }
    }
    let extracted = t0.elapsed().as_secs_f64();
    let (findings, mut timings) =
        check_claims(&mut corpus, &claims, knowledge, options, keep_texts, None);
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

/// Resolves and checks claims already read (from the texts, a claim store or claims
/// files), then reads again the texts of the documents the findings point into when they
/// were let go (a document whose file is gone keeps no text: its excerpts are left out).
/// With `drafts` (true per draft document), only the findings that point into a draft are
/// kept.
pub fn check_claims(
    corpus: &mut Corpus,
    claims: &[Vec<Claim>],
    knowledge: &Knowledge,
    options: &crate::corpus::LoadOptions,
    keep_texts: bool,
    drafts: Option<&[bool]>,
) -> (Vec<Finding>, Timings) {
    let t1 = std::time::Instant::now();
    let resolved = crate::resolve::resolve(corpus, claims, knowledge);
    let t2 = std::time::Instant::now();
    let ctx = crate::rules::RuleContext {
        corpus,
        claims,
        resolved: &resolved,
        kb: knowledge,
    };
    let mut findings = crate::rules::run(&ctx);
    if let Some(drafts) = drafts {
        findings.retain(|f| {
            f.locations.iter().any(|l| match l.source {
                crate::rules::Source::Document(d) => drafts.get(d.index()) == Some(&true),
                crate::rules::Source::Rules(_) => false,
            })
        });
    }
    let t3 = std::time::Instant::now();
    // Freeing millions of small allocations takes seconds on an archive: do it on a thread
    // of its own while the texts are read again and the report is written.
    std::thread::spawn(move || drop(resolved));
    if !keep_texts {
        reload_texts(corpus, &findings, options);
    }
    let timings = Timings {
        extract: 0.0,
        resolve: (t2 - t1).as_secs_f64(),
        rules: (t3 - t2).as_secs_f64(),
    };
    (findings, timings)
}

/// Reads again the texts of the documents `findings` point into.
pub fn reload_texts(
    corpus: &mut Corpus,
    findings: &[Finding],
    options: &crate::corpus::LoadOptions,
) {
    let mut wanted: Vec<usize> = findings
        .iter()
        .flat_map(|f| f.locations.iter())
        .filter_map(|l| match l.source {
            crate::rules::Source::Document(d) => Some(d.index()),
            crate::rules::Source::Rules(_) => None,
        })
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let wanted: rustc_hash::FxHashSet<usize> = wanted.into_iter().collect();
    corpus
        .documents
        .par_iter_mut()
        .enumerate()
        .filter(|(i, _)| wanted.contains(i))
        .for_each(|(_, doc)| {
            crate::corpus::reload_text(doc, options);
        });
}

/// True for the claims resolution and the rules read: people and their titles, ages and
/// origins, heads of bodies, events, quotations, offices, and dates with a weekday written
/// beside them.
/// Places, counts, ordinals and other dates live on in the events that carry them.
pub fn needed_by_rules(claim: &Claim) -> bool {
    use crate::extract::ClaimData;
    match &claim.data {
        ClaimData::Person { .. }
        | ClaimData::Title { .. }
        | ClaimData::Event(_)
        | ClaimData::Quote { .. }
        | ClaimData::Office { .. }
        | ClaimData::Age { .. }
        | ClaimData::Origin { .. } => true,
        ClaimData::Organisation { person, .. } => person.is_some(),
        ClaimData::Time { stated_weekday, .. } => stated_weekday.is_some(),
        ClaimData::Place { .. } | ClaimData::Ordinal { .. } | ClaimData::Count { .. } => false,
    }
}

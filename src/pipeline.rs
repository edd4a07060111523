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
    /// Claims per document, indexed like `corpus.documents`.
    pub claims: Vec<Vec<Claim>>,
    /// Findings, sorted (by primary location, then rule, then message).
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// Total number of claims.
    pub fn claim_count(&self) -> usize {
        self.claims.iter().map(Vec::len).sum()
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
    (Analysis { claims, findings }, timings)
}

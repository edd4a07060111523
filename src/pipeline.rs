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

/// Extracts, resolves and checks every document.
pub fn analyse(corpus: &Corpus, knowledge: &Knowledge) -> Analysis {
    let claims: Vec<Vec<Claim>> = corpus
        .documents
        .par_iter()
        .map(|d| extract::extract(d, knowledge))
        .collect();
    let resolved = crate::resolve::resolve(corpus, &claims, knowledge);
    let ctx = crate::rules::RuleContext {
        corpus,
        claims: &claims,
        resolved: &resolved,
        kb: knowledge,
    };
    let findings = crate::rules::run(&ctx);
    Analysis { claims, findings }
}

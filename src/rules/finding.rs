//! Findings: what a rule reports, as plain data. Every output format is rendered from these.

use crate::span::{DocId, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a run.
    Note,
    /// Probably wrong; never fails a run by default.
    Warning,
    /// A contradiction: fails the run (exit code 1).
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// What a location points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// An article of the corpus.
    Document(DocId),
    /// A rules file of the knowledge base (index into `Knowledge::files`).
    Rules(usize),
}

/// One place a finding points at, with a short label saying what is there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The text pointed into.
    pub source: Source,
    /// The bytes pointed at.
    pub span: Span,
    /// What this place says ("calls him Chief Executive Officer").
    pub label: String,
}

/// One contradiction or remark. The first location is the primary one: the claim that is
/// (probably) wrong; the others are the evidence it disagrees with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Kebab-case rule id.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// One sentence saying what disagrees.
    pub message: String,
    /// The canonical person, event or organisation the finding is about.
    pub subject: String,
    /// The disagreeing values, normalised (what the fingerprint is built from).
    pub values: Vec<String>,
    /// Primary location first, then the evidence.
    pub locations: Vec<Location>,
    /// What is known, and what to do.
    pub help: String,
}

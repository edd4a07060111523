//! What every rule reads: the corpus, its claims, the resolution and the knowledge base,
//! plus helpers for building findings from them.

use super::{Location, Source};
use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::knowledge::{FactRef, Knowledge, OrgId};
use crate::resolve::roles::Role;
use crate::resolve::Resolved;
use crate::span::{DocId, Span};

/// The input of every rule.
pub struct RuleContext<'a> {
    /// The articles.
    pub corpus: &'a Corpus,
    /// Claims per document.
    pub claims: &'a [Vec<Claim>],
    /// Resolution results.
    pub resolved: &'a Resolved,
    /// The knowledge base.
    pub kb: &'a Knowledge,
}

impl RuleContext<'_> {
    /// A location in an article.
    pub fn at(&self, doc: DocId, span: Span, label: impl Into<String>) -> Location {
        Location {
            source: Source::Document(doc),
            span,
            label: label.into(),
        }
    }

    /// A location in a rules file.
    pub fn at_rule(&self, fact: FactRef, label: impl Into<String>) -> Location {
        Location {
            source: Source::Rules(fact.file),
            span: fact.span,
            label: label.into(),
        }
    }

    /// The path of a document, for messages.
    pub fn path(&self, doc: DocId) -> &str {
        self.corpus.get(doc).map(|d| d.path.as_str()).unwrap_or("?")
    }

    /// "the Velmoran Coast Guard" / "the Arcadian Water Directorate (AWD)".
    pub fn org_label(&self, org: OrgId) -> String {
        let Some(o) = self.kb.organisations.get(org.0) else {
            return String::new();
        };
        let short = self.kb.org_abbreviation(org);
        match short {
            Some(s) => format!("the {} ({s})", o.name),
            None => format!("the {}", o.name),
        }
    }

    /// What a resolved role says, in words: "Head of Government", "head of the Velmoran Coast Guard".
    pub fn role_label(&self, role: &Role) -> String {
        let mut parts = Vec::new();
        if let Some(t) = role.title.and_then(|t| self.kb.titles.get(t.0)) {
            parts.push(t.label_in(role.country.as_deref()).to_string());
        }
        if !role.orgs.is_empty() {
            let orgs: Vec<String> = role.orgs.iter().map(|o| self.org_label(*o)).collect();
            parts.push(format!("head of {}", join_and(&orgs)));
        }
        parts.join(", ")
    }

    /// "Morocco's" for a country code.
    pub fn country_possessive(&self, code: Option<&str>) -> String {
        match code.and_then(|c| self.kb.country(c)) {
            Some(c) => format!("{}'s ", c.name),
            None => String::new(),
        }
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The last word of a name ("Ana Velmar" → "Velmar"), for short references.
pub fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

//! Rules: each checks one kind of contradiction over the resolved claims and reports
//! [`Finding`]s. One rule per file; the file's `//!` doc comment is what
//! `factdiff explain RULE` prints, so the documentation lives beside the code.

mod finding;

pub use finding::{Finding, Location, Severity, Source};

/// What a rule is, for `explain`, `rules`, SARIF `tool.driver.rules` and configuration.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    /// Kebab-case id used in reports, configuration and suppressions.
    pub id: &'static str,
    /// One line saying what the rule checks.
    pub summary: &'static str,
    /// Severity when the configuration says nothing.
    pub default_severity: Severity,
    /// Source text of the rule's file; its `//!` lines are the explanation.
    source: &'static str,
}

impl RuleMeta {
    /// The rule's documentation: its file's `//!` doc comment, as Markdown.
    pub fn explanation(&self) -> String {
        let mut out = String::new();
        for line in self.source.lines() {
            let Some(rest) = line.trim_start().strip_prefix("//!") else {
                if out.is_empty() {
                    continue;
                }
                break;
            };
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            out.push('\n');
        }
        out
    }
}

/// Every rule, sorted by id.
pub fn registry() -> &'static [RuleMeta] {
    REGISTRY
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    REGISTRY.iter().find(|r| r.id == id)
}

const REGISTRY: &[RuleMeta] = &[];

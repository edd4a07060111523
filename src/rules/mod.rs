//! Rules: each checks one kind of contradiction over the resolved claims and reports
//! [`Finding`]s. One rule per file; the file's `//!` doc comment is what
//! `factdiff explain RULE` prints, so the documentation lives beside the code.

mod context;
mod event_common;
mod finding;
mod person_common;
mod roles_common;

mod age_conflict;
mod conflicting_roles;
mod count_conflict;
mod event_date_conflict;
mod event_ordinal_conflict;
mod event_place_conflict;
mod name_spelling;
mod office_holder_conflict;
mod origin_conflict;
mod quote_conflict;
mod relative_date_conflict;
mod role_contradicts_knowledge;
mod title_holder_conflict;
mod weekday_mismatch;

pub use context::RuleContext;
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
    /// The check itself.
    check: fn(&RuleContext<'_>) -> Vec<Finding>,
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
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            // The first line is the id as a heading; `explain` prints the id itself.
            if out.is_empty() && rest.starts_with("# ") {
                continue;
            }
            if out.is_empty() && rest.is_empty() {
                continue;
            }
            out.push_str(rest);
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

macro_rules! rule {
    ($module:ident, $file:literal, $severity:ident, $summary:literal) => {
        RuleMeta {
            id: $module::ID,
            summary: $summary,
            default_severity: Severity::$severity,
            source: include_str!($file),
            check: $module::check,
        }
    };
}

/// Sorted by id.
const REGISTRY: &[RuleMeta] = &[
    rule!(
        age_conflict,
        "age_conflict.rs",
        Warning,
        "One person is given different ages"
    ),
    rule!(
        conflicting_roles,
        "conflicting_roles.rs",
        Warning,
        "One person is given roles one person cannot hold at once"
    ),
    rule!(
        count_conflict,
        "count_conflict.rs",
        Error,
        "One event is given different counts"
    ),
    rule!(
        event_date_conflict,
        "event_date_conflict.rs",
        Error,
        "One event is given different dates"
    ),
    rule!(
        event_ordinal_conflict,
        "event_ordinal_conflict.rs",
        Error,
        "One event is given different numbers in its series"
    ),
    rule!(
        event_place_conflict,
        "event_place_conflict.rs",
        Error,
        "One event is given different places"
    ),
    rule!(
        name_spelling,
        "name_spelling.rs",
        Note,
        "One person's name is spelled differently"
    ),
    rule!(
        office_holder_conflict,
        "office_holder_conflict.rs",
        Warning,
        "One office in one year is given to different holders"
    ),
    rule!(
        origin_conflict,
        "origin_conflict.rs",
        Warning,
        "One person is said to be from different places"
    ),
    rule!(
        quote_conflict,
        "quote_conflict.rs",
        Note,
        "One quotation has different wording or speakers"
    ),
    rule!(
        relative_date_conflict,
        "relative_date_conflict.rs",
        Error,
        "A relative date resolves to another day than another source gives"
    ),
    rule!(
        role_contradicts_knowledge,
        "role_contradicts_knowledge.rs",
        Error,
        "A title or body contradicts the knowledge base"
    ),
    rule!(
        title_holder_conflict,
        "title_holder_conflict.rs",
        Error,
        "A one-holder office is given to someone else than its holder"
    ),
    rule!(
        weekday_mismatch,
        "weekday_mismatch.rs",
        Error,
        "A weekday does not match its date"
    ),
];

/// Runs every rule and returns the findings sorted by primary location, rule and message.
pub fn run(ctx: &RuleContext<'_>) -> Vec<Finding> {
    // Rules are independent: they run on all cores, and their findings are gathered in
    // registry order, so the output does not depend on scheduling.
    use rayon::prelude::*;
    let per_rule: Vec<Vec<Finding>> = REGISTRY.par_iter().map(|r| (r.check)(ctx)).collect();
    let mut findings: Vec<Finding> = per_rule.into_iter().flatten().collect();
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            f.locations
                .first()
                .map(|l| (l.source, l.span.start, l.span.end))
        };
        key(a)
            .cmp(&key(b))
            .then(a.rule.cmp(b.rule))
            .then(a.message.cmp(&b.message))
    });
    findings
        .dedup_by(|a, b| a.rule == b.rule && a.message == b.message && a.locations == b.locations);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_and_documented() {
        let ids: Vec<&str> = registry().iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        for r in registry() {
            let doc = r.explanation();
            assert!(
                doc.contains("## When it fires"),
                "{} lacks documentation",
                r.id
            );
            assert!(
                !doc.starts_with('#') || doc.starts_with("##"),
                "{}: heading not stripped",
                r.id
            );
        }
    }
}

//! docs/rules.md is generated from the rules' own doc comments (the `//!` comment of each
//! file in `src/rules/`, which is also what `factdiff explain RULE` prints). This test builds
//! the page from the rule registry and fails when the file differs.
//!
//! Regenerate it with `UPDATE_DOCS=1 cargo test --test docs_rules`. Under CI (`CI` set, as
//! `.ci/run` does) the file is never written, only compared.

use factdiff::rules::{registry, RuleMeta};
use std::path::Path;

const PAGE: &str = "docs/rules.md";
const REGENERATE: &str = "UPDATE_DOCS=1 cargo test --test docs_rules";

/// The page as it must be.
fn expected() -> String {
    let mut out = String::new();
    out.push_str("# Rules\n\n");
    out.push_str(&format!(
        "<!-- Generated from the rules' doc comments (src/rules/*.rs) by tests/docs_rules.rs.\n     \
         Do not edit: change the doc comment, then run `{REGENERATE}`. -->\n\n"
    ));
    out.push_str(
        "Every rule factdiff checks, with the text `factdiff explain RULE` prints for it. \
         `factdiff rules` lists them with the knowledge loaded.\n\
         A rule's severity can be changed or the rule turned off per project with \
         `[severity]` in `factdiff.toml` ([configuration](writing-rules.md#configuration)).\n\
         Every rule has fixture articles in `tests/fixtures/RULE/`: `fires/` must report it, \
         `quiet/` must report no warning or error at all.\n\n",
    );
    out.push_str("| rule | default severity | checks |\n|---|---|---|\n");
    for r in registry() {
        out.push_str(&format!(
            "| [`{id}`](#{id}) | {sev} | {summary} |\n",
            id = r.id,
            sev = r.default_severity,
            summary = r.summary
        ));
    }
    out.push_str(
        "\nThe report adds notes of its own, which `[severity]` accepts too: \
         `unused-suppression` (a suppression comment or `[[ignore]]` entry that matches no \
         finding) and `stale-baseline-entry` (a baseline entry that matches no finding any \
         more); see [ci.md](ci.md).\n",
    );
    for r in registry() {
        out.push('\n');
        out.push_str(&section(r));
    }
    out
}

/// One rule: its id as a heading, its summary and default severity, and its explanation
/// with the headings one level down.
fn section(r: &RuleMeta) -> String {
    let mut out = format!(
        "## {}\n\n{}.\n\nDefault severity: **{}**.\n\n",
        r.id, r.summary, r.default_severity
    );
    let mut in_code = false;
    for line in r.explanation().trim_end().lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && line.starts_with('#') {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// True when running under CI, where the page must never be written.
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

#[test]
fn rules_page_matches_the_rules_doc_comments() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE);
    let want = expected();
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have == want {
        return;
    }
    let update = std::env::var_os("UPDATE_DOCS").is_some_and(|v| !v.is_empty() && v != "0");
    if update && !under_ci() {
        std::fs::write(&path, &want).unwrap();
        eprintln!("wrote {PAGE}");
        return;
    }
    let first = have
        .lines()
        .zip(want.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| have.lines().count().min(want.lines().count()));
    panic!(
        "{PAGE} is out of date with the rules' doc comments (first difference at line {}:\n  \
         file:     {:?}\n  expected: {:?}){}\nRegenerate it with `{REGENERATE}` and commit it.",
        first + 1,
        have.lines().nth(first).unwrap_or("<end of file>"),
        want.lines().nth(first).unwrap_or("<end of file>"),
        if update {
            "\nUPDATE_DOCS is ignored under CI: the file is only compared there."
        } else {
            ""
        }
    );
}

#[test]
fn every_section_is_what_explain_prints() {
    // The page is built from the library; `explain` must print the same text.
    for r in registry() {
        let out = assert_cmd::Command::cargo_bin("factdiff")
            .unwrap()
            .args(["explain", r.id])
            .output()
            .unwrap();
        assert!(out.status.success(), "explain {}", r.id);
        let printed = String::from_utf8(out.stdout).unwrap();
        let want = format!(
            "{} — {}\nDefault severity: {}\n\n{}\n",
            r.id,
            r.summary,
            r.default_severity,
            r.explanation().trim_end()
        );
        assert_eq!(printed, want, "explain {}", r.id);
        assert!(section(r).contains(r.explanation().lines().next().unwrap_or_default()));
    }
}

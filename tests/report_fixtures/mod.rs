//! Hand-made findings over tiny in-memory articles and a made-up rules file, shared by the
//! `report_*` tests. The rule ids are invented on purpose: the tests exercise the report,
//! whatever rules the registry holds.

#![allow(dead_code)] // Each test crate uses a different part of the fixtures.

use factdiff::config::Config;
use factdiff::corpus::{read_text, Corpus, LoadOptions};
use factdiff::knowledge::{Knowledge, RuleFile};
use factdiff::report::{self, Baseline, Options, Report};
use factdiff::rules::{Finding, Location, Severity, Source};
use factdiff::span::{DocId, Span};

/// First article: Markdown with front matter.
pub const A_MD: &str = "---
title: Talks in Examplia
date: 2024-03-01
source: Daily A
---

The 12th meeting of the joint council was held in Portville on 1 March 2024.

Jane Doe, the Prime Minister, attended with nine ministers.
";

/// Second article: plain text with a dateline.
pub const B_TXT: &str =
    "Portville, March 2, 2024 - The 13th meeting of the joint council took place in Portville.
Jane Doe, the President of the Council, opened the session.
";

/// The made-up rules file.
pub const RULES_TOML: &str = "# Made-up facts for the report tests.

[[country]]
code = \"XE\"
name = \"Examplia\"
source = \"invented for tests\"
";

/// Path of the rules file.
pub const RULES_PATH: &str = "rules/fake.toml";

/// A corpus of documents read from in-memory texts (ids in the given order).
pub fn corpus_of(docs: &[(&str, &str)]) -> Corpus {
    let mut corpus = Corpus::default();
    for (path, text) in docs {
        for mut d in read_text(path, text, &LoadOptions::default()).expect("fixture reads") {
            d.id = DocId(corpus.documents.len() as u32);
            corpus.documents.push(d);
        }
    }
    corpus
}

/// The two articles.
pub fn corpus() -> Corpus {
    corpus_of(&[("news/a.md", A_MD), ("news/b.txt", B_TXT)])
}

/// Knowledge holding only the made-up rules file.
pub fn knowledge() -> Knowledge {
    Knowledge::from_files(vec![RuleFile {
        path: RULES_PATH.to_string(),
        text: RULES_TOML.to_string(),
    }])
    .expect("fixture rules load")
}

/// Span of the `n`-th (0-based) occurrence of `needle` in `text`.
pub fn span_of(text: &str, needle: &str, n: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} not in text"))
        .0;
    Span::new(start, start + needle.len())
}

/// A location in document `doc` of `corpus` at the first occurrence of `needle`.
pub fn at(corpus: &Corpus, doc: u32, needle: &str, label: &str) -> Location {
    Location {
        source: Source::Document(DocId(doc)),
        span: span_of(&corpus.documents[doc as usize].text, needle, 0),
        label: label.to_string(),
    }
}

/// A location in the rules file at `needle`.
pub fn at_rules(kb: &Knowledge, needle: &str, label: &str) -> Location {
    Location {
        source: Source::Rules(0),
        span: span_of(&kb.files[0].text, needle, 0),
        label: label.to_string(),
    }
}

/// The ordinal disagreement between the two articles (an error).
pub fn ordinal_finding(corpus: &Corpus) -> Finding {
    Finding {
        rule: "fake-ordinal",
        severity: Severity::Error,
        message: "the joint council meeting is the 12th in one article and the 13th in another"
            .to_string(),
        subject: "joint council meeting, Portville, 2024-03-01".to_string(),
        values: vec!["12".to_string(), "13".to_string()],
        locations: vec![
            at(corpus, 1, "13th meeting", "calls it the 13th"),
            at(corpus, 0, "12th meeting", "calls it the 12th"),
        ],
        help: "check the organiser's numbering; one of the articles is off by one".to_string(),
    }
}

/// A title disagreeing with the rules file (a warning).
pub fn title_finding(corpus: &Corpus, kb: &Knowledge) -> Finding {
    Finding {
        rule: "fake-title",
        severity: Severity::Warning,
        message:
            "Jane Doe is called President of the Council, but the rules know her as Prime Minister"
                .to_string(),
        subject: "Jane Doe".to_string(),
        values: vec!["president of the council".to_string()],
        locations: vec![
            at(
                corpus,
                1,
                "the President of the Council",
                "calls her President of the Council",
            ),
            at_rules(kb, "name = \"Examplia\"", "what the rules say"),
        ],
        help: "if the rules are out of date, add the role to rules/people.toml".to_string(),
    }
}

/// A single-location remark (a note).
pub fn count_finding(corpus: &Corpus) -> Finding {
    Finding {
        rule: "fake-count",
        severity: Severity::Note,
        message: "nine ministers: no other article gives a count".to_string(),
        subject: "joint council meeting, Portville, 2024-03-01".to_string(),
        values: vec!["9".to_string()],
        locations: vec![at(corpus, 0, "nine ministers", "only here")],
        help: String::new(),
    }
}

/// The three findings.
pub fn findings(corpus: &Corpus, kb: &Knowledge) -> Vec<Finding> {
    vec![
        count_finding(corpus),
        title_finding(corpus, kb),
        ordinal_finding(corpus),
    ]
}

/// A raw-file reader that knows no file (plain text and Markdown need none).
pub fn no_raw(_: &str) -> Option<String> {
    None
}

/// Prepares a report with `config` and `baseline`.
pub fn prepare<'a>(
    corpus: &'a Corpus,
    kb: &'a Knowledge,
    findings: Vec<Finding>,
    config: &Config,
    baseline: Option<&Baseline>,
    show_baselined: bool,
) -> Report<'a> {
    report::prepare(
        corpus,
        kb,
        findings,
        &Options {
            config,
            baseline,
            show_baselined,
            claims: 7,
            raw: &no_raw,
        },
    )
}

/// Runs `f` with insta writing to the top-level `snapshots/` folder.
pub fn snapshots<R>(f: impl FnOnce() -> R) -> R {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_omit_expression(true);
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(f)
}

/// Runs the factdiff binary in `dir` (no colour) and returns standard output and the exit
/// code.
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> (String, i32) {
    // Checks here read the articles themselves: no claim store in the repository, and no
    // test that depends on one (tests/store.rs tests the store).
    let mut args = args.to_vec();
    if args.first() == Some(&"check") {
        args.insert(1, "--no-cache");
    }
    let out = assert_cmd::Command::cargo_bin("factdiff")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        out.status.code().unwrap_or(-1),
    )
}

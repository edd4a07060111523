//! The whole `check` path as a library, on articles written to disk: corpus loading, the
//! pipeline, then findings (hand-made here, so the test does not depend on which rules
//! exist) through `report::prepare` and `report::render`, with HTML suppressions read back
//! from the files.

use factdiff::config::Config;
use factdiff::corpus::{self, LoadOptions};
use factdiff::knowledge::Knowledge;
use factdiff::pipeline;
use factdiff::report::{self, render_to_string, Format, Options, Style};
use factdiff::rules::{Finding, Location, Severity, Source};
use factdiff::span::Span;
use serde_json::Value;
use std::fs;

const MD: &str = "---\ntitle: Summit\ndate: 2024-05-02\n---\n\nThe 8th summit opened in Portville on Thursday.\n";
const HTML: &str = "<!doctype html><html><head><title>Summit</title>\
<meta property=\"article:published_time\" content=\"2024-05-03\"></head><body><article>\
<p>The 9th summit opened in Portville.</p>\n\
<!-- factdiff-ignore fake-count: the release says so -->\n\
<p>Forty delegations attended.</p></article></body></html>";

fn locate(doc: &corpus::Document, needle: &str, label: &str) -> Location {
    let start = doc.text.find(needle).expect("needle in document");
    Location {
        source: Source::Document(doc.id),
        span: Span::new(start, start + needle.len()),
        label: label.into(),
    }
}

#[test]
fn end_to_end_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("news");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("a.md"), MD).unwrap();
    fs::write(root.join("b.html"), HTML).unwrap();

    let kb = Knowledge::load(&[]).expect("shipped rules load");
    let corpus = corpus::load(std::slice::from_ref(&root), &LoadOptions::default());
    assert!(corpus.problems.is_empty());
    let analysis = pipeline::analyse(&corpus, &kb);
    let (a, b) = (&corpus.documents[0], &corpus.documents[1]);
    assert!(a.path.ends_with("news/a.md") && b.path.ends_with("news/b.html"));

    let mut findings = analysis.findings;
    findings.push(Finding {
        rule: "fake-ordinal",
        severity: Severity::Error,
        message: "the summit is the 8th in one article and the 9th in another".into(),
        subject: "summit, Portville".into(),
        values: vec!["8".into(), "9".into()],
        locations: vec![
            locate(b, "9th summit", "calls it the 9th"),
            locate(a, "8th summit", "calls it the 8th"),
        ],
        help: "check the numbering".into(),
    });
    findings.push(Finding {
        rule: "fake-count",
        severity: Severity::Error,
        message: "forty delegations: no other article gives a count".into(),
        subject: "summit, Portville".into(),
        values: vec!["40".into()],
        locations: vec![locate(b, "Forty delegations", "only here")],
        help: String::new(),
    });
    // A location in a shipped rules file: excerpts come from the embedded text.
    let rules_file = &kb.files[0];
    let first_line = rules_file.text.lines().next().unwrap_or("");
    findings.push(Finding {
        rule: "fake-note",
        severity: Severity::Note,
        message: "the country of Portville is not known".into(),
        subject: "Portville".into(),
        values: vec![],
        locations: vec![
            locate(a, "Portville", "here"),
            Location {
                source: Source::Rules(0),
                span: Span::new(0, first_line.len()),
                label: "countries known".into(),
            },
        ],
        help: String::new(),
    });

    let config = Config::default();
    let report = report::prepare(
        &corpus,
        &kb,
        findings,
        &Options {
            config: &config,
            baseline: None,
            show_baselined: false,
            claims: analysis.claims.iter().map(Vec::len).sum(),
            raw: &report::read_from_disk,
        },
    );
    // The count in the HTML article is suppressed by the comment in the file on disk.
    let rules: Vec<_> = report.items.iter().map(|i| i.rule).collect();
    assert!(!rules.contains(&"fake-count"), "{rules:?}");
    assert!(rules.contains(&"fake-ordinal") && rules.contains(&"fake-note"));
    assert!(report.fails(), "an error-level finding fails the run");

    let json: Value =
        serde_json::from_str(&render_to_string(Format::Json, &report, Style::default())).unwrap();
    assert_eq!(json["documents"][1]["published"], "2024-05-03");
    let ordinal = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "fake-ordinal")
        .unwrap();
    assert_eq!(ordinal["locations"][0]["text"], "9th summit");
    assert_eq!(ordinal["locations"][1]["text"], "8th summit");
    let note = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "fake-note")
        .unwrap();
    assert_eq!(note["locations"][1]["path"], rules_file.path.as_str());
    assert_eq!(note["locations"][1]["text"], first_line);
    let human = render_to_string(Format::Human, &report, Style::default());
    assert!(
        human.contains(&format!("╭─[{}:1:1]", rules_file.path)),
        "{human}"
    );
}

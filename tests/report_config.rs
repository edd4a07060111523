//! What configuration and suppression comments do to a report: severities, `[[ignore]]`,
//! trusted sources and outlet names, inline suppressions in Markdown and HTML, and the notes
//! about suppressions that matched nothing.

mod report_fixtures;

use factdiff::config::{Config, Level};
use factdiff::report::{self, render_to_string, Format, Options, Style};
use factdiff::rules::Severity;
use report_fixtures::*;
use serde_json::Value;
use std::path::Path;

fn config(text: &str) -> Config {
    Config::parse("factdiff.toml", text, Path::new("/nonexistent-project")).expect("config parses")
}

#[test]
fn severities_override_and_switch_off() {
    let c = corpus();
    let kb = knowledge();
    let mut cfg = Config::default();
    cfg.severity.insert("fake-title".into(), Level::Off);
    cfg.severity
        .insert("fake-count".into(), Level::Severity(Severity::Error));
    cfg.severity
        .insert("fake-ordinal".into(), Level::Severity(Severity::Warning));
    let report = prepare(&c, &kb, findings(&c, &kb), &cfg, None, false);
    let got: Vec<_> = report.items.iter().map(|i| (i.rule, i.severity)).collect();
    assert_eq!(
        got,
        vec![
            ("fake-count", Severity::Error),
            ("fake-ordinal", Severity::Warning)
        ]
    );
    assert!(report.fails(), "a note raised to error fails the run");
    assert_eq!((report.summary.errors, report.summary.warnings), (1, 1));
}

#[test]
fn ignore_entries_and_unused_ones() {
    let c = corpus();
    let kb = knowledge();
    let plain = prepare(&c, &kb, findings(&c, &kb), &Config::default(), None, false);
    let ordinal_fp = plain
        .items
        .iter()
        .find(|i| i.rule == "fake-ordinal")
        .unwrap()
        .fingerprint
        .clone();
    let text = format!(
        "[[ignore]]\nfingerprint = \"{ordinal_fp}\"\nreason = \"the organiser renumbered\"\n\n\
         [[ignore]]\nfingerprint = \"0000000000000000\"\nreason = \"an old finding\"\n"
    );
    let mut cfg = config(&text);
    // A rule/subject entry (built directly: the made-up rule id is not in the registry).
    cfg.ignores.push(factdiff::config::Ignore {
        target: factdiff::config::IgnoreTarget::RuleSubject {
            rule: "fake-title".into(),
            subject: "JANE  doe".into(),
        },
        reason: "she holds both titles".into(),
        span: 0..0,
    });
    let report = prepare(&c, &kb, findings(&c, &kb), &cfg, None, false);
    let rules: Vec<_> = report.items.iter().map(|i| i.rule).collect();
    assert_eq!(rules, vec!["fake-count", "unused-suppression"]);
    assert!(!report.fails());
    let json: Value =
        serde_json::from_str(&render_to_string(Format::Json, &report, Style::default())).unwrap();
    let unused = &json["findings"][1];
    assert_eq!(unused["severity"], "note");
    assert!(unused["message"]
        .as_str()
        .unwrap()
        .contains("0000000000000000"));
    // The note points into the configuration file, at the unused entry.
    let loc = &unused["locations"][0];
    assert_eq!(loc["path"], "factdiff.toml");
    assert_eq!(loc["line"], 5);
    assert!(loc["text"]
        .as_str()
        .unwrap()
        .starts_with("[[ignore]]\nfingerprint = \"0000"));
}

#[test]
fn trusted_source_wins() {
    let c = corpus();
    let kb = knowledge();
    // b.txt is trusted: the ordinal finding's primary (b.txt) moves behind a.md's location.
    let cfg = config("[[source]]\npath = \"news/b.txt\"\nname = \"Wire B\"\ntrusted = true\n");
    let report = prepare(&c, &kb, vec![ordinal_finding(&c)], &cfg, None, false);
    let paths: Vec<_> = report.items[0]
        .locations
        .iter()
        .map(|l| report.sources.get(l.source).unwrap().name.to_string())
        .collect();
    assert_eq!(paths, vec!["news/a.md", "news/b.txt"]);
    // a.md trusted instead: already the evidence, nothing moves.
    let cfg = config("[[source]]\npath = \"news/a.md\"\ntrusted = true\n");
    let report = prepare(&c, &kb, vec![ordinal_finding(&c)], &cfg, None, false);
    let first = report.items[0].locations[0].source;
    assert_eq!(report.sources.get(first).unwrap().name, "news/b.txt");
}

#[test]
fn outlet_names_come_from_config_or_metadata() {
    let c = corpus();
    let kb = knowledge();
    let cfg = config("[[source]]\noutlet = \"daily a\"\nname = \"The Daily A\"\n");
    let report = prepare(&c, &kb, vec![], &cfg, None, false);
    assert_eq!(report.documents[0].outlet.as_deref(), Some("The Daily A"));
    assert_eq!(report.documents[1].outlet, None);
    let report = prepare(&c, &kb, vec![], &Config::default(), None, false);
    assert_eq!(report.documents[0].outlet.as_deref(), Some("Daily A"));
}

const SUPPRESSED_MD: &str = "# Talks

<!-- factdiff-ignore fake-ordinal: primary is in the other article, so unused -->
The 12th meeting of the joint council was held in Portville.

<!-- factdiff-ignore fake-count: the count is from the official release -->
Jane Doe attended with nine ministers.

<!-- factdiff-ignore fake-count -->
Nine ministers again.
";

#[test]
fn markdown_suppressions() {
    let c = corpus_of(&[("news/a.md", SUPPRESSED_MD), ("news/b.txt", B_TXT)]);
    let kb = knowledge();
    let mut again = count_finding(&c);
    again.locations[0] = at(&c, 0, "Nine ministers again", "here");
    let report = prepare(
        &c,
        &kb,
        vec![count_finding(&c), ordinal_finding(&c), again],
        &Config::default(),
        None,
        false,
    );
    let got: Vec<_> = report
        .items
        .iter()
        .map(|i| (i.rule, i.message.clone()))
        .collect();
    // The count in the second paragraph is suppressed; the comment without a reason does not
    // suppress and is reported; the ordinal comment matched nothing (its finding's primary
    // location is in b.txt).
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got
        .iter()
        .any(|(r, m)| *r == "fake-count" && m.contains("nine ministers")));
    assert!(got.iter().any(|(r, _)| *r == "fake-ordinal"));
    let notes: Vec<_> = got
        .iter()
        .filter(|(r, _)| *r == "unused-suppression")
        .collect();
    assert_eq!(notes.len(), 2);
    assert!(notes.iter().any(|(_, m)| m.contains("has no reason")));
    assert!(notes.iter().any(|(_, m)| m.contains("`fake-ordinal`")));
    let human = render_to_string(Format::Human, &report, Style::default());
    snapshots(|| insta::assert_snapshot!("human_unused_suppressions", human));
}

#[test]
fn html_suppressions_read_the_raw_file() {
    let raw = "<html><head><title>C</title></head><body><p>Intro.</p>\n\
               <!-- factdiff-ignore fake-count: from the official release -->\n\
               <p>Jane Doe led <b>nine ministers</b>.</p>\n\
               <!-- factdiff-ignore fake-ordinal: nothing here -->\n<p>Closing words.</p></body></html>";
    let c = corpus_of(&[("news/c.html", raw)]);
    let kb = knowledge();
    let finding = {
        let mut f = count_finding(&c);
        f.locations = vec![at(&c, 0, "nine ministers", "here")];
        f
    };
    let reader = |path: &str| (path == "news/c.html").then(|| raw.to_string());
    let cfg = Config::default();
    let report = report::prepare(
        &c,
        &kb,
        vec![finding],
        &Options {
            config: &cfg,
            baseline: None,
            show_baselined: false,
            claims: 0,
            raw: &reader,
        },
    );
    assert_eq!(report.items.len(), 1, "{:#?}", report.items);
    let note = &report.items[0];
    assert_eq!(note.rule, "unused-suppression");
    // The unused comment is pointed at in the HTML file itself.
    let json: Value =
        serde_json::from_str(&render_to_string(Format::Json, &report, Style::default())).unwrap();
    let loc = &json["findings"][0]["locations"][0];
    assert_eq!(loc["path"], "news/c.html");
    assert_eq!(loc["line"], 4);
    assert_eq!(
        loc["text"],
        "<!-- factdiff-ignore fake-ordinal: nothing here -->"
    );
}

#[test]
fn report_notes_can_be_switched_off() {
    let c = corpus_of(&[("news/a.md", SUPPRESSED_MD)]);
    let kb = knowledge();
    let cfg = config("[severity]\nunused-suppression = \"off\"\n");
    let report = prepare(&c, &kb, vec![], &cfg, None, false);
    assert!(report.items.is_empty(), "{:#?}", report.items);
}

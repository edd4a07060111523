//! Fingerprints and baselines through the library entry points: fingerprints survive edits
//! that keep a finding's meaning, and a baseline written today marks tomorrow's findings
//! new, unchanged or stale.

mod report_fixtures;

use factdiff::config::Config;
use factdiff::corpus::Corpus;
use factdiff::report::{self, render_to_string, Baseline, BaselineState, Format, Report, Style};
use factdiff::rules::{Finding, Severity};
use report_fixtures::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// The articles after an edit that changes no fact: a line inserted above everything, the
/// paragraphs of the first article swapped (a sentence moved), the second reflowed.
fn edited_corpus() -> Corpus {
    let a = A_MD.replace(
        "---\n\nThe 12th",
        "---\n\nEditor's note: this article\nwas updated.\n\nThe 12th",
    );
    let (head, body) = a.split_at(a.find("The 12th").unwrap());
    let mut paragraphs: Vec<&str> = body.trim_end().split("\n\n").collect();
    paragraphs.swap(0, 1);
    let a = format!("{head}{}\n", paragraphs.join("\n\n"));
    let b = B_TXT
        .replace(
            " of the joint council took place",
            "\n   of  the joint   council took place",
        )
        .replace(", opened the session.", ",\n\topened    the session.");
    corpus_of(&[("news/a.md", &a), ("news/b.txt", &b)])
}

fn fingerprints(report: &Report<'_>) -> BTreeMap<&'static str, String> {
    report
        .items
        .iter()
        .map(|i| (i.rule, i.fingerprint.clone()))
        .collect()
}

fn plain(corpus: &Corpus, findings: Vec<Finding>) -> BTreeMap<&'static str, String> {
    let kb = knowledge();
    fingerprints(&prepare(
        corpus,
        &kb,
        findings,
        &Config::default(),
        None,
        false,
    ))
}

#[test]
fn fingerprints_survive_edits_that_keep_the_meaning() {
    let kb = knowledge();
    let before = corpus();
    let after = edited_corpus();
    // The edit really moved every location.
    let line = |c: &Corpus, doc: usize, needle: &str| {
        factdiff::span::line_col(
            &c.documents[doc].text,
            c.documents[doc].text.find(needle).unwrap(),
        )
        .0
    };
    assert_ne!(
        line(&before, 0, "12th meeting"),
        line(&after, 0, "12th meeting")
    );
    assert_ne!(
        line(&before, 0, "nine ministers"),
        line(&after, 0, "nine ministers")
    );
    assert_ne!(
        line(&before, 1, "the President of the Council"),
        line(&after, 1, "the President of the Council")
    );
    let a = plain(&before, findings(&before, &kb));
    let b = plain(&after, findings(&after, &kb));
    assert_eq!(a.len(), 3);
    assert_eq!(a, b);
}

#[test]
fn fingerprints_change_with_the_meaning() {
    let kb = knowledge();
    let c = corpus();
    let base = plain(&c, findings(&c, &kb))["fake-ordinal"].clone();
    let mut other_value = ordinal_finding(&c);
    other_value.values[1] = "14".to_string();
    assert_ne!(plain(&c, vec![other_value])["fake-ordinal"], base);
    let mut other_subject = ordinal_finding(&c);
    other_subject.subject = "another meeting".to_string();
    assert_ne!(plain(&c, vec![other_subject])["fake-ordinal"], base);
    // Fewer documents involved: another finding.
    let mut one_doc = ordinal_finding(&c);
    one_doc.locations.truncate(1);
    assert_ne!(plain(&c, vec![one_doc])["fake-ordinal"], base);
    // Message and severity are wording, not meaning.
    let mut reworded = ordinal_finding(&c);
    reworded.message = "numbering differs".to_string();
    reworded.severity = Severity::Warning;
    assert_eq!(plain(&c, vec![reworded])["fake-ordinal"], base);
}

#[test]
fn equal_meanings_get_distinct_stable_fingerprints() {
    let kb = knowledge();
    let c = corpus();
    let first = count_finding(&c);
    let mut second = count_finding(&c);
    second.locations[0] = at(&c, 0, "Jane Doe", "here too");
    let ab = prepare(
        &c,
        &kb,
        vec![first.clone(), second.clone()],
        &Config::default(),
        None,
        false,
    );
    let ba = prepare(
        &c,
        &kb,
        vec![second, first],
        &Config::default(),
        None,
        false,
    );
    let pairs = |r: &Report<'_>| {
        let mut v: Vec<(String, String)> = r
            .items
            .iter()
            .map(|i| (i.locations[0].label.clone(), i.fingerprint.clone()))
            .collect();
        v.sort();
        v
    };
    let p = pairs(&ab);
    assert_ne!(p[0].1, p[1].1);
    assert_eq!(p, pairs(&ba));
}

/// Today's findings → baseline text → loaded baseline.
fn baseline_of(corpus: &Corpus, findings: Vec<Finding>) -> Baseline {
    let kb = knowledge();
    let report = prepare(corpus, &kb, findings, &Config::default(), None, false);
    let text = report::baseline::to_text(&report.baseline_entries());
    Baseline::parse("ci/baseline.json", text).expect("written baseline parses")
}

#[test]
fn baseline_file_is_readable_and_sorted() {
    let kb = knowledge();
    let c = corpus();
    let b = baseline_of(&c, findings(&c, &kb));
    snapshots(|| insta::assert_snapshot!("baseline_file", b.text));
    let v: Value = serde_json::from_str(&b.text).unwrap();
    assert_eq!(v["version"], 1);
    let entries = v["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    for e in entries {
        for key in [
            "rule",
            "subject",
            "values",
            "paths",
            "fingerprint",
            "message",
        ] {
            assert!(e.get(key).is_some(), "{key}");
        }
    }
    let mut sorted = b.entries.clone();
    sorted.sort();
    assert_eq!(sorted, b.entries);
    assert_eq!(
        entries
            .iter()
            .find(|e| e["rule"] == "fake-ordinal")
            .unwrap()["paths"],
        serde_json::json!(["news/a.md", "news/b.txt"])
    );
}

#[test]
fn baseline_round_trip_new_unchanged_stale() {
    let kb = knowledge();
    let before = corpus();
    let baseline = baseline_of(&before, findings(&before, &kb));

    // After an edit: the ordinal error and the note remain, the title warning is fixed, and a
    // new error appears.
    let after = edited_corpus();
    let mut new_error = ordinal_finding(&after);
    new_error.rule = "fake-place";
    new_error.message =
        "the meeting is in Portville in one article and elsewhere in another".into();
    new_error.values = vec!["portville".into(), "elsewhere".into()];
    let todays = vec![
        ordinal_finding(&after),
        count_finding(&after),
        new_error.clone(),
    ];

    let report = prepare(
        &after,
        &kb,
        todays.clone(),
        &Config::default(),
        Some(&baseline),
        false,
    );
    let states: Vec<(&str, Option<BaselineState>)> =
        report.items.iter().map(|i| (i.rule, i.baseline)).collect();
    assert_eq!(
        states,
        vec![
            ("fake-place", Some(BaselineState::New)),
            ("stale-baseline-entry", Some(BaselineState::Absent)),
        ],
        "baselined findings are hidden; the fixed one is listed as stale"
    );
    assert_eq!(report.summary.new, Some(1));
    assert_eq!(report.summary.baselined, Some(2));
    assert!(report.fails(), "a new error fails the run");
    let stale = &report.items[1];
    assert_eq!(stale.severity, Severity::Note);
    assert!(stale.message.contains("fake-title"), "{}", stale.message);
    snapshots(|| {
        insta::assert_snapshot!(
            "human_with_baseline",
            render_to_string(Format::Human, &report, Style::default())
        )
    });

    // Only baselined errors: the run passes.
    let report = prepare(
        &after,
        &kb,
        vec![ordinal_finding(&after), count_finding(&after)],
        &Config::default(),
        Some(&baseline),
        false,
    );
    assert!(!report.fails());
    assert!(report
        .items
        .iter()
        .all(|i| i.rule == "stale-baseline-entry"));

    // --show-baselined keeps them, marked unchanged, in every machine format.
    let report = prepare(
        &after,
        &kb,
        todays,
        &Config::default(),
        Some(&baseline),
        true,
    );
    let json: Value =
        serde_json::from_str(&render_to_string(Format::Json, &report, Style::default())).unwrap();
    let by_rule = |rule: &str| {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap()
            .clone()
    };
    assert_eq!(by_rule("fake-ordinal")["baseline"], "unchanged");
    assert_eq!(by_rule("fake-count")["baseline"], "unchanged");
    assert_eq!(by_rule("fake-place")["baseline"], "new");
    assert_eq!(json["summary"]["new"], 1);
    assert_eq!(json["summary"]["baselined"], 2);
    assert!(report.fails());
    let sarif: Value =
        serde_json::from_str(&render_to_string(Format::Sarif, &report, Style::default())).unwrap();
    let states: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["baselineState"].as_str().unwrap())
        .collect();
    assert!(states.contains(&"new") && states.contains(&"unchanged") && states.contains(&"absent"));
    let human = render_to_string(Format::Human, &report, Style::default());
    assert!(human.contains("(baselined)"));
    assert!(human.ends_with("(1 new, 2 baselined)\n"), "{human}");
}

#[test]
fn entries_are_counted() {
    // Two identical findings and a baseline holding one: one stays new.
    let kb = knowledge();
    let c = corpus();
    let baseline = baseline_of(&c, vec![count_finding(&c)]);
    let mut twin = count_finding(&c);
    twin.locations[0] = at(&c, 0, "Jane Doe", "again");
    let report = prepare(
        &c,
        &kb,
        vec![count_finding(&c), twin],
        &Config::default(),
        Some(&baseline),
        true,
    );
    let mut states: Vec<_> = report.items.iter().map(|i| i.baseline).collect();
    states.sort();
    assert_eq!(
        states,
        vec![Some(BaselineState::New), Some(BaselineState::Unchanged)]
    );
}

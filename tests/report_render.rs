//! Every output format of `check`, rendered from hand-made findings over two tiny articles
//! and a made-up rules file: snapshots of the exact text, plus assertions on the structure
//! the contracts promise.

mod report_fixtures;

use factdiff::config::Config;
use factdiff::report::{render_to_string, Format, Style};
use report_fixtures::*;
use serde_json::Value;

fn rendered(format: Format) -> String {
    let corpus = corpus();
    let kb = knowledge();
    let report = prepare(
        &corpus,
        &kb,
        findings(&corpus, &kb),
        &Config::default(),
        None,
        false,
    );
    render_to_string(format, &report, Style::default())
}

#[test]
fn human_shows_both_articles_in_one_diagnostic() {
    let text = rendered(Format::Human);
    snapshots(|| insta::assert_snapshot!("human_two_files", text));
    // The ordinal error: one diagnostic with a box per article, each with its own header.
    let error = text
        .split("\n\n")
        .find(|block| block.contains("fake-ordinal"))
        .map(|_| {
            let start = text.find("fake-ordinal").unwrap();
            let end = text[start..]
                .find("fake-title")
                .map_or(text.len(), |e| start + e);
            &text[start..end]
        })
        .expect("ordinal diagnostic");
    assert!(error.contains("[news/a.md:7:5]"), "{error}");
    assert!(error.contains("[news/b.txt:1:32]"), "{error}");
    assert!(error.contains("calls it the 12th"));
    assert!(error.contains("calls it the 13th"));
    assert!(error.contains("help: check the organiser's numbering"));
    // The title warning points into the rules file too.
    assert!(text.contains(&format!("[{RULES_PATH}:5:1]")), "{text}");
    assert!(text.contains("what the rules say"));
    assert!(text.ends_with("2 documents, 7 claims: 1 error, 1 warning, 1 note\n"));
    assert!(!text.contains('\u{1b}'), "no colour outside a terminal");
}

#[test]
fn human_with_colour_uses_ansi() {
    let corpus = corpus();
    let kb = knowledge();
    let report = prepare(
        &corpus,
        &kb,
        findings(&corpus, &kb),
        &Config::default(),
        None,
        false,
    );
    let text = render_to_string(
        Format::Human,
        &report,
        Style {
            color: true,
            width: 100,
        },
    );
    assert!(text.contains('\u{1b}'));
}

#[test]
fn json_contract() {
    let text = rendered(Format::Json);
    snapshots(|| insta::assert_snapshot!("json_report", text));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["documents"][0]["path"], "news/a.md");
    assert_eq!(v["documents"][0]["title"], "Talks in Examplia");
    assert_eq!(v["documents"][0]["published"], "2024-03-01");
    assert_eq!(v["documents"][1]["title"], Value::Null);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 3);
    for f in findings {
        for key in [
            "rule",
            "severity",
            "message",
            "subject",
            "values",
            "locations",
            "help",
            "fingerprint",
        ] {
            assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
        }
        assert!(
            f.get("baseline").is_none(),
            "no baseline state without a baseline"
        );
    }
    // `text` is exactly the slice start..end of the file at `path`.
    let corpus = corpus();
    let kb = knowledge();
    for f in findings {
        for l in f["locations"].as_array().unwrap() {
            let path = l["path"].as_str().unwrap();
            let text = if path == RULES_PATH {
                kb.files[0].text.as_str()
            } else {
                corpus
                    .documents
                    .iter()
                    .find(|d| d.path == path)
                    .unwrap()
                    .text
                    .as_str()
            };
            let (s, e) = (
                l["start"].as_u64().unwrap() as usize,
                l["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(l["text"], text[s..e], "{l}");
            assert!(l["line"].as_u64().unwrap() >= 1 && l["column"].as_u64().unwrap() >= 1);
        }
    }
    let ordinal = findings
        .iter()
        .find(|f| f["rule"] == "fake-ordinal")
        .unwrap();
    assert_eq!(ordinal["severity"], "error");
    assert_eq!(ordinal["locations"][0]["path"], "news/b.txt");
    assert_eq!(ordinal["locations"][0]["text"], "13th meeting");
    let title = findings.iter().find(|f| f["rule"] == "fake-title").unwrap();
    assert_eq!(title["locations"][1]["path"], RULES_PATH);
    assert_eq!(
        v["summary"],
        serde_json::json!({"documents": 2, "claims": 7, "errors": 1, "warnings": 1, "notes": 1})
    );
}

#[test]
fn sarif_structure() {
    let text = rendered(Format::Sarif);
    snapshots(|| {
        // The crate version changes with every release: not part of the snapshot.
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["runs"][0]["tool"]["driver"]["version"] = "[version]".into();
        v["runs"][0]["tool"]["driver"]["semanticVersion"] = "[version]".into();
        insta::assert_json_snapshot!("sarif_report", v)
    });
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &v["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "factdiff");
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex points at the rule");
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(rules[index][key]["text"].is_string(), "{key}");
        }
        assert!(rules[index]["defaultConfiguration"]["level"].is_string());
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(r["message"]["text"].is_string());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].is_string());
        for key in [
            "startLine",
            "startColumn",
            "endLine",
            "endColumn",
            "charOffset",
            "charLength",
        ] {
            assert!(loc["region"][key].is_u64(), "region.{key}");
        }
        assert!(loc["region"]["snippet"]["text"].is_string());
        assert_eq!(r["partialFingerprints"].as_object().unwrap().len(), 1);
        assert!(r.get("baselineState").is_none());
    }
    let ordinal = results
        .iter()
        .find(|r| r["ruleId"] == "fake-ordinal")
        .unwrap();
    assert_eq!(ordinal["level"], "error");
    let related = ordinal["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 1);
    assert_eq!(
        related[0]["physicalLocation"]["artifactLocation"]["uri"],
        "news/a.md"
    );
    assert_eq!(related[0]["message"]["text"], "calls it the 12th");
    let region = &ordinal["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["snippet"]["text"], "13th meeting");
    assert_eq!(region["startLine"], 1);
    assert_eq!(region["startColumn"], 32);
    assert_eq!(region["endColumn"], 44);
    assert_eq!(region["charLength"], 12);
}

#[test]
fn github_commands() {
    let text = rendered(Format::Github);
    snapshots(|| insta::assert_snapshot!("github_report", text));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "one command per finding");
    for line in &lines {
        let ok = ["::error ", "::warning ", "::notice "]
            .iter()
            .any(|p| line.starts_with(p));
        assert!(ok, "{line}");
        // Properties before the `::` separator: no raw newline, comma or colon inside values.
        let props = &line[2..line[2..].find("::").unwrap() + 2];
        for p in props.split_once(' ').unwrap().1.split(',') {
            let (k, v) = p.split_once('=').unwrap();
            assert!(
                ["file", "line", "col", "endLine", "endColumn", "title"].contains(&k),
                "{k}"
            );
            assert!(!v.contains(':') && !v.contains(','), "{p}");
        }
    }
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::error file=news/b.txt,line=1,col=32,")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::notice file=news/a.md,line=9,")));
}

#[test]
fn concise_lines() {
    let text = rendered(Format::Concise);
    snapshots(|| insta::assert_snapshot!("concise_report", text));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.contains(
        &"news/b.txt:1:32: error[fake-ordinal] the joint council meeting is the 12th in one article and the 13th in another"
    ));
    assert!(lines[0].starts_with("news/a.md:9:"));
}

#[test]
fn output_is_deterministic_whatever_the_finding_order() {
    let corpus = corpus();
    let kb = knowledge();
    let mut reversed = findings(&corpus, &kb);
    reversed.reverse();
    let a = prepare(
        &corpus,
        &kb,
        findings(&corpus, &kb),
        &Config::default(),
        None,
        false,
    );
    let b = prepare(&corpus, &kb, reversed, &Config::default(), None, false);
    for format in [
        Format::Human,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Concise,
    ] {
        assert_eq!(
            render_to_string(format, &a, Style::default()),
            render_to_string(format, &b, Style::default()),
            "{format:?}"
        );
    }
}

#[test]
fn out_of_range_spans_are_clamped() {
    let corpus = corpus();
    let kb = knowledge();
    let mut f = count_finding(&corpus);
    f.locations[0].span = factdiff::span::Span::new(10_000, 20_000);
    let report = prepare(&corpus, &kb, vec![f], &Config::default(), None, false);
    let human = render_to_string(Format::Human, &report, Style::default());
    assert!(human.contains("only here"), "{human}");
    assert!(!human.contains("Failed to read"), "{human}");
    let v: Value =
        serde_json::from_str(&render_to_string(Format::Json, &report, Style::default())).unwrap();
    let l = &v["findings"][0]["locations"][0];
    let len = corpus.documents[0].text.len() as u64;
    assert_eq!(l["end"], len);
    assert_eq!(l["start"], len - 1);
}

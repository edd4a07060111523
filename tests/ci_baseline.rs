//! The CI workflow on the demo corpus: a baseline keeps today's contradictions, survives
//! edits that do not change what a finding means, and lets only new ones fail the run.

mod report_fixtures;

use std::path::Path;

fn factdiff(dir: &Path, args: &[&str]) -> (String, i32) {
    report_fixtures::run_in(dir, args)
}

fn copy_seeds(to: &Path) {
    let seeds = to.join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), seeds.join(e.file_name())).unwrap();
    }
}

#[test]
fn baseline_keeps_old_findings_and_fails_on_new_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    copy_seeds(dir);
    let (_, code) = factdiff(
        dir,
        &[
            "check",
            "seeds",
            "--baseline",
            "baseline.json",
            "--update-baseline",
        ],
    );
    assert_eq!(code, 0);
    let (_, code) = factdiff(dir, &["check", "seeds", "--baseline", "baseline.json"]);
    assert_eq!(code, 0, "everything is baselined");

    // Lines added above and sentences re-spaced: the findings mean the same.
    let a = dir.join("seeds/000_23ca72f7ff823418.txt");
    let text = std::fs::read_to_string(&a).unwrap();
    let edited = format!(
        "Editor's note: this article was updated.\nEditor's note: a second note.\n\n{}",
        text.replace(". ", ".  ")
    );
    std::fs::write(&a, edited).unwrap();
    let b = dir.join("seeds/002_d78f789a1650cdbc.txt");
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(&b, text.replace(", ", ",\n")).unwrap();
    let (out, code) = factdiff(
        dir,
        &[
            "check",
            "seeds",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        code, 0,
        "edits that keep the facts keep the baseline: {out}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["new"], 0);

    // A new article with a fresh contradiction: exit 1, and only its findings are new.
    std::fs::write(
        dir.join("seeds/005_new.txt"),
        "Rabat, May 3, 2025 - Interior Minister Nasser Bourita received the Spanish delegation.\n",
    )
    .unwrap();
    let (out, code) = factdiff(
        dir,
        &[
            "check",
            "seeds",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "--show-baselined",
        ],
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let new: Vec<&serde_json::Value> = findings.iter().filter(|f| f["baseline"] == "new").collect();
    assert!(!new.is_empty());
    for f in &new {
        assert_eq!(
            f["locations"][0]["path"], "seeds/005_new.txt",
            "only the new article's findings are new: {f}"
        );
    }
    assert!(findings.iter().any(|f| f["baseline"] == "unchanged"));
}

#[test]
fn sarif_and_github_formats_on_the_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (out, code) = factdiff(root, &["check", "seeds/", "--format", "sarif"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "factdiff");
    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 2);
    for r in results {
        assert!(r["ruleId"].is_string());
        assert!(r["message"]["text"].is_string());
        assert!(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].is_string());
        assert!(r["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64());
        assert!(r["partialFingerprints"].is_object());
    }
    let rule_ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    for r in results {
        assert!(rule_ids.contains(&r["ruleId"].as_str().unwrap()));
    }

    let (out, _) = factdiff(root, &["check", "seeds/", "--format", "github"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty());
    for l in lines {
        let ok = ["::error ", "::warning ", "::notice "]
            .iter()
            .any(|p| l.starts_with(p))
            && l.contains("file=")
            && l.contains("::");
        assert!(ok, "not a workflow command: {l}");
    }
}

//! `factdiff check` as a user runs it: exit codes, formats, configuration discovery, baseline
//! files on disk.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

/// An article with no date, number or name: nothing a rule could disagree with.
const ARTICLE: &str = "# Council meets\n\nMembers of the council met to discuss the budget.\n";

/// A folder with one harmless article in `news/`.
fn project() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("news")).unwrap();
    fs::write(dir.path().join("news/a.md"), ARTICLE).unwrap();
    dir
}

fn factdiff(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factdiff").unwrap();
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env("CI", "true");
    cmd
}

#[test]
fn clean_corpus_exits_0() {
    let dir = project();
    factdiff(dir.path())
        .args(["check", "news"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 document, "))
        .stdout(predicate::str::contains("0 errors"));
}

#[test]
fn missing_path_exits_2() {
    let dir = project();
    factdiff(dir.path())
        .args(["check", "news", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope: no such file or folder"));
}

#[test]
fn folder_without_articles_exits_2_and_says_what_is_read() {
    let dir = project();
    fs::create_dir_all(dir.path().join("photos")).unwrap();
    fs::write(dir.path().join("photos/cover.jpg"), b"not an article").unwrap();
    factdiff(dir.path())
        .args(["check", "news", "photos"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "photos: no article files in this folder",
        ))
        .stderr(predicate::str::contains(".txt, .md, .html and .json"));
}

#[test]
fn bad_config_exits_2_and_points_into_the_file() {
    let dir = project();
    fs::write(
        dir.path().join("custom.toml"),
        "exclude = []\nbaselin = \"b.json\"\n",
    )
    .unwrap();
    factdiff(dir.path())
        .args(["check", "news", "--config", "custom.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("custom.toml"))
        .stderr(predicate::str::contains("baselin"))
        .stderr(predicate::str::contains("2 │ baselin"));
}

#[test]
fn discovered_config_is_validated() {
    let dir = project();
    fs::write(
        dir.path().join("factdiff.toml"),
        "[severity]\nno-such-rule = \"off\"\n",
    )
    .unwrap();
    factdiff(dir.path())
        .args(["check", "news"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `no-such-rule`"));
    // Found from a parent too.
    factdiff(&dir.path().join("news"))
        .args(["check", "."])
        .assert()
        .code(2);
}

#[test]
fn missing_config_file_exits_2() {
    let dir = project();
    factdiff(dir.path())
        .args(["check", "news", "--config", "absent.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("absent.toml"));
}

#[test]
fn missing_baseline_exits_2() {
    let dir = project();
    factdiff(dir.path())
        .args(["check", "news", "--baseline", "base.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("baseline file not found"));
    // The configured default baseline too.
    fs::write(
        dir.path().join("factdiff.toml"),
        "baseline = \"ci/base.json\"\n",
    )
    .unwrap();
    factdiff(dir.path())
        .args(["check", "news"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("base.json"));
}

#[test]
fn update_baseline_writes_it_and_exits_0() {
    let dir = project();
    factdiff(dir.path())
        .args([
            "check",
            "news",
            "--baseline",
            "base.json",
            "--update-baseline",
        ])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("base.json"));
    let text = fs::read_to_string(dir.path().join("base.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    assert!(v["findings"].is_array());
    // The baseline now exists: a normal run compares with it.
    let out = factdiff(dir.path())
        .args([
            "check",
            "news",
            "--baseline",
            "base.json",
            "--format",
            "json",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        v["summary"]["new"], 0,
        "everything found is in the fresh baseline"
    );
    assert!(v["summary"]["baselined"].is_u64());
}

#[test]
fn update_baseline_needs_a_file() {
    let dir = project();
    factdiff(dir.path())
        .args(["check", "news", "--update-baseline"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--baseline"));
}

#[test]
fn invalid_baseline_exits_2() {
    let dir = project();
    fs::write(
        dir.path().join("base.json"),
        "{\"version\": 1, \"findings\": 3}",
    )
    .unwrap();
    factdiff(dir.path())
        .args(["check", "news", "--baseline", "base.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a factdiff baseline"));
}

#[test]
fn machine_formats() {
    let dir = project();
    let run = |format: &str| {
        factdiff(dir.path())
            .args(["check", "news", "--format", format])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone()
    };
    let v: Value = serde_json::from_slice(&run("json")).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["documents"][0]["path"], "news/a.md");
    assert_eq!(v["summary"]["documents"], 1);
    let v: Value = serde_json::from_slice(&run("sarif")).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["runs"][0]["results"].is_array());
    for format in ["github", "concise"] {
        let out = String::from_utf8(run(format)).unwrap();
        for line in out.lines() {
            if format == "github" {
                assert!(regex_like_github(line), "not a workflow command: {line}");
            }
        }
    }
}

/// `^::(error|warning|notice) ` without a regex dependency.
fn regex_like_github(line: &str) -> bool {
    ["::error ", "::warning ", "::notice "]
        .iter()
        .any(|p| line.starts_with(p))
}

#[test]
fn output_file() {
    let dir = project();
    factdiff(dir.path())
        .args([
            "check",
            "news",
            "--format",
            "json",
            "--output",
            "report.json",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
    let v: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
}

#[test]
fn config_excludes_paths() {
    let dir = project();
    fs::create_dir_all(dir.path().join("news/drafts")).unwrap();
    fs::write(dir.path().join("news/drafts/d.md"), ARTICLE).unwrap();
    fs::write(dir.path().join("news/b.tmp.md"), ARTICLE).unwrap();
    let documents = |dir: &Path| {
        let out = factdiff(dir)
            .args(["check", "news", "--format", "json"])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let v: Value = serde_json::from_slice(&out).unwrap();
        v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["path"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(documents(dir.path()).len(), 3);
    fs::write(
        dir.path().join("factdiff.toml"),
        "exclude = [\"news/drafts\", \"*.tmp.md\"]\n",
    )
    .unwrap();
    assert_eq!(documents(dir.path()), vec!["news/a.md"]);
}

#[test]
fn exit_zero_and_bad_date() {
    let dir = project();
    factdiff(dir.path())
        .args(["check", "news", "--exit-zero"])
        .assert()
        .code(0);
    factdiff(dir.path())
        .args(["check", "news", "--date", "23/04/2025"])
        .assert()
        .code(2);
}

#[test]
fn help_documents_exit_codes() {
    let dir = project();
    factdiff(dir.path())
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Exit codes:"))
        .stdout(predicate::str::contains("--exit-zero"));
}

//! `factdiff diff` end to end: the binary runs on fixture copies of seed 001 (edited by hand
//! under `tests/fixtures/diff/`), on two folders and on a throw-away git repository. Paths
//! are relative to the package root (the working directory of `cargo test`), so output and
//! snapshots are the same on every machine.

use std::path::Path;
use std::process::Command;

const SEED: &str = "seeds/001_174dd7450cfba0a3.txt";
const FIXTURES: &str = "tests/fixtures/diff";

/// Runs `factdiff diff` in `dir` and returns its exit code, stdout and stderr. Output is piped, so
/// human output is plain; `NO_COLOR` is set as well so a terminal could not change that.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .arg("diff")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("factdiff runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn run(args: &[&str]) -> (i32, String, String) {
    run_in(Path::new("."), args)
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn snapshot(name: &str, value: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_omit_expression(true);
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, value));
}

/// Runs human and JSON output of one comparison, checks the exit code of both and
/// snapshots them as `diff__NAME` and `diff__NAME_json`; returns the parsed JSON.
fn both(name: &str, args: &[&str], code: i32) -> serde_json::Value {
    let (c, human, err) = run(args);
    assert_eq!(c, code, "{args:?}: stderr {err}");
    snapshot(&format!("diff__{name}"), &human);
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let (c, json, err) = run(&json_args);
    assert_eq!(c, code, "{json_args:?}: stderr {err}");
    snapshot(&format!("diff__{name}_json"), &json);
    serde_json::from_str(&json).expect("valid JSON")
}

/// (change, kind, old value, new value) of every change.
fn summary(v: &serde_json::Value) -> Vec<(String, String, String, String)> {
    let s = |x: &serde_json::Value| x.as_str().unwrap_or("").to_string();
    v["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            (
                s(&c["change"]),
                s(&c["kind"]),
                s(&c["old"]["value"]),
                s(&c["new"]["value"]),
            )
        })
        .collect()
}

fn tuple(change: &str, kind: &str, old: &str, new: &str) -> (String, String, String, String) {
    (change.into(), kind.into(), old.into(), new.into())
}

#[test]
fn an_article_against_itself_changes_nothing() {
    let v = both("same", &[SEED, SEED], 0);
    assert_eq!(summary(&v), []);
}

#[test]
fn ordinal_and_place_changed() {
    let v = both(
        "ordinal_place",
        &[SEED, &fixture("001_ordinal_place.txt")],
        1,
    );
    assert_eq!(
        summary(&v),
        [
            tuple("changed", "ordinal", "21", "22"),
            tuple("changed", "place", "Madrid", "Rabat")
        ]
    );
    for c in v["changes"].as_array().expect("changes") {
        assert_eq!(
            c["subject"],
            "meeting of Moroccan-Spanish Permanent Joint Migration Group"
        );
    }
}

#[test]
fn rewording_without_new_facts_changes_nothing() {
    let v = both("reworded", &[SEED, &fixture("001_reworded.txt")], 0);
    assert_eq!(summary(&v), []);
}

#[test]
fn attendee_removed() {
    let v = both(
        "attendee_removed",
        &[SEED, &fixture("001_attendee_removed.txt")],
        1,
    );
    assert_eq!(
        summary(&v),
        [
            tuple("removed", "title", "Moroccan Ambassador in Madrid", ""),
            tuple("removed", "attendee", "Karima Benyaich", "")
        ]
    );
}

#[test]
fn date_moved() {
    // The seed says "on 22 and 23 June"; this copy writes the date in full so the time
    // grammar reads it (see `date_range_moved` for the seed's own wording).
    let v = both(
        "date_moved",
        &[&fixture("001_dated.txt"), &fixture("001_dated_moved.txt")],
        1,
    );
    assert_eq!(
        summary(&v),
        [tuple("changed", "time", "2023-06-22", "2023-06-29")]
    );
    assert_eq!(v["changes"][0]["subject"], "thematic meeting");
}

#[test]
fn date_range_moved() {
    let (code, out, _) = run(&[SEED, &fixture("001_date_moved.txt"), "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("\"changed\"") && out.contains("-06-29"),
        "{out}"
    );
}

#[test]
fn folders_pair_articles_by_relative_path() {
    let v = both(
        "folders",
        &[&fixture("folders/old"), &fixture("folders/new")],
        1,
    );
    let paths: Vec<(&str, &str, &str)> = v["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            (
                c["path"].as_str().unwrap_or(""),
                c["change"].as_str().unwrap_or(""),
                c["kind"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        paths,
        [
            ("2024/commission.md", "changed", "time"),
            ("summit.md", "added", "article"),
            ("visit.txt", "removed", "article")
        ]
    );
}

#[test]
fn changed_facts_are_checked_against_the_corpus() {
    let (old, new, corpus) = (
        fixture("folders/old/2024/commission.md"),
        fixture("folders/new/2024/commission.md"),
        fixture("corpus"),
    );
    let v = both("corpus", &[&old, &new, "--corpus", &corpus], 1);
    let findings = v["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["rule"], "event-date-conflict");
    assert_eq!(
        findings[0]["locations"][1]["path"],
        "tests/fixtures/diff/corpus/report.md"
    );
}

#[test]
fn unchanged_facts_are_not_checked_against_the_corpus() {
    let old = fixture("folders/old/2024/commission.md");
    let (code, out, err) = run(&[
        &old,
        &old,
        "--corpus",
        &fixture("corpus"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["findings"], serde_json::json!([]));
}

#[test]
fn trouble_exits_2() {
    let (code, _, err) = run(&[SEED, "tests/fixtures/diff/no-such-file.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such file"), "{err}");
    let (code, _, err) = run(&[SEED, &fixture("folders/new")]);
    assert_eq!(code, 2);
    assert!(err.contains("compare two files or two folders"), "{err}");
    let (code, _, _) = run(&[SEED]);
    assert_eq!(code, 2);
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=factdiff tests",
            "-c",
            "user.email=tests@example.com",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn git_revisions() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let repo = tmp.path().join("repo");
    std::fs::create_dir_all(repo.join("articles")).expect("mkdir");
    let seed = std::fs::read_to_string(SEED).expect("seed");
    let file = repo.join("articles/meeting.txt");
    std::fs::write(&file, &seed).expect("write");
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "first"]);
    std::fs::write(&file, seed.replace("its 21st meeting", "its 22nd meeting")).expect("write");

    // REV PATH: the revision against the working file, from the repository root...
    let (code, out, err) = run_in(&repo, &["HEAD", "articles/meeting.txt"]);
    assert_eq!(code, 1, "{err}");
    snapshot("diff__git", &out);
    // ...and from anywhere, with the path leading into the work tree.
    let (code, out, err) = run_in(
        tmp.path(),
        &["HEAD", "repo/articles/meeting.txt", "--format", "json"],
    );
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["old"], "HEAD:repo/articles/meeting.txt");
    assert_eq!(summary(&v), [tuple("changed", "ordinal", "21", "22")]);

    // REV1 REV2 PATH.
    git(&repo, &["commit", "-q", "-a", "-m", "second"]);
    let (code, out, err) = run_in(
        &repo,
        &["HEAD~1", "HEAD", "articles/meeting.txt", "--format", "json"],
    );
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        (v["old"].as_str(), v["new"].as_str()),
        (
            Some("HEAD~1:articles/meeting.txt"),
            Some("HEAD:articles/meeting.txt")
        )
    );
    let (code, _, err) = run_in(&repo, &["HEAD", "articles/meeting.txt"]);
    assert_eq!(code, 0, "{err}");
    // A folder at a revision.
    let (code, out, err) = run_in(&repo, &["HEAD~1", "articles", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("\"path\": \"meeting.txt\""), "{out}");

    // Unknown revision, path not in the revision.
    let (code, _, err) = run_in(&repo, &["no-such-rev", "articles/meeting.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown revision"), "{err}");
    std::fs::write(
        repo.join("articles/new.txt"),
        "Rabat, March 4, 2024 - A new article.",
    )
    .expect("write");
    let (code, _, err) = run_in(&repo, &["HEAD", "articles/new.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("not in HEAD"), "{err}");

    // Outside a repository (the ceiling keeps git from finding one above the temp dir).
    let outside = tmp.path().join("plain");
    std::fs::create_dir_all(&outside).expect("mkdir");
    std::fs::write(outside.join("a.txt"), &seed).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(["diff", "HEAD", "a.txt"])
        .current_dir(&outside)
        .env("GIT_CEILING_DIRECTORIES", tmp.path())
        .output()
        .expect("factdiff runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not inside a git repository"));
}

#[test]
fn vague_words_are_not_facts() {
    // "recently" and "now" removed, an attribution dropped: nothing a reader relies on.
    let (code, out, err) = run(&[
        &fixture("vague/old.txt"),
        &fixture("vague/reworded.txt"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["changes"].as_array().map(Vec::len), Some(0), "{out}");
}

#[test]
fn ordinal_and_city_changed_are_the_only_changes() {
    let (code, out, err) = run(&[
        &fixture("vague/old.txt"),
        &fixture("vague/moved.txt"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let kinds: Vec<&str> = v["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, ["ordinal", "place"], "{out}");
}

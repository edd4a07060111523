//! A baseline written for another folder: none of its entries can match (fingerprints hold
//! the documents' paths), so `check` says on standard error, in one line, what to do.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

/// An invented article with a weekday that does not match its date (an error finding).
const WRONG_WEEKDAY: &str =
    "Portville, March 6, 2025 - The council met on Monday, March 4, 2025, to vote the budget.\n";

/// An invented article with nothing a rule could disagree with.
const HARMLESS: &str = "The council of Portville met to discuss the budget.\n";

fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("factdiff")
        .unwrap()
        .current_dir(dir)
        .env("CI", "true")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// Two folders, `desk-a/` and `desk-b/`, each with a wrong weekday, and a baseline written
/// for `desk-a/` only.
fn two_desks() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for desk in ["desk-a", "desk-b"] {
        let dir = tmp.path().join(desk);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("budget.txt"), WRONG_WEEKDAY).unwrap();
        fs::write(dir.join("notes.txt"), HARMLESS).unwrap();
    }
    let (_, err, code) = run(
        tmp.path(),
        &[
            "check",
            "desk-a",
            "--baseline",
            "a.json",
            "--update-baseline",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote 1 finding(s)"), "{err}");
    tmp
}

fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains("warning: baseline"))
        .collect()
}

#[test]
fn baseline_of_another_folder_is_named_with_the_command_that_regenerates_it() {
    let tmp = two_desks();
    let (out, err, code) = run(tmp.path(), &["check", "desk-b", "--baseline", "a.json"]);
    assert_eq!(code, 1, "the finding of desk-b is new: {out}");
    let lines = warnings(&err);
    assert_eq!(lines.len(), 1, "one line: {err}");
    let line = lines[0];
    assert!(line.contains("baseline a.json"), "{line}");
    assert!(line.contains("e.g. desk-a/budget.txt"), "{line}");
    assert!(
        line.contains("`factdiff check desk-b --baseline a.json --update-baseline`"),
        "{line}"
    );
    // The entry is stale, as before: the warning only says why.
    assert!(out.contains("stale-baseline-entry"), "{out}");

    // Running the command it gives silences it, and the run passes.
    let (_, err, code) = run(
        tmp.path(),
        &[
            "check",
            "desk-b",
            "--baseline",
            "a.json",
            "--update-baseline",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (_, err, code) = run(tmp.path(), &["check", "desk-b", "--baseline", "a.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(warnings(&err).is_empty(), "{err}");
}

#[test]
fn baseline_of_the_checked_folder_gives_no_warning() {
    let tmp = two_desks();
    let (_, err, code) = run(tmp.path(), &["check", "desk-a", "--baseline", "a.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(warnings(&err).is_empty(), "{err}");
    // Checking a wider folder that holds it, or both folders, is no other folder either.
    let (_, err, _) = run(
        tmp.path(),
        &["check", "desk-b", "desk-a", "--baseline", "a.json"],
    );
    assert!(warnings(&err).is_empty(), "{err}");
    let (_, err, _) = run(tmp.path(), &["check", ".", "--baseline", "a.json"]);
    assert!(warnings(&err).is_empty(), "{err}");
}

#[test]
fn checking_some_files_of_the_folder_gives_no_warning() {
    // A pre-commit hook passes the changed articles only: the baseline's paths are in the
    // same folder, so this is not another folder, even when the finding is not among them.
    let tmp = two_desks();
    let (_, err, code) = run(
        tmp.path(),
        &["check", "desk-a/notes.txt", "--baseline", "a.json"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(warnings(&err).is_empty(), "{err}");
}

#[test]
fn baseline_written_from_another_working_folder_is_named() {
    // Written as `desk-a/...`, checked from inside desk-a: the paths no longer agree.
    let tmp = two_desks();
    let (_, err, code) = run(
        &tmp.path().join("desk-a"),
        &["check", ".", "--baseline", "../a.json"],
    );
    assert_eq!(code, 1, "{err}");
    let lines = warnings(&err);
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].contains("e.g. desk-a/budget.txt"), "{}", lines[0]);
}

#[test]
fn empty_baseline_gives_no_warning() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("desk")).unwrap();
    fs::write(tmp.path().join("desk/notes.txt"), HARMLESS).unwrap();
    fs::write(
        tmp.path().join("empty.json"),
        "{\"version\":1,\"findings\":[]}\n",
    )
    .unwrap();
    let (_, err, code) = run(tmp.path(), &["check", "desk", "--baseline", "empty.json"]);
    assert_eq!(code, 0, "{err}");
    assert!(warnings(&err).is_empty(), "{err}");
}

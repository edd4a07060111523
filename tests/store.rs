//! The claim store and claims that travel (issue 14): a check through the store, of claims
//! files, or of drafts against an archive gives the findings of a plain check; a store that
//! is stale, foreign, corrupt, shared or cannot be written never changes them.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs factdiff in `dir`; gives standard output, standard error and the exit code.
fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .env("FACTDIFF_TIMINGS", "1")
        .output()
        .expect("runs");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
        out.status.code().unwrap_or(-1),
    )
}

/// Standard output and exit code of a check with the given arguments.
fn check(dir: &Path, args: &[&str]) -> (String, i32) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let (out, _, code) = run(dir, &all);
    (out, code)
}

/// Files reused from the store and files read, as the timings line says.
fn reuse(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.contains("claim store:") && l.contains("reused"))
        .unwrap_or_else(|| panic!("no store line in {stderr}"));
    let numbers: Vec<usize> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

/// A copy of `tests/fixtures` (every input format, every rule's fixtures) in a new folder.
fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("tests/fixtures"), &dir.path().join("corpus"));
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The findings of a JSON report.
fn findings(json: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    v["findings"].as_array().cloned().unwrap_or_default()
}

/// Sets the modification time of every file under `dir` to an hour ago: files just written
/// are checked by content, older ones by size and time.
fn backdate(dir: &Path) {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            backdate(&p);
        } else {
            fs::File::options()
                .write(true)
                .open(&p)
                .unwrap()
                .set_modified(past)
                .unwrap();
        }
    }
}

#[test]
fn second_check_reuses_every_file_and_reports_the_same() {
    let dir = fixture_copy();
    let d = dir.path();
    backdate(&d.join("corpus"));
    let (plain, plain_code) = check(d, &["corpus", "--format", "json", "--no-cache"]);
    let (_, first_err, _) = run(d, &["check", "corpus", "--format", "json"]);
    let (second, second_err, code) = run(d, &["check", "corpus", "--format", "json"]);
    assert_eq!(second, plain);
    assert_eq!(code, plain_code);
    let (reused, read) = reuse(&first_err);
    assert_eq!(reused, 0);
    assert!(read > 0);
    assert_eq!(reuse(&second_err).1, 0, "{second_err}");
    // Nothing changed: the findings themselves are reused.
    assert!(second_err.contains("findings reused"), "{second_err}");
    // One article changed: read again, and the findings computed again.
    let file = d.join("corpus/name-spelling/fires/a.txt");
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("\nPedro Sanchez spoke again on Friday.\n");
    fs::write(&file, text).unwrap();
    let (plain, _) = check(d, &["corpus", "--format", "json", "--no-cache"]);
    let (third, third_err, _) = run(d, &["check", "corpus", "--format", "json"]);
    assert_eq!(third, plain);
    assert_eq!(reuse(&third_err).1, 1, "{third_err}");
    assert!(!third_err.contains("findings reused"), "{third_err}");
    assert!(d.join(".factdiff_cache/claims.sqlite").is_file());
    for format in ["human", "concise", "sarif", "html"] {
        let (a, _) = check(d, &["corpus", "--format", format, "--no-cache"]);
        let (b, _) = check(d, &["corpus", "--format", format]);
        assert_eq!(a, b, "{format}");
    }
}

#[test]
fn a_changed_article_is_read_again() {
    let dir = fixture_copy();
    let d = dir.path();
    let _ = run(d, &["check", "corpus"]);
    let file = d.join("corpus/weekday-mismatch/fires/a.txt");
    let text = fs::read_to_string(&file).unwrap();
    // Same length, same modification time: only the content hash can tell.
    let changed = text
        .replacen("Monday", "Friday", 1)
        .replacen("Tuesday", "Sunday", 1);
    assert_ne!(changed, text);
    let mtime = fs::metadata(&file).unwrap().modified().unwrap();
    fs::write(&file, &changed).unwrap();
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let (plain, _) = check(d, &["corpus", "--format", "json", "--no-cache"]);
    let (cached, err, _) = run(d, &["check", "corpus", "--format", "json"]);
    assert_eq!(cached, plain);
    assert!(reuse(&err).1 >= 1, "{err}");
}

#[test]
fn other_rules_or_another_version_never_reuse_claims() {
    let dir = fixture_copy();
    let d = dir.path();
    let _ = run(d, &["check", "corpus"]);
    // Other rules: a rules folder of one more (harmless) file.
    fs::create_dir_all(d.join("more")).unwrap();
    fs::write(d.join("more/extra.toml"), "# nothing new\n").unwrap();
    let (plain, _) = check(d, &["corpus", "--rules", "more", "--no-cache"]);
    let (cached, err, _) = run(d, &["check", "corpus", "--rules", "more"]);
    assert_eq!(cached, plain);
    assert_eq!(reuse(&err).0, 0, "{err}");
    // Another factdiff wrote the rows.
    let db = rusqlite::Connection::open(d.join(".factdiff_cache/claims.sqlite")).unwrap();
    db.execute("UPDATE files SET engine = 'factdiff 0.0.0'", [])
        .unwrap();
    drop(db);
    let (plain, _) = check(d, &["corpus", "--no-cache"]);
    let (cached, err, _) = run(d, &["check", "corpus"]);
    assert_eq!(cached, plain);
    assert_eq!(reuse(&err).0, 0, "{err}");
    // Another layout of the database: rebuilt, with a notice.
    let db = rusqlite::Connection::open(d.join(".factdiff_cache/claims.sqlite")).unwrap();
    db.execute_batch("PRAGMA user_version = 99").unwrap();
    drop(db);
    let (cached, err, _) = run(d, &["check", "corpus"]);
    assert_eq!(cached, plain);
    assert!(err.contains("another version"), "{err}");
    assert_eq!(reuse(&err).0, 0, "{err}");
}

#[test]
fn a_corrupt_or_truncated_store_is_rebuilt() {
    let dir = fixture_copy();
    let d = dir.path();
    let (plain, _) = check(d, &["corpus", "--format", "json", "--no-cache"]);
    let db = d.join(".factdiff_cache/claims.sqlite");
    fs::create_dir_all(db.parent().unwrap()).unwrap();
    fs::write(
        &db,
        b"this is not a database, just some bytes of nothing in particular",
    )
    .unwrap();
    let (cached, err, _) = run(d, &["check", "corpus", "--format", "json"]);
    assert_eq!(cached, plain);
    assert_eq!(
        err.lines().filter(|l| l.contains("claim store")).count(),
        2,
        "one notice, one timings line: {err}"
    );
    let (again, err, _) = run(d, &["check", "corpus", "--format", "json"]);
    assert_eq!(again, plain);
    assert_eq!(reuse(&err).1, 0, "{err}");
    // Cut in half: whatever is left is either refused or read again, never trusted.
    let bytes = fs::read(&db).unwrap();
    fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    let (cut, _, _) = run(d, &["check", "corpus", "--format", "json"]);
    assert_eq!(cut, plain);
    let (after, _, _) = run(d, &["check", "corpus", "--format", "json"]);
    assert_eq!(after, plain);
}

#[test]
fn two_checks_at_once_agree() {
    let dir = fixture_copy();
    let d = dir.path();
    let (plain, _) = check(d, &["corpus", "--format", "json", "--no-cache"]);
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_factdiff"))
            .current_dir(d)
            .args(["check", "corpus", "--format", "json"])
            .env("CI", "true")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let runs: Vec<_> = (0..3).map(|_| spawn()).collect();
    for r in runs {
        let out = r.wait_with_output().unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), plain);
    }
    let (after, _) = check(d, &["corpus", "--format", "json"]);
    assert_eq!(after, plain);
}

#[test]
fn a_store_that_cannot_be_written_is_skipped() {
    let dir = fixture_copy();
    let d = dir.path();
    let (plain, _) = check(d, &["corpus", "--format", "json", "--no-cache"]);
    // A folder under a file cannot be made, whoever runs the test (root included).
    fs::write(d.join("blocker"), "a file").unwrap();
    let (cached, err, _) = run(
        d,
        &[
            "check",
            "corpus",
            "--format",
            "json",
            "--cache-dir",
            "blocker/cache",
        ],
    );
    assert_eq!(cached, plain);
    let notices: Vec<&str> = err.lines().filter(|l| l.contains("notice")).collect();
    assert_eq!(notices.len(), 1, "{err}");
    assert!(notices[0].contains("checking without it"), "{err}");
}

/// `extract --format jsonl` of `paths` (in `dir`) into `out`.
fn extract_to(dir: &Path, paths: &[&str], out: &Path) {
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend_from_slice(paths);
    let (text, err, code) = run(dir, &args);
    assert_eq!(code, 0, "{err}");
    fs::write(out, text).unwrap();
}

/// Checks that `check --claims` of one file and of four shards (given in a shuffled order)
/// report what `check` of the texts reports, fingerprints included, in every format.
fn claims_equivalence(dir: &Path, corpus: &str, tmp: &Path) {
    let (plain, plain_code) = check(dir, &[corpus, "--format", "json", "--no-cache"]);
    assert!(!findings(&plain).is_empty());
    let whole = tmp.join("all.jsonl");
    extract_to(dir, &[corpus], &whole);
    let whole_s = whole.to_str().unwrap();
    let (from_claims, code) = check(dir, &["--claims", whole_s, "--format", "json"]);
    assert_eq!(from_claims, plain);
    assert_eq!(code, plain_code);
    for format in ["human", "sarif", "html"] {
        let (a, _) = check(dir, &[corpus, "--format", format, "--no-cache"]);
        let (b, _) = check(dir, &["--claims", whole_s, "--format", format]);
        assert_eq!(a, b, "{format}");
    }
    // Four shards: the files dealt round-robin, each shard extracted on its own.
    let mut files: Vec<String> = Vec::new();
    let mut stack = vec![dir.join(corpus)];
    while let Some(p) = stack.pop() {
        for e in fs::read_dir(&p).unwrap() {
            let e = e.unwrap().path();
            if e.is_dir() {
                stack.push(e);
            } else if !e.file_name().unwrap().to_string_lossy().starts_with('.') {
                files.push(
                    e.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    files.sort();
    let mut shards: Vec<String> = Vec::new();
    for s in 0..4 {
        let mine: Vec<&str> = files
            .iter()
            .skip(s)
            .step_by(4)
            .map(String::as_str)
            .collect();
        let out = tmp.join(format!("shard{s}.jsonl"));
        extract_to(dir, &mine, &out);
        shards.push(out.to_string_lossy().into_owned());
    }
    let mut args = vec!["--claims"];
    for i in [2, 0, 3, 1] {
        args.push(&shards[i]);
    }
    args.extend(["--format", "json"]);
    let (sharded, _) = check(dir, &args);
    assert_eq!(sharded, plain);
}

#[test]
fn claims_files_give_the_findings_of_the_seeds() {
    let tmp = tempfile::tempdir().unwrap();
    claims_equivalence(&root(), "seeds", tmp.path());
}

#[test]
fn claims_files_give_the_findings_of_a_fixture_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    claims_equivalence(&root(), "tests/fixtures", tmp.path());
}

#[test]
fn claims_without_their_articles_keep_paths_and_spans() {
    let dir = fixture_copy();
    let d = dir.path();
    let claims = d.join("all.jsonl");
    extract_to(d, &["corpus"], &claims);
    let (plain, _) = check(d, &["corpus", "--format", "json", "--no-cache"]);
    fs::remove_dir_all(d.join("corpus")).unwrap();
    let (json, _) = check(d, &["--claims", "all.jsonl", "--format", "json"]);
    let (a, b) = (findings(&plain), findings(&json));
    assert_eq!(a.len(), b.len());
    let key = |f: &Value| {
        (
            f["rule"].clone(),
            f["fingerprint"].clone(),
            f["locations"]
                .as_array()
                .map(|ls| {
                    ls.iter()
                        .map(|l| (l["path"].clone(), l["start"].clone(), l["end"].clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
        )
    };
    let mut ka: Vec<_> = a.iter().map(|f| format!("{:?}", key(f))).collect();
    let mut kb: Vec<_> = b.iter().map(|f| format!("{:?}", key(f))).collect();
    ka.sort();
    kb.sort();
    assert_eq!(ka, kb);
}

/// The findings of a full check that point into one of `drafts`.
fn restricted(all: &str, drafts: &[&str]) -> Vec<Value> {
    findings(all)
        .into_iter()
        .filter(|f| {
            f["locations"].as_array().is_some_and(|ls| {
                ls.iter().any(|l| {
                    l["path"]
                        .as_str()
                        .is_some_and(|p| drafts.iter().any(|d| p.starts_with(d)))
                })
            })
        })
        .collect()
}

#[test]
fn drafts_against_an_archive_give_the_full_checks_findings_about_them() {
    let dir = fixture_copy();
    let d = dir.path();
    // Drafts: one side of several rules' fixtures; the archive: everything else.
    let drafts = [
        "corpus/office-holder-conflict/fires/b.txt",
        "corpus/name-spelling/fires/b.txt",
        "corpus/event-date-conflict/fires/b.md",
        "corpus/quote-conflict/fires/b.txt",
    ];
    let drafts: Vec<&str> = drafts.into_iter().filter(|p| d.join(p).is_file()).collect();
    assert!(drafts.len() >= 2, "fixtures moved: {drafts:?}");
    let (all, _) = check(d, &["corpus", "--format", "json", "--no-cache"]);
    let expected = restricted(&all, &drafts);
    assert!(!expected.is_empty());
    for cache in [&["--no-cache"][..], &[][..], &[][..]] {
        let mut args: Vec<&str> = drafts.clone();
        args.extend(["--against", "corpus", "--format", "json"]);
        args.extend_from_slice(cache);
        let (json, _) = check(d, &args);
        let got = findings(&json);
        let fingerprints = |fs: &[Value]| -> Vec<String> {
            fs.iter()
                .map(|f| format!("{} {}", f["rule"], f["fingerprint"]))
                .collect()
        };
        assert_eq!(fingerprints(&got), fingerprints(&expected), "{cache:?}");
        // Everything but the help text: one that lists every dated report of an event
        // lists those loaded (the archive's documents that meet the drafts).
        let without_help = |fs: &[Value]| -> Vec<Value> {
            fs.iter()
                .map(|f| {
                    let mut f = f.clone();
                    if let Some(o) = f.as_object_mut() {
                        o.remove("help");
                    }
                    f
                })
                .collect()
        };
        assert_eq!(without_help(&got), without_help(&expected), "{cache:?}");
        if cache.is_empty() {
            assert_eq!(got.len(), expected.len());
        } else {
            assert_eq!(
                got, expected,
                "without the store, all of the archive is read"
            );
        }
    }
    // Exit codes follow the drafts' findings only.
    let expected_code = i32::from(expected.iter().any(|f| f["severity"] == "error"));
    let mut args: Vec<&str> = drafts.clone();
    args.extend(["--against", "corpus"]);
    assert_eq!(check(d, &args).1, expected_code);
}

#[test]
fn claims_files_are_one_json_record_a_line_and_bad_ones_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (text, _, code) = run(&root(), &["extract", "seeds", "--format", "jsonl"]);
    assert_eq!(code, 0);
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(records[0]["record"], "header");
    assert_eq!(records[0]["factdiff"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        records.iter().filter(|r| r["record"] == "document").count(),
        5
    );
    assert!(records
        .iter()
        .filter(|r| r["record"] == "claim")
        .all(|r| r["doc"].is_string() && r["kind"].is_string() && r["start"].is_u64()));
    // A line cut in the middle: exit 2, with the file and line.
    let cut: String = text.lines().take(3).collect::<Vec<_>>().join("\n");
    let bad = format!("{}\n", &cut[..cut.len() - 5]);
    fs::write(d.join("bad.jsonl"), bad).unwrap();
    let (_, err, code) = run(d, &["check", "--claims", "bad.jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bad.jsonl:3"), "{err}");
    // A claim whose document is not in the file.
    let orphan: String = text
        .lines()
        .filter(|l| !l.contains("\"record\":\"document\""))
        .take(3)
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(d.join("orphan.jsonl"), orphan).unwrap();
    let (_, err, code) = run(d, &["check", "--claims", "orphan.jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown document"), "{err}");
}

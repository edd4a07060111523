//! Hostile input (issue 7): files that are not what they claim to be, next to a good article.
//! Whatever the folder holds, factdiff must not panic, must not hang, must say what is wrong
//! with each bad file (once, naming it), and must still check the good article.
//!
//! Binary cases are generated here, in a temporary folder; nothing binary is committed.
//! Text regressions (crashes found by fuzzing) live in `tests/fixtures/hostile/`.
//!
//! The single-line dump is `FACTDIFF_HOSTILE_MB` megabytes (default 1, so the debug test
//! stays fast); the README's "Hostile input and fuzzing" runs it at 50.

#[path = "hostile/timex3.rs"]
mod timex3;

use factdiff::corpus::{self, display_path, InputError, LoadOptions};
use factdiff::knowledge::{Knowledge, RuleFile};
use factdiff::pipeline;
use factdiff::rules::{Finding, Source};
use miette::Diagnostic;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How the command line is run on the hostile folder, and the exit code expected: the good
/// article's error-level finding makes `check` exit 1, whatever the bad files are. To go
/// through `extract` instead (no findings, exit 0), this is the one line to change:
/// `const CLI: (&[&str], i32) = (&["extract", "--format", "json"], 0);`
const CLI: (&[&str], i32) = (&["check", "--format", "json"], 1);

/// A hang detector, not a speed test: generous for a debug build on a busy machine.
const HANG: Duration = Duration::from_secs(60);

/// An article whose finding (`role-contradicts-knowledge`) must survive its neighbours.
const GOOD: &str =
    "Rabat, April 23, 2025 - The Moroccan delegation will be led by Chief Executive Officer Aziz Akhannouch.\n";
const GOOD_RULE: &str = "role-contradicts-knowledge";

/// Size of the single-line dump.
fn dump_bytes() -> usize {
    let mb = std::env::var("FACTDIFF_HOSTILE_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1);
    mb * 1024 * 1024
}

/// Runs `work` on another thread and fails the test if it takes longer than `limit`.
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    match rx.recv_timeout(limit) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("HANG: {what} did not finish in {limit:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what} panicked"),
    }
}

/// Deterministic noise (xorshift), for binary files without a signature.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = if bom {
        "\u{feff}"
            .encode_utf16()
            .chain(text.encode_utf16())
            .collect::<Vec<_>>()
    } else {
        text.encode_utf16().collect()
    };
    units
        .into_iter()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

/// What reading one entry of the hostile folder must give.
struct Expect {
    /// Path relative to the folder.
    name: &'static str,
    /// Code of the one diagnostic it must yield (`None`: no diagnostic at all).
    code: Option<&'static str>,
    /// True when at least one document must come out of it.
    read: bool,
}

const fn expect(name: &'static str, code: Option<&'static str>, read: bool) -> Expect {
    Expect { name, code, read }
}

const BINARY: Option<&str> = Some("factdiff::input::binary");
const REPAIRED: Option<&str> = Some("factdiff::input::repaired");
const MALFORMED: Option<&str> = Some("factdiff::input::malformed");
const EMPTY: Option<&str> = Some("factdiff::input::empty");
const UNREADABLE: Option<&str> = Some("factdiff::input::unreadable");

/// Fills `dir` with one good article and every kind of hostile file; returns what each must give.
fn hostile_folder(dir: &Path) -> Vec<Expect> {
    let write = |name: &str, bytes: &[u8]| fs::write(dir.join(name), bytes).unwrap();
    let mut out = Vec::new();

    write("good.txt", GOOD.as_bytes());
    out.push(expect("good.txt", None, true));

    // Binary attachments saved as text.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(noise(4000, 1));
    write("attachment.txt", &png);
    out.push(expect("attachment.txt", BINARY, false));
    let mut docx = b"PK\x03\x04\x14\0\x06\0".to_vec();
    docx.extend(noise(4000, 2));
    write("report.docx.txt", &docx);
    out.push(expect("report.docx.txt", BINARY, false));
    write("noise.txt", &noise(8000, 3));
    out.push(expect("noise.txt", BINARY, false));
    write("zeros.txt", &[0u8; 4096]);
    out.push(expect("zeros.txt", BINARY, false));

    // Encodings.
    write(
        "latin1.txt",
        b"Madrid, 25 avril 2025 \x96 Pedro S\xe1nchez a re\xe7u la d\xe9l\xe9gation.\n",
    );
    out.push(expect("latin1.txt", REPAIRED, true));
    write(
        "utf16le.txt",
        &utf16(
            "Rabat, April 23, 2025 - The talks opened in Rabat.\r\n",
            false,
            false,
        ),
    );
    out.push(expect("utf16le.txt", REPAIRED, true));
    write(
        "utf16be.txt",
        &utf16(
            "Rabat, April 23, 2025 - The talks opened in Rabat.\n",
            true,
            false,
        ),
    );
    out.push(expect("utf16be.txt", REPAIRED, true));
    // Another script: few NUL bytes, and its other bytes look like control characters.
    write(
        "arabic-utf16.txt",
        &utf16(
            "الرباط، 23 أبريل 2025 - افتتحت المحادثات في الرباط.\n",
            false,
            false,
        ),
    );
    out.push(expect("arabic-utf16.txt", REPAIRED, true));
    write(
        "utf16le-bom.txt",
        &utf16("The talks opened in Rabat.\n", false, true),
    );
    out.push(expect("utf16le-bom.txt", None, true));
    write(
        "utf16be-bom.txt",
        &utf16("The talks opened in Rabat.\n", true, true),
    );
    out.push(expect("utf16be-bom.txt", None, true));
    write(
        "utf8-bom.md",
        "\u{feff}---\ntitle: Talks\n---\nThe talks opened in Rabat.\n".as_bytes(),
    );
    out.push(expect("utf8-bom.md", None, true));
    let mut nul = b"The talks opened in Rabat.\nSecond\0 line.\n".to_vec();
    nul.extend([0u8; 2048]);
    write("nul.txt", &nul);
    out.push(expect("nul.txt", REPAIRED, true));

    // Broken structure.
    write(
        "truncated.json",
        b"{\"id\": 4521,\n\"date\": \"2025-04-23T10:00:00\",\n\"title\": {\"rendered\": \"Talks\"},\n\"content\": {\"rendered\": \"<p>The Moroccan delegation will be le",
    );
    out.push(expect("truncated.json", MALFORMED, false));
    write(
        "api-error.txt",
        br#"{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}"#,
    );
    out.push(expect("api-error.txt", MALFORMED, false));
    // Nesting in a field the reader skips: serde_json skips it without recursion.
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    write(
        "deep-skipped.json",
        format!("{{\"content\":{{\"rendered\":\"<p>x</p>\"}},\"meta\":{deep}}}").as_bytes(),
    );
    out.push(expect("deep-skipped.json", None, true));
    // Nesting in an array of posts, parsed: past serde_json's recursion limit (128).
    write(
        "deep-array.json",
        format!("[{{\"content\":{{\"rendered\":\"<p>x</p>\"}}}},{deep}]").as_bytes(),
    );
    out.push(expect("deep-array.json", MALFORMED, false));
    write(
        "deep.html",
        format!(
            "<!DOCTYPE html><html><body>{}<p>Deep text.</p>",
            "<div>".repeat(50_000)
        )
        .as_bytes(),
    );
    out.push(expect("deep.html", REPAIRED, true));
    let mut unclosed = String::from("<html><body><p>Unclosed text.</p>");
    for i in 0..50_000 {
        unclosed.push_str(&format!("<p><font id={i}>x</p>"));
    }
    write("unclosed.html", unclosed.as_bytes());
    out.push(expect("unclosed.html", REPAIRED, true));
    write(
        "frontmatter.md",
        b"---\ntitle: \"unclosed\ndate: 2025-02-30\n\nThe talks opened in Rabat.\n",
    );
    out.push(expect("frontmatter.md", REPAIRED, true));
    write("empty.txt", b"");
    out.push(expect("empty.txt", EMPTY, false));
    write("blank.md", b"\n  \r\n\t\n");
    out.push(expect("blank.md", EMPTY, false));

    // A one-line dump: read, linear, no diagnostic.
    // Words no grammar reads: this is about the readers (see the ignored HANG tests below for
    // dumps that the extraction stages are slow on).
    let line = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
    let dump = line.repeat(dump_bytes() / line.len() + 1);
    write("dump.txt", dump.as_bytes());
    out.push(expect("dump.txt", None, true));

    // A folder named like an article is walked, not read.
    fs::create_dir(dir.join("story.txt")).unwrap();
    fs::write(
        dir.join("story.txt/inner.txt"),
        "The talks opened in Rabat.\n",
    )
    .unwrap();
    out.push(expect("story.txt", None, false));
    out.push(expect("story.txt/inner.txt", None, true));

    #[cfg(unix)]
    unix_entries(dir, &mut out);
    out
}

/// Links, pipes and permissions.
#[cfg(unix)]
fn unix_entries(dir: &Path, out: &mut Vec<Expect>) {
    use std::os::unix::fs::{symlink, PermissionsExt};
    // A link back up the tree: followed, it never ends.
    symlink("..", dir.join("story.txt/loop")).unwrap();
    out.push(expect(
        "story.txt/loop",
        Some("factdiff::input::symlink_loop"),
        false,
    ));
    symlink("nowhere.txt", dir.join("dangling.txt")).unwrap();
    out.push(expect("dangling.txt", UNREADABLE, false));
    // A FIFO would block a reader forever.
    if Command::new("mkfifo")
        .arg(dir.join("pipe.txt"))
        .status()
        .is_ok_and(|s| s.success())
    {
        out.push(expect(
            "pipe.txt",
            Some("factdiff::input::not_a_file"),
            false,
        ));
    }
    // An unreadable file. As root, permissions do not stop reading: then use a file that no
    // one can read from the start, /proc/self/mem (reading offset 0 fails with EIO).
    let locked = dir.join("locked.txt");
    fs::write(&locked, GOOD).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        fs::remove_file(&locked).unwrap();
        if fs::read("/proc/self/mem").is_err() {
            symlink("/proc/self/mem", &locked).unwrap();
            out.push(expect("locked.txt", UNREADABLE, false));
        }
    } else {
        out.push(expect("locked.txt", UNREADABLE, false));
    }
}

fn code_of(p: &InputError) -> String {
    p.code().map(|c| c.to_string()).unwrap_or_default()
}

#[test]
fn hostile_folder_through_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let expected = hostile_folder(dir.path());
    let root = dir.path().to_path_buf();
    let (corpus, findings) = within(HANG, "load and analyse the hostile folder", move || {
        let corpus = corpus::load(&[root], &LoadOptions::default());
        let kb = Knowledge::load(&[]).expect("shipped rules load");
        let findings = pipeline::analyse(&corpus, &kb).findings;
        (corpus, findings)
    });

    let shown = |name: &str| display_path(&dir.path().join(name));
    for e in &expected {
        let path = shown(e.name);
        let problems: Vec<&InputError> = corpus
            .problems
            .iter()
            .filter(|p| p.path() == path)
            .collect();
        match e.code {
            Some(code) => {
                assert_eq!(
                    problems.len(),
                    1,
                    "{}: want one diagnostic, got {problems:?}",
                    e.name
                );
                assert_eq!(code_of(problems[0]), code, "{}: {}", e.name, problems[0]);
            }
            None => assert!(
                problems.is_empty(),
                "{}: want no diagnostic, got {problems:?}",
                e.name
            ),
        }
        let docs = corpus
            .documents
            .iter()
            .filter(|d| d.path == path || d.path.starts_with(&format!("{path}#")))
            .count();
        assert_eq!(docs > 0, e.read, "{}: read {docs} document(s)", e.name);
    }
    for p in &corpus.problems {
        assert!(
            expected.iter().any(|e| shown(e.name) == p.path()),
            "unexpected diagnostic: {p}"
        );
    }

    let text_of = |name: &str| {
        corpus
            .documents
            .iter()
            .find(|d| d.path == shown(name))
            .map(|d| d.text.as_str())
            .unwrap_or_default()
    };
    assert!(text_of("latin1.txt").contains("Pedro Sánchez a reçu la délégation"));
    assert!(
        text_of("latin1.txt").contains('–'),
        "0x96 is an en dash in Windows-1252"
    );
    assert!(text_of("utf16le.txt").contains("The talks opened in Rabat."));
    assert!(text_of("utf16be.txt").contains("The talks opened in Rabat."));
    assert!(text_of("arabic-utf16.txt").contains("الرباط"));
    assert!(text_of("nul.txt").contains("Second line."));
    assert!(!text_of("nul.txt").contains('\0'));
    assert!(text_of("deep.html").contains("Deep text."));
    assert!(text_of("unclosed.html").contains("Unclosed text."));
    assert!(text_of("frontmatter.md").contains("The talks opened in Rabat."));
    assert!(text_of("dump.txt").len() >= dump_bytes());

    let good = corpus
        .documents
        .iter()
        .find(|d| d.path == shown("good.txt"))
        .expect("the good article is read");
    let on_good = |f: &&Finding| {
        f.rule == GOOD_RULE
            && f.locations
                .first()
                .is_some_and(|l| l.source == Source::Document(good.id))
    };
    assert!(
        findings.iter().any(|f| on_good(&f)),
        "the good article's finding is missing: {findings:#?}"
    );
}

/// Runs the binary with a hang detector; returns exit code, stdout and stderr.
fn run_cli(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out_path = dir.join(".stdout");
    let err_path = dir.join(".stderr");
    let mut child = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .current_dir(dir)
        .env("CI", "true")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("HANG: factdiff {args:?} did not finish in {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = fs::read_to_string(&out_path).unwrap();
    let stderr = fs::read_to_string(&err_path).unwrap();
    let code = status.code().unwrap_or_else(|| {
        panic!("factdiff {args:?} was killed by a signal: {status:?}\n{stderr}")
    });
    (code, stdout, stderr)
}

#[test]
fn hostile_folder_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let expected = hostile_folder(dir.path());
    let (args, want_code) = CLI;
    let args: Vec<&str> = args.iter().copied().chain(["."]).collect();
    let (code, stdout, stderr) = run_cli(dir.path(), &args);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        code, want_code,
        "exit code follows the findings, not the bad files\n{stderr}"
    );
    for e in &expected {
        // Every diagnostic starts with `path:` ("path: skipped: ...", "path:4: ...").
        let mentions = stderr.matches(&format!(" {}:", e.name)).count();
        let want = usize::from(e.code.is_some());
        assert_eq!(
            mentions, want,
            "{}: named {mentions} time(s) on standard error:\n{stderr}",
            e.name
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let docs = json["documents"].as_array().expect("documents");
    assert!(docs.iter().any(|d| d["path"] == "good.txt"), "{stdout}");
    if let Some(findings) = json["findings"].as_array() {
        assert!(
            findings
                .iter()
                .any(|f| f["rule"] == GOOD_RULE && f["locations"][0]["path"] == "good.txt"),
            "the good article's finding is missing: {stdout}"
        );
    }
}

#[test]
fn a_file_that_vanishes_is_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    fs::write(dir.path().join("b.txt"), GOOD).unwrap();
    let (files, problems) = corpus::collect_files(&[dir.path().to_path_buf()], &[]);
    assert!(problems.is_empty());
    fs::remove_file(dir.path().join("a.txt")).unwrap();
    let results: Vec<_> = files
        .iter()
        .map(|f| corpus::read_file(f, &LoadOptions::default()))
        .collect();
    match &results[0] {
        Err(e @ InputError::Unreadable { path, .. }) => {
            assert!(path.ends_with("a.txt"), "{e}");
            assert_eq!(code_of(e), "factdiff::input::unreadable");
            assert_eq!(
                e.severity(),
                Some(miette::Severity::Warning),
                "a bad file does not decide the exit code"
            );
        }
        other => panic!("want Unreadable, got {other:?}"),
    }
    assert!(results[1].is_ok(), "the other file is still read");
}

#[test]
fn missing_path_is_a_usage_error_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let (code, stdout, stderr) = run_cli(
        dir.path(),
        &["check", "--format", "json", "good.txt", "gone.txt"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("gone.txt: no such file or folder"),
        "{stderr}"
    );
    assert!(
        stdout.contains(GOOD_RULE),
        "the good article is still checked: {stdout}"
    );
}

/// Writes `files` into a fresh rules folder beside a good article and runs `check --rules`.
fn check_with_rules(files: &[(&str, &[u8])]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    fs::create_dir(dir.path().join("myrules")).unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join("myrules").join(name), bytes).unwrap();
    }
    let (code, _, stderr) = run_cli(dir.path(), &["check", "good.txt", "--rules", "myrules"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (code, stderr)
}

#[test]
fn bad_rules_exit_2_and_point_into_the_file() {
    // A TOML syntax error: file, line and column.
    let (code, stderr) =
        check_with_rules(&[("people.toml", b"[[person]]\nname = \"A B\"\nsource = s\n")]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("myrules/people.toml:3:"), "{stderr}");
    // A schema error: the reference that does not resolve.
    let (code, stderr) = check_with_rules(&[(
        "people.toml",
        b"[[person]]\nname = \"A B\"\nsource = \"s\"\n\n[[person.role]]\ntitle = \"nope\"\nsource = \"s\"\n",
    )]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("unknown title `nope`"), "{stderr}");
    assert!(stderr.contains("myrules/people.toml:6:9"), "{stderr}");
    // Nesting deeper than the TOML parser's recursion limit is an error, not a crash.
    let deep = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let (code, stderr) = check_with_rules(&[("deep.toml", deep.as_bytes())]);
    assert_eq!(code, 2, "{}", &stderr[..stderr.len().min(2000)]);
    // Not UTF-8.
    let (code, stderr) = check_with_rules(&[("latin1.toml", b"[[place]]\nname = \"M\xe1laga\"\n")]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("latin1.toml"), "{stderr}");
}

#[test]
fn missing_rules_folder_exits_2_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let (code, _, stderr) = run_cli(
        dir.path(),
        &["check", "good.txt", "--rules", "no-such-rules"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no-such-rules"), "{stderr}");
}

#[test]
fn rules_loader_survives_hostile_toml() {
    let cases: Vec<String> = vec![
        String::new(),
        "\u{0}".into(),
        "[[person]]".into(),
        "[[person]]\nname = \"\"\nsource = \"\"\n[[person.role]]\nsource = \"\"\n".into(),
        "[[person]]\nname = \"A\"\nsource = \"s\"\n[[person.role]]\ntitle = \"head-of-government\"\nfrom = \"99999-99\"\nsource = \"s\"\n".into(),
        "[[person]]\nname = \"A\"\nsource = \"s\"\n[[person.role]]\norganisation = \"x\"\nfrom = \"2024-12\"\nto = \"2024-01\"\nsource = \"s\"\n".into(),
        format!("a = {}1{}", "{a=".repeat(50_000), "}".repeat(50_000)),
        format!("[{}b]\nc = 1\n", "a.".repeat(50_000)),
        "x = \"\\uD800\"\n".into(),
        "[[title]]\nid = \"t\"\nlabel = \"\"\nsource = \"s\"\n".into(),
    ];
    for text in cases {
        let shown: String = text.chars().take(60).collect();
        let _ = within(HANG, "Knowledge::from_files", move || {
            let file = RuleFile {
                path: "hostile.toml".into(),
                text,
            };
            Knowledge::from_files(vec![file])
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
        let _ = shown;
    }
}

#[test]
fn readers_are_linear_on_a_long_single_line() {
    // One long line of each shape the readers scan: plain text, Markdown front matter that
    // never closes, HTML text (html5ever is slow in a debug build: a smaller size), a JSON
    // string. Four times the size must not take sixteen times as long.
    type Shape = (usize, fn(usize) -> String);
    let shapes: [Shape; 4] = [
        (1 << 20, |n| "word ".repeat(n / 5)),
        (1 << 20, |n| format!("---\ntitle: {}", "x".repeat(n))),
        (1 << 18, |n| {
            format!("<html><body><p>{}", "word &amp; ".repeat(n / 11))
        }),
        (1 << 20, |n| {
            format!("{{\"content\":{{\"rendered\":\"{}\"}}}}", "a".repeat(n))
        }),
    ];
    for (i, (size, shape)) in shapes.iter().enumerate() {
        let time = |n: usize| {
            let text = shape(n);
            let start = Instant::now();
            let docs = corpus::read_bytes("line.txt", text.as_bytes(), &LoadOptions::default());
            assert!(docs.is_ok(), "shape {i}: {docs:?}");
            start.elapsed()
        };
        let small = time(*size);
        let large = time(size * 4);
        // Linear: about 4x; quadratic: 16x. Slack for a busy machine.
        assert!(
            large < small * 10 + Duration::from_millis(300),
            "shape {i}: {small:?}, then {large:?} for 4x the size"
        );
    }
}

/// Text fixtures under `tests/fixtures/hostile/`: inputs that once crashed or hung a reader
/// or a grammar (found by fuzzing or by hand). Each must go through every entry point.
#[test]
fn hostile_fixtures_do_not_crash() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let bytes = fs::read(&path).unwrap();
        let name = path.display().to_string();
        within(HANG, &name.clone(), move || run_all_entry_points(&bytes));
    }
}

/// What the fuzz targets do, for one input: readers, time grammar, all grammars, rules loader.
fn run_all_entry_points(bytes: &[u8]) {
    let kb = Knowledge::load(&[]).expect("shipped rules load");
    if let Ok(docs) = corpus::read_bytes("fixture.txt", bytes, &LoadOptions::default()) {
        for doc in &docs {
            let _ = factdiff::extract::extract(doc, &kb);
        }
    }
    let text = String::from_utf8_lossy(bytes);
    for reference in [
        None,
        chrono::NaiveDate::from_ymd_opt(2025, 4, 23),
        chrono::NaiveDate::from_ymd_opt(-262_000, 1, 1),
        chrono::NaiveDate::from_ymd_opt(262_000, 12, 31),
    ] {
        for m in factdiff::extract::time::scan(&text, reference) {
            assert!(
                text.get(m.span.start..m.span.end).is_some(),
                "span {:?} not on char boundaries",
                m.span
            );
        }
    }
    let _ = Knowledge::from_files(vec![RuleFile {
        path: "fixture.toml".into(),
        text: text.into_owned(),
    }]);
}

#[test]
fn timex3_validator_knows_good_from_bad() {
    use factdiff::timex::{TimeValue, TimexType::*};
    let good = [
        (Date, "2025-04-23"),
        (Date, "2025"),
        (Date, "199"),
        (Date, "19"),
        (Date, "XXXX-02-01"),
        (Date, "XXXX-XX-23"),
        (Date, "2023-H2"),
        (Date, "2013-W11"),
        (Date, "2013-W11-3"),
        (Date, "XXXX-WXX-2"),
        (Date, "2025-W17-WE"),
        (Date, "2013-SU"),
        (Date, "XXXX-WI"),
        (Date, "XXXX-Q3"),
        (Date, "2020-W53"),
        (Date, "19XX"),
        (Date, "PRESENT_REF"),
        (Date, "2024-02-29"),
        (Time, "2013-03-22TMO"),
        (Time, "2025-04-23T10:30"),
        (Time, "T24:00"),
        (Duration, "P3Y"),
        (Duration, "PT5H30M"),
        (Duration, "PXM"),
        (Duration, "P1.5Y"),
        (Duration, "P2DE"),
        (Duration, "P1Y2M3DT4H5M6S"),
        (Set, "XXXX-WXX-1"),
        (Set, "P1W"),
    ];
    for (kind, value) in good {
        assert_eq!(
            timex3::check(&TimeValue::new(kind, value)),
            Ok(()),
            "{value}"
        );
    }
    let bad = [
        (Date, ""),
        (Date, "2025-02-30"),
        (Date, "2025-13"),
        (Date, "2025-4-23"),
        (Date, "25-04-23"),
        (Date, "2021-W53"),
        (Date, "2025-Q5"),
        (Date, "2025-H3"),
        (Date, "2025-SP-01"),
        (Date, "2025-04-23T10:00"),
        (Date, "-001-01-01"),
        (Date, "+2025"),
        (Date, "X9XX"),
        (Time, "2025-04-23"),
        (Time, "2025-04-23T25:00"),
        (Time, "T10:60"),
        (Duration, "P"),
        (Duration, "PT"),
        (Duration, "P-3Y"),
        (Duration, "PNaNY"),
        (Duration, "P3"),
        (Duration, "P.5Y"),
        (Duration, "3Y"),
        (Duration, "P1.2.3Y"),
        (Date, "PAST_REF "),
        (Duration, "PRESENT_REF"),
    ];
    for (kind, value) in bad {
        assert!(
            timex3::check(&TimeValue::new(kind, value)).is_err(),
            "{value} passed"
        );
    }
}

mod time_properties {
    //! Property tests for the time normaliser: any reference date, any text.
    use super::timex3;
    use chrono::{Datelike, NaiveDate};
    use proptest::prelude::*;

    /// Words of the time grammar, so generated text reaches it (arbitrary strings rarely do).
    const WORDS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan.",
        "Sept.",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "now",
        "currently",
        "recently",
        "last",
        "next",
        "this",
        "coming",
        "past",
        "previous",
        "following",
        "ago",
        "later",
        "earlier",
        "before",
        "after",
        "since",
        "until",
        "from",
        "to",
        "on",
        "in",
        "at",
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "early",
        "mid",
        "late",
        "end",
        "beginning",
        "first",
        "second",
        "third",
        "fourth",
        "last",
        "half",
        "quarter",
        "Q1",
        "Q4",
        "H2",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "weekend",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "decade",
        "decades",
        "century",
        "millennium",
        "fortnight",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "midnight",
        "a.m.",
        "p.m.",
        "Christmas",
        "Easter",
        "Thanksgiving",
        "New",
        "Year's",
        "Eve",
        "every",
        "each",
        "daily",
        "weekly",
        "annual",
        "one",
        "two",
        "three",
        "ten",
        "twelve",
        "twenty",
        "hundred",
        "dozen",
        "several",
        "few",
        "1",
        "2",
        "3",
        "4",
        "7",
        "12",
        "13",
        "23",
        "29",
        "30",
        "31",
        "32",
        "0",
        "00",
        "99",
        "1999",
        "2000",
        "2024",
        "2025",
        "2026",
        "9999",
        "10000",
        "-1",
        "1990s",
        "'90s",
        "1.5",
        "2.5",
        "½",
        "21st",
        "3rd",
        "2025-04-23",
        "2025-02-30",
        "23/04/2025",
        "04/23/2025",
        "10:30",
        "25:61",
        "9",
        ",",
        ".",
        "-",
        "–",
        "—",
        "/",
        "(",
        ")",
        "'s",
        "Rabat",
        "Aziz",
        "Akhannouch",
        "said",
        "met",
        "will",
        "was",
        "had",
        "has",
    ];

    /// Reference dates with four-digit years (0001-9999, the years a TIMEX3 value can
    /// write), or none.
    fn date() -> impl Strategy<Value = Option<NaiveDate>> {
        prop_oneof![
            Just(None),
            (1i32..=3_652_059).prop_map(NaiveDate::from_num_days_from_ce_opt),
            // Most references are recent: weight the years news is written in.
            (693_596i32..766_645).prop_map(NaiveDate::from_num_days_from_ce_opt),
        ]
    }

    /// Any date chrono can represent (years -262,143 to 262,142).
    fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
        let min = NaiveDate::MIN.num_days_from_ce();
        let max = NaiveDate::MAX.num_days_from_ce();
        (min..=max).prop_map(NaiveDate::from_num_days_from_ce_opt)
    }

    fn time_words() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 0..14).prop_map(|w| w.join(" "))
    }

    fn seed() -> proptest::test_runner::RngSeed {
        let n = std::env::var("PROPTEST_RNG_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(20_250_423);
        proptest::test_runner::RngSeed::Fixed(n)
    }

    fn cases() -> u32 {
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(512)
    }

    fn check_scan(text: &str, reference: Option<NaiveDate>) -> Result<(), TestCaseError> {
        for m in factdiff::extract::time::scan(text, reference) {
            prop_assert!(m.span.start <= m.span.end, "span {:?}", m.span);
            prop_assert!(
                text.get(m.span.start..m.span.end).is_some(),
                "span {:?} not on char boundaries of {} bytes",
                m.span,
                text.len()
            );
            if let Some((_, w)) = m.stated_weekday {
                prop_assert!(text.get(w.start..w.end).is_some(), "weekday span {:?}", w);
            }
            if let Err(why) = timex3::check(&m.value) {
                return Err(TestCaseError::fail(format!(
                    "{:?} for {:?}: {why}",
                    m.value,
                    text.get(m.span.start..m.span.end)
                )));
            }
        }
        Ok(())
    }

    proptest! {
        // 512 cases each from a fixed seed, so `cargo test` is the same run every time;
        // PROPTEST_CASES=100000 PROPTEST_RNG_SEED=<n> for a long run elsewhere in the space.
        #![proptest_config(ProptestConfig { cases: cases(), rng_seed: seed(), failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_text_any_reference(text in "\\PC{0,80}", reference in date()) {
            check_scan(&text, reference)?;
        }

        #[test]
        fn time_words_any_reference(text in time_words(), reference in date()) {
            check_scan(&text, reference)?;
        }

        #[test]
        fn time_words_in_unicode_noise(a in "\\PC{0,6}", words in time_words(), b in "\\PC{0,6}", reference in date()) {
            check_scan(&format!("{a}{words}{b}"), reference)?;
        }

        /// INVALID TIMEX in src/extract/time (reported): with a reference year above 9999 the
        /// year is clamped to 9999 but month and day are kept, so "noon" on 188784-02-29 gives
        /// `9999-02-29T12:00` and "29 February" gives `9999-02-29`, dates that do not exist.
        #[test]
        fn time_words_any_reference_date(text in time_words(), reference in any_date()) {
            check_scan(&text, reference)?;
        }
    }
}

// ---------------------------------------------------------------------------------------
// HANGS AND PANICS FOUND OUTSIDE THE READERS (src/resolve, src/extract, src/report, src/span.rs),
// now fixed: each test below is the regression that found it, run under the hang detector.
// ---------------------------------------------------------------------------------------

/// Loads `text` as one article and runs the whole pipeline under the hang detector.
fn analyse_text(text: String) {
    within(HANG, "pipeline::analyse", move || {
        let docs = corpus::read_text("dump.txt", &text, &LoadOptions::default()).expect("reads");
        let corpus = corpus::Corpus {
            documents: docs,
            problems: Vec::new(),
        };
        let kb = Knowledge::load(&[]).expect("shipped rules load");
        pipeline::analyse(&corpus, &kb).findings.len()
    });
}

/// `resolve::surname` folds the name of every mention of every person entity again for each
/// surname-only mention: quadratic in person mentions when many different people are named.
/// 1.6 MB of word salad from news vocabulary (14 s for `check` in a release build; 150 s at
/// 6.4 MB).
#[test]
fn hang_many_person_mentions() {
    const WORDS: &[&str] = &[
        "Rabat",
        "Madrid",
        "the",
        "meeting",
        "April",
        "23,",
        "2025",
        "Minister",
        "Chief",
        "Executive",
        "Officer",
        "Aziz",
        "Akhannouch",
        "said",
        "\"quote\"",
        "of",
        "12",
        "delegation",
        "Monday",
        "last",
        "week",
        "King",
        "Mohammed",
        "VI",
        "Spanish",
        "Prime",
        "Pedro",
        "Sánchez",
        "Head",
        "Government",
        "held.",
        "talks.",
    ];
    let picks = noise(320_000, 7);
    let text: Vec<&str> = picks
        .iter()
        .map(|&b| WORDS[usize::from(b) % WORDS.len()])
        .collect();
    analyse_text(text.join(" "));
}

/// The old `extract::events::read_sentence` (through `attendees_of`, which scanned the
/// sentence from its start for each event noun) was quadratic in sentence length: a dump
/// without full stops is one sentence. 600 KB, one line; kept for the frame grammar
/// (`extract::frames`) that replaced it.
#[test]
fn hang_one_long_sentence_of_events() {
    analyse_text("the meeting with the summit with the talks with ".repeat(12_500));
}

/// `factdiff extract` (human output) calls `span::line_col` from the start of the text for
/// every claim: quadratic in claims on one long line. 1.5 MB, one line, 100,000 dates.
#[test]
fn hang_extract_human_many_claims_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("dates.txt"),
        "April 23, 2025 ".repeat(100_000),
    )
    .unwrap();
    let (code, _, stderr) = run_cli(dir.path(), &["extract", "dates.txt"]);
    assert_eq!(code, 0, "{stderr}");
}

/// PANIC found by the `extract` fuzz target (minimised to `meeting`): in
/// `extract::events::bilateral_series`, `(m > 0 && ...).then_some(m - 1)` evaluates `m - 1`
/// even when `m == 0`, which overflows. Since the merge of the new time grammar and
/// sentence-start handling, an ordinary article opening with "Talks opened in Rabat." hits
/// it too. Panicked in a debug build (tests, fuzzing with -a). That module is gone (the
/// frame grammar, `extract::frames`, replaced it); the test keeps the frame grammar on the
/// same inputs. (The hostile folder above writes "The talks ..." so that it tests the
/// readers, not this.)
#[test]
fn panic_sentence_starting_with_an_event_noun() {
    let kb = Knowledge::load(&[]).expect("shipped rules load");
    for text in [
        "meeting",
        "first meeting of the commission.",
        "Talks opened in Rabat.",
        "Meeting in Rabat on April 23, 2025.",
    ] {
        let doc = corpus::read_text("a.txt", text, &LoadOptions::default())
            .unwrap()
            .remove(0);
        let _ = factdiff::extract::extract(&doc, &kb);
    }
}

/// INVALID TIMEX found by the property tests in src/extract/time: with a reference year
/// above 9999 the year is clamped to 9999 and month and day are kept, giving dates that do
/// not exist. (References that late only come from `--date` or odd metadata; the property
/// `time_words_any_reference_date` covers the whole range.)
#[test]
fn invalid_timex_after_year_9999() {
    for (text, y, m, d) in [
        ("noon", 188_784, 2, 29),
        ("29 February", 22_179, 1, 1),
        ("yesterday", 123_752, 3, 1),
    ] {
        let reference = chrono::NaiveDate::from_ymd_opt(y, m, d);
        for mention in factdiff::extract::time::scan(text, reference) {
            assert_eq!(
                timex3::check(&mention.value),
                Ok(()),
                "{text:?} on {reference:?}"
            );
        }
    }
}

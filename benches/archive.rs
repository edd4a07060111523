//! Archive-scale benchmark (issue 6): how fast `factdiff check` runs over a whole archive,
//! how its cost grows with the archive, and how much memory it takes.
//!
//! ```text
//! cargo bench --bench archive                                  # 10 MB and 100 MB
//! FACTDIFF_BENCH_SIZES=10,100,1000 cargo bench --bench archive # the full run
//! ```
//!
//! For each size it generates (or reuses) a corpus with the `gen_corpus` example's generator
//! under `FACTDIFF_BENCH_DIR` (default `/tmp/factdiff-bench`), then measures, warm cache
//! (the files are read with `cat` before every timed run, and below 500 MB each command is
//! also run once untimed first), best of `FACTDIFF_BENCH_RUNS` runs (wall time; the CPU
//! time and the bytes read from disk of the same run are reported too, as the machine may
//! be shared and its kernel may drop files from the cache all the same):
//!
//! - `find DIR -type f ! -name '.*' -print0 | xargs -0 cat | wc -w`, the speed to beat;
//! - `factdiff extract DIR --format json > /dev/null`, extraction alone (every claim of
//!   every article written out, where `check` keeps only what the rules read);
//! - `factdiff check DIR --format json > /dev/null`, the whole check, end to end;
//! - peak memory (RSS high-water mark) of each, from `wait4`'s rusage;
//! - the stages of `check` timed in process through the library (load, extract, resolve,
//!   rules, report), to see which one grows faster than the archive;
//! - the scaling ratio time(S) / time(S/2) for every size S (the half-size corpus is the
//!   first half of the full one: same seed, the archive's first months).
//!
//! - the claim store (issue 14), on the sizes asked for: the first check (store written) and
//!   the second (nothing changed), a check after one article changed, `check DRAFT
//!   --against DIR` with the store built, four `extract --format jsonl` shards and `check
//!   --claims` of them, each compared with the output of a check without the store
//!   (`FACTDIFF_BENCH_STORE=0` skips them).
//!
//! Nothing is asserted: the benchmark only reports numbers. Other settings:
//! `FACTDIFF_BENCH_SEED` (1), `FACTDIFF_BENCH_SCALING` (1; 0 skips the half sizes),
//! `FACTDIFF_BENCH_STAGES` (1: in-process stage timings below 500 MB; 0: none; all: every
//! size), `FACTDIFF_BENCH_RUNS` (timed runs per command: 3 below 500 MB, else 2, and then
//! without a warm-up run of its own),
//! `FACTDIFF_BENCH_TIMEOUT` (seconds per command, 1800), `FACTDIFF_BENCH_KEEP` (0: corpora of
//! 500 MB and more are deleted after their run; 1 keeps them), `FACTDIFF_BENCH_OUT` (also
//! write the Markdown tables to this file).

#[allow(dead_code)] // the example's `main` and argument parsing are not used here
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

use factdiff::config::Config;
use factdiff::corpus::{self, LoadOptions};
use factdiff::extract::{self, Claim};
use factdiff::knowledge::Knowledge;
use factdiff::{report, resolve, rules};
use gen_corpus::{GenOptions, MANIFEST};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One finished (or killed) command.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    /// Wall-clock seconds.
    wall: f64,
    /// User + system CPU seconds.
    cpu: f64,
    /// Peak resident set size, KiB.
    max_rss_kb: u64,
    /// Bytes read from disk rather than from the page cache (`ru_inblock`, 512-byte blocks):
    /// a "warm cache" run that still read much from disk was slowed by the kernel, not by
    /// the program.
    disk_bytes: u64,
    /// Killed after the timeout.
    timed_out: bool,
}

/// Runs `cmd` with standard output to `stdout` and returns its time and peak memory.
///
/// `wait4` rather than `Child::wait`, because only it gives the child's own rusage
/// (`getrusage(RUSAGE_CHILDREN)` keeps the maximum over all children ever waited for).
fn run(cmd: &mut Command, stdout: Stdio, timeout: Duration) -> Run {
    let start = Instant::now();
    let child = cmd
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let pid = child.id() as libc::pid_t;
    let done = Arc::new(AtomicBool::new(false));
    let killed = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let (done, killed) = (done.clone(), killed.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::SeqCst) {
                if start.elapsed() > timeout {
                    killed.store(true, Ordering::SeqCst);
                    // SAFETY: plain syscall on the pid of a child not yet reaped.
                    unsafe { libc::kill(pid, libc::SIGKILL) };
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64();
    done.store(true, Ordering::SeqCst);
    let _ = watchdog.join();
    // The child is reaped; dropping the handle neither waits nor kills.
    drop(child);
    assert!(r == pid, "wait4 failed for {cmd:?}");
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Run {
        wall,
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        max_rss_kb: usage.ru_maxrss as u64,
        disk_bytes: (usage.ru_inblock as u64).saturating_mul(512),
        timed_out: killed.load(Ordering::SeqCst),
    }
}

/// Best wall time of `runs` timed runs, after one warm-up run when `warm_up`; peak memory is
/// the maximum.
fn best_of(
    make: &dyn Fn() -> Command,
    runs: usize,
    warm_up: bool,
    before_each: &dyn Fn(),
    timeout: Duration,
) -> Run {
    let null = || Stdio::from(File::create("/dev/null").expect("/dev/null"));
    if warm_up {
        let warm = run(&mut make(), null(), timeout);
        if warm.timed_out {
            return warm;
        }
    }
    let mut best: Option<Run> = None;
    for _ in 0..runs.max(1) {
        before_each();
        let r = run(&mut make(), null(), timeout);
        best = Some(match best {
            None => r,
            Some(b) => Run {
                max_rss_kb: b.max_rss_kb.max(r.max_rss_kb),
                ..if r.wall < b.wall { r } else { b }
            },
        });
        if r.timed_out {
            break;
        }
    }
    best.expect("at least one run")
}

/// In-process timings of the stages of `check`, in seconds.
#[derive(Debug, Clone, Copy, Default)]
struct Stages {
    load: f64,
    extract: f64,
    resolve: f64,
    rules: f64,
    report: f64,
    claims: usize,
    findings: usize,
}

impl Stages {
    fn total(&self) -> f64 {
        self.load + self.extract + self.resolve + self.rules + self.report
    }
}

/// Runs the check pipeline through the library, timing each stage as `check` runs it
/// (`pipeline::analyse` split in three, then `report::prepare` and the JSON renderer).
fn stages(dir: &Path) -> Stages {
    let kb = Knowledge::load(&[]).expect("shipped rules load");
    let t = Instant::now();
    let corpus = corpus::load(&[dir.to_path_buf()], &LoadOptions::default());
    let load = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let claims: Vec<Vec<Claim>> = corpus
        .documents
        .par_iter()
        .map(|d| extract::extract(d, &kb))
        .collect();
    let extract = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let resolved = resolve::resolve(&corpus, &claims, &kb);
    let resolve = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let ctx = rules::RuleContext {
        corpus: &corpus,
        claims: &claims,
        resolved: &resolved,
        kb: &kb,
    };
    let findings = rules::run(&ctx);
    let rules = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let config = Config::default();
    let claim_count = claims.iter().map(Vec::len).sum();
    let n_findings = findings.len();
    let options = report::Options {
        config: &config,
        baseline: None,
        show_baselined: false,
        claims: claim_count,
        raw: &report::read_from_disk,
    };
    let prepared = report::prepare(&corpus, &kb, findings, &options);
    report::render(
        report::Format::Json,
        &prepared,
        report::Style::default(),
        &mut std::io::sink(),
    )
    .expect("writing to a sink cannot fail");
    let report = t.elapsed().as_secs_f64();
    Stages {
        load,
        extract,
        resolve,
        rules,
        report,
        claims: claim_count,
        findings: n_findings,
    }
}

/// Everything measured on one corpus.
#[derive(Debug, Clone)]
struct Measure {
    mb: f64,
    articles: u64,
    bytes: u64,
    planted: u64,
    wc: Run,
    extract: Run,
    check: Run,
    stages: Option<Stages>,
    store: Option<StoreMeasure>,
}

/// The claim store on one corpus (issue 14).
#[derive(Debug, Clone)]
struct StoreMeasure {
    /// First check, the store empty (it is written).
    first: Run,
    /// Second check, nothing changed.
    second: Run,
    second_same: bool,
    /// Check after one article changed.
    changed: Run,
    changed_same: bool,
    /// `check DRAFT --against DIR`, store built.
    against: Run,
    /// Its findings are those of a full check of DIR and the draft that involve the draft.
    against_same: bool,
    against_findings: usize,
    /// Full `check DIR DRAFT --no-cache`, for memory.
    full_with_draft: Run,
    /// `extract --format jsonl`, four shards one after the other (summed).
    shards: Run,
    /// `check --claims` of the four shards.
    claims: Run,
    claims_same: bool,
    /// Size of the database.
    store_bytes: u64,
}

/// Runs `cmd` once with standard output to a file; gives the run and the output.
fn capture(cmd: &mut Command, timeout: Duration) -> (Run, Vec<u8>) {
    let path = std::env::temp_dir().join(format!("factdiff-bench-out-{}", std::process::id()));
    let file = File::create(&path).expect("bench output file");
    let r = run(cmd, Stdio::from(file), timeout);
    let out = fs::read(&path).unwrap_or_default();
    let _ = fs::remove_file(&path);
    (r, out)
}

/// The findings of a JSON report that point into `path`.
fn findings_about(json: &[u8], path: Option<&str>) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(json).unwrap_or_default();
    v["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|f| {
            path.is_none_or(|p| {
                f["locations"]
                    .as_array()
                    .is_some_and(|ls| ls.iter().any(|l| l["path"] == p))
            })
        })
        .collect()
}

/// `text` with the first "Nth meeting" made "(N+1)th meeting".
fn next_ordinal(text: &str) -> String {
    for suffix in ["th meeting", "st meeting", "nd meeting", "rd meeting"] {
        let Some(at) = text.find(suffix) else {
            continue;
        };
        let start = text[..at]
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        let Ok(n) = text[start..at].parse::<u64>() else {
            continue;
        };
        let next = n + 1;
        let ending = match (next % 10, next % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        return format!(
            "{}{next}{ending} meeting{}",
            &text[..start],
            &text[at + suffix.len()..]
        );
    }
    text.to_string()
}

/// The store's measurements on `dir`: first and second check, one article changed, a
/// draft against the archive, and four JSON Lines shards checked with `--claims`.
fn measure_store(
    bin: &Path,
    root: &Path,
    dir: &Path,
    mb: f64,
    runs: usize,
    timeout: Duration,
    warm_cache: &dyn Fn(),
) -> StoreMeasure {
    let cache = root.join(format!("store-mb{mb}"));
    let work = root.join(format!("store-work-mb{mb}"));
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).expect("bench work folder");
    let check = |extra: &[&str]| {
        let mut c = Command::new(bin);
        c.arg("check")
            .arg(dir)
            .args(["--format", "json"])
            .args(extra);
        c
    };
    let cache_s = cache.display().to_string();
    warm_cache();
    let (_, plain) = capture(&mut check(&["--no-cache"]), timeout);
    // First check: an empty store each time.
    let mut first: Option<Run> = None;
    for _ in 0..runs.max(1) {
        let _ = fs::remove_dir_all(&cache);
        warm_cache();
        let (r, _) = capture(&mut check(&["--cache-dir", &cache_s]), timeout);
        first = Some(match first {
            Some(b) if b.wall <= r.wall => b,
            _ => r,
        });
    }
    let first = first.expect("a run");
    let mut second: Option<(Run, Vec<u8>)> = None;
    for _ in 0..runs.max(1) {
        warm_cache();
        let (r, out) = capture(&mut check(&["--cache-dir", &cache_s]), timeout);
        if second.as_ref().is_none_or(|(b, _)| r.wall < b.wall) {
            second = Some((r, out));
        }
    }
    let (second, second_out) = second.expect("a run");
    let store_bytes = fs::metadata(cache.join("claims.sqlite")).map_or(0, |m| m.len());
    eprintln!(
        "  store   first {:.2} s, second {:.2} s ({:.2}×), identical: {}",
        first.wall,
        second.wall,
        second.wall / first.wall,
        second_out == plain
    );
    // One article changed: a sentence added to the first article of the second folder.
    let article = fs::read_dir(dir.join("d0001"))
        .ok()
        .and_then(|rd| {
            let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            v.sort();
            v.into_iter().next()
        })
        .expect("an article in d0001");
    let original = fs::read(&article).expect("article");
    let mut edited = original.clone();
    edited.extend_from_slice(b"\n\nThe ministers met again in Rabat on Monday, March 3, 2025.\n");
    fs::write(&article, &edited).expect("edit article");
    warm_cache();
    let (changed, changed_out) = capture(&mut check(&["--cache-dir", &cache_s]), timeout);
    let (_, changed_plain) = capture(&mut check(&["--no-cache"]), timeout);
    fs::write(&article, &original).expect("restore article");
    let changed_same = changed_out == changed_plain;
    eprintln!(
        "  store   one article changed {:.2} s, identical to --no-cache: {changed_same}",
        changed.wall
    );
    // A draft: the archive's last article written again with the next number for its
    // meeting (so it contradicts the reports of the same meeting).
    let last = {
        let mut folders: Vec<PathBuf> = fs::read_dir(dir)
            .expect("corpus")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        folders.sort();
        let mut files: Vec<PathBuf> = folders
            .last()
            .and_then(|f| fs::read_dir(f).ok())
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|f| f.extension().is_some_and(|e| e == "txt"));
        files.sort();
        files
            .pop()
            .expect("a plain-text article in the last folder")
    };
    let text = fs::read_to_string(&last).expect("last article");
    let draft_text = next_ordinal(&text);
    let draft = work.join("draft.txt");
    fs::write(&draft, draft_text).expect("draft");
    let draft_s = draft.display().to_string();
    let against_cmd = || {
        let mut c = Command::new(bin);
        c.args(["check", &draft_s, "--against"]).arg(dir).args([
            "--format",
            "json",
            "--cache-dir",
            &cache_s,
        ]);
        c
    };
    // Bring the store up to date (the restored article) before timing.
    let _ = capture(&mut against_cmd(), timeout);
    let mut against: Option<(Run, Vec<u8>)> = None;
    for _ in 0..runs.max(1) {
        warm_cache();
        let (r, out) = capture(&mut against_cmd(), timeout);
        if against.as_ref().is_none_or(|(b, _)| r.wall < b.wall) {
            against = Some((r, out));
        }
    }
    let (against, against_out) = against.expect("a run");
    warm_cache();
    let (full_with_draft, full_out) = capture(
        Command::new(bin).arg("check").arg(dir).arg(&draft).args([
            "--format",
            "json",
            "--no-cache",
        ]),
        timeout,
    );
    let drafts_findings = findings_about(&against_out, None);
    let against_same = drafts_findings == findings_about(&full_out, Some(&draft_s));
    eprintln!(
        "  against {:.2} s, {} findings, identical to the full check's about the draft: {against_same}",
        against.wall,
        drafts_findings.len()
    );
    // Four shards: the folders dealt round-robin, each extracted on its own.
    let mut folders: Vec<PathBuf> = fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut shards = Run::default();
    let mut shard_files = Vec::new();
    for i in 0..4 {
        let mine: Vec<&PathBuf> = folders.iter().skip(i).step_by(4).collect();
        let out = work.join(format!("shard{i}.jsonl"));
        let file = File::create(&out).expect("shard file");
        let r = run(
            Command::new(bin)
                .arg("extract")
                .args(&mine)
                .args(["--format", "jsonl"]),
            Stdio::from(file),
            timeout,
        );
        shards.wall += r.wall;
        shards.cpu += r.cpu;
        shards.max_rss_kb = shards.max_rss_kb.max(r.max_rss_kb);
        shards.timed_out |= r.timed_out;
        shard_files.push(out);
    }
    let (claims, claims_out) = capture(
        Command::new(bin)
            .arg("check")
            .arg("--claims")
            .args([2, 0, 3, 1].map(|i| &shard_files[i]))
            .args(["--format", "json"]),
        timeout,
    );
    let claims_same = findings_about(&claims_out, None) == findings_about(&plain, None);
    eprintln!(
        "  claims  4 shards extracted in {:.2} s, checked in {:.2} s, same findings: {claims_same}",
        shards.wall, claims.wall
    );
    let _ = fs::remove_dir_all(&work);
    StoreMeasure {
        first,
        second,
        second_same: second_out == plain,
        changed,
        changed_same,
        against,
        against_same,
        against_findings: drafts_findings.len(),
        full_with_draft,
        shards,
        claims,
        claims_same,
        store_bytes,
    }
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

/// Reads a value out of the generator's flat manifest (`"key": value`).
fn manifest_value(text: &str, key: &str) -> Option<u64> {
    let at = text.find(&format!("\"{key}\": "))? + key.len() + 4;
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The corpus for `mb` megabytes, generated unless a complete one with the same generator
/// version, seed and size is already there.
fn corpus_for(root: &Path, mb: f64, seed: u64) -> (PathBuf, String) {
    let dir = root.join(format!("mb{mb}-seed{seed}"));
    let target = (mb * 1_000_000.0) as u64;
    let manifest = fs::read_to_string(dir.join(MANIFEST)).unwrap_or_default();
    let fresh = manifest_value(&manifest, "generator_version")
        == Some(gen_corpus::GENERATOR_VERSION as u64)
        && manifest_value(&manifest, "seed") == Some(seed)
        && manifest_value(&manifest, "target_bytes") == Some(target);
    if fresh {
        return (dir, manifest);
    }
    let t = Instant::now();
    let opts = GenOptions {
        out: dir.clone(),
        target_bytes: Some(target),
        articles: None,
        seed,
        per_folder: 1_000,
        force: true,
    };
    let stats = gen_corpus::generate(&opts).unwrap_or_else(|e| {
        panic!(
            "cannot generate {}: {e} (delete the folder if it is not a generated corpus)",
            dir.display()
        )
    });
    eprintln!(
        "  generated {} articles, {:.1} MB in {:.1} s",
        stats.articles,
        stats.bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    (dir, stats.manifest(&opts))
}

#[allow(clippy::too_many_arguments)]
fn measure(
    bin: &Path,
    root: &Path,
    mb: f64,
    seed: u64,
    runs: usize,
    timeout: Duration,
    with_stages: bool,
    with_store: bool,
) -> Measure {
    eprintln!("archive bench: {mb} MB");
    let (dir, manifest) = corpus_for(root, mb, seed);
    let articles = manifest_value(&manifest, "articles").unwrap_or(0);
    let bytes = manifest_value(&manifest, "bytes").unwrap_or(0);
    let planted = manifest_value(&manifest, "total").unwrap_or(0);
    let d = dir.display().to_string();
    let wc = best_of(
        &|| {
            let mut c = Command::new("sh");
            c.arg("-c").arg(format!(
                "find '{d}' -type f ! -name '.*' -print0 | xargs -0 cat | wc -w"
            ));
            c
        },
        runs,
        true,
        &|| {},
        timeout,
    );
    eprintln!("  wc -w   {:8.2} s", wc.wall);
    let factdiff = |cmd: &'static str| {
        let dir = dir.clone();
        move || {
            let mut c = Command::new(bin);
            c.arg(cmd).arg(&dir).args(["--format", "json"]);
            // The cold check: every article read and extracted, no claim store.
            if cmd == "check" {
                c.arg("--no-cache");
            }
            c
        }
    };
    // Before every timed run the files are read once (`cat`, untimed): the kernel may have
    // dropped some from the page cache since. On big corpora a warm-up run of each command
    // would double a long benchmark, so there is none; the disk column shows what was read
    // from disk all the same.
    let warm_up = runs > 1 && mb < 500.0;
    let warm_cache = || {
        let mut c = Command::new("sh");
        c.arg("-c").arg(format!(
            "find '{d}' -type f ! -name '.*' -print0 | xargs -0 cat > /dev/null"
        ));
        let _ = run(&mut c, Stdio::null(), timeout);
    };
    let extract = best_of(&factdiff("extract"), runs, warm_up, &warm_cache, timeout);
    eprintln!(
        "  extract {:8.2} s{}",
        extract.wall,
        if extract.timed_out {
            " (timed out)"
        } else {
            ""
        }
    );
    let check = best_of(&factdiff("check"), runs, warm_up, &warm_cache, timeout);
    eprintln!(
        "  check   {:8.2} s{}",
        check.wall,
        if check.timed_out { " (timed out)" } else { "" }
    );
    let stages = (with_stages && !check.timed_out).then(|| {
        let s = stages(&dir);
        eprintln!(
            "  stages  load {:.2} s, extract {:.2} s, resolve {:.2} s, rules {:.2} s, report {:.2} s",
            s.load, s.extract, s.resolve, s.rules, s.report
        );
        s
    });
    let store = (with_store && !check.timed_out)
        .then(|| measure_store(bin, root, &dir, mb, runs, timeout, &warm_cache));
    Measure {
        mb,
        articles,
        bytes,
        planted,
        wc,
        extract,
        check,
        stages,
        store,
    }
}

fn mbps(bytes: u64, r: &Run) -> String {
    if r.timed_out {
        format!("> {:.0} s", r.wall)
    } else {
        format!("{:.1}", bytes as f64 / 1e6 / r.wall)
    }
}

fn secs(r: &Run) -> String {
    if r.timed_out {
        format!("> {:.0}", r.wall)
    } else {
        format!("{:.2}", r.wall)
    }
}

fn tables(ms: &[Measure]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| size | articles | wc -w s (MB/s) | extract s (MB/s) | check s | check MB/s | check articles/s | check CPU s | check / wc -w | peak RSS check | peak RSS extract | check read from disk |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|---|");
    for m in ms {
        let _ = writeln!(
            out,
            "| {} MB | {} | {} ({}) | {} ({}) | {} | {} | {} | {:.2} | {:.1}× slower | {:.0} MB | {:.0} MB | {:.0} MB |",
            m.mb,
            m.articles,
            secs(&m.wc),
            mbps(m.bytes, &m.wc),
            secs(&m.extract),
            mbps(m.bytes, &m.extract),
            secs(&m.check),
            mbps(m.bytes, &m.check),
            if m.check.timed_out {
                "-".to_string()
            } else {
                format!("{:.0}", m.articles as f64 / m.check.wall)
            },
            m.check.cpu,
            m.check.wall / m.wc.wall,
            m.check.max_rss_kb as f64 / 1024.0,
            m.extract.max_rss_kb as f64 / 1024.0,
            m.check.disk_bytes as f64 / 1e6,
        );
    }
    if ms.iter().any(|m| m.stages.is_some()) {
        let _ = writeln!(
            out,
            "\nStages of check, in process (seconds; extract on all cores as in `check`):\n"
        );
        let _ = writeln!(
            out,
            "| size | load | extract | resolve | rules | report | total | claims | findings | planted |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|");
        for m in ms {
            if let Some(s) = &m.stages {
                let _ = writeln!(
                    out,
                    "| {} MB | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} | {} |",
                    m.mb,
                    s.load,
                    s.extract,
                    s.resolve,
                    s.rules,
                    s.report,
                    s.total(),
                    s.claims,
                    s.findings,
                    m.planted
                );
            }
        }
    }
    if ms.iter().any(|m| m.store.is_some()) {
        let _ = writeln!(
            out,
            "\nClaim store (seconds; `check` cold is the check above, without the store):\n"
        );
        let _ = writeln!(
            out,
            "| size | check cold | first (store written) | second | second / first | identical | one article changed | identical to --no-cache | store size | draft --against | --against / cold | same findings as the full check | peak RSS --against | peak RSS full check with draft | 4 jsonl shards (extract) | check --claims | same findings |"
        );
        let _ = writeln!(
            out,
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
        );
        for m in ms {
            if let Some(st) = &m.store {
                let _ = writeln!(
                    out,
                    "| {} MB | {} | {} | {} | {:.3} | {} | {} | {} | {:.0} MB | {} | {:.3} | {} ({} findings) | {:.0} MB | {:.0} MB | {} | {} | {} |",
                    m.mb,
                    secs(&m.check),
                    secs(&st.first),
                    secs(&st.second),
                    st.second.wall / st.first.wall,
                    st.second_same,
                    secs(&st.changed),
                    st.changed_same,
                    st.store_bytes as f64 / 1e6,
                    secs(&st.against),
                    st.against.wall / m.check.wall,
                    st.against_same,
                    st.against_findings,
                    st.against.max_rss_kb as f64 / 1024.0,
                    st.full_with_draft.max_rss_kb as f64 / 1024.0,
                    secs(&st.shards),
                    secs(&st.claims),
                    st.claims_same,
                );
            }
        }
    }
    // Scaling: every size against its half (time(2N) / time(N); linear is 2.0).
    let mut lines = Vec::new();
    for big in ms {
        let Some(half) = ms.iter().find(|m| (m.mb * 2.0 - big.mb).abs() < 1e-9) else {
            continue;
        };
        let ratio = |a: f64, b: f64| format!("{:.2}", a / b);
        let mut line = format!(
            "| {} MB / {} MB | {} | {} | {} | {}",
            big.mb,
            half.mb,
            ratio(big.bytes as f64, half.bytes as f64),
            ratio(big.wc.wall, half.wc.wall),
            ratio(big.extract.wall, half.extract.wall),
            ratio(big.check.wall, half.check.wall),
        );
        match (&big.stages, &half.stages) {
            (Some(b), Some(h)) => {
                let _ = write!(
                    line,
                    " | {} | {} | {} | {} | {} |",
                    ratio(b.load, h.load),
                    ratio(b.extract, h.extract),
                    ratio(b.resolve, h.resolve),
                    ratio(b.rules, h.rules),
                    ratio(b.report, h.report)
                );
            }
            _ => line.push_str(" | | | | | |"),
        }
        lines.push(line);
    }
    if !lines.is_empty() {
        let _ = writeln!(
            out,
            "\nScaling, time(2N) / time(N) (linear = 2.00; target ≤ 2.2):\n"
        );
        let _ = writeln!(
            out,
            "| sizes | bytes | wc -w | extract | check | load | extract (in process) | resolve | rules | report |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|");
        for l in lines {
            let _ = writeln!(out, "{l}");
        }
    }
    out
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this binary without it,
    // and must not start a benchmark of several minutes.
    if !std::env::args().any(|a| a == "--bench") {
        println!("archive: benchmark skipped (run it with `cargo bench --bench archive`)");
        return;
    }
    let sizes: Vec<f64> = env_or("FACTDIFF_BENCH_SIZES", "10,100")
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .parse()
                .unwrap_or_else(|_| panic!("FACTDIFF_BENCH_SIZES: `{s}` is not a number of MB"))
        })
        .collect();
    let root = PathBuf::from(env_or("FACTDIFF_BENCH_DIR", "/tmp/factdiff-bench"));
    let seed: u64 = env_or("FACTDIFF_BENCH_SEED", "1").parse().expect("seed");
    let scaling = env_or("FACTDIFF_BENCH_SCALING", "1") != "0";
    let stages_setting = env_or("FACTDIFF_BENCH_STAGES", "1");
    let keep = env_or("FACTDIFF_BENCH_KEEP", "0") != "0";
    let timeout = Duration::from_secs(
        env_or("FACTDIFF_BENCH_TIMEOUT", "1800")
            .parse()
            .expect("timeout"),
    );
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_factdiff"));
    fs::create_dir_all(&root).expect("bench folder");

    let mut all: Vec<f64> = Vec::new();
    for &s in &sizes {
        if scaling && !all.contains(&(s / 2.0)) {
            all.push(s / 2.0);
        }
        if !all.contains(&s) {
            all.push(s);
        }
    }
    let mut results = Vec::new();
    for &mb in &all {
        // Few runs on big corpora: each takes long and the noise is relatively smaller.
        let runs: usize = env_or("FACTDIFF_BENCH_RUNS", if mb >= 500.0 { "2" } else { "3" })
            .parse()
            .expect("runs");
        // In process, the stages hold the whole archive in the bench's own memory and take
        // as long as `check` again: by default only below 500 MB.
        let with_stages = match stages_setting.as_str() {
            "0" => false,
            "all" => true,
            _ => mb < 500.0,
        };
        // The claim store is measured on the sizes asked for, not on their halves.
        let with_store = env_or("FACTDIFF_BENCH_STORE", "1") != "0" && sizes.contains(&mb);
        results.push(measure(
            &bin,
            &root,
            mb,
            seed,
            runs,
            timeout,
            with_stages,
            with_store,
        ));
        if mb >= 500.0 && !keep {
            let dir = root.join(format!("mb{mb}-seed{seed}"));
            if dir.join(MANIFEST).exists() {
                let _ = fs::remove_dir_all(&dir);
            }
        }
    }
    let text = tables(&results);
    println!("\n{text}");
    if let Ok(path) = std::env::var("FACTDIFF_BENCH_OUT") {
        fs::write(&path, &text).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
}

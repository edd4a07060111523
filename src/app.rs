//! Command-line definitions and the commands behind them.
//!
//! Exit codes: 0 clean, 1 error-level findings (or, for `diff`, facts changed),
//! 2 usage, configuration or input errors.

use crate::config::Config;
use crate::corpus::{self, InputError, LoadOptions};
use crate::extract;
use crate::knowledge::Knowledge;
use crate::pipeline;
use crate::report::{self, Baseline, Format, Options, Style};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use miette::Diagnostic;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Exit code: nothing to report.
pub const EXIT_CLEAN: i32 = 0;
/// Exit code: error-level findings (check) or changed facts (diff).
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: bad usage, configuration or input.
pub const EXIT_TROUBLE: i32 = 2;

/// Cross-checks the facts of news articles and reports contradictions.
#[derive(Debug, Parser)]
#[command(name = "factdiff", version, about, long_about = None, after_help = EXIT_CODES_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

const EXIT_CODES_HELP: &str = "Exit codes:
  0  no error-level finding (or only baselined ones; always with --exit-zero or --update-baseline)
  1  error-level findings not in the baseline (diff: facts changed)
  2  usage, configuration, baseline or rules error (a missing path, a bad factdiff.toml);
     an unreadable or malformed article is a warning and the others are still checked";

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One line per claim.
    Human,
    /// The JSON contract (`version`, `documents[].claims[]`).
    Json,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    /// One line per claim.
    Human,
    /// The JSON contract (`version`, `documents[].claims[]`).
    Json,
    /// JSON Lines: a header, then each document and its claims, one record a line; what
    /// `check --claims` reads back (see docs/store.md).
    Jsonl,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the claims read from articles.
    Extract(ExtractArgs),
    /// Cross-check articles and report contradictions.
    #[command(after_help = EXIT_CODES_HELP)]
    Check(CheckArgs),
    /// Show which facts an edit changed: `OLD NEW` (files or folders), `REV PATH` or
    /// `REV1 REV2 PATH` (git). With two arguments the first is a path when it exists on
    /// disk, else a git revision.
    Diff {
        /// `OLD NEW`, `REV PATH` or `REV1 REV2 PATH`.
        #[arg(required = true, num_args = 2..=3, value_name = "OLD NEW | REV PATH | REV1 REV2 PATH")]
        args: Vec<PathBuf>,
        /// Reference date for articles whose metadata gives none (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
        format: ExtractFormat,
        /// Extra rules folder (may repeat).
        #[arg(long = "rules")]
        rules: Vec<PathBuf>,
        /// Also check the changed facts against the articles of this folder (may repeat).
        #[arg(long = "corpus")]
        corpus: Vec<PathBuf>,
    },
    /// List the events that several articles report, with the evidence that linked them.
    Events(ReadArgs),
    /// Print a rule's documentation.
    Explain {
        /// Rule id (see `factdiff rules`).
        rule: String,
    },
    /// List the rules and the knowledge loaded.
    Rules {
        /// Extra rules folder (may repeat).
        #[arg(long = "rules")]
        rules: Vec<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (`factdiff man | man -l -`), or a subcommand's page.
    Man {
        /// A subcommand (`check`, `diff`, ...) whose page to print instead of factdiff(1).
        subcommand: Option<String>,
    },
}

/// Arguments of the commands that read articles and print what was read (`extract`,
/// `events`).
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Article files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Reference date for articles whose metadata gives none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
    pub format: ExtractFormat,
    /// Extra rules folder (may repeat).
    #[arg(long = "rules")]
    pub rules: Vec<PathBuf>,
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Reference date for articles whose metadata gives none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Human)]
    pub format: ClaimsFormat,
    /// Extra rules folder (may repeat).
    #[arg(long = "rules")]
    pub rules: Vec<PathBuf>,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Article files or folders (with --against: the drafts).
    #[arg(required_unless_present = "claims")]
    pub paths: Vec<PathBuf>,
    /// Report only findings that involve at least one of PATH (the drafts), checked against
    /// the articles of these files or folders (the archive, read through the claim store).
    #[arg(long, num_args = 1.., value_name = "ARCHIVE")]
    pub against: Vec<PathBuf>,
    /// Check claims files written by `extract --format jsonl` (shards of one archive, in
    /// any order) instead of reading articles.
    #[arg(long, num_args = 1.., value_name = "FILE", conflicts_with_all = ["paths", "against"])]
    pub claims: Vec<PathBuf>,
    /// Folder of the claim store (default: .factdiff_cache in the current folder).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Read and extract every article, without the claim store.
    #[arg(long, conflicts_with = "cache_dir")]
    pub no_cache: bool,
    /// Reference date for articles whose metadata gives none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Extra rules folder (may repeat); added to `rules` of factdiff.toml.
    #[arg(long = "rules")]
    pub rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Baseline file: findings recorded in it are not reported and do not fail the run
    /// (default: `baseline` of factdiff.toml).
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// Write today's findings to the baseline file and exit 0.
    #[arg(long)]
    pub update_baseline: bool,
    /// Also report findings that are in the baseline (marked as such).
    #[arg(long)]
    pub show_baselined: bool,
    /// Configuration file (default: factdiff.toml in the first checked folder or a parent).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Exit 0 even when error-level findings are reported (report-only runs).
    #[arg(long)]
    pub exit_zero: bool,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: use YYYY-MM-DD"))
}

/// Runs a parsed command line and returns the exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Extract(a) => run_extract(&a.paths, a.date, a.format, &a.rules),
        Command::Check(args) => run_check(&args),
        Command::Diff {
            args,
            date,
            format,
            rules,
            corpus,
        } => run_diff(&args, date, format, &rules, &corpus),
        Command::Events(a) => run_events(&a),
        Command::Explain { rule } => run_explain(&rule),
        Command::Rules { rules } => run_rules(&rules),
        Command::Completions { shell } => run_completions(shell),
        Command::Man { subcommand } => run_man(subcommand.as_deref()),
    }
}

/// `eprintln!` that ignores write errors: a closed standard error (`2>&1 | head`) must not
/// panic and turn the exit code into 101.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Prints a diagnostic to standard error: colour only on a terminal, words never split.
fn print_error(e: impl Into<miette::Report>) {
    let report = e.into();
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_break_words(false)
        .with_urls(false);
    let mut text = String::new();
    match handler.render_report(&mut text, report.as_ref()) {
        Ok(()) => say!("{}", text.trim_end()),
        Err(_) => say!("factdiff: {report}"),
    }
}

fn run_extract(
    paths: &[PathBuf],
    date: Option<NaiveDate>,
    format: ClaimsFormat,
    rules: &[PathBuf],
) -> i32 {
    let Some(kb) = load_knowledge(rules) else {
        return EXIT_TROUBLE;
    };
    let options = LoadOptions {
        default_date: date,
        ..LoadOptions::default()
    };
    let jsonl = format == ClaimsFormat::Jsonl;
    // Articles are read and extracted on all cores a batch at a time, and written out in
    // their sorted order as each batch is done: an archive is never held whole.
    const BATCH: usize = 2048;
    let (files, mut problems) = corpus::collect_files(paths, &options.exclude);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut written: std::io::Result<()> = Ok(());
    if jsonl {
        written = out.write_all(
            crate::store::records::header_line(&crate::store::rules_hash(&kb)).as_bytes(),
        );
    }
    let mut writer = crate::report::ExtractWriter::new(&mut out, format == ClaimsFormat::Json);
    let mut next_id: u32 = 0;
    for batch in files.chunks(BATCH) {
        use rayon::prelude::*;
        let read: Vec<(String, Result<Vec<corpus::Document>, corpus::InputError>)> = batch
            .par_iter()
            .map(|f| (corpus::display_path(f), corpus::read_file(f, &options)))
            .collect();
        // Each document with its file and place in the file (what a claims file records).
        let mut docs = Vec::new();
        for (shown, result) in read {
            match result {
                Ok(ds) => {
                    problems.extend(corpus::file_notices(&shown, &ds));
                    for (index, mut d) in ds.into_iter().enumerate() {
                        d.id = crate::span::DocId(next_id);
                        next_id = next_id.saturating_add(1);
                        docs.push((shown.clone(), index, d));
                    }
                }
                Err(e) => problems.push(e),
            }
        }
        let json = writer.json();
        let parts: Vec<std::io::Result<Vec<u8>>> = docs
            .par_iter()
            .map(|(file, index, d)| {
                let claims = extract::extract(d, &kb);
                if jsonl {
                    Ok(crate::store::records::render(file, *index, d, &claims))
                } else {
                    crate::report::ExtractWriter::render(json, d, &claims)
                }
            })
            .collect();
        // JSON Lines parts go out as they are (the writer adds brackets only for JSON).
        written = written.and_then(|_| {
            parts
                .into_iter()
                .try_for_each(|part| writer.rendered(&part?))
        });
        if written.is_err() {
            break;
        }
    }
    let result = written
        .and_then(|_| writer.finish())
        .and_then(|_| out.flush());
    let mut code = EXIT_CLEAN;
    problems.sort_by(|a, b| a.path().cmp(b.path()));
    for p in problems {
        if p.is_usage() {
            code = EXIT_TROUBLE;
        }
        print_error(p);
    }
    if !output_written(result) {
        return EXIT_TROUBLE;
    }
    code
}

/// The knowledge base with the rules folders `rules` added; on an error, says what is wrong
/// with which file and gives nothing.
fn load_knowledge(rules: &[PathBuf]) -> Option<Knowledge> {
    match Knowledge::load(rules) {
        Ok(kb) => Some(kb),
        Err(e) => {
            print_error(e);
            None
        }
    }
}

/// False (after saying why) when writing the output failed; a reader that stopped reading
/// (`| head`) is not a failure.
fn output_written(result: std::io::Result<()>) -> bool {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            say!("factdiff: cannot write output: {e}");
            false
        }
        _ => true,
    }
}

/// Prints input problems to standard error; true when one of them is an error (a missing
/// path) rather than a warning about one skipped file.
fn print_problems(problems: Vec<InputError>) -> bool {
    let mut trouble = false;
    for p in problems {
        if p.is_usage()
            || p.severity().unwrap_or(miette::Severity::Error) == miette::Severity::Error
        {
            trouble = true;
        }
        print_error(p);
    }
    trouble
}

/// The configuration for a run: `--config`, else the nearest factdiff.toml, else defaults.
fn load_config(args: &CheckArgs) -> Result<Config, crate::config::ConfigError> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => args.paths.first().and_then(|p| Config::discover(p)),
    };
    match path {
        Some(p) => Config::load(&p),
        None => Ok(Config::default()),
    }
}

/// Reads and checks the articles under `paths` (or the claims files of `--claims`), leaving
/// out what the configuration excludes, through the claim store unless `--no-cache`. Texts
/// are kept in memory only for the HTML report, which shows every article. `None` (after
/// saying why) when claims files cannot be read.
fn load_and_analyse(
    args: &CheckArgs,
    config: &Config,
    kb: &Knowledge,
) -> Option<(corpus::Corpus, pipeline::Analysis, pipeline::Timings)> {
    let options = LoadOptions {
        default_date: args.date,
        ..LoadOptions::default()
    };
    let keep_texts = args.format == Format::Html;
    let timed = std::env::var_os("FACTDIFF_TIMINGS").is_some();
    if !args.claims.is_empty() {
        return analyse_claims_files(args, kb, &options, keep_texts);
    }
    let walk = std::time::Instant::now();
    let collect = |paths: &[PathBuf]| {
        let (files, problems) = corpus::collect_files(paths, &[]);
        let files: Vec<PathBuf> = files
            .into_iter()
            .filter(|f| !config.is_excluded(&corpus::display_path(f)))
            .collect();
        (files, problems)
    };
    let (files, mut problems) = collect(&args.paths);
    let (archive, archive_problems) = if args.against.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        collect(&args.against)
    };
    problems.extend(archive_problems);
    if timed {
        say!(
            "factdiff: timings: walk {:.2} s, {} files",
            walk.elapsed().as_secs_f64(),
            files.len() + archive.len()
        );
    }
    let store = if args.no_cache {
        None
    } else {
        let dir = args
            .cache_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from(".factdiff_cache"));
        let engine = crate::store::db::engine_key(&crate::store::rules_hash(kb), &options);
        let mut notices = Vec::new();
        let opened = crate::store::Store::open(&dir, engine, &mut notices);
        for n in notices {
            say!("{n}");
        }
        match opened {
            Ok(s) => Some(s),
            Err(n) => {
                say!("{n}");
                None
            }
        }
    };
    let (mut corpus, analysis, timings) = if args.against.is_empty() {
        match store {
            Some(mut store) => {
                let t0 = std::time::Instant::now();
                // An unchanged archive checked again: its findings are stored with it.
                let again = (!keep_texts)
                    .then(|| store.run_key(&files))
                    .flatten()
                    .and_then(|key| store.stored_findings(&key))
                    .and_then(|findings| Some((findings, store.load_documents(&files)?)));
                if let Some((findings, loaded)) = again {
                    if timed {
                        say!(
                            "factdiff: timings: claim store: {} files reused, 0 read and extracted, findings reused",
                            loaded.reused
                        );
                    }
                    let mut corpus = loaded.corpus;
                    pipeline::reload_texts(&mut corpus, &findings, &options);
                    let timings = pipeline::Timings {
                        extract: t0.elapsed().as_secs_f64(),
                        ..pipeline::Timings::default()
                    };
                    let analysis = pipeline::Analysis {
                        claims: loaded.claims,
                        claims_read: loaded.claims_read,
                        findings,
                    };
                    (corpus, analysis, timings)
                } else {
                    let bar = Progress::new(files.len());
                    let loaded =
                        store.load(&files, &options, kb, keep_texts, None, &|n| bar.inc(n));
                    bar.finish();
                    for n in &loaded.notices {
                        say!("{n}");
                    }
                    if timed {
                        say!(
                            "factdiff: timings: claim store: {} files reused, {} read and extracted",
                            loaded.reused, loaded.extracted
                        );
                    }
                    let extracted = t0.elapsed().as_secs_f64();
                    let mut corpus = loaded.corpus;
                    let (findings, mut timings) = pipeline::check_claims(
                        &mut corpus,
                        &loaded.claims,
                        kb,
                        &options,
                        keep_texts,
                        None,
                    );
                    timings.extract = extracted;
                    if let Some(key) = store.run_key(&files) {
                        if let Err(e) = store.store_findings(&key, &findings) {
                            say!("factdiff: notice: claim store: findings not kept ({e})");
                        }
                    }
                    let analysis = pipeline::Analysis {
                        claims: loaded.claims,
                        claims_read: loaded.claims_read,
                        findings,
                    };
                    (corpus, analysis, timings)
                }
            }
            None => {
                let bar = Progress::new(files.len());
                let done =
                    pipeline::analyse_paths_progress(&files, &options, kb, keep_texts, &|n| {
                        bar.inc(n)
                    });
                bar.finish();
                done
            }
        }
    } else {
        crate::store::against::analyse(store, &files, &archive, &options, kb, keep_texts, timed)
    };
    problems.append(&mut corpus.problems);
    problems.sort_by(|a, b| a.path().cmp(b.path()));
    corpus.problems = problems;
    Some((corpus, analysis, timings))
}

/// `check --claims FILE...`: resolution and the rules over claims extracted elsewhere.
fn analyse_claims_files(
    args: &CheckArgs,
    kb: &Knowledge,
    options: &LoadOptions,
    keep_texts: bool,
) -> Option<(corpus::Corpus, pipeline::Analysis, pipeline::Timings)> {
    let t0 = std::time::Instant::now();
    let keep = |c: &extract::Claim| keep_texts || pipeline::needed_by_rules(c);
    let loaded =
        match crate::store::records::load(&args.claims, &crate::store::rules_hash(kb), keep) {
            Ok(l) => l,
            Err(e) => {
                print_error(e);
                return None;
            }
        };
    for n in &loaded.notices {
        say!("{n}");
    }
    let mut corpus = loaded.corpus;
    if keep_texts {
        // The HTML report shows every article: read those that are there.
        use rayon::prelude::*;
        corpus.documents.par_iter_mut().for_each(|d| {
            corpus::reload_text(d, options);
        });
    }
    let extracted = t0.elapsed().as_secs_f64();
    let (findings, mut timings) =
        pipeline::check_claims(&mut corpus, &loaded.claims, kb, options, keep_texts, None);
    timings.extract = extracted;
    Some((
        corpus,
        pipeline::Analysis {
            claims: loaded.claims,
            claims_read: loaded.claims_read,
            findings,
        },
        timings,
    ))
}

/// A progress bar on standard error for long runs: only on a terminal, never in CI.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// Files below which no bar is drawn: a short run ends before it would help.
    const MIN_FILES: usize = 1000;

    fn new(files: usize) -> Progress {
        let show = files >= Self::MIN_FILES
            && std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none();
        Progress(show.then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(files as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{prefix} {bar:30} {pos}/{len} files ({eta} left)",
            ) {
                bar.set_style(style);
            }
            bar.set_prefix("factdiff: reading");
            bar
        }))
    }

    fn inc(&self, n: u64) {
        if let Some(b) = &self.0 {
            b.inc(n);
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

/// True when the human report may use colour: standard output is a terminal and neither
/// NO_COLOR nor CI asks for plain text.
fn use_color(output: Option<&Path>) -> bool {
    output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("CI").is_none()
}

fn run_check(args: &CheckArgs) -> i32 {
    let config = match load_config(args) {
        Ok(c) => c,
        Err(e) => {
            print_error(e);
            return EXIT_TROUBLE;
        }
    };
    let mut rules = config.rules.clone();
    rules.extend(args.rules.iter().cloned());
    let Some(kb) = load_knowledge(&rules) else {
        return EXIT_TROUBLE;
    };
    let baseline_path = args.baseline.clone().or_else(|| config.baseline.clone());
    let baseline = match (&baseline_path, args.update_baseline) {
        (None, true) => {
            say!("factdiff: --update-baseline needs --baseline FILE (or `baseline` in factdiff.toml)");
            return EXIT_TROUBLE;
        }
        (Some(p), false) => match Baseline::load(p) {
            Ok(b) => Some(b),
            Err(e) => {
                print_error(e);
                return EXIT_TROUBLE;
            }
        },
        _ => None,
    };
    if let Some(b) = &baseline {
        warn_if_foreign_baseline(b, &args.paths);
    }
    let started = std::time::Instant::now();
    let Some((mut corpus, analysis, timings)) = load_and_analyse(args, &config, &kb) else {
        return EXIT_TROUBLE;
    };
    let analysed = started.elapsed().as_secs_f64();
    let mut trouble = print_problems(std::mem::take(&mut corpus.problems));
    // FACTDIFF_TIMINGS=1 prints where the time went, for profiling large archives.
    if std::env::var_os("FACTDIFF_TIMINGS").is_some() {
        say!(
            "factdiff: timings: read and extract {:.2} s, resolve {:.2} s, rules {:.2} s, all {analysed:.2} s",
            timings.extract, timings.resolve, timings.rules
        );
    }
    let claims = analysis.claim_count();
    let options = Options {
        config: &config,
        baseline: baseline.as_ref(),
        show_baselined: args.show_baselined,
        claims,
        raw: &report::read_from_disk,
    };
    let prepared = std::time::Instant::now();
    let mut report = report::prepare(&corpus, &kb, analysis.findings, &options);
    let prepared = prepared.elapsed().as_secs_f64();
    if args.format == Format::Html {
        // Only the HTML report lists what was read from each article.
        report = report.with_claims(&analysis.claims);
    }

    if args.update_baseline {
        let Some(path) = baseline_path else {
            return EXIT_TROUBLE;
        };
        let entries = report.baseline_entries();
        if let Err(e) = report::baseline::write(&path, &entries) {
            print_error(e);
            return EXIT_TROUBLE;
        }
        say!(
            "factdiff: wrote {} finding(s) to baseline {}",
            entries.len(),
            corpus::display_path(&path)
        );
        return if trouble { EXIT_TROUBLE } else { EXIT_CLEAN };
    }

    let style = Style {
        color: args.format == Format::Human && use_color(args.output.as_deref()),
        ..Style::default()
    };
    let written = match &args.output {
        Some(path) => {
            let text = report::render_to_string(args.format, &report, style);
            report::baseline::write_atomic(path, text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", corpus::display_path(path)))
        }
        None => {
            // Standard output flushes at every line feed: a large report goes through a buffer.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match report::render(args.format, &report, style, &mut out).and_then(|_| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write output: {e}"))
                }
                _ => Ok(()),
            }
        }
    };
    if std::env::var_os("FACTDIFF_TIMINGS").is_some() {
        say!(
            "factdiff: timings: report prepared in {prepared:.2} s, written {:.2} s after",
            (started.elapsed().as_secs_f64() - analysed - prepared).max(0.0)
        );
    }
    if let Err(e) = written {
        say!("factdiff: {e}");
        trouble = true;
    }
    let code = if trouble {
        EXIT_TROUBLE
    } else if report.fails() && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    // The process exits next: freeing an archive's claims piece by piece would only delay it.
    std::mem::forget(report);
    std::mem::forget(corpus);
    std::mem::forget(analysis.claims);
    code
}

/// Warns (one line on standard error) when a baseline records findings only for files that
/// are not being checked: it was written for another folder, or from another working folder,
/// so none of its entries can match (fingerprints hold the documents' paths) and each would
/// be reported as stale.
fn warn_if_foreign_baseline(baseline: &Baseline, checked: &[PathBuf]) {
    let Some(example) = foreign_baseline_path(baseline, checked) else {
        return;
    };
    let shown: Vec<String> = checked.iter().map(|p| corpus::display_path(p)).collect();
    say!(
        "factdiff: warning: baseline {} records findings only for files that are not being \
         checked (e.g. {example}); if it was written for another folder, regenerate it with \
         `factdiff check {} --baseline {} --update-baseline`",
        baseline.path,
        shown.join(" "),
        baseline.path
    );
}

/// A path the baseline records, when none of the paths it records is an existing file in a
/// checked folder or in the folder of a checked file (so checking some articles of a
/// folder, as a pre-commit hook does, is not taken for another folder); `None` for an empty
/// baseline.
fn foreign_baseline_path<'b>(baseline: &'b Baseline, checked: &[PathBuf]) -> Option<&'b str> {
    let folders: Vec<String> = checked
        .iter()
        .map(|p| {
            let shown = corpus::display_path(p);
            let trimmed = match shown.trim_end_matches('/') {
                "" if shown.starts_with('/') => "/".to_string(),
                t => t.to_string(),
            };
            if p.is_dir() {
                trimmed
            } else {
                match trimmed.rsplit_once('/') {
                    Some(("", _)) => "/".to_string(),
                    Some((parent, _)) => parent.to_string(),
                    None => String::new(),
                }
            }
        })
        .collect();
    let mut recorded = baseline
        .entries
        .iter()
        .flat_map(|e| e.paths.iter().map(String::as_str));
    let first = recorded.clone().next()?;
    let checked = |path: &str| {
        folders.iter().any(|folder| lies_in(path, folder)) && recorded_file_exists(path)
    };
    if recorded.any(checked) {
        None
    } else {
        Some(first)
    }
}

/// True when the file a recorded document path names exists (relative to the working
/// folder); `feed.json#2`, the second post of a WordPress export, names `feed.json`.
fn recorded_file_exists(path: &str) -> bool {
    Path::new(path).exists()
        || path
            .rsplit_once('#')
            .is_some_and(|(file, _)| Path::new(file).is_file())
}

/// True when the document path `path` (as shown: `/`-separated, maybe `file.json#2`) lies in
/// `folder` (as shown; empty or `.` for the working folder).
fn lies_in(path: &str, folder: &str) -> bool {
    match folder {
        "" | "." => !path.starts_with('/') && path != ".." && !path.starts_with("../"),
        "/" => path.starts_with('/'),
        _ => path
            .strip_prefix(folder)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with('#')),
    }
}

fn run_explain(id: &str) -> i32 {
    let Some(rule) = crate::rules::find(id) else {
        let known: Vec<&str> = crate::rules::registry().iter().map(|r| r.id).collect();
        say!(
            "factdiff: no rule `{id}`; the rules are: {}",
            known.join(", ")
        );
        return EXIT_TROUBLE;
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{} — {}\nDefault severity: {}\n\n{}",
        rule.id,
        rule.summary,
        rule.default_severity,
        rule.explanation().trim_end()
    );
    EXIT_CLEAN
}

fn run_events(args: &ReadArgs) -> i32 {
    let Some(kb) = load_knowledge(&args.rules) else {
        return EXIT_TROUBLE;
    };
    let options = LoadOptions {
        default_date: args.date,
        ..LoadOptions::default()
    };
    let mut corpus = corpus::load(&args.paths, &options);
    let trouble = print_problems(std::mem::take(&mut corpus.problems));
    if trouble && corpus.documents.is_empty() {
        return EXIT_TROUBLE;
    }
    let (_, resolved) = crate::pipeline::extract_and_resolve(&corpus, &kb);
    let events = crate::report::events::events(&corpus, &resolved);
    let text = match args.format {
        ExtractFormat::Human => crate::report::events::human(&events),
        ExtractFormat::Json => crate::report::events::json(&events) + "\n",
    };
    if !output_written(std::io::stdout().lock().write_all(text.as_bytes())) {
        return EXIT_TROUBLE;
    }
    EXIT_CLEAN
}

fn run_rules(extra: &[PathBuf]) -> i32 {
    let Some(kb) = load_knowledge(extra) else {
        return EXIT_TROUBLE;
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "Rules (factdiff explain RULE for details):");
    for r in crate::rules::registry() {
        let _ = writeln!(
            out,
            "  {:<28} {:<8} {}",
            r.id,
            r.default_severity.to_string(),
            r.summary
        );
    }
    let _ = writeln!(out, "\nKnowledge loaded from {} file(s):", kb.files.len());
    for f in &kb.files {
        let _ = writeln!(out, "  {}", f.path);
    }
    let _ = writeln!(
        out,
        "  {} people, {} titles, {} organisations, {} mistranslations, {} meeting series, {} places, {} countries",
        kb.people.len(),
        kb.titles.len(),
        kb.organisations.len(),
        kb.mistranslations.len(),
        kb.series.len(),
        kb.places.len(),
        kb.countries.len()
    );
    EXIT_CLEAN
}

/// Writes the completion script for `shell`, generated from the command-line definitions.
fn run_completions(shell: clap_complete::Shell) -> i32 {
    use clap::CommandFactory;
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "factdiff", &mut out);
    let result = std::io::stdout().lock().write_all(&out);
    if output_written(result) {
        EXIT_CLEAN
    } else {
        EXIT_TROUBLE
    }
}

/// Writes a manual page (roff), generated from the command-line definitions: factdiff(1),
/// or factdiff-SUBCOMMAND(1) with the subcommand's options.
fn run_man(subcommand: Option<&str>) -> i32 {
    use clap::CommandFactory;
    let mut command = Cli::command();
    command.build();
    let page = match subcommand {
        None => command,
        Some(name) => {
            let Some(sub) = command
                .get_subcommands()
                .find(|s| s.get_name() == name && name != "help")
            else {
                let known: Vec<&str> = command
                    .get_subcommands()
                    .map(|s| s.get_name())
                    .filter(|n| *n != "help")
                    .collect();
                say!(
                    "factdiff: no subcommand `{name}`; the subcommands are: {}",
                    known.join(", ")
                );
                return EXIT_TROUBLE;
            };
            // After `build`, a subcommand's display name is `factdiff-NAME`: the page's title.
            sub.clone().version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut out = Vec::new();
    let result = clap_mangen::Man::new(page)
        .render(&mut out)
        .and_then(|_| std::io::stdout().lock().write_all(&out));
    if output_written(result) {
        EXIT_CLEAN
    } else {
        EXIT_TROUBLE
    }
}

fn run_diff(
    args: &[PathBuf],
    date: Option<NaiveDate>,
    format: ExtractFormat,
    rules: &[PathBuf],
    corpus_dirs: &[PathBuf],
) -> i32 {
    use crate::diff::{self, render, source};
    let Some(kb) = load_knowledge(rules) else {
        return EXIT_TROUBLE;
    };
    let options = LoadOptions {
        default_date: date,
        ..LoadOptions::default()
    };
    let mut versions = match source::Request::parse(args).and_then(|r| source::read(&r, &options)) {
        Ok(v) => v,
        Err(e) => {
            print_error(e);
            return EXIT_TROUBLE;
        }
    };
    for w in std::mem::take(&mut versions.warnings) {
        print_error(w);
    }
    let mut report = diff::diff_versions(&versions, &kb);
    let mut code = if report.changed() {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    if !corpus_dirs.is_empty() {
        let (findings, problems) =
            diff::check_report(&report, &versions, corpus_dirs, &options, &kb);
        for p in problems {
            if p.is_usage() {
                code = EXIT_TROUBLE;
            }
            print_error(p);
        }
        report.findings = Some(findings);
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let result = match format {
        ExtractFormat::Json => render::json(&report, &mut out),
        ExtractFormat::Human => render::human(&report, render::Style::detect(), &mut out),
    };
    if !output_written(result.and_then(|_| out.flush())) {
        return EXIT_TROUBLE;
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_in_folders() {
        assert!(lies_in("news/a.md", "news"));
        assert!(lies_in("news/sub/a.md", "news"));
        assert!(lies_in("news/feed.json#2", "news"));
        assert!(!lies_in("newsroom/a.md", "news"));
        assert!(!lies_in("other/a.md", "news"));
        assert!(lies_in("a.md", ""));
        assert!(lies_in("news/a.md", "."));
        assert!(!lies_in("/abs/news/a.md", ""));
        assert!(!lies_in("../news/a.md", "."));
        assert!(lies_in("/abs/news/a.md", "/abs/news"));
        assert!(lies_in("/abs/news/a.md", "/"));
    }
}

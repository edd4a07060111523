//! Command-line definitions and the commands behind them.
//!
//! Exit codes: 0 clean, 1 error-level findings (or, for `diff`, facts changed),
//! 2 usage, configuration or input errors.

use crate::corpus::{self, LoadOptions};
use crate::extract;
use crate::knowledge::Knowledge;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

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

const EXIT_CODES_HELP: &str = "Exit codes: 0 no error-level finding, 1 error-level findings (diff: facts changed), 2 usage, configuration or input error.";

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One line per claim.
    Human,
    /// The JSON contract (`version`, `documents[].claims[]`).
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the claims read from articles.
    Extract {
        /// Article files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Reference date for articles whose metadata gives none (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
        format: ExtractFormat,
        /// Extra rules folder (may repeat).
        #[arg(long = "rules")]
        rules: Vec<PathBuf>,
    },
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
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date: use YYYY-MM-DD"))
}

/// Runs a parsed command line and returns the exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Extract { paths, date, format, rules } => run_extract(&paths, date, format, &rules),
        Command::Diff { args, date, format, rules, corpus } => run_diff(&args, date, format, &rules, &corpus),
    }
}

fn print_error(e: impl Into<miette::Report>) {
    eprintln!("{:?}", e.into());
}

fn run_extract(paths: &[PathBuf], date: Option<NaiveDate>, format: ExtractFormat, rules: &[PathBuf]) -> i32 {
    let kb = match Knowledge::load(rules) {
        Ok(kb) => kb,
        Err(e) => {
            print_error(e);
            return EXIT_TROUBLE;
        }
    };
    let corpus = corpus::load(paths, &LoadOptions { default_date: date, ..LoadOptions::default() });
    let mut code = EXIT_CLEAN;
    for p in corpus.problems {
        if p.is_usage() {
            code = EXIT_TROUBLE;
        }
        print_error(p);
    }
    let docs: Vec<_> = corpus.documents.iter().map(|d| (d, extract::extract(d, &kb))).collect();
    let out = std::io::stdout();
    let mut out = out.lock();
    let result = match format {
        ExtractFormat::Json => crate::report::extract_json(&docs, &mut out),
        ExtractFormat::Human => crate::report::extract_human(&docs, &mut out),
    };
    if let Err(e) = result.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("factdiff: cannot write output: {e}");
            return EXIT_TROUBLE;
        }
    }
    code
}

fn run_diff(
    args: &[PathBuf],
    date: Option<NaiveDate>,
    format: ExtractFormat,
    rules: &[PathBuf],
    corpus_dirs: &[PathBuf],
) -> i32 {
    use crate::diff::{self, render, source};
    let kb = match Knowledge::load(rules) {
        Ok(kb) => kb,
        Err(e) => {
            print_error(e);
            return EXIT_TROUBLE;
        }
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
    let out = std::io::stdout();
    let mut out = out.lock();
    let result = match format {
        ExtractFormat::Json => render::json(&report, &mut out),
        ExtractFormat::Human => render::human(&report, render::Style::detect(), &mut out),
    };
    if let Err(e) = result.and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("factdiff: cannot write output: {e}");
            return EXIT_TROUBLE;
        }
    }
    code
}

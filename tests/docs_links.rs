//! The README is a front door: short, with a link to every page under docs/, and the links of
//! the README, CONTRIBUTING.md and docs/ lead somewhere. Every `factdiff SUBCOMMAND --flag`
//! written in them names a subcommand and flags that the command-line definition has.

use clap::CommandFactory;
use factdiff::app::Cli;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, CONTRIBUTING.md and every Markdown page under docs/.
fn pages() -> Vec<PathBuf> {
    let mut out = vec![root().join("README.md"), root().join("CONTRIBUTING.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    out.extend(docs);
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Lines outside fenced code blocks.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            code = !code;
            continue;
        }
        if !code {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// GitHub's anchor for a heading.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(text: &str) -> BTreeSet<String> {
    prose(text)
        .lines()
        .filter_map(|l| {
            l.trim_start_matches('#')
                .strip_prefix(' ')
                .filter(|_| l.starts_with('#'))
        })
        .map(slug)
        .collect()
}

/// Targets of Markdown links `[text](target)`.
fn links(text: &str) -> Vec<String> {
    let prose = prose(text);
    let mut out = Vec::new();
    let mut rest = prose.as_str();
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(')') else { break };
        out.push(after[..end].to_string());
        rest = &after[end..];
    }
    out
}

#[test]
fn readme_is_short_and_links_every_docs_page() {
    let readme = read(&root().join("README.md"));
    let lines = readme.lines().count();
    assert!(
        lines <= 200,
        "README.md has {lines} lines: keep it a front door (at most 200); move detail to docs/"
    );
    let linked: BTreeSet<String> = links(&readme).into_iter().collect();
    for page in pages().iter().skip(2) {
        let name = format!(
            "docs/{}",
            page.file_name().unwrap_or_default().to_string_lossy()
        );
        assert!(
            linked
                .iter()
                .any(|l| l == &name || l.starts_with(&format!("{name}#"))),
            "README.md does not link {name}"
        );
    }
    assert!(readme.contains("cargo run --release -- check seeds/"));
    assert!(readme.contains("cargo test"));
    assert!(readme.contains("docs/report-screenshot.png"));
}

#[test]
fn links_lead_somewhere() {
    let mut broken = Vec::new();
    for page in pages() {
        let text = read(&page);
        for link in links(&text) {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
            {
                continue;
            }
            let (path, anchor) = match link.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (link.as_str(), None),
            };
            let target = if path.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap_or(Path::new(".")).join(path)
            };
            if !target.exists() {
                broken.push(format!("{}: {link} (no such file)", page.display()));
                continue;
            }
            if let Some(anchor) = anchor {
                if target.extension().is_some_and(|x| x == "md")
                    && !anchors(&read(&target)).contains(anchor)
                {
                    broken.push(format!("{}: {link} (no such heading)", page.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// Every `factdiff SUB ...` line in the pages' code (fenced, or indented by four spaces;
/// after an optional `$ `; continued on lines that start with `[`): its subcommand and
/// `--flags`.
fn documented_commands(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut continuing = false;
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continuing = false;
            continue;
        }
        if !fenced && !line.starts_with("    ") {
            continuing = false;
            continue;
        }
        let t = line.trim_start();
        let t = t.strip_prefix("$ ").unwrap_or(t);
        let words: Vec<&str> = if let Some(rest) = t.strip_prefix("factdiff ") {
            continuing = true;
            let words: Vec<&str> = rest.split_whitespace().collect();
            let Some(sub) = words.first() else { continue };
            // Placeholders (`factdiff COMMAND --help`) and prose are not commands.
            if !sub.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                continuing = false;
                continue;
            }
            out.push((sub.to_string(), Vec::new()));
            words[1..].to_vec()
        } else if continuing && t.starts_with('[') {
            t.split_whitespace().collect()
        } else {
            continuing = false;
            continue;
        };
        let Some((_, flags)) = out.last_mut() else {
            continue;
        };
        for w in words {
            if w.starts_with('#') {
                break;
            }
            let w = w.trim_start_matches(['[', '(', '`', '|']);
            if let Some(name) = w.strip_prefix("--") {
                let name: String = name
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                    .collect();
                if !name.is_empty() {
                    flags.push(name);
                }
            }
        }
    }
    out
}

/// What is wrong with the command lines documented in `text`, and how many there are.
fn command_problems(page: &str, text: &str) -> (Vec<String>, usize) {
    let cli = Cli::command();
    let mut problems = Vec::new();
    let found = documented_commands(text);
    for (sub, flags) in &found {
        let Some(command) = cli.find_subcommand(sub) else {
            problems.push(format!("{page}: `factdiff {sub}`: no such subcommand"));
            continue;
        };
        let known: BTreeSet<String> = command
            .get_arguments()
            .filter_map(|a| a.get_long().map(str::to_string))
            .chain(["help".to_string()])
            .collect();
        for flag in flags {
            if !known.contains(flag) {
                problems.push(format!("{page}: `factdiff {sub} --{flag}`: no such flag"));
            }
        }
    }
    (problems, found.len())
}

#[test]
fn documented_commands_and_flags_exist() {
    let mut problems = Vec::new();
    let mut seen = 0;
    for page in pages() {
        let (p, n) = command_problems(&page.display().to_string(), &read(&page));
        problems.extend(p);
        seen += n;
    }
    assert!(seen >= 20, "only {seen} documented command lines found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn flag_check_can_fail() {
    let text = "Prose: factdiff reads articles.\n\n    $ factdiff check seeds/ --format concise --baselin b.json\n    factdiff chek x\n\n```text\nfactdiff check PATH... [--date D]\n               [--exitzero]\nfactdiff diff A B --corpus C\n```\n";
    let (problems, n) = command_problems("inline", text);
    assert_eq!(n, 4, "{problems:?}");
    assert_eq!(
        problems,
        [
            "inline: `factdiff check --baselin`: no such flag",
            "inline: `factdiff chek`: no such subcommand",
            "inline: `factdiff check --exitzero`: no such flag",
        ]
    );
}

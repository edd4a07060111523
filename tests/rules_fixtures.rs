//! Every rule has fixture articles under `tests/fixtures/RULE/`: `fires/` must produce at
//! least one finding of the rule (snapshotted), `quiet/` must produce no warning or error
//! of any rule — the precision half of the contract.

use factdiff::corpus::{self, LoadOptions};
use factdiff::knowledge::Knowledge;
use factdiff::pipeline::{analyse, Analysis};
use factdiff::rules::{self, Finding, Severity, Source};
use std::path::{Path, PathBuf};

/// Relative to the package root (the working directory of `cargo test`), so paths in
/// messages are the same on every machine.
fn fixtures() -> PathBuf {
    PathBuf::from("tests/fixtures")
}

fn run(dir: &Path) -> (factdiff::corpus::Corpus, Knowledge, Analysis) {
    let kb = Knowledge::load(&[]).expect("rules load");
    let corpus = corpus::load(&[dir.to_path_buf()], &LoadOptions::default());
    assert!(corpus.problems.is_empty(), "{dir:?}: {:?}", corpus.problems);
    let analysis = analyse(&corpus, &kb);
    (corpus, kb, analysis)
}

/// A compact, stable rendering: rule, severity, message, then each location's file name and excerpt.
fn render(corpus: &factdiff::corpus::Corpus, kb: &Knowledge, findings: &[&Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&format!("{} [{}] {}\n", f.severity, f.rule, f.message));
        for l in &f.locations {
            let (path, text) = match l.source {
                Source::Document(d) => {
                    let doc = corpus.get(d).expect("doc");
                    (
                        doc.path.rsplit('/').next().unwrap_or_default().to_string(),
                        l.span.slice(&doc.text).to_string(),
                    )
                }
                Source::Rules(i) => (
                    kb.files[i].path.clone(),
                    l.span.slice(&kb.files[i].text).to_string(),
                ),
            };
            out.push_str(&format!("  {path}: {text:?} ({})\n", l.label));
        }
        out.push_str(&format!("  help: {}\n", f.help));
    }
    out
}

#[test]
fn every_rule_fires_on_its_fixture_and_is_quiet_on_the_other() {
    for rule in rules::registry() {
        let dir = fixtures().join(rule.id);
        assert!(
            dir.join("fires").is_dir() && dir.join("quiet").is_dir(),
            "{} needs tests/fixtures/{}/fires and quiet",
            rule.id,
            rule.id
        );
        let (corpus, kb, analysis) = run(&dir.join("fires"));
        let fired: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.rule == rule.id)
            .collect();
        assert!(
            !fired.is_empty(),
            "{} did not fire on its fixture; got {:#?}",
            rule.id,
            analysis.findings
        );
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
        settings.set_omit_expression(true);
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| {
            insta::assert_snapshot!(format!("rule__{}", rule.id), render(&corpus, &kb, &fired))
        });

        let (corpus, kb, analysis) = run(&dir.join("quiet"));
        let loud: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning || f.rule == rule.id)
            .collect();
        assert!(
            loud.is_empty(),
            "{}: quiet fixture reported:\n{}",
            rule.id,
            render(&corpus, &kb, &loud)
        );
    }
}

#[test]
fn name_spelling_is_one_note_per_person_and_silent_on_typography() {
    let spelling = |dir: &str| -> Vec<Finding> {
        let (_, _, a) = run(&fixtures().join("name-spelling").join(dir));
        a.findings
            .into_iter()
            .filter(|f| f.rule == "name-spelling")
            .collect()
    };
    let fires = spelling("fires");
    assert_eq!(fires.len(), 1, "{fires:#?}");
    // Three spellings in three articles: one note, pointing at each.
    assert_eq!(fires[0].locations.len(), 3, "{fires:#?}");
    // Hyphens, spaces and capitals alone are not a spelling; different people stay apart.
    assert!(spelling("quiet").is_empty(), "{:#?}", spelling("quiet"));
}

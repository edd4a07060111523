//! The demo corpus end to end: what `factdiff check seeds/` reports, in the human and JSON
//! formats, and the exit code. The snapshots are the reviewed report.

use assert_cmd::Command;

fn check(args: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("factdiff")
        .expect("binary")
        // The repository is no place for a claim store, and the snapshots must not need one.
        .args(["check", "seeds/", "--no-cache"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        out.status.code().unwrap_or(-1),
    )
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_omit_expression(true);
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn seeds_human_report() {
    let (out, code) = check(&[]);
    assert_eq!(code, 1, "the seeds hold error-level contradictions");
    settings().bind(|| insta::assert_snapshot!("seeds__check_human", out));
}

#[test]
fn seeds_json_report() {
    let (out, code) = check(&["--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    // The contract's must-haves, asserted outright (the snapshot shows the rest).
    let findings = v["findings"].as_array().expect("findings");
    let has = |rule: &str, subject: &str, severity: &str| {
        findings
            .iter()
            .any(|f| f["rule"] == rule && f["subject"] == subject && f["severity"] == severity)
    };
    assert!(has(
        "role-contradicts-knowledge",
        "Aziz Akhannouch",
        "error"
    ));
    assert!(has(
        "role-contradicts-knowledge",
        "Abdellatif Hammouchi",
        "error"
    ));
    for f in findings {
        let sev = f["severity"].as_str().unwrap_or_default();
        let subject = f["subject"].as_str().unwrap_or_default();
        if sev != "note" {
            for quiet in [
                "Pedro Sánchez",
                "José Manuel Albares",
                "Rafael Pérez Ruiz",
                "Rafael Pérez Pérez",
            ] {
                assert_ne!(subject, quiet, "no warning or error about {quiet}: {f}");
            }
        }
        for loc in f["locations"].as_array().expect("locations") {
            let path = loc["path"].as_str().expect("path");
            if let Ok(text) = std::fs::read_to_string(path) {
                if !path.contains("004_") {
                    let (s, e) = (
                        loc["start"].as_u64().unwrap() as usize,
                        loc["end"].as_u64().unwrap() as usize,
                    );
                    assert_eq!(
                        &text[s..e],
                        loc["text"].as_str().unwrap(),
                        "location text is the exact slice"
                    );
                }
            }
        }
    }
    settings().bind(|| insta::assert_snapshot!("seeds__check_json", out));
}

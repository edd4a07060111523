//! `factdiff completions SHELL` and `factdiff man`: generated from the clap definitions and
//! written to standard output.

use assert_cmd::Command;

fn factdiff(args: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("factdiff")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn bash_completions_name_the_program_and_its_subcommands() {
    let (out, err, code) = factdiff(&["completions", "bash"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("factdiff"), "{out}");
    assert!(
        out.contains("complete "),
        "not a bash completion script: {out}"
    );
    for sub in ["check", "diff", "explain", "extract", "rules", "man"] {
        assert!(out.contains(sub), "no `{sub}` in the bash completions");
    }
    // The flags of `check` are completed too.
    assert!(out.contains("--update-baseline"));
}

#[test]
fn every_shell_clap_supports_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (out, err, code) = factdiff(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains("check"), "{shell}: no `check` in {out}");
    }
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let (out, err, code) = factdiff(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("tcsh"), "{err}");
}

#[test]
fn man_page_is_roff_with_the_subcommands() {
    let (out, err, code) = factdiff(&["man"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with('.'), "not roff: {out}");
    let th = out
        .lines()
        .find(|l| !l.starts_with(".ie") && !l.starts_with(".el"))
        .unwrap_or_default();
    assert!(th.starts_with(".TH factdiff 1"), "no roff header: {th}");
    assert!(out.contains(".SH NAME"));
    assert!(out.contains(".SH SUBCOMMANDS"), "{out}");
    assert!(out.contains("check"));
}

#[test]
fn man_page_of_a_subcommand_lists_its_options() {
    let (out, err, code) = factdiff(&["man", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(".TH factdiff-check 1"), "{out}");
    assert!(out.contains("update\\-baseline"), "{out}");
    let (out, err, code) = factdiff(&["man", "nope"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("no subcommand `nope`"), "{err}");
}

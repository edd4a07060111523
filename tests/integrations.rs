//! The integration files factdiff ships — the GitHub Action (`action.yml`), the pre-commit
//! hook (`.pre-commit-hooks.yaml`) and the example workflow (`docs/examples/factdiff.yml`)
//! — parse as YAML, and every `factdiff ...` command line they run is accepted by the real
//! command-line definition (`factdiff::app::Cli`, through clap): the subcommand exists, every
//! flag exists and every value is one the flag takes. The shell in `run:` steps is read the
//! way bash reads it, as far as these files need: quotes, `$VAR` and `"${array[@]}"`
//! expansions (from the step's `env:`), array assignments, `;`, `&&`, `||`, `|`, comments,
//! redirections and GitHub's `${{ inputs.NAME }}` (the input's default).

use clap::Parser;
use factdiff::app::Cli;
use std::collections::{BTreeSet, HashMap};
use yaml_rust2::{Yaml, YamlLoader};

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(path: &str) -> Yaml {
    let text = std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut docs = YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(docs.len(), 1, "{path}: one YAML document");
    docs.remove(0)
}

fn str_of(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Boolean(b) => Some(b.to_string()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Real(r) => Some(r.clone()),
        _ => None,
    }
}

fn hash_keys(y: &Yaml) -> Vec<String> {
    y.as_hash()
        .map(|h| h.keys().filter_map(str_of).collect())
        .unwrap_or_default()
}

/// One `factdiff` command line found in a file, as the words bash would pass.
#[derive(Debug, Clone)]
struct Invocation {
    /// Where: file and step.
    place: String,
    /// The line as written.
    line: String,
    /// The words, `factdiff` first.
    argv: Vec<String>,
}

impl Invocation {
    /// The value after `flag`, if given.
    fn value_of(&self, flag: &str) -> Option<&str> {
        self.argv
            .iter()
            .position(|w| w == flag)
            .and_then(|i| self.argv.get(i + 1))
            .map(String::as_str)
    }
}

/// Replaces GitHub expressions (`${{ ... }}`): `inputs.NAME` by the input's default (or a
/// sample value when the default is empty, as a step only uses an empty input behind a
/// test), anything else by a placeholder.
fn github_expressions(text: &str, inputs: &HashMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("${{") {
        out.push_str(&rest[..at]);
        let Some(end) = rest[at..].find("}}") else {
            panic!("unclosed GitHub expression in {text:?}");
        };
        let expr = rest[at + 3..at + end].trim();
        let value = match expr.strip_prefix("inputs.") {
            Some(name) => match inputs.get(name) {
                Some(d) if !d.is_empty() => d.clone(),
                Some(_) => format!("sample-{name}"),
                None => panic!("`{expr}` names no input of the action"),
            },
            None => "expression".to_string(),
        };
        out.push_str(&value);
        rest = &rest[at + end + 2..];
    }
    out.push_str(rest);
    out
}

/// Splits a line at the unquoted command separators `;`, `&&`, `||`, `|` and `&`, and drops
/// a comment.
fn simple_commands(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let (mut single, mut double) = (false, false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if !single => {
                current.push(c);
                if let Some(n) = chars.next() {
                    current.push(n);
                }
            }
            '\'' if !double => {
                single = !single;
                current.push(c);
            }
            '"' if !single => {
                double = !double;
                current.push(c);
            }
            '#' if !single && !double && current.chars().last().is_none_or(char::is_whitespace) => {
                break;
            }
            ';' | '|' | '&' if !single && !double => {
                // `2>&1` and `>&2` are redirections, not separators.
                if c == '&' && (current.ends_with('>') || chars.peek() == Some(&'>')) {
                    current.push(c);
                    continue;
                }
                if chars.peek() == Some(&c) {
                    chars.next();
                }
                out.push(std::mem::take(&mut current));
            }
            _ => current.push(c),
        }
    }
    out.push(current);
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Shell variables: scalars (the step's `env:`) and arrays (assigned in the script).
#[derive(Default)]
struct Vars {
    scalars: HashMap<String, String>,
    arrays: HashMap<String, Vec<String>>,
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

/// The words of one simple command, expanded as bash would. Unknown variables expand to a
/// placeholder (`value-of-NAME`), as the runner would give them some value.
fn words(command: &str, vars: &Vars) -> Vec<String> {
    let scalar = |name: &str| {
        vars.scalars
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("value-of-{name}"))
    };
    let mut out = Vec::new();
    let chars: Vec<char> = command.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        // "${name[@]}" as a whole word: one word per element.
        let rest: String = chars[i..].iter().collect();
        if let Some(inner) = rest.strip_prefix("\"${") {
            if let Some(end) = inner.find("[@]}\"") {
                let name = &inner[..end];
                let after = i + 3 + end + 5;
                if is_name(name) && chars.get(after).is_none_or(|c| c.is_whitespace()) {
                    out.extend(vars.arrays.get(name).cloned().unwrap_or_default());
                    i = after;
                    continue;
                }
            }
        }
        let mut word = String::new();
        let mut quoted = false;
        let mut unquoted_expansion = false;
        let (mut single, mut double) = (false, false);
        while i < chars.len() {
            let c = chars[i];
            if !single && !double && c.is_whitespace() {
                break;
            }
            match c {
                '\'' if !double => {
                    single = !single;
                    quoted = true;
                    i += 1;
                }
                '"' if !single => {
                    double = !double;
                    quoted = true;
                    i += 1;
                }
                '\\' if !single => {
                    if let Some(&n) = chars.get(i + 1) {
                        word.push(n);
                    }
                    i += 2;
                }
                '$' if !single => {
                    let (name, len) = if chars.get(i + 1) == Some(&'{') {
                        let end = chars[i..]
                            .iter()
                            .position(|&c| c == '}')
                            .unwrap_or_else(|| panic!("unclosed ${{ in {command:?}"));
                        (chars[i + 2..i + end].iter().collect::<String>(), end + 1)
                    } else {
                        let n: String = chars[i + 1..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphanumeric() || **c == '_' || **c == '?')
                            .collect();
                        let len = n.len() + 1;
                        (n, len)
                    };
                    word.push_str(&scalar(&name));
                    if !double {
                        unquoted_expansion = true;
                    }
                    i += len;
                }
                _ => {
                    word.push(c);
                    i += 1;
                }
            }
        }
        assert!(!single && !double, "unclosed quote in {command:?}");
        if unquoted_expansion && !quoted {
            // An unquoted expansion is split at white space.
            out.extend(word.split_whitespace().map(str::to_string));
        } else {
            out.push(word);
        }
    }
    out
}

/// Drops redirections (`> file`, `2>&1`, `>>file`) from a command's words.
fn without_redirections(words: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut skip_next = false;
    for w in words {
        if skip_next {
            skip_next = false;
            continue;
        }
        let op = w.trim_start_matches(|c: char| c.is_ascii_digit());
        if op.starts_with('>') || op.starts_with('<') {
            let target = op.trim_start_matches(['>', '<', '&']);
            skip_next = target.is_empty();
            continue;
        }
        out.push(w);
    }
    out
}

/// The `factdiff` command lines of a `run:` script, with `env` as its variables.
fn invocations_in_script(
    place: &str,
    script: &str,
    env: &HashMap<String, String>,
) -> Vec<Invocation> {
    let mut vars = Vars {
        scalars: env.clone(),
        ..Vars::default()
    };
    let script = script.replace("\\\n", " ");
    let mut found = Vec::new();
    for line in script.lines() {
        for command in simple_commands(line) {
            // An array assignment: `name=(...)` or `name+=(...)`.
            if let Some((lhs, rhs)) = command.split_once("=(") {
                let (name, append) = match lhs.strip_suffix('+') {
                    Some(n) => (n, true),
                    None => (lhs, false),
                };
                if is_name(name) {
                    let inner = rhs
                        .strip_suffix(')')
                        .unwrap_or_else(|| panic!("{place}: array assignment {command:?}"));
                    let items = words(inner, &vars);
                    let array = vars.arrays.entry(name.to_string()).or_default();
                    if !append {
                        array.clear();
                    }
                    array.extend(items);
                    continue;
                }
            }
            let mut ws = without_redirections(words(&command, &vars));
            while let Some(first) = ws.first() {
                let keyword = matches!(
                    first.as_str(),
                    "if" | "then"
                        | "else"
                        | "elif"
                        | "do"
                        | "while"
                        | "until"
                        | "!"
                        | "exec"
                        | "time"
                        | "command"
                );
                let assignment = first
                    .split_once('=')
                    .is_some_and(|(n, _)| is_name(n) && !first.starts_with('-'));
                if keyword || assignment {
                    ws.remove(0);
                } else {
                    break;
                }
            }
            if ws
                .first()
                .is_some_and(|w| w == "factdiff" || w.ends_with("/factdiff"))
            {
                ws[0] = "factdiff".to_string();
                found.push(Invocation {
                    place: place.to_string(),
                    line: command.clone(),
                    argv: ws,
                });
            }
        }
    }
    found
}

/// Every `factdiff` command line of the `run:` steps in `steps`.
fn invocations_in_steps(
    file: &str,
    steps: &Yaml,
    inputs: &HashMap<String, String>,
    outer_env: &HashMap<String, String>,
) -> Vec<Invocation> {
    let mut found = Vec::new();
    for (n, step) in steps.as_vec().into_iter().flatten().enumerate() {
        let Some(run) = step["run"].as_str() else {
            continue;
        };
        let name = step["name"]
            .as_str()
            .map(str::to_string)
            .unwrap_or(format!("step {}", n + 1));
        let mut env = outer_env.clone();
        if let Some(h) = step["env"].as_hash() {
            for (k, v) in h {
                if let (Some(k), Some(v)) = (str_of(k), str_of(v)) {
                    env.insert(k, github_expressions(&v, inputs));
                }
            }
        }
        let place = format!("{file}, step {name:?}");
        found.extend(invocations_in_script(
            &place,
            &github_expressions(run, inputs),
            &env,
        ));
    }
    found
}

/// The command lines of pre-commit hooks: `entry` and `args`, and a file name when
/// pre-commit passes them.
fn invocations_in_hooks(file: &str, hooks: &Yaml) -> Vec<Invocation> {
    let mut found = Vec::new();
    for hook in hooks.as_vec().into_iter().flatten() {
        let id = hook["id"].as_str().unwrap_or("?");
        let entry = hook["entry"].as_str().unwrap_or_default();
        let mut argv = words(entry, &Vars::default());
        argv.extend(
            hook["args"]
                .as_vec()
                .into_iter()
                .flatten()
                .filter_map(str_of),
        );
        if hook["pass_filenames"].as_bool() != Some(false) {
            argv.push("news/article.md".to_string());
        }
        if argv.first().is_some_and(|w| w == "factdiff") {
            found.push(Invocation {
                place: format!("{file}, hook {id}"),
                line: entry.to_string(),
                argv,
            });
        }
    }
    found
}

/// What clap says about each command line: one message per line it refuses.
fn refused(invocations: &[Invocation]) -> Vec<String> {
    invocations
        .iter()
        .filter_map(|inv| {
            Cli::try_parse_from(&inv.argv).err().map(|e| {
                format!(
                    "{}: `{}` (as run: {:?}) is not a valid factdiff command line:\n{}",
                    inv.place,
                    inv.line,
                    inv.argv,
                    e.render()
                )
            })
        })
        .collect()
}

fn assert_accepted(invocations: &[Invocation]) {
    let problems = refused(invocations);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The action's inputs with their defaults.
fn action_inputs(action: &Yaml) -> HashMap<String, String> {
    action["inputs"]
        .as_hash()
        .expect("action.yml: inputs")
        .iter()
        .filter_map(|(k, v)| Some((str_of(k)?, str_of(&v["default"]).unwrap_or_default())))
        .collect()
}

#[test]
fn action_runs_real_factdiff_commands() {
    let action = load("action.yml");
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let inputs = action_inputs(&action);
    for name in ["paths", "baseline", "format", "sarif"] {
        assert!(inputs.contains_key(name), "action.yml: no input `{name}`");
    }
    let steps = &action["runs"]["steps"];
    let found = invocations_in_steps("action.yml", steps, &inputs, &HashMap::new());
    assert!(
        found.len() >= 2,
        "action.yml: factdiff runs found: {found:#?}"
    );
    assert_accepted(&found);

    // One run writes SARIF to a file, which the upload step uploads; one reports in the log
    // in the `format` input's format, by default as GitHub annotations.
    let sarif = found
        .iter()
        .find(|i| i.value_of("--format") == Some("sarif"))
        .expect("action.yml: a `factdiff check --format sarif` run");
    let written = sarif
        .value_of("--output")
        .expect("action.yml: the SARIF run writes a file (--output)");
    assert!(
        found
            .iter()
            .any(|i| i.value_of("--format") == Some("github")),
        "action.yml: a `--format github` run (the `format` input's default): {found:#?}"
    );
    let upload = steps
        .as_vec()
        .into_iter()
        .flatten()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("action.yml: a github/codeql-action/upload-sarif step");
    let uploaded = github_expressions(
        upload["with"]["sarif_file"].as_str().unwrap_or_default(),
        &inputs,
    );
    assert_eq!(
        uploaded, written,
        "action.yml: the file uploaded is the file written"
    );
    // Every check run gets the baseline when one is given.
    for inv in found
        .iter()
        .filter(|i| i.argv.get(1).is_some_and(|s| s == "check"))
    {
        assert_eq!(
            inv.value_of("--baseline"),
            Some("sample-baseline"),
            "{}",
            inv.place
        );
    }
}

#[test]
fn action_references_only_its_own_inputs_and_steps() {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let action = load("action.yml");
    let inputs = action_inputs(&action);
    let step_ids: BTreeSet<String> = action["runs"]["steps"]
        .as_vec()
        .into_iter()
        .flatten()
        .filter_map(|s| s["id"].as_str().map(str::to_string))
        .collect();
    let name_at = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    };
    for (at, _) in text.match_indices("inputs.") {
        let name = name_at(&text[at + "inputs.".len()..]);
        assert!(
            inputs.contains_key(&name),
            "action.yml: `inputs.{name}` is not an input"
        );
    }
    for (at, _) in text.match_indices("steps.") {
        let id = name_at(&text[at + "steps.".len()..]);
        assert!(
            step_ids.contains(&id),
            "action.yml: `steps.{id}` is no step id"
        );
    }
}

#[test]
fn example_workflow_uses_the_action_and_real_commands() {
    let file = "docs/examples/factdiff.yml";
    let workflow = load(file);
    let inputs = action_inputs(&load("action.yml"));
    assert_eq!(
        workflow["permissions"]["security-events"].as_str(),
        Some("write"),
        "{file}: the SARIF upload needs security-events: write"
    );
    let mut found = Vec::new();
    let mut uses_action = 0;
    for (_, job) in workflow["jobs"].as_hash().expect("jobs").iter() {
        let steps = &job["steps"];
        for step in steps.as_vec().into_iter().flatten() {
            if step["uses"]
                .as_str()
                .is_some_and(|u| u.contains("/factdiff@"))
            {
                uses_action += 1;
                for key in hash_keys(&step["with"]) {
                    assert!(
                        inputs.contains_key(&key),
                        "{file}: `with: {key}` is not an input of action.yml"
                    );
                }
            }
        }
        found.extend(invocations_in_steps(
            file,
            steps,
            &HashMap::new(),
            &HashMap::new(),
        ));
    }
    assert_eq!(uses_action, 1, "{file}: one step uses the factdiff action");
    assert!(!found.is_empty(), "{file}: no factdiff run found");
    assert_accepted(&found);
}

#[test]
fn pre_commit_hook_runs_a_real_command_on_article_files() {
    let file = ".pre-commit-hooks.yaml";
    let hooks = load(file);
    let list = hooks.as_vec().expect("a list of hooks");
    assert_eq!(list.len(), 1);
    let hook = &list[0];
    assert_eq!(hook["id"].as_str(), Some("factdiff"));
    assert!(hook["entry"]
        .as_str()
        .is_some_and(|e| e.starts_with("factdiff check")));
    assert!(hook["name"].as_str().is_some());
    assert_eq!(
        hook["language"].as_str(),
        Some("rust"),
        "pre-commit builds it with cargo"
    );
    assert_eq!(
        hook["require_serial"].as_bool(),
        Some(true),
        "one run sees all the articles"
    );
    let found = invocations_in_hooks(file, &hooks);
    assert_eq!(found.len(), 1);
    assert_accepted(&found);

    // `files` is `\.(a|b|c?)$`: exactly the extensions factdiff reads in a folder.
    let files = hook["files"].as_str().expect("files");
    let inner = files
        .strip_prefix("\\.(")
        .and_then(|s| s.strip_suffix(")$"))
        .unwrap_or_else(|| panic!("{file}: files should read \\.(ext|ext|...)$, not {files}"));
    let mut covered = BTreeSet::new();
    for alt in inner.split('|') {
        match alt.strip_suffix('?') {
            Some(optional) => {
                covered.insert(optional.to_string());
                covered.insert(optional[..optional.len() - 1].to_string());
            }
            None => {
                covered.insert(alt.to_string());
            }
        }
    }
    let read: BTreeSet<String> = factdiff::corpus::ARTICLE_EXTENSIONS
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        covered, read,
        "{file}: `files` and corpus::ARTICLE_EXTENSIONS differ"
    );
}

/// The checks above can fail: a misspelt flag, an unknown subcommand or a bad value in any
/// of these files is reported.
#[test]
fn misspelt_commands_are_refused() {
    let inputs: HashMap<String, String> = [("format".to_string(), "github".to_string())].into();
    let steps = YamlLoader::load_from_str(
        r#"
- name: misspelt flag
  run: factdiff check articles/ --baselin b.json
- name: unknown subcommand
  env:
    F: ${{ inputs.format }}
  run: |
    args=(--exit-zero)
    factdiff chek articles/ "${args[@]}" --format "$F"
- name: bad value through an input
  env:
    F: ${{ inputs.format }}
  run: factdiff check articles/ --format "$F"ish 2>&1 | tee log.txt
- name: missing path
  run: echo start && factdiff check --format sarif
- name: array with a misspelt flag
  run: |
    extra=()
    extra+=(--show-baselined --exitzero)
    factdiff check articles/ "${extra[@]}"
- name: fine
  run: factdiff check 'my articles/' --exit-zero > out.txt  # a comment --nope
"#,
    )
    .unwrap()
    .remove(0);
    let found = invocations_in_steps("inline", &steps, &inputs, &HashMap::new());
    assert_eq!(found.len(), 6, "{found:#?}");
    let problems = refused(&found);
    assert_eq!(problems.len(), 5, "{problems:#?}");
    for (problem, what) in
        problems
            .iter()
            .zip(["--baselin", "chek", "githubish", "<PATHS>", "--exitzero"])
    {
        assert!(problem.contains(what), "{what}: {problem}");
    }
    assert_eq!(
        found[5].argv,
        ["factdiff", "check", "my articles/", "--exit-zero"]
    );

    let hooks = YamlLoader::load_from_str(
        "- id: factdiff\n  entry: factdiff check\n  args: [--format, concize]\n",
    )
    .unwrap()
    .remove(0);
    let problems = refused(&invocations_in_hooks("inline", &hooks));
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("concize"), "{}", problems[0]);
}

//! The HTML report in a real browser: headless Chromium renders the seeds report (a
//! screenshot kept under `target/browser/`), runs its filter script (so the CSP hashes are
//! right), shows every finding, and runs none of a hostile article's scripts.
//!
//! Needs Chromium: Debian's at `/usr/bin/chromium`, another on the `PATH` (`chromium`,
//! `chromium-browser`, `google-chrome`), or the one `FACTDIFF_CHROMIUM` names; `.ci/run`
//! installs it. Without one the tests pass after saying loudly that they were skipped and
//! how to run them, so that `cargo test` passes on a fresh machine; with `CI=true` or
//! `FACTDIFF_BROWSER=1` a missing browser fails them.

mod html_fixtures;

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

/// Longest a single Chromium run may take before it is killed: a hung browser (on a closed
/// network, without the flags below) must fail the test, not stall CI.
const BROWSER_LIMIT: Duration = Duration::from_secs(120);

/// True when the environment variable is set to something other than empty, `0` or `false`.
fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// The first of `names` found on the `PATH`.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// The browser, or `None` when it is missing and this run may skip the test.
fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("FACTDIFF_CHROMIUM").map(PathBuf::from);
    let found = match &named {
        Some(p) => p.exists().then(|| p.clone()),
        None => Some(PathBuf::from("/usr/bin/chromium"))
            .filter(|p| p.exists())
            .or_else(|| on_path(&["chromium", "chromium-browser", "google-chrome"])),
    };
    if found.is_some() {
        return found;
    }
    let wanted = named.map_or_else(
        || "/usr/bin/chromium".to_string(),
        |p| p.display().to_string(),
    );
    let how = "install it on Debian/Ubuntu with `sudo apt-get install -y chromium` \
               (`bash .ci/run` does), or set FACTDIFF_CHROMIUM to a Chromium binary";
    if flag("CI") || flag("FACTDIFF_BROWSER") {
        panic!("the browser test is required here (CI or FACTDIFF_BROWSER is set) but there is no Chromium at {wanted}: {how}");
    }
    // Straight to the process's stderr: the test harness captures `eprintln!` of tests that
    // pass, and a skip must be seen.
    let _ = writeln!(
        std::io::stderr(),
        "\nwarning: browser test SKIPPED: no Chromium at {wanted}; {how}, \
         then rerun with FACTDIFF_BROWSER=1 to require it.\n"
    );
    None
}

/// `target/browser/`, where the test keeps the pages and screenshots it makes.
fn artefacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
        .join("browser");
    std::fs::create_dir_all(&dir).expect("create target/browser");
    dir
}

/// Writes the HTML report of `paths` (checked from `cwd`) to `out`.
fn write_report(cwd: &Path, paths: &[&str], out: &Path) {
    let status = Command::cargo_bin("factdiff")
        .expect("binary")
        .current_dir(cwd)
        .args(["check", "--no-cache"])
        .args(paths)
        .args(["--format", "html", "--output"])
        .arg(out)
        .output()
        .expect("factdiff runs")
        .status;
    // 1: error-level findings, which both corpora have; anything else is trouble.
    assert_eq!(status.code(), Some(1), "factdiff check failed");
    assert!(out.is_file());
}

/// Runs headless Chromium on `page` with `extra` arguments; returns standard output.
fn run_chromium(browser: &Path, page: &Path, extra: &[String]) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let url = format!(
        "file://{}",
        page.canonicalize().expect("page exists").display()
    );
    let stdout_file = profile.path().join("stdout.txt");
    let stderr_file = profile.path().join("stderr.txt");
    let mut child = Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            // Without these Chromium waits for the network, which this machine does not have.
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("profile").display()
        ))
        .args(extra)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout_file).expect("stdout file"))
        .stderr(std::fs::File::create(&stderr_file).expect("stderr file"))
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > BROWSER_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium did not finish within {BROWSER_LIMIT:?}; stderr:\n{}",
                std::fs::read_to_string(&stderr_file).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stderr = std::fs::read_to_string(&stderr_file).unwrap_or_default();
    assert!(status.success(), "chromium failed ({status}):\n{stderr}");
    std::fs::read_to_string(&stdout_file).expect("chromium output")
}

/// The page as the browser has it after its scripts ran.
fn dump_dom(browser: &Path, page: &Path) -> String {
    let dom = run_chromium(
        browser,
        page,
        &[
            "--dump-dom".to_string(),
            "--virtual-time-budget=2000".to_string(),
        ],
    );
    assert!(dom.contains("</html>"), "no DOM dumped:\n{dom}");
    dom
}

/// Takes a screenshot of `page` at `width`×`height` into `png` and checks it is one.
fn screenshot(browser: &Path, page: &Path, png: &Path, width: u32, height: u32) {
    let _ = std::fs::remove_file(png);
    run_chromium(
        browser,
        page,
        &[
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
        ],
    );
    let bytes = std::fs::read(png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // IHDR: width and height, big-endian, at bytes 16..24.
    let dim =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    assert_eq!((dim(16), dim(20)), (width, height));
    // A blank page compresses to almost nothing; a rendered report does not.
    assert!(
        bytes.len() > 20_000,
        "screenshot looks empty ({} bytes)",
        bytes.len()
    );
}

/// Text between `<tag ...>` and `</tag>` for the element with `id`, roughly (the dump is
/// the browser's own serialisation, so the shape is known).
fn element_text<'d>(dom: &'d str, id: &str) -> Option<&'d str> {
    let start = dom.find(&format!("id=\"{id}\""))?;
    let open_end = start + dom[start..].find('>')? + 1;
    let close = open_end + dom[open_end..].find("</")?;
    Some(&dom[open_end..close])
}

#[test]
fn seeds_report_renders_in_chromium() {
    let Some(browser) = chromium() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = artefacts();
    let page = dir.join("seeds.html");
    write_report(root, &["seeds/"], &page);

    let dom = dump_dom(&browser, &page);
    // Every finding of the JSON report is on the rendered page.
    let json = Command::cargo_bin("factdiff")
        .expect("binary")
        .current_dir(root)
        .args(["check", "seeds/", "--no-cache", "--format", "json"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON report");
    let findings = v["findings"].as_array().expect("findings");
    assert!(!findings.is_empty());
    for f in findings {
        let message = f["message"].as_str().unwrap_or_default();
        // The DOM dump escapes only &, < and >; apostrophes and quotes stay as they are.
        let escaped = message
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            dom.contains(&escaped),
            "finding {message:?} not on the page"
        );
    }
    // The filter script ran (the Content-Security-Policy let it): it showed the form and
    // counted the findings.
    let status = element_text(&dom, "filter-status").unwrap_or_default();
    let n = findings.len();
    assert_eq!(status, format!("Showing {n} of {n} findings."));
    assert!(!dom.contains(
        "<form id=\"filters\" class=\"filters\" aria-label=\"Filter the findings\" hidden"
    ));

    // The screenshots editors and the README see: laptop, and phone (stacked panels).
    screenshot(&browser, &page, &dir.join("seeds.png"), 1280, 2000);
    screenshot(&browser, &page, &dir.join("seeds-phone.png"), 390, 1600);
}

#[test]
fn hostile_article_runs_no_script_in_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = artefacts();
    let corpus = tempfile::tempdir().expect("temp dir");
    html_fixtures::write_hostile(corpus.path());
    let page = dir.join("hostile.html");
    write_report(corpus.path(), &["hostile"], &page);

    let dom = dump_dom(&browser, &page);
    assert!(
        !dom.contains(html_fixtures::MARKER),
        "a hostile script ran in the report"
    );
    // The browser made no element of the articles' markup...
    for live in [
        "<img",
        "<svg",
        "<iframe",
        "<script>document",
        "<script>alert",
    ] {
        assert!(!dom.contains(live), "{live:?} became an element");
    }
    // ...shows it as text...
    assert!(dom.contains("&lt;script&gt;document.title='PWN'+'ED'&lt;/script&gt;"));
    assert!(dom.contains("\"&gt;&lt;img src=x onerror="));
    // ...and still ran the report's own script.
    assert_eq!(
        element_text(&dom, "filter-status"),
        Some("Showing 4 of 4 findings.")
    );
    // The page title is the report's, not the one a hostile script would set.
    let title_start = dom.find("<title>").expect("title") + "<title>".len();
    assert!(dom[title_start..].starts_with("factdiff report: "));
    screenshot(&browser, &page, &dir.join("hostile.png"), 1280, 1600);
}

/// A script that works the filters like an editor would and writes, after each step, the
/// ids of the findings left visible (and whether the "no finding" message shows) into
/// `data-step-N` attributes of the body.
const FILTER_DRIVER: &str = r##"<script>
(function () {
  var form = document.getElementById("filters");
  var step = 0;
  function record() {
    step += 1;
    var shown = Array.prototype.filter.call(
      document.querySelectorAll("#finding-list > li"),
      function (li) { return !li.hidden; }
    ).map(function (li) { return li.id; });
    var empty = document.getElementById("filter-empty").hidden ? "" : " empty";
    document.body.setAttribute("data-step-" + step, shown.join(" ") + empty);
  }
  function change() { form.dispatchEvent(new Event("change")); record(); }
  form.elements.rule.value = form.elements.rule.options[1].value; change();
  form.elements.rule.value = "";
  form.querySelector("input[value=error]").checked = false; change();
  form.querySelector("input[value=error]").checked = true;
  form.elements.article.value = form.elements.article.options[form.elements.article.options.length - 1].value; change();
  form.querySelectorAll("input[name=severity]").forEach(function (b) { b.checked = false; }); change();
})();
</script>"##;

#[test]
fn filters_hide_findings_in_chromium() {
    let Some(browser) = chromium() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = artefacts();
    let page = dir.join("filters.html");
    write_report(root, &["seeds/"], &page);
    // The report's policy allows only its own script: drop it from this test copy so the
    // driver can run beside it.
    let html = std::fs::read_to_string(&page).expect("report");
    let csp_start = html
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("CSP meta");
    let csp_end = csp_start + html[csp_start..].find('>').expect("end of meta") + 1;
    let driven = format!(
        "{}{}",
        &html[..csp_start],
        &html[csp_end..].replace("</body>", &format!("{FILTER_DRIVER}\n</body>"))
    );
    std::fs::write(&page, &driven).expect("write test page");

    // What each step should leave, from the page's own data.
    let doc = scraper::Html::parse_document(&html);
    let li = scraper::Selector::parse("#finding-list > li").expect("selector");
    // id, rule, severity, articles of each finding.
    type Row = (String, String, String, String);
    let items: Vec<Row> = doc
        .select(&li)
        .map(|e| {
            let attr = |a: &str| e.value().attr(a).unwrap_or_default().to_string();
            (
                attr("id"),
                attr("data-rule"),
                attr("data-severity"),
                attr("data-articles"),
            )
        })
        .collect();
    let option = scraper::Selector::parse("#filter-rule option").expect("selector");
    let first_rule = doc
        .select(&option)
        .nth(1)
        .and_then(|o| o.value().attr("value"))
        .expect("a rule to filter by")
        .to_string();
    let option = scraper::Selector::parse("#filter-article option").expect("selector");
    let last_article = doc
        .select(&option)
        .next_back()
        .and_then(|o| o.value().attr("value"))
        .expect("an article to filter by")
        .to_string();
    let ids = |keep: &dyn Fn(&Row) -> bool| {
        let shown: Vec<&str> = items
            .iter()
            .filter(|i| keep(i))
            .map(|i| i.0.as_str())
            .collect();
        if shown.is_empty() {
            " empty".to_string()
        } else {
            shown.join(" ")
        }
    };
    let want = [
        ids(&|i| i.1 == first_rule),
        ids(&|i| i.2 != "error"),
        ids(&|i| i.3.split(' ').any(|a| a == last_article)),
        " empty".to_string(),
    ];

    let dom = dump_dom(&browser, &page);
    let body = scraper::Html::parse_document(&dom);
    let body_sel = scraper::Selector::parse("body").expect("selector");
    let body = body.select(&body_sel).next().expect("body");
    for (k, want) in want.iter().enumerate() {
        let got = body
            .value()
            .attr(&format!("data-step-{}", k + 1))
            .unwrap_or("(step did not run)");
        assert_eq!(got, want, "filter step {}", k + 1);
    }
}

//! The HTML report (`check --format html`): the reviewed page for the seeds (snapshot),
//! escaping of hostile articles (text, Markdown and HTML input, file names), and the parts
//! of the page on hand-made findings (baseline states, no findings, no claims).

mod html_fixtures;
mod report_fixtures;

use factdiff::config::Config;
use factdiff::report::{self, render_to_string, Baseline, Format, Style};
use report_fixtures::{corpus, findings, knowledge, prepare, run_in, snapshots};
use scraper::{Html, Selector};
use std::path::Path;

fn package_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn select<'d>(doc: &'d Html, css: &str) -> Vec<scraper::ElementRef<'d>> {
    let selector = Selector::parse(css).expect("selector");
    doc.select(&selector).collect()
}

/// The page loads nothing: no element fetches anything and every link is in the page.
fn assert_self_contained(doc: &Html) {
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = el.value().name();
        for (attr, value) in el.value().attrs() {
            assert!(
                !matches!(
                    attr,
                    "src" | "srcset" | "action" | "formaction" | "poster" | "data"
                ),
                "<{name} {attr}={value:?}> loads something"
            );
            if attr == "href" {
                assert!(
                    value.starts_with('#'),
                    "<{name} href={value:?}> leaves the page"
                );
            }
        }
        assert!(
            !matches!(
                name,
                "link" | "iframe" | "img" | "object" | "embed" | "base"
            ),
            "<{name}> in the page"
        );
    }
}

/// The only markup in the page is the template's: known elements, no event handlers, one
/// script (the report's own).
fn assert_only_template_markup(doc: &Html) {
    const ALLOWED: &[&str] = &[
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "a",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "nav",
        "ul",
        "ol",
        "li",
        "main",
        "section",
        "dl",
        "div",
        "dt",
        "dd",
        "form",
        "fieldset",
        "legend",
        "label",
        "input",
        "select",
        "option",
        "button",
        "article",
        "span",
        "code",
        "time",
        "figure",
        "blockquote",
        "mark",
        "sup",
        "figcaption",
        "q",
        "strong",
        "em",
        "details",
        "summary",
        "pre",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "footer",
        "script",
    ];
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = el.value().name();
        assert!(ALLOWED.contains(&name), "unexpected element <{name}>");
        for (attr, _) in el.value().attrs() {
            assert!(
                !attr.starts_with("on"),
                "<{name}> has an event handler {attr}"
            );
        }
    }
    let scripts = select(doc, "script");
    assert_eq!(scripts.len(), 1, "only the report's own script");
    let script: String = scripts[0].text().collect();
    assert!(script.contains("getElementById(\"filters\")"));
    assert!(!script.contains("PWN") && !script.contains("alert"));
}

#[test]
fn seeds_html_report() {
    let root = package_root();
    let (out, code) = run_in(root, &["check", "seeds/", "--format", "html"]);
    assert_eq!(code, 1, "the seeds hold error-level contradictions");
    assert!(out.starts_with("<!doctype html>\n"));
    assert!(out.ends_with("</html>\n"));
    // Deterministic, and no absolute path of this machine.
    let (again, _) = run_in(root, &["check", "seeds/", "--format", "html"]);
    assert_eq!(out, again);
    assert!(!out.contains(env!("CARGO_MANIFEST_DIR")));

    let doc = Html::parse_document(&out);
    assert_self_contained(&doc);
    assert_only_template_markup(&doc);
    // Every finding of the JSON report is on the page, in the same order, with the
    // articles it points into.
    let (json, _) = run_in(root, &["check", "seeds/", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON report");
    let findings = v["findings"].as_array().expect("findings");
    let items = select(&doc, "#finding-list > li");
    assert_eq!(items.len(), findings.len());
    for (f, li) in findings.iter().zip(&items) {
        let title: String = select_in(li, "h3").concat();
        assert_eq!(title, f["message"].as_str().unwrap_or_default());
        assert_eq!(li.value().attr("data-rule"), f["rule"].as_str());
        assert_eq!(li.value().attr("data-severity"), f["severity"].as_str());
        let marks = select_in(li, "mark");
        for loc in f["locations"].as_array().expect("locations") {
            let text = loc["text"].as_str().unwrap_or_default();
            assert!(
                marks
                    .iter()
                    .any(|m| text.contains(m.as_str()) || m.contains(text)),
                "{text:?} is not highlighted in finding {:?}",
                f["message"]
            );
        }
    }
    let summary = &v["summary"];
    let stat = |name: &str| -> String {
        select(&doc, ".stats div")
            .into_iter()
            .find(|d| d.text().collect::<String>().starts_with(name))
            .map(|d| select_in(&d, "dd").concat())
            .unwrap_or_default()
    };
    assert_eq!(stat("Articles"), summary["documents"].to_string());
    assert_eq!(stat("Claims"), summary["claims"].to_string());
    assert_eq!(stat("Errors"), summary["errors"].to_string());
    // Every article is listed with the claims read from it.
    let docs = select(&doc, "section.doc");
    assert_eq!(docs.len(), v["documents"].as_array().map_or(0, Vec::len));
    let claims = select(&doc, "section.doc details.claims tbody tr").len()
        + select(&doc, "section.doc .people li").len();
    assert!(claims > 0);
    assert!(out.contains("<time datetime=\"2025-04-23\">Wednesday 23 April 2025</time>"));

    snapshots(|| insta::assert_snapshot!("html__seeds", out));
}

/// The text of every element matching `css` under `el`.
fn select_in(el: &scraper::ElementRef<'_>, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).expect("selector");
    el.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn output_file_holds_the_same_page() {
    let root = package_root();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("report.html");
    let file_arg = file.to_str().expect("utf-8 temp path");
    let (stdout, code) = run_in(
        root,
        &["check", "seeds/", "--format", "html", "--output", file_arg],
    );
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    let (page, _) = run_in(root, &["check", "seeds/", "--format", "html"]);
    assert_eq!(
        std::fs::read_to_string(&file).expect("report written"),
        page
    );
}

#[test]
fn hostile_articles_are_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    html_fixtures::write_hostile(dir.path());
    let (out, code) = run_in(dir.path(), &["check", "hostile", "--format", "html"]);
    assert_eq!(code, 1, "every hostile article has a wrong title: {out}");
    let doc = Html::parse_document(&out);
    assert_only_template_markup(&doc);
    assert_self_contained(&doc);
    assert_eq!(
        select(&doc, "#finding-list > li").len(),
        4,
        "one finding per article"
    );

    // No live markup from the articles in the bytes either.
    for live in [
        "<script>document",
        "<script>alert",
        "<img",
        "<svg",
        "<iframe",
        "</textarea>",
        "<b ",
        "</h3><script",
    ] {
        assert!(!out.contains(live), "{live:?} is live in the report");
    }
    // The editor still sees what the articles say, escaped.
    for shown in [
        "&lt;script&gt;document.title=&#x27;PWN&#x27;+&#x27;ED&#x27;&lt;&#x2f;script&gt;",
        "&quot;&gt;&lt;img src=x onerror=",
        "&lt;svg onload=alert(1)&gt;",
        "&lt;&#x2f;h3&gt;&lt;script&gt;",
        "&lt;iframe src=javascript:alert(1)&gt;",
    ] {
        assert!(out.contains(shown), "{shown:?} not shown escaped");
    }
    // Text as a browser reads it: the hostile strings are text nodes of the excerpts,
    // article headings and claims.
    let excerpts: String = select(&doc, ".excerpt blockquote")
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect();
    assert!(excerpts.contains("<script>document.title='PWN'+'ED'</script>"));
    assert!(excerpts.contains("\"><img src=x onerror="));
    let headings: Vec<String> = select(&doc, "section.doc h3")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert!(headings.contains(&"</h3><script>document.title='PWN'+'ED'</script>".to_string()));
    assert!(headings.contains(&format!("hostile/{}", html_fixtures::HOSTILE_NAME)));
    // The article filter names the hostile file, as text.
    let options: Vec<String> = select(&doc, "#filter-article option")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert!(options
        .iter()
        .any(|o| o.starts_with(&format!("hostile/{}", html_fixtures::HOSTILE_NAME))));
    // The quotation with a script in it is listed among the claims, as text.
    let cells: String = select(&doc, "section.doc td")
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect();
    assert!(cells.contains("<script>alert(2)</script>"));
    // No marker anywhere: it only exists when a script runs.
    assert!(!out.contains(html_fixtures::MARKER));
}

#[test]
fn baseline_states_are_shown() {
    let kb = knowledge();
    let c = corpus();
    let all = findings(&c, &kb);
    // A baseline holding the first two findings only.
    let old = prepare(&c, &kb, all[..2].to_vec(), &Config::default(), None, false);
    let text = report::baseline::to_text(&old.baseline_entries());
    let baseline = Baseline::parse("ci/baseline.json", text).expect("baseline parses");
    let r = prepare(&c, &kb, all, &Config::default(), Some(&baseline), true);
    let out = render_to_string(Format::Html, &r, Style::default());
    let doc = Html::parse_document(&out);
    assert_only_template_markup(&doc);
    let states: Vec<String> = select(&doc, ".finding .state")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    let mut sorted = states.clone();
    sorted.sort();
    assert_eq!(sorted, ["baselined", "baselined", "new"]);
    let stats: Vec<String> = select(&doc, ".stats dt")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert!(stats.contains(&"New".to_string()) && stats.contains(&"Baselined".to_string()));
    // Rules unknown to the registry: no documentation to show, and no empty <details>.
    assert!(select(&doc, "details.explain").is_empty());
    // Claims were not attached: the articles are listed without them.
    assert_eq!(select(&doc, "section.doc").len(), 2);
    assert!(select(&doc, "details.claims").is_empty());
}

#[test]
fn empty_report_says_so() {
    let kb = knowledge();
    let c = corpus();
    let r = prepare(&c, &kb, Vec::new(), &Config::default(), None, false);
    let out = render_to_string(Format::Html, &r, Style::default());
    let doc = Html::parse_document(&out);
    assert!(select(&doc, "#filters").is_empty(), "nothing to filter");
    let empty: Vec<String> = select(&doc, "#findings .empty")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(empty, ["No contradictions found."]);
    assert!(out.contains("<title>factdiff report: 0 errors, 0 warnings, 0 notes</title>"));
}

#[test]
fn fixture_report_points_into_both_articles() {
    let kb = knowledge();
    let c = corpus();
    let r = prepare(&c, &kb, findings(&c, &kb), &Config::default(), None, false);
    let out = render_to_string(Format::Html, &r, Style::default());
    let doc = Html::parse_document(&out);
    // The ordinal finding: two articles side by side, each with its number highlighted.
    let li = select(&doc, "#finding-list > li")
        .into_iter()
        .find(|li| li.value().attr("data-rule") == Some("fake-ordinal"))
        .expect("ordinal finding");
    assert_eq!(li.value().attr("data-articles"), Some("doc-1 doc-2"));
    let sides = select_in(
        &li,
        ".sides.two > .panel h4, .sides.two > .evidence .panel h4",
    );
    assert_eq!(sides.len(), 2, "{sides:?}");
    let marks = select_in(&li, "mark");
    assert!(marks.iter().any(|m| m.contains("13th")), "{marks:?}");
    assert!(marks.iter().any(|m| m.contains("12th")), "{marks:?}");
    // The Markdown article's title names its panel; its path is given under it.
    assert!(
        sides.contains(&"Talks in Examplia".to_string()),
        "{sides:?}"
    );
    // Lines and columns, 1-based, as in the other formats.
    let wheres = select_in(&li, ".labels .where");
    assert!(wheres.iter().all(|w| w.starts_with("line ")), "{wheres:?}");
}

//! A hostile corpus for the HTML report's tests: articles whose text, titles and file names
//! are markup meant to run script in the report. Shared by `report_html` (the escaped
//! bytes) and `browser` (a real browser must run none of it).
//!
//! Each article also calls a person known to the shipped rules by a wrong title, so every
//! article has a finding and its hostile text shows up in an excerpt, not only in the list
//! of claims. The scripts set the page title, or the `data-x` attribute of the body, to the
//! marker `PWN` + `ED`, which the text itself never spells out: the marker in a rendered
//! page means a script ran.

#![allow(dead_code)] // Each test crate uses a different part.

use std::fs;
use std::path::Path;

/// The word a hostile script writes into the page when it runs (spelled in two halves in
/// the articles, so the articles' text never contains it).
pub const MARKER: &str = "PWNED";

/// The sentence that gives every article a finding (a known mistranslation).
const WRONG_TITLE: &str =
    "The delegation will be led by Chief Executive Officer Aziz Akhannouch, officials said.";

/// Plain text: a script element, an attribute break-out, an event handler, a closing tag.
pub fn plain_text() -> String {
    format!(
        "<script>document.title='PWN'+'ED'</script> \"><img src=x onerror=\"document.body.setAttribute('data-x','PWN'+'ED')\"> \
         </textarea></blockquote><svg onload=alert(1)> {WRONG_TITLE}\n\n\
         \"<script>alert(2)</script> is not a quote we endorse,\" said Aziz Akhannouch.\n"
    )
}

/// Markdown: a hostile title in the front matter and raw HTML in the body.
pub fn markdown() -> String {
    format!(
        "---\ntitle: </h3><script>document.title='PWN'+'ED'</script>\ndate: 2024-03-01\n\
         source: <b onmouseover=alert(1)>Daily</b>\n---\n\n\
         <script>document.title='PWN'+'ED'</script>\n\n\
         {WRONG_TITLE} <img src=x onerror=\"document.body.setAttribute('data-x','PWN'+'ED')\">\n"
    )
}

/// HTML: escaped markup in the text (it becomes literal `<script>` in the article's text),
/// and a real script element the reader must drop.
pub fn html() -> String {
    format!(
        "<!doctype html><html><head><title>&lt;script&gt;document.title='PWN'+'ED'&lt;/script&gt;</title>\
         <meta property=\"article:published_time\" content=\"2024-03-02\"></head><body><article>\
         <p>&lt;script&gt;document.title='PWN'+'ED'&lt;/script&gt; &quot;&gt;&lt;img src=x \
         onerror=alert(1)&gt; {WRONG_TITLE}</p>\
         <script>document.title='PWN'+'ED'</script></article></body></html>"
    )
}

/// A file name that is itself markup.
pub const HOSTILE_NAME: &str = "<img src=x onerror=alert(1)>.txt";

/// Writes the hostile corpus into `dir/hostile/` and returns that folder.
pub fn write_hostile(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("hostile");
    fs::create_dir_all(&root).expect("create the corpus folder");
    fs::write(root.join("a-plain.txt"), plain_text()).expect("write");
    fs::write(root.join("b-markdown.md"), markdown()).expect("write");
    fs::write(root.join("c-page.html"), html()).expect("write");
    fs::write(
        root.join(HOSTILE_NAME),
        format!("<iframe src=javascript:alert(1)></iframe> {WRONG_TITLE}\n"),
    )
    .expect("write");
    root
}

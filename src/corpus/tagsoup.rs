//! A linear-time look at HTML without building a tree: the cost guard in front of html5ever
//! and the fallback reader behind it.
//!
//! html5ever follows the HTML standard, whose tree-building steps scan the stack of open
//! elements and the list of active formatting elements for many tags. With tens of thousands
//! of unclosed tags both grow with the input, and parsing turns quadratic: 50,000 nested
//! `<div>`s take 10 s in a release build, 50,000 unclosed `<font id=N>`s over a minute, a tag
//! with a million attributes longer still. [`parse_cost`] estimates that work in one pass;
//! above [`PARSE_BUDGET`] the page is read with [`strip`], a tag stripper that is linear
//! whatever the input, and the document says so in a note.

/// Estimated tree-building work (roughly, elements scanned) above which html5ever is not
/// used. A large real page (5,000 tags, 40 deep) costs about 200,000; this budget is 100
/// times that, and about 0.2 s of html5ever in a release build.
pub const PARSE_BUDGET: u64 = 20_000_000;

/// Elements html5ever keeps in the list of active formatting elements.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that never stay open: void elements, those whose end is implied by the next
/// sibling, and the document's single skeleton elements.
const NOT_NESTING: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
    "option", "optgroup", "rb", "rp", "rt", "rtc", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is raw text (no tags inside), skipped to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// One piece of an HTML source.
#[derive(Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// Character data between tags (entities not decoded).
    Text(&'a str),
    /// A start or end tag.
    Tag {
        /// Lower-cased name, cut to 16 bytes (longer names are never ones we look for).
        name: String,
        /// `</name>`.
        closing: bool,
        /// `<name/>`.
        self_closing: bool,
        /// Number of attributes (white-space separated words after the name).
        attributes: u64,
    },
    /// The content of a raw text element (`<script>`, `<style>`, `<title>`...).
    Raw {
        /// The element's name.
        name: String,
        /// Its content up to the end tag (or the end of the source).
        text: &'a str,
    },
}

/// Splits HTML into text, tags and raw text; comments, doctypes and processing instructions
/// are dropped. Every byte is looked at a bounded number of times.
pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    raw: Option<String>,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `src`.
    pub fn new(src: &'a str) -> Lexer<'a> {
        Lexer {
            src,
            pos: 0,
            raw: None,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// The source from `start` to `end`, clamped to char boundaries (never panics).
    fn slice(&self, start: usize, end: usize) -> &'a str {
        let src = self.src;
        let mut s = start.min(src.len());
        while !src.is_char_boundary(s) {
            s += 1;
        }
        let mut e = end.clamp(s, src.len());
        while !src.is_char_boundary(e) {
            e -= 1;
        }
        src.get(s..e.max(s)).unwrap_or_default()
    }

    /// Position of `needle` at or after `from`.
    fn find_bytes(&self, from: usize, needle: &[u8]) -> Option<usize> {
        let hay = self.bytes().get(from..)?;
        if needle.is_empty() || hay.len() < needle.len() {
            return None;
        }
        hay.windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    }

    /// Position of the `</name` that ends a raw text element, ignoring case.
    fn find_end_tag(&self, from: usize, name: &str) -> Option<usize> {
        let bytes = self.bytes();
        let mut at = from;
        loop {
            let lt = self.find_bytes(at, b"</")?;
            let after = lt + 2;
            let candidate = bytes.get(after..after + name.len());
            if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
                return Some(lt);
            }
            at = after;
        }
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.bytes();
        if let Some(name) = self.raw.take() {
            let end = self.find_end_tag(self.pos, &name).unwrap_or(bytes.len());
            let text = self.slice(self.pos, end);
            self.pos = end;
            return Some(Token::Raw { name, text });
        }
        loop {
            let start = self.pos;
            if start >= bytes.len() {
                return None;
            }
            let lt = match self.find_bytes(start, b"<") {
                Some(lt) if lt > start => {
                    self.pos = lt;
                    return Some(Token::Text(self.slice(start, lt)));
                }
                Some(lt) => lt,
                None => {
                    self.pos = bytes.len();
                    return Some(Token::Text(self.slice(start, bytes.len())));
                }
            };
            let rest = bytes.get(lt + 1..).unwrap_or_default();
            if rest.starts_with(b"!--") {
                self.pos = self
                    .find_bytes(lt + 4, b"-->")
                    .map_or(bytes.len(), |e| e + 3);
                continue;
            }
            if rest.first().is_some_and(|&c| c == b'!' || c == b'?') {
                self.pos = self.find_bytes(lt + 1, b">").map_or(bytes.len(), |e| e + 1);
                continue;
            }
            let closing = rest.first() == Some(&b'/');
            let name_start = lt + 1 + usize::from(closing);
            let name_len = bytes
                .get(name_start..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if name_len == 0 || !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                // A lone `<` ("a < b") is text.
                self.pos = lt + 1;
                return Some(Token::Text(self.slice(lt, lt + 1)));
            }
            let name = self
                .slice(name_start, name_start + name_len.min(16))
                .to_ascii_lowercase();
            let (attributes, self_closing, end) = scan_tag(bytes, name_start + name_len);
            self.pos = end;
            if !closing && RAW_TEXT.contains(&name.as_str()) {
                self.raw = Some(name.clone());
            }
            return Some(Token::Tag {
                name,
                closing,
                self_closing,
                attributes,
            });
        }
    }
}

/// Reads a tag's attributes from `from` up to and past its `>`: the number of attributes,
/// whether it ends with `/>`, and the position after it. Quoted values may hold `>`.
fn scan_tag(bytes: &[u8], from: usize) -> (u64, bool, usize) {
    let mut attributes = 0u64;
    let mut in_word = false;
    let mut quote: Option<u8> = None;
    let mut last = 0u8;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'>' => return (attributes, last == b'/', i),
            b'"' | b'\'' => quote = Some(b),
            b if b.is_ascii_whitespace() => in_word = false,
            b'=' => in_word = true,
            b'/' => {}
            _ => {
                if !in_word {
                    attributes += 1;
                    in_word = true;
                }
            }
        }
        if !b.is_ascii_whitespace() {
            last = b;
        }
    }
    (attributes, false, bytes.len())
}

/// Estimated tree-building work for `src`, counting up to just past `limit` and no further
/// (so the estimate itself stays linear and cheap on hostile input).
///
/// Each token costs the elements html5ever may scan for it: the elements left open (tags
/// that nest and are not closed) plus the formatting elements not closed by their own end
/// tag (which html5ever reopens in each new block). A tag's attributes cost their square
/// (duplicate attributes are looked for pairwise), scaled to the same unit.
pub fn parse_cost(src: &str, limit: u64) -> u64 {
    let mut open = 0u64;
    let mut formatting = 0u64;
    let mut cost = 0u64;
    for token in Lexer::new(src) {
        cost = cost.saturating_add(1 + open + formatting);
        if let Token::Tag {
            name,
            closing,
            self_closing,
            attributes,
        } = token
        {
            cost = cost.saturating_add(attributes.saturating_mul(attributes) / 32);
            let nests = !NOT_NESTING.contains(&name.as_str());
            let is_formatting = FORMATTING.contains(&name.as_str());
            if closing {
                if nests {
                    open = open.saturating_sub(1);
                }
                if is_formatting {
                    formatting = formatting.saturating_sub(1);
                }
            } else if !self_closing || is_formatting {
                open += u64::from(nests && !RAW_TEXT.contains(&name.as_str()));
                formatting += u64::from(is_formatting);
            }
        }
        if cost > limit {
            break;
        }
    }
    cost
}

/// The visible text of an HTML source, by stripping tags: no tree, no nesting, linear.
/// Block elements end lines; `hidden` elements and raw text other than `<title>` and
/// `<textarea>` are dropped; entities are decoded. Returns the text and the `<title>`.
pub fn strip(src: &str, hidden: &[&str], blocks: &[&str]) -> (String, Option<String>) {
    let mut out = String::with_capacity(src.len() / 2);
    let mut title = None;
    let mut hidden_depth = 0usize;
    for token in Lexer::new(src) {
        match token {
            Token::Text(t) if hidden_depth == 0 => decode_entities(t, &mut out),
            Token::Text(_) => {}
            Token::Raw { name, text } => {
                if name == "title" && title.is_none() {
                    let mut t = String::new();
                    decode_entities(text, &mut t);
                    title = Some(t.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|t| !t.is_empty());
                } else if name == "textarea" && hidden_depth == 0 {
                    decode_entities(text, &mut out);
                }
            }
            Token::Tag {
                name,
                closing,
                self_closing,
                ..
            } => {
                let name = name.as_str();
                // `head` holds only raw text and void elements, and its end tag is often
                // left out: hiding by it would hide the whole page.
                if hidden.contains(&name) && !RAW_TEXT.contains(&name) && name != "head" {
                    if closing {
                        hidden_depth = hidden_depth.saturating_sub(1);
                    } else if !self_closing {
                        hidden_depth += 1;
                    }
                } else if hidden_depth == 0 && blocks.contains(&name) {
                    out.push('\n');
                }
            }
        }
    }
    (out, title)
}

/// Appends `text` with the common character references decoded (`&amp;`, `&#233;`,
/// `&#xE9;`, `&nbsp;`...). Unknown or malformed references are kept as written.
pub fn decode_entities(text: &str, out: &mut String) {
    const NAMED: &[(&str, &str)] = &[
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", "\u{a0}"),
        ("ndash", "–"),
        ("mdash", "—"),
        ("lsquo", "‘"),
        ("rsquo", "’"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("laquo", "«"),
        ("raquo", "»"),
        ("hellip", "…"),
        ("eacute", "é"),
        ("egrave", "è"),
        ("aacute", "á"),
        ("iacute", "í"),
        ("oacute", "ó"),
        ("uacute", "ú"),
        ("ntilde", "ñ"),
        ("ccedil", "ç"),
        ("uuml", "ü"),
    ];
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        let (before, after) = rest.split_at(amp);
        out.push_str(before);
        // A reference is short: look for its `;` within 12 bytes only, so this stays linear.
        let window = after
            .char_indices()
            .take_while(|&(i, _)| i <= 12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = window.and_then(|semi| {
            let body = after.get(1..semi)?;
            let text = if let Some(num) = body.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse::<u32>().ok()?,
                };
                char::from_u32(code).filter(|&c| c != '\0')?.to_string()
            } else {
                NAMED.iter().find(|(n, _)| *n == body)?.1.to_string()
            };
            Some((text, semi + 1))
        });
        match decoded {
            Some((text, used)) => {
                out.push_str(&text);
                rest = after.get(used..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_of_real_and_hostile_pages() {
        let page = "<!DOCTYPE html><html><head><title>T</title></head><body><article><p>One <b>two</b></p><p>Three<br>four</p></article></body></html>";
        assert!(parse_cost(page, PARSE_BUDGET) < 100);
        let deep = "<div>".repeat(50_000);
        assert!(parse_cost(&deep, PARSE_BUDGET) > PARSE_BUDGET);
        let mut fonts = String::new();
        for i in 0..50_000 {
            fonts.push_str(&format!("<p><font id={i}>y</p>"));
        }
        assert!(parse_cost(&fonts, PARSE_BUDGET) > PARSE_BUDGET);
        let attrs = format!("<div {}>", "a=1 ".repeat(100_000));
        assert!(parse_cost(&attrs, PARSE_BUDGET) > PARSE_BUDGET);
        let flat = "<p>Paragraph <a href=\"x\">link</a> text.</p>\n".repeat(50_000);
        assert!(parse_cost(&flat, PARSE_BUDGET) < PARSE_BUDGET);
    }

    #[test]
    fn strip_keeps_visible_text() {
        let src = "<html><head><title>A &amp; B</title><style>p{}</style></head><body><div><p>Caf&eacute; &#x2013; 3 &lt; 4 &bogus; & <b>bold<script>if (a<b) x()</script></div><svg><text>no</text></svg>end";
        let (text, title) = strip(src, &["script", "style", "head", "svg"], &["p", "div"]);
        assert_eq!(title.as_deref(), Some("A & B"));
        assert_eq!(text, "\n\nCafé – 3 < 4 &bogus; & bold\nend");
    }

    #[test]
    fn lexer_survives_truncation_anywhere() {
        let src = "<html><body><!-- c --><p class=\"a>b\">é<script>x</scr";
        for end in 0..=src.len() {
            if let Some(s) = src.get(..end) {
                let _ = Lexer::new(s).count();
                let _ = strip(s, &["script"], &["p"]);
                let _ = parse_cost(s, 10);
            }
        }
        for s in [
            "<",
            "</",
            "<!",
            "<!--",
            "<a",
            "<a '",
            "&",
            "&#",
            "&#x;",
            "&#99999999;",
            "&#0;",
            "<é>",
            "</é",
        ] {
            let _ = strip(s, &[], &[]);
        }
    }
}

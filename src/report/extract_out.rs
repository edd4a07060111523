//! Output of `factdiff extract`.

use crate::corpus::Document;
use crate::extract::{Claim, ClaimData};
use crate::span::LineCursor;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct ClaimOut<'a> {
    #[serde(flatten)]
    claim: &'a Claim,
    text: &'a str,
}

#[derive(Serialize)]
struct DocOut<'a> {
    path: &'a str,
    title: Option<&'a str>,
    published: Option<String>,
    format: crate::corpus::Format,
    claims: Vec<ClaimOut<'a>>,
}

/// Writes the JSON contract of `extract`: `{"version":1,"documents":[{"path","published","claims":[...]}]}`.
pub fn extract_json(docs: &[(&Document, Vec<Claim>)], out: &mut dyn Write) -> io::Result<()> {
    let mut w = ExtractWriter::new(out, true);
    for (d, claims) in docs {
        w.document(d, claims)?;
    }
    w.finish()
}

/// Writes one line per claim: `path:line:col kind text → value`.
pub fn extract_human(docs: &[(&Document, Vec<Claim>)], out: &mut dyn Write) -> io::Result<()> {
    let mut w = ExtractWriter::new(out, false);
    for (d, claims) in docs {
        w.document(d, claims)?;
    }
    w.finish()
}

/// Writes `extract` output one document at a time, so an archive is never held whole: the
/// bytes are those of one JSON value (pretty-printed like `serde_json`) or of the human list.
pub struct ExtractWriter<'w> {
    out: &'w mut dyn Write,
    json: bool,
    written: usize,
}

impl<'w> ExtractWriter<'w> {
    /// A writer of JSON (`json`) or of the human list.
    pub fn new(out: &'w mut dyn Write, json: bool) -> Self {
        ExtractWriter {
            out,
            json,
            written: 0,
        }
    }

    /// Writes one document and its claims.
    pub fn document(&mut self, d: &Document, claims: &[Claim]) -> io::Result<()> {
        let text = Self::render(self.json, d, claims)?;
        self.rendered(&text)
    }

    /// One document's part of the output, ready for [`ExtractWriter::rendered`]: documents
    /// can be rendered on all cores and written in order.
    pub fn render(json: bool, d: &Document, claims: &[Claim]) -> io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        if !json {
            human_document(d, claims, &mut buf)?;
            return Ok(buf);
        }
        let doc = DocOut {
            path: &d.path,
            title: d.title.as_deref(),
            published: d.published.map(|p| p.to_string()),
            format: d.format,
            claims: claims
                .iter()
                .map(|c| ClaimOut {
                    claim: c,
                    text: c.span.slice(&d.text),
                })
                .collect(),
        };
        // The document as an element of the array: its pretty form indented two levels.
        // JSON strings hold no raw line feeds, so indenting line by line is exact.
        let text = serde_json::to_string_pretty(&doc).map_err(io::Error::other)?;
        buf.reserve(text.len() + text.len() / 8);
        for (k, line) in text.split('\n').enumerate() {
            if k > 0 {
                buf.push(b'\n');
            }
            buf.extend_from_slice(b"    ");
            buf.extend_from_slice(line.as_bytes());
        }
        Ok(buf)
    }

    /// Writes a document [`ExtractWriter::render`] made (with the same `json`).
    pub fn rendered(&mut self, part: &[u8]) -> io::Result<()> {
        if self.json {
            if self.written == 0 {
                self.out
                    .write_all(b"{\n  \"version\": 1,\n  \"documents\": [\n")?;
            } else {
                self.out.write_all(b",\n")?;
            }
        }
        self.written += 1;
        self.out.write_all(part)
    }

    /// Whether this writer writes JSON.
    pub fn json(&self) -> bool {
        self.json
    }

    /// Ends the output.
    pub fn finish(self) -> io::Result<()> {
        if !self.json {
            return Ok(());
        }
        if self.written == 0 {
            self.out
                .write_all(b"{\n  \"version\": 1,\n  \"documents\": []\n}\n")
        } else {
            self.out.write_all(b"\n  ]\n}\n")
        }
    }
}

fn human_document(d: &Document, claims: &[Claim], out: &mut dyn Write) -> io::Result<()> {
    let date = d
        .published
        .map(|p| p.to_string())
        .unwrap_or_else(|| "no date".to_string());
    writeln!(out, "{} ({:?}, {})", d.path, d.format, date)?;
    let mut cursor = LineCursor::new();
    for c in claims {
        let (line, col) = cursor.line_col(&d.text, c.span.start);
        writeln!(
            out,
            "  {line}:{col} {:<12} {:?} {}",
            c.kind(),
            c.span.slice(&d.text),
            describe(&c.data)
        )?;
    }
    Ok(())
}

fn describe(data: &ClaimData) -> String {
    match data {
        ClaimData::Time {
            timex, relative, ..
        } => format!(
            "→ {:?} {}{}",
            timex.kind,
            timex.value,
            if *relative { " (relative)" } else { "" }
        ),
        ClaimData::Person { name } => format!("→ {name}"),
        ClaimData::Age { person, years, .. } => format!("→ {person}: {years} years old"),
        ClaimData::Origin { person, place, .. } => format!("→ {person}: from {place}"),
        ClaimData::Title {
            person,
            title,
            country,
            ..
        } => {
            format!(
                "→ {person}: {title}{}",
                country
                    .as_ref()
                    .map(|c| format!(" [{c}]"))
                    .unwrap_or_default()
            )
        }
        ClaimData::Organisation { name, person, .. } => match person {
            Some(p) => format!("→ {name} (headed by {p})"),
            None => format!("→ {name}"),
        },
        ClaimData::Place { name } => format!("→ {name}"),
        ClaimData::Event(e) => {
            let mut parts = vec![e.noun.clone()];
            if let Some(s) = &e.series {
                parts.push(format!("of {s}"));
            }
            if let Some(o) = &e.ordinal {
                parts.push(format!("#{}", o.value));
            }
            if let Some(p) = &e.place {
                parts.push(format!("in {}", p.value));
            }
            if let Some(t) = &e.time {
                parts.push(format!("at {}", t.value.value));
            }
            if !e.attendees.is_empty() {
                parts.push(format!(
                    "with {}",
                    e.attendees
                        .iter()
                        .map(|a| a.value.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if e.planned {
                parts.push("(planned)".to_string());
            }
            format!("→ {}", parts.join(" "))
        }
        ClaimData::Ordinal { value } => format!("→ {value}"),
        ClaimData::Count {
            value,
            approximate,
            noun,
        } => format!("→ {}{value} {noun}", if *approximate { "~" } else { "" }),
        ClaimData::Office {
            office,
            holder,
            year,
            ..
        } => format!("→ {office}: {holder} in {year}"),
        ClaimData::Quote { speaker, .. } => {
            format!("→ said by {}", speaker.as_deref().unwrap_or("?"))
        }
    }
}

//! Output of `factdiff extract`.

use crate::corpus::Document;
use crate::extract::{Claim, ClaimData};
use crate::span::line_col;
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

#[derive(Serialize)]
struct ExtractOut<'a> {
    version: u32,
    documents: Vec<DocOut<'a>>,
}

/// Writes the JSON contract of `extract`: `{"version":1,"documents":[{"path","published","claims":[...]}]}`.
pub fn extract_json(docs: &[(&Document, Vec<Claim>)], out: &mut dyn Write) -> io::Result<()> {
    let value = ExtractOut {
        version: 1,
        documents: docs
            .iter()
            .map(|(d, claims)| DocOut {
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
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// Writes one line per claim: `path:line:col kind text → value`.
pub fn extract_human(docs: &[(&Document, Vec<Claim>)], out: &mut dyn Write) -> io::Result<()> {
    for (d, claims) in docs {
        let date = d
            .published
            .map(|p| p.to_string())
            .unwrap_or_else(|| "no date".to_string());
        writeln!(out, "{} ({:?}, {})", d.path, d.format, date)?;
        for c in claims {
            let (line, col) = line_col(&d.text, c.span.start);
            writeln!(
                out,
                "  {line}:{col} {:<12} {:?} {}",
                c.kind(),
                c.span.slice(&d.text),
                describe(&c.data)
            )?;
        }
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

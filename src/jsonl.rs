//! JSONL records: reads newline-delimited JSON objects, cleans each record's text field, and
//! writes the record back with every other field unchanged (in its original order), the text
//! replaced by the clean text, and a compact provenance field `decruft` holding the removed
//! spans with their reasons, rules, evidence and bytes (keep spans are the gaps between them).

use crate::Cleaner;
use crate::input::InputError;
use crate::provenance::{self, Action, Span};
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::io::{self, BufRead, Write};
use std::path::Path;

/// Which fields hold a record's text and id.
#[derive(Debug, Clone)]
pub struct Fields {
    pub text: String,
    pub id: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            text: "text".into(),
            id: "id".into(),
        }
    }
}

/// Name of the provenance field added to every output record.
pub const FIELD: &str = "decruft";

/// What cleaning one JSONL stream did.
#[derive(Debug, Default)]
pub struct Stats {
    pub records: u64,
    pub bytes_in: u64,
    pub bytes_out: u64,
    /// (reason, rule, bytes) of every removed span.
    pub removed: Vec<(String, String, u64)>,
    /// Records that could not be cleaned (not JSON, no text field...), one per record.
    pub errors: Vec<InputError>,
}

/// Records read and cleaned per parallel batch.
const BATCH: usize = 512;

/// The text-bearing records of a WARC/WET stream as JSON record lines.
pub fn warc_records(mut reader: impl BufRead) -> impl Iterator<Item = io::Result<Vec<u8>>> {
    std::iter::from_fn(move || {
        loop {
            match crate::warc::next_record(&mut reader) {
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
                Ok(Some(rec)) => {
                    if let Some(json) = crate::warc::to_json(&rec) {
                        return Some(Ok(json));
                    }
                }
            }
        }
    })
}

/// Corpus dedup context for a record stream: the decisions, the near-duplicate check, and
/// the stream's file number (the high half of its records' document numbers).
pub struct Corpus<'a> {
    pub decisions: &'a crate::dedup::Decisions,
    pub near: &'a crate::dedup::NearCheck<'a>,
    pub file: crate::dedup::DocNo,
}

/// Corpus dedup, pass one over a record stream: calls `sink` with each record's document
/// number, id and index, in order. Records that cannot be read are skipped (pass two reports
/// them).
pub fn index_records(
    records: impl Iterator<Item = io::Result<Vec<u8>>>,
    label: &Path,
    cleaner: &Cleaner,
    fields: &Fields,
    pool: &rayon::ThreadPool,
    file: crate::dedup::DocNo,
    sink: &mut dyn FnMut(crate::dedup::DocNo, String, &crate::dedup::DocIndex),
) -> io::Result<()> {
    for batch in batches(records) {
        let batch = batch?;
        let indexed: Vec<Option<(usize, String, crate::dedup::DocIndex)>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(n, line)| {
                    let (_, id, body) = parse_body(line.trim_ascii(), *n, label, fields).ok()?;
                    let index = match body {
                        Body::Text(text) => cleaner.index(text.as_bytes()),
                        Body::Html(html) => cleaner.index_html(html.as_bytes()),
                    };
                    Some((*n, id, index))
                })
                .collect()
        });
        for (n, id, index) in indexed.into_iter().flatten() {
            sink(file | n as u64, id, &index);
        }
    }
    Ok(())
}

/// Records numbered from 1, in batches of [`BATCH`] for parallel work; a read error ends it.
fn batches(
    records: impl Iterator<Item = io::Result<Vec<u8>>>,
) -> impl Iterator<Item = io::Result<Vec<(usize, Vec<u8>)>>> {
    let mut numbered = records.enumerate();
    std::iter::from_fn(move || {
        let mut batch = Vec::with_capacity(BATCH);
        for (n, line) in numbered.by_ref() {
            match line {
                Ok(l) => batch.push((n + 1, l)),
                Err(e) => return Some(Err(e)),
            }
            if batch.len() == BATCH {
                break;
            }
        }
        (!batch.is_empty()).then_some(Ok(batch))
    })
}

/// The texts of the records whose numbers are in `wanted` (near-duplicate originals).
pub fn record_texts(
    records: impl Iterator<Item = io::Result<Vec<u8>>>,
    label: &Path,
    fields: &Fields,
    wanted: &std::collections::HashSet<usize>,
) -> std::collections::HashMap<usize, Vec<u8>> {
    let mut out = std::collections::HashMap::new();
    for (n, line) in records.enumerate() {
        let n = n + 1;
        if !wanted.contains(&n) {
            continue;
        }
        let Ok(line) = line else { break };
        if let Ok((_, _, text)) = parse(line.trim_ascii(), n, label, fields) {
            out.insert(n, text.into_bytes());
        }
    }
    out
}

/// Cleans JSON records given one per item, in order, into `writer`. `label` names the stream
/// in record ids (when a record has none) and in errors; the item number is the "line" in
/// errors. Bad records are reported and left out.
pub fn clean_records(
    records: impl Iterator<Item = io::Result<Vec<u8>>>,
    writer: &mut impl Write,
    label: &Path,
    cleaner: &Cleaner,
    fields: &Fields,
    pool: &rayon::ThreadPool,
    corpus: Option<&Corpus>,
) -> io::Result<Stats> {
    let mut stats = Stats::default();
    for batch in batches(records) {
        let batch = batch?;
        let results: Vec<Option<Result<Cleaned, String>>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(n, line)| clean_record(line, *n, label, cleaner, fields, corpus))
                .collect()
        });
        for r in results.into_iter().flatten() {
            match r {
                Ok(c) => {
                    writer.write_all(&c.json)?;
                    writer.write_all(b"\n")?;
                    stats.records += 1;
                    stats.bytes_in += c.bytes_in;
                    stats.bytes_out += c.bytes_out;
                    stats.removed.extend(c.removed);
                }
                Err(e) => stats.errors.push(InputError::new(label, e)),
            }
        }
    }
    Ok(stats)
}

struct Cleaned {
    json: Vec<u8>,
    bytes_in: u64,
    bytes_out: u64,
    removed: Vec<(String, String, u64)>,
}

/// Cleans one record; None for a blank line.
fn clean_record(
    line: &[u8],
    n: usize,
    label: &Path,
    cleaner: &Cleaner,
    fields: &Fields,
    corpus: Option<&Corpus>,
) -> Option<Result<Cleaned, String>> {
    let line = line.trim_ascii();
    if line.is_empty() {
        return None;
    }
    Some(clean_object(line, n, label, cleaner, fields, corpus))
}

/// The field of a record that holds a whole HTML page, cleaned by main-content extraction
/// when the record has no text field (WARC responses become such records).
pub const HTML_FIELD: &str = "html";

/// What a record carries to be cleaned.
enum Body {
    Text(String),
    /// A whole HTML page (the record's [`HTML_FIELD`], it has no text field).
    Html(String),
}

/// A record's JSON value, id and text; errors name the line. HTML records have no text for
/// the text-only passes (the texts of near-duplicate originals).
fn parse(
    line: &[u8],
    n: usize,
    label: &Path,
    fields: &Fields,
) -> Result<(Value, String, String), String> {
    match parse_body(line, n, label, fields)? {
        (value, id, Body::Text(text)) => Ok((value, id, text)),
        (_, _, Body::Html(_)) => Err(format!("line {n}: an HTML record")),
    }
}

/// A record's JSON value, id and body; errors name the line.
fn parse_body(
    line: &[u8],
    n: usize,
    label: &Path,
    fields: &Fields,
) -> Result<(Value, String, Body), String> {
    let value: Value =
        serde_json::from_slice(line).map_err(|e| format!("line {n}: not JSON: {e}"))?;
    let obj = value
        .as_object()
        .ok_or_else(|| format!("line {n}: not a JSON object"))?;
    let text = match (obj.get(&fields.text), obj.get(HTML_FIELD)) {
        (Some(Value::String(s)), _) => Body::Text(s.clone()),
        (Some(_), _) => {
            return Err(format!("line {n}: field {:?} is not a string", fields.text));
        }
        (None, Some(Value::String(h))) => Body::Html(h.clone()),
        (None, _) => {
            return Err(format!(
                "line {n}: no field {:?} (see --text-field) and no {HTML_FIELD:?} field",
                fields.text
            ));
        }
    };
    let id = match obj.get(&fields.id) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(x)) => x.to_string(),
        _ => format!("{}:{n}", label.display()),
    };
    Ok((value, id, text))
}

fn clean_object(
    line: &[u8],
    n: usize,
    label: &Path,
    cleaner: &Cleaner,
    fields: &Fields,
    corpus: Option<&Corpus>,
) -> Result<Cleaned, String> {
    let (mut value, id, body) = parse_body(line, n, label, fields)?;
    let obj = value
        .as_object_mut()
        .ok_or_else(|| format!("line {n}: not a JSON object"))?;
    let mut page = None;
    let (text, (clean, spans)) = match body {
        Body::Text(text) => {
            let cleaned = match corpus {
                Some(c) => {
                    let doc_no = c.file | n as u64;
                    let t = text.as_bytes();
                    cleaner.clean_in_corpus(&id, doc_no, t, c.decisions, Some(c.near))
                }
                None => cleaner.clean_str(&id, &text),
            };
            (text, cleaned)
        }
        Body::Html(html) => {
            // As an HTML file: the spans cover the page text (one block per line), which
            // stands for the record's text from here on; the page itself is described in
            // `page` and dropped from the output record.
            let h = match corpus {
                Some(c) => {
                    let doc_no = c.file | n as u64;
                    cleaner.clean_html_in_corpus(
                        &id,
                        doc_no,
                        html.as_bytes(),
                        c.decisions,
                        Some(c.near),
                    )
                }
                None => cleaner.clean_html(&id, html.as_bytes()),
            }
            .map_err(|e| format!("line {n}: {e}"))?;
            let text = String::from_utf8(h.text).map_err(|e| format!("line {n}: {e}"))?;
            let mut p = Map::new();
            p.insert("format".into(), Value::from("html"));
            p.insert("field".into(), Value::from(HTML_FIELD));
            p.insert("html_bytes".into(), Value::from(html.len()));
            p.insert(
                "html_sha256".into(),
                Value::from(crate::sha256_hex(html.as_bytes())),
            );
            if !h.warnings.is_empty() {
                p.insert("warnings".into(), Value::from(h.warnings));
            }
            page = Some(Value::Object(p));
            // The clean text takes the page's place among the fields.
            let fields_in = std::mem::take(obj);
            *obj = fields_in
                .into_iter()
                .map(|(k, v)| match k == HTML_FIELD {
                    true => (fields.text.clone(), Value::Null),
                    false => (k, v),
                })
                .collect();
            (text, (h.output, h.spans))
        }
    };
    // Kept bytes are whole lines of valid UTF-8 text, so the clean text is valid UTF-8 too.
    let clean = String::from_utf8(clean).map_err(|e| format!("line {n}: {e}"))?;
    let removed_spans: Vec<&Span> = spans
        .iter()
        .filter(|s| s.action == Action::Remove)
        .collect();
    let removed = removed_spans
        .iter()
        .map(|s| {
            (
                s.reason.clone().unwrap_or_default(),
                s.rule.clone().unwrap_or_default(),
                s.len(),
            )
        })
        .collect();
    let mut prov = Map::new();
    prov.insert("schema".into(), Value::from(provenance::SCHEMA));
    prov.insert("id".into(), Value::from(id.as_str()));
    prov.insert("field".into(), Value::from(fields.text.as_str()));
    prov.insert(
        "source_sha256".into(),
        Value::from(crate::sha256_hex(text.as_bytes())),
    );
    prov.insert(
        "output_sha256".into(),
        Value::from(crate::sha256_hex(clean.as_bytes())),
    );
    prov.insert("bytes_in".into(), Value::from(text.len()));
    if let Some(p) = page {
        prov.insert("page".into(), p);
    }
    prov.insert(
        "removed".into(),
        serde_json::to_value(&removed_spans).map_err(|e| e.to_string())?,
    );
    let (bytes_in, bytes_out) = (text.len() as u64, clean.len() as u64);
    obj.insert(fields.text.clone(), Value::String(clean));
    obj.insert(FIELD.into(), Value::Object(prov));
    let json = serde_json::to_vec(&value).map_err(|e| format!("line {n}: {e}"))?;
    Ok(Cleaned {
        json,
        bytes_in,
        bytes_out,
        removed,
    })
}

/// Rebuilds a record's original text from its clean text and its `decruft` field.
pub fn rebuild_text(clean: &str, prov: &Value) -> Result<Vec<u8>, String> {
    let removed: Vec<Span> =
        serde_json::from_value(prov.get("removed").cloned().unwrap_or(Value::Null))
            .map_err(|e| format!("bad removed spans: {e}"))?;
    let total = prov
        .get("bytes_in")
        .and_then(Value::as_u64)
        .ok_or("no bytes_in")?;
    let mut out = Vec::with_capacity(total as usize);
    let (mut pos, mut cursor) = (0u64, 0usize);
    let clean = clean.as_bytes();
    for s in &removed {
        if s.start < pos {
            return Err(format!(
                "removed span {}..{} overlaps the one before",
                s.start, s.end
            ));
        }
        let keep = (s.start - pos) as usize;
        out.extend_from_slice(
            clean
                .get(cursor..cursor + keep)
                .ok_or("clean text too short")?,
        );
        cursor += keep;
        out.extend_from_slice(&s.removed_bytes().ok_or("a removed span stores no bytes")?);
        pos = s.end;
    }
    out.extend_from_slice(&clean[cursor.min(clean.len())..]);
    if out.len() as u64 != total {
        return Err(format!(
            "rebuilt {} bytes, the record had {total}",
            out.len()
        ));
    }
    Ok(out)
}

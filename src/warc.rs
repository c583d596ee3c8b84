//! Common Crawl WARC and WET files: reads the records and turns each one with text into a JSON
//! record (`id` = WARC-Target-URI, `warc_record_id`, `warc_date`, and `text` or `html`) that
//! the JSONL path cleans. WET `conversion` records carry plain text. WARC `response` records
//! carry an HTTP response whose HTML body goes in the record's `html` field, decoded by the
//! `charset` of its `Content-Type` header (else as an HTML file is); the JSONL path cleans it
//! by main-content extraction like an HTML file. Other record types (request, metadata,
//! warcinfo) carry no article and are skipped.

use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// One WARC record: its headers (names lower-cased) and its content block.
pub struct Record {
    pub headers: Vec<(String, String)>,
    pub content: Vec<u8>,
}

impl Record {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads the next record; None at the end of the stream.
pub fn next_record(r: &mut impl BufRead) -> io::Result<Option<Record>> {
    let mut line = Vec::new();
    // Skip the blank lines between records.
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        if !line.trim_ascii().is_empty() {
            break;
        }
    }
    if !line.starts_with(b"WARC/") {
        return Err(bad(format!(
            "expected a WARC/ version line, found {:?}",
            String::from_utf8_lossy(&line[..line.len().min(40)])
        )));
    }
    let mut headers = Vec::new();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line)? == 0 {
            return Err(bad("truncated WARC headers".into()));
        }
        let l = String::from_utf8_lossy(&line);
        let l = l.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .ok_or_else(|| bad("WARC record without a Content-Length".into()))?;
    let mut content = vec![0u8; len];
    r.read_exact(&mut content).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => bad("truncated WARC record".into()),
        _ => e,
    })?;
    Ok(Some(Record { headers, content }))
}

fn bad(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

/// The record as a JSON object line for the JSONL path, or None when it carries no text:
/// WET text in `text`, a WARC response's HTML page (decoded by its charset) in `html`,
/// which the JSONL path cleans by main-content extraction.
pub fn to_json(rec: &Record) -> Option<Vec<u8>> {
    let kind = rec.header("warc-type").unwrap_or("");
    let (field, text) = match kind {
        "conversion" => ("text", String::from_utf8_lossy(&rec.content).into_owned()),
        "response" => {
            let (headers, body) = split_http(&rec.content)?;
            let (mime, charset) = content_type(&headers)?;
            if mime != "text/html" && mime != "application/xhtml+xml" {
                return None;
            }
            let transport = charset.and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
            let page = crate::html::decode_with(body, transport).0.into_owned();
            (crate::jsonl::HTML_FIELD, page)
        }
        _ => return None,
    };
    let mut obj = Map::new();
    obj.insert(
        "id".into(),
        Value::from(rec.header("warc-target-uri").unwrap_or("")),
    );
    obj.insert(
        "warc_record_id".into(),
        Value::from(rec.header("warc-record-id").unwrap_or("")),
    );
    obj.insert(
        "warc_date".into(),
        Value::from(rec.header("warc-date").unwrap_or("")),
    );
    obj.insert(field.into(), Value::from(text));
    serde_json::to_vec(&Value::Object(obj)).ok()
}

/// The media type (lower-cased) and the `charset` parameter of an HTTP header block's
/// `Content-Type`.
fn content_type(headers: &str) -> Option<(String, Option<String>)> {
    let value = headers.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-type")
            .then_some(value)
    })?;
    let mut parts = value.split(';');
    let mime = parts.next()?.trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    });
    Some((mime, charset))
}

/// Splits an HTTP response into its header block and body.
fn split_http(b: &[u8]) -> Option<(String, &[u8])> {
    let pos = b
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| b.windows(2).position(|w| w == b"\n\n").map(|p| (p, p + 2)))?;
    Some((
        String::from_utf8_lossy(&b[..pos.0]).into_owned(),
        &b[pos.1..],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WET: &str = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n\
WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://example.org/a\r\nWARC-Date: 2025-07-16T00:00:00Z\r\nContent-Length: 33\r\n\r\nHeadline\nBody.\nShare on Facebook\n\r\n\r\n";

    #[test]
    fn wet_conversion_records_become_json() {
        let mut r = io::Cursor::new(WET.as_bytes());
        let info = next_record(&mut r).unwrap().unwrap();
        assert!(to_json(&info).is_none());
        let conv = next_record(&mut r).unwrap().unwrap();
        let v: Value = serde_json::from_slice(&to_json(&conv).unwrap()).unwrap();
        assert_eq!(v["id"], "https://example.org/a");
        assert_eq!(v["text"], "Headline\nBody.\nShare on Facebook\n");
        assert!(next_record(&mut r).unwrap().is_none());
    }

    #[test]
    fn truncated_records_are_errors() {
        let cut = &WET.as_bytes()[..WET.len() - 20];
        let mut r = io::Cursor::new(cut);
        next_record(&mut r).unwrap();
        assert!(next_record(&mut r).is_err());
    }

    #[test]
    fn the_http_charset_decodes_the_page() {
        let response = |header: &str, page: &[u8]| {
            let mut content = format!("HTTP/1.1 200 OK\r\n{header}\r\n\r\n").into_bytes();
            content.extend_from_slice(page);
            let rec = Record {
                headers: vec![("warc-type".into(), "response".into())],
                content,
            };
            let v: Value = serde_json::from_slice(&to_json(&rec)?).unwrap();
            Some(v["html"].as_str().unwrap().to_string())
        };
        // "Привет" in windows-1251; the page's own declaration is wrong.
        let page = b"<meta charset=iso-8859-1><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        let got = response("Content-Type: text/html; charset=\"windows-1251\"", page);
        assert!(got.unwrap().contains("Привет"));
        // No charset in the header: the page's declaration decides.
        let got = response("content-type:TEXT/HTML", page).unwrap();
        assert!(got.contains("Ïðèâåò"), "{got}");
        // Not HTML: skipped.
        assert!(response("Content-Type: image/png", page).is_none());
        assert!(response("Server: x", page).is_none());
    }

    #[test]
    fn html_responses_carry_the_page() {
        let body = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>caf\u{e9}</p>";
        let rec = Record {
            headers: vec![("warc-type".into(), "response".into())],
            content: body.as_bytes().to_vec(),
        };
        let v: Value = serde_json::from_slice(&to_json(&rec).unwrap()).unwrap();
        assert_eq!(v["html"], "<p>caf\u{e9}</p>");
        assert!(v.get("text").is_none());
    }
}

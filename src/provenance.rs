//! Provenance: the record kept for every document (schema `decruft.provenance/1`, one JSON
//! object per line of `provenance.jsonl`). Its spans cover every source byte exactly once, in
//! order; a `keep` span's bytes are the next bytes of the clean output, a `remove` span carries
//! its own bytes plus the reason, the rule and the evidence. [`rebuild`] turns output plus
//! record back into the source, which is what `decruft verify` checks.

use crate::classify::Evidence;
use serde::{Deserialize, Serialize};

/// Schema identifier written in every record; bumped on any incompatible change.
pub const SCHEMA: &str = "decruft.provenance/1";

/// One document's provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub schema: String,
    /// Stable document id: the input's path relative to the folder it was found in.
    pub id: String,
    /// The source path as it was given (joined with the walked folder).
    pub source: String,
    /// `gzip` or `zstd` when the source was decompressed; hashes and spans refer to the
    /// decompressed bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compression: Option<String>,
    /// The clean text's path, relative to the output folder.
    pub output: String,
    pub source_sha256: String,
    pub output_sha256: String,
    pub bytes_in: u64,
    pub bytes_out: u64,
    /// Non-fatal problems with this input (e.g. invalid UTF-8, kept as bytes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// For an HTML source: the page text the spans cover (see [`PageText`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageText>,
    pub spans: Vec<Span>,
}

/// An HTML source is decoded and turned into page text, one block (paragraph, heading, list
/// item, table row) per line; the spans, and `bytes_in`, refer to that text. `source_sha256`
/// stays the hash of the HTML bytes, so `verify` checks the text against `sha256` here and
/// the HTML file against `source_sha256`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageText {
    /// `html`.
    pub format: String,
    /// The encoding the HTML was decoded with.
    pub encoding: String,
    /// Bytes of HTML read (after decompression).
    pub html_bytes: u64,
    /// SHA-256 of the page text.
    pub sha256: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Keep,
    Remove,
}

/// Where the kept copy of a removed duplicate is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DupRef {
    pub doc: String,
    pub start: u64,
    pub end: u64,
}

/// A byte range of the source and what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub start: u64,
    pub end: u64,
    pub action: Action,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<DupRef>,
    /// Removed bytes, when they are valid UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Removed bytes in hexadecimal, when they are not valid UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hex: Option<String>,
}

impl Span {
    pub fn keep(start: usize, end: usize) -> Span {
        Span {
            start: start as u64,
            end: end as u64,
            action: Action::Keep,
            reason: None,
            rule: None,
            evidence: None,
            duplicate_of: None,
            text: None,
            hex: None,
        }
    }

    /// The removed bytes this span stores (None for keep spans or undecodable storage).
    pub fn removed_bytes(&self) -> Option<Vec<u8>> {
        match (&self.text, &self.hex) {
            (Some(t), _) => Some(t.as_bytes().to_vec()),
            (None, Some(h)) => crate::unhex(h),
            (None, None) => None,
        }
    }

    pub fn len(&self) -> u64 {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Appends `record` as one line of JSON (no newline): the bytes `serde_json::to_writer`
/// writes, by a writer that escapes strings sixteen bytes at a time (the removed text is most
/// of a record).
pub fn write_json(record: &Record, out: &mut Vec<u8>) {
    let mut o = Obj::open(out);
    o.str("schema", &record.schema);
    o.str("id", &record.id);
    o.str("source", &record.source);
    if let Some(c) = &record.compression {
        o.str("compression", c);
    }
    o.str("output", &record.output);
    o.str("source_sha256", &record.source_sha256);
    o.str("output_sha256", &record.output_sha256);
    o.num("bytes_in", record.bytes_in);
    o.num("bytes_out", record.bytes_out);
    if !record.warnings.is_empty() {
        o.key("warnings");
        o.out.push(b'[');
        for (k, w) in record.warnings.iter().enumerate() {
            if k > 0 {
                o.out.push(b',');
            }
            json_str(o.out, w);
        }
        o.out.push(b']');
    }
    if let Some(p) = &record.page {
        o.key("page");
        let mut q = Obj::open(o.out);
        q.str("format", &p.format);
        q.str("encoding", &p.encoding);
        q.num("html_bytes", p.html_bytes);
        q.str("sha256", &p.sha256);
        q.close();
    }
    o.key("spans");
    o.out.push(b'[');
    for (k, s) in record.spans.iter().enumerate() {
        if k > 0 {
            o.out.push(b',');
        }
        write_span(s, o.out);
    }
    o.out.push(b']');
    o.close();
}

fn write_span(s: &Span, out: &mut Vec<u8>) {
    let mut o = Obj::open(out);
    o.num("start", s.start);
    o.num("end", s.end);
    o.key("action");
    o.out.extend_from_slice(match s.action {
        Action::Keep => b"\"keep\"",
        Action::Remove => b"\"remove\"",
    });
    if let Some(r) = &s.reason {
        o.str("reason", r);
    }
    if let Some(r) = &s.rule {
        o.str("rule", r);
    }
    if let Some(e) = &s.evidence {
        o.key("evidence");
        let mut q = Obj::open(o.out);
        if let Some(v) = &e.phrase {
            q.str("phrase", v);
        }
        if let Some(score) = e.score {
            q.key("score");
            // serde_json's own float formatting (shortest round-trip form; null if not finite).
            serde_json::to_writer(&mut *q.out, &score).expect("writing to a Vec");
        }
        for (name, value) in [
            ("detail", &e.detail),
            ("fingerprint", &e.fingerprint),
            ("path", &e.path),
        ] {
            if let Some(v) = value {
                q.str(name, v);
            }
        }
        q.close();
    }
    if let Some(d) = &s.duplicate_of {
        o.key("duplicate_of");
        let mut q = Obj::open(o.out);
        q.str("doc", &d.doc);
        q.num("start", d.start);
        q.num("end", d.end);
        q.close();
    }
    if let Some(t) = &s.text {
        o.str("text", t);
    }
    if let Some(h) = &s.hex {
        o.str("hex", h);
    }
    o.close();
}

/// A JSON object being written: `{`, then `"key":value` pairs with commas between them.
struct Obj<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Obj<'o> {
    fn open(out: &'o mut Vec<u8>) -> Obj<'o> {
        out.push(b'{');
        Obj { out, first: true }
    }

    /// `"name":`, after a comma unless it is the first key.
    fn key(&mut self, name: &str) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    fn str(&mut self, name: &str, value: &str) {
        self.key(name);
        json_str(self.out, value);
    }

    fn num(&mut self, name: &str, value: u64) {
        self.key(name);
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut v = value;
        loop {
            at -= 1;
            digits[at] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `"`, `\\` and control
/// characters below 0x20 (`\b \t \n \f \r` by name, the rest as `\u00XX`); everything else,
/// non-ASCII included, as it is.
fn json_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        // Skip sixteen bytes at a time while none needs escaping.
        if let Some(c) = b[i..].first_chunk::<16>() {
            let special = needs_escape(c);
            if special == 0 {
                i += 16;
                continue;
            }
            i += special.trailing_zeros() as usize;
        } else if !matches!(b[i], 0..0x20 | b'"' | b'\\') {
            i += 1;
            continue;
        }
        out.extend_from_slice(&b[from..i]);
        let c = b[i];
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(c >> 4)]);
                out.push(HEX[usize::from(c & 15)]);
            }
        }
        i += 1;
        from = i;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

/// Bit `j` set when byte `j` of `c` needs escaping in a JSON string.
#[cfg(target_arch = "x86_64")]
#[inline]
fn needs_escape(c: &[u8; 16]) -> u32 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is always present on x86-64; an unaligned load of a 16-byte array.
    unsafe {
        let v = _mm_loadu_si128(c.as_ptr().cast());
        // Unsigned `byte < 0x20`: the minimum with 0x1f equals the byte.
        let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
        let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
        _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) as u32
    }
}

/// Bit `j` set when byte `j` of `c` needs escaping in a JSON string.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn needs_escape(c: &[u8; 16]) -> u32 {
    c.iter().enumerate().fold(0, |m, (j, &byte)| {
        m | u32::from(matches!(byte, 0..0x20 | b'"' | b'\\')) << j
    })
}

/// Rebuilds the source bytes from the clean output and the record, checking that the spans
/// tile the source and that the output is consumed exactly.
pub fn rebuild(record: &Record, output: &[u8]) -> Result<Vec<u8>, String> {
    let mut src = Vec::with_capacity(record.bytes_in as usize);
    let mut cursor = 0usize;
    let mut pos = 0u64;
    for (k, s) in record.spans.iter().enumerate() {
        if s.start != pos || s.end < s.start {
            return Err(format!(
                "span {k} ({}..{}) does not start at byte {pos}",
                s.start, s.end
            ));
        }
        let len = s.len() as usize;
        match s.action {
            Action::Keep => {
                let Some(bytes) = output.get(cursor..cursor + len) else {
                    return Err(format!(
                        "span {k} needs {len} bytes past the end of the output"
                    ));
                };
                src.extend_from_slice(bytes);
                cursor += len;
            }
            Action::Remove => {
                let bytes = s
                    .removed_bytes()
                    .ok_or_else(|| format!("span {k} stores no removed bytes"))?;
                if bytes.len() != len {
                    return Err(format!(
                        "span {k} stores {} bytes for a {len}-byte span",
                        bytes.len()
                    ));
                }
                src.extend_from_slice(&bytes);
            }
        }
        pos = s.end;
    }
    if pos != record.bytes_in {
        return Err(format!(
            "spans end at byte {pos}, the source has {}",
            record.bytes_in
        ));
    }
    if cursor != output.len() {
        return Err(format!(
            "output has {} bytes, the spans keep {cursor}",
            output.len()
        ));
    }
    Ok(src)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(k: u64, text: &str) -> Span {
        Span {
            start: k,
            end: k + 1,
            action: if k.is_multiple_of(2) {
                Action::Keep
            } else {
                Action::Remove
            },
            reason: k.is_multiple_of(3).then(|| format!("r\"{k}")),
            rule: (k % 3 != 1).then(|| "rule".to_string()),
            evidence: (!k.is_multiple_of(4)).then(|| Evidence {
                phrase: (!k.is_multiple_of(5)).then(|| text.to_string()),
                score: (k % 2 == 1).then_some(k as f64 / 7.0),
                detail: (k % 3 != 2).then(|| format!("d\\{text}")),
                fingerprint: (k % 5 == 1).then(|| "00ff".into()),
                path: (k % 7 != 3).then(|| "div > p:nth-of-type(2)".into()),
            }),
            duplicate_of: (k % 6 == 5).then(|| DupRef {
                doc: text.into(),
                start: k * 1_000_000_007,
                end: u64::MAX,
            }),
            text: (k % 2 == 1).then(|| text.to_string()),
            hex: (k % 4 == 2).then(|| "c3".into()),
        }
    }

    #[test]
    fn written_json_is_what_serde_json_writes() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let pieces = [
            "a",
            "é",
            "\"",
            "\\",
            "\n",
            "\r",
            "\t",
            "\u{1}",
            "\u{1f}",
            "\u{8}",
            "\u{c}",
            "\u{7f}",
            " ",
            "’",
            "/",
            "0123456789abcdef",
            "\u{10ffff}",
        ];
        for n in 0..400u64 {
            let text: String = (0..(n % 50))
                .map(|k| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    pieces[((seed >> 8) as usize + k as usize) % pieces.len()]
                })
                .collect();
            let record = Record {
                schema: SCHEMA.into(),
                id: format!("id/{text}"),
                source: text.clone(),
                compression: (n % 2 == 0).then(|| "gzip".into()),
                output: "out.txt".into(),
                source_sha256: "ab".repeat(32),
                output_sha256: "cd".repeat(32),
                bytes_in: n * 977,
                bytes_out: n,
                warnings: (0..n % 3).map(|k| format!("w{k}{text}")).collect(),
                page: (n % 3 == 1).then(|| PageText {
                    format: "html".into(),
                    encoding: "windows-1252".into(),
                    html_bytes: n << 40,
                    sha256: "ef".repeat(32),
                }),
                spans: (0..n % 9).map(|k| span(k + n, &text)).collect(),
            };
            let mut ours = Vec::new();
            write_json(&record, &mut ours);
            let theirs = serde_json::to_vec(&record).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
        }
    }
}

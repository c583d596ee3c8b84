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

//! Audit: reads a `clean` output folder (provenance.jsonl, the clean texts, JSONL outputs with
//! their `decruft` field, summary.json) one document at a time and counts what was removed
//! and why: blocks, bytes, lines and documents per reason and rule, the share removed per
//! document, the most frequent removed lines, and a cross-check against summary.json. Only
//! counts are kept across documents. [`terminal`] prints the summary and the document view,
//! [`report`] writes the HTML report.

pub mod report;
pub mod terminal;

pub use terminal::{DocView, Style, doc_json, print_audit, print_doc};

use crate::output::Count;
use crate::provenance::{self, Action, Record, Span};
use anyhow::{Context, bail};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// Schema of `decruft audit --json`.
pub const SCHEMA: &str = "decruft.audit/1";

/// Bins of the share-removed histogram (0–10%, …, 90–100%).
pub const BINS: usize = 10;

/// One cleaned document: its spans tile the source, keep spans included.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    /// The source path as recorded (the id for JSONL records).
    pub source: String,
    /// The clean text's path relative to the folder, or `FILE.jsonl:LINE` for a record.
    pub output: String,
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub output_sha256: String,
    pub spans: Vec<Span>,
    /// A JSONL record's clean text (text documents are read from `output` on demand).
    clean: Option<Vec<u8>>,
}

impl Doc {
    /// The removed spans.
    pub fn removed(&self) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(|s| s.action == Action::Remove)
    }

    /// The clean text: read from the output folder `dir` (checked against its recorded
    /// SHA-256), or the record's own field.
    pub fn clean_text(&self, dir: &Path) -> anyhow::Result<Vec<u8>> {
        let bytes = match &self.clean {
            Some(c) => c.clone(),
            None => {
                let path = dir.join(&self.output);
                std::fs::read(&path)
                    .with_context(|| format!("{}: cannot read {}", self.id, path.display()))?
            }
        };
        if crate::sha256_hex(&bytes) != self.output_sha256 {
            bail!(
                "{}: clean text {} does not match its recorded SHA-256 (see decruft verify)",
                self.id,
                self.output
            );
        }
        Ok(bytes)
    }

    /// Every span with its bytes: keep spans take theirs from `clean`, in order.
    pub fn pieces<'a>(&'a self, clean: &'a [u8]) -> Vec<(&'a Span, std::borrow::Cow<'a, [u8]>)> {
        let mut cursor = 0usize;
        self.spans
            .iter()
            .map(|s| match s.action {
                Action::Keep => {
                    let end = (cursor + s.len() as usize).min(clean.len());
                    let b = &clean[cursor.min(end)..end];
                    cursor = end;
                    (s, std::borrow::Cow::Borrowed(b))
                }
                Action::Remove => (s, std::borrow::Cow::Owned(removed_bytes(s))),
            })
            .collect()
    }
}

/// A removed span's bytes (checked when the document was read).
fn removed_bytes(s: &Span) -> Vec<u8> {
    s.removed_bytes().unwrap_or_default()
}

/// A removed span's reason (`unknown` when the record names none).
pub fn reason_of(s: &Span) -> &str {
    s.reason.as_deref().unwrap_or("unknown")
}

/// A removed span's rule (`unknown` when the record names none).
pub fn rule_of(s: &Span) -> &str {
    s.rule.as_deref().unwrap_or("unknown")
}

/// Checks that spans tile `0..bytes_in`, that removed spans store their bytes and that the
/// keep spans add up to `bytes_out`.
fn check_spans(spans: &[Span], bytes_in: u64, bytes_out: u64) -> Result<(), String> {
    let (mut pos, mut kept) = (0u64, 0u64);
    for (k, s) in spans.iter().enumerate() {
        if s.start != pos || s.end < s.start {
            return Err(format!(
                "span {k} ({}..{}) does not start at byte {pos}",
                s.start, s.end
            ));
        }
        match s.action {
            Action::Keep => kept += s.len(),
            Action::Remove => match s.removed_bytes() {
                Some(b) if b.len() as u64 == s.len() => {}
                Some(b) => {
                    return Err(format!(
                        "span {k} stores {} bytes for a {}-byte span",
                        b.len(),
                        s.len()
                    ));
                }
                None => return Err(format!("span {k} stores no removed bytes")),
            },
        }
        pos = s.end;
    }
    if pos != bytes_in {
        return Err(format!(
            "spans end at byte {pos}, the source has {bytes_in}"
        ));
    }
    if kept != bytes_out {
        return Err(format!(
            "spans keep {kept} bytes, the clean text has {bytes_out}"
        ));
    }
    Ok(())
}

/// Calls `f` with every document of the output folder `dir`: the records of
/// `provenance.jsonl` in order, then the records of every JSONL output (sorted by path).
/// `f` returns false to stop. A malformed record is an error naming its file and line.
pub fn walk(dir: &Path, f: &mut dyn FnMut(Doc) -> anyhow::Result<bool>) -> anyhow::Result<()> {
    let prov = dir.join("provenance.jsonl");
    let file =
        std::fs::File::open(&prov).with_context(|| format!("cannot read {}", prov.display()))?;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", prov.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc = text_doc(&line)
            .map_err(|e| anyhow::anyhow!("{} line {}: {e}", prov.display(), n + 1))?;
        if !f(doc)? {
            return Ok(());
        }
    }
    for path in jsonl_outputs(dir) {
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .to_string();
        let file = std::fs::File::open(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.with_context(|| format!("cannot read {}", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let doc = record_doc(&line, format!("{rel}:{}", n + 1))
                .map_err(|e| anyhow::anyhow!("{} line {}: {e}", path.display(), n + 1))?;
            if !f(doc)? {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// JSONL outputs under `dir` (every `*.jsonl` but provenance.jsonl), sorted.
fn jsonl_outputs(dir: &Path) -> Vec<PathBuf> {
    let prov = dir.join("provenance.jsonl");
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl") && *p != prov)
        .collect()
}

fn text_doc(line: &str) -> Result<Doc, String> {
    let rec: Record =
        serde_json::from_str(line).map_err(|e| format!("not a provenance record: {e}"))?;
    if rec.schema != provenance::SCHEMA {
        return Err(format!("unknown schema {:?}", rec.schema));
    }
    check_spans(&rec.spans, rec.bytes_in, rec.bytes_out).map_err(|e| format!("{}: {e}", rec.id))?;
    Ok(Doc {
        id: rec.id,
        source: rec.source,
        output: rec.output,
        bytes_in: rec.bytes_in,
        bytes_out: rec.bytes_out,
        output_sha256: rec.output_sha256,
        spans: rec.spans,
        clean: None,
    })
}

/// A cleaned JSONL record: the clean text is in its text field, the removed spans in its
/// `decruft` field; the keep spans are the gaps between them.
fn record_doc(line: &str, output: String) -> Result<Doc, String> {
    use serde_json::Value;
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let prov = v
        .get(crate::jsonl::FIELD)
        .ok_or("no decruft provenance field")?;
    let field = prov
        .get("field")
        .and_then(Value::as_str)
        .ok_or("provenance names no text field")?;
    let clean = v
        .get(field)
        .and_then(Value::as_str)
        .ok_or("no clean text field")?
        .as_bytes()
        .to_vec();
    let id = prov
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or(&output)
        .to_string();
    let bytes_in = prov
        .get("bytes_in")
        .and_then(Value::as_u64)
        .ok_or("no bytes_in")?;
    let removed: Vec<Span> =
        serde_json::from_value(prov.get("removed").cloned().unwrap_or(Value::Null))
            .map_err(|e| format!("bad removed spans: {e}"))?;
    let mut spans = Vec::with_capacity(removed.len() * 2 + 1);
    let mut pos = 0u64;
    for s in removed {
        if s.start < pos || s.end < s.start || s.end > bytes_in {
            return Err(format!(
                "{id}: removed span {}..{} is out of order",
                s.start, s.end
            ));
        }
        if s.start > pos {
            spans.push(Span::keep(pos as usize, s.start as usize));
        }
        pos = s.end;
        spans.push(Span {
            action: Action::Remove,
            ..s
        });
    }
    if pos < bytes_in {
        spans.push(Span::keep(pos as usize, bytes_in as usize));
    }
    let bytes_out = clean.len() as u64;
    check_spans(&spans, bytes_in, bytes_out).map_err(|e| format!("{id}: {e}"))?;
    let hash = |k: &str| {
        prov.get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    Ok(Doc {
        source: id.clone(),
        id,
        output,
        bytes_in,
        bytes_out,
        output_sha256: hash("output_sha256"),
        spans,
        clean: Some(clean),
    })
}

/// Non-blank lines of removed text, trimmed with inner whitespace collapsed.
pub fn removed_lines(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes.split(|&b| b == b'\n').filter_map(|l| {
        let l = String::from_utf8_lossy(l);
        let norm = l.split_whitespace().collect::<Vec<_>>().join(" ");
        (!norm.is_empty()).then_some(norm)
    })
}

/// Removed blocks, bytes, non-blank lines and documents under one reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ReasonStats {
    pub blocks: u64,
    pub bytes: u64,
    pub lines: u64,
    pub documents: u64,
}

/// A removed line and how often it was removed.
#[derive(Debug, Clone, Serialize)]
pub struct TopLine {
    pub text: String,
    pub count: u64,
    pub documents: u64,
    /// How many of the removals were under each reason.
    pub reasons: BTreeMap<String, u64>,
}

/// A document and the share of it that was removed.
#[derive(Debug, Clone, Serialize)]
pub struct TopDoc {
    pub id: String,
    pub bytes_in: u64,
    pub bytes_removed: u64,
    pub share: f64,
}

/// One bin of the share-removed histogram: documents with `from <= share < to` (the last
/// bin includes 1).
#[derive(Debug, Clone, Serialize)]
pub struct Bin {
    pub from: f64,
    pub to: f64,
    pub documents: u64,
}

/// How the audit's counts compare with the run's summary.json.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SummaryCheck {
    /// Whether summary.json was there to compare with.
    pub found: bool,
    /// One line per figure that differs (empty when everything matches).
    pub mismatches: Vec<String>,
}

/// The corpus audit: what `decruft audit DIR` prints and `--json` writes.
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub schema: &'static str,
    pub dir: String,
    /// `--reason`: every removal figure below counts this reason only.
    pub reason: Option<String>,
    pub documents: u64,
    /// Documents with at least one removed block (of `reason`).
    pub documents_with_removals: u64,
    /// Inputs that failed, from summary.json (0 when it is missing).
    pub failed: u64,
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub bytes_removed: u64,
    /// bytes_removed / bytes_in.
    pub share_removed: f64,
    /// Removed blocks.
    pub blocks_removed: u64,
    /// Non-blank lines in removed blocks.
    pub lines_removed: u64,
    pub reasons: BTreeMap<String, ReasonStats>,
    pub rules: BTreeMap<String, Count>,
    /// Documents by share of their bytes removed, in 10 bins.
    pub share_histogram: Vec<Bin>,
    /// Distinct removed lines (after collapsing whitespace).
    pub distinct_lines: u64,
    /// The most frequent removed lines.
    pub top_lines: Vec<TopLine>,
    /// The documents with the largest share removed.
    pub top_documents: Vec<TopDoc>,
    pub summary_json: SummaryCheck,
    /// Failed inputs listed in summary.json.
    pub errors: Vec<FailedInput>,
}

impl Audit {
    /// Documents in the fullest bin of the share histogram (at least 1, to scale charts by).
    pub fn histogram_peak(&self) -> u64 {
        let peak = self.share_histogram.iter().map(|b| b.documents).max();
        peak.unwrap_or(0).max(1)
    }
}

/// An input that failed, as summary.json lists it.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct FailedInput {
    pub path: String,
    pub error: String,
}

#[derive(Default)]
struct LineEntry {
    count: u64,
    documents: u64,
    last_doc: u64,
    reasons: BTreeMap<String, u64>,
}

/// What one document added to the statistics.
#[derive(Debug, Clone, Default)]
pub struct DocStats {
    pub bytes_removed: u64,
    /// Removed bytes per reason.
    pub reasons: BTreeMap<String, u64>,
}

/// Accumulates the corpus statistics one document at a time.
pub struct Stats {
    reason: Option<String>,
    top: usize,
    documents: u64,
    with_removals: u64,
    bytes_in: u64,
    bytes_out: u64,
    bytes_removed: u64,
    blocks: u64,
    lines: u64,
    reasons: BTreeMap<String, ReasonStats>,
    rules: BTreeMap<String, Count>,
    hist: [u64; BINS],
    line_counts: HashMap<String, LineEntry>,
    docs: Vec<TopDoc>,
}

impl Stats {
    /// Statistics restricted to `reason` (all reasons when None), keeping the `top` most
    /// frequent lines and most-removed documents.
    pub fn new(reason: Option<String>, top: usize) -> Stats {
        Stats {
            reason,
            top,
            documents: 0,
            with_removals: 0,
            bytes_in: 0,
            bytes_out: 0,
            bytes_removed: 0,
            blocks: 0,
            lines: 0,
            reasons: BTreeMap::new(),
            rules: BTreeMap::new(),
            hist: [0; BINS],
            line_counts: HashMap::new(),
            docs: Vec::new(),
        }
    }

    pub fn add(&mut self, doc: &Doc) -> DocStats {
        self.documents += 1;
        let n = self.documents;
        self.bytes_in += doc.bytes_in;
        self.bytes_out += doc.bytes_out;
        let mut ds = DocStats::default();
        let only = self.reason.clone();
        let counts = |s: &&Span| {
            s.action == Action::Remove && only.as_deref().is_none_or(|r| r == reason_of(s))
        };
        for s in doc.spans.iter().filter(counts) {
            let reason = reason_of(s).to_string();
            let bytes = removed_bytes(s);
            let mut lines = 0;
            for line in removed_lines(&bytes) {
                lines += 1;
                let e = self.line_counts.entry(line).or_default();
                e.count += 1;
                if e.last_doc != n {
                    e.documents += 1;
                    e.last_doc = n;
                }
                *e.reasons.entry(reason.clone()).or_default() += 1;
            }
            let r = self.reasons.entry(reason.clone()).or_default();
            r.blocks += 1;
            r.bytes += s.len();
            r.lines += lines;
            if !ds.reasons.contains_key(&reason) {
                r.documents += 1;
            }
            self.rules
                .entry(rule_of(s).to_string())
                .or_default()
                .add(s.len());
            self.blocks += 1;
            self.lines += lines;
            self.bytes_removed += s.len();
            ds.bytes_removed += s.len();
            *ds.reasons.entry(reason).or_default() += s.len();
        }
        let share = share(ds.bytes_removed, doc.bytes_in);
        self.hist[bin(share)] += 1;
        if ds.bytes_removed > 0 {
            self.with_removals += 1;
            self.docs.push(TopDoc {
                id: doc.id.clone(),
                bytes_in: doc.bytes_in,
                bytes_removed: ds.bytes_removed,
                share: round4(share),
            });
            // Keep the list short: trim to the top N whenever it doubles.
            if self.docs.len() >= 2 * self.top.max(16) {
                self.trim_docs();
            }
        }
        ds
    }

    fn trim_docs(&mut self) {
        self.docs.sort_by(|a, b| {
            b.share
                .total_cmp(&a.share)
                .then(b.bytes_removed.cmp(&a.bytes_removed))
                .then(a.id.cmp(&b.id))
        });
        self.docs.truncate(self.top);
    }

    /// The audit of output folder `dir`, cross-checked against its summary.json.
    pub fn finish(mut self, dir: &Path) -> Audit {
        self.trim_docs();
        let distinct_lines = self.line_counts.len() as u64;
        let mut top_lines: Vec<TopLine> = self
            .line_counts
            .into_iter()
            .map(|(text, e)| TopLine {
                text,
                count: e.count,
                documents: e.documents,
                reasons: e.reasons,
            })
            .collect();
        top_lines.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
        top_lines.truncate(self.top);
        let share_histogram = (0..BINS)
            .map(|i| Bin {
                from: i as f64 / BINS as f64,
                to: (i + 1) as f64 / BINS as f64,
                documents: self.hist[i],
            })
            .collect();
        let mut audit = Audit {
            schema: SCHEMA,
            dir: dir.display().to_string(),
            reason: self.reason,
            documents: self.documents,
            documents_with_removals: self.with_removals,
            failed: 0,
            bytes_in: self.bytes_in,
            bytes_out: self.bytes_out,
            bytes_removed: self.bytes_removed,
            share_removed: round4(share(self.bytes_removed, self.bytes_in)),
            blocks_removed: self.blocks,
            lines_removed: self.lines,
            reasons: self.reasons,
            rules: self.rules,
            share_histogram,
            distinct_lines,
            top_lines,
            top_documents: self.docs,
            summary_json: SummaryCheck::default(),
            errors: Vec::new(),
        };
        check_summary(dir, &mut audit);
        audit
    }
}

/// `part / whole`, 0 for an empty whole.
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The histogram bin of a share (0..=1).
pub fn bin(share: f64) -> usize {
    ((share * BINS as f64).floor() as usize).min(BINS - 1)
}

pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Compares the audit with DIR/summary.json, filling `summary_json`, `failed` and `errors`.
fn check_summary(dir: &Path, audit: &mut Audit) {
    let path = dir.join("summary.json");
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    audit.summary_json.found = true;
    let mism = &mut audit.summary_json.mismatches;
    let v: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            mism.push(format!("summary.json is not JSON: {e}"));
            return;
        }
    };
    audit.failed = v["failed"].as_u64().unwrap_or(0);
    audit.errors = serde_json::from_value(v["errors"].clone()).unwrap_or_default();
    let mut cmp = |what: String, theirs: &serde_json::Value, ours: u64| {
        let theirs = theirs.as_u64().unwrap_or(0);
        if theirs != ours {
            mism.push(format!("{what}: summary.json {theirs}, provenance {ours}"));
        }
    };
    cmp("documents".into(), &v["documents"], audit.documents);
    cmp("bytes_in".into(), &v["bytes_in"], audit.bytes_in);
    cmp("bytes_out".into(), &v["bytes_out"], audit.bytes_out);
    let empty = serde_json::Map::new();
    let theirs = v["removed"].as_object().unwrap_or(&empty);
    match &audit.reason {
        None => {
            cmp(
                "bytes_removed".into(),
                &v["bytes_removed"],
                audit.bytes_removed,
            );
            let mut names: Vec<&String> = theirs.keys().chain(audit.reasons.keys()).collect();
            names.sort();
            names.dedup();
            for r in names {
                let ours = audit.reasons.get(r).copied().unwrap_or_default();
                let t = theirs.get(r).cloned().unwrap_or_default();
                cmp(format!("{r} blocks"), &t["blocks"], ours.blocks);
                cmp(format!("{r} bytes"), &t["bytes"], ours.bytes);
            }
            let theirs = v["rules"].as_object().unwrap_or(&empty);
            let mut names: Vec<&String> = theirs.keys().chain(audit.rules.keys()).collect();
            names.sort();
            names.dedup();
            for r in names {
                let ours = audit.rules.get(r).copied().unwrap_or_default();
                let t = theirs.get(r).cloned().unwrap_or_default();
                cmp(format!("rule {r} blocks"), &t["blocks"], ours.blocks);
                cmp(format!("rule {r} bytes"), &t["bytes"], ours.bytes);
            }
        }
        Some(r) => {
            let ours = audit.reasons.get(r).copied().unwrap_or_default();
            let t = theirs.get(r).cloned().unwrap_or_default();
            cmp(format!("{r} blocks"), &t["blocks"], ours.blocks);
            cmp(format!("{r} bytes"), &t["bytes"], ours.bytes);
        }
    }
}

/// Audits the output folder `dir` (statistics only; no clean text is read).
pub fn audit(dir: &Path, reason: Option<String>, top: usize) -> anyhow::Result<Audit> {
    let mut stats = Stats::new(reason, top);
    walk(dir, &mut |doc| {
        stats.add(&doc);
        Ok(true)
    })?;
    Ok(stats.finish(dir))
}

/// The outcome of looking a document up by id.
pub enum Found {
    Doc(Box<Doc>),
    /// No document has this id; the closest ids, best first.
    Missing(Vec<String>),
    /// No id equals it and several start with it (the first ten).
    Ambiguous(Vec<String>),
}

/// Finds document `query`: its exact id, else the only id that starts with it.
pub fn find(dir: &Path, query: &str) -> anyhow::Result<Found> {
    let mut exact = None;
    let mut prefixed: Option<Doc> = None;
    let mut prefix_count = 0usize;
    let mut ids = Vec::new();
    walk(dir, &mut |doc| {
        if doc.id == query {
            exact = Some(doc);
            return Ok(false);
        }
        if doc.id.starts_with(query) {
            prefix_count += 1;
            if prefix_count == 1 {
                prefixed = Some(doc.clone());
            }
        }
        ids.push(doc.id);
        Ok(true)
    })?;
    if let Some(d) = exact {
        return Ok(Found::Doc(Box::new(d)));
    }
    if prefix_count == 1
        && let Some(d) = prefixed
    {
        return Ok(Found::Doc(Box::new(d)));
    }
    if prefix_count > 1 {
        let ids = ids.into_iter().filter(|id| id.starts_with(query));
        return Ok(Found::Ambiguous(ids.take(10).collect()));
    }
    Ok(Found::Missing(near_ids(query, ids)))
}

/// Up to ten ids close to `query`: those containing it, else the most similar by characters.
fn near_ids(query: &str, ids: Vec<String>) -> Vec<String> {
    let q = query.to_lowercase();
    let containing: Vec<String> = ids
        .iter()
        .filter(|id| id.to_lowercase().contains(&q))
        .take(10)
        .cloned()
        .collect();
    if !containing.is_empty() {
        return containing;
    }
    let mut scored: Vec<(f32, String)> = ids
        .into_iter()
        .map(|id| {
            let r = similar::TextDiff::from_chars(q.as_str(), id.to_lowercase().as_str()).ratio();
            (r, id)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.into_iter().take(5).map(|(_, id)| id).collect()
}

/// A short form of a removed span's evidence: the phrase, score, detail and kept copy.
pub fn evidence_text(s: &Span) -> String {
    let mut parts = Vec::new();
    if let Some(e) = &s.evidence {
        if let Some(p) = &e.phrase {
            parts.push(format!("phrase {p:?}"));
        }
        if let Some(x) = e.score {
            parts.push(format!("score {x:.2}"));
        }
        if let Some(d) = &e.detail {
            parts.push(d.clone());
        }
    }
    if let Some(d) = &s.duplicate_of {
        parts.push(format!("copy of {} bytes {}..{}", d.doc, d.start, d.end));
    }
    parts.join("; ")
}

/// `1234567` -> `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn doc(src: &str) -> (Doc, Vec<u8>) {
        let cleaner = crate::Cleaner::new(None, crate::dedup::Mode::Doc);
        let (out, spans) = cleaner.clean("d", src.as_bytes());
        let doc = Doc {
            id: "d".into(),
            source: "d".into(),
            output: "d.txt".into(),
            bytes_in: src.len() as u64,
            bytes_out: out.len() as u64,
            output_sha256: crate::sha256_hex(&out),
            spans,
            clean: None,
        };
        (doc, out)
    }

    #[test]
    fn stats_count_blocks_lines_and_shares() {
        let (d, _) = doc("Title\n\nBody of the article.\n\nShare on Facebook\nShare on X\n");
        let mut s = Stats::new(None, 5);
        let ds = s.add(&d);
        assert!(ds.bytes_removed > 0);
        let a = s.finish(Path::new("/nonexistent"));
        assert_eq!(a.documents, 1);
        assert_eq!(a.reasons["share"].lines, 2);
        assert_eq!(a.lines_removed, 2);
        assert_eq!(
            a.share_histogram.iter().map(|b| b.documents).sum::<u64>(),
            1
        );
        assert_eq!(a.top_lines.len(), 2);
        assert!(!a.summary_json.found);
    }

    #[test]
    fn malformed_spans_are_errors() {
        let (mut d, _) = doc("Title\n\nShare on Facebook\n");
        d.spans[0].end += 1;
        assert!(check_spans(&d.spans, d.bytes_in, d.bytes_out).is_err());
        assert!(text_doc("{\"schema\":1}").is_err());
        assert!(record_doc("{}", "x:1".into()).is_err());
    }

    #[test]
    fn helpers() {
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(12), "12");
        assert_eq!(bin(1.0), 9);
        assert_eq!(bin(0.0), 0);
        assert_eq!(bin(0.15), 1);
        let v: Vec<String> = removed_lines(b"  a   b \n\n c\n").collect();
        assert_eq!(v, ["a b", "c"]);
    }
}

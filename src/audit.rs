//! Audit: reads a `clean` output folder (provenance.jsonl, the clean texts, JSONL outputs with
//! their `decruft` field, summary.json) and says what was removed and why: corpus statistics
//! for the terminal or as `decruft.audit/1` JSON, one document with its removed blocks inline
//! (a unified diff of source and clean text annotated with reason and rule), and the data the
//! HTML report ([`report`]) draws. Documents are read one at a time; only counts are
//! kept across documents.

pub mod report;

use crate::output::Count;
use crate::provenance::{self, Action, Record, Span};
use anyhow::{Context, bail};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, BufReader, Write};
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

fn round4(x: f64) -> f64 {
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

/// Terminal colours: on when stdout is a terminal and NO_COLOR is unset, or when forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn red(&self, s: &str) -> String {
        self.paint("31", s)
    }
    fn cyan(&self, s: &str) -> String {
        self.paint("36", s)
    }
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

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// Cuts `s` to `n` characters, with an ellipsis when it was longer.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Writes the corpus audit for a terminal.
pub fn print_audit(a: &Audit, style: Style, w: &mut impl Write) -> io::Result<()> {
    let only = a
        .reason
        .as_ref()
        .map(|r| format!(" (reason {r} only)"))
        .unwrap_or_default();
    writeln!(
        w,
        "{}",
        style.bold(&format!("decruft audit {}{only}", a.dir))
    )?;
    writeln!(
        w,
        "documents    {} cleaned, {} failed, {} with removals",
        thousands(a.documents),
        thousands(a.failed),
        thousands(a.documents_with_removals)
    )?;
    writeln!(
        w,
        "bytes        {} in, {} out, {} removed ({})",
        thousands(a.bytes_in),
        thousands(a.bytes_out),
        thousands(a.bytes_removed),
        pct(a.share_removed)
    )?;
    writeln!(
        w,
        "removed      {} blocks, {} non-blank lines",
        thousands(a.blocks_removed),
        thousands(a.lines_removed)
    )?;
    let check = if !a.summary_json.found {
        "not found, nothing to compare".to_string()
    } else if a.summary_json.mismatches.is_empty() {
        "every count matches".to_string()
    } else {
        style.red(&format!(
            "DIFFERS: {}",
            a.summary_json.mismatches.join("; ")
        ))
    };
    writeln!(w, "summary.json {check}")?;
    for e in &a.errors {
        writeln!(w, "  failed: {}: {}", e.path, e.error)?;
    }

    writeln!(w)?;
    writeln!(w, "{}", style.bold("removed by reason"))?;
    writeln!(
        w,
        "  {:<14} {:>8} {:>12} {:>8} {:>8}  {:>10}",
        "reason", "blocks", "bytes", "lines", "docs", "of removed"
    )?;
    let mut reasons: Vec<(&String, &ReasonStats)> = a.reasons.iter().collect();
    reasons.sort_by(|x, y| y.1.bytes.cmp(&x.1.bytes).then(x.0.cmp(y.0)));
    for (r, s) in &reasons {
        writeln!(
            w,
            "  {:<14} {:>8} {:>12} {:>8} {:>8}  {:>10}",
            r,
            thousands(s.blocks),
            thousands(s.bytes),
            thousands(s.lines),
            thousands(s.documents),
            pct(share(s.bytes, a.bytes_removed))
        )?;
    }
    if reasons.is_empty() {
        writeln!(w, "  (nothing removed)")?;
    }

    writeln!(w)?;
    writeln!(
        w,
        "{}",
        style.bold("share of each document removed (documents)")
    )?;
    let max = a
        .share_histogram
        .iter()
        .map(|b| b.documents)
        .max()
        .unwrap_or(0)
        .max(1);
    for b in &a.share_histogram {
        let len = (b.documents * 40).div_ceil(max) as usize;
        writeln!(
            w,
            "  {:>3}–{:<4} {:>7} {}",
            (b.from * 100.0).round() as u32,
            format!("{}%", (b.to * 100.0).round() as u32),
            thousands(b.documents),
            "█".repeat(len)
        )?;
    }

    writeln!(w)?;
    writeln!(
        w,
        "{}",
        style.bold(&format!(
            "most frequent removed lines (top {})",
            a.top_lines.len()
        ))
    )?;
    writeln!(w, "  {:>7} {:>6}  {:<22} line", "count", "docs", "reason")?;
    for l in &a.top_lines {
        let reasons: Vec<&str> = l.reasons.keys().map(String::as_str).collect();
        writeln!(
            w,
            "  {:>7} {:>6}  {:<22} {}",
            thousands(l.count),
            thousands(l.documents),
            cut(&reasons.join(","), 22),
            cut(&l.text, 80)
        )?;
    }
    let more = a.distinct_lines - a.top_lines.len() as u64;
    if more > 0 {
        writeln!(
            w,
            "  … and {} more distinct lines (--top N to list more)",
            thousands(more)
        )?;
    }

    writeln!(w)?;
    writeln!(
        w,
        "{}",
        style.bold(&format!(
            "documents with the most removed (top {})",
            a.top_documents.len()
        ))
    )?;
    writeln!(
        w,
        "  {:>6} {:>12} {:>12}  id",
        "share", "removed", "bytes in"
    )?;
    for d in &a.top_documents {
        writeln!(
            w,
            "  {:>6} {:>12} {:>12}  {}",
            pct(d.share),
            thousands(d.bytes_removed),
            thousands(d.bytes_in),
            d.id
        )?;
    }
    Ok(())
}

/// How to show one document.
#[derive(Debug, Clone, Default)]
pub struct DocView {
    /// Only removals of this reason are counted and hunks are built around them.
    pub reason: Option<String>,
    /// Kept lines shown around each removed block; None shows the whole document.
    pub context: Option<usize>,
}

/// One line of the document view.
struct Line {
    /// The removed span this line belongs to (None: kept).
    span: Option<usize>,
    /// Whether this is the first line of its span (where the annotation goes).
    first: bool,
    text: String,
}

/// The document's lines: kept lines and removed lines, each with its span.
fn doc_lines(doc: &Doc, clean: &[u8]) -> Vec<Line> {
    let mut lines = Vec::new();
    for (k, (s, bytes)) in doc.pieces(clean).into_iter().enumerate() {
        let span = (s.action == Action::Remove).then_some(k);
        for (i, l) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
            let l = l.strip_suffix(b"\n").unwrap_or(l);
            let l = l.strip_suffix(b"\r").unwrap_or(l);
            lines.push(Line {
                span,
                first: i == 0,
                text: String::from_utf8_lossy(l).into_owned(),
            });
        }
    }
    lines
}

/// The `[reason · rule · evidence]` note of a removed span.
pub fn annotation(s: &Span) -> String {
    let ev = evidence_text(s);
    let mut a = format!("[{} · {}", reason_of(s), rule_of(s));
    if !ev.is_empty() {
        a.push_str(" · ");
        a.push_str(&cut(&ev, 90));
    }
    a.push(']');
    a
}

/// Writes one document as a unified diff of its source (`---`) and clean text (`+++`):
/// kept lines start with a space, removed lines with `-`, and the first line of every
/// removed block carries `[reason · rule · evidence]`.
pub fn print_doc(
    doc: &Doc,
    clean: &[u8],
    view: &DocView,
    style: Style,
    w: &mut impl Write,
) -> io::Result<()> {
    let lines = doc_lines(doc, clean);
    let matches = |s: &Span| view.reason.as_deref().is_none_or(|r| r == reason_of(s));
    let removed: Vec<&Span> = doc.removed().filter(|s| matches(s)).collect();
    let bytes_removed: u64 = removed.iter().map(|s| s.len()).sum();
    writeln!(
        w,
        "{}",
        style.bold(&format!(
            "--- {}\t(source, {} bytes)",
            doc.source,
            thousands(doc.bytes_in)
        ))
    )?;
    writeln!(
        w,
        "{}",
        style.bold(&format!(
            "+++ {}\t(clean, {} bytes)",
            doc.output,
            thousands(doc.bytes_out)
        ))
    )?;
    // Which lines to show: all, or `context` kept lines around removed lines of the reason.
    let shown: Vec<bool> = match (view.context, &view.reason) {
        (None, None) => vec![true; lines.len()],
        (ctx, _) => {
            let ctx = ctx.unwrap_or(3);
            let mut show = vec![false; lines.len()];
            for (i, l) in lines.iter().enumerate() {
                if let Some(k) = l.span
                    && matches(&doc.spans[k])
                {
                    let lo = i.saturating_sub(ctx);
                    let hi = (i + ctx + 1).min(lines.len());
                    show[lo..hi].iter_mut().for_each(|x| *x = true);
                }
            }
            show
        }
    };
    let (mut src_no, mut out_no) = (0usize, 0usize);
    let mut i = 0;
    while i < lines.len() {
        if !shown[i] {
            if lines[i].span.is_none() {
                out_no += 1;
            }
            src_no += 1;
            i += 1;
            continue;
        }
        let end = (i..lines.len()).find(|&j| !shown[j]).unwrap_or(lines.len());
        let hunk = &lines[i..end];
        let src_len = hunk.len();
        let out_len = hunk.iter().filter(|l| l.span.is_none()).count();
        writeln!(
            w,
            "{}",
            style.cyan(&format!(
                "@@ -{},{} +{},{} @@",
                src_no + 1,
                src_len,
                out_no + usize::from(out_len > 0),
                out_len
            ))
        )?;
        for l in hunk {
            match l.span {
                None => writeln!(w, " {}", l.text)?,
                Some(k) => {
                    let s = &doc.spans[k];
                    let text = style.red(&format!("-{}", l.text));
                    if l.first {
                        let pad = 60usize.saturating_sub(l.text.chars().count() + 1);
                        writeln!(
                            w,
                            "{text}{}  {}",
                            " ".repeat(pad),
                            style.dim(&annotation(s))
                        )?;
                    } else {
                        writeln!(w, "{text}")?;
                    }
                }
            }
        }
        src_no += src_len;
        out_no += out_len;
        i = end;
    }
    // Tally per reason.
    let mut per: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for s in &removed {
        let e = per.entry(reason_of(s)).or_default();
        e.0 += 1;
        e.1 += s.len();
    }
    let tally: Vec<String> = per
        .iter()
        .map(|(r, (b, n))| format!("{r} {b} blocks {} bytes", thousands(*n)))
        .collect();
    writeln!(
        w,
        "{}",
        style.dim(&format!(
            "# {}: {} blocks, {} of {} bytes removed ({}){}{}",
            doc.id,
            removed.len(),
            thousands(bytes_removed),
            thousands(doc.bytes_in),
            pct(share(bytes_removed, doc.bytes_in)),
            if tally.is_empty() { "" } else { ": " },
            tally.join(", ")
        ))
    )?;
    Ok(())
}

/// One document for `--doc ID --json` (schema `decruft.audit/1`).
#[derive(Debug, Serialize)]
pub struct DocJson<'a> {
    pub schema: &'static str,
    pub id: &'a str,
    pub source: &'a str,
    pub output: &'a str,
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub bytes_removed: u64,
    pub share_removed: f64,
    pub reason: Option<&'a str>,
    /// The removed spans (of `reason`), with reason, rule, evidence and text.
    pub removed: Vec<&'a Span>,
    /// The kept lines of the clean text, in order.
    pub kept_lines: Vec<String>,
}

/// The `--doc ID --json` object.
pub fn doc_json<'a>(doc: &'a Doc, clean: &[u8], view: &'a DocView) -> DocJson<'a> {
    let removed: Vec<&Span> = doc
        .removed()
        .filter(|s| view.reason.as_deref().is_none_or(|r| r == reason_of(s)))
        .collect();
    let bytes_removed = removed.iter().map(|s| s.len()).sum();
    DocJson {
        schema: SCHEMA,
        id: &doc.id,
        source: &doc.source,
        output: &doc.output,
        bytes_in: doc.bytes_in,
        bytes_out: doc.bytes_out,
        bytes_removed,
        share_removed: round4(share(bytes_removed, doc.bytes_in)),
        reason: view.reason.as_deref(),
        removed,
        kept_lines: String::from_utf8_lossy(clean)
            .lines()
            .map(String::from)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(src: &str) -> (Doc, Vec<u8>) {
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
    fn doc_view_marks_removed_lines() {
        let (d, out) = doc("Title\n\nBody of the article.\n\nShare on Facebook\n");
        let mut buf = Vec::new();
        print_doc(
            &d,
            &out,
            &DocView::default(),
            Style { color: false },
            &mut buf,
        )
        .unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.contains(" Body of the article.\n"), "{text}");
        assert!(text.contains("-Share on Facebook"), "{text}");
        assert!(text.contains("[share · share_bar"), "{text}");
        assert!(!text.contains('\x1b'));
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

//! Verify: rebuilds every source of a `clean` output folder from its clean text plus
//! `provenance.jsonl`, and checks the output hash, the rebuilt source's hash and, when the
//! source file is still where it was, the source itself.

use crate::provenance::{self, Record};
use crate::sha256_hex;
use flate2::read::MultiGzDecoder;
use rayon::prelude::*;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The result of verifying one output folder.
#[derive(Debug, Default)]
pub struct Report {
    /// Documents checked.
    pub documents: u64,
    /// Sources also compared with the file on disk.
    pub sources_checked: u64,
    /// One line per failure, naming the document.
    pub failures: Vec<String>,
}

/// Verifies the output folder `dir`. `Err` only when `provenance.jsonl` cannot be read at all.
pub fn verify(dir: &Path) -> anyhow::Result<Report> {
    let prov = dir.join("provenance.jsonl");
    let file = std::fs::File::open(&prov)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", prov.display()))?;
    let mut lines = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| anyhow::anyhow!("cannot read {}: {e}", prov.display()))?;
        lines.push((n + 1, line));
    }
    let results: Vec<(bool, Option<String>)> = lines
        .par_iter()
        .map(|(n, line)| match serde_json::from_str::<Record>(line) {
            Ok(rec) => check(dir, &rec),
            Err(e) => (
                false,
                Some(format!(
                    "provenance.jsonl line {n}: not a provenance record: {e}"
                )),
            ),
        })
        .collect();
    let mut report = Report {
        documents: lines.len() as u64,
        ..Report::default()
    };
    verify_jsonl_outputs(dir, &mut report)?;
    for (source_checked, failure) in results {
        report.sources_checked += u64::from(source_checked);
        report.failures.extend(failure);
    }
    Ok(report)
}

/// Checks one record; returns whether the source file was compared, and the failure if any.
fn check(dir: &Path, rec: &Record) -> (bool, Option<String>) {
    let fail = |msg: String| (false, Some(format!("{}: {msg}", rec.id)));
    if rec.schema != provenance::SCHEMA {
        return fail(format!("unknown schema {:?}", rec.schema));
    }
    let out_path = dir.join(&rec.output);
    let output = match std::fs::read(&out_path) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read output {}: {e}", out_path.display())),
    };
    if sha256_hex(&output) != rec.output_sha256 {
        return fail(format!(
            "output {} does not match its recorded SHA-256",
            out_path.display()
        ));
    }
    let rebuilt = match provenance::rebuild(rec, &output) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot rebuild the source: {e}")),
    };
    match &rec.page {
        Some(page) if sha256_hex(&rebuilt) != page.sha256 => {
            return fail("rebuilt page text does not match its recorded SHA-256".into());
        }
        None if sha256_hex(&rebuilt) != rec.source_sha256 => {
            return fail("rebuilt source does not match its recorded SHA-256".into());
        }
        _ => {}
    }
    let src = Path::new(&rec.source);
    if !src.is_file() {
        return (false, None);
    }
    match read_source(src, rec.compression.as_deref()) {
        Ok(bytes) if sha256_hex(&bytes) == rec.source_sha256 => (true, None),
        Ok(_) => (
            true,
            Some(format!(
                "{}: source {} has changed since it was cleaned",
                rec.id, rec.source
            )),
        ),
        Err(e) => (
            true,
            Some(format!(
                "{}: cannot read source {}: {e}",
                rec.id, rec.source
            )),
        ),
    }
}

fn read_source(path: &Path, compression: Option<&str>) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut out = Vec::new();
    match compression {
        Some("gzip") => MultiGzDecoder::new(file).read_to_end(&mut out)?,
        Some("zstd") => ruzstd::decoding::StreamingDecoder::new(file)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?
            .read_to_end(&mut out)?,
        _ => BufReader::new(file).read_to_end(&mut out)?,
    };
    Ok(out)
}

/// JSONL outputs (any `*.jsonl` under `dir` but provenance.jsonl): every record's text must
/// rebuild, with its `decruft` field, into bytes with the recorded source hash.
fn verify_jsonl_outputs(dir: &Path, report: &mut Report) -> anyhow::Result<()> {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "jsonl") && p != &dir.join("provenance.jsonl")
        })
        .collect();
    for path in files {
        let file = std::fs::File::open(&path)?;
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            report.documents += 1;
            if let Err(e) = check_jsonl_record(&line) {
                report
                    .failures
                    .push(format!("{}:{}: {e}", path.display(), n + 1));
            }
        }
    }
    Ok(())
}

fn check_jsonl_record(line: &str) -> Result<(), String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let prov = v
        .get(crate::jsonl::FIELD)
        .ok_or("no decruft provenance field")?;
    let field = prov
        .get("field")
        .and_then(|f| f.as_str())
        .ok_or("provenance names no text field")?;
    let clean = v
        .get(field)
        .and_then(|t| t.as_str())
        .ok_or("no clean text field")?;
    let hash = |k: &str| {
        prov.get(k)
            .and_then(|h| h.as_str())
            .unwrap_or("")
            .to_string()
    };
    if sha256_hex(clean.as_bytes()) != hash("output_sha256") {
        return Err("clean text does not match its recorded SHA-256".into());
    }
    let rebuilt = crate::jsonl::rebuild_text(clean, prov)?;
    if sha256_hex(&rebuilt) != hash("source_sha256") {
        return Err("rebuilt text does not match its recorded SHA-256".into());
    }
    Ok(())
}

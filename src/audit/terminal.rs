//! Terminal views of an audit: the corpus summary (`decruft audit DIR`), one document as a
//! unified diff of source and clean text with `[reason · rule · evidence]` beside each removed
//! block (`--doc ID`), and that document as `decruft.audit/1` JSON (`--doc ID --json`).

use super::{
    Audit, Doc, ReasonStats, SCHEMA, evidence_text, reason_of, round4, rule_of, share, thousands,
};
use crate::provenance::{Action, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

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
    let max = a.histogram_peak();
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

    #[test]
    fn doc_view_marks_removed_lines() {
        let (d, out) =
            super::super::tests::doc("Title\n\nBody of the article.\n\nShare on Facebook\n");
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
}

//! Emit: turns one document's verdicts into its clean text and its provenance spans. Kept lines
//! are copied byte for byte (terminators included). Blank lines are tidied here: one blank line
//! stays between two kept lines where the source had at least one, the others go (rule
//! `collapse_blank_lines`), and none stay before the first or after the last kept line (rule
//! `trim_blank_lines`).

use crate::classify::{Doc, Evidence, Verdict};
use crate::provenance::{Action, DupRef, Span};

/// Removes the blank lines that would be leading, trailing, or a second blank line in a row.
pub fn tidy_blank_lines(doc: &Doc, v: &mut [Option<Verdict>]) {
    let kept: Vec<usize> = (0..doc.len())
        .filter(|&i| !doc.lines[i].blank && v[i].is_none())
        .collect();
    let blank_verdict = |rule: &str, detail: &str| {
        let ev = Evidence {
            detail: Some(detail.to_string()),
            ..Evidence::default()
        };
        Some(Verdict::new("whitespace", rule, ev))
    };
    let (first, last) = match (kept.first(), kept.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => (doc.len(), doc.len()),
    };
    let mut gap_has_blank = false;
    for i in 0..doc.len() {
        if !doc.lines[i].blank {
            if v[i].is_none() {
                gap_has_blank = false;
            }
            continue;
        }
        if i < first || i > last {
            v[i] = blank_verdict(
                "trim_blank_lines",
                "blank line before the first or after the last kept line",
            );
        } else if gap_has_blank {
            v[i] = blank_verdict(
                "collapse_blank_lines",
                "more than one blank line between two kept lines",
            );
        } else {
            gap_has_blank = true;
        }
    }
}

/// The clean text and the spans of one document.
pub struct Emitted {
    pub output: Vec<u8>,
    pub spans: Vec<Span>,
}

/// Builds the output bytes and the span list; `id` is the document id used in `duplicate_of`.
/// The verdicts' reasons, rules and evidence move into the spans.
pub fn emit(doc: &Doc, v: Vec<Option<Verdict>>, id: &str) -> Emitted {
    let mut spans: Vec<Span> = Vec::new();
    for (line, verdict) in doc.lines.iter().zip(v) {
        let (start, end) = (line.start, line.next);
        match verdict {
            None => match spans.last_mut() {
                Some(s) if s.action == Action::Keep => s.end = end as u64,
                _ => spans.push(Span::keep(start, end)),
            },
            Some(verdict) => {
                let bytes = &doc.bytes[start..end];
                // Lines end at a newline byte, so a UTF-8 document's lines are UTF-8.
                let as_text = match doc.whole {
                    Some(w) => w.get(start..end).ok_or(()),
                    None => std::str::from_utf8(bytes).map_err(drop),
                };
                if let Some(prev) = spans.last_mut()
                    && prev.action == Action::Remove
                    && verdict.duplicate_of.is_none()
                    && prev.duplicate_of.is_none()
                    && prev.reason.as_deref() == Some(verdict.reason.as_str())
                    && prev.rule.as_deref() == Some(verdict.rule.as_str())
                    && prev.evidence.as_ref() == Some(&verdict.evidence)
                    && let Some(text) = prev.text.as_mut()
                    && let Ok(more) = as_text
                {
                    text.push_str(more);
                    prev.end = end as u64;
                    continue;
                }
                let (text, hex) = match as_text {
                    Ok(s) => (Some(s.to_string()), None),
                    Err(_) => (None, Some(crate::hex(bytes))),
                };
                let Verdict {
                    reason,
                    rule,
                    evidence,
                    duplicate_of,
                    duplicate_doc,
                } = verdict;
                spans.push(Span {
                    start: start as u64,
                    end: end as u64,
                    action: Action::Remove,
                    reason: Some(reason),
                    rule: Some(rule),
                    evidence: Some(evidence),
                    duplicate_of: duplicate_of.map(|(s, e)| DupRef {
                        doc: duplicate_doc.unwrap_or_else(|| id.to_string()),
                        start: s as u64,
                        end: e as u64,
                    }),
                    text,
                    hex,
                });
            }
        }
    }
    // Kept lines are copied a whole run at a time, once the spans are known.
    let kept = |s: &&Span| s.action == Action::Keep;
    let size = spans.iter().filter(kept).map(|s| s.len()).sum::<u64>();
    let mut output = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    for s in spans.iter().filter(kept) {
        output.extend_from_slice(&doc.bytes[s.start as usize..s.end as usize]);
    }
    Emitted { output, spans }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tidy(src: &str, remove: &[usize]) -> String {
        let doc = Doc::new(src.as_bytes());
        let mut v: Vec<Option<Verdict>> = vec![None; doc.len()];
        for &i in remove {
            v[i] = Some(Verdict::new("promo", "t", Evidence::default()));
        }
        tidy_blank_lines(&doc, &mut v);
        String::from_utf8(emit(&doc, v, "d").output).unwrap()
    }

    #[test]
    fn blank_lines_collapse_and_trim() {
        assert_eq!(tidy("\n\na\n\n\n\nb\n\n", &[]), "a\n\nb\n");
        assert_eq!(tidy("a\n\nX\n\nb\n", &[2]), "a\n\nb\n");
        assert_eq!(tidy("a\nX\nb", &[1]), "a\nb");
        assert_eq!(tidy("a\n\nX\n\n", &[2]), "a\n");
        assert_eq!(tidy("X\n\nY\n", &[0, 2]), "");
    }

    #[test]
    fn crlf_lines_are_copied_byte_for_byte() {
        assert_eq!(tidy("a\r\n\r\nX\r\n\r\nb", &[2]), "a\r\n\r\nb");
    }
}

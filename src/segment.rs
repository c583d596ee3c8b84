//! Segmenting: splits a document's bytes into lines with exact byte spans and groups them into
//! paragraphs (maximal runs of non-blank lines). Both layouts of scraped text work: one
//! paragraph per line, and paragraphs separated by blank lines. Nothing here decodes or copies
//! text; later stages read a line's bytes through its span.

use crate::text;

/// One line of a document. `start..end` is the line's content, `end..next` its terminator
/// (`\n`, `\r\n`, or nothing for a last line without one). Spans of consecutive lines touch, so
/// together they cover every byte of the document exactly once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub next: usize,
    /// Nothing but whitespace (including NBSP, a BOM, zero-width spaces).
    pub blank: bool,
    /// Index of the paragraph this line belongs to; blank lines carry the index of the
    /// paragraph before them (or 0).
    pub para: u32,
}

/// Splits `bytes` into lines. A document of N bytes always yields spans covering `0..N`.
pub fn lines(bytes: &[u8]) -> Vec<Line> {
    let mut out = Vec::with_capacity(bytes.len() / 60 + 1);
    let mut start = 0;
    let mut para = 0u32;
    let mut in_para = false;
    let mut push = |start: usize, end: usize, next: usize, out: &mut Vec<Line>| {
        let blank = is_blank_bytes(&bytes[start..end]);
        if !blank && !in_para && !out.is_empty() {
            para += 1;
        }
        in_para = !blank;
        out.push(Line {
            start,
            end,
            next,
            blank,
            para,
        });
    };
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let end = if nl > start && bytes[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        push(start, end, nl + 1, &mut out);
        start = nl + 1;
    }
    if start < bytes.len() {
        push(start, bytes.len(), bytes.len(), &mut out);
    }
    out
}

fn is_blank_bytes(b: &[u8]) -> bool {
    match b.iter().find(|c| !c.is_ascii_whitespace()) {
        None => return true,
        // Any other ASCII character but a vertical tab (Unicode white space, not ASCII's)
        // is text: no need to decode the line.
        Some(&c) if c < 0x80 && c != 0x0b => return false,
        Some(_) => {}
    }
    if b.len() > 256 {
        return false;
    }
    match std::str::from_utf8(b) {
        Ok(s) => text::is_blank(s),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &str) -> Vec<(usize, usize, usize, bool, u32)> {
        lines(s.as_bytes())
            .into_iter()
            .map(|l| (l.start, l.end, l.next, l.blank, l.para))
            .collect()
    }

    #[test]
    fn spans_cover_every_byte_once() {
        for s in [
            "",
            "a",
            "a\n",
            "a\r\nb",
            "\n\n",
            "a\n\nb\n \nc",
            "\u{feff}x\r\n",
        ] {
            let ls = lines(s.as_bytes());
            let mut pos = 0;
            for l in &ls {
                assert_eq!(l.start, pos);
                assert!(l.start <= l.end && l.end <= l.next);
                pos = l.next;
            }
            assert_eq!(pos, s.len(), "{s:?}");
        }
    }

    #[test]
    fn blank_lines_include_unicode_spaces() {
        for blank in [
            "",
            " \t",
            "\u{a0}",
            "\u{feff}",
            " \u{200b}",
            "\x0b",
            "\u{2003}\r",
        ] {
            assert!(is_blank_bytes(blank.as_bytes()), "{blank:?}");
        }
        for text in ["a", " .", "\u{a0}x", "\x0bx", "\u{fffd}"] {
            assert!(!is_blank_bytes(text.as_bytes()), "{text:?}");
        }
        assert!(!is_blank_bytes(b" \xff"));
    }

    #[test]
    fn crlf_and_missing_final_newline() {
        assert_eq!(
            spans("ab\r\ncd"),
            vec![(0, 2, 4, false, 0), (4, 6, 6, false, 0)]
        );
    }

    #[test]
    fn paragraphs_are_runs_of_non_blank_lines() {
        let s = spans("a\nb\n\nc\n\u{a0}\nd\n");
        let paras: Vec<_> = s.iter().map(|x| (x.3, x.4)).collect();
        assert_eq!(
            paras,
            vec![
                (false, 0),
                (false, 0),
                (true, 0),
                (false, 1),
                (true, 1),
                (false, 2)
            ]
        );
    }
}

//! Text helpers shared by the rules and by dedup: trimming, normalisation (Unicode NFKC, case
//! folding, punctuation and quote styles dropped, whitespace collapsed), word tokens and the
//! compiled-in multilingual stop-word lists.

use std::collections::HashSet;
use std::sync::OnceLock;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Characters that count as blank besides ASCII whitespace: NBSP, the BOM, the Unicode space
/// separators and zero-width spaces that scraped text is full of.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}' | '\u{00a0}')
}

/// `s` without leading and trailing blank characters (see [`is_space`]).
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// True when a line holds nothing but blank characters.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// Apostrophes and quotes are dropped outright ("don't" and "don’t" both become "dont");
/// every other punctuation mark or symbol separates words.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '\'' | '"'
            | '`'
            | '´'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
    )
}

/// Appends the normalised form of `s` to `out`: NFKC, case-folded, quotes dropped, other
/// punctuation and symbols turned into spaces, whitespace collapsed to single spaces, no leading
/// or trailing space. Two paragraphs that differ only in case, quote style, punctuation or
/// spacing normalise to the same string.
pub fn normalize_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        normalize_ascii_into(s.as_bytes(), out);
        return;
    }
    let start = out.len();
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            fold_into(c, out);
        } else if !is_quote(c) && !is_mark(c) {
            pending_space = true;
        }
    };
    // Most text is NFKC already: skip the (comparatively slow) normaliser.
    if unicode_normalization::is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        for c in s.chars() {
            push(c, out);
        }
    } else {
        for c in s.nfkc() {
            push(c, out);
        }
    }
}

/// The ASCII case of [`normalize_into`], byte by byte.
fn normalize_ascii_into(s: &[u8], out: &mut String) {
    out.reserve(s.len());
    let start = out.len();
    let mut pending_space = false;
    for &b in s {
        if b.is_ascii_alphanumeric() {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            out.push(b.to_ascii_lowercase() as char);
        } else if !matches!(b, b'\'' | b'"' | b'`') {
            pending_space = true;
        }
    }
}

/// Convenience wrapper around [`normalize_into`].
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Combining marks left over after NFKC (rare) belong to the letter before them: drop them
/// rather than splitting a word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// Simple case folding: lower case, plus the few full foldings that matter for European text.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'ß' | 'ẞ' => out.push_str("ss"),
        'ς' => out.push('σ'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Number of words of a normalised string: one more than its spaces (0 when empty).
pub fn norm_word_count(norm: &str) -> usize {
    if norm.is_empty() {
        0
    } else {
        memchr::memchr_iter(b' ', norm.as_bytes()).count() + 1
    }
}

/// Words of a normalised string (see [`normalize`]): the space-separated tokens.
pub fn norm_words(norm: &str) -> impl Iterator<Item = &str> {
    norm.split(' ').filter(|w| !w.is_empty())
}

/// Number of words in a raw (not normalised) line: runs of alphanumeric characters.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w || (in_word && is_quote(c));
    }
    n
}

/// The stop words of every compiled-in language, lower case.
pub fn stop_words() -> &'static HashSet<&'static str, foldhash::fast::RandomState> {
    static SET: OnceLock<HashSet<&'static str, foldhash::fast::RandomState>> = OnceLock::new();
    SET.get_or_init(|| {
        STOP_WORD_LISTS
            .iter()
            .flat_map(|(_, list)| list.split_whitespace())
            .filter(|w| !w.starts_with('#'))
            .collect()
    })
}

/// Stop-word lists, one per language, compiled into the binary (`data/stopwords/`).
pub const STOP_WORD_LISTS: &[(&str, &str)] = &[
    ("en", include_str!("../data/stopwords/en.txt")),
    ("fr", include_str!("../data/stopwords/fr.txt")),
    ("de", include_str!("../data/stopwords/de.txt")),
    ("es", include_str!("../data/stopwords/es.txt")),
    ("it", include_str!("../data/stopwords/it.txt")),
    ("pt", include_str!("../data/stopwords/pt.txt")),
    ("nl", include_str!("../data/stopwords/nl.txt")),
];

/// True for a word that carries topic: at least three characters, not a number, not a stop
/// word. `w` must already be normalised.
pub fn is_content_word(w: &str) -> bool {
    w.chars().count() >= 3 && !w.chars().all(|c| c.is_numeric()) && !stop_words().contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_ignores_case_quotes_punctuation_and_spacing() {
        assert_eq!(normalize("  Don’t   STOP—now! "), "dont stop now");
        assert_eq!(normalize("Don't stop now"), "dont stop now");
        assert_eq!(normalize("ﬁnance Straße"), "finance strasse");
        assert_eq!(normalize("Name *"), "name");
        assert_eq!(normalize("***"), "");
    }

    #[test]
    fn trimming_handles_nbsp_and_bom() {
        assert_eq!(trim("\u{feff}\u{a0}Hello\u{a0} "), "Hello");
        assert!(is_blank(" \t\u{a0}\r"));
        assert!(!is_blank("\u{fffd}"));
    }

    #[test]
    fn words_are_counted_across_apostrophes() {
        assert_eq!(word_count("Don’t you start the discussion?"), 5);
        assert_eq!(word_count("- AP"), 1);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn stop_words_cover_several_languages() {
        for w in ["the", "und", "les", "los", "della"] {
            assert!(stop_words().contains(w), "{w}");
        }
        assert!(is_content_word("cybercrime"));
        assert!(!is_content_word("2025"));
    }
}

//! Near-duplicate paragraphs: a slightly reworded copy of an earlier paragraph. Each long
//! paragraph gets a MinHash signature over its word 3-grams, cut into bands; two paragraphs
//! sharing a band are candidates, the earlier one (in sorted input order) the original. A
//! candidate is removed only once confirmed: the share of its 3-grams found in the original
//! (containment) must reach the `--near` threshold, and `similar`'s word-level diff ratio is
//! recorded beside it. Hashes are fixed (no random seeds) so every run and shard agrees.

use crate::text;
use std::collections::HashSet;

/// Paragraphs shorter than this are never near-duplicates. One changed word alters three
/// 3-grams; at the default threshold of 0.8 a paragraph needs 17 words or more for a single
/// edit to pass, so shorter ones are only caught when identical.
pub const MIN_WORDS: usize = 20;
/// Signature bands and rows per band (24 MinHash values): a pair with 3-gram Jaccard 0.77
/// (a 25-word paragraph with one word changed) shares a band with probability 0.99.
pub const BANDS: usize = 8;
const ROWS: usize = 3;

/// Where a paragraph is: document number and byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub doc: crate::dedup::DocNo,
    pub start: u64,
    pub end: u64,
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser: a fixed, well-spread 64-bit mix.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

fn word_hash(w: &str) -> u64 {
    // FNV-1a, then mixed.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in w.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
    }
    mix(h)
}

/// Hashes of the word 3-grams of a normalised paragraph (distinct, unordered).
pub fn shingles(norm: &str) -> HashSet<u64> {
    let words: Vec<u64> = text::norm_words(norm).map(word_hash).collect();
    words
        .windows(3)
        .map(|w| mix(w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42)))
        .collect()
}

/// The band hashes of a paragraph, or None when it is too short. 32 bits each: a collision
/// only adds a candidate, which containment then rejects, and it halves the index.
pub fn bands(norm: &str, words: usize) -> Option<[u32; BANDS]> {
    if words < MIN_WORDS {
        return None;
    }
    let sh = shingles(norm);
    let mut mins = [u64::MAX; BANDS * ROWS];
    for &s in &sh {
        for (k, m) in mins.iter_mut().enumerate() {
            let v = mix(s ^ (0x9e3779b97f4a7c15u64.wrapping_mul(k as u64 + 1)));
            if v < *m {
                *m = v;
            }
        }
    }
    let mut out = [0u32; BANDS];
    for (b, o) in out.iter_mut().enumerate() {
        let mut h = mix(b as u64 + 1);
        for r in 0..ROWS {
            h = mix(h ^ mins[b * ROWS + r]);
        }
        *o = (h >> 32) as u32;
    }
    Some(out)
}

/// Whether at least `share` of `copy`'s 3-grams are in `original` (a text with none is no
/// copy): a hidden block, or a section written out for other screens, repeating the text.
pub fn mostly_in(copy: &HashSet<u64>, original: &HashSet<u64>, share: f64) -> bool {
    let seen = copy.iter().filter(|h| original.contains(h)).count();
    !copy.is_empty() && seen as f64 >= share * copy.len() as f64
}

/// Share of `copy`'s 3-grams found in `original` (1.0 = contained entirely).
pub fn containment(copy_norm: &str, original_norm: &str) -> f64 {
    let c = shingles(copy_norm);
    if c.is_empty() {
        return 0.0;
    }
    let o = shingles(original_norm);
    c.iter().filter(|s| o.contains(s)).count() as f64 / c.len() as f64
}

/// A candidate that passes the containment threshold is removed only if `similar`'s
/// word-level diff ratio with the original is at least this (reordered fragments of several
/// paragraphs can share 3-grams without being one text).
pub const MIN_DIFF_RATIO: f64 = 0.5;

/// `similar`'s word-level similarity ratio between two texts (0..1).
pub fn diff_ratio(original: &str, copy: &str) -> f64 {
    f64::from(similar::TextDiff::from_words(original, copy).ratio())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_copies_share_a_band_and_unrelated_text_does_not() {
        let a = text::normalize(
            "Cambodian police arrested more than a thousand suspects in raids on scam compounds across five provinces this week, officials said on Thursday.",
        );
        let b = text::normalize(
            "Cambodian police arrested more than a thousand suspects in raids on scam compounds across five provinces this week, officials announced on Thursday.",
        );
        let c = text::normalize(
            "The orchestra will open its winter season with a programme of Sibelius and Nielsen under a new principal conductor from Helsinki.",
        );
        let wa = text::norm_word_count(&a);
        let (ba, bb, bc) = (
            bands(&a, wa).unwrap(),
            bands(&b, wa).unwrap(),
            bands(&c, wa).unwrap(),
        );
        assert!(ba.iter().zip(&bb).any(|(x, y)| x == y));
        assert!(ba.iter().zip(&bc).all(|(x, y)| x != y));
        assert!(containment(&b, &a) > 0.8 && containment(&c, &a) < 0.1);
        assert!(diff_ratio(&a, &b) > 0.9);
        assert!(bands("too short", 2).is_none());
    }
}

//! Dedup: fingerprints the normalised text of every line that survived classification
//! (SHA-256 of the NFKC, case-folded, punctuation-free, whitespace-collapsed text, truncated to
//! 128 bits) and removes every copy after the first, pointing at the kept one.

use crate::classify::{Doc, Evidence, Verdict};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// A 128-bit fingerprint of normalised text.
pub type Fingerprint = [u8; 16];

/// Fingerprint of already normalised text.
pub fn fingerprint(norm: &str) -> Fingerprint {
    let digest = Sha256::digest(norm.as_bytes());
    let mut fp = [0u8; 16];
    fp.copy_from_slice(&digest[..16]);
    fp
}

/// How duplicates are removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// No dedup.
    Off,
    /// Within each document: the first copy of a paragraph wins.
    Doc,
}

/// Removes within-document duplicates of lines still kept in `v`.
pub fn within_document(doc: &Doc, v: &mut [Option<Verdict>]) {
    let mut seen: HashMap<Fingerprint, usize, foldhash::fast::RandomState> = HashMap::default();
    for i in 0..doc.len() {
        // Lines without a letter (ratings, prices, list numbers) repeat legitimately.
        if doc.lines[i].blank || v[i].is_some() || !doc.norm(i).chars().any(char::is_alphabetic) {
            continue;
        }
        let fp = fingerprint(doc.norm(i));
        match seen.get(&fp) {
            None => {
                seen.insert(fp, i);
            }
            Some(&k) => {
                let kept = &doc.lines[k];
                let evidence = Evidence {
                    fingerprint: Some(crate::hex(&fp)),
                    detail: Some(format!(
                        "same normalised text as the kept line at bytes {}..{}",
                        kept.start, kept.end
                    )),
                    ..Evidence::default()
                };
                let mut verdict = Verdict::new("duplicate", "doc_dedup", evidence);
                verdict.duplicate_of = Some((kept.start, kept.end));
                v[i] = Some(verdict);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_copies_point_at_the_first() {
        let src = b"Title Here\nBody.\nTITLE HERE \n\xe2\x80\x9cTitle\xe2\x80\x9d here!\n";
        let doc = Doc::new(src);
        let mut v = vec![None; doc.len()];
        within_document(&doc, &mut v);
        assert!(v[0].is_none() && v[1].is_none());
        assert_eq!(v[2].as_ref().unwrap().duplicate_of, Some((0, 10)));
        assert_eq!(v[3].as_ref().unwrap().reason, "duplicate");
    }

    #[test]
    fn removed_lines_do_not_count_as_first_copies() {
        let doc = Doc::new(b"Same line\nSame line\n");
        let mut v = vec![Some(Verdict::new("promo", "x", Evidence::default())), None];
        within_document(&doc, &mut v);
        assert!(v[1].is_none());
    }
}

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
    /// Across the corpus: the first copy in sorted input order wins (two passes).
    Corpus,
}

/// The lines dedup looks at: kept by classification, not blank, with at least one letter
/// (ratings, prices and list numbers repeat legitimately). Yields (line, fingerprint).
pub fn candidates<'d>(
    doc: &'d Doc,
    v: &'d [Option<Verdict>],
) -> impl Iterator<Item = (usize, Fingerprint)> + 'd {
    (0..doc.len())
        .filter(move |&i| {
            !doc.lines[i].blank && v[i].is_none() && doc.norm(i).chars().any(char::is_alphabetic)
        })
        .map(move |i| (i, fingerprint(doc.norm(i))))
}

/// Where a fingerprint was first seen: document number (position in sorted input order) and
/// the line's byte span; `count` says how often it was seen (capped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct First {
    pub doc: u32,
    pub count: u32,
    pub start: u64,
    pub end: u64,
}

/// Pass one of corpus dedup: the first occurrence of every fingerprint, fed documents in
/// sorted input order. Memory is one entry per distinct fingerprint.
#[derive(Default)]
pub struct CorpusIndex {
    first: HashMap<Fingerprint, First, foldhash::fast::RandomState>,
}

impl CorpusIndex {
    /// Adds one document's candidate lines (fingerprint and span), in line order.
    pub fn add(&mut self, doc: u32, lines: &[(Fingerprint, u64, u64)]) {
        for &(fp, start, end) in lines {
            self.first
                .entry(fp)
                .and_modify(|f| f.count = f.count.saturating_add(1))
                .or_insert(First {
                    doc,
                    count: 1,
                    start,
                    end,
                });
        }
    }

    /// Distinct fingerprints seen.
    pub fn len(&self) -> usize {
        self.first.len()
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// Every fingerprint and its first occurrence (in no particular order).
    pub fn entries(&self) -> impl Iterator<Item = (&Fingerprint, &First)> {
        self.first.iter()
    }

    /// Keeps only fingerprints seen more than once: the decisions pass two needs. `ids` are
    /// the document ids by document number.
    pub fn into_decisions(mut self, ids: Vec<String>) -> Decisions {
        self.first.retain(|_, f| f.count > 1);
        self.first.shrink_to_fit();
        let mut keep: HashMap<u32, String> = HashMap::new();
        for f in self.first.values() {
            keep.entry(f.doc)
                .or_insert_with(|| ids.get(f.doc as usize).cloned().unwrap_or_default());
        }
        Decisions {
            survivor: self.first,
            ids: keep,
        }
    }
}

/// Pass two's input: for every repeated fingerprint, the copy that survives.
pub struct Decisions {
    survivor: HashMap<Fingerprint, First, foldhash::fast::RandomState>,
    /// Ids of the surviving documents, by document number.
    ids: HashMap<u32, String>,
}

impl Decisions {
    /// Decisions read back from files: survivors of repeated fingerprints and their ids.
    pub fn from_parts(entries: Vec<(Fingerprint, First)>, ids: HashMap<u32, String>) -> Decisions {
        Decisions {
            survivor: entries.into_iter().collect(),
            ids,
        }
    }

    pub fn len(&self) -> usize {
        self.survivor.len()
    }

    pub fn is_empty(&self) -> bool {
        self.survivor.is_empty()
    }
}

/// Across documents only paragraphs of at least this many words count as copies: short lines
/// ("Conclusion", "Key takeaways") recur in unrelated articles and are theirs to keep.
pub const CORPUS_MIN_WORDS: usize = 10;

/// The (fingerprint, start, end) of every candidate line long enough for corpus dedup, for
/// [`CorpusIndex::add`].
pub fn index_lines(doc: &Doc, v: &[Option<Verdict>]) -> Vec<(Fingerprint, u64, u64)> {
    candidates(doc, v)
        .filter(|&(i, _)| doc.words[i] >= CORPUS_MIN_WORDS)
        .map(|(i, fp)| (fp, doc.lines[i].start as u64, doc.lines[i].end as u64))
        .collect()
}

/// Removes every long enough candidate line of document number `doc_no` whose surviving copy
/// is elsewhere (an earlier document, or earlier in this one); then shorter lines are deduped
/// within the document.
pub fn across_corpus(doc: &Doc, v: &mut [Option<Verdict>], doc_no: u32, decisions: &Decisions) {
    let found: Vec<(usize, Fingerprint, First)> = candidates(doc, v)
        .filter(|&(i, _)| doc.words[i] >= CORPUS_MIN_WORDS)
        .filter_map(|(i, fp)| decisions.survivor.get(&fp).map(|f| (i, fp, *f)))
        .collect();
    for (i, fp, f) in found {
        if f.doc == doc_no && f.start == doc.lines[i].start as u64 {
            continue;
        }
        let same_doc = f.doc == doc_no;
        let other = decisions.ids.get(&f.doc).cloned().unwrap_or_default();
        let evidence = Evidence {
            fingerprint: Some(crate::hex(&fp)),
            detail: Some(if same_doc {
                format!(
                    "same normalised text as the kept line at bytes {}..{}",
                    f.start, f.end
                )
            } else {
                format!(
                    "same normalised text as the kept line at bytes {}..{} of {other}",
                    f.start, f.end
                )
            }),
            ..Evidence::default()
        };
        let mut verdict = Verdict::new(
            "duplicate",
            if same_doc {
                "doc_dedup"
            } else {
                "corpus_dedup"
            },
            evidence,
        );
        verdict.duplicate_of = Some((f.start as usize, f.end as usize));
        verdict.duplicate_doc = (!same_doc).then_some(other);
        v[i] = Some(verdict);
    }
    within_document(doc, v);
}

/// Removes within-document duplicates of lines still kept in `v`.
pub fn within_document(doc: &Doc, v: &mut [Option<Verdict>]) {
    let mut seen: HashMap<Fingerprint, usize, foldhash::fast::RandomState> = HashMap::default();
    let found: Vec<(usize, Fingerprint)> = candidates(doc, v).collect();
    for (i, fp) in found {
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

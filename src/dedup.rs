//! Dedup: fingerprints the normalised text of every line that survived classification
//! (SHA-256 of the NFKC, case-folded, punctuation-free, whitespace-collapsed text, truncated to
//! 128 bits) and removes every copy after the first, pointing at the kept one.

use crate::classify::{Doc, Evidence, Verdict};
use crate::near::{self, Pos};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// A document's number: its input file's position in sorted input order in the high 32
/// bits, the record's line number inside a JSONL/WARC file in the low 32 (0 for text).
pub type DocNo = u64;

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
        .filter(move |&i| is_candidate(doc, v, i))
        .map(move |i| (i, fingerprint(doc.norm(i))))
}

fn is_candidate(doc: &Doc, v: &[Option<Verdict>], i: usize) -> bool {
    !doc.lines[i].blank && v[i].is_none() && doc.norm(i).chars().any(char::is_alphabetic)
}

/// Where a fingerprint was first seen: document number (position in sorted input order) and
/// the line's byte span; `count` says how often it was seen (capped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct First {
    pub doc: DocNo,
    pub count: u32,
    pub start: u64,
    pub end: u64,
}

/// One line as pass one sees it: fingerprint, span, and MinHash bands when it is long enough
/// to be judged as a near-duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexLine {
    pub fp: Fingerprint,
    pub start: u64,
    pub end: u64,
    pub bands: Option<[u32; near::BANDS]>,
}

/// What pass one records of one document: its long lines, and the distinct fingerprints of
/// its short edge lines (candidates for learned chrome).
#[derive(Debug, Clone, Default)]
pub struct DocIndex {
    pub lines: Vec<IndexLine>,
    pub edges: Vec<Fingerprint>,
}

/// Short lines outside the article body: before the first or after the last line of
/// [`CORPUS_MIN_WORDS`] words or more (a document without such a line has no edges). Site
/// chrome lives there; headings like "Conclusion" sit between body paragraphs.
pub fn edge_lines(doc: &Doc, v: &[Option<Verdict>]) -> Vec<(usize, Fingerprint)> {
    let all: Vec<(usize, Fingerprint)> = candidates(doc, v).collect();
    let long = |&(i, _): &(usize, Fingerprint)| doc.words[i] >= CORPUS_MIN_WORDS;
    let (Some(first), Some(last)) = (all.iter().position(long), all.iter().rposition(long)) else {
        return Vec::new();
    };
    all.iter()
        .enumerate()
        .filter(|&(k, _)| k < first || k > last)
        .map(|(_, x)| *x)
        .collect()
}

/// Pass one of corpus dedup, fed documents in sorted input order: the first occurrence of
/// every fingerprint, the first paragraph of every MinHash band, and for each paragraph that
/// shares a band with an earlier one, that earlier paragraph (its near-duplicate candidate).
/// Memory is one entry per distinct fingerprint plus `near::BANDS` per long paragraph.
#[derive(Default)]
pub struct CorpusIndex {
    first: HashMap<Fingerprint, First, foldhash::fast::RandomState>,
    /// Band -> index in `long` of the first paragraph with it (4 + 4 bytes an entry).
    band_first: HashMap<u32, u32, foldhash::fast::RandomState>,
    /// Positions of the long paragraphs that were first with some band.
    long: Vec<Pos>,
    near: HashMap<(DocNo, u64), Pos, foldhash::fast::RandomState>,
    /// Every (band, paragraph), kept only for shard index files (see `shard.rs`).
    band_entries: Option<Vec<(u32, Pos)>>,
    /// Short edge lines: in how many documents each appears.
    edge_df: HashMap<Fingerprint, u32, foldhash::fast::RandomState>,
}

impl CorpusIndex {
    /// An index that also keeps every band entry, for writing a shard's index file.
    pub fn for_shard() -> CorpusIndex {
        CorpusIndex {
            band_entries: Some(Vec::new()),
            ..CorpusIndex::default()
        }
    }

    /// Adds one document, in line order.
    pub fn add(&mut self, doc: DocNo, index: &DocIndex) {
        let mut edges = index.edges.clone();
        edges.sort_unstable();
        edges.dedup();
        for fp in edges {
            *self.edge_df.entry(fp).or_default() += 1;
        }
        for l in &index.lines {
            let mut repeated = true;
            self.first
                .entry(l.fp)
                .and_modify(|f| f.count = f.count.saturating_add(1))
                .or_insert_with(|| {
                    repeated = false;
                    First {
                        doc,
                        count: 1,
                        start: l.start,
                        end: l.end,
                    }
                });
            let Some(bands) = l.bands else { continue };
            let pos = Pos {
                doc,
                start: l.start,
                end: l.end,
            };
            if let Some(entries) = self.band_entries.as_mut() {
                entries.extend(bands.iter().map(|&b| (b, pos)));
            }
            if repeated {
                continue;
            }
            let earliest = bands.iter().filter_map(|b| self.band_first.get(b)).min();
            if let Some(&k) = earliest {
                self.near.insert((doc, l.start), self.long[k as usize]);
            }
            let k = self.long.len() as u32;
            let mut used = false;
            for b in bands {
                self.band_first.entry(b).or_insert_with(|| {
                    used = true;
                    k
                });
            }
            if used {
                self.long.push(pos);
            }
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

    /// Every short edge line and its document frequency (in no particular order).
    pub fn edge_df(&self) -> impl Iterator<Item = (&Fingerprint, &u32)> {
        self.edge_df.iter()
    }

    /// Every (band, paragraph) added, when built with [`CorpusIndex::for_shard`].
    pub fn band_entries(&self) -> &[(u32, Pos)] {
        self.band_entries.as_deref().unwrap_or(&[])
    }

    /// Keeps only fingerprints seen more than once, and the near-duplicate candidates: the
    /// decisions pass two needs. `ids` are the document ids by document number.
    pub fn into_decisions(mut self, ids: &HashMap<DocNo, String>, chrome_df: u32) -> Decisions {
        self.first.retain(|_, f| f.count > 1);
        self.first.shrink_to_fit();
        let docs = self
            .first
            .values()
            .map(|f| f.doc)
            .chain(self.near.values().map(|p| p.doc));
        let keep: HashMap<DocNo, String> = docs
            .map(|d| (d, ids.get(&d).cloned().unwrap_or_default()))
            .collect();
        let chrome = self
            .edge_df
            .into_iter()
            .filter(|&(_, df)| chrome_df > 0 && df >= chrome_df)
            .collect();
        Decisions {
            survivor: self.first,
            ids: keep,
            near: self.near,
            chrome,
        }
    }
}

/// Pass two's input: for every repeated fingerprint the copy that survives, and for every
/// paragraph with a near-duplicate candidate that candidate.
pub struct Decisions {
    survivor: HashMap<Fingerprint, First, foldhash::fast::RandomState>,
    /// Ids of the surviving documents, by document number.
    ids: HashMap<DocNo, String>,
    near: HashMap<(DocNo, u64), Pos, foldhash::fast::RandomState>,
    /// Learned chrome: short edge lines in at least `--chrome-df` documents, with their count.
    chrome: HashMap<Fingerprint, u32, foldhash::fast::RandomState>,
}

impl Decisions {
    /// The documents near-duplicate candidates point at.
    pub fn near_originals(&self) -> impl Iterator<Item = DocNo> + '_ {
        self.near.values().map(|p| p.doc)
    }

    /// Decisions read back from files. A paragraph listed with several near candidates (one
    /// per band bucket) keeps the earliest.
    pub fn from_parts(
        entries: Vec<(Fingerprint, First)>,
        ids: HashMap<DocNo, String>,
        near: Vec<((DocNo, u64), Pos)>,
        chrome: Vec<(Fingerprint, u32)>,
    ) -> Decisions {
        let mut n: HashMap<(DocNo, u64), Pos, foldhash::fast::RandomState> = HashMap::default();
        for (k, c) in near {
            n.entry(k).and_modify(|e| *e = (*e).min(c)).or_insert(c);
        }
        Decisions {
            survivor: entries.into_iter().collect(),
            ids,
            near: n,
            chrome: chrome.into_iter().collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.survivor.len()
    }

    pub fn is_empty(&self) -> bool {
        self.survivor.is_empty()
    }
}

/// How pass two confirms near-duplicates: the containment threshold, and a loader of any
/// document's bytes by document number (the original may be in another document).
pub struct NearCheck<'a> {
    pub threshold: f64,
    pub load: &'a (dyn Fn(DocNo) -> Option<Vec<u8>> + Sync),
}

/// Across documents only paragraphs of at least this many words count as copies: short lines
/// ("Conclusion", "Key takeaways") recur in unrelated articles and are theirs to keep.
pub const CORPUS_MIN_WORDS: usize = 10;

/// What pass one needs of a document: its long lines and short edge lines.
pub fn index_doc(doc: &Doc, v: &[Option<Verdict>]) -> DocIndex {
    DocIndex {
        lines: index_lines(doc, v),
        edges: edge_lines(doc, v).into_iter().map(|(_, fp)| fp).collect(),
    }
}

/// Every candidate line long enough for corpus dedup.
pub fn index_lines(doc: &Doc, v: &[Option<Verdict>]) -> Vec<IndexLine> {
    candidates(doc, v)
        .filter(|&(i, _)| doc.words[i] >= CORPUS_MIN_WORDS)
        .map(|(i, fp)| IndexLine {
            fp,
            start: doc.lines[i].start as u64,
            end: doc.lines[i].end as u64,
            bands: near::bands(doc.norm(i), doc.words[i]),
        })
        .collect()
}

/// Removes every long enough candidate line of document number `doc_no` whose surviving copy
/// is elsewhere (an earlier document, or earlier in this one), then confirmed near-duplicates
/// of earlier paragraphs; then shorter lines are deduped within the document.
pub fn across_corpus(
    doc: &Doc,
    v: &mut [Option<Verdict>],
    doc_no: DocNo,
    decisions: &Decisions,
    near_check: Option<&NearCheck>,
) {
    for (i, fp) in edge_lines(doc, v) {
        if let Some(&df) = decisions.chrome.get(&fp) {
            let ev = Evidence {
                fingerprint: Some(crate::hex(&fp)),
                detail: Some(format!(
                    "short line outside the article body, recurring there in {df} documents of the corpus"
                )),
                ..Evidence::default()
            };
            v[i] = Some(Verdict::new("boilerplate", "learned_chrome", ev));
        }
    }
    let long: Vec<(usize, Fingerprint)> = candidates(doc, v)
        .filter(|&(i, _)| doc.words[i] >= CORPUS_MIN_WORDS)
        .collect();
    for (i, fp) in long {
        let start = doc.lines[i].start as u64;
        if let Some(f) = decisions.survivor.get(&fp) {
            if f.doc == doc_no && f.start == start {
                continue;
            }
            let at = Pos {
                doc: f.doc,
                start: f.start,
                end: f.end,
            };
            let ev = Evidence {
                fingerprint: Some(crate::hex(&fp)),
                detail: Some(format!(
                    "same normalised text as the kept line {}",
                    decisions.place(at, doc_no)
                )),
                ..Evidence::default()
            };
            let rule = if f.doc == doc_no {
                "doc_dedup"
            } else {
                "corpus_dedup"
            };
            v[i] = Some(decisions.duplicate(rule, ev, at, doc_no));
            continue;
        }
        // Near-duplicates count across documents only: within one article, parallel
        // paragraphs ("X has servers in 41 countries", "Y has servers in 49") are content.
        let (Some(check), Some(c)) = (near_check, decisions.near.get(&(doc_no, start))) else {
            continue;
        };
        if c.doc == doc_no {
            continue;
        }
        let original = (check.load)(c.doc);
        let Some(text) = original
            .as_deref()
            .and_then(|b| b.get(c.start as usize..c.end as usize))
        else {
            continue;
        };
        let original = String::from_utf8_lossy(text);
        let score = near::containment(doc.norm(i), &crate::text::normalize(&original));
        if score < check.threshold {
            continue;
        }
        // Confirmation: the word-level diff must agree that most of the text is the same.
        let ratio = near::diff_ratio(&original, &doc.text[i]);
        if ratio < near::MIN_DIFF_RATIO {
            continue;
        }
        let ev = Evidence {
            score: Some((score * 1000.0).round() / 1000.0),
            detail: Some(format!(
                "near-duplicate of the kept line {}: {:.0}% of its word 3-grams are there (threshold {:.0}%), word diff ratio {ratio:.3}",
                decisions.place(*c, doc_no),
                score * 100.0,
                check.threshold * 100.0
            )),
            ..Evidence::default()
        };
        v[i] = Some(decisions.duplicate("near_dedup", ev, *c, doc_no));
    }
    within_document(doc, v);
}

impl Decisions {
    /// "at bytes a..b" or "at bytes a..b of DOC".
    fn place(&self, at: Pos, doc_no: DocNo) -> String {
        match at.doc == doc_no {
            true => format!("at bytes {}..{}", at.start, at.end),
            false => format!(
                "at bytes {}..{} of {}",
                at.start,
                at.end,
                self.ids.get(&at.doc).map_or("", String::as_str)
            ),
        }
    }

    fn duplicate(&self, rule: &str, evidence: Evidence, at: Pos, doc_no: DocNo) -> Verdict {
        let mut verdict = Verdict::new("duplicate", rule, evidence);
        verdict.duplicate_of = Some((at.start as usize, at.end as usize));
        verdict.duplicate_doc =
            (at.doc != doc_no).then(|| self.ids.get(&at.doc).cloned().unwrap_or_default());
        verdict
    }
}

/// Removes within-document duplicates of lines still kept in `v`.
pub fn within_document(doc: &Doc, v: &mut [Option<Verdict>]) {
    within_document_scoped(doc, v, &[]);
}

/// The bit of a line's dedup scope that marks it as code (a line of an HTML `<pre>`): see
/// [`within_document_scoped`].
pub const CODE: u32 = 1 << 31;

/// The bit of a line's dedup scope that marks it as a section label: an HTML heading of at
/// most [`LABEL_WORDS`] words on an article ("Pros", "Cons", "Ingredients" under each item of
/// a roundup). Like code, it repeats by design: see [`within_document_scoped`].
pub const LABEL: u32 = 1 << 30;

/// Most words of a heading that is a section label (see [`LABEL`]).
pub const LABEL_WORDS: usize = 3;

/// Fewest repeated lines of code in a row that are a copied block, not lines that repeat.
const COPY_RUN: usize = 3;

/// Fewest words of a line outside any record that is a copy of a record's line before it
/// (a reply's quote of a post); see [`within_document_scoped`].
pub const QUOTED_WORDS: usize = 6;

/// [`within_document`] where a line is only a copy of an earlier line in the same scope:
/// `scopes[i]` is line `i`'s (0, the default, is the whole document). An HTML page's
/// records each have their own (see [`crate::extract::Extraction::scopes`]): a price or a
/// field label repeated from card to card is not a repeated paragraph. A line whose scope
/// has the [`CODE`] or [`LABEL`] bit is deduped with the others, but a run of fewer than
/// [`COPY_RUN`] such copies in a row is kept.
pub fn within_document_scoped(doc: &Doc, v: &mut [Option<Verdict>], scopes: &[u32]) {
    // Keyed on the normalised text itself: equal keys are equal fingerprints, and the
    // SHA-256 is only computed for the copies that are reported.
    // The whole text is hashed: a key of its length and ends alone made every line of a
    // templated page ("… harbour 17 that people read.") collide, and the run quadratic.
    let mut seen: HashMap<(u32, &str), usize, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(doc.len(), Default::default());
    // Each line's first copy in any scope, when the page has records.
    let scoped = scopes.iter().any(|s| s & !(CODE | LABEL) != 0);
    let mut first_any: HashMap<&str, usize, foldhash::fast::RandomState> = HashMap::default();
    for i in 0..doc.len() {
        if !is_candidate(doc, v, i) {
            continue;
        }
        let norm = doc.norm(i);
        let scope = scopes.get(i).copied().unwrap_or(0) & !(CODE | LABEL);
        let key = (scope, norm);
        // One hash of the text per line: most lines are new, and looking up then inserting
        // hashed them twice.
        let k = match seen.entry(key) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                // A sentence in the page's scope (a quote of a post in a reply) copies a
                // record's line before it all the same; a short line (a heading, a place's
                // name after a list of events held there) does not.
                match (scope == 0 && doc.words[i] >= QUOTED_WORDS)
                    .then(|| first_any.get(norm))
                    .flatten()
                {
                    Some(&k) => *e.insert(k),
                    None => {
                        e.insert(i);
                        if scoped {
                            first_any.entry(norm).or_insert(i);
                        }
                        continue;
                    }
                }
            }
        };
        let kept = &doc.lines[k];
        let evidence = Evidence {
            fingerprint: Some(crate::hex(&fingerprint(norm))),
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
    // Lines of code repeat by design (the same call in two examples, a closing line), and so
    // do section labels: such a repeated line stays unless it is part of a copied block, a
    // run of at least COPY_RUN repeated lines in a row (a stack trace posted twice, a hidden
    // copy).
    let code = |i: usize| scopes.get(i).is_some_and(|s| s & (CODE | LABEL) != 0);
    let copy =
        |v: &[Option<Verdict>], i: usize| v[i].as_ref().is_some_and(|v| v.rule == "doc_dedup");
    let mut i = 0;
    while i < doc.len() {
        if !(code(i) && copy(v, i)) {
            i += 1;
            continue;
        }
        let start = i;
        while i < doc.len() && code(i) && copy(v, i) {
            i += 1;
        }
        if i - start < COPY_RUN {
            v[start..i].fill(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_line_of_code_stays_a_copied_block_goes() {
        let src = b"let total = add(a, b);\nprint(total)\nlet total = add(a, b);\nprint(result)\n\
                    File main.py line 3\nraise Error(x)\nError: bad input\n\
                    File main.py line 3\nraise Error(x)\nError: bad input\n";
        let doc = Doc::new(src);
        let mut v = vec![None; doc.len()];
        within_document_scoped(&doc, &mut v, &vec![CODE; doc.len()]);
        assert!(v[2].is_none(), "a line repeated between other lines stays");
        assert!(
            v[7..10]
                .iter()
                .all(|v| v.as_ref().is_some_and(|v| v.rule == "doc_dedup"))
        );
        // Prose is deduped as before.
        let mut v = vec![None; doc.len()];
        within_document(&doc, &mut v);
        assert!(v[2].is_some());
    }

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
    fn copies_in_other_scopes_are_not_copies() {
        let doc = Doc::new(b"Weight:\nWeight:\nWeight:\nWeight:\n");
        let mut v = vec![None; doc.len()];
        within_document_scoped(&doc, &mut v, &[1, 2, 0, 0]);
        assert!(v[0].is_none() && v[1].is_none() && v[2].is_none());
        assert_eq!(v[3].as_ref().unwrap().duplicate_of, Some((16, 23)));
        // A sentence in the page's scope (a quote of a post in a reply) copies the first.
        let s = b"I planted the roses in March this year.\n";
        let three = [&s[..], s, s].concat();
        let doc = Doc::new(&three);
        let mut v = vec![None; doc.len()];
        within_document_scoped(&doc, &mut v, &[1, 2, 0]);
        assert!(v[0].is_none() && v[1].is_none());
        assert_eq!(v[2].as_ref().unwrap().duplicate_of, Some((0, 39)));
        // A short line does not (a place's name heading a section after the events held
        // there, each event a record).
        let doc = Doc::new(b"Riverside Park\nRiverside Park\n");
        let mut v = vec![None; doc.len()];
        within_document_scoped(&doc, &mut v, &[1, 0]);
        assert!(v.iter().all(Option::is_none));
    }

    #[test]
    fn removed_lines_do_not_count_as_first_copies() {
        let doc = Doc::new(b"Same line\nSame line\n");
        let mut v = vec![Some(Verdict::new("promo", "x", Evidence::default())), None];
        within_document(&doc, &mut v);
        assert!(v[1].is_none());
    }
}

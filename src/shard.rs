//! Sharded corpus dedup, in three file-based phases a cluster scheduler can fan out:
//! `index` (per input shard: the first occurrence and count of every fingerprint, sorted),
//! `merge` (per hash bucket: the global survivor of every repeated fingerprint) and `clean
//! --decisions` (per input shard). Document numbers are positions in the sorted input order of
//! the whole corpus, so every phase agrees on which copy came first, and the union of the
//! shard outputs equals a single `clean --dedup corpus` run.

use crate::dedup::{CorpusIndex, Decisions, DocNo, Fingerprint, First};
use crate::near::Pos;
use crate::output::AtomicFile;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::str::FromStr;

/// `i/N`: part `i` (from 0) of `N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub index: u32,
    pub count: u32,
}

impl FromStr for Part {
    type Err = String;
    fn from_str(s: &str) -> Result<Part, String> {
        let (i, n) = s
            .split_once('/')
            .ok_or_else(|| format!("{s:?} is not i/N"))?;
        let index: u32 = i
            .trim()
            .parse()
            .map_err(|_| format!("{s:?}: bad part number"))?;
        let count: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("{s:?}: bad part count"))?;
        if count == 0 || index >= count {
            return Err(format!("{s:?}: need 0 <= i < N"));
        }
        Ok(Part { index, count })
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Part {
    /// Documents go to shards round-robin by input file (the high half of their number).
    pub fn has_doc(&self, doc_no: DocNo) -> bool {
        ((doc_no >> 32) as u32) % self.count == self.index
    }

    /// Fingerprints go to buckets by their first eight bytes.
    pub fn has_fingerprint(&self, fp: &Fingerprint) -> bool {
        let mut head = [0u8; 8];
        head.copy_from_slice(&fp[..8]);
        u64::from_le_bytes(head) % u64::from(self.count) == u64::from(self.index)
    }
}

const INDEX_MAGIC: &[u8; 8] = b"DCIDX004";
const DECISIONS_MAGIC: &[u8; 8] = b"DCDEC004";

/// Writes a shard's index: entries sorted by fingerprint, every (band, paragraph) sorted, and
/// the ids of its documents.
pub fn write_index(
    path: &Path,
    index: &CorpusIndex,
    ids: &BTreeMap<DocNo, String>,
) -> io::Result<()> {
    let mut entries: Vec<(&Fingerprint, &First)> = index.entries().collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut bands = index.band_entries().to_vec();
    bands.sort_unstable();
    let mut f = AtomicFile::create(path)?;
    f.write_all(INDEX_MAGIC)?;
    f.write_all(&(entries.len() as u64).to_le_bytes())?;
    for (fp, first) in entries {
        write_entry(&mut f, fp, first)?;
    }
    f.write_all(&(bands.len() as u64).to_le_bytes())?;
    for (band, pos) in &bands {
        f.write_all(&band.to_le_bytes())?;
        write_pos(&mut f, pos)?;
    }
    let mut edges: Vec<(&Fingerprint, &u32)> = index.edge_df().collect();
    edges.sort_unstable();
    f.write_all(&(edges.len() as u64).to_le_bytes())?;
    for (fp, df) in edges {
        f.write_all(fp)?;
        f.write_all(&df.to_le_bytes())?;
    }
    write_ids(&mut f, ids.iter().map(|(k, v)| (*k, v.as_str())))?;
    f.commit()
}

/// A shard index read back.
pub struct Index {
    /// First occurrence and count of each fingerprint, sorted by fingerprint.
    pub entries: Vec<(Fingerprint, First)>,
    /// Every (band, paragraph), sorted.
    pub bands: Vec<(u32, Pos)>,
    /// Short edge lines and their document frequency in the shard, sorted.
    pub edges: Vec<(Fingerprint, u32)>,
    /// Document ids by number.
    pub ids: BTreeMap<DocNo, String>,
}

/// Reads an index file.
pub fn read_index(path: &Path) -> io::Result<Index> {
    let mut r = BufReader::new(std::fs::File::open(path)?);
    expect_magic(&mut r, INDEX_MAGIC, path)?;
    let n = read_u64(&mut r)?;
    let mut entries = Vec::with_capacity(n.min(1 << 24) as usize);
    for _ in 0..n {
        entries.push(read_entry(&mut r)?);
    }
    let n = read_u64(&mut r)?;
    let mut bands = Vec::with_capacity(n.min(1 << 24) as usize);
    for _ in 0..n {
        let band = read_u32(&mut r)?;
        bands.push((band, read_pos(&mut r)?));
    }
    let edges = read_edges(&mut r)?;
    let ids = read_ids(&mut r)?.into_iter().collect();
    Ok(Index {
        entries,
        bands,
        edges,
        ids,
    })
}

/// Phase two: over all shard indexes, the survivors of the fingerprints in `bucket`, and the
/// near-duplicate candidates found through the MinHash bands in `bucket` (each paragraph
/// sharing a band with an earlier one points at the band's first paragraph). Written to
/// `out`; returns the number of decisions.
pub fn merge(
    indexes: &[impl AsRef<Path>],
    bucket: Part,
    chrome_df: u32,
    out: &Path,
) -> io::Result<usize> {
    let mut edge_df: BTreeMap<Fingerprint, u32> = BTreeMap::new();
    let mut all: Vec<(Fingerprint, First)> = Vec::new();
    let mut bands: Vec<(u32, Pos)> = Vec::new();
    let mut ids: BTreeMap<DocNo, String> = BTreeMap::new();
    for path in indexes {
        let index = read_index(path.as_ref())?;
        all.extend(
            index
                .entries
                .into_iter()
                .filter(|(fp, _)| bucket.has_fingerprint(fp)),
        );
        bands.extend(
            index
                .bands
                .into_iter()
                .filter(|(b, _)| b % bucket.count == bucket.index),
        );
        ids.extend(index.ids);
        for (fp, df) in index
            .edges
            .into_iter()
            .filter(|(fp, _)| bucket.has_fingerprint(fp))
        {
            *edge_df.entry(fp).or_default() += df;
        }
    }
    edge_df.retain(|_, df| chrome_df > 0 && *df >= chrome_df);
    // Same fingerprint together, earliest copy first.
    all.sort_unstable_by_key(|(fp, f)| (*fp, f.doc, f.start));
    let mut decisions: Vec<(Fingerprint, First)> = Vec::new();
    for (fp, first) in all {
        match decisions.last_mut() {
            Some((last, f)) if *last == fp => f.count = f.count.saturating_add(first.count),
            _ => decisions.push((fp, first)),
        }
    }
    decisions.retain(|(_, f)| f.count > 1);
    bands.sort_unstable();
    let mut near: BTreeMap<(DocNo, u64), Pos> = BTreeMap::new();
    let mut group_first: Option<(u32, Pos)> = None;
    for (band, pos) in bands {
        match group_first {
            Some((b, first)) if b == band => {
                if pos > first {
                    near.entry((pos.doc, pos.start))
                        .and_modify(|c| *c = (*c).min(first))
                        .or_insert(first);
                }
            }
            _ => group_first = Some((band, pos)),
        }
    }
    let mut f = AtomicFile::create(out)?;
    f.write_all(DECISIONS_MAGIC)?;
    f.write_all(&(decisions.len() as u64).to_le_bytes())?;
    for (fp, first) in &decisions {
        write_entry(&mut f, fp, first)?;
    }
    f.write_all(&(near.len() as u64).to_le_bytes())?;
    for ((doc, start), c) in &near {
        f.write_all(&doc.to_le_bytes())?;
        f.write_all(&start.to_le_bytes())?;
        write_pos(&mut f, c)?;
    }
    f.write_all(&(edge_df.len() as u64).to_le_bytes())?;
    for (fp, df) in &edge_df {
        f.write_all(fp)?;
        f.write_all(&df.to_le_bytes())?;
    }
    let wanted = decisions
        .iter()
        .map(|(_, f)| f.doc)
        .chain(near.values().map(|c| c.doc));
    let survivors: BTreeMap<DocNo, &str> = wanted
        .filter_map(|d| ids.get(&d).map(|id| (d, id.as_str())))
        .collect();
    write_ids(&mut f, survivors.into_iter())?;
    f.commit()?;
    Ok(decisions.len() + near.len() + edge_df.len())
}

/// Phase three's input: every decision file of every bucket.
pub fn read_decisions(paths: &[impl AsRef<Path>]) -> io::Result<Decisions> {
    let mut entries = Vec::new();
    let mut near = Vec::new();
    let mut chrome = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for path in paths {
        let path = path.as_ref();
        let mut r = BufReader::new(std::fs::File::open(path)?);
        expect_magic(&mut r, DECISIONS_MAGIC, path)?;
        let n = read_u64(&mut r)?;
        for _ in 0..n {
            entries.push(read_entry(&mut r)?);
        }
        let n = read_u64(&mut r)?;
        for _ in 0..n {
            let doc = read_u64(&mut r)?;
            let start = read_u64(&mut r)?;
            near.push(((doc, start), read_pos(&mut r)?));
        }
        chrome.extend(read_edges(&mut r)?);
        ids.extend(read_ids(&mut r)?);
    }
    Ok(Decisions::from_parts(entries, ids, near, chrome))
}

fn read_edges(r: &mut impl Read) -> io::Result<Vec<(Fingerprint, u32)>> {
    let n = read_u64(r)?;
    let mut out = Vec::with_capacity(n.min(1 << 24) as usize);
    for _ in 0..n {
        let mut fp = [0u8; 16];
        r.read_exact(&mut fp)?;
        out.push((fp, read_u32(r)?));
    }
    Ok(out)
}

fn write_pos(w: &mut impl Write, p: &Pos) -> io::Result<()> {
    w.write_all(&p.doc.to_le_bytes())?;
    w.write_all(&p.start.to_le_bytes())?;
    w.write_all(&p.end.to_le_bytes())
}

fn read_pos(r: &mut impl Read) -> io::Result<Pos> {
    let doc = read_u64(r)?;
    let start = read_u64(r)?;
    let end = read_u64(r)?;
    Ok(Pos { doc, start, end })
}

fn write_entry(w: &mut impl Write, fp: &Fingerprint, f: &First) -> io::Result<()> {
    w.write_all(fp)?;
    w.write_all(&f.doc.to_le_bytes())?;
    w.write_all(&f.count.to_le_bytes())?;
    w.write_all(&f.start.to_le_bytes())?;
    w.write_all(&f.end.to_le_bytes())
}

fn read_entry(r: &mut impl Read) -> io::Result<(Fingerprint, First)> {
    let mut fp = [0u8; 16];
    r.read_exact(&mut fp)?;
    let doc = read_u64(r)?;
    let count = read_u32(r)?;
    let start = read_u64(r)?;
    let end = read_u64(r)?;
    Ok((
        fp,
        First {
            doc,
            count,
            start,
            end,
        },
    ))
}

fn write_ids<'a>(
    w: &mut impl Write,
    ids: impl Iterator<Item = (DocNo, &'a str)>,
) -> io::Result<()> {
    let ids: Vec<(DocNo, &str)> = ids.collect();
    let mut buf = BufWriter::new(w);
    buf.write_all(&(ids.len() as u64).to_le_bytes())?;
    for (doc, id) in ids {
        buf.write_all(&doc.to_le_bytes())?;
        buf.write_all(&(id.len() as u32).to_le_bytes())?;
        buf.write_all(id.as_bytes())?;
    }
    buf.flush()
}

fn read_ids(r: &mut impl Read) -> io::Result<Vec<(DocNo, String)>> {
    let n = read_u64(r)?;
    let mut out = Vec::with_capacity(n.min(1 << 20) as usize);
    for _ in 0..n {
        let doc = read_u64(r)?;
        let len = read_u32(r)? as usize;
        let mut b = vec![0u8; len];
        r.read_exact(&mut b)?;
        let id = String::from_utf8(b).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        out.push((doc, id));
    }
    Ok(out)
}

fn expect_magic(r: &mut impl Read, magic: &[u8; 8], path: &Path) -> io::Result<()> {
    let mut m = [0u8; 8];
    r.read_exact(&mut m)?;
    if &m != magic {
        let what = if magic == INDEX_MAGIC {
            "an index"
        } else {
            "a decisions"
        };
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} is not {what} file of this decruft version",
                path.display()
            ),
        ));
    }
    Ok(())
}

fn read_u32(r: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

fn read_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_parse_and_split() {
        let p: Part = "1/4".parse().unwrap();
        assert_eq!((p.index, p.count), (1, 4));
        assert!(
            "4/4".parse::<Part>().is_err()
                && "x".parse::<Part>().is_err()
                && "0/0".parse::<Part>().is_err()
        );
        assert!(p.has_doc(5 << 32) && !p.has_doc(6 << 32) && p.has_doc((5 << 32) | 7));
    }
}

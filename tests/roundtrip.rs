//! Property tests: whatever the bytes, cleaning loses nothing (the source rebuilds exactly
//! from output plus provenance), spans tile the source, and output is a subsequence of it.

use decruft::provenance::{self, Action, Record};
use decruft::{Cleaner, dedup, sha256_hex};
use proptest::prelude::*;
use std::sync::OnceLock;

fn record(src: &[u8], out: &[u8], spans: Vec<provenance::Span>) -> Record {
    Record {
        schema: provenance::SCHEMA.into(),
        id: "p".into(),
        source: "p".into(),
        compression: None,
        output: "p.txt".into(),
        source_sha256: sha256_hex(src),
        output_sha256: sha256_hex(out),
        bytes_in: src.len() as u64,
        bytes_out: out.len() as u64,
        warnings: vec![],
        page: None,
        spans,
    }
}

/// Built once: compiling the vocabulary per case would dominate the run.
fn cleaner() -> &'static Cleaner {
    static CLEANER: OnceLock<Cleaner> = OnceLock::new();
    CLEANER.get_or_init(|| Cleaner::new(None, dedup::Mode::Doc))
}

fn check(src: &[u8]) {
    let (out, spans) = cleaner().clean("p", src);
    let kept: u64 = spans
        .iter()
        .filter(|s| s.action == Action::Keep)
        .map(|s| s.len())
        .sum();
    assert_eq!(kept, out.len() as u64);
    let rec = record(src, &out, spans);
    let json = serde_json::to_string(&rec).unwrap();
    let back: Record = serde_json::from_str(&json).unwrap();
    assert_eq!(provenance::rebuild(&back, &out).unwrap(), src);
}

/// Lines drawn from widget phrases, article text, blanks and odd bytes.
fn line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"Share on Facebook".to_vec()),
        Just(b"Related Articles".to_vec()),
        Just(b"Reuters".to_vec()),
        Just(b"34 minutes ago".to_vec()),
        Just(b"Leave a Reply".to_vec()),
        Just(b"Advertisement".to_vec()),
        Just(b"The article talks about cybercrime in Cambodia.".to_vec()),
        Just(b"".to_vec()),
        Just(b"  \t".to_vec()),
        Just("\u{a0}".as_bytes().to_vec()),
        Just(b"\xff\xfe broken".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..40),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_round_trip(src in proptest::collection::vec(any::<u8>(), 0..2000)) {
        check(&src);
    }

    #[test]
    fn article_like_documents_round_trip(
        lines in proptest::collection::vec(line(), 0..60),
        crlf in any::<bool>(),
        final_newline in any::<bool>(),
    ) {
        let sep: &[u8] = if crlf { b"\r\n" } else { b"\n" };
        let mut src = lines.join(sep);
        if final_newline {
            src.extend_from_slice(sep);
        }
        check(&src);
    }
}

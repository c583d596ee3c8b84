//! Per-stage CPU time of text cleaning on documents held in memory (no file system): where a
//! document's time goes, stage by stage. `cargo bench --bench stages [DIR]`; DIR defaults to
//! `../shared/bench/noisy-dev/docs`, else `samples/`. Each stage is timed over all documents,
//! repeated until about a second has passed; figures are MB/s of input text. `STAGE=name`
//! runs only the stages whose name starts with it; `REPS=n` runs each exactly n times.
//! The `html` stages run on the first `HTML_PAGES` (default 200) pages of `HTML_DIR`
//! (default `../shared/bench/wcxb-dev/html`, `.html` or `.html.gz`), when it is there: scraper's
//! parse alone beside decruft's pre-scan, its parse into blocks, extraction and the whole `clean_html`.
use decruft::classify::{Classifier, Doc};
use decruft::{dedup, emit, sha256_hex};
use std::time::Instant;

fn load() -> Vec<Vec<u8>> {
    let arg = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let dirs = [
        arg.unwrap_or_default(),
        "../shared/bench/noisy-dev/docs".into(),
        "samples".into(),
    ];
    for d in dirs.iter().filter(|d| !d.is_empty()) {
        let Ok(rd) = std::fs::read_dir(d) else {
            continue;
        };
        let mut paths: Vec<_> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        let docs: Vec<_> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
        if !docs.is_empty() {
            eprintln!("{} documents from {d}", docs.len());
            return docs;
        }
    }
    panic!("no documents");
}

/// Whether stage `name` runs (see `STAGE`).
fn wanted(name: &str) -> bool {
    std::env::var("STAGE").map_or(true, |only| name.starts_with(&only))
}

fn time<F: FnMut()>(name: &str, bytes: usize, mut f: F) -> f64 {
    if !wanted(name) {
        return 0.0;
    }
    // REPS=n runs each stage exactly n times (for instruction counts under callgrind).
    let fixed: Option<u32> = std::env::var("REPS").ok().and_then(|r| r.parse().ok());
    let t0 = Instant::now();
    let mut reps = 0;
    while reps == 0 || fixed.map_or(t0.elapsed().as_secs_f64() < 1.0, |n| reps < n) {
        f();
        reps += 1;
    }
    let per = t0.elapsed().as_secs_f64() / reps as f64;
    println!(
        "{name:<28} {:>9.1} MB/s {:>9.2} µs/doc-set",
        bytes as f64 / per / 1e6,
        per * 1e6
    );
    per
}

/// Decoded HTML pages for the `html` stages (none when the folder is missing).
fn load_html() -> Vec<String> {
    let dir = std::env::var("HTML_DIR").unwrap_or("../shared/bench/wcxb-dev/html".into());
    let n: usize = std::env::var("HTML_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return vec![];
    };
    let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths.truncate(n);
    let pages: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            let raw = std::fs::read(p).ok()?;
            let bytes = if p.extension().is_some_and(|e| e == "gz") {
                let mut out = Vec::new();
                std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&raw[..]), &mut out)
                    .ok()?;
                out
            } else {
                raw
            };
            Some(decruft::html::decode(&bytes).0.into_owned())
        })
        .collect();
    eprintln!("{} HTML pages from {dir}", pages.len());
    pages
}

fn main() {
    let docs = load();
    let bytes: usize = docs.iter().map(Vec::len).sum();
    // Compiling the rules costs more than a stage run under callgrind: only when used.
    let c = std::cell::LazyCell::new(|| Classifier::new(None));
    let cleaner = std::cell::LazyCell::new(|| decruft::Cleaner::new(None, dedup::Mode::Doc));
    let mut sink = 0usize;
    time("segment+normalise (Doc)", bytes, || {
        for d in &docs {
            sink += Doc::new(d).len();
        }
    });
    // Inputs of the later stages, prepared only when one of them runs.
    let later = ["classify", "dedup", "clone", "emit", "provenance"]
        .iter()
        .any(|s| wanted(s));
    let parsed: Vec<Doc> = if later {
        docs.iter().map(|d| Doc::new(d)).collect()
    } else {
        vec![]
    };
    time("classify", bytes, || {
        for d in &parsed {
            sink += c.classify(d).len();
        }
    });
    let verdicts: Vec<_> = if ["dedup", "clone", "emit"].iter().any(|s| wanted(s)) {
        parsed.iter().map(|d| c.classify(d)).collect()
    } else {
        vec![]
    };
    time("dedup", bytes, || {
        for (d, v) in parsed.iter().zip(&verdicts) {
            let mut v = v.clone();
            dedup::within_document(d, &mut v);
            sink += v.len();
        }
    });
    time("clone verdicts (dedup base)", bytes, || {
        for v in &verdicts {
            sink += v.clone().len();
        }
    });
    time("emit", bytes, || {
        for (d, v) in parsed.iter().zip(&verdicts) {
            let mut v = v.clone();
            emit::tidy_blank_lines(d, &mut v);
            sink += emit::emit(d, v.clone(), "id").output.len();
        }
    });
    time("sha256 source", bytes, || {
        for d in &docs {
            sink += sha256_hex(d).len();
        }
    });
    let cleaned: Vec<_> = if wanted("provenance") {
        docs.iter().map(|d| cleaner.clean("id", d)).collect()
    } else {
        vec![]
    };
    time("provenance json", bytes, || {
        for (_, spans) in &cleaned {
            sink += serde_json::to_string(spans).unwrap().len();
        }
    });
    time("whole Cleaner::clean", bytes, || {
        for d in &docs {
            sink += cleaner.clean("id", d).0.len();
        }
    });
    if !["html"].iter().any(|s| wanted(s)) {
        eprintln!("({sink})");
        return;
    }
    let pages = load_html();
    let html_bytes: usize = pages.iter().map(String::len).sum();
    if pages.is_empty() {
        eprintln!("({sink})");
        return;
    }
    time("html scraper parse alone", html_bytes, || {
        for p in &pages {
            sink += scraper::Html::parse_document(p).tree.nodes().count();
        }
    });
    time("html pre-scan (prepare)", html_bytes, || {
        for p in &pages {
            sink += decruft::html::prepare(p, 512).html.map_or(0, |h| h.len());
        }
    });
    time("html parse into blocks", html_bytes, || {
        for p in &pages {
            sink += decruft::html::parse(p).blocks.len();
        }
    });
    let parsed: Vec<_> = if wanted("html extract") {
        pages.iter().map(|p| decruft::html::parse(p)).collect()
    } else {
        vec![]
    };
    time("html extract", html_bytes, || {
        for p in &parsed {
            sink += decruft::extract::extract(p).len();
        }
    });
    time("html whole clean_html", html_bytes, || {
        for p in &pages {
            sink += cleaner
                .clean_html("id", p.as_bytes())
                .map_or(0, |c| c.output.len());
        }
    });
    eprintln!("({sink})");
}

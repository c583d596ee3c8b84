//! End-to-end tests of the `decruft` binary on the samples and on hostile inputs. They need
//! nothing outside the repository (the seeds' gold labels are copied into tests/fixtures).

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn decruft() -> Command {
    Command::cargo_bin("decruft").unwrap()
}

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// Every file under `dir`, relative path -> bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .to_string();
            out.insert(rel, fs::read(e.path()).unwrap());
        }
    }
    out
}

fn clean(inputs: &[&Path], out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut cmd = decruft();
    cmd.arg("clean")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .args(extra);
    cmd.assert()
}

fn nonblank(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn samples_match_the_gold_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    clean(&[&repo("samples")], tmp.path(), &["-q"]).success();
    let gold_dir = repo("tests/fixtures/seeds-gold");
    let mut n = 0;
    for e in fs::read_dir(&gold_dir).unwrap() {
        let path = e.unwrap().path();
        let gold: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let got = fs::read_to_string(tmp.path().join(format!("{name}.txt"))).unwrap();
        assert_eq!(
            nonblank(&got),
            nonblank(gold["clean"].as_str().unwrap()),
            "{name}"
        );
        n += 1;
    }
    assert_eq!(n, 5);
}

#[test]
fn summary_counts_equal_provenance_and_seeds_remove_29_lines() {
    let tmp = tempfile::tempdir().unwrap();
    clean(&[&repo("samples")], tmp.path(), &["-q"]).success();
    let records: Vec<decruft::provenance::Record> =
        fs::read_to_string(tmp.path().join("provenance.jsonl"))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    assert_eq!(records.len(), 5);
    let summary: serde_json::Value =
        serde_json::from_slice(&fs::read(tmp.path().join("summary.json")).unwrap()).unwrap();
    let by_reason = decruft::count_by_reason(&records);
    for (reason, count) in &by_reason {
        assert_eq!(
            summary["removed"][reason]["blocks"], count.blocks,
            "{reason}"
        );
        assert_eq!(summary["removed"][reason]["bytes"], count.bytes, "{reason}");
    }
    // The seeds' 29 noise lines, each removed with a reason other than whitespace.
    let removed_lines: usize = records
        .iter()
        .flat_map(|r| &r.spans)
        .filter(|s| s.reason.as_deref().is_some_and(|r| r != "whitespace"))
        .map(|s| {
            s.text
                .as_deref()
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count()
        })
        .sum();
    assert_eq!(removed_lines, 29);
    assert_eq!(summary["documents"], 5);
    assert_eq!(summary["failed"], 0);
}

#[test]
fn verify_passes_and_catches_one_changed_byte() {
    let tmp = tempfile::tempdir().unwrap();
    clean(&[&repo("samples")], tmp.path(), &["-q"]).success();
    decruft().arg("verify").arg(tmp.path()).assert().success();
    let f = tmp.path().join("003_2f805031c8afe74d.txt");
    let mut bytes = fs::read(&f).unwrap();
    bytes[10] ^= 0x20;
    fs::write(&f, bytes).unwrap();
    let out = decruft().arg("verify").arg(tmp.path()).assert().code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("003_2f805031c8afe74d.txt"), "{stdout}");
    assert_eq!(stdout.lines().count(), 1);
}

#[test]
fn output_is_identical_for_any_number_of_jobs() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    clean(&[&repo("samples")], a.path(), &["-q", "--jobs", "1"]).success();
    clean(&[&repo("samples")], b.path(), &["-q", "--jobs", "2"]).success();
    assert_eq!(tree(a.path()), tree(b.path()));
}

/// A folder of hostile inputs: each bad file gets one stderr line and a summary entry, the
/// good ones are cleaned and verify, the exit code is 1, and no temporary file is left.
#[test]
fn hostile_inputs_are_reported_and_the_rest_is_cleaned() {
    let inp = tempfile::tempdir().unwrap();
    let d = inp.path();
    let mut rng = 0x2545f4914f6cdd1du64;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng as u8
        })
        .collect();
    fs::write(d.join("random.bin"), &random).unwrap();
    fs::write(d.join("empty.txt"), b"").unwrap();
    fs::write(
        d.join("invalid-utf8.txt"),
        b"Headline\nCaf\xe9 au lait, \xff\xfe text.\nShare on Facebook\n",
    )
    .unwrap();
    fs::write(
        d.join("crlf.txt"),
        b"Headline\r\n\r\nBody one.\r\n\r\n\r\nLeave a Reply\r\n",
    )
    .unwrap();
    fs::write(
        d.join("bom.txt"),
        "\u{feff}Headline\nBody.\nAdvertisement\nMore body.".as_bytes(),
    )
    .unwrap();
    fs::write(
        d.join("nbsp.txt"),
        "Head\u{a0}line\n\u{a0}\nBody.\n".as_bytes(),
    )
    .unwrap();
    let long = "word ".repeat(1_000_000);
    fs::write(d.join("long-line.txt"), long.as_bytes()).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(
        "Title\n\nText of a gzipped article.\n"
            .repeat(50)
            .as_bytes(),
    )
    .unwrap();
    let gz = gz.finish().unwrap();
    fs::write(d.join("good.txt.gz"), &gz).unwrap();
    fs::write(d.join("truncated.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
        let fifo = d.join("fifo.txt");
        let ok = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mkfifo failed");
    }
    let out = tempfile::tempdir().unwrap();
    let missing = d.join("missing-dir");
    let assert = clean(&[d, &missing], out.path(), &[]).code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    for (name, cause) in [
        ("random.bin", "binary"),
        ("empty.txt", "empty file"),
        ("truncated.txt.gz", "truncated gzip"),
        ("dangling.txt", "dangling symbolic link"),
        ("fifo.txt", "FIFO"),
        ("missing-dir", "no such file"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {stderr}"));
        assert!(line.contains(cause), "{line}");
    }
    assert!(
        stderr.contains("invalid-utf8.txt: invalid UTF-8"),
        "{stderr}"
    );
    let files = tree(out.path());
    for name in [
        "invalid-utf8.txt",
        "crlf.txt",
        "bom.txt",
        "nbsp.txt",
        "long-line.txt",
        "good.txt",
    ] {
        assert!(
            files.contains_key(name),
            "{name} missing: {:?}",
            files.keys()
        );
    }
    assert!(
        !files.keys().any(|k| k.contains(".tmp")),
        "temporary file left: {:?}",
        files.keys()
    );
    assert!(!files.contains_key("empty.txt") && !files.contains_key("random.bin.txt"));
    assert_eq!(files["crlf.txt"], b"Headline\r\n\r\nBody one.\r\n");
    assert_eq!(
        files["invalid-utf8.txt"],
        b"Headline\nCaf\xe9 au lait, \xff\xfe text.\n"
    );
    assert_eq!(
        files["bom.txt"],
        "\u{feff}Headline\nBody.\nMore body.".as_bytes()
    );
    assert_eq!(files["long-line.txt"].len(), long.len());
    let summary: serde_json::Value = serde_json::from_slice(&files["summary.json"]).unwrap();
    assert_eq!(summary["failed"], 6);
    assert_eq!(summary["documents"], 6);
    decruft().arg("verify").arg(out.path()).assert().success();
}

#[test]
fn folder_layout_is_mirrored_and_names_normalised() {
    let inp = tempfile::tempdir().unwrap();
    fs::create_dir_all(inp.path().join("a/b")).unwrap();
    fs::write(inp.path().join("a/b/one.text"), b"Body.\n").unwrap();
    fs::write(inp.path().join("a/two.md"), b"Body.\n").unwrap();
    fs::write(inp.path().join(".hidden.txt"), b"Body.\n").unwrap();
    let single = inp.path().join("a/b/one.text");
    let out = tempfile::tempdir().unwrap();
    clean(&[inp.path()], out.path(), &["-q"]).success();
    let files = tree(out.path());
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "a/b/one.txt",
            "a/two.md.txt",
            "provenance.jsonl",
            "summary.json"
        ]
    );
    let out2 = tempfile::tempdir().unwrap();
    clean(&[&single], out2.path(), &["-q"]).success();
    assert!(out2.path().join("one.txt").is_file());
}

#[test]
fn output_folder_inside_the_input_is_not_read_back() {
    let inp = tempfile::tempdir().unwrap();
    fs::write(inp.path().join("doc.txt"), b"Body.\n").unwrap();
    let out = inp.path().join("cleaned");
    clean(&[inp.path()], &out, &["-q"]).success();
    clean(&[inp.path()], &out, &["-q"]).success();
    let summary: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["documents"], 1);
}

#[test]
fn user_rules_add_phrases_and_protect_lines() {
    let inp = tempfile::tempdir().unwrap();
    fs::write(
        inp.path().join("doc.txt"),
        b"Headline\nBody about the news.\nBrought to you by Acme Corp\nAdvertisement\n",
    )
    .unwrap();
    let rules = inp.path().join("rules.tsv");
    fs::write(
        &rules,
        "house_ad promo prefix:8 brought to you by\nkeep_ads keep line advertisement\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    clean(
        &[&inp.path().join("doc.txt")],
        out.path(),
        &["-q", "--rules", rules.to_str().unwrap()],
    )
    .success();
    assert_eq!(
        fs::read(out.path().join("doc.txt")).unwrap(),
        b"Headline\nBody about the news.\nAdvertisement\n"
    );
    let prov = fs::read_to_string(out.path().join("provenance.jsonl")).unwrap();
    assert!(prov.contains("\"rule\":\"house_ad\""), "{prov}");
}

#[test]
fn usage_errors_exit_2() {
    decruft().arg("clean").assert().code(2);
    decruft()
        .args(["clean", "x", "--out", "y", "--dedup", "sometimes"])
        .assert()
        .code(2);
    let tmp = tempfile::tempdir().unwrap();
    let rules = tmp.path().join("bad.tsv");
    fs::write(&rules, "rule promo nonsense phrase\n").unwrap();
    let assert = clean(
        &[&repo("samples")],
        &tmp.path().join("o"),
        &["--rules", rules.to_str().unwrap()],
    )
    .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("bad.tsv:1"), "{stderr}");
    decruft()
        .args(["verify", "/nonexistent/dir"])
        .assert()
        .code(2);
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["clean", "--help"],
        vec!["verify", "--help"],
    ] {
        let out = decruft().args(&args).assert().success();
        assert!(!out.get_output().stdout.is_empty());
    }
}

/// Line-level scores as `score.py noisy` computes them: (content kept, content, noise removed,
/// noise) over a gold folder and an output folder.
fn noisy_scores(docs: &Path, gold: &Path, out: &Path) -> (usize, usize, usize, usize) {
    use std::collections::HashMap;
    let (mut ck, mut ct, mut nr, mut nt) = (0, 0, 0, 0);
    for e in fs::read_dir(gold).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let g: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        let src = fs::read_to_string(docs.join(format!("{name}.txt"))).unwrap();
        let (mut content, mut noise): (HashMap<&str, usize>, HashMap<&str, usize>) =
            Default::default();
        for (t, lbl) in src.split('\n').zip(g["lines"].as_array().unwrap()) {
            let (t, lbl) = (t.trim(), lbl.as_str().unwrap());
            if lbl == "blank" || t.is_empty() {
                continue;
            }
            *(if lbl == "content" {
                &mut content
            } else {
                &mut noise
            })
            .entry(t)
            .or_default() += 1;
        }
        let pred = fs::read_to_string(out.join(format!("{name}.txt"))).unwrap_or_default();
        let mut got: HashMap<&str, usize> = HashMap::new();
        for l in pred.lines().map(str::trim).filter(|l| !l.is_empty()) {
            *got.entry(l).or_default() += 1;
        }
        let keys: std::collections::HashSet<&str> =
            content.keys().chain(noise.keys()).copied().collect();
        for t in keys {
            let (c, n, o) = (
                content.get(t).copied().unwrap_or(0),
                noise.get(t).copied().unwrap_or(0),
                got.get(t).copied().unwrap_or(0),
            );
            ck += o.min(c);
            ct += c;
            nt += n;
            nr += n - o.saturating_sub(c).min(n);
        }
    }
    (ck, ct, nr, nt)
}

/// An independently written multilingual set (en, fr, de, es) of widgets from platforms the
/// built-in vocabulary was not written against: every content line kept, most noise removed.
#[test]
fn independent_multilingual_widget_set() {
    let dir = repo("tests/fixtures/widgets");
    let out = tempfile::tempdir().unwrap();
    clean(&[&dir.join("docs")], out.path(), &["-q"]).success();
    let (ck, ct, nr, nt) = noisy_scores(&dir.join("docs"), &dir.join("gold"), out.path());
    assert_eq!(ck, ct, "content lines lost");
    assert!(nr as f64 / nt as f64 >= 0.98, "noise removed {nr}/{nt}");
}

/// `--dedup corpus`: a syndicated copy's paragraphs (reordered, with chrome around them) point
/// at the first document in sorted order; short lines are left alone; any --jobs agrees.
#[test]
fn corpus_dedup_points_at_the_first_copy() {
    let inp = tempfile::tempdir().unwrap();
    let p1 = "Cambodian police arrested more than a thousand suspects in raids on scam compounds this week.";
    let p2 = "The crackdown followed an order from the prime minister to root out online fraud networks.";
    fs::write(
        inp.path().join("a.txt"),
        format!("Scam raids\n\n{p1}\n\n{p2}\n\nConclusion\n"),
    )
    .unwrap();
    fs::write(
        inp.path().join("b.txt"),
        format!("Other headline\n\n{p2}\n\nShare on Facebook\n\n{p1}\n\nConclusion\n\nA sentence only this copy has, about something else entirely.\n"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    clean(
        &[inp.path()],
        out.path(),
        &["-q", "--dedup", "corpus", "--jobs", "1"],
    )
    .success();
    assert_eq!(
        fs::read_to_string(out.path().join("b.txt")).unwrap(),
        "Other headline\n\nConclusion\n\nA sentence only this copy has, about something else entirely.\n"
    );
    let prov = fs::read_to_string(out.path().join("provenance.jsonl")).unwrap();
    let b: decruft::provenance::Record =
        serde_json::from_str(prov.lines().nth(1).unwrap()).unwrap();
    let dups: Vec<_> = b
        .spans
        .iter()
        .filter_map(|s| s.duplicate_of.as_ref())
        .collect();
    assert_eq!(dups.len(), 2);
    let a_src = fs::read(inp.path().join("a.txt")).unwrap();
    for d in dups {
        assert_eq!(d.doc, "a.txt");
        let kept = &a_src[d.start as usize..d.end as usize];
        assert!(kept == p1.as_bytes() || kept == p2.as_bytes());
    }
    let out2 = tempfile::tempdir().unwrap();
    clean(
        &[inp.path()],
        out2.path(),
        &["-q", "--dedup", "corpus", "--jobs", "2"],
    )
    .success();
    assert_eq!(tree(out.path()), tree(out2.path()));
    decruft().arg("verify").arg(out.path()).assert().success();
}

/// JSONL: other fields pass through in order, the text is cleaned, bad records are reported
/// by line, `-` on stdin gives the same bytes as the file, and verify rebuilds every record.
#[test]
fn jsonl_records_from_a_file_and_from_stdin() {
    let inp = tempfile::tempdir().unwrap();
    let rec = |id: &str, text: &str| {
        serde_json::json!({"url": "https://example.org/x", "id": id, "text": text, "lang": "en"})
            .to_string()
    };
    // A record with no text field but an `html` field is cleaned as an HTML page.
    let page = "<html><body><nav><a href=/>Home</a> <a href=/about>About</a></nav><article>\
        <h1>Page</h1><p>The article of this page, with enough words in it to be its main \
        content.</p><p>A second paragraph of the same article.</p></article></body></html>";
    let body = format!(
        "{}\n{}\nnot json\n{}\n{}\n",
        rec(
            "a",
            "Headline\n\nBody of the article.\n\nShare on Facebook\n"
        ),
        rec("b", "Other\nLeave a Reply\n"),
        serde_json::json!({"id": 3, "body": "no text field"}),
        serde_json::json!({"id": "h", "html": page, "lang": "en"})
    );
    let file = inp.path().join("x.jsonl");
    fs::write(&file, &body).unwrap();
    let out = tempfile::tempdir().unwrap();
    let assert = clean(&[&file], out.path(), &[]).code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("x.jsonl: line 3: not JSON"), "{stderr}");
    assert!(
        stderr.contains("x.jsonl: line 4: no field \"text\""),
        "{stderr}"
    );
    let written = fs::read_to_string(out.path().join("x.jsonl")).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let first: serde_json::Value = serde_json::from_str(written.lines().next().unwrap()).unwrap();
    assert_eq!(keys(&first), ["url", "id", "text", "lang", "decruft"]);
    assert_eq!(first["text"], "Headline\n\nBody of the article.\n");
    assert_eq!(first["decruft"]["removed"][1]["reason"], "share");
    assert_eq!(written.lines().count(), 3);
    let html: serde_json::Value = serde_json::from_str(written.lines().nth(2).unwrap()).unwrap();
    assert_eq!(keys(&html), ["id", "text", "lang", "decruft"]);
    assert_eq!(
        html["text"],
        "Page\n\nThe article of this page, with enough words in it to be its main content.\n\n\
         A second paragraph of the same article.\n"
    );
    assert_eq!(html["decruft"]["page"]["format"], "html");
    decruft().arg("verify").arg(out.path()).assert().success();
    let piped = decruft()
        .args(["clean", "-q", "--format", "jsonl", "-"])
        .write_stdin(body)
        .assert()
        .code(1);
    assert_eq!(piped.get_output().stdout, written.as_bytes());
}

/// index / merge / clean --decisions over 1, 2 and 3 shards give the same clean texts and
/// provenance records as one `clean --dedup corpus` run.
#[test]
fn sharded_phases_equal_the_single_run() {
    let inp = tempfile::tempdir().unwrap();
    let para = |k: usize| {
        format!("Paragraph number {k} of the original story, long enough to count as a copy.")
    };
    for d in 0..7 {
        let body: Vec<String> = (0..4).map(|k| para((d * 3 + k) % 9)).collect();
        fs::write(
            inp.path().join(format!("d{d}.txt")),
            format!("Headline {d}\n\n{}\n", body.join("\n\n")),
        )
        .unwrap();
    }
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let single = w.join("single");
    clean(&[inp.path()], &single, &["-q", "--dedup", "corpus"]).success();
    let expected = tree(&single);
    let prov = |t: &BTreeMap<String, Vec<u8>>| {
        let mut lines: Vec<String> = t
            .iter()
            .filter(|(k, _)| k.ends_with("provenance.jsonl"))
            .flat_map(|(_, v)| {
                String::from_utf8_lossy(v)
                    .lines()
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect();
        lines.sort();
        lines
    };
    for n in 1..=3 {
        let mut idx = Vec::new();
        for i in 0..n {
            let f = w.join(format!("idx-{n}-{i}"));
            decruft()
                .arg("index")
                .arg(inp.path())
                .args(["--shard", &format!("{i}/{n}"), "--out"])
                .arg(&f)
                .assert()
                .success();
            idx.push(f);
        }
        let mut decs = Vec::new();
        for k in 0..2 {
            let f = w.join(format!("dec-{n}-{k}"));
            decruft()
                .arg("merge")
                .args(&idx)
                .args(["--bucket", &format!("{k}/2"), "--out"])
                .arg(&f)
                .assert()
                .success();
            decs.push(f);
        }
        let mut union = BTreeMap::new();
        let mut all_prov = BTreeMap::new();
        for i in 0..n {
            let out = w.join(format!("out-{n}-{i}"));
            let mut cmd = decruft();
            cmd.arg("clean")
                .arg("-q")
                .arg(inp.path())
                .args(["--shard", &format!("{i}/{n}"), "--out"])
                .arg(&out)
                .arg("--decisions")
                .args(&decs);
            cmd.assert().success();
            for (k, v) in tree(&out) {
                if k.ends_with(".txt") {
                    union.insert(k, v);
                } else if k == "provenance.jsonl" {
                    all_prov.insert(format!("{i}/provenance.jsonl"), v);
                }
            }
        }
        let texts: BTreeMap<String, Vec<u8>> = expected
            .iter()
            .filter(|(k, _)| k.ends_with(".txt"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(union, texts, "{n} shards: clean texts");
        assert_eq!(prov(&all_prov), prov(&expected), "{n} shards: provenance");
    }
    let prov_text = String::from_utf8_lossy(&expected["provenance.jsonl"]).to_string();
    assert!(prov_text.contains("\"rule\":\"corpus_dedup\""));
}

/// Common Crawl WET (plain text) and WARC (HTML responses): one cleaned JSON record per page,
/// the URI as id; a truncated file is an error naming it.
#[test]
fn wet_and_warc_records() {
    let inp = tempfile::tempdir().unwrap();
    let rec = |kind: &str, uri: &str, body: &str| {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
            body.len()
        )
    };
    let wet = rec("warcinfo", "", "x")
        + &rec(
            "conversion",
            "https://example.org/a",
            "Headline\nBody text.\nShare on Facebook\n",
        );
    fs::write(inp.path().join("crawl.warc.wet"), &wet).unwrap();
    let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>\
        <nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>\
        <article><h1>Title</h1><p>Body <b>text</b> of the article, which is long enough to be \
        the main content of the page.</p><p>Leave a Reply</p></article><script>x()</script>\
        </body></html>";
    let warc = rec("request", "https://example.org/b", "GET / HTTP/1.1\r\n\r\n")
        + &rec("response", "https://example.org/b", http);
    fs::write(inp.path().join("crawl2.warc"), &warc).unwrap();
    fs::write(inp.path().join("cut.wet"), &wet[..wet.len() - 30]).unwrap();
    let out = tempfile::tempdir().unwrap();
    let assert = clean(&[inp.path()], out.path(), &[]).code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("cut.wet: ") && stderr.contains("truncated WARC record"),
        "{stderr}"
    );
    let a: serde_json::Value = serde_json::from_str(
        fs::read_to_string(out.path().join("crawl.jsonl"))
            .unwrap()
            .trim(),
    )
    .unwrap();
    assert_eq!(a["id"], "https://example.org/a");
    assert_eq!(a["text"], "Headline\nBody text.\n");
    let b: serde_json::Value = serde_json::from_str(
        fs::read_to_string(out.path().join("crawl2.jsonl"))
            .unwrap()
            .trim(),
    )
    .unwrap();
    assert_eq!(b["id"], "https://example.org/b");
    // Extracted like an HTML file: the menu and the comment form go, with their rules.
    assert_eq!(
        b["text"],
        "Title\n\nBody text of the article, which is long enough to be the main content of the page.\n"
    );
    assert!(b.get("html").is_none());
    assert_eq!(b["decruft"]["page"]["format"], "html");
    let rules: Vec<&str> = b["decruft"]["removed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["rule"].as_str())
        .collect();
    assert!(rules.iter().any(|r| r.starts_with("html_")), "{rules:?}");
    assert!(!out.path().join("cut.jsonl").exists());
    decruft().arg("verify").arg(out.path()).assert().success();
}

/// `.zst` inputs are decompressed like `.gz`; a truncated one is an error naming it.
#[test]
fn zstd_inputs() {
    let inp = tempfile::tempdir().unwrap();
    let zst = fs::read(repo("tests/fixtures/zst/seed-003.txt.zst")).unwrap();
    fs::write(inp.path().join("seed.txt.zst"), &zst).unwrap();
    fs::write(inp.path().join("cut.txt.zst"), &zst[..zst.len() / 2]).unwrap();
    let out = tempfile::tempdir().unwrap();
    let assert = clean(&[inp.path()], out.path(), &[]).code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("cut.txt.zst: truncated zstd stream"),
        "{stderr}"
    );
    let plain = tempfile::tempdir().unwrap();
    clean(
        &[&repo("samples/003_2f805031c8afe74d.txt")],
        plain.path(),
        &["-q"],
    )
    .success();
    assert_eq!(
        fs::read(out.path().join("seed.txt")).unwrap(),
        fs::read(plain.path().join("003_2f805031c8afe74d.txt")).unwrap()
    );
    decruft().arg("verify").arg(out.path()).assert().success();
}

/// `--dedup corpus` over JSONL records: a record's copied paragraph points at the earlier
/// record (by its id), also across files, and sharded runs agree with the single run.
#[test]
fn corpus_dedup_over_jsonl_records() {
    let inp = tempfile::tempdir().unwrap();
    let para = "Cambodian police arrested more than a thousand suspects in raids on scam compounds this week, officials said.";
    let rec = |id: &str, text: String| serde_json::json!({"id": id, "text": text}).to_string();
    fs::write(
        inp.path().join("a.jsonl"),
        format!(
            "{}\n{}\n",
            rec("a1", format!("Headline\n{para}\n")),
            rec(
                "a2",
                "Other story, nothing shared with the first one at all here.\n".into()
            )
        ),
    )
    .unwrap();
    fs::write(
        inp.path().join("b.jsonl"),
        format!(
            "{}\n",
            rec("b1", format!("Copy\n{}\n", para.to_uppercase()))
        ),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    clean(&[inp.path()], out.path(), &["-q", "--dedup", "corpus"]).success();
    let b: serde_json::Value = serde_json::from_str(
        fs::read_to_string(out.path().join("b.jsonl"))
            .unwrap()
            .trim(),
    )
    .unwrap();
    assert_eq!(b["text"], "Copy\n");
    let dup = &b["decruft"]["removed"][0]["duplicate_of"];
    assert_eq!(dup["doc"], "a1");
    decruft().arg("verify").arg(out.path()).assert().success();
    let w = tempfile::tempdir().unwrap();
    let mut records = Vec::new();
    for i in 0..2 {
        let idx = w.path().join(format!("idx-{i}"));
        decruft()
            .arg("index")
            .arg(inp.path())
            .args(["--shard", &format!("{i}/2"), "--out"])
            .arg(&idx)
            .assert()
            .success();
    }
    let dec = w.path().join("dec");
    decruft()
        .arg("merge")
        .arg(w.path().join("idx-0"))
        .arg(w.path().join("idx-1"))
        .arg("--out")
        .arg(&dec)
        .assert()
        .success();
    for i in 0..2 {
        let o = w.path().join(format!("out-{i}"));
        decruft()
            .args(["clean", "-q"])
            .arg(inp.path())
            .args(["--shard", &format!("{i}/2"), "--decisions"])
            .arg(&dec)
            .arg("--out")
            .arg(&o)
            .assert()
            .success();
        for (k, v) in tree(&o) {
            if k.ends_with(".jsonl") && k != "provenance.jsonl" {
                records.push((k, v));
            }
        }
    }
    records.sort();
    let single: Vec<(String, Vec<u8>)> = tree(out.path())
        .into_iter()
        .filter(|(k, _)| k.ends_with(".jsonl") && k != "provenance.jsonl")
        .collect();
    assert_eq!(records, single);
}

/// HTML pages: the article is extracted, chrome goes with reasons and paths, `verify` checks
/// the page text, and malformed pages are errors or cleaned, never a panic or a hang.
#[test]
fn html_pages_and_malformed_html() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let para = "The council voted on Tuesday to extend the library's opening hours, after a year in which visits rose by a third and the reading rooms were often full.";
    let page = format!(
        "<!doctype html><html><head><meta charset=utf-8><title>Library hours - Town News</title></head><body>\
         <header><nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav></header>\
         <main><article><h1>Library hours</h1><p>{para}</p><p>{para} Residents welcomed it.</p>\
         <div class=share><a href=#>Share on Facebook</a> <a href=#>Tweet</a></div></article>\
         <aside class=related><h3>Related</h3><ul><li><a href=/a>Another story</a></li></ul></aside></main>\
         <footer><p>© 2026 Town News</p></footer></body></html>"
    );
    fs::write(input.join("story.html"), &page).unwrap();
    let deep = "<div>".repeat(100_000) + &format!("<p>{para}</p>") + &"</div>".repeat(100_000);
    fs::write(input.join("deep.html"), deep).unwrap();
    fs::write(input.join("latin1.html"), b"<meta charset=\"iso-8859-1\"><p>Caf\xe9 cr\xe8me, na\xefve fa\xe7ade: a long enough sentence of page text here.</p>").unwrap();
    fs::write(input.join("garbage.html"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    fs::write(
        input.join("notext.html"),
        "<html><script>x()</script><img src=a.png></html>",
    )
    .unwrap();
    let out = dir.path().join("out");
    let assert = clean(&[&input], &out, &[]).code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("garbage.html: binary file"), "{stderr}");
    assert!(stderr.contains("notext.html: no text found"), "{stderr}");
    assert!(
        stderr.contains("deep.html: elements nested deeper than"),
        "{stderr}"
    );
    let story = fs::read_to_string(out.join("story.txt")).unwrap();
    assert_eq!(story, format!("{para}\n\n{para} Residents welcomed it.\n"));
    assert!(
        fs::read_to_string(out.join("deep.txt"))
            .unwrap()
            .contains("library")
    );
    assert!(
        fs::read_to_string(out.join("latin1.txt"))
            .unwrap()
            .starts_with("Café crème")
    );
    let prov = fs::read_to_string(out.join("provenance.jsonl")).unwrap();
    let rec: serde_json::Value = prov
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .find(|r: &serde_json::Value| r["id"] == "story.html")
        .unwrap();
    assert_eq!(rec["page"]["format"], "html");
    let removed: Vec<(&str, &str)> = rec["spans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["action"] == "remove" && s["reason"] != "whitespace")
        .map(|s| {
            (
                s["reason"].as_str().unwrap(),
                s["evidence"]["path"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        removed
            .iter()
            .any(|(r, p)| *r == "navigation" && p.contains("nav")),
        "{removed:?}"
    );
    assert!(removed.iter().any(|(r, _)| *r == "share"), "{removed:?}");
    decruft().arg("verify").arg(&out).assert().success();
}

/// `--dedup corpus` over HTML pages: a paragraph copied from an earlier page, exactly or
/// slightly reworded, points at that page's text; verify rebuilds both; any --jobs agrees.
#[test]
fn corpus_dedup_over_html_pages() {
    let inp = tempfile::tempdir().unwrap();
    let shared = "Cambodian police arrested more than a thousand suspects in raids on scam compounds across the country this week, officials said on Friday.";
    let reworded = "Cambodian police detained more than a thousand suspects in raids on scam compounds across the country this week, officials said on Friday.";
    let page = |title: &str, paras: &[&str]| {
        let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
        format!(
            "<html><head><title>{title}</title></head><body><nav><a href=/>Home</a> <a href=/w>World</a></nav><article><h1>{title}</h1>\n{body}</article><footer>© Example News</footer></body></html>"
        )
    };
    let own = |k: &str| {
        let words = [
            "harbour", "violin", "glacier", "senate", "orchard", "tram", "comet", "bakery",
            "marathon", "lagoon", "archive", "falcon", "quarry", "lantern", "meadow", "cipher",
        ];
        let seed = k.bytes().fold(7u64, |h, b| {
            (h.wrapping_mul(31) + b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        });
        let pick: Vec<&str> = (0..12)
            .map(|i| words[(seed >> (4 * i)) as usize % 16])
            .collect();
        format!(
            "Story {k} alone mentions the {} and then {}.",
            pick[..6].join(" and the "),
            pick[6..].join(", ")
        )
    };
    fs::write(
        inp.path().join("a.html"),
        page("Scam raids", &[shared, &own("a"), &own("a2")]),
    )
    .unwrap();
    fs::write(
        inp.path().join("b.html"),
        page("Raids, a copy", &[&own("b"), shared, &own("b2")]),
    )
    .unwrap();
    fs::write(
        inp.path().join("c.html"),
        page("Raids, reworded", &[&own("c"), reworded, &own("c2")]),
    )
    .unwrap();
    // A JSONL record holding a page takes part too.
    let record = serde_json::json!({"id": "d1", "html": page("Raids again", &[shared, &own("d")])});
    fs::write(inp.path().join("d.jsonl"), format!("{record}\n")).unwrap();
    let out = tempfile::tempdir().unwrap();
    clean(
        &[inp.path()],
        out.path(),
        &["-q", "--dedup", "corpus", "--jobs", "1"],
    )
    .success();
    let d: serde_json::Value = serde_json::from_str(
        fs::read_to_string(out.path().join("d.jsonl"))
            .unwrap()
            .trim(),
    )
    .unwrap();
    assert!(d["text"].as_str().unwrap().contains("Story d alone"), "{d}");
    assert!(!d["text"].as_str().unwrap().contains("Cambodian"), "{d}");
    let removed = d["decruft"]["removed"].as_array().unwrap();
    let dup = removed
        .iter()
        .find(|r| r["rule"] == "corpus_dedup")
        .unwrap();
    assert_eq!(dup["duplicate_of"]["doc"], "a.html");
    let a_text = fs::read_to_string(out.path().join("a.txt")).unwrap();
    assert!(a_text.contains(shared), "{a_text}");
    for (name, rule) in [("b", "corpus_dedup"), ("c", "near_dedup")] {
        let text = fs::read_to_string(out.path().join(format!("{name}.txt"))).unwrap();
        assert!(!text.contains("Cambodian"), "{name}: {text}");
        assert!(
            text.contains(&format!("Story {name} alone")),
            "{name}: {text}"
        );
        let prov = fs::read_to_string(out.path().join("provenance.jsonl")).unwrap();
        let rec: decruft::provenance::Record = prov
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .find(|r: &decruft::provenance::Record| r.id == format!("{name}.html"))
            .unwrap();
        let span = rec
            .spans
            .iter()
            .find(|s| s.rule.as_deref() == Some(rule))
            .unwrap_or_else(|| panic!("{name}: no {rule} span"));
        let d = span.duplicate_of.as_ref().unwrap();
        assert_eq!(d.doc, "a.html");
        // The pointer is into a.html's page text, where the paragraph is a line of its own.
        let a = fs::read(inp.path().join("a.html")).unwrap();
        let cleaner = decruft::Cleaner::new(None, decruft::dedup::Mode::Doc);
        let a_page = cleaner.html_page_text(&a).unwrap();
        assert_eq!(&a_page[d.start as usize..d.end as usize], shared.as_bytes());
    }
    let out2 = tempfile::tempdir().unwrap();
    clean(
        &[inp.path()],
        out2.path(),
        &["-q", "--dedup", "corpus", "--jobs", "2"],
    )
    .success();
    assert_eq!(tree(out.path()), tree(out2.path()));
    decruft().arg("verify").arg(out.path()).assert().success();
}

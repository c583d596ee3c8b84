//! End-to-end tests of `decruft audit` on the samples: the summary's numbers against a
//! recount from provenance.jsonl and against summary.json, the document view of seed 003, the
//! HTML report's self-containment and content, and malformed input. They need nothing outside
//! the repository (the browser check is bench/audit_browser.sh).

use assert_cmd::Command;
use decruft::provenance::{Action, Record};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const SEED_003: &str = "003_2f805031c8afe74d.txt";

fn decruft() -> Command {
    Command::cargo_bin("decruft").unwrap()
}

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// `decruft clean samples` into a fresh folder.
fn cleaned_samples() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    decruft()
        .args(["clean", "-q"])
        .arg(repo("samples"))
        .arg("--out")
        .arg(tmp.path())
        .assert()
        .success();
    tmp
}

fn records(dir: &Path) -> Vec<Record> {
    fs::read_to_string(dir.join("provenance.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn audit_json(dir: &Path, extra: &[&str]) -> Value {
    let out = decruft()
        .arg("audit")
        .arg(dir)
        .arg("--json")
        .args(extra)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// Non-blank lines of removed text, whitespace collapsed, with their reasons.
fn removed_lines(recs: &[Record]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in recs
        .iter()
        .flat_map(|r| &r.spans)
        .filter(|s| s.action == Action::Remove)
    {
        for l in s.text.as_deref().unwrap().lines() {
            let norm = l.split_whitespace().collect::<Vec<_>>().join(" ");
            if !norm.is_empty() {
                out.push((norm, s.reason.clone().unwrap()));
            }
        }
    }
    out
}

#[test]
fn audit_counts_equal_provenance_and_summary_json() {
    let tmp = cleaned_samples();
    let recs = records(tmp.path());
    let a = audit_json(tmp.path(), &["--top", "1000"]);
    let summary: Value =
        serde_json::from_slice(&fs::read(tmp.path().join("summary.json")).unwrap()).unwrap();
    assert_eq!(a["schema"], "decruft.audit/1");

    // Totals, recomputed from the records.
    let bytes_in: u64 = recs.iter().map(|r| r.bytes_in).sum();
    let bytes_out: u64 = recs.iter().map(|r| r.bytes_out).sum();
    assert_eq!(a["documents"], recs.len() as u64);
    assert_eq!(a["bytes_in"], bytes_in);
    assert_eq!(a["bytes_out"], bytes_out);
    assert_eq!(a["bytes_removed"], bytes_in - bytes_out);
    for k in [
        "documents",
        "bytes_in",
        "bytes_out",
        "bytes_removed",
        "failed",
    ] {
        assert_eq!(a[k], summary[k], "{k}");
    }

    // Per reason: blocks, bytes, lines, documents.
    let mut by_reason: BTreeMap<String, (u64, u64, u64, u64)> = BTreeMap::new();
    for r in &recs {
        let mut seen = std::collections::BTreeSet::new();
        for s in r.spans.iter().filter(|s| s.action == Action::Remove) {
            let reason = s.reason.clone().unwrap();
            let e = by_reason.entry(reason.clone()).or_default();
            e.0 += 1;
            e.1 += s.end - s.start;
            e.2 += s
                .text
                .as_deref()
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count() as u64;
            if seen.insert(reason) {
                e.3 += 1;
            }
        }
    }
    let reasons = a["reasons"].as_object().unwrap();
    assert_eq!(reasons.len(), by_reason.len());
    assert_eq!(
        summary["removed"].as_object().unwrap().len(),
        by_reason.len()
    );
    for (reason, (blocks, bytes, lines, docs)) in &by_reason {
        let got = &reasons[reason];
        assert_eq!(got["blocks"], *blocks, "{reason}");
        assert_eq!(got["bytes"], *bytes, "{reason}");
        assert_eq!(got["lines"], *lines, "{reason}");
        assert_eq!(got["documents"], *docs, "{reason}");
        assert_eq!(
            got["blocks"], summary["removed"][reason]["blocks"],
            "{reason}"
        );
        assert_eq!(
            got["bytes"], summary["removed"][reason]["bytes"],
            "{reason}"
        );
    }
    assert_eq!(a["rules"], summary["rules"]);
    assert_eq!(a["summary_json"]["found"], true);
    assert_eq!(a["summary_json"]["mismatches"], serde_json::json!([]));

    // The seeds' 29 removed lines, every one listed with its reason.
    let lines = removed_lines(&recs);
    assert_eq!(lines.len(), 29);
    assert_eq!(a["lines_removed"], 29);
    let top = a["top_lines"].as_array().unwrap();
    assert_eq!(
        top.iter()
            .map(|l| l["count"].as_u64().unwrap())
            .sum::<u64>(),
        29
    );
    for (text, reason) in &lines {
        let entry = top
            .iter()
            .find(|l| l["text"] == text.as_str())
            .unwrap_or_else(|| panic!("{text} not listed"));
        assert!(entry["reasons"][reason].as_u64().unwrap() >= 1, "{text}");
    }

    // Share histogram and top documents.
    let hist = a["share_histogram"].as_array().unwrap();
    assert_eq!(hist.len(), 10);
    assert_eq!(
        hist.iter()
            .map(|b| b["documents"].as_u64().unwrap())
            .sum::<u64>(),
        5
    );
    let top_docs = a["top_documents"].as_array().unwrap();
    assert_eq!(top_docs[0]["id"], SEED_003);
    let r003 = recs.iter().find(|r| r.id == SEED_003).unwrap();
    assert_eq!(top_docs[0]["bytes_removed"], r003.bytes_in - r003.bytes_out);
}

#[test]
fn terminal_summary_shows_reasons_lines_and_the_check() {
    let tmp = cleaned_samples();
    let a = decruft()
        .arg("audit")
        .arg(tmp.path())
        .args(["--top", "30"])
        .assert()
        .success();
    let out = stdout(&a);
    assert!(!out.contains('\x1b'), "no colour when not a terminal");
    assert!(out.contains("5 cleaned, 0 failed"), "{out}");
    assert!(out.contains("29 non-blank lines"), "{out}");
    assert!(out.contains("summary.json every count matches"), "{out}");
    for (text, reason) in removed_lines(&records(tmp.path())) {
        let short: String = text.chars().take(60).collect();
        assert!(
            out.lines()
                .any(|l| l.contains(&short) && l.contains(&reason)),
            "{text} ({reason}) missing:\n{out}"
        );
    }
    // Forced colour.
    let a = decruft()
        .arg("audit")
        .arg(tmp.path())
        .args(["--color", "always"])
        .assert()
        .success();
    assert!(stdout(&a).contains("\x1b[1m"));
}

#[test]
fn reason_filter_restricts_everything() {
    let tmp = cleaned_samples();
    let a = audit_json(tmp.path(), &["--reason", "related"]);
    let reasons = a["reasons"].as_object().unwrap();
    assert_eq!(reasons.keys().collect::<Vec<_>>(), ["related"]);
    assert_eq!(a["bytes_removed"], reasons["related"]["bytes"]);
    assert_eq!(a["lines_removed"], 16);
    assert_eq!(a["documents_with_removals"], 1);
    for l in a["top_lines"].as_array().unwrap() {
        assert_eq!(
            l["reasons"].as_object().unwrap().keys().collect::<Vec<_>>(),
            ["related"]
        );
    }
    assert_eq!(a["summary_json"]["mismatches"], serde_json::json!([]));
}

#[test]
fn doc_view_of_seed_003_shows_removals_with_reasons_and_the_article_kept() {
    let tmp = cleaned_samples();
    let a = decruft()
        .arg("audit")
        .arg(tmp.path())
        .args(["--doc", "003"])
        .assert()
        .success();
    let out = stdout(&a);
    assert!(!out.contains('\x1b'));
    assert!(out.starts_with("--- "), "{out}");
    let removed = |line: &str, note: &str| {
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("-{line}")) && l.contains(note)),
            "-{line} with {note} missing:\n{out}"
        );
    };
    removed("Comments", "[comments · comment_widget");
    removed("No comments yet...", "[comments · comment_widget");
    removed("Try Our AI Features", "[promo · promo_phrase");
    removed("Explore what Daily8 AI", "[promo · promo_followup");
    removed("Hashtags", "[tags · tag_line");
    removed("Related Articles", "[related · related_block");
    for source in ["Reuters", "Economist", "Telegraph"] {
        removed(source, "[related · related_block");
        assert!(out.lines().any(|l| l == format!("-- {source}")), "{source}");
    }
    removed("Sri Lanka's apparel industry", "[related · related_block");
    removed("A savage squabble", "[related · related_block");
    removed("Telegraph style book", "[related · related_block");
    // Every line of the clean text is shown as kept, in order.
    let clean = fs::read_to_string(tmp.path().join(SEED_003)).unwrap();
    let kept: Vec<&str> = out.lines().filter_map(|l| l.strip_prefix(' ')).collect();
    assert_eq!(kept, clean.lines().collect::<Vec<_>>());
    assert!(kept[0].starts_with("Cambodia makes 1,000 arrests"));

    // The same as JSON.
    let j = audit_json(tmp.path(), &["--doc", SEED_003]);
    assert_eq!(j["id"], SEED_003);
    let rm = j["removed"].as_array().unwrap();
    assert!(
        rm.iter()
            .any(|s| s["reason"] == "comments" && s["text"] == "Comments\n")
    );
    assert_eq!(
        rm.iter().filter(|s| s["rule"] == "related_block").count(),
        7
    );
    assert_eq!(
        j["kept_lines"].as_array().unwrap().len(),
        clean.lines().count()
    );

    // Only the hunks around one reason.
    let a = decruft()
        .arg("audit")
        .arg(tmp.path())
        .args(["--doc", "003", "--reason", "comments", "--context", "0"])
        .assert()
        .success();
    let out = stdout(&a);
    assert!(out.contains("@@ -"), "{out}");
    assert!(!out.contains("Cambodia makes"), "{out}");
    assert!(out.contains("-Comments"), "{out}");
}

#[test]
fn unknown_or_ambiguous_doc_is_a_usage_error_naming_ids() {
    let tmp = cleaned_samples();
    let a = decruft()
        .arg("audit")
        .arg(tmp.path())
        .args(["--doc", "2f805031"])
        .assert()
        .code(2);
    let err = stderr(&a);
    assert!(err.contains("no document has the id \"2f805031\""), "{err}");
    assert!(err.contains(SEED_003), "{err}");
    let a = decruft()
        .arg("audit")
        .arg(tmp.path())
        .args(["--doc", "00"])
        .assert()
        .code(2);
    assert!(stderr(&a).contains("several ids start with"));
    decruft()
        .arg("audit")
        .arg(tmp.path().join("nope"))
        .assert()
        .code(2);
}

#[test]
fn html_report_is_self_contained_and_holds_every_removed_span() {
    let tmp = cleaned_samples();
    let report = tmp.path().join("report.html");
    decruft()
        .arg("audit")
        .arg(tmp.path())
        .arg("--html")
        .arg(&report)
        .assert()
        .success();
    let html = fs::read_to_string(&report).unwrap();
    for bad in [
        "http://", "https://", "<link", " src=", "@import", "url(", "<iframe",
    ] {
        assert!(!html.contains(bad), "report contains {bad}");
    }
    assert_eq!(
        html.matches("<script").count(),
        html.matches("</script>").count()
    );
    assert!(html.contains("id=\"chart-reasons\"") && html.contains("id=\"chart-share\""));
    assert!(html.contains("summary.json: every count matches provenance"));
    // Every document's embedded data: every removed span's text, reason and rule.
    let recs = records(tmp.path());
    let meta = script(&html, "meta");
    let reasons: Vec<&str> = meta["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let rules: Vec<&str> = meta["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(meta["docs"].as_array().unwrap().len(), recs.len());
    for (k, rec) in recs.iter().enumerate() {
        assert_eq!(meta["docs"][k][0], rec.id.as_str());
        let data = script(&html, &format!("d{k}"));
        let segs = data["g"].as_array().unwrap();
        let removed: Vec<_> = rec
            .spans
            .iter()
            .filter(|s| s.action == Action::Remove)
            .collect();
        let got: Vec<_> = segs
            .iter()
            .filter(|g| g.as_array().unwrap().len() > 2)
            .collect();
        assert_eq!(got.len(), removed.len(), "{}", rec.id);
        for (s, g) in removed.iter().zip(got) {
            assert_eq!(g[0], s.start);
            assert_eq!(g[1], s.text.as_deref().unwrap());
            assert_eq!(
                reasons[g[2].as_u64().unwrap() as usize],
                s.reason.as_deref().unwrap()
            );
            assert_eq!(
                rules[g[3].as_u64().unwrap() as usize],
                s.rule.as_deref().unwrap()
            );
        }
        // Kept and removed segments together are the source.
        let source: String = segs.iter().map(|g| g[1].as_str().unwrap()).collect();
        assert_eq!(source.as_bytes(), fs::read(&rec.source).unwrap());
    }
    // Removed lines in the static table are HTML-escaped.
    assert!(html.contains("No comments yet. Why don’t you start the discussion?"));
}

/// The JSON in `<script type="application/json" id="ID">`.
fn script(html: &str, id: &str) -> Value {
    let open = format!("<script type=\"application/json\" id=\"{id}\">");
    let start = html.find(&open).unwrap_or_else(|| panic!("no {id}")) + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn hostile_text_is_escaped_in_the_report() {
    let inp = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let doc = "A headline about the </script><script>alert(1)</script> tag\n\n\
               The article's first paragraph, with <b>markup</b> & \u{2028} separators.\n\n\
               Share on Facebook </script><img src=x onerror=alert(1)>\n";
    fs::write(inp.path().join("x.txt"), doc).unwrap();
    decruft()
        .args(["clean", "-q"])
        .arg(inp.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let report = out.path().join("r.html");
    decruft()
        .arg("audit")
        .arg(out.path())
        .arg("--html")
        .arg(&report)
        .assert()
        .success();
    let html = fs::read_to_string(&report).unwrap();
    assert!(!html.contains("<img"));
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains('\u{2028}'));
    let data = script(&html, "d0");
    let text: String = data["g"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g[1].as_str().unwrap())
        .collect();
    assert_eq!(text, doc);
}

#[test]
fn malformed_provenance_is_one_error_line_and_exit_1() {
    let tmp = cleaned_samples();
    let prov = tmp.path().join("provenance.jsonl");
    let good = fs::read_to_string(&prov).unwrap();

    // A line that is not a record.
    fs::write(&prov, format!("{good}{{\"schema\": 3}}\n")).unwrap();
    let a = decruft().arg("audit").arg(tmp.path()).assert().code(1);
    let err = stderr(&a);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("provenance.jsonl line 6"), "{err}");

    // Spans that do not tile the source.
    let bad = good.replacen("\"start\":0,\"end\":", "\"start\":1,\"end\":", 1);
    assert_ne!(bad, good);
    fs::write(&prov, &bad).unwrap();
    let a = decruft()
        .arg("audit")
        .arg(tmp.path())
        .arg("--json")
        .assert()
        .code(1);
    assert!(
        stderr(&a).contains("does not start at byte 0"),
        "{}",
        stderr(&a)
    );
    let report = tmp.path().join("r.html");
    decruft()
        .arg("audit")
        .arg(tmp.path())
        .arg("--html")
        .arg(&report)
        .assert()
        .code(1);
    assert!(!report.exists(), "no partial report");

    // Counts that differ from summary.json.
    fs::write(&prov, good.lines().take(4).collect::<Vec<_>>().join("\n")).unwrap();
    let a = decruft().arg("audit").arg(tmp.path()).assert().code(1);
    assert!(stdout(&a).contains("summary.json DIFFERS: documents: summary.json 5, provenance 4"));

    // A clean text changed after the run.
    fs::write(&prov, &good).unwrap();
    fs::write(tmp.path().join(SEED_003), "changed\n").unwrap();
    let a = decruft()
        .arg("audit")
        .arg(tmp.path())
        .args(["--doc", "003"])
        .assert()
        .code(1);
    assert!(stderr(&a).contains("does not match its recorded SHA-256"));
}

#[test]
fn jsonl_records_are_audited_too() {
    let inp = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = inp.path().join("r.jsonl");
    fs::write(
        &file,
        "{\"id\":\"a\",\"text\":\"Title\\n\\nThe body of the article.\\n\\nShare on Facebook\\n\"}\n\
         {\"id\":\"b\",\"text\":\"Other title\\n\\nMore body text here.\\n\\nLeave a Reply\\n\"}\n",
    )
    .unwrap();
    decruft()
        .args(["clean", "-q"])
        .arg(&file)
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let a = audit_json(out.path(), &[]);
    assert_eq!(a["documents"], 2);
    assert_eq!(a["summary_json"]["mismatches"], serde_json::json!([]));
    assert!(a["reasons"]["share"]["blocks"].as_u64().unwrap() >= 1);
    let d = decruft()
        .arg("audit")
        .arg(out.path())
        .args(["--doc", "b"])
        .assert()
        .success();
    let text = stdout(&d);
    assert!(text.contains("+++ r.jsonl:2"), "{text}");
    assert!(text.contains("-Leave a Reply"), "{text}");
    assert!(text.contains(" More body text here."), "{text}");
    let report = out.path().join("r.html");
    decruft()
        .arg("audit")
        .arg(out.path())
        .arg("--html")
        .arg(&report)
        .assert()
        .success();
    assert!(
        fs::read_to_string(&report)
            .unwrap()
            .contains("Share on Facebook")
    );
}

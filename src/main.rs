//! The `decruft` command line: parses arguments and calls the library. Exit codes: 0 all
//! good, 1 some input failed (or verification failed), 2 usage error or the run could not start.

use clap::{Parser, Subcommand, ValueEnum};
use decruft::{CleanOptions, dedup, input::ReadOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: documents allocate and free many mid-sized buffers, which glibc's allocator
/// spends a good share of the run consolidating and trimming. Built with `no_thp`: its arenas
/// are not marked for transparent huge pages, whose 2 MiB first-touch zeroing (and re-zeroing
/// after a purge) cost more than the TLB misses they save on a run's ~30 MB heap.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "decruft",
    version,
    about = "Clean corpora of scraped articles, and say why every removed byte was removed.",
    long_about = "Clean corpora of scraped articles: strip comment widgets, related-article blocks, \
share bars, promos, credits, tags, breadcrumbs, copyright lines and ad markers, remove repeated \
paragraphs, and record for every removed byte what it was, which rule removed it and why.\n\n\
Start with:  decruft clean samples --out cleaned   then   decruft verify cleaned"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Clean(CleanArgs),
    Verify(VerifyArgs),
    Index(IndexArgs),
    Merge(MergeArgs),
    Audit(AuditArgs),
}

/// Clean scraped article texts into OUT, with provenance.jsonl and summary.json.
///
/// Each INPUT is a file or a folder (walked recursively in sorted order; hidden files and the
/// output folder are skipped). For a file a/b/NAME.txt under a folder INPUT the clean text goes
/// to OUT/a/b/NAME.txt (minus .gz/.zst, minus .txt/.text, plus .txt); a file INPUT goes straight into
/// OUT. .gz and .zst inputs are decompressed. Kept lines are written byte for byte.
///
/// JSONL inputs (.jsonl, .ndjson, or --format jsonl; `-` reads standard input) are cleaned
/// record by record: the text field is replaced by its clean text, other fields pass through
/// in order, and a `decruft` field records the removed spans. The output is OUT/NAME.jsonl,
/// or standard output with `--out -`. A record with no text field but an `html` field holds a
/// whole page: it gets main-content extraction, like an .html file. Common Crawl WARC (.warc,
/// HTML responses, which become such records) and WET (.wet, plain text) files are read the
/// same way, one JSON record per page with its URI as id.
///
/// OUT/provenance.jsonl has one record per document: the spans of the source that were kept
/// or removed, with reason, rule, evidence and the removed bytes (see README). OUT/summary.json
/// counts documents, bytes and removals per reason and rule, and lists every failed input.
///
/// A file that cannot be cleaned (empty, binary, truncated .gz/.zst, unreadable, not a regular file)
/// is reported on one stderr line and in summary.json; the others are still cleaned and the
/// exit code is 1.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
struct CleanArgs {
    /// Files or folders to clean.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Output folder (created if needed). `-` writes JSONL records to standard output, and is
    /// the default when the only INPUT is `-`.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Input format: by extension (.jsonl/.ndjson are JSONL records, the rest text), or forced.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// JSONL: the field holding each record's text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    text_field: String,
    /// JSONL: the field holding each record's id (the file name and line number when missing).
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_field: String,
    /// Worker threads [default: one per core]. Output is identical for any value.
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Remove repeated paragraphs: off, within each document, or across the whole corpus (the
    /// first copy in sorted input order survives; two passes over the input).
    #[arg(long, value_enum, default_value_t = DedupArg::Doc)]
    dedup: DedupArg,
    /// Extra rules, consulted before the built-in ones. One per line:
    /// `RULE REASON MATCH PHRASE`, MATCH one of line, weak, header, prefix[:N],
    /// contains[:N], regex; REASON `keep` protects matching lines (see README).
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// No progress bar, no per-file messages, no closing line (exit code still tells).
    #[arg(short, long)]
    quiet: bool,
    /// Refuse documents with invalid UTF-8 instead of keeping their bytes with a warning.
    #[arg(long)]
    strict_utf8: bool,
    /// Refuse documents larger than this many bytes (after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 30)]
    max_bytes: u64,
    /// Also read hidden files and folders (names starting with a dot).
    #[arg(long)]
    hidden: bool,
    /// Record the run's elapsed time in summary.json (which then differs between runs).
    #[arg(long)]
    timings: bool,
    /// Clean only part i of N of the inputs (documents round-robin in sorted order), e.g. 0/4.
    #[arg(long, value_name = "i/N")]
    shard: Option<decruft::shard::Part>,
    /// Corpus-dedup decisions from `decruft merge` (give every bucket's file); implies
    /// --dedup corpus without a first pass.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    decisions: Vec<PathBuf>,
    /// Corpus dedup: a paragraph (15+ words) whose word 3-grams are at least this share in an
    /// earlier paragraph is a near-duplicate of it; 1 turns near-duplicates off.
    #[arg(long, value_name = "T", default_value_t = 0.8)]
    near: f64,
    /// Corpus dedup: a short line outside the article body (before its first or after its last
    /// paragraph of 10+ words) that recurs there in at least N documents is site chrome,
    /// removed as `boilerplate`; 0 turns it off.
    #[arg(long, value_name = "N", default_value_t = 5)]
    chrome_df: u32,
}

/// Corpus dedup, phase 1 of 3: index one shard of the inputs.
///
/// Writes FILE: the first occurrence and count of every paragraph fingerprint (paragraphs of
/// ten words or more that survive boilerplate removal) in shard i/N, sorted. Give every shard
/// the same INPUT list: document numbers are positions in its sorted order.
///
///   decruft index corpus/ --shard 0/2 --out idx-0     (and 1/2 into idx-1)
///   decruft merge idx-0 idx-1 --bucket 0/1 --out dec-0
///   decruft clean corpus/ --shard 0/2 --decisions dec-0 --out out-0
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
struct IndexArgs {
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Index file to write.
    #[arg(short, long, value_name = "FILE")]
    out: PathBuf,
    /// Part i of N of the inputs [default: 0/1, all].
    #[arg(long, value_name = "i/N")]
    shard: Option<decruft::shard::Part>,
    /// Same as for clean: they must match the clean run's.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    #[arg(long)]
    hidden: bool,
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 30)]
    max_bytes: u64,
}

/// Corpus dedup, phase 2 of 3: pick the surviving copy of every repeated fingerprint.
///
/// Reads every shard's index file and writes the decisions for the fingerprints of bucket
/// k/B (by their first bytes), so B machines can merge in parallel. The survivor is the
/// first copy in sorted input order.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
struct MergeArgs {
    /// Index files of every shard.
    #[arg(required = true, value_name = "INDEX")]
    indexes: Vec<PathBuf>,
    /// Decisions file to write.
    #[arg(short, long, value_name = "FILE")]
    out: PathBuf,
    /// Hash bucket k of B [default: 0/1, all].
    #[arg(long, value_name = "k/B")]
    bucket: Option<decruft::shard::Part>,
    /// Learned chrome threshold, as for `clean --chrome-df` (use the same value).
    #[arg(long, value_name = "N", default_value_t = 5)]
    chrome_df: u32,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Auto,
    Text,
    Jsonl,
    Warc,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum DedupArg {
    Off,
    Doc,
    Corpus,
}

/// Check a clean output folder: rebuild every source from its clean text and provenance.
///
/// For each record of DIR/provenance.jsonl: the clean text's SHA-256 must match, the source
/// rebuilt from kept and removed spans must match the recorded source SHA-256, and when the
/// source file is still at its recorded path it must match too. One line per failure on
/// stdout; exit code 1 if anything failed.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
struct VerifyArgs {
    /// Output folder of `decruft clean`.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Print nothing but failures.
    #[arg(short, long)]
    quiet: bool,
}

/// Show what a clean run removed and why, to check it at a glance.
///
/// DIR is the output folder of `decruft clean` (provenance.jsonl, the clean texts, JSONL
/// outputs, summary.json). With no other option it prints a corpus summary: documents, bytes
/// in/out/removed, blocks, bytes, lines and documents per reason, a histogram of the share of
/// each document removed, the most frequent removed lines (whitespace collapsed) with their
/// counts and reasons, and the documents with the largest share removed. The counts are
/// checked against summary.json; a difference is printed and the exit code is 1.
///
///   decruft audit cleaned                      corpus summary
///   decruft audit cleaned --reason related     only what `related` removed
///   decruft audit cleaned --json               the same as one JSON object (decruft.audit/1)
///   decruft audit cleaned --doc 003            one document as a unified diff
///   decruft audit cleaned --html report.html   a self-contained HTML report
///
/// --doc ID shows one document as a unified diff of its source (---) and clean text (+++):
/// kept lines start with a space, removed lines with `-`, and the first line of each removed
/// block ends with [reason · rule · evidence]. ID is a document id, or the start of exactly
/// one id; otherwise the exit code is 2 and the closest ids are listed.
///
/// --html FILE writes one HTML file with no external resources: summary, charts (removed bytes
/// by reason, share removed per document), the most frequent removed lines, a filterable,
/// paginated document list, and each document with its removed spans highlighted by reason
/// (hover: rule and evidence; duplicates link to the kept copy). Open FILE#doc=ID to start
/// on a document.
///
/// Exit codes: 0 ok, 1 malformed provenance, an unreadable or altered clean text, or counts
/// that differ from summary.json, 2 usage error (no such DIR or document).
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
struct AuditArgs {
    /// Output folder of `decruft clean`.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Show this document (an id, or the start of exactly one id) with its removals inline.
    #[arg(long, value_name = "ID")]
    doc: Option<String>,
    /// Count only removals with this reason (e.g. comments, related, duplicate).
    #[arg(long, value_name = "REASON")]
    reason: Option<String>,
    /// Print one JSON object (schema decruft.audit/1) instead of text.
    #[arg(long, conflicts_with = "html")]
    json: bool,
    /// Write a self-contained HTML report to FILE.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["doc", "reason", "context"])]
    html: Option<PathBuf>,
    /// How many frequent lines and documents to list.
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
    /// --doc: show only N kept lines around each removed block [default: the whole document,
    /// or 3 with --reason].
    #[arg(long, value_name = "N", requires = "doc")]
    context: Option<usize>,
    /// Colour the terminal output: auto (when stdout is a terminal and NO_COLOR is unset).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    color: ColorArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Clean(a) => run_clean(a),
        Command::Verify(a) => run_verify(a),
        Command::Index(a) => run_index(a),
        Command::Merge(a) => run_merge(a),
        Command::Audit(a) => run_audit(a),
    };
    match result {
        Ok(code) => code,
        // `decruft audit DIR | head`: the reader has what it wanted; stop quietly, as Unix
        // tools do.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("decruft: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run_clean(a: CleanArgs) -> anyhow::Result<ExitCode> {
    let out = match a.out {
        Some(out) => out,
        None if a.inputs.iter().all(|i| i.as_os_str() == "-") => PathBuf::from("-"),
        None => anyhow::bail!("--out DIR is required (or `--out -` for JSONL on standard output)"),
    };
    let opts = CleanOptions {
        inputs: a.inputs,
        out,
        jobs: a.jobs.unwrap_or(0),
        dedup: match a.dedup {
            DedupArg::Off => dedup::Mode::Off,
            DedupArg::Doc => dedup::Mode::Doc,
            DedupArg::Corpus => dedup::Mode::Corpus,
        },
        rules: a.rules,
        read: ReadOptions {
            max_bytes: a.max_bytes,
            strict_utf8: a.strict_utf8,
            hidden: a.hidden,
            format: match a.format {
                FormatArg::Auto => None,
                FormatArg::Text => Some(decruft::input::Format::Text),
                FormatArg::Jsonl => Some(decruft::input::Format::Jsonl),
                FormatArg::Warc => Some(decruft::input::Format::Warc),
                FormatArg::Html => Some(decruft::input::Format::Html),
            },
        },
        fields: decruft::jsonl::Fields {
            text: a.text_field,
            id: a.id_field,
        },
        shard: a.shard,
        decisions: a.decisions,
        near: a.near,
        chrome_df: a.chrome_df,
        progress: !a.quiet,
        verbose: !a.quiet,
        timings: a.timings,
    };
    let outcome = decruft::clean(&opts)?;
    let s = &outcome.summary;
    if !a.quiet {
        let share = if s.bytes_in > 0 {
            100.0 * s.bytes_removed as f64 / s.bytes_in as f64
        } else {
            0.0
        };
        eprintln!(
            "decruft: cleaned {} documents from {} inputs ({} -> {} bytes, {share:.1}% removed) in {:.2}s; {} failed; output in {}",
            s.documents,
            s.inputs,
            s.bytes_in,
            s.bytes_out,
            outcome.elapsed.as_secs_f64(),
            s.failed,
            opts.out.display()
        );
    }
    Ok(if s.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_index(a: IndexArgs) -> anyhow::Result<ExitCode> {
    let opts = CleanOptions {
        inputs: a.inputs,
        out: a.out.clone(),
        jobs: a.jobs.unwrap_or(0),
        dedup: dedup::Mode::Corpus,
        rules: a.rules,
        read: ReadOptions {
            max_bytes: a.max_bytes,
            hidden: a.hidden,
            ..ReadOptions::default()
        },
        progress: false,
        verbose: false,
        timings: false,
        fields: Default::default(),
        shard: a.shard,
        decisions: Vec::new(),
        near: 0.8,
        chrome_df: 0,
    };
    let n = decruft::index(&opts, &a.out)?;
    eprintln!(
        "decruft: indexed {n} distinct paragraphs into {}",
        a.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_merge(a: MergeArgs) -> anyhow::Result<ExitCode> {
    let bucket = a
        .bucket
        .unwrap_or(decruft::shard::Part { index: 0, count: 1 });
    let n = decruft::shard::merge(&a.indexes, bucket, a.chrome_df, &a.out)?;
    eprintln!(
        "decruft: {n} repeated paragraphs decided for bucket {bucket} in {}",
        a.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_verify(a: VerifyArgs) -> anyhow::Result<ExitCode> {
    let report = decruft::verify::verify(&a.dir)?;
    let mut out = std::io::stdout().lock();
    for f in &report.failures {
        writeln!(out, "FAIL {f}")?;
    }
    if !a.quiet {
        eprintln!(
            "decruft: verified {} documents ({} sources compared on disk): {} failed",
            report.documents,
            report.sources_checked,
            report.failures.len()
        );
    }
    Ok(if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn run_audit(a: AuditArgs) -> anyhow::Result<ExitCode> {
    use decruft::audit;
    use std::io::{IsTerminal, Write};
    if !a.dir.join("provenance.jsonl").is_file() {
        anyhow::bail!(
            "{} is not an output folder of decruft clean (no provenance.jsonl)",
            a.dir.display()
        );
    }
    let style = audit::Style {
        color: match a.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
    };
    // Past the arguments, every problem is with the folder's contents: exit 1.
    let failed = |e: anyhow::Error| {
        eprintln!("decruft: error: {e:#}");
        Ok(ExitCode::from(1))
    };
    let mut out = std::io::stdout().lock();
    if let Some(dest) = &a.html {
        let audit = match audit::report::write(&a.dir, dest, a.top) {
            Ok(x) => x,
            Err(e) => return failed(e),
        };
        eprintln!(
            "decruft: wrote {} ({} documents, {} blocks removed)",
            dest.display(),
            audit.documents,
            audit.blocks_removed
        );
        return Ok(summary_code(&audit));
    }
    if let Some(query) = &a.doc {
        let doc = match audit::find(&a.dir, query) {
            Ok(audit::Found::Doc(d)) => d,
            Ok(audit::Found::Missing(ids)) => {
                return Ok(no_doc(&a.dir, query, "no document has the id", &ids));
            }
            Ok(audit::Found::Ambiguous(ids)) => {
                return Ok(no_doc(&a.dir, query, "several ids start with", &ids));
            }
            Err(e) => return failed(e),
        };
        let clean = match doc.clean_text(&a.dir) {
            Ok(c) => c,
            Err(e) => return failed(e),
        };
        let view = audit::DocView {
            reason: a.reason.clone(),
            context: a.context,
        };
        if a.json {
            serde_json::to_writer_pretty(&mut out, &audit::doc_json(&doc, &clean, &view))?;
            writeln!(out)?;
        } else {
            audit::print_doc(&doc, &clean, &view, style, &mut out)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let audit = match audit::audit(&a.dir, a.reason.clone(), a.top) {
        Ok(x) => x,
        Err(e) => return failed(e),
    };
    if a.json {
        serde_json::to_writer_pretty(&mut out, &audit)?;
        writeln!(out)?;
    } else {
        audit::print_audit(&audit, style, &mut out)?;
    }
    if let Some(r) = &a.reason
        && !audit.reasons.contains_key(r)
    {
        eprintln!(
            "decruft: nothing in {} was removed as {r:?}",
            a.dir.display()
        );
    }
    Ok(summary_code(&audit))
}

/// `--doc` found no single document: says so, lists the closest ids, exit code 2.
fn no_doc(dir: &std::path::Path, query: &str, what: &str, ids: &[String]) -> ExitCode {
    eprintln!("decruft: error: {what} {query:?} in {}", dir.display());
    if ids.is_empty() {
        eprintln!("decruft: the folder has no documents");
    } else {
        eprintln!("decruft: closest ids:");
        for id in ids {
            eprintln!("  {id}");
        }
    }
    ExitCode::from(2)
}

/// 1 when the audit's counts differ from summary.json.
fn summary_code(audit: &decruft::audit::Audit) -> ExitCode {
    if audit.summary_json.mismatches.is_empty() {
        ExitCode::SUCCESS
    } else {
        for m in &audit.summary_json.mismatches {
            eprintln!("decruft: summary.json differs from provenance: {m}");
        }
        ExitCode::from(1)
    }
}

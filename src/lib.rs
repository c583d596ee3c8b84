//! decruft: cleans corpora of scraped articles and records, for every byte removed, what it
//! was, which rule removed it and why.
//!
//! The pipeline (one module per stage): [`input`] walks and reads documents, [`segment`] splits
//! them into lines and paragraphs with byte spans, [`classify`] runs the named rules (with the
//! vocabulary of [`lexicon`]), [`dedup`] removes repeated paragraphs, [`emit`] produces the
//! clean text and the spans, [`provenance`] defines the record, [`output`] writes files
//! atomically and the summary, and [`verify`] rebuilds sources from outputs.
//!
//! ```
//! let cleaner = decruft::Cleaner::new(None, decruft::dedup::Mode::Doc);
//! let text = b"A headline\n\nThe article's first paragraph.\n\nShare on Facebook\n";
//! let (clean, spans) = cleaner.clean("doc-1", text);
//! assert_eq!(clean, b"A headline\n\nThe article's first paragraph.\n");
//! assert_eq!(spans.last().unwrap().reason.as_deref(), Some("share"));
//! ```

// Per-line state lives in parallel vectors indexed by line number; index loops read best.
#![allow(clippy::needless_range_loop)]

pub mod audit;
pub mod classify;
pub mod dedup;
pub mod emit;
pub mod extract;
pub mod fsat;
pub mod html;
pub mod input;
pub mod jsonl;
pub mod lexicon;
pub mod near;
pub mod output;
pub mod pagedump;
pub mod provenance;
pub mod screen;
pub mod segment;
pub mod shard;
pub mod text;
pub mod verify;
pub mod warc;

use anyhow::Context;
use classify::{Classifier, Doc};
use dedup::DocNo;
use indicatif::{ProgressBar, ProgressStyle};
use input::{Format, InputError, ReadOptions, Source};
use lexicon::Lexicon;
use output::{AtomicFile, Count, Summary};
use provenance::{Action, Record, Span};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The rules and settings for cleaning one document at a time; cheap to share across threads.
pub struct Cleaner {
    classifier: Classifier,
    dedup: dedup::Mode,
}

impl Cleaner {
    /// `user_rules` are consulted before the built-in vocabulary.
    pub fn new(user_rules: Option<Lexicon>, dedup: dedup::Mode) -> Cleaner {
        Cleaner {
            classifier: Classifier::new(user_rules),
            dedup,
        }
    }

    /// Cleans one document: returns the clean bytes and the provenance spans (covering every
    /// byte of `bytes` once). `id` names the document in `duplicate_of` pointers.
    ///
    /// With [`dedup::Mode::Corpus`] this dedups within the document only; use
    /// [`Cleaner::index`] and [`Cleaner::clean_in_corpus`] for the corpus.
    pub fn clean(&self, id: &str, bytes: &[u8]) -> (Vec<u8>, Vec<Span>) {
        self.clean_doc(id, Doc::new(bytes))
    }

    /// [`Cleaner::clean`] of a document already known to be UTF-8.
    pub fn clean_str(&self, id: &str, text: &str) -> (Vec<u8>, Vec<Span>) {
        self.clean_doc(id, Doc::from_text(text))
    }

    fn clean_doc(&self, id: &str, doc: Doc) -> (Vec<u8>, Vec<Span>) {
        let mut verdicts = self.classifier.classify(&doc);
        if self.dedup != dedup::Mode::Off {
            dedup::within_document(&doc, &mut verdicts);
        }
        Self::finish(&doc, verdicts, id)
    }

    /// Cleans one HTML page: decodes it, extracts the main content (see [`extract`]), then
    /// applies the text rules and the within-document dedup to the blocks that are left.
    /// The spans cover the page text (blocks one per line), which is returned too.
    pub fn clean_html(&self, id: &str, bytes: &[u8]) -> Result<HtmlCleaned, String> {
        self.with_html_verdicts(bytes, |doc, mut verdicts, scopes| {
            if self.dedup != dedup::Mode::Off {
                dedup::within_document_scoped(doc, &mut verdicts, scopes);
            }
            Self::finish(doc, verdicts, id)
        })
        .map(HtmlCleaned::new)
    }

    /// [`Cleaner::clean_html`] with corpus dedup, pass two (see
    /// [`Cleaner::clean_in_corpus`]): the page text's lines whose surviving copy is elsewhere
    /// go too.
    pub fn clean_html_in_corpus(
        &self,
        id: &str,
        doc_no: DocNo,
        bytes: &[u8],
        decisions: &dedup::Decisions,
        near: Option<&dedup::NearCheck>,
    ) -> Result<HtmlCleaned, String> {
        self.with_html_verdicts(bytes, |doc, mut verdicts, _| {
            dedup::across_corpus(doc, &mut verdicts, doc_no, decisions, near);
            Self::finish(doc, verdicts, id)
        })
        .map(HtmlCleaned::new)
    }

    /// Corpus dedup, pass one, for an HTML page: the lines of its page text that survive
    /// extraction and the text rules (nothing when no text can be extracted).
    pub fn index_html(&self, bytes: &[u8]) -> dedup::DocIndex {
        self.with_html_verdicts(bytes, |doc, verdicts, _| dedup::index_doc(doc, &verdicts))
            .map(|(index, _)| index)
            .unwrap_or_default()
    }

    /// An HTML page's text, one block per line: what the spans of its provenance, and of
    /// corpus dedup, count in.
    pub fn html_page_text(&self, bytes: &[u8]) -> Option<Vec<u8>> {
        self.with_html_verdicts(bytes, |_, _, _| ())
            .ok()
            .map(|(_, of)| of.text)
    }

    /// Decodes, parses and extracts an HTML page and classifies the blocks that are left,
    /// then hands the page text (one block per line), its verdicts, before any dedup, and
    /// the dedup scope of each line (see [`dedup::within_document_scoped`]) to `finish`;
    /// returns what it makes, with the page text.
    fn with_html_verdicts<T>(
        &self,
        bytes: &[u8],
        finish: impl FnOnce(&Doc, Vec<Option<classify::Verdict>>, &[u32]) -> T,
    ) -> Result<(T, PageTextOf), String> {
        let (source, encoding, warning) = html::decode(bytes);
        let page = html::parse(&source);
        if page.blocks.is_empty() {
            return Err("no text found in the HTML page".into());
        }
        let extract::Extraction {
            verdicts: pre,
            scopes,
            listing,
        } = extract::extract_page(&page);
        let all: Vec<usize> = (0..page.blocks.len()).collect();
        let (text, line_of) = page_text(&page, &all);
        // The text rules read the main content alone: a "Related" link in the menu must not
        // open a related section over the article.
        let kept: Vec<usize> = all.iter().copied().filter(|&k| pre[k].is_none()).collect();
        let (kept_text, kept_line) = page_text(&page, &kept);
        let kept_doc = Doc::new(kept_text.as_bytes());
        // The block behind every line of the kept text (a paragraph break's blank line goes
        // with the block before it).
        let mut block_at = vec![0; kept_doc.len()];
        for (j, &k) in kept.iter().enumerate() {
            let end = kept_line.get(j + 1).copied().unwrap_or(kept_doc.len());
            for b in &mut block_at[kept_line[j].min(end)..end] {
                *b = k;
            }
        }
        let node_at = |line: usize| page.blocks[block_at[line]].node;
        let parent = |n: ego_tree::NodeId| page.doc.tree.get(n)?.parent().map(|p| p.id());
        // A related section inside the article (see `Classifier::classify_extracted`): its
        // header sits in a box of its own, the largest element around it that holds none of
        // the article's text before it (the last line of eight words or more) and does hold
        // the line after the header. The section ends at a line outside that box that sits
        // beside the article's text before it (same parent element): the article goes on
        // after an inline "Recommended reading" box. A header without such a box (a heading
        // among the paragraphs, or a "Read next" box a script fills) ends it at a full
        // paragraph ([`RESUMED_ARTICLE_WORDS`]) beside the article's text; boxes after the
        // article's own element leave the section to the text rules.
        let module = |h: usize| -> Option<(Option<ego_tree::NodeId>, ego_tree::NodeId)> {
            let before = (0..h).rev().find(|&l| kept_doc.words[l] >= 8)?;
            let (head, prose) = (node_at(h)?, node_at(before)?);
            let tree = &page.doc.tree;
            let mut box_ = None;
            for n in std::iter::once(tree.get(head)?).chain(tree.get(head)?.ancestors()) {
                if html::is_within(&page.doc, prose, n.id()) {
                    break;
                }
                box_ = Some(n.id());
            }
            let next = node_at(kept_doc.next_nonblank(h, 1)?)?;
            let box_ = box_.filter(|&b| html::is_within(&page.doc, next, b));
            Some((box_, parent(prose)?))
        };
        let modules = std::cell::RefCell::new(HashMap::new());
        let same_section = |h: usize, j: usize| {
            let m = *modules.borrow_mut().entry(h).or_insert_with(|| module(h));
            use classify::Section;
            let still = |same: bool| {
                if same {
                    Section::Same
                } else {
                    Section::Outside
                }
            };
            match (m, node_at(j)) {
                (Some((Some(box_), _)), Some(n)) if html::is_within(&page.doc, n, box_) => {
                    Section::Boxed
                }
                (Some((Some(_), article)), Some(n)) => still(parent(n) != Some(article)),
                (Some((None, article)), Some(n)) => {
                    still(parent(n) != Some(article) || kept_doc.words[j] < RESUMED_ARTICLE_WORDS)
                }
                _ => Section::Same,
            }
        };
        let mut text_verdicts =
            self.classifier
                .classify_extracted(&kept_doc, &same_section, listing);
        let doc = Doc::new(text.as_bytes());
        let mut verdicts: Vec<Option<classify::Verdict>> = vec![None; doc.len()];
        for (k, v) in pre.iter().enumerate() {
            verdicts[line_of[k]] = v.clone();
        }
        for (j, &k) in kept.iter().enumerate() {
            if let Some(mut v) = text_verdicts[kept_line[j]].take() {
                // A machine-readable date-time or image link alone on a line of a code
                // block is the code's (a log, a config), not a post's timestamp tooltip.
                if page.blocks[k].flags & html::flag::PRE != 0
                    && classify::MACHINE_DATA_RULES.contains(&v.rule.as_str())
                {
                    continue;
                }
                v.evidence.path = Some(page.path(page.blocks[k].node));
                verdicts[line_of[k]] = Some(v);
            }
        }
        let mut line_scopes = vec![0; doc.len()];
        for (k, &s) in scopes.iter().enumerate() {
            line_scopes[line_of[k]] = s;
        }
        for (k, b) in page.blocks.iter().enumerate() {
            if b.flags & html::flag::PRE != 0 {
                line_scopes[line_of[k]] |= dedup::CODE;
            }
            // A short heading repeated under each part of an article ("Pros", "Cons",
            // "Ingredients") is a section label; a listing's or a shop's repeated short
            // headings are its cards' template.
            if !listing
                && !page.product
                && b.flags & html::flag::HEADING != 0
                && b.text.split_whitespace().count() <= dedup::LABEL_WORDS
            {
                line_scopes[line_of[k]] |= dedup::LABEL;
            }
        }
        let made = finish(&doc, verdicts, &line_scopes);
        let of = PageTextOf {
            text: text.into_bytes(),
            encoding,
            warnings: warning.into_iter().chain(page.warnings).collect(),
        };
        Ok((made, of))
    }

    /// Corpus dedup, pass one: the fingerprint and span of every line that survives
    /// classification, for [`dedup::CorpusIndex::add`].
    pub fn index(&self, bytes: &[u8]) -> dedup::DocIndex {
        let doc = Doc::new(bytes);
        let verdicts = self.classifier.classify(&doc);
        dedup::index_doc(&doc, &verdicts)
    }

    /// Corpus dedup, pass two: cleans document number `doc_no` (its position in sorted input
    /// order), removing lines whose surviving copy is elsewhere.
    pub fn clean_in_corpus(
        &self,
        id: &str,
        doc_no: DocNo,
        bytes: &[u8],
        decisions: &dedup::Decisions,
        near: Option<&dedup::NearCheck>,
    ) -> (Vec<u8>, Vec<Span>) {
        let doc = Doc::new(bytes);
        let mut verdicts = self.classifier.classify(&doc);
        dedup::across_corpus(&doc, &mut verdicts, doc_no, decisions, near);
        Self::finish(&doc, verdicts, id)
    }

    fn finish(
        doc: &Doc,
        mut verdicts: Vec<Option<classify::Verdict>>,
        id: &str,
    ) -> (Vec<u8>, Vec<Span>) {
        emit::tidy_blank_lines(doc, &mut verdicts);
        let e = emit::emit(doc, verdicts, id);
        (e.output, e.spans)
    }
}

/// The page text of blocks `which` (one per line, a blank line before each new paragraph),
/// and the line of each.
fn page_text(page: &html::Page, which: &[usize]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut line_of = Vec::with_capacity(which.len());
    let mut lines = 0;
    for (n, &k) in which.iter().enumerate() {
        let b = &page.blocks[k];
        if n > 0 && b.para {
            text.push('\n');
            lines += 1;
        }
        line_of.push(lines);
        text.push_str(&b.text);
        text.push('\n');
        lines += 1;
    }
    (text, line_of)
}

/// Words of a paragraph beside the article's earlier text that ends a related section whose
/// header has no box of its own around its items (a "Read next" heading whose list a script
/// fills in): the article goes on.
const RESUMED_ARTICLE_WORDS: usize = 30;

/// What [`Cleaner::clean_html`] makes of a page.
pub struct HtmlCleaned {
    pub output: Vec<u8>,
    pub spans: Vec<Span>,
    /// The page text the spans cover.
    pub text: Vec<u8>,
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

impl HtmlCleaned {
    fn new(((output, spans), of): ((Vec<u8>, Vec<Span>), PageTextOf)) -> HtmlCleaned {
        HtmlCleaned {
            output,
            spans,
            text: of.text,
            encoding: of.encoding,
            warnings: of.warnings,
        }
    }
}

/// An HTML page's text (one block per line) and how it was decoded.
struct PageTextOf {
    text: Vec<u8>,
    encoding: &'static str,
    warnings: Vec<String>,
}

/// Everything `decruft clean` needs.
#[derive(Debug, Clone)]
pub struct CleanOptions {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    pub dedup: dedup::Mode,
    pub rules: Option<PathBuf>,
    pub read: ReadOptions,
    /// Show a progress bar (only drawn when stderr is a terminal).
    pub progress: bool,
    /// Print per-file errors and the closing line on stderr.
    pub verbose: bool,
    /// Write `elapsed_seconds` into summary.json (makes it differ from run to run).
    pub timings: bool,
    /// Text and id fields of JSONL records.
    pub fields: jsonl::Fields,
    /// Only this part of the inputs (documents round-robin by number in sorted order).
    pub shard: Option<shard::Part>,
    /// Corpus-dedup decisions from `decruft merge` (all buckets); implies corpus dedup.
    pub decisions: Vec<PathBuf>,
    /// Near-duplicate threshold: share of a paragraph's word 3-grams found in the original.
    pub near: f64,
    /// Learned chrome: a short line outside the article body recurring there in this many
    /// documents is boilerplate (0 turns it off).
    pub chrome_df: u32,
}

/// What a run did.
pub struct Outcome {
    pub summary: Summary,
    pub elapsed: Duration,
}

/// Documents processed per parallel batch: bounds memory while keeping both cores busy.
const BATCH: usize = 256;

/// One document's result, made in parallel and consumed in input order: everything the main
/// thread needs is ready-made, so it only appends bytes and adds counts.
struct Done {
    /// The provenance line, newline included.
    record_json: Vec<u8>,
    bytes_in: u64,
    bytes_out: u64,
    /// Removed blocks and bytes per (reason, rule), in order of first appearance.
    removed: Vec<(String, String, Count)>,
    warnings: Vec<InputError>,
}

/// Runs `decruft clean`: cleans every input, writes the clean texts, `provenance.jsonl` and
/// `summary.json` under `opts.out`. Per-document failures are in the summary's `errors`;
/// an `Err` means the run itself could not proceed (bad rules file, unwritable output).
pub fn clean(opts: &CleanOptions) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let user = opts.rules.as_deref().map(Lexicon::load).transpose()?;
    // Compiling the rules and walking the inputs are the run's serial start: with more than
    // one thread they overlap (with one, the run stays on one core).
    let dedup = opts.dedup;
    let build = move || Cleaner::new(user, dedup);
    let cleaner: Box<dyn FnOnce() -> Cleaner> = match opts.jobs {
        1 => {
            let built = build();
            Box::new(move || built)
        }
        _ => {
            let building = std::thread::spawn(build);
            Box::new(move || {
                building
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
        }
    };
    let to_stdout = opts.out == Path::new("-");
    if !to_stdout {
        std::fs::create_dir_all(&opts.out)
            .with_context(|| format!("cannot create output folder {}", opts.out.display()))?;
    }
    let exclude = (!to_stdout).then_some(opts.out.as_path());
    let all_sources = drop_output_clashes(input::collect(&opts.inputs, exclude, &opts.read));
    let cleaner = cleaner();
    // Document numbers are positions in the whole corpus's sorted order, shard or not.
    let (numbers, sources): (Vec<DocNo>, Vec<Result<Source, InputError>>) = all_sources
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, s)| ((i as u64) << 32, s))
        .filter(|(n, _)| opts.shard.is_none_or(|p| p.has_doc(*n)))
        .unzip();
    if to_stdout && sources.iter().any(|s| s.is_ok() && !is_records(s)) {
        anyhow::bail!("--out - (standard output) takes JSONL input only; give an output folder");
    }
    let corpus = opts.dedup == dedup::Mode::Corpus || !opts.decisions.is_empty();
    if corpus
        && sources
            .iter()
            .any(|s| s.as_ref().is_ok_and(|s| s.path == Path::new("-")))
    {
        anyhow::bail!("--dedup corpus reads its input twice: give files, not -");
    }
    if opts.shard.is_some() && opts.dedup == dedup::Mode::Corpus && opts.decisions.is_empty() {
        anyhow::bail!(
            "a --shard of a corpus-deduped run needs --decisions (from `decruft index` and `decruft merge`)"
        );
    }

    let mut summary = Summary {
        schema: output::SUMMARY_SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        dedup: format!("{:?}", opts.dedup).to_lowercase(),
        inputs: sources.len() as u64,
        ..Summary::default()
    };
    let bar = progress_bar(opts, sources.len() as u64);
    let report = |e: &InputError| {
        if opts.verbose {
            bar.suspend(|| eprintln!("decruft: {e}"));
        }
    };
    let fail = |summary: &mut Summary, e: InputError| {
        report(&e);
        summary.errors.push(e);
    };

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()?;
    let decisions = if !opts.decisions.is_empty() {
        Some(shard::read_decisions(&opts.decisions).context("cannot read --decisions")?)
    } else if opts.dedup == dedup::Mode::Corpus {
        let (index, ids) = index_corpus(
            &numbers,
            &sources,
            &cleaner,
            opts,
            &pool,
            dedup::CorpusIndex::default(),
        );
        Some(index.into_decisions(&ids, opts.chrome_df))
    } else {
        None
    };
    let prov_path = opts.out.join("provenance.jsonl");
    let mut prov = match to_stdout {
        true => None,
        false => Some(
            AtomicFile::create(&prov_path)
                .with_context(|| format!("cannot write {}", prov_path.display()))?,
        ),
    };
    // Near-duplicate originals may sit in any document, in this shard or not: read on demand.
    let originals = match &decisions {
        Some(d) => near_originals(d, &all_sources, opts),
        None => HashMap::new(),
    };
    let load = |n: DocNo| -> Option<Vec<u8>> {
        if let Some(text) = originals.get(&n) {
            return Some(text.clone());
        }
        let s = all_sources.get((n >> 32) as usize)?.as_ref().ok()?;
        let read = || input::read(s.clone(), &opts.read).ok().map(|d| d.bytes);
        match s.format {
            Format::Text => read(),
            // The spans of an HTML page's lines are in its page text.
            Format::Html => cleaner.html_page_text(&read()?),
            _ => None,
        }
    };
    let near_check = dedup::NearCheck {
        threshold: opts.near,
        load: &load,
    };
    // The main thread's share of a batch of text documents: counts, warnings and the
    // provenance lines, in input order.
    let take_batch = |summary: &mut Summary,
                      prov: &mut Option<AtomicFile>,
                      results: Vec<Result<Done, InputError>>|
     -> anyhow::Result<()> {
        let mut lines = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(done) => {
                    summary.documents += 1;
                    tally(summary, done.bytes_in, done.bytes_out, done.removed);
                    for w in done.warnings {
                        report(&w);
                        summary.warnings.push(w);
                    }
                    lines.push(done.record_json);
                }
                Err(e) => fail(summary, e),
            }
            bar.inc(1);
        }
        if let Some(p) = prov.as_mut() {
            output::write_all_vectored(p, &lines)?;
        }
        Ok(())
    };
    // A batch's results are taken while the next batch is being cleaned, so writing the
    // provenance overlaps with the work; the order of the lines stays the input order.
    let mut pending: Vec<Result<Done, InputError>> = Vec::new();
    let mut i = 0;
    while i < sources.len() {
        if let Ok(s) = &sources[i]
            && s.format.is_records()
        {
            take_batch(&mut summary, &mut prov, std::mem::take(&mut pending))?;
            let corpus = decisions.as_ref().map(|d| jsonl::Corpus {
                decisions: d,
                near: &near_check,
                file: numbers[i],
            });
            let errors = match process_jsonl(s, &cleaner, opts, &pool, to_stdout, corpus.as_ref()) {
                Ok(stats) => {
                    summary.documents += stats.records;
                    let removed = (stats.removed.into_iter())
                        .map(|(reason, rule, bytes)| (reason, rule, Count::of(bytes)));
                    tally(&mut summary, stats.bytes_in, stats.bytes_out, removed);
                    stats.errors
                }
                Err(e) => vec![e],
            };
            for e in errors {
                fail(&mut summary, e);
            }
            bar.inc(1);
            i += 1;
            continue;
        }
        let end = text_run_end(&sources, i);
        let previous = std::mem::take(&mut pending);
        let (results, taken) = pool.install(|| {
            rayon::join(
                || {
                    sources[i..end]
                        .par_iter()
                        .enumerate()
                        .map(|(k, s)| {
                            let doc_no = numbers[i + k];
                            let d = decisions.as_ref().map(|d| (d, &near_check));
                            process(s.clone()?, doc_no, &cleaner, opts, d)
                        })
                        .collect::<Vec<_>>()
                },
                || take_batch(&mut summary, &mut prov, previous),
            )
        });
        taken?;
        pending = results;
        i = end;
    }
    take_batch(&mut summary, &mut prov, pending)?;
    bar.finish_and_clear();
    if let Some(p) = prov {
        p.commit()
            .with_context(|| format!("cannot write {}", prov_path.display()))?;
    }
    summary.failed = summary.errors.len() as u64;
    let elapsed = started.elapsed();
    if opts.timings {
        summary.elapsed_seconds = Some((elapsed.as_secs_f64() * 1000.0).round() / 1000.0);
    }
    if !to_stdout {
        let json = serde_json::to_vec_pretty(&summary)?;
        output::write_atomic(&opts.out.join("summary.json"), &json)
            .with_context(|| format!("cannot write summary.json in {}", opts.out.display()))?;
    }
    Ok(Outcome { summary, elapsed })
}

/// Adds one document's (or stream's) counts to the summary: bytes in and out, and the
/// removed blocks and bytes per (reason, rule).
fn tally(
    summary: &mut Summary,
    bytes_in: u64,
    bytes_out: u64,
    removed: impl IntoIterator<Item = (String, String, Count)>,
) {
    summary.bytes_in += bytes_in;
    summary.bytes_out += bytes_out;
    for (reason, rule, count) in removed {
        summary.bytes_removed += count.bytes;
        summary.removed.entry(reason).or_default().merge(count);
        summary.rules.entry(rule).or_default().merge(count);
    }
}

fn clean_records_of(
    s: &Source,
    reader: Box<dyn std::io::BufRead + Send>,
    w: &mut impl Write,
    cleaner: &Cleaner,
    opts: &CleanOptions,
    pool: &rayon::ThreadPool,
    corpus: Option<&jsonl::Corpus>,
) -> std::io::Result<jsonl::Stats> {
    let fields = fields_for(s.format, &opts.fields);
    jsonl::clean_records(
        records_of(s.format, reader),
        w,
        &s.path,
        cleaner,
        &fields,
        pool,
        corpus,
    )
}

/// Cleans one JSONL stream into its output file (atomically) or onto standard output.
fn process_jsonl(
    s: &Source,
    cleaner: &Cleaner,
    opts: &CleanOptions,
    pool: &rayon::ThreadPool,
    to_stdout: bool,
    corpus: Option<&jsonl::Corpus>,
) -> Result<jsonl::Stats, InputError> {
    let reader = input::open_stream(&s.path)?;
    let read_err = |e: std::io::Error| InputError::new(&s.path, input::describe_stream_error(&e));
    if to_stdout {
        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
        let stats =
            clean_records_of(s, reader, &mut w, cleaner, opts, pool, corpus).map_err(read_err)?;
        w.flush().map_err(read_err)?;
        return Ok(stats);
    }
    let dest = opts.out.join(&s.output);
    let write_err = |e: std::io::Error| {
        InputError::new(&s.path, format!("cannot write {}: {e}", dest.display()))
    };
    let mut f = AtomicFile::create(&dest).map_err(write_err)?;
    let stats =
        clean_records_of(s, reader, &mut f, cleaner, opts, pool, corpus).map_err(read_err)?;
    f.commit().map_err(write_err)?;
    Ok(stats)
}

fn progress_bar(opts: &CleanOptions, len: u64) -> ProgressBar {
    if !opts.progress || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} docs ({per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Two inputs that would write the same output file: the later one is refused.
fn drop_output_clashes(
    mut sources: Vec<Result<Source, InputError>>,
) -> Vec<Result<Source, InputError>> {
    // The path of the first source to claim each output (the map is only looked up).
    let mut seen: HashMap<&Path, &Path, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(sources.len(), Default::default());
    let reserved = [Path::new("provenance.jsonl"), Path::new("summary.json")];
    let mut refused = Vec::new();
    for (k, s) in sources.iter().enumerate() {
        let Ok(s) = s else { continue };
        if let Some(first) = seen.get(s.output.as_path()) {
            let why = format!(
                "skipped: its output {} is already written for {}",
                s.output.display(),
                first.display()
            );
            refused.push((k, InputError::new(&s.path, why)));
        } else if reserved.contains(&s.output.as_path()) {
            refused.push((
                k,
                InputError::new(&s.path, "skipped: its output name is reserved"),
            ));
        } else {
            seen.insert(&s.output, &s.path);
        }
    }
    drop(seen);
    for (k, e) in refused {
        sources[k] = Err(e);
    }
    sources
}

/// Corpus dedup, pass one: reads every document in sorted input order (text files in
/// parallel batches, record streams record by record) and records the first occurrence of
/// each surviving line's fingerprint. Inputs that cannot be read are skipped here and reported
/// by pass two. `numbers` are the sources' document numbers. Returns the index and the id of
/// every document indexed.
fn index_corpus(
    numbers: &[DocNo],
    sources: &[Result<Source, InputError>],
    cleaner: &Cleaner,
    opts: &CleanOptions,
    pool: &rayon::ThreadPool,
    mut index: dedup::CorpusIndex,
) -> (dedup::CorpusIndex, HashMap<DocNo, String>) {
    let mut ids = HashMap::new();
    let mut i = 0;
    while i < sources.len() {
        if let Ok(s) = &sources[i]
            && s.format.is_records()
        {
            if let Ok(reader) = input::open_stream(&s.path) {
                let mut sink = |n: DocNo, id: String, d: &dedup::DocIndex| {
                    index.add(n, d);
                    ids.insert(n, id);
                };
                let fields = fields_for(s.format, &opts.fields);
                // A stream that breaks off is reported by pass two; what was read counts.
                let _ = jsonl::index_records(
                    records_of(s.format, reader),
                    &s.path,
                    cleaner,
                    &fields,
                    pool,
                    numbers[i],
                    &mut sink,
                );
            }
            i += 1;
            continue;
        }
        let end = text_run_end(sources, i);
        let lines: Vec<dedup::DocIndex> = pool.install(|| {
            sources[i..end]
                .par_iter()
                .map(
                    |s| match s.as_ref().ok().map(|s| input::read(s.clone(), &opts.read)) {
                        Some(Ok(doc)) if doc.source.format == Format::Html => {
                            cleaner.index_html(&doc.bytes)
                        }
                        Some(Ok(doc)) => cleaner.index(&doc.bytes),
                        _ => dedup::DocIndex::default(),
                    },
                )
                .collect()
        });
        for (k, l) in lines.iter().enumerate() {
            index.add(numbers[i + k], l);
            if let Ok(s) = &sources[i + k] {
                ids.insert(numbers[i + k], s.id.clone());
            }
        }
        i = end;
    }
    (index, ids)
}

/// JSONL and WARC/WET inputs are streams of records (cleaned into JSONL); the rest is text.
fn is_records(s: &Result<Source, InputError>) -> bool {
    s.as_ref().is_ok_and(|s| s.format.is_records())
}

/// The end of the run of text sources starting at `i`: up to the next record stream, and at
/// most one parallel batch long.
fn text_run_end(sources: &[Result<Source, InputError>], i: usize) -> usize {
    let limit = sources.len().min(i + BATCH);
    (i..limit)
        .find(|&k| is_records(&sources[k]))
        .unwrap_or(limit)
}

/// The records of a JSONL or WARC/WET stream, one JSON object per item.
fn records_of(
    format: Format,
    reader: Box<dyn std::io::BufRead + Send>,
) -> Box<dyn Iterator<Item = std::io::Result<Vec<u8>>> + Send> {
    match format {
        Format::Warc => Box::new(jsonl::warc_records(reader)),
        _ => Box::new(std::io::BufRead::split(reader, b'\n')),
    }
}

/// WARC/WET records carry their text in `text` and their URI in `id`, whatever the options.
fn fields_for(format: Format, fields: &jsonl::Fields) -> jsonl::Fields {
    match format {
        Format::Warc => jsonl::Fields::default(),
        _ => fields.clone(),
    }
}

/// The texts of the documents near-duplicates may point at, for pass two: record streams
/// cannot be read at one record, so every wanted record is read once, here.
fn near_originals(
    decisions: &dedup::Decisions,
    all: &[Result<Source, InputError>],
    opts: &CleanOptions,
) -> HashMap<DocNo, Vec<u8>> {
    let mut wanted: BTreeMap<usize, std::collections::HashSet<usize>> = BTreeMap::new();
    for n in decisions.near_originals() {
        let file = (n >> 32) as usize;
        if all.get(file).is_some_and(is_records) {
            wanted
                .entry(file)
                .or_default()
                .insert((n & 0xffff_ffff) as usize);
        }
    }
    let mut out = HashMap::new();
    for (file, records) in wanted {
        let Some(Ok(s)) = all.get(file) else { continue };
        let Ok(reader) = input::open_stream(&s.path) else {
            continue;
        };
        let fields = fields_for(s.format, &opts.fields);
        for (k, text) in
            jsonl::record_texts(records_of(s.format, reader), &s.path, &fields, &records)
        {
            out.insert(((file as u64) << 32) | k as u64, text);
        }
    }
    out
}

/// Runs `decruft index`: pass one of corpus dedup over one shard of the inputs, written to
/// `out` (sorted fingerprints, see `shard.rs`). Returns the distinct fingerprints indexed.
pub fn index(opts: &CleanOptions, out: &Path) -> anyhow::Result<usize> {
    let user = opts.rules.as_deref().map(Lexicon::load).transpose()?;
    let cleaner = Cleaner::new(user, dedup::Mode::Corpus);
    let sources = drop_output_clashes(input::collect(&opts.inputs, None, &opts.read));
    if sources
        .iter()
        .any(|s| s.as_ref().is_ok_and(|s| s.path == Path::new("-")))
    {
        anyhow::bail!("decruft index reads its inputs twice over the phases: give files, not -");
    }
    let (numbers, sources): (Vec<DocNo>, Vec<Result<Source, InputError>>) = sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| ((i as u64) << 32, s))
        .filter(|(n, _)| opts.shard.is_none_or(|p| p.has_doc(*n)))
        .unzip();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()?;
    let (index, ids) = index_corpus(
        &numbers,
        &sources,
        &cleaner,
        opts,
        &pool,
        dedup::CorpusIndex::for_shard(),
    );
    let ids: BTreeMap<DocNo, String> = ids.into_iter().collect();
    shard::write_index(out, &index, &ids)
        .with_context(|| format!("cannot write {}", out.display()))?;
    Ok(index.len())
}

/// Reads, cleans and writes one document; returns its provenance line and counts.
fn process(
    source: Source,
    doc_no: DocNo,
    cleaner: &Cleaner,
    opts: &CleanOptions,
    decisions: Option<(&dedup::Decisions, &dedup::NearCheck)>,
) -> Result<Done, InputError> {
    let mut doc = input::read(source, &opts.read)?;
    // Of the bytes read: for HTML the page's, even though the spans cover its page text.
    let mut source_sha256 = None;
    if doc.source.format == Format::Html {
        source_sha256 = Some(sha256_hex(&doc.bytes));
    }
    let (clean, spans, page) = if doc.source.format == Format::Html {
        let id = &doc.source.id;
        let h = match decisions {
            Some((d, near)) => cleaner.clean_html_in_corpus(id, doc_no, &doc.bytes, d, Some(near)),
            None => cleaner.clean_html(id, &doc.bytes),
        }
        .map_err(|e| InputError::new(&doc.source.path, e))?;
        let page = provenance::PageText {
            format: "html".into(),
            encoding: h.encoding.into(),
            html_bytes: doc.bytes.len() as u64,
            sha256: sha256_hex(&h.text),
        };
        doc.warnings.extend(h.warnings);
        // The page text stands for the document from here on.
        doc.bytes = h.text;
        (h.output, h.spans, Some(page))
    } else {
        let (c, s) = match decisions {
            Some((d, near)) => {
                cleaner.clean_in_corpus(&doc.source.id, doc_no, &doc.bytes, d, Some(near))
            }
            None => match doc.utf8 {
                // Validated as it was read.
                true => cleaner.clean_str(
                    &doc.source.id,
                    // SAFETY: `input::read` found these bytes to be UTF-8.
                    unsafe { std::str::from_utf8_unchecked(&doc.bytes) },
                ),
                false => cleaner.clean(&doc.source.id, &doc.bytes),
            },
        };
        (c, s, None)
    };
    // A text's clean output mostly starts with its source's first bytes: those are hashed once.
    let (source_sha256, output_sha256) = match source_sha256 {
        Some(source) => (source, sha256_hex(&clean)),
        None => sha256_hex_pair(&doc.bytes, &clean),
    };
    let src = &doc.source;
    let out_path = opts.out.join(&src.output);
    output::write_atomic(&out_path, &clean).map_err(|e| {
        InputError::new(
            &src.path,
            format!("cannot write {}: {e}", out_path.display()),
        )
    })?;
    let removed = removed_counts(&spans);
    let record = Record {
        schema: provenance::SCHEMA.to_string(),
        id: src.id.clone(),
        source: src.path.display().to_string(),
        compression: doc.compression.map(str::to_string),
        output: src.output.to_string_lossy().replace('\\', "/"),
        source_sha256,
        output_sha256,
        bytes_in: doc.bytes.len() as u64,
        bytes_out: clean.len() as u64,
        warnings: doc.warnings,
        page,
        spans,
    };
    // The line is mostly the removed text: sized for it, the buffer seldom grows.
    let mut record_json = Vec::with_capacity(record_size_hint(&record));
    provenance::write_json(&record, &mut record_json);
    record_json.push(b'\n');
    let warnings = record
        .warnings
        .into_iter()
        .map(|w| InputError::new(&src.path, w))
        .collect();
    Ok(Done {
        record_json,
        bytes_in: record.bytes_in,
        bytes_out: record.bytes_out,
        removed,
        warnings,
    })
}

/// Removed blocks and bytes of `spans` per (reason, rule), in order of first appearance.
fn removed_counts(spans: &[Span]) -> Vec<(String, String, Count)> {
    let mut out: Vec<(String, String, Count)> = Vec::new();
    for s in spans.iter().filter(|s| s.action == Action::Remove) {
        let reason = s.reason.as_deref().unwrap_or_default();
        let rule = s.rule.as_deref().unwrap_or_default();
        match out.iter_mut().find(|(a, b, _)| a == reason && b == rule) {
            Some((_, _, c)) => c.add(s.len()),
            None => out.push((reason.to_string(), rule.to_string(), Count::of(s.len()))),
        }
    }
    out
}

/// A guess at the length of `record`'s JSON line: its removed text and a little per span.
fn record_size_hint(record: &Record) -> usize {
    let stored: usize = record
        .spans
        .iter()
        .map(|s| {
            let text = s.text.as_ref().map_or(0, String::len);
            let hex = s.hex.as_ref().map_or(0, String::len);
            text + hex + 160
        })
        .sum();
    stored + 512
}

/// Removed blocks and bytes per reason in a set of records (what `summary.json` counts).
pub fn count_by_reason<'a>(
    records: impl IntoIterator<Item = &'a Record>,
) -> BTreeMap<String, Count> {
    let mut m: BTreeMap<String, Count> = BTreeMap::new();
    for r in records {
        for s in r.spans.iter().filter(|s| s.action == Action::Remove) {
            m.entry(s.reason.clone().unwrap_or_default())
                .or_default()
                .add(s.len());
        }
    }
    m
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Inverse of [`hex`]; None on malformed input.
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// SHA-256 of `bytes` in hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// [`sha256_hex`] of `a` and of `b`, hashing the bytes they start with in common once.
pub fn sha256_hex_pair(a: &[u8], b: &[u8]) -> (String, String) {
    let common = common_prefix_len(a, b);
    let mut ha = Sha256::new();
    ha.update(&a[..common]);
    let mut hb = ha.clone();
    ha.update(&a[common..]);
    hb.update(&b[common..]);
    (hex(&ha.finalize()), hex(&hb.finalize()))
}

/// Length of the longest common prefix of `a` and `b`.
fn common_prefix_len(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    i + (a[i..n].iter().zip(&b[i..n]))
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        assert_eq!(unhex("000fff"), Some(vec![0, 15, 255]));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("zz"), None);
    }

    #[test]
    fn output_clashes_refuse_the_later_input() {
        let source = |path: &str, output: &str| {
            Ok(Source {
                path: PathBuf::from(path),
                id: path.into(),
                output: PathBuf::from(output),
                format: Format::Text,
            })
        };
        let got = drop_output_clashes(vec![
            source("in/a.text", "a.txt"),
            Err(InputError::new(Path::new("in/f.txt"), "skipped")),
            source("in/a.txt", "a.txt"),
            source("in/provenance.jsonl", "provenance.jsonl"),
            source("in/x/a.txt", "x/a.txt"),
            source("in/x/a.text", "x//a.txt"),
            source("in/x/summary.json", "x/summary.json"),
        ]);
        let errors: Vec<String> = got
            .iter()
            .map(|s| s.as_ref().err().map(|e| e.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(
            errors,
            [
                "",
                "in/f.txt: skipped",
                "in/a.txt: skipped: its output a.txt is already written for in/a.text",
                "in/provenance.jsonl: skipped: its output name is reserved",
                "",
                "in/x/a.text: skipped: its output x//a.txt is already written for in/x/a.txt",
                "",
            ]
        );
    }

    #[test]
    fn a_short_heading_repeated_under_each_item_of_an_article_stays() {
        // A roundup's "Pros" and "Cons" under each product are section labels, not copies;
        // a repeated paragraph still goes.
        let cleaner = Cleaner::new(None, dedup::Mode::Doc);
        let item = |name: &str| {
            format!(
                "<h2>{name}</h2><p>The {name} kettle boils a full litre in under three minutes and keeps water hot for an hour.</p>\
                 <h3>Pros</h3><p>Quiet, quick and easy to clean for the {name}.</p><h3>Cons</h3>\
                 <p>The lid of the {name} is stiff at first.</p><p>Prices were checked on the day of publication.</p>"
            )
        };
        let html = format!(
            "<html><head><script type=application/ld+json>{{\"@type\":\"Article\"}}</script>\
             </head><body><article>{}{}{}</article></body></html>",
            item("Alpha"),
            item("Beta"),
            item("Gamma")
        );
        let out =
            String::from_utf8(cleaner.clean_html("d", html.as_bytes()).unwrap().output).unwrap();
        assert_eq!(out.matches("Pros\n").count(), 3, "{out}");
        assert_eq!(out.matches("Cons\n").count(), 3, "{out}");
        assert_eq!(out.matches("Prices were checked").count(), 1, "{out}");
    }

    #[test]
    fn a_machine_timestamp_in_a_code_block_stays() {
        // A log in a <pre> keeps its timestamp lines; the same line alone in a paragraph
        // is a post's timestamp and goes (`iso_timestamp`).
        let cleaner = Cleaner::new(None, dedup::Mode::Doc);
        let html = "<html><body><article><h1>Debugging a cron job that stopped at midnight</h1>\
             <p>Our nightly export stopped running last week. The scheduler logged the start \
             time of each run, and the last good run was written like this:</p>\
             <pre>2024-05-03T00:00:01.120Z+00:00\n2024-05-03T00:00:02Z export started</pre>\
             <p>The odd format, with both a Z and an offset, came from a library that appends \
             the offset after formatting the time in UTC, and we never noticed it.</p>\
             <p>2024-05-04T00:00:01.118Z+00:00</p></article></body></html>";
        let out =
            String::from_utf8(cleaner.clean_html("d", html.as_bytes()).unwrap().output).unwrap();
        assert!(out.contains("2024-05-03T00:00:01.120Z+00:00\n"), "{out}");
        assert!(!out.contains("2024-05-04T00:00:01.118Z+00:00"), "{out}");
    }

    #[test]
    fn a_related_box_on_the_articles_topic_goes_whole() {
        // Related posts share the article's topic, so their headlines read as on topic; in
        // a box of their own (the header and its first item in one element apart from the
        // article's text) every line of the box is an item.
        let cleaner = Cleaner::new(None, dedup::Mode::Doc);
        let article = [
            "Electricians need a good multimeter, insulated screwdrivers and a sturdy tool bag for daily jobs.",
            "A voltage tester and wire strippers save time on every electrical job and keep electricians safe.",
            "Buy electrical tools that carry a safety rating and replace worn tools before they fail on a job.",
        ];
        let html = format!(
            "<html><body><article><div class=body><p>{}</p><p>{}</p><p>{}</p></div>\
             <div class=posts><h2>Related posts</h2><div class=cards>\
             <a href=/a>Electrical, Tools, Guides</a><a href=/b>7 best tools for electrical jobs</a>\
             <a href=/c>Electrical safety tools every electrician needs</a></div></div>\
             </article></body></html>",
            article[0], article[1], article[2],
        );
        let out =
            String::from_utf8(cleaner.clean_html("d", html.as_bytes()).unwrap().output).unwrap();
        for kept in article {
            assert!(out.contains(kept), "{out}");
        }
        for gone in ["Related posts", "Guides", "7 best", "every electrician"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
    }

    #[test]
    fn an_inline_related_box_does_not_swallow_the_rest_of_the_article() {
        let cleaner = Cleaner::new(None, dedup::Mode::Doc);
        let article = [
            "The harbour project moved ahead this week as the council approved the budget for dredging the old quay.",
            "Engineers expect the dredging to take two winters, while fishermen worry about their moorings and catches.",
            "Residents packed the town hall meeting, where the mayor promised regular reports on costs and delays.",
        ];
        let off = [
            "Once, during a lecture about the Stoics, a student stood up and told a story about his grandmother.",
            "She had kept bees for sixty years and never once complained about a sting, he said, smiling.",
        ];
        let item =
            |t: &str, lead: &str| format!("<li><h3><a href=/x>{t}</a></h3><p>{lead}</p></li>");
        let html = format!(
            "<html><body><article><section class=body><p>{}</p><p>{}</p><p>{}</p>\
             <div class=module><h2>Recommended Reading</h2><ul>{}{}</ul></div>\
             <p>{}</p><p>{}</p></section>\
             <div class=more><h2>Recommended Reading</h2><ul>{}</ul></div></article></body></html>",
            article[0],
            article[1],
            article[2],
            item(
                "Why the markets fell",
                "Stocks slid on Friday as traders sold shares of banks and chip makers."
            ),
            item(
                "A new phone",
                "The latest handset has a brighter screen, a bigger battery and three cameras."
            ),
            off[0],
            off[1],
            item(
                "The best pizza",
                "Our critics ranked forty pizzerias by crust, sauce and the price of a slice."
            ),
        );
        let out =
            String::from_utf8(cleaner.clean_html("d", html.as_bytes()).unwrap().output).unwrap();
        // The article's paragraphs after the box stay, whatever their vocabulary; the box
        // and the one after the article go.
        assert!(out.contains(off[0]) && out.contains(off[1]), "{out}");
        for gone in ["Recommended", "markets", "handset", "pizza"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
    }

    #[test]
    fn a_topic_pages_dated_teasers_are_its_content() {
        // A topic page: teasers, each a headline, a lead and a relative time; the leads make
        // it a page with prose. The times are the items' own, not syndicated items below an
        // article.
        let cleaner = Cleaner::new(None, dedup::Mode::Doc);
        let teaser = |n: usize| {
            format!(
                "<li class=teaser><h3><a href=/s{n}>Rental cars story number {n} makes news</a></h3>\
                 <p>Authorities said the rental company in town {n} had more cars than drivers this year, \
                 and that the cars were parked in a field behind the old station for months while the owners \
                 looked for buyers, which the neighbours did not like at all.</p>\
                 <span class=time>{n} days ago</span></li>"
            )
        };
        let teasers: String = (1..=8).map(teaser).collect();
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
             <div class=list><h2>Car rental</h2><ul class=teasers>{teasers}</ul></div></body></html>"
        );
        let out =
            String::from_utf8(cleaner.clean_html("d", html.as_bytes()).unwrap().output).unwrap();
        for kept in ["Rental cars story number 1 ", "town 5 had", "3 days ago"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

    #[test]
    fn a_read_next_heading_a_script_fills_does_not_swallow_the_article() {
        let cleaner = Cleaner::new(None, dedup::Mode::Doc);
        let article = [
            "The harbour project moved ahead this week as the council approved the budget for dredging the old quay.",
            "Engineers expect the dredging to take two winters, while fishermen worry about their moorings and catches.",
            "Residents packed the town hall meeting, where the mayor promised regular reports on costs and delays.",
        ];
        let rest = "Once, during a lecture about the Stoics, a student stood up and told a story about his grandmother, who had kept bees for sixty years and never once complained about a sting, he said.";
        let html = format!(
            "<html><body><article><p>{}</p><p>{}</p><p>{}</p><div class=more-like-this>Read Next</div>\
             <p>{rest}</p><h3>Related posts</h3><ul><li><a href=/a>Why the markets fell</a></li>\
             <li><a href=/b>A new phone</a></li></ul></article></body></html>",
            article[0], article[1], article[2],
        );
        let out =
            String::from_utf8(cleaner.clean_html("d", html.as_bytes()).unwrap().output).unwrap();
        // The empty "Read Next" box goes, the paragraph after it stays (a full paragraph beside
        // the article's text: the article goes on); a heading's list of links still goes.
        assert!(out.contains(rest) && !out.contains("Read Next"), "{out}");
        assert!(
            !out.contains("Related posts") && !out.contains("markets"),
            "{out}"
        );
    }

    #[test]
    fn paired_hashes_are_the_separate_hashes() {
        let a: Vec<u8> = (0..300u32).map(|k| (k * 7 % 251) as u8).collect();
        for cut in [0, 1, 63, 64, 65, 128, 200, 300] {
            for tail in [&b""[..], b"x", &a[..130]] {
                let b = [&a[..cut], tail].concat();
                assert_eq!(
                    sha256_hex_pair(&a, &b),
                    (sha256_hex(&a), sha256_hex(&b)),
                    "{cut} {}",
                    tail.len()
                );
            }
        }
    }

    #[test]
    fn cleaning_is_lossless() {
        let cleaner = Cleaner::new(None, dedup::Mode::Doc);
        let src = b"Title\r\n\r\nTitle\r\nBody \xff text.\r\n\r\n\r\nLeave a Reply";
        let (out, spans) = cleaner.clean("d", src);
        let record = Record {
            schema: provenance::SCHEMA.into(),
            id: "d".into(),
            source: "d".into(),
            compression: None,
            output: "d.txt".into(),
            source_sha256: sha256_hex(src),
            output_sha256: sha256_hex(&out),
            bytes_in: src.len() as u64,
            bytes_out: out.len() as u64,
            warnings: vec![],
            page: None,
            spans,
        };
        assert_eq!(provenance::rebuild(&record, &out).unwrap(), src);
        assert_eq!(out, b"Title\r\n\r\nBody \xff text.\r\n");
    }
}

//! Classifying: runs the named rules over one document's lines and returns, per line, either
//! nothing (keep) or a removal verdict with its reason, the rule's name and the evidence.
//!
//! The rules, in the order they run (each name is what provenance records in `rule`):
//! - vocabulary rules from `data/lexicon.tsv` and `--rules` (`comment_widget`, `share_bar`,
//!   `promo_phrase`, `image_credit`, `tag_line`, `copyright_line`, `ad_marker`, `breadcrumb`,
//!   `inline_related`, ...): a line that is, starts with or contains a widget phrase;
//! - `related_block`: a related/recommended/more-news header and the items after it:
//!   syndication metadata (source names, relative times, dates), the headline and lead that
//!   follow each, and any further paragraph that is off the article's topic;
//! - `syndicated_items`: the same items without a header, found by a cluster of relative times
//!   (on plain text, only below an article's sentences: [`SYNDICATED_PROSE`]);
//! - weak vocabulary (`Email`, `Print`, `Website`...) removed only beside a removed line of the
//!   same reason, so a share bar or comment form goes as a whole;
//! - `breadcrumb_top`: a section path ("News > World > Asia") among the first lines;
//! - `comment_thread`: after a comment header, the thread (authors, dates, "Reply", texts);
//! - `tag_list`: tag names listed one per line under a "Tags" line;
//! - `promo_followup`: the short call-to-action line right after a promo line;
//! - `author_bio`: an author's bio in the text's tail;
//! - `legal_disclaimer`: a disclaimer about the text itself at its end;
//! - `dump_head` / `dump_tail` / `dump_gap` and the other `dump_` rules (`pagedump.rs`: among
//!   them `dump_postmeta`, `dump_forum_buttons`, `dump_footer`, `dump_title`): on a full-page
//!   text dump only, every line before, after and between the article's prose regions (menus,
//!   cookie banners, footers), then `author_bio` again on the lines the regions kept.
//!
//! Dedup (`dedup.rs`) and blank-line tidying (`emit.rs`) run after these.

use crate::lexicon::{self, Entry, KEEP, Kind, Lexicon, WordFilter};
use crate::segment::{self, Line};
use crate::text;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// Month names and abbreviations in English, French, German and Spanish, as a regex
/// alternation (case-insensitive patterns): the date lines of `related` items and comments,
/// and the datelines above an HTML article (`crate::extract`).
pub const MONTHS: &str = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";
/// Why a block was removed: enough to explain the decision to a person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The vocabulary phrase or pattern that matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
    /// A score behind the decision (topic overlap with the article, 0..1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// A sentence saying what was seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The normalised-text fingerprint (dedup).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// Where the block was in an HTML page: a CSS-like path to its element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Evidence {
    /// Evidence that is only a sentence saying what was seen.
    pub fn detail(detail: impl Into<String>) -> Evidence {
        Evidence {
            detail: Some(detail.into()),
            ..Evidence::default()
        }
    }
}

/// A removal decision for one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub reason: String,
    pub rule: String,
    pub evidence: Evidence,
    /// For duplicates: byte span `start..end` of the copy that was kept.
    pub duplicate_of: Option<(usize, usize)>,
    /// For duplicates of a line in another document: that document's id.
    pub duplicate_doc: Option<String>,
}

impl Verdict {
    pub fn new(reason: &str, rule: &str, evidence: Evidence) -> Verdict {
        Verdict {
            reason: reason.into(),
            rule: rule.into(),
            evidence,
            duplicate_of: None,
            duplicate_doc: None,
        }
    }

    fn from_entry(e: &Entry, detail: Option<String>) -> Verdict {
        let phrase = match e.kind {
            Kind::Regex(_) => format!("/{}/", e.phrase),
            _ => e.phrase.clone(),
        };
        let evidence = Evidence {
            phrase: Some(phrase),
            detail,
            ..Evidence::default()
        };
        Verdict::new(&e.reason, &e.rule, evidence)
    }
}

/// One document, segmented, with the per-line text every rule reads.
pub struct Doc<'a> {
    pub bytes: &'a [u8],
    /// `bytes` as a string, when they are known to be UTF-8.
    pub whole: Option<&'a str>,
    pub lines: Vec<Line>,
    /// Trimmed line text (invalid UTF-8 replaced for reading only; output keeps the bytes).
    pub text: Vec<Cow<'a, str>>,
    /// Normalised text of every line, one after another (see [`Doc::norm`]).
    norm_buf: String,
    /// `norm_buf` range of each line's normalised text (empty for blank lines).
    norm_at: Vec<(u32, u32)>,
    pub words: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub fn new(bytes: &'a [u8]) -> Doc<'a> {
        // Validate once: most documents are valid UTF-8, and then lines are plain slices.
        Doc::build(bytes, std::str::from_utf8(bytes).ok())
    }

    /// [`Doc::new`] of text already known to be UTF-8.
    pub fn from_text(text: &'a str) -> Doc<'a> {
        Doc::build(text.as_bytes(), Some(text))
    }

    /// `whole` is `bytes` as a string, when they are UTF-8.
    fn build(bytes: &'a [u8], whole: Option<&'a str>) -> Doc<'a> {
        let lines = segment::lines(bytes);
        let mut text = Vec::with_capacity(lines.len());
        let mut norm_buf = String::with_capacity(bytes.len());
        let mut norm_at = Vec::with_capacity(lines.len());
        let mut words = Vec::with_capacity(lines.len());
        for l in &lines {
            let at = norm_buf.len() as u32;
            if l.blank {
                text.push(Cow::Borrowed(""));
                norm_at.push((at, at));
                words.push(0);
                continue;
            }
            let t = match whole {
                Some(s) => Cow::Borrowed(text::trim(&s[l.start..l.end])),
                None => match String::from_utf8_lossy(&bytes[l.start..l.end]) {
                    Cow::Borrowed(s) => Cow::Borrowed(text::trim(s)),
                    Cow::Owned(s) => Cow::Owned(text::trim(&s).to_string()),
                },
            };
            let w = text::normalize_count_into(&t, &mut norm_buf);
            norm_at.push((at, norm_buf.len() as u32));
            words.push(w);
            text.push(t);
        }
        Doc {
            bytes,
            whole,
            lines,
            text,
            norm_buf,
            norm_at,
            words,
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Normalised text of line `i` (see `text::normalize`); empty for blank lines.
    pub fn norm(&self, i: usize) -> &str {
        let (s, e) = self.norm_at[i];
        &self.norm_buf[s as usize..e as usize]
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The next non-blank line after `i` with at most `gap` blank lines in between.
    pub fn next_nonblank(&self, i: usize, gap: usize) -> Option<usize> {
        (i + 1..self.len().min(i + 2 + gap)).find(|&j| !self.lines[j].blank)
    }

    /// The previous non-blank line before `i` with at most `gap` blank lines in between.
    pub fn prev_nonblank(&self, i: usize, gap: usize) -> Option<usize> {
        (i.saturating_sub(gap + 1)..i)
            .rev()
            .find(|&j| !self.lines[j].blank)
    }
}

/// On a listing, a related section whose items would take more than this share of the
/// words still kept is the list itself ("Latest articles" over a blog's front page), not
/// a module beside it: it stays, header and all.
const LISTING_SECTION: f64 = 0.5;

/// Below this share of its topic words found in the article, a paragraph inside a related
/// section is an off-topic item (calibrated on bench/noisy-dev; see README).
pub const OFF_TOPIC: f64 = 0.5;
/// On plain text, a cluster of relative times without a related header opens a section of
/// syndicated items only below at least this many words of sentences (lines of 8 words or
/// more ending like one): with less, there is no article above it, and the times are a
/// listing's own (a topic page or a job board dumped as text, "3 days ago" under each item).
pub const SYNDICATED_PROSE: usize = 30;

/// The rules, compiled once per run and shared by every thread.
pub struct Classifier {
    user: Option<Lexicon>,
    builtin: Lexicon,
    relative_time: Regex,
    dash_source: Regex,
    date: Regex,
    comment_meta: Regex,
    path_line: Regex,
    /// [`Classifier::TIME_CUES`], for a quick test of each word.
    time_cues: WordFilter,
}

/// Most datelines a page dump has for [`Rules::dump_datelines`] to take them: an article's
/// own and one more (a card's, a footer's).
const DUMP_DATELINES: usize = 2;

const TIME_UNITS: &str = r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)";

impl Classifier {
    pub fn new(user: Option<Lexicon>) -> Classifier {
        let times = [
            format!(r"(?:(?:updated|published|posted)\s+)?(?:(?:about|over|almost|nearly|around|just)\s+)?(?:an?|one|\d+)\s*{TIME_UNITS}\s+ago"),
            r"just now|yesterday".to_string(),
            r"il y a (?:une?|\d+)\s*(?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?)".into(),
            r"vor (?:einer|einem|\d+)\s*(?:sekunden?|minuten?|min|stunden?|std|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)".into(),
            r"hace (?:una?|\d+)\s*(?:segundos?|minutos?|min|horas?|h|días?|dias?|semanas?|mes(?:es)?|años?)".into(),
            r"(?:\d+|un|una) (?:minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ie]) fa".into(),
            r"há (?:\d+|uma?) (?:minutos?|horas?|dias?|semanas?)".into(),
            r"(?:\d+|een) (?:minuten|minuut|uur|dagen|dag|weken|week) geleden".into(),
            // Reading times ride along with the item metadata of related widgets.
            r"\d+\s*(?:min|mins|minutes?|minuten)\.?\s*(?:read|reading|de lecture|lesezeit|de lectura)".into(),
            r"(?:lesezeit|temps de lecture|tiempo de lectura|reading time)\s*:?\s*\d+\s*(?:min|mins|minutes?|minuten|minutos)\.?".into(),
        ];
        let relative_time = Regex::new(&format!(
            r"(?i)^(?:[\p{{L}}\p{{N}}&.' ]+?\s*[·•|–—-]\s*)?(?:{})\.?(?:\s*[·•|–—-]\s*[\p{{L}}\p{{N}}&.' ]+)?$",
            times.join("|")
        ))
        .expect("relative-time pattern");
        let dash_source =
            Regex::new(r"^[-–—•·|]\s*\p{Lu}[\p{L}\p{N}&.' -]*$").expect("dash-source pattern");
        let months = MONTHS;
        let date = Regex::new(&format!(
            r"(?i)^(?:[\p{{L}}\p{{N}}&.' -]+?\s*[·•|–—]\s*)?(?:\p{{L}}+,?\s+)?(?:(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+(?:de\s+)?(?:{months})\.?\s+(?:de\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})(?:,?\s+(?:at|um|à|a las|alle)?\s*\d{{1,2}}[:.h]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*uhr)?)?$"
        ))
        .expect("date pattern");
        let comment_meta = Regex::new(
            r"(?i)^(?:.+\s(?:says|said|wrote|schreibt|schrieb|dit|a écrit|dice|escribió|comentó)\s*:?|\d+\s+(?:likes?|replies|votes?|points?|réponses?|antworten|respuestas)|(?:reply|répondre|antworten|responder)\s*[↓→]?|log in to reply|in reply to .+)$",
        )
        .expect("comment-meta pattern");
        // "Sport > Fußball > 2. Bundesliga", "Tech / Reviews / E-readers": section paths.
        let path_line =
            Regex::new(r"^[\p{Lu}\p{N}][^>/»›|]*(?:\s[>/»›]\s+[\p{Lu}\p{N}][^>/»›|]*)+$")
                .expect("path pattern");
        let mut time_cues = WordFilter::default();
        for w in Self::TIME_CUES {
            time_cues.insert(w.as_bytes());
        }
        Classifier {
            user,
            builtin: Lexicon::builtin(),
            relative_time,
            dash_source,
            date,
            comment_meta,
            path_line,
            time_cues,
        }
    }

    /// The verdict for every line of `doc` (None = keep), a plain-text document that may be a
    /// full-page text dump (see `pagedump.rs`).
    pub fn classify(&self, doc: &Doc) -> Vec<Option<Verdict>> {
        self.classify_with(doc, true, &|_, _| Section::Same, false)
    }

    /// As [`Classifier::classify`] without the page-dump rule: for text whose main content was
    /// already extracted (an HTML page's blocks, where `extract.rs` decides the region).
    /// `same_section(h, j)` says whether line `j` is still in the part of the page that holds
    /// the related-section header on line `h` (on an HTML page, inside the element around the
    /// header and its first item): a related section ends where that element does, so the
    /// article's paragraphs after an inline "Recommended reading" box are not its items.
    /// On a `listing` (a page whose content is a list of items, see
    /// [`crate::extract::Extraction::listing`]) a cluster of relative times without a related
    /// header is the list itself ("3 days ago" under each story of a topic page), not
    /// syndicated items below an article: `syndicated_items` does not run.
    pub fn classify_extracted(
        &self,
        doc: &Doc,
        same_section: &dyn Fn(usize, usize) -> Section,
        listing: bool,
    ) -> Vec<Option<Verdict>> {
        self.classify_with(doc, false, same_section, listing)
    }

    fn classify_with(
        &self,
        doc: &Doc,
        page_dump: bool,
        same_section: &dyn Fn(usize, usize) -> Section,
        listing: bool,
    ) -> Vec<Option<Verdict>> {
        let n = doc.len();
        let mut v: Vec<Option<Verdict>> = Vec::with_capacity(n);
        v.resize_with(n, || None);
        let mut protected = vec![false; n];
        let mut strong: Vec<Option<&Entry>> = vec![None; n];
        let mut weak: Vec<Vec<&Entry>> = vec![Vec::new(); n];
        for i in 0..n {
            if doc.lines[i].blank {
                continue;
            }
            let (t, norm, w) = (&doc.text[i], doc.norm(i), doc.words[i]);
            let mut m = match &self.user {
                Some(user) => user.lookup(t, norm, w),
                None => Default::default(),
            };
            if m.strong.is_none() {
                let b = self.builtin.lookup(t, norm, w);
                m.strong = b.strong;
                m.weak.extend(b.weak);
            }
            if m.strong.is_some_and(|e| e.reason == KEEP) {
                protected[i] = true;
                continue;
            }
            strong[i] = m.strong;
            weak[i] = m.weak;
        }
        for i in 0..n {
            if let Some(e) = strong[i]
                && !is_related_header(e)
            {
                v[i] = Some(Verdict::from_entry(e, None));
            } else if let Some(pairs) = data_blob(&doc.text[i])
                && !protected[i]
            {
                let detail = format!(
                    "a line of minified JSON data ({pairs} \"key\": pairs): a widget's settings written out as text"
                );
                let ev = Evidence::detail(detail);
                v[i] = Some(Verdict::new("chrome", "data_blob", ev));
            } else if let Some((reason, rule, detail)) = machine_line(&doc.text[i])
                && !protected[i]
            {
                let ev = Evidence::detail(detail);
                v[i] = Some(Verdict::new(reason, rule, ev));
            }
        }
        let time: Vec<bool> = (0..n).map(|i| self.is_time(doc, i)).collect();
        let mut rules = Rules {
            doc,
            v: &mut v,
            protected: &protected,
            c: self,
            time: &time,
            same_section,
            headerless: !listing,
            listing,
            headerless_after_prose: page_dump,
        };
        rules.breadcrumb_top();
        rules.related_sections(&strong);
        rules.comment_threads(&strong, &weak);
        rules.tag_lists(&strong);
        rules.weak_neighbours(&weak);
        rules.promo_followups();
        let all: Vec<usize> = (n / 2..n).filter(|&i| !doc.lines[i].blank).collect();
        rules.author_bios(&all);
        rules.tail_disclaimers();
        if !page_dump {
            rules.signup_lines();
        }
        let dump = page_dump && crate::pagedump::mark(doc, &mut *rules.v, &protected, &strong);
        if dump {
            // On a page dump the article's tail is the second half of the lines its regions
            // kept: the footer below them is no part of the text an author's bio ends.
            let kept: Vec<usize> = (0..n)
                .filter(|&i| !doc.lines[i].blank && rules.v[i].is_none() && !protected[i])
                .collect();
            rules.author_bios(&kept[kept.len() / 2..]);
        }
        // A whole page's text (an HTML page's, a page dump's), not an article's text already
        // cut out, whose head ("12 Nov 2025", "8 min read") is the article's own.
        if !page_dump || dump {
            rules.reading_times();
        }
        if dump {
            rules.dump_datelines();
        }
        v
    }

    fn is_time(&self, doc: &Doc, i: usize) -> bool {
        if doc.lines[i].blank || doc.words[i] > 12 {
            return false;
        }
        let norm = doc.norm(i).as_bytes();
        let mut cue = false;
        lexicon::for_each_word(norm, |s, e| cue |= self.is_time_cue(&norm[s..e]));
        cue && self.relative_time.is_match(&doc.text[i])
    }

    /// Every relative time or reading time has one of these words: the regex is skipped for
    /// a line without one.
    const TIME_CUES: &[&str] = &[
        "ago",
        "now",
        "yesterday",
        "il",
        "vor",
        "hace",
        "fa",
        "há",
        "geleden",
        "read",
        "reading",
        "lecture",
        "lesezeit",
        "lectura",
        "time",
    ];

    #[inline]
    fn is_time_cue(&self, w: &[u8]) -> bool {
        self.time_cues.may_hold(w) && Self::TIME_CUES.iter().any(|c| c.as_bytes() == w)
    }
}

/// Where a line is against a related-section header's part of the page (see
/// [`Classifier::classify_extracted`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Past the header's part of the page: the section has ended.
    Outside,
    /// Still in it, as far as the page says (plain text says nothing).
    Same,
    /// Inside the element that holds the header and its first item and not the article's
    /// text: a related module of its own, every line of it an item.
    Boxed,
}

pub(crate) fn is_related_header(e: &Entry) -> bool {
    e.kind == Kind::Header && e.reason == "related"
}

/// Mutable state of one document's classification, shared by the context rules.
struct Rules<'r, 'a> {
    doc: &'r Doc<'a>,
    v: &'r mut Vec<Option<Verdict>>,
    protected: &'r [bool],
    c: &'r Classifier,
    /// Lines that are a relative time ("3 hours ago", "il y a 2 heures").
    time: &'r [bool],
    /// Whether a line is in the same part of the page as a related header's line (see
    /// [`Classifier::classify_extracted`]).
    same_section: &'r dyn Fn(usize, usize) -> Section,
    /// Whether a cluster of relative times without a header opens a related section
    /// (`syndicated_items`; not on a listing, see [`Classifier::classify_extracted`]).
    headerless: bool,
    /// Whether that cluster must have an article's prose above it ([`SYNDICATED_PROSE`]): on
    /// plain text, where a page dump's listing (a topic page, a job board) is not told apart.
    headerless_after_prose: bool,
    /// The page is a listing (see [`Classifier::classify_extracted`]): a related header's
    /// items that are most of its text are the list itself ([`LISTING_SECTION`]).
    listing: bool,
}

impl<'r, 'a: 'r> Rules<'r, 'a> {
    fn free(&self, i: usize) -> bool {
        self.v[i].is_none() && !self.protected[i] && !self.doc.lines[i].blank
    }

    fn mark(&mut self, i: usize, reason: &str, rule: &str, evidence: Evidence) {
        if self.free(i) {
            self.v[i] = Some(Verdict::new(reason, rule, evidence));
        }
    }

    /// `weak` entries go when a neighbour (at most one blank line away) was removed for the
    /// same reason; repeated until nothing changes, so a whole share bar goes.
    fn weak_neighbours(&mut self, weak: &[Vec<&Entry>]) {
        // A run of weak lines goes from the removed line at either end: one sweep down the
        // text carries removals down a run, one sweep up carries them up, so a pair of sweeps
        // settles every run (a second pair finds nothing). Sweeping only down, a run above a
        // removed line went up one line per pass: quadratic in its length.
        // A sweep that changes nothing ends it: the lines are all settled.
        let n = self.doc.len();
        let mut up = false;
        loop {
            let mut changed = false;
            for k in 0..n {
                let i = if up { n - 1 - k } else { k };
                changed |= self.weak_beside(weak, i);
            }
            if !changed {
                break;
            }
            up = !up;
        }
    }

    /// Removes line `i` by one of its weak entries when a neighbour was removed for the
    /// same reason (the line above first); whether it did.
    fn weak_beside(&mut self, weak: &[Vec<&Entry>], i: usize) -> bool {
        if weak[i].is_empty() || !self.free(i) {
            return false;
        }
        let nbs = [self.doc.prev_nonblank(i, 1), self.doc.next_nonblank(i, 1)];
        for nb in nbs.into_iter().flatten() {
            let Some(reason) = self.v[nb].as_ref().map(|x| x.reason.clone()) else {
                continue;
            };
            if let Some(e) = weak[i].iter().find(|e| e.reason == reason) {
                let detail = format!("beside a removed {reason} line");
                self.v[i] = Some(Verdict::from_entry(e, Some(detail)));
                return true;
            }
        }
        false
    }

    /// An author's bio below the article (`author_bio`): in the text's tail (the lines after
    /// its last line of [`BIO_TAIL_WORDS`] words or more that is not a bio, in the second half
    /// of the text), a paragraph that opens with a person's name and says what they do ("Jane
    /// Doe is a freelance writer…", "Dr. Lee is a physician…", see [`is_bio`]). The name and
    /// role lines just above it (an author box's "Jane Doe" / "Contributing Writer": up to
    /// two lines of at most five words without sentence punctuation) go with it. `lines` are
    /// the tail's candidate lines in order (non-blank): the text's second half, or on a page
    /// dump the second half of the lines its regions kept.
    fn author_bios(&mut self, lines: &[usize]) {
        let mut bios = Vec::new();
        // Long lines below the bios found so far that are no bio: they must all go on about
        // the person of the bio above them (see [`continues_bio`]), or that was no bio.
        let mut after: Vec<usize> = Vec::new();
        for &i in lines.iter().rev() {
            let w = self.doc.words[i];
            if w >= BIO_MIN_WORDS && is_bio(&self.doc.text[i]) {
                if !after
                    .iter()
                    .all(|&k| continues_bio(&self.doc.text[i], &self.doc.text[k]))
                {
                    break;
                }
                bios.append(&mut after);
                bios.push(i);
            } else if w >= BIO_TAIL_WORDS {
                if after.len() == BIO_PARAGRAPHS {
                    break;
                }
                after.push(i);
            }
        }
        for &i in &bios {
            let ev = || Evidence::detail("an author's bio below the article");
            self.mark(i, "byline", "author_bio", ev());
            let mut j = i;
            for _ in 0..2 {
                match self.doc.prev_nonblank(j, 1) {
                    Some(k)
                        if self.doc.words[k] <= 5
                            && !self.doc.text[k].ends_with(['.', '!', '?', ':'])
                            && self.free(k) =>
                    {
                        self.mark(k, "byline", "author_bio", ev());
                        j = k;
                    }
                    _ => break,
                }
            }
        }
    }

    /// A reading time on a line of its own (`reading_time`) in a whole page's text (an HTML
    /// page's, a page dump's): "5 min read", "3 MIN. READ", "Reading time: 8 minutes"
    /// ([`crate::extract::reading_time`]), a post's or a card's metadata. It runs last:
    /// on a listing's cards those lines are the items' metadata that the related-section rule
    /// anchors on (removed first, they left whole lists of other posts in).
    fn reading_times(&mut self) {
        for i in 0..self.doc.len() {
            let t = self.doc.text[i].trim();
            if self.doc.words[i] <= 4
                && t.bytes().any(|b| b.is_ascii_digit())
                && crate::extract::reading_time(t)
            {
                let ev = Evidence::detail("a reading time on a line of its own: a post's metadata");
                self.mark(i, "byline", "reading_time", ev);
            }
        }
    }

    /// In a full-page text dump, a dateline on a line of its own (`dump_dateline`): a date
    /// ("March 2, 2026", "Tue, 3 Jul 2024", "2025-12-19"), maybe with publishing words
    /// ("Published on", "Last updated:") and capitalised names ("by Jane Doe"), nothing else
    /// ([`crate::extract::date_line`]): an article's or an item's date, which the benchmarks'
    /// main content leaves out (on an HTML page `html_dateline` takes the article's own). Only
    /// on a page with at most [`DUMP_DATELINES`] of them: more are the dates of a thread's
    /// posts, a diary's or changelog's entries, a list of events, and they are its text. A
    /// date with a time ("Jul 18, 2024 at 13:41") is a forum post's header and stays, and an
    /// article's text already cut out keeps its head's date.
    fn dump_datelines(&mut self) {
        let lines: Vec<usize> = (0..self.doc.len())
            .filter(|&i| {
                let t = self.doc.text[i].trim();
                t.bytes().any(|b| b.is_ascii_digit())
                    && self.free(i)
                    && crate::extract::date_line(t, false)
            })
            .collect();
        if lines.len() > DUMP_DATELINES {
            return;
        }
        for i in lines {
            let ev = Evidence::detail("a dateline on a line of its own in a page dump");
            self.mark(i, "byline", "dump_dateline", ev);
        }
    }

    /// On an HTML page's extracted text, a line that asks the reader to sign up for the site's
    /// newsletter or emails (the test of a page dump's `dump_signup`, see
    /// [`crate::pagedump::is_signup`]): "Want updates on the latest tips? Sign up to receive our
    /// emails!", "Never miss … by signing up for the … Newsletter". A line with quotation marks
    /// is someone's words reported by the article ("“Residents can sign up for our email
    /// alerts,” the chief said"), and stays.
    fn signup_lines(&mut self) {
        for i in 0..self.doc.len() {
            if self.free(i)
                && crate::pagedump::is_signup(self.doc, i)
                && !self.doc.text[i].contains(['"', '“', '”', '«', '»', '„'])
            {
                let ev = Evidence::detail(
                    "a call to sign up for the site's newsletter or emails in a page's text",
                );
                self.mark(i, "promo", "signup_line", ev);
            }
        }
    }

    /// A legal disclaimer at the end of the text (`legal_disclaimer`): a paragraph of at most
    /// [`DISCLAIMER_WORDS`] words that says the text ("this article", "the information",
    /// "our website"…) is "for informational purposes", "does not constitute" advice, an offer
    /// or a recommendation, or "is not legal / financial advice" (not a note on what the article lists), with at most
    /// [`DISCLAIMER_AFTER`] kept words after it and in the last fifth of the kept words (a
    /// disclaimer at the top, or inside a calculator's results, is the page's own text). A
    /// "Disclaimer" label right above it goes with it.
    fn tail_disclaimers(&mut self) {
        use std::sync::OnceLock;
        static RE: OnceLock<[Regex; 2]> = OnceLock::new();
        let [re, itself] = RE.get_or_init(|| {
            [
                Regex::new(
                    r"(?i)\binformational purposes\b|\b(?:does|do|should) not constitute\b[^.]{0,40}?\b(?:advice|offer|recommendation|endorsement|solicitation|relationship)\b|\bnot (?:legal|financial|medical|investment|tax) advice\b",
                )
                .expect("disclaimer pattern"),
                Regex::new(
                    r"(?i)\b(?:this|the|our)\s+(?:\w+\s+)?(?:article|blog|post|content|information|material|website|site|page|newsletter|video|episode|podcast)\b",
                )
                .expect("disclaimer subject pattern"),
            ]
        });
        let n = self.doc.len();
        let kept = |r: &Self, i: usize| r.v[i].is_none() && !r.doc.lines[i].blank;
        let total: usize = (0..n)
            .filter(|&i| kept(self, i))
            .map(|i| self.doc.words[i])
            .sum();
        let mut after = 0;
        for i in (0..n).rev() {
            if !kept(self, i) {
                continue;
            }
            let w = self.doc.words[i];
            if self.free(i)
                && w <= DISCLAIMER_WORDS
                && (after + w) as f64 <= DISCLAIMER_TAIL * total as f64
                && re.is_match(&self.doc.text[i])
                && itself.is_match(&self.doc.text[i])
            {
                let ev = || Evidence::detail("a legal disclaimer at the end of the text");
                self.mark(i, "boilerplate", "legal_disclaimer", ev());
                if let Some(k) = self.doc.prev_nonblank(i, 1) {
                    let label = self.doc.norm(k);
                    if matches!(label, "disclaimer" | "legal disclaimer" | "disclaimers") {
                        self.mark(k, "boilerplate", "legal_disclaimer", ev());
                    }
                }
            }
            after += w;
            if after > DISCLAIMER_AFTER {
                break;
            }
        }
    }

    /// A short line right after a promo line that speaks to the reader ("Explore what our app
    /// can do for you:") belongs to the promo.
    fn promo_followups(&mut self) {
        const SECOND_PERSON: &[&str] = &[
            "you", "your", "yours", "vous", "votre", "vos", "tu", "ton", "ta", "tes", "sie", "ihr",
            "ihre", "ihren", "dich", "dein", "deine", "usted", "te", "tus",
        ];
        for i in 0..self.doc.len() {
            if self.v[i].as_ref().is_none_or(|x| x.reason != "promo") {
                continue;
            }
            let mut cur = i;
            for _ in 0..2 {
                let Some(j) = self.doc.next_nonblank(cur, 1) else {
                    break;
                };
                if !self.free(j) || self.doc.words[j] > 15 {
                    break;
                }
                let speaks = text::norm_words(self.doc.norm(j)).any(|w| SECOND_PERSON.contains(&w));
                if !speaks {
                    break;
                }
                let detail = "short call to action right after a promo line".to_string();
                let ev = Evidence::detail(detail);
                self.mark(j, "promo", "promo_followup", ev);
                cur = j;
            }
        }
    }

    /// A comment section's thread: after a comment widget line, author lines, dates, "Reply"
    /// buttons and the comment texts between them, as long as a comment marker (date, "says:",
    /// reply/like/report) stays within three lines.
    fn comment_threads(&mut self, strong: &[Option<&Entry>], weak: &[Vec<&Entry>]) {
        let n = self.doc.len();
        if !strong
            .iter()
            .any(|e| e.is_some_and(|e| e.reason == "comments"))
        {
            return;
        }
        // Whether a line is comment metadata, worked out when a thread reaches it: most lines
        // sit before any comment header, or after the thread ended.
        let mut meta: Vec<Option<bool>> = vec![None; n];
        let doc = self.doc;
        let (c, time) = (self.c, self.time);
        let mut is_meta = |j: usize| {
            *meta[j].get_or_insert_with(|| {
                let t = &doc.text[j];
                !doc.lines[j].blank
                    && (time[j]
                        || (doc.words[j] <= 12
                            && (c.date.is_match(t) || c.comment_meta.is_match(t)))
                        || weak[j].iter().any(|e| e.reason == "comments"))
            })
        };
        let mut i = 0;
        while i < n {
            let is_anchor = strong[i].is_some_and(|e| e.reason == "comments");
            if !is_anchor || self.v[i].as_ref().is_none_or(|x| x.reason != "comments") {
                i += 1;
                continue;
            }
            let rest: Vec<usize> = (i + 1..n).filter(|&j| !self.doc.lines[j].blank).collect();
            let mut near = |from: usize, to: usize, skip: usize| {
                rest[from..to.min(rest.len())]
                    .iter()
                    .any(|&x| x != skip && is_meta(x))
            };
            let mut k = 0;
            while k < rest.len() {
                let j = rest[k];
                if self.protected[j] {
                    break;
                }
                if self.v[j].is_none() {
                    let detail = if near(k, k + 1, usize::MAX) {
                        "comment author line, date or action"
                    } else if near(k.saturating_sub(3), k, j) || near(k + 1, k + 4, j) {
                        "text of a reader comment, between comment markers"
                    } else {
                        break;
                    };
                    let ev = Evidence::detail(detail);
                    self.mark(j, "comments", "comment_thread", ev);
                }
                k += 1;
            }
            i = rest.get(k).copied().unwrap_or(n).max(i + 1);
        }
    }

    /// A section path among the first lines of the page ("Tech / Reviews / E-readers"): short
    /// capitalised segments joined by spaced `>` `/` `»` `›`. Only at the top, where menus and
    /// breadcrumbs sit; the same shape inside an article may be an instruction.
    fn breadcrumb_top(&mut self) {
        let top: Vec<usize> = (0..self.doc.len())
            .filter(|&i| !self.doc.lines[i].blank)
            .take(4)
            .collect();
        for i in top {
            let t = &self.doc.text[i];
            if self.free(i) && self.doc.words[i] <= 10 && self.c.path_line.is_match(t) {
                let ev = Evidence::detail("section path among the first lines of the page");
                self.mark(i, "breadcrumb", "breadcrumb_top", ev);
            }
        }
    }

    /// The tag names listed one per line under a "Tags" / "Schlagwörter" line.
    fn tag_lists(&mut self, strong: &[Option<&Entry>]) {
        for i in 0..self.doc.len() {
            let is_tag_header =
                strong[i].is_some_and(|e| e.reason == "tags" && e.kind == Kind::Line);
            if !is_tag_header || self.v[i].is_none() {
                continue;
            }
            let mut cur = i;
            for _ in 0..30 {
                let Some(j) = self.doc.next_nonblank(cur, 1) else {
                    break;
                };
                let t = &self.doc.text[j];
                if !self.free(j) || self.doc.words[j] > 4 || t.ends_with(['.', '!', '?', ':']) {
                    break;
                }
                let ev = Evidence::detail("listed under a tags line");
                self.mark(j, "tags", "tag_list", ev);
                cur = j;
            }
        }
    }

    /// Related sections: from each related header (or, without one, from a cluster of
    /// relative-time lines), remove item metadata, the headline and lead after each, and
    /// paragraphs off the article's topic; stop at the first on-topic paragraph.
    fn related_sections(&mut self, strong: &[Option<&Entry>]) {
        let n = self.doc.len();
        let time = self.time;
        let mut starts: Vec<(usize, Option<&Entry>)> = Vec::new();
        // Words of the sentences above line `i` (lines of 8 words or more ending like one,
        // not removed): syndicated items come below an article, a listing's items do not,
        // and once a cluster is a listing's, so are the times below it (its items' blurbs
        // are no article).
        let mut prose = 0;
        let mut listing = false;
        for i in 0..n {
            let article = !self.headerless_after_prose || (prose >= SYNDICATED_PROSE && !listing);
            if self.v[i].is_none()
                && self.doc.words[i] >= 8
                && self.doc.text[i].ends_with(['.', '!', '?', '…', '。', '！', '？'])
            {
                prose += self.doc.words[i];
            }
            if let Some(e) = strong[i].filter(|e| is_related_header(e)) {
                starts.push((i, Some(e)));
            } else if self.headerless && time[i] && self.free(i) {
                // A cluster: another relative time within the next 15 lines.
                let window = (i + 1..n.min(i + 16)).any(|j| time[j]);
                listing |= window && !article;
                if window && article {
                    let start = match self.doc.prev_nonblank(i, 2) {
                        Some(p) if self.is_source_name(p) && self.free(p) => p,
                        _ => i,
                    };
                    starts.push((start, None));
                }
            }
        }
        if starts.is_empty() {
            return;
        }
        starts.sort_by_key(|s| s.0);
        // Built on first use: most sections are settled by their item metadata alone.
        let vocab = std::cell::OnceCell::new();
        let first = starts[0].0;
        let mut covered = 0;
        for (s, header) in starts {
            if s < covered {
                continue;
            }
            covered = self.scan_section(s, header, strong, &vocab, first);
        }
    }

    /// Scans one related section starting at line `s`; returns the first line after it.
    fn scan_section(
        &mut self,
        s: usize,
        header: Option<&Entry>,
        strong: &[Option<&Entry>],
        vocab: &std::cell::OnceCell<Vocab<'r>>,
        article_end: usize,
    ) -> usize {
        let n = self.doc.len();
        let (rule, anchor) = match header {
            Some(e) => (
                "related_block",
                format!("under the related header {:?}", e.phrase),
            ),
            None => (
                "syndicated_items",
                "in a run of syndicated items".to_string(),
            ),
        };
        let mut marked = 0;
        let mut budget = 0;
        // On a listing: the lines still kept before the section is scanned (see
        // [`LISTING_SECTION`]).
        let free_before: Vec<usize> = if self.listing && header.is_some() {
            (0..n).filter(|&i| self.v[i].is_none()).collect()
        } else {
            Vec::new()
        };
        // The section ended where the header's part of the page does (see `same_section`).
        let mut boxed = false;
        let mut j = if header.is_some() { s + 1 } else { s };
        while j < n {
            if self.doc.lines[j].blank {
                j += 1;
                continue;
            }
            if self.protected[j] {
                break;
            }
            let section = if header.is_some() {
                (self.same_section)(s, j)
            } else {
                Section::Same
            };
            if section == Section::Outside {
                boxed = true;
                break;
            }
            if self.v[j].is_some() {
                // Another widget inside the section (its own rule removed it).
                budget = 0;
                j += 1;
                continue;
            }
            if let Some(e) = strong[j].filter(|e| is_related_header(e)) {
                let ev = Evidence {
                    phrase: Some(e.phrase.clone()),
                    ..Evidence::default()
                };
                self.mark(j, "related", rule, ev);
                budget = 0;
            } else if section == Section::Boxed && header.is_some_and(|e| e.phrase.contains(' ')) {
                let ev = Evidence::detail(format!(
                    "in the box that holds the header and its items, apart from the article {anchor}"
                ));
                self.mark(j, "related", rule, ev);
                marked += 1;
            } else if self.is_item_metadata(j) {
                let ev = Evidence::detail(format!("item source, time or date {anchor}"));
                self.mark(j, "related", rule, ev);
                marked += 1;
                budget = 2;
            } else if self
                .doc
                .next_nonblank(j, 1)
                .is_some_and(|k| self.free(k) && self.is_item_metadata(k))
            {
                let ev = Evidence::detail(format!(
                    "headline above an item's source, time or date {anchor}"
                ));
                self.mark(j, "related", rule, ev);
                marked += 1;
            } else if budget > 0 {
                let ev = Evidence::detail(format!("headline or lead of a listed item {anchor}"));
                self.mark(j, "related", rule, ev);
                marked += 1;
                budget -= 1;
            } else {
                let vocab = vocab.get_or_init(|| Vocab::build(self.doc, self.v, article_end));
                let score = vocab.overlap(self.doc, j);
                if score >= OFF_TOPIC {
                    break;
                }
                let ev = Evidence {
                    score: Some(round3(score)),
                    detail: Some(format!(
                        "off the article's topic (share of topic words found in the article: {:.2} < {OFF_TOPIC}) {anchor}",
                        score
                    )),
                    ..Evidence::default()
                };
                self.mark(j, "related", rule, ev);
                marked += 1;
            }
            j += 1;
        }
        if !free_before.is_empty() && marked > 0 {
            let kept: usize = free_before.iter().map(|&i| self.doc.words[i]).sum();
            let taken: Vec<usize> = (free_before.iter().copied())
                .filter(|&i| self.v[i].is_some())
                .collect();
            let words: usize = taken.iter().map(|&i| self.doc.words[i]).sum();
            if words as f64 > LISTING_SECTION * kept as f64 {
                for i in taken {
                    self.v[i] = None;
                }
                return j;
            }
        }
        if let Some(e) = header
            && (marked > 0 || j >= n || boxed)
        {
            let detail = if marked > 0 {
                format!("header of a related section with {marked} removed item lines")
            } else if boxed {
                "related header whose part of the page holds no items".to_string()
            } else {
                "related header with nothing but widgets after it".to_string()
            };
            self.v[s] = Some(Verdict::from_entry(e, Some(detail)));
        }
        j
    }

    /// Item metadata: a relative time, a date, "- Source", or a source name above a time.
    fn is_item_metadata(&self, j: usize) -> bool {
        let (d, time) = (self.doc, self.time);
        if time[j] {
            return true;
        }
        if d.words[j] > 12 {
            return false;
        }
        let t = &d.text[j];
        if d.words[j] <= 5 && self.c.dash_source.is_match(t) {
            return true;
        }
        if self.c.date.is_match(t) {
            return true;
        }
        self.is_source_name(j) && d.next_nonblank(j, 2).is_some_and(|k| time[k])
    }

    /// A short capitalised name without sentence punctuation ("Reuters", "The Economist").
    fn is_source_name(&self, j: usize) -> bool {
        let t = &self.doc.text[j];
        self.doc.words[j] <= 4
            && t.chars().next().is_some_and(|c| c.is_uppercase())
            && !t.ends_with(['.', '!', '?', ':', ','])
    }
}

/// Most words of a [`Rules::tail_disclaimers`] paragraph.
const DISCLAIMER_WORDS: usize = 120;
/// Most kept words after a [`Rules::tail_disclaimers`] paragraph.
const DISCLAIMER_AFTER: usize = 100;
/// Share of the kept words, from the end, a [`Rules::tail_disclaimers`] paragraph must be in.
const DISCLAIMER_TAIL: f64 = 0.2;

/// Most long paragraphs a bio goes on for after its first (see [`Rules::author_bios`]).
const BIO_PARAGRAPHS: usize = 2;

/// Whether paragraph `next` goes on about the person of `bio`: its first eight words hold
/// the person's first or last name or a pronoun ("Karina holds an MBA…", "When she's not
/// leading CR Maids…").
/// Fewest `"key":` pairs in a [`data_blob`] line.
const BLOB_PAIRS: usize = 8;
/// Shortest [`data_blob`] line, in bytes.
const BLOB_BYTES: usize = 200;

/// The number of `"key":` pairs of line `t` when it is minified JSON data: an object or array of at least [`BLOB_BYTES`]
/// bytes with [`BLOB_PAIRS`] or more `"key":` pairs, written without the spaces after `:`
/// and `,` that a person writes (a shop widget's settings in a hidden `<span>`, a product
/// grid's state dumped as text). A code example in an article or documentation page is
/// short or laid out; both stay.
pub(crate) fn data_blob(t: &str) -> Option<usize> {
    // (A line's text is trimmed already, see [`Doc`].)
    let (a, z) = (t.bytes().next()?, t.bytes().last()?);
    if t.len() < BLOB_BYTES || !matches!(a, b'{' | b'[') || !matches!(z, b'}' | b']') {
        return None;
    }
    let pairs = t.matches("\":").count();
    let spaced = t.matches("\": ").count() + t.matches("\", \"").count();
    (pairs >= BLOB_PAIRS && spaced * 4 < pairs).then_some(pairs)
}

/// Rules of [`machine_line`] that name machine data (a timestamp, an image link), which a
/// code block's line is when it is one: an HTML page's `<pre>` keeps them.
pub const MACHINE_DATA_RULES: &[&str] = &["iso_timestamp", "media_url"];

/// Longest line [`machine_line`] looks at, in bytes.
const MACHINE_LINE_BYTES: usize = 2048;
/// Most words of a forum post's reaction bar ([`machine_line`]).
const REACTION_WORDS: usize = 30;

/// A line that is machine data rather than anything a person wrote, as `(reason, rule,
/// detail)`: a forum post's reaction bar ("Reactions: A, B and 3 others", an
/// `interface_label`), `media_url`, a bare link to an image file ("https://cdn.example.com/thumb_1.jpg":
/// a product feed's or a gallery's data written out as text; a link to a page, or a sentence
/// with an image link in it, stays), and `iso_timestamp`, only a machine-readable date and
/// time ("2011-04-06 20:17:31Z", "2019-03-26 19:42:01 +00:00", "2019-01-21T21:40:59.62Z+00:00",
/// the UTC mark and an offset both, as a Q&A site's hidden `datePublished` writes it: a post's or comment's
/// timestamp tooltip a page dump wrote out; a person writes a date in words or with its
/// context, and a bare ISO date is a dateline). Functions rather than vocabulary patterns: a
/// byte test on the line's first characters rules out nearly every line before a regex runs
/// (as a pattern gated on ":" the timestamp cost plain text 3% of its instructions).
fn machine_line(t: &str) -> Option<(&'static str, &'static str, &'static str)> {
    use std::sync::OnceLock;
    static RE: OnceLock<[Regex; 2]> = OnceLock::new();
    let b = t.as_bytes();
    let url = b.len() >= 12
        && (b[..5].eq_ignore_ascii_case(b"http:")
            || b[..6].eq_ignore_ascii_case(b"https:")
            || b[..6].eq_ignore_ascii_case(b"<http:")
            || b[..7].eq_ignore_ascii_case(b"<https:"));
    let stamp = b.len() >= 16 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
    // A forum post's reaction bar: "Reactions: Brian33, unixfool and felixen", "Reactions:
    // _Nicolas_, lethe and 13 others" (no sentence: nothing ends like one).
    if b.len() > 11
        && b[..10].eq_ignore_ascii_case(b"reactions:")
        && b[10].is_ascii_whitespace()
        && t.split_whitespace().count() <= REACTION_WORDS
        && !t[10..].contains(['.', '!', '?'])
    {
        return Some((
            "interface",
            "interface_label",
            "a forum post's reaction bar",
        ));
    }
    if !(url || stamp) || b.len() > MACHINE_LINE_BYTES {
        return None;
    }
    let [media, iso] = RE.get_or_init(|| {
        [
            r"(?i)^<?https?://\S+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:[?#]\S*)?>?$",
            r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z?[+-]\d{2}:?\d{2}|Z|UTC|GMT)?$",
        ]
        .map(|p| Regex::new(p).expect("valid pattern"))
    });
    if url && media.is_match(t) {
        Some((
            "chrome",
            "media_url",
            "a bare link to an image file: data, not the page's text",
        ))
    } else if stamp && iso.is_match(t) {
        Some((
            "byline",
            "iso_timestamp",
            "only a machine-readable date and time: a post's timestamp",
        ))
    } else {
        None
    }
}

fn continues_bio(bio: &str, next: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "he", "she", "they", "his", "her", "their", "il", "elle", "er", "sie", "él", "ella",
    ];
    let word = |w: &str| -> String {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.split(['\'', '’']).next().unwrap_or("").to_lowercase()
    };
    let names: Vec<String> = (bio.trim_start_matches('(').split_whitespace())
        .filter(|w| !matches!(*w, "Dr." | "Mr." | "Mrs." | "Ms." | "Prof."))
        .take(2)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(word)
        .collect();
    next.split_whitespace()
        .take(8)
        .map(word)
        .any(|w| names.contains(&w) || PRONOUNS.contains(&w.as_str()))
}

/// Fewest words of a bio line (see [`Rules::author_bios`]).
const BIO_MIN_WORDS: usize = 8;
/// A line this long that is not a bio ends the tail an author's bio is looked for in.
const BIO_TAIL_WORDS: usize = 30;

/// Whether a paragraph is a person's bio: it opens with a name (capitalised, up to four
/// words, an optional "Dr."), then "is", "was", "has been" or "serves as" (fr `est`, de
/// `ist`, es `es`) and, within twelve words, a role (writer, editor, founder, physician,
/// analyst…). A name that is a common opening word ("The", "This", "Our") is none; and the
/// bio must speak of the person ("he", "her", "their"…) or open with two capitalised names
/// and give the role within six words ("Jane Doe is a freelance writer").
fn is_bio(t: &str) -> bool {
    use std::sync::OnceLock;
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    let [bio, named, pronoun] = RE.get_or_init(|| {
        let role = r"(?i:writer|editor|author|journalist|reporter|contributor|columnist|founder|co-founder|ceo|cto|cfo|coo|president|director|manager|specialist|analyst|professor|lecturer|faculty|attorney|lawyer|developer|engineer|consultant|photographer|ambassador|graduate|physician|doctor|nurse|dietitian|nutritionist|therapist|marketer|strategist|owner|executive|researcher|scientist|designer|blogger|creator|coach|advisor|adviser|planner|partner|officer|student|chef|historian|curator|journaliste|rédact(?:eur|rice)|autrice|redakteur(?:in)?|autor(?:in|a)?|journalistin|periodista|redactor(?:a)?)s?";
        let verb = r"(?:is|was|has been|serves as|est|ist|es)";
        let title = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.\s+)?";
        [
            Regex::new(&format!(
                r"^\(?{title}\p{{Lu}}[\w'’.-]*(?:\s+[\w'’.-]+){{0,3}},?\s+{verb}\s+(?:\S+\s+){{0,12}}?{role}\b"
            ))
            .expect("bio pattern"),
            Regex::new(&format!(
                r"^\(?{title}\p{{Lu}}[\w'’-]*\s+\p{{Lu}}[\w'’.-]*(?:\s+[\w'’.-]+){{0,2}},?\s+{verb}\s+(?:(?:a|an|the)\s+)?(?:\S+\s+){{0,5}}?{role}\b"
            ))
            .expect("named bio pattern"),
            Regex::new(r"(?i)\b(?:he|she|his|her|him|they|their|il|elle|er|sie|él|ella)\b")
                .expect("pronoun pattern"),
        ]
    });
    const OPENERS: &[&str] = &[
        "the", "this", "that", "these", "those", "my", "our", "your", "his", "her", "its", "their",
        "what", "which", "who", "if", "when", "any", "it", "there", "here", "a", "an", "every",
        "each", "some", "all", "most", "many", "one",
    ];
    let first = t
        .trim_start_matches('(')
        .split_whitespace()
        .next()
        .unwrap_or("");
    !OPENERS.iter().any(|o| first.eq_ignore_ascii_case(o))
        && bio.is_match(t)
        && (pronoun.is_match(t) || named.is_match(t))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The article's own vocabulary: for each topic word, the number of lines that use it.
/// Built from the lines before the first related section (they are the article); when that
/// part is too short to say anything, from every line not already removed, each line then
/// scored against the others only.
struct Vocab<'a> {
    counts: HashMap<&'a str, u32, foldhash::fast::RandomState>,
    member: Vec<bool>,
}

impl<'a> Vocab<'a> {
    const MIN_WORDS: usize = 25;

    fn build(doc: &'a Doc, v: &[Option<Verdict>], before: usize) -> Vocab<'a> {
        let mut vocab = Vocab::from_lines(doc, v, before);
        if vocab.counts.len() < Self::MIN_WORDS {
            vocab = Vocab::from_lines(doc, v, doc.len());
        }
        vocab
    }

    fn from_lines(doc: &'a Doc, v: &[Option<Verdict>], end: usize) -> Vocab<'a> {
        let mut counts: HashMap<&'a str, u32, foldhash::fast::RandomState> = HashMap::default();
        let mut member = vec![false; doc.len()];
        for i in 0..end {
            if doc.lines[i].blank || v[i].is_some() {
                continue;
            }
            member[i] = true;
            for w in topic_words(doc.norm(i)) {
                *counts.entry(w).or_default() += 1;
            }
        }
        Vocab { counts, member }
    }

    /// Share of line `j`'s topic words that other lines of the article use.
    fn overlap(&self, doc: &Doc, j: usize) -> f64 {
        let words = topic_words(doc.norm(j));
        if words.is_empty() {
            return 0.0;
        }
        let own = u32::from(self.member[j]);
        let found = words
            .iter()
            .filter(|w| self.counts.get(*w).is_some_and(|&c| c > own))
            .count();
        found as f64 / words.len() as f64
    }
}

/// Distinct topic words of a normalised line.
fn topic_words(norm: &str) -> Vec<&str> {
    let mut ws: Vec<&str> = text::norm_words(norm)
        .filter(|w| text::is_content_word(w))
        .collect();
    ws.sort_unstable();
    ws.dedup();
    ws
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classifier() -> &'static Classifier {
        static C: std::sync::OnceLock<Classifier> = std::sync::OnceLock::new();
        C.get_or_init(|| Classifier::new(None))
    }

    /// Asserts that the lines `src`'s classification removes are `want`, as (line, rule).
    fn assert_removed(src: &str, want: &[(&str, &str)]) {
        let r = removed(src);
        let rules: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(rules, want, "{r:#?}");
    }

    fn removed(src: &str) -> Vec<(String, String)> {
        let doc = Doc::new(src.as_bytes());
        let v = classifier().classify(&doc);
        v.iter()
            .enumerate()
            .filter_map(|(i, x)| {
                x.as_ref()
                    .map(|x| (doc.text[i].to_string(), x.rule.clone()))
            })
            .collect()
    }

    const ARTICLE: &str = "Cambodia arrests hundreds in a cybercrime crackdown across provinces.\n\
        Police in Cambodia detained suspects from scam compounds in several provinces.\n\
        The cybercrime crackdown follows an order from the prime minister of Cambodia.\n";

    #[test]
    fn an_authors_bio_below_the_article_goes_with_its_name_lines() {
        let bio = "Rebecca Norris is a full-time freelance writer living near Washington. \
                   She covers parenting, food and travel.";
        // Its next paragraph, long as an article's, goes on about her: it goes too.
        let more = "When she is not writing about family life, Rebecca gardens, bakes bread for \
                    the neighbours, volunteers at the local library and coaches the girls' \
                    soccer team on Saturday mornings in the town park.";
        let src = format!("{ARTICLE}{ARTICLE}Rebecca Norris\nContributing Writer\n{bio}\n{more}\n");
        let r = removed(&src);
        let lines: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            lines,
            [
                ("Rebecca Norris", "author_bio"),
                ("Contributing Writer", "author_bio"),
                (bio, "author_bio"),
                (more, "author_bio")
            ]
        );
        // Below an article paragraph that is not about her, the bio is no bio of the tail.
        let src = format!(
            "{ARTICLE}{ARTICLE}{bio}\n{}\n",
            "Residents packed the town hall meeting, where the mayor promised regular reports on the costs of dredging and the delays the harbour project may face over the two winters ahead."
        );
        assert!(removed(&src).is_empty());
        // Not a person (a common opening word), and not in the tail: both stay.
        let src = format!(
            "{ARTICLE}{ARTICLE}This guide is written by an editor at the paper, she says.\n"
        );
        assert!(removed(&src).is_empty());
        let src = format!("{bio}\n{ARTICLE}{ARTICLE}");
        assert!(removed(&src).is_empty());
    }

    #[test]
    fn a_legal_disclaimer_at_the_end_goes_but_not_one_at_the_top() {
        let d = "This article is for informational purposes only and does not constitute \
                 financial advice.";
        let src = format!("{ARTICLE}{ARTICLE}{ARTICLE}Disclaimer\n{d}\n");
        let r = removed(&src);
        let lines: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            lines,
            [("Disclaimer", "legal_disclaimer"), (d, "legal_disclaimer")]
        );
        // At the top it is the page's own text; at the end, a note on what the article
        // lists (not on the text itself) stays too.
        assert!(removed(&format!("{d}\n{ARTICLE}{ARTICLE}{ARTICLE}")).is_empty());
        let note = "The publishers listed here are provided for informational purposes only.";
        assert!(removed(&format!("{ARTICLE}{ARTICLE}{ARTICLE}{note}\n")).is_empty());
        // A closing sentence of a report that says something "does not constitute" anything
        // but advice or an offer is the article's.
        let news = "On Tuesday a judge ruled that the post on this site does not constitute a true threat under state law.";
        assert!(removed(&format!("{ARTICLE}{ARTICLE}{ARTICLE}{news}\n")).is_empty());
    }

    #[test]
    fn share_bar_goes_as_a_whole_but_a_lone_email_stays() {
        let src = format!("{ARTICLE}Email\n{ARTICLE}Share this:\nFacebook\nX\nEmail\nPrint\n");
        let r = removed(&src);
        let lines: Vec<_> = r.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(lines, ["Share this:", "Facebook", "X", "Email", "Print"]);
    }

    #[test]
    fn related_items_go_and_on_topic_text_after_them_stays() {
        let src = format!(
            "{ARTICLE}Related Articles\n\nReuters\n34 minutes ago\n- Reuters\nSri Lanka apparel tariffs\n\
             Garment exporters pin hopes on talks with Washington over tariffs.\n\n\
             Economist · 2 hours ago\nA savage squabble\nOutrage mounts over a tryst between a student and a gamer.\n\
             Villagers wandered through orchards picking ripe apples before winter frost.\n"
        );
        let r = removed(&src);
        assert_eq!(r.len(), 10, "{r:#?}");
        assert!(r.iter().all(|x| x.1 == "related_block"));
        let src = format!("{ARTICLE}Related products and services\n{ARTICLE}");
        assert!(removed(&src).is_empty());
        let src = format!(
            "{ARTICLE}Recommended\nCambodia police detained more cybercrime suspects in provinces.\n"
        );
        assert!(removed(&src).is_empty());
    }

    #[test]
    fn on_a_listing_a_related_section_that_is_most_of_the_page_is_the_list() {
        let items: String = (1..=4)
            .map(|k| format!("Rental cars story number {k}\n{k} days ago\nAuthorities said the rental company had more cars than drivers this year.\n"))
            .collect();
        let src = format!("Releases\nLatest articles\n{items}");
        let doc = Doc::new(src.as_bytes());
        let run = |listing| {
            classifier()
                .classify_extracted(&doc, &|_, _| Section::Same, listing)
                .iter()
                .filter(|x| x.is_some())
                .count()
        };
        // Not a listing: the header and its items go; a listing: they are its content.
        assert_eq!(run(false), 13);
        assert_eq!(run(true), 0);
        // A related section that is not most of a listing's text still goes.
        let src =
            format!("{ARTICLE}{ARTICLE}{ARTICLE}Latest articles\nRental cars story\n2 days ago\n");
        let doc = Doc::new(src.as_bytes());
        let v = classifier().classify_extracted(&doc, &|_, _| Section::Same, true);
        assert_eq!(v.iter().filter(|x| x.is_some()).count(), 3);
    }

    #[test]
    fn a_dumped_listings_dated_items_stay_and_syndicated_items_below_an_article_go() {
        let items: String = (1..=5)
            .map(|k| format!("Rental cars story number {k}\n{k} days ago\nAuthorities said the rental company had more cars than drivers this year.\n"))
            .collect();
        // A topic page dumped as text: no article above the first relative time, so the
        // times are the list's own, down to the last item.
        let r = removed(&format!("Car Rental\nNews\n{items}"));
        assert!(r.iter().all(|x| x.1 != "syndicated_items"), "{r:#?}");
        // Below an article the same items are syndicated.
        let r = removed(&format!("{ARTICLE}{items}"));
        assert!(
            r.iter()
                .any(|x| x.0 == "2 days ago" && x.1 == "syndicated_items"),
            "{r:#?}"
        );
    }

    #[test]
    fn script_notices_and_template_filler_go_but_a_sentence_about_javascript_stays() {
        let src = format!(
            "{ARTICLE}JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding.\n\
             Lorem Ipsum\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\
             {ARTICLE}To enable JavaScript in older browsers, open the settings menu, choose the privacy and security section, scroll down to the site settings, pick the content group and switch the scripts option on again.\n"
        );
        let r = removed(&src);
        let rules: Vec<_> = r.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            rules,
            ["noscript_notice", "placeholder_text", "placeholder_text"],
            "{r:#?}"
        );
    }

    #[test]
    fn a_forum_quotes_expander_goes() {
        let src = format!(
            "{ARTICLE}Click to expand...\n{ARTICLE}Click to expand the table below to see every result of the season.\n"
        );
        assert_removed(&src, &[("Click to expand...", "interface_label")]);
        // A call to action's lone button too.
        let r = removed(&format!("{ARTICLE}Get started\n"));
        assert_eq!(r, [("Get started".into(), "interface_label".into())]);
        // A skip link too.
        let r = removed(&format!("Skip to main content\n{ARTICLE}"));
        assert_eq!(
            r[0],
            ("Skip to main content".into(), "interface_label".into())
        );
    }

    #[test]
    fn a_machine_timestamp_and_an_old_browser_notice_go() {
        let src = format!(
            "{ARTICLE}2011-04-06 20:17:31Z\n{ARTICLE}2019-03-26 19:42:01 +00:00\n\
             {ARTICLE}2019-01-21T21:40:59.62Z+00:00\n\
             You should upgrade or use an alternative browser.\n{ARTICLE}\
             The meeting starts at 2011-04-06 20:17 in the main hall.\n"
        );
        let r = removed(&src);
        let rules: Vec<_> = r.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            rules,
            [
                "iso_timestamp",
                "iso_timestamp",
                "iso_timestamp",
                "noscript_notice"
            ],
            "{r:#?}"
        );
    }

    #[test]
    fn a_forums_web_app_prompt_goes() {
        let how = "How to install the app on iOS";
        let video = "Follow along with the video below to see how to install our site as a web app on your home screen.";
        let r = removed(&format!("{ARTICLE}{how}\n{video}\n{ARTICLE}"));
        let rules: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            rules,
            [(how, "promo_phrase"), (video, "promo_phrase")],
            "{r:#?}"
        );
    }

    #[test]
    fn a_forum_posts_reaction_bar_goes_but_a_sentence_stays() {
        let bar = "Reactions: Brian33, unixfool and felixen";
        let said = "Reactions: most readers agreed with the mayor. Others did not.";
        let r = removed(&format!("{ARTICLE}{bar}\n{ARTICLE}{said}\n"));
        let rules: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(rules, [(bar, "interface_label")], "{r:#?}");
    }

    #[test]
    fn a_reading_time_alone_goes_from_a_pages_text_but_not_from_an_article() {
        let on_page = |src: &str| {
            let doc = Doc::new(src.as_bytes());
            let v = classifier().classify_extracted(&doc, &|_, _| Section::Same, false);
            (v.iter().enumerate())
                .filter_map(|(i, x)| {
                    x.as_ref()
                        .map(|x| (doc.text[i].to_string(), x.rule.clone()))
                })
                .collect::<Vec<_>>()
        };
        for time in [
            "5 min read",
            "3 MIN. READ",
            "17 minutes read",
            "6 minute read",
        ] {
            let src = format!("{ARTICLE}{time}\n{ARTICLE}");
            let want = vec![(time.to_string(), "reading_time".to_string())];
            assert_eq!(on_page(&src), want);
            // An article's text already cut out keeps its head's reading time.
            assert_removed(&src, &[]);
        }
        let stay = "It is a 5 min read, so grab a coffee.\nRead 5 minutes a day\n";
        assert_eq!(on_page(&format!("{ARTICLE}{stay}{ARTICLE}")), []);
    }

    #[test]
    fn a_sites_affiliate_disclosure_goes_but_a_bloggers_own_note_stays() {
        let site = "Products are chosen independently by our editors. Purchases made through our links may earn us a commission.";
        let shop = "We may earn commission from links on this page, but we only recommend products we back.";
        let own = "This post may contain affiliate links. If you buy through them, I may earn a small commission.";
        let src = format!("{ARTICLE}{site}\n{shop}\n{own}\n");
        assert_removed(
            &src,
            &[
                (site, "affiliate_disclosure"),
                (shop, "affiliate_disclosure"),
            ],
        );
    }

    #[test]
    fn a_posts_rating_prompt_goes_but_a_question_about_the_text_stays() {
        let how = "How useful was this post?";
        let star = "Click on a star to rate it!";
        let avg = "Average rating 4.6 / 5. Vote count: 4285";
        let was = "Was this article helpful?";
        let yes = "Yes";
        let asked = "Was this information helpful to the jury? The judge thought so.";
        // A lone "Yes" stays, beside a rating prompt or not: it is a forum reply under a
        // quote's "Click to expand..." as often as a feedback widget's button.
        let src = format!(
            "{ARTICLE}{how}\n{star}\n{avg}\n{ARTICLE}{was}\n{yes}\n{ARTICLE}{asked}\n{yes}\n\
             {ARTICLE}Click to expand...\n{yes}\n"
        );
        assert_removed(
            &src,
            &[
                (how, "rating_prompt"),
                (star, "rating_prompt"),
                (avg, "rating_prompt"),
                (was, "rating_prompt"),
                ("Click to expand...", "interface_label"),
            ],
        );
    }

    #[test]
    fn a_shops_delivery_and_returns_lines_go_but_sentences_about_them_stay() {
        let order = "Order today to get by Mar 17-27";
        let within = "Order within 3 hr 52 min";
        let from = "Ships from: Ukraine";
        let sold = "Ships from and sold by Amazon.com.";
        let cost = "Cost to ship: USD 14.40";
        let returns = "Returns & exchanges accepted within 14 days";
        let notify = "Notify me when back in stock";
        let star = "Star Seller";
        let window = "Free returns within 30 days of your purchase.";
        // A shop's lone labels are interface.
        let labels = [
            "Compare",
            "In stock",
            "Unit price / per",
            "Meet your seller",
            "TOP-RATED",
            "New Arrival",
            "Best Seller",
            "Back-order",
            "Add to Cart+ wishlist",
            "Please enter a valid postal code.",
            "Get started for free Book demo",
        ];
        // A heading about ships, a sentence about a store's policy without a window of days,
        // and the short "Free shipping" / "Only 2 left" a catalogue's cards carry stay.
        let stay = "Ships from the Golden Age\nThe store changed its returns policy last year.\n\
                    Free shipping\nOnly 2 left\n";
        let src = format!(
            "{ARTICLE}{order}\n{within}\n{from}\n{sold}\n{cost}\n{returns}\n{notify}\n\
             {star}\n{window}\n{}\n{ARTICLE}{stay}",
            labels.join("\n")
        );
        let rule = "shop_logistics";
        let mut want = vec![
            (order, rule),
            (within, rule),
            (from, rule),
            (sold, rule),
            (cost, rule),
            (returns, rule),
            (notify, rule),
            (star, rule),
            (window, rule),
        ];
        want.extend(labels.iter().map(|l| (*l, "interface_label")));
        assert_removed(&src, &want);
        // Headings and sentences with the same openings stay: no colon, number or price
        // after them, and a lone label is a heading when no control is removed beside it.
        let stay = [
            "Return within the hour, the officer told him.",
            "Returns within the bond market were negative last year.",
            "Ships from Spain",
            "Cost to Ship a Package Internationally",
            "Order Within Chaos",
            "Notify me when you land, she texted.",
            "Compare",
            "Best Seller",
            "Top Rated",
            "Add to cart buttons that actually convert",
            "Please enter a valid API key in the settings file.",
            "Get started for free with these five tools",
        ];
        let src: String = stay.iter().map(|l| format!("{ARTICLE}{l}\n")).collect();
        assert_removed(&format!("{src}{ARTICLE}"), &[]);
    }

    #[test]
    fn a_shops_pickers_and_empty_blocks_are_interface() {
        let labels = [
            "Select Size",
            "Choose your size",
            "Select Options + wishlist",
            "Qty:",
            "Be the first to review this item",
            "No feedback yet",
        ];
        // A sentence about a size or a launch, and what can be a heading, stay.
        let stay = "Select a size one up from your usual one.\nThe second season is coming soon.\n\
                    Coming soon\nPer page\nRead full article\n";
        let src = format!("{ARTICLE}{}\n{ARTICLE}{stay}", labels.join("\n"));
        let want: Vec<_> = labels.iter().map(|l| (*l, "interface_label")).collect();
        assert_removed(&src, &want);
    }

    #[test]
    fn a_scripts_error_message_goes_but_a_sentence_about_an_error_stays() {
        let oops = "Oops! Something went wrong. Please try again.";
        let server = "Oops! Looks like we're having trouble connecting to our server.";
        let refresh = "Refresh your browser window to try again.";
        let error = "An error occurred. Please try again.";
        let sorry = "We're sorry, your request can't be completed right now. Please try again \
                     later.Your session has expired. Please refresh the page and try again.";
        let told = "Something went wrong with the launch, the agency said on Tuesday.";
        // Someone's words, and a note that says what went wrong, stay.
        let cake = "“Oops, something went wrong,” she said, looking at the cake.";
        let late = "Sorry, something went wrong with our printer, so this issue is late.";
        let src = format!(
            "{ARTICLE}{oops}\n{server}\n{refresh}\n{error}\n{sorry}\n{ARTICLE}{told}\n{cake}\n{late}\n"
        );
        let rule = "interface_label";
        assert_removed(
            &src,
            &[
                (oops, rule),
                (server, rule),
                (refresh, rule),
                (error, rule),
                (sorry, rule),
            ],
        );
    }

    #[test]
    fn a_paywall_or_subscriber_note_goes_but_an_article_about_subscribers_stays() {
        let stat = "This article is exclusive to STAT+ subscribers";
        let thanks =
            "Thanks for reading Infinite Faculty! Subscribe for free to receive new posts.";
        let public = "Thanks for reading Cloud Database Report! This post is public so feel free to share it.";
        let paid = "Become a paid subscriber to Every to unlock this piece and learn about:";
        let about =
            "Streaming services will pick up millions of new subscribers this year, analysts said.";
        // A publication's own name in a sentence, and advice on subscribing, stay.
        let tyee =
            "The Tyee is a reader-supported publication based in Vancouver, its editor said.";
        let advice = "Become a paid subscriber only if you read more than three articles a month.";
        let src = format!(
            "{ARTICLE}{stat}\n{ARTICLE}{about}\n{tyee}\n{advice}\n{thanks}\n{public}\n{paid}\n"
        );
        assert_removed(
            &src,
            &[
                (stat, "paywall_notice"),
                (thanks, "paywall_notice"),
                (public, "paywall_notice"),
                (paid, "paywall_notice"),
            ],
        );
    }

    #[test]
    fn a_credit_line_goes_but_a_sentence_that_opens_like_one_stays() {
        let edited = "Edited by";
        let reviewed = "Reviewed by Kristina Katt, CPA, EA";
        let written = "Written By: Tina Flint Huffman";
        let fact = "Fact checked by: Vita Stevens";
        let said = "Written by the critically acclaimed author Ben Peek, this dark fantasy grips.";
        let src = format!("{ARTICLE}{edited}\n{reviewed}\n{written}\n{ARTICLE}{said}\n{fact}\n");
        assert_removed(
            &src,
            &[
                (edited, "credit_byline"),
                (reviewed, "credit_byline"),
                (written, "credit_byline"),
                (fact, "credit_byline"),
            ],
        );
    }

    #[test]
    fn an_editorial_process_note_goes_but_a_writers_own_note_stays() {
        let learn = "Learn more about our editorial process.";
        let label = "Southern Living's editorial guidelines";
        let sources = "Health.com uses only high-quality sources, including peer-reviewed studies, to support the facts within our articles. Read our editorial process to learn more about how we fact-check.";
        let own = "Like all our journalists, I review and test products with complete editorial independence. Read more about our editorial standards and how I test.";
        // Article sentences and headlines about editorial policy stay.
        let board = "The board agreed to review our editorial guidelines next month.";
        let headline = "BBC updates its editorial guidelines";
        let rule = "Reporters must corroborate anonymous sources before publication, in line with our editorial standards.";
        let invest = "Investopedia requires writers to use primary sources to support their work. You can learn more about the standards we follow in producing accurate, unbiased content in our editorial policy.";
        let src = format!(
            "{ARTICLE}{own}\n{board}\n{headline}\n{rule}\n{ARTICLE}{learn}\n{label}\n{sources}\n{invest}\n"
        );
        assert_removed(
            &src,
            &[
                (learn, "editorial_note"),
                (label, "editorial_note"),
                (sources, "editorial_note"),
                (invest, "editorial_note"),
            ],
        );
    }

    #[test]
    fn on_a_pages_text_a_call_to_sign_up_goes_but_news_of_a_newsletter_stays() {
        let ask = "Want to get updates about the latest content and business tips? Sign up to receive our emails!";
        let news =
            "The council voted to subscribe to industry newsletters and email digests next year.";
        // A quoted source's words, and a third party's list, stay.
        let quoted = "“Residents can sign up for our email alerts on the county website,” the fire chief said.";
        let src = format!("{ARTICLE}{news}\n{quoted}\n{ARTICLE}{ask}\n");
        let doc = Doc::new(src.as_bytes());
        let v = classifier().classify_extracted(&doc, &|_, _| Section::Same, false);
        let r: Vec<_> = v
            .iter()
            .enumerate()
            .filter_map(|(i, x)| {
                x.as_ref()
                    .map(|x| (doc.text[i].to_string(), x.rule.clone()))
            })
            .collect();
        let rules: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(rules, [(ask, "signup_line")], "{r:#?}");
    }

    #[test]
    fn a_forum_apps_noscript_notice_and_a_lone_author_label_go() {
        let seem = "Your browser does not seem to support JavaScript. As a result, your viewing experience will be diminished, and you have been placed in read-only mode.";
        let get = "Please download a browser that supports JavaScript, or enable it if it's disabled (i.e. NoScript).";
        let author = "Author";
        // A sentence about a browser's support for JavaScript stays.
        let safari = "Safari on the old iPad does not seem to support JavaScript modules, the developer wrote.";
        let demo = "You will need a browser that supports JavaScript to run the demo below.";
        let src = format!("{ARTICLE}{seem}\n{get}\n{ARTICLE}{safari}\n{demo}\n{author}\n{ARTICLE}");
        assert_removed(
            &src,
            &[
                (seem, "noscript_notice"),
                (get, "noscript_notice"),
                (author, "author_heading"),
            ],
        );
    }

    #[test]
    fn a_threads_sort_control_reply_prompt_and_platform_footer_go() {
        let sorted = "Sorted by: Reset to default";
        let order =
            "Highest score (default) Date modified (newest first) Date created (oldest first)";
        let reply = "You must log in or register to reply here.";
        // "Ready for more?" is a subheading as often as a platform's footer: it stays.
        let ready = "Ready for more?";
        let next = "Here are your next three workouts for the week.";
        let home = "Substack is the home for great culture";
        let src = format!(
            "{ARTICLE}{sorted}\n{order}\n{ARTICLE}{reply}\n{ARTICLE}{ready}\n{next}\n{ARTICLE}{home}\n"
        );
        assert_removed(
            &src,
            &[
                (sorted, "qa_prompt"),
                (order, "qa_prompt"),
                (reply, "qa_prompt"),
                (home, "promo_phrase"),
            ],
        );
        // "Hot Network Questions" heads a list of other sites' questions: a related section.
        let src = format!(
            "{ARTICLE}{ARTICLE}Hot Network Questions\nWhy does my bread collapse in the oven\nHow to stop a cron job emailing root\n"
        );
        let r = removed(&src);
        assert_eq!(r.len(), 3, "{r:#?}");
        assert!(r.iter().all(|x| x.1 == "related_block"), "{r:#?}");
    }

    #[test]
    fn a_caption_toggle_pager_toc_toggle_and_starter_badge_go() {
        let lines = [
            ("Show caption", "interface_label"),
            (
                "Press enter or click to view image in full size",
                "interface_label",
            ),
            ("Previous article", "interface_label"),
            ("Contents hide", "toc_heading"),
            ("Thread starter", "poster_stats"),
            ("Create an account or sign in to comment", "qa_prompt"),
        ];
        let src: String = lines
            .iter()
            .map(|(l, _)| format!("{ARTICLE}{l}\n"))
            .collect();
        let r = removed(&src);
        let rules: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(rules, lines, "{r:#?}");
    }

    #[test]
    fn minified_json_data_goes_but_a_laid_out_example_stays() {
        let keys: Vec<String> = (0..20).map(|k| format!("\"setting{k}\":{k}")).collect();
        let blob = format!("{{{},\"buttonText\":\"Buy now\"}}", keys.join(","));
        let spaced: Vec<String> = (0..12).map(|k| format!("\"field{k}\": \"v{k}\"")).collect();
        let example = format!("{{ {} }}", spaced.join(", "));
        let src = format!("{ARTICLE}{blob}\n{example}\n{{\"a\":1,\"b\":2}}\n{ARTICLE}");
        let r = removed(&src);
        assert_eq!(r.len(), 1, "{r:#?}");
        assert_eq!(
            (r[0].0.as_str(), r[0].1.as_str()),
            (blob.as_str(), "data_blob")
        );
    }

    #[test]
    fn a_lone_control_label_goes_but_a_sentence_with_its_words_stays() {
        let src = format!(
            "{ARTICLE}Read more\n12 likes\nLoading...\n{ARTICLE}Read more about the budget vote in the explainer the council published on Monday.\nAdd to cart\nFilters\nAdd to cart the spare parts you need before the sale ends on Friday.\n"
        );
        let r = removed(&src);
        let lines: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            lines,
            [
                ("Read more", "interface_label"),
                ("12 likes", "interface_label"),
                ("Loading...", "interface_label"),
                ("Add to cart", "interface_label"),
                ("Filters", "interface_label")
            ]
        );
    }

    #[test]
    fn a_gallerys_position_label_goes_but_a_caption_with_its_words_stays() {
        let src = format!(
            "{ARTICLE}Image 2 of 5\nSlide 1 / 4\n{ARTICLE}Image 2 of 5 shows the bridge from the north bank at dawn.\n"
        );
        let r = removed(&src);
        let lines: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            lines,
            [
                ("Image 2 of 5", "interface_label"),
                ("Slide 1 / 4", "interface_label")
            ]
        );
    }

    #[test]
    fn a_bare_image_link_goes_but_a_page_link_or_a_sentence_stays() {
        let src = format!(
            "{ARTICLE}https://cdn.example.com/images/160x160/5001_TEE_BONE_THUMB_1.jpg\nhttps://cdn.example.com/a/b.webp?v=3\nhttps://example.com/guide/install\n{ARTICLE}The photo at https://example.com/bridge.jpg shows the bridge at dawn.\n"
        );
        let r = removed(&src);
        let lines: Vec<_> = r.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            lines,
            [
                (
                    "https://cdn.example.com/images/160x160/5001_TEE_BONE_THUMB_1.jpg",
                    "media_url"
                ),
                ("https://cdn.example.com/a/b.webp?v=3", "media_url")
            ]
        );
    }

    #[test]
    fn a_qa_pages_closing_prompts_go() {
        let src = format!(
            "{ARTICLE}Start asking to get answers\nFind the answer to your question by asking.\nExplore related questions\nSee similar questions with these tags.\n"
        );
        let r = removed(&src);
        assert_eq!(r.len(), 4, "{r:#?}");
        assert!(r.iter().all(|x| x.1 == "qa_prompt"), "{r:#?}");
    }

    #[test]
    fn promo_and_its_call_to_action() {
        let src = format!(
            "{ARTICLE}Try Our AI Features\nExplore what Example AI can do for you:\n{ARTICLE}"
        );
        let r = removed(&src);
        assert_eq!(
            r[1],
            (
                "Explore what Example AI can do for you:".into(),
                "promo_followup".into()
            )
        );
    }

    #[test]
    fn datelines_and_headings_survive() {
        let src = "Cambodia makes 1,000 arrests\nJuly 16, 2025\nBy Jane Doe\n2 hours ago\nScope of the Operation\nBody text about Cambodia.\n";
        assert!(removed(src).is_empty(), "{:?}", removed(src));
    }

    #[test]
    fn comment_thread_goes_with_its_header() {
        let src = format!(
            "{ARTICLE}3 Comments\nJane Roe\nJuly 16, 2025 at 3:12 pm\nGreat piece, thanks.\nReply\n\
             Max Mustermann schreibt:\nVery interesting.\nAntworten\n"
        );
        let r = removed(&src);
        assert_eq!(r.len(), 8, "{r:#?}");
        assert!(r[1..].iter().all(|x| x.1 == "comment_thread"));
    }

    #[test]
    fn tags_listed_one_per_line() {
        let src = format!("{ARTICLE}Tags\nasia\neconomy\n{ARTICLE}");
        let r: Vec<_> = removed(&src).into_iter().map(|x| x.1).collect();
        assert_eq!(r, ["tag_line", "tag_list", "tag_list"]);
    }

    #[test]
    fn multilingual_related_items() {
        let src = format!(
            "{ARTICLE}À lire aussi\nLe Monde\nil y a 2 heures\nLa recette du gâteau\nUn chef partage sa recette préférée.\n\
             vor 3 Stunden · dpa\nBundesliga: Spieltag\n"
        );
        let r = removed(&src);
        assert_eq!(r.len(), 7, "{r:#?}");
    }

    #[test]
    fn user_keep_rule_protects_a_line() {
        let user = Lexicon::parse("house keep line Advertisement", "x").unwrap();
        let c = Classifier::new(Some(user));
        let doc = Doc::new(b"Advertisement\nText.\n");
        assert!(c.classify(&doc).iter().all(|x| x.is_none()));
    }
}

//! The widget vocabulary: phrases and patterns that name comment widgets, related-article
//! blocks, share bars, promos, credits, tags, breadcrumbs, copyright lines and advertisement
//! markers. The built-in list is `data/lexicon.tsv`, compiled into the binary; `--rules FILE`
//! loads a user's list in the same format, which is consulted first.

use crate::text;
use regex::{Regex, RegexSet, RegexSetBuilder};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// The built-in vocabulary (English, French, German, Spanish, and common Italian, Portuguese
/// and Dutch phrases).
pub const BUILTIN: &str = include_str!("../data/lexicon.tsv");

/// Lines longer than this (in bytes or words) are never matched against the vocabulary:
/// widgets are short, and skipping long paragraphs keeps the hot path cheap.
pub const MAX_LINE_BYTES: usize = 1200;
pub const MAX_LINE_WORDS: usize = 80;

/// Reason given by a user rule that protects matching lines from every removal rule.
pub const KEEP: &str = "keep";

/// How an entry's phrase is compared with a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The normalised line equals the phrase.
    Line,
    /// As `Line`, but only evidence next to a removed line of the same reason.
    Weak,
    /// As `Line`, and the line opens a section examined by the section rule of its reason.
    Header,
    /// The normalised line starts with the phrase (at a word boundary) and has at most N words.
    Prefix(usize),
    /// The normalised line contains the phrase (at word boundaries) and has at most N words.
    Contains(usize),
    /// A regular expression matched against the trimmed, unnormalised line of at most N words.
    Regex(usize),
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Line => "line",
            Kind::Weak => "weak",
            Kind::Header => "header",
            Kind::Prefix(_) => "prefix",
            Kind::Contains(_) => "contains",
            Kind::Regex(_) => "regex",
        }
    }
}

/// One vocabulary entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub rule: String,
    pub reason: String,
    pub kind: Kind,
    /// Normalised phrase, or the regular expression's source.
    pub phrase: String,
}

/// A compiled vocabulary.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    exact: HashMap<String, Vec<usize>, foldhash::fast::RandomState>,
    prefixes: HashMap<String, Vec<usize>, foldhash::fast::RandomState>,
    /// Largest word limit of any prefix, contains and regex entry: longer lines skip them.
    max_prefix_words: usize,
    max_contains_words: usize,
    max_regex_words: usize,
    /// `contains` entries by the longest word of their phrase (its anchor), with the anchor's
    /// byte offset in the phrase. A line's words are looked up one by one, so a match always
    /// starts and ends at word boundaries, and long anchors are rare words.
    contains_anchor: HashMap<String, Vec<(usize, usize)>, foldhash::fast::RandomState>,
    /// `(above, filter)`, by `above`: the anchors of the `contains` entries whose word limit is
    /// more than `above`, for a line of more than `above` words (the first, `above` 0, holds
    /// every anchor). Nearly every word of a line skips the table on this test.
    anchor_filters: Vec<(usize, WordFilter, Vec<memchr::memmem::Finder<'static>>)>,
    /// The first words of the `prefix` phrases.
    prefix_filter: WordFilter,
    /// The `line`, `weak` and `header` phrases.
    exact_filter: WordFilter,
    regex_ids: Vec<usize>,
    /// For each pattern (same order as `regexes`): the literals given by `needs=`, one of
    /// which the line must hold before the pattern is tried; empty for an ungated pattern.
    regex_needs: Vec<Vec<memchr::memmem::Finder<'static>>>,
    /// The largest word limit of a gated pattern.
    max_gated_words: usize,
    /// The gated patterns (positions in `regexes`).
    gated: Vec<usize>,
    /// The compiled patterns, and a copy of them for each of the first [`THREAD_COPIES`]
    /// threads of a rayon pool, made when the thread first needs it (see [`Lexicon::compiled`]).
    compiled: Compiled,
    per_thread: Box<[OnceLock<Compiled>]>,
    /// Length of the longest `line`, `weak` and `header` phrase: longer lines skip the table.
    max_exact_len: usize,
}

/// A vocabulary's regular expressions. Cloning one is cheap (the compiled programs are
/// shared) and gives it search caches of its own.
#[derive(Debug, Default, Clone)]
struct Compiled {
    /// The `needs=` literals at once (a literal search the regex crate runs with SIMD): most
    /// lines fail this one test. `(above, search)`, by `above`: for a line of more than `above`
    /// words (and no more than the next `above`), the literals of the gated patterns whose
    /// word limit allows it.
    any_need: Vec<(usize, regex::bytes::Regex)>,
    /// A quick "does any ungated pattern match" check, then the patterns one by one in file
    /// order. Gated patterns stay out of the sets: they scan a whole line (`.*app store.*`),
    /// and their literal test rejects nearly every line for a fraction of that cost.
    regex_set: Option<RegexSet>,
    /// `(above, set)`, by `above`: the quick check for a line of more than `above` words (and
    /// no more than the next `above`), with only the patterns whose word limit allows it.
    /// Long lines then skip the patterns that scan a whole line (`^.*app store.*$`).
    regex_gates: Vec<(usize, RegexSet)>,
    regexes: Vec<Regex>,
}

/// Threads (by index in their rayon pool) that get copies of a vocabulary's patterns. A
/// regex's search caches sit in a pool owned by the first thread that searched with it: any
/// other thread takes a cache from a locked stack and puts it back on every search, which
/// cost a second cleaning thread about 3% more time than the first (its caches also warm up
/// apart). With a copy per thread every thread is its copy's owner.
const THREAD_COPIES: usize = 64;

/// A line's match against one vocabulary: the strongest entry, and the weak entries.
#[derive(Debug, Default)]
pub struct Matches<'a> {
    pub strong: Option<&'a Entry>,
    pub weak: Vec<&'a Entry>,
}

impl Lexicon {
    /// The built-in vocabulary.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(BUILTIN, "built-in lexicon").expect("the built-in lexicon parses")
    }

    /// Loads a user's rules file (same format as the built-in lexicon).
    pub fn load(path: &Path) -> anyhow::Result<Lexicon> {
        let src = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read rules file {}: {e}", path.display()))?;
        Lexicon::parse(&src, &path.display().to_string())
    }

    /// Parses the `RULE REASON MATCH PHRASE...` format; `origin` names the source in errors.
    pub fn parse(src: &str, origin: &str) -> anyhow::Result<Lexicon> {
        let mut lex = Lexicon {
            per_thread: (0..THREAD_COPIES).map(|_| OnceLock::new()).collect(),
            ..Lexicon::default()
        };
        let mut patterns = Vec::new();
        let mut contains_ids = Vec::new();
        // Each gated pattern's word limit and its literals (escaped).
        let mut all_needs: Vec<(usize, Vec<String>)> = Vec::new();
        for (n, raw) in src.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |msg: String| anyhow::anyhow!("{origin}:{}: {msg}", n + 1);
            let mut fields = line.split_whitespace();
            let (Some(rule), Some(reason), Some(kind)) =
                (fields.next(), fields.next(), fields.next())
            else {
                return Err(err("expected RULE REASON MATCH PHRASE".into()));
            };
            let mut phrase_raw = after_fields(line, 3);
            // `regex:N needs=LIT|LIT PATTERN`: the pattern is only tried on lines holding one
            // of the literals (compared byte for byte with the trimmed line; a `(?i)` pattern
            // lists them in lower and upper case, see [`missing_case`]).
            let mut needs = Vec::new();
            if let Some(list) = phrase_raw.strip_prefix("needs=") {
                if !matches!(parse_kind(kind), Ok(Kind::Regex(_))) {
                    return Err(err("needs= is for regex entries only".into()));
                }
                let end = list.find(char::is_whitespace).unwrap_or(list.len());
                needs = list[..end].split('|').map(str::to_string).collect();
                if needs.iter().any(String::is_empty) {
                    return Err(err(format!("empty literal in needs={}", &list[..end])));
                }
                phrase_raw = list[end..].trim_start();
                if let Some(missing) = missing_case(&needs, phrase_raw) {
                    return Err(err(format!(
                        "a case-insensitive pattern needs its literals in lower and upper \
                         case too: add {missing:?} to needs={}",
                        &list[..end]
                    )));
                }
            }
            if phrase_raw.is_empty() {
                return Err(err("missing PHRASE".into()));
            }
            if !is_name(rule) {
                return Err(err(format!(
                    "bad rule name {rule:?} (use letters, digits, _ or -)"
                )));
            }
            if !is_name(reason) {
                return Err(err(format!(
                    "bad reason {reason:?} (use letters, digits, _ or -)"
                )));
            }
            let kind = parse_kind(kind).map_err(err)?;
            let phrase = if matches!(kind, Kind::Regex(_)) {
                let re = Regex::new(phrase_raw).map_err(|e| err(format!("bad regex: {e}")))?;
                lex.compiled.regexes.push(re);
                if needs.is_empty() {
                    patterns.push(phrase_raw.to_string());
                } else if let Kind::Regex(m) = kind {
                    lex.max_gated_words = lex.max_gated_words.max(m);
                    lex.gated.push(lex.compiled.regexes.len() - 1);
                    all_needs.push((m, needs.iter().map(|n| regex::escape(n)).collect()));
                }
                lex.regex_needs.push(
                    (needs.iter())
                        .map(|n| memchr::memmem::Finder::new(n.as_bytes()).into_owned())
                        .collect(),
                );
                phrase_raw.to_string()
            } else {
                let p = normalize_phrase(phrase_raw);
                if p.is_empty() {
                    return Err(err(format!(
                        "phrase {phrase_raw:?} is empty once normalised"
                    )));
                }
                if p.contains(NUMBER) {
                    if !matches!(kind, Kind::Prefix(_)) {
                        return Err(err(format!(
                            "the number placeholder {NUMBER} is for prefix entries only"
                        )));
                    }
                    if p.split(' ').next() == Some(NUMBER) {
                        return Err(err(format!(
                            "a prefix phrase cannot start with the number placeholder {NUMBER}"
                        )));
                    }
                }
                p
            };
            let id = lex.entries.len();
            match kind {
                Kind::Prefix(m) => lex.max_prefix_words = lex.max_prefix_words.max(m),
                Kind::Contains(m) => lex.max_contains_words = lex.max_contains_words.max(m),
                Kind::Regex(m) => lex.max_regex_words = lex.max_regex_words.max(m),
                _ => {}
            }
            match kind {
                Kind::Line | Kind::Weak | Kind::Header => {
                    lex.exact.entry(phrase.clone()).or_default().push(id)
                }
                Kind::Prefix(_) => {
                    let first = phrase.split(' ').next().unwrap_or("").to_string();
                    lex.prefixes.entry(first).or_default().push(id);
                }
                Kind::Contains(_) => {
                    let (offset, anchor) = anchor_word(&phrase);
                    contains_ids.push(id);
                    (lex.contains_anchor.entry(anchor.to_string()).or_default()).push((id, offset));
                }
                Kind::Regex(_) => lex.regex_ids.push(id),
            }
            lex.entries.push(Entry {
                rule: rule.into(),
                reason: reason.into(),
                kind,
                phrase,
            });
        }
        // Longer phrases first, so the most specific phrase is the evidence.
        for ids in lex.prefixes.values_mut() {
            let entries = &lex.entries;
            ids.sort_by_key(|&i| std::cmp::Reverse(entries[i].phrase.len()));
        }
        if !patterns.is_empty() {
            // A roomier lazy-DFA cache: the default one thrashes on this many Unicode patterns.
            let build = |patterns: &[&str]| {
                RegexSetBuilder::new(patterns)
                    .dfa_size_limit(64 << 20)
                    .build()
            };
            let all: Vec<&str> = patterns.iter().map(String::as_str).collect();
            lex.compiled.regex_set = Some(build(&all)?);
            let ungated: Vec<usize> = (lex.regex_ids.iter().enumerate())
                .filter(|&(k, _)| lex.regex_needs[k].is_empty())
                .map(|(_, &i)| i)
                .collect();
            for above in lex.gate_bounds(&ungated) {
                let some: Vec<&str> = (ungated.iter())
                    .filter(|&&i| lex.limit(i) > above)
                    .map(|&i| lex.entries[i].phrase.as_str())
                    .collect();
                lex.compiled.regex_gates.push((above, build(&some)?));
            }
        }
        // One literal search per band of line lengths, with only the literals of the gated
        // patterns whose word limit a line of that band is within: a long paragraph is searched
        // for the two or three literals of the long patterns, not for every short label's.
        let mut limits: Vec<usize> = all_needs.iter().map(|n| n.0).collect();
        limits.sort_unstable();
        limits.dedup();
        limits.pop();
        for above in std::iter::once(0).chain(limits) {
            let mut some: Vec<&str> = (all_needs.iter())
                .filter(|n| n.0 > above)
                .flat_map(|n| n.1.iter().map(String::as_str))
                .collect();
            some.sort_unstable();
            some.dedup();
            let re = regex::bytes::Regex::new(&some.join("|"))?;
            lex.compiled.any_need.push((above, re));
        }
        lex.max_exact_len = lex.exact.keys().map(String::len).max().unwrap_or(0);
        let mut bounds: Vec<usize> = contains_ids.iter().map(|&i| lex.limit(i)).collect();
        bounds.sort_unstable();
        bounds.dedup();
        bounds.pop();
        for above in std::iter::once(0).chain(bounds) {
            let mut f = WordFilter::default();
            let mut anchors = Vec::new();
            for &i in contains_ids.iter().filter(|&&i| lex.limit(i) > above) {
                let anchor = anchor_word(&lex.entries[i].phrase).1;
                f.insert(anchor.as_bytes());
                anchors.push(anchor.to_string());
            }
            anchors.sort_unstable();
            anchors.dedup();
            let any = if anchors.len() <= 8 {
                (anchors.iter())
                    .map(|a| memchr::memmem::Finder::new(a.as_bytes()).into_owned())
                    .collect()
            } else {
                Vec::new()
            };
            lex.anchor_filters.push((above, f, any));
        }
        for first in lex.prefixes.keys() {
            lex.prefix_filter.insert(first.as_bytes());
        }
        for phrase in lex.exact.keys() {
            lex.exact_filter.insert(phrase.as_bytes());
        }
        Ok(lex)
    }

    /// Word limit of a prefix, contains or regex entry.
    fn limit(&self, i: usize) -> usize {
        match self.entries[i].kind {
            Kind::Prefix(m) | Kind::Contains(m) | Kind::Regex(m) => m,
            _ => usize::MAX,
        }
    }

    /// Word counts above which fewer of `ids` are candidates, ascending: each where at most
    /// half the candidates of the previous one are left (every extra set costs cache room).
    fn gate_bounds(&self, ids: &[usize]) -> Vec<usize> {
        let mut limits: Vec<usize> = ids.iter().map(|&i| self.limit(i)).collect();
        limits.sort_unstable();
        let mut bounds = Vec::new();
        let mut candidates = limits.len();
        for (k, &l) in limits.iter().enumerate() {
            let left = limits.len() - limits.partition_point(|&m| m <= l);
            if left > 0 && left * 2 <= candidates && limits.get(k + 1) != Some(&l) {
                bounds.push(l);
                candidates = left;
            }
        }
        bounds
    }

    /// The quick check for a line of `words` words: the last gate whose bound it is above,
    /// or the whole set.
    fn regex_set_for(c: &Compiled, words: usize) -> Option<&RegexSet> {
        let k = c.regex_gates.partition_point(|g| g.0 < words);
        match k.checked_sub(1) {
            Some(k) => Some(&c.regex_gates[k].1),
            None => c.regex_set.as_ref(),
        }
    }

    /// The patterns this thread searches with: its own copy on a thread of a rayon pool.
    fn compiled(&self) -> &Compiled {
        match rayon::current_thread_index().and_then(|i| self.per_thread.get(i)) {
            Some(copy) => copy.get_or_init(|| self.compiled.clone()),
            None => &self.compiled,
        }
    }

    /// The `contains` entry found in `norm` (at word boundaries, within its word limit) that
    /// starts first, the longest of those.
    fn contains(&self, norm: &str, words: usize) -> Option<&Entry> {
        let b = norm.as_bytes();
        let k = self.anchor_filters.partition_point(|g| g.0 < words);
        let (_, filter, any) = &self.anchor_filters[k.saturating_sub(1)];
        if !any.is_empty() && !any.iter().any(|a| a.find(b).is_some()) {
            return None;
        }
        let mut best: Option<(usize, &'_ Entry)> = None;
        for_each_word(b, |start, end| {
            if filter.may_hold(&b[start..end]) {
                self.contains_at(norm, start, end, words, &mut best);
            }
        });
        best.map(|(_, e)| e)
    }

    /// The `contains` entries anchored at the word `norm[start..end]`: keeps in `best` the one
    /// that starts first, the longest of those.
    #[inline(never)]
    fn contains_at<'s>(
        &'s self,
        norm: &str,
        start: usize,
        end: usize,
        words: usize,
        best: &mut Option<(usize, &'s Entry)>,
    ) {
        let b = norm.as_bytes();
        let Some(found) = self.contains_anchor.get(&norm[start..end]) else {
            return;
        };
        for &(i, offset) in found {
            let e = &self.entries[i];
            let Some(at) = start.checked_sub(offset) else {
                continue;
            };
            let better =
                best.is_none_or(|(s, f)| at < s || (at == s && e.phrase.len() > f.phrase.len()));
            if better
                && matches!(e.kind, Kind::Contains(max) if words <= max)
                && (at == 0 || b[at - 1] == b' ')
                && starts_with_words(&norm[at..], &e.phrase)
            {
                *best = Some((at, e));
            }
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Matches one line: `trimmed` is the raw trimmed line, `norm` its normalised form,
    /// `words` its word count. Strength order: whole line, prefix, contains, regex.
    pub fn lookup(&self, trimmed: &str, norm: &str, words: usize) -> Matches<'_> {
        let mut m = Matches::default();
        if trimmed.len() > MAX_LINE_BYTES || words > MAX_LINE_WORDS {
            return m;
        }
        // "Related articles (5)", "Comments 12": a trailing count does not change a header.
        let without_count = norm.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let exact = if without_count.len() > self.max_exact_len {
            None // longer than any phrase, with or without the count
        } else {
            let get = |s: &str| {
                (self.exact_filter.may_hold(s.as_bytes()))
                    .then(|| self.exact.get(s))
                    .flatten()
            };
            get(norm).or_else(|| {
                (without_count.len() < norm.len() && !without_count.is_empty())
                    .then(|| get(without_count))
                    .flatten()
            })
        };
        if let Some(ids) = exact {
            for &i in ids {
                let e = &self.entries[i];
                if e.kind == Kind::Weak {
                    m.weak.push(e);
                } else if m.strong.is_none() {
                    m.strong = Some(e);
                }
            }
            if m.strong.is_some() {
                return m;
            }
        }
        let first = &norm[..memchr::memchr(b' ', norm.as_bytes()).unwrap_or(norm.len())];
        if words <= self.max_prefix_words
            && self.prefix_filter.may_hold(first.as_bytes())
            && let Some(ids) = self.prefixes.get(first)
        {
            for &i in ids {
                let e = &self.entries[i];
                if let Kind::Prefix(max) = e.kind
                    && words <= max
                    && starts_with_words(norm, &e.phrase)
                {
                    m.strong = Some(e);
                    return m;
                }
            }
        }
        if words <= self.max_contains_words
            && !self.anchor_filters.is_empty()
            && let Some(e) = self.contains(norm, words)
        {
            m.strong = Some(e);
            return m;
        }
        let c = self.compiled();
        let within = |k: usize| matches!(self.entries[self.regex_ids[k]].kind, Kind::Regex(max) if words <= max);
        let gate_open = |k: usize| {
            let needs = &self.regex_needs[k];
            needs.is_empty() || needs.iter().any(|f| f.find(trimmed.as_bytes()).is_some())
        };
        // The gated patterns whose word limit allows the line: when there is one, its own
        // literals are the test; when there are more, the literals of those patterns at once
        // first (a long line is often left to a single pattern with a high limit).
        let any_gated = || {
            if words > self.max_gated_words {
                return false;
            }
            let mut open = self.gated.iter().copied().filter(|&k| within(k));
            let Some(one) = open.next() else {
                return false;
            };
            if open.next().is_none() {
                return gate_open(one);
            }
            // (A line of no words takes the first band, as one of a single word does.)
            let band = c
                .any_need
                .partition_point(|g| g.0 < words)
                .saturating_sub(1);
            (c.any_need.get(band)).is_some_and(|g| g.1.is_match(trimmed.as_bytes()))
                && self.gated.iter().any(|&k| within(k) && gate_open(k))
        };
        if words <= self.max_regex_words
            && (Self::regex_set_for(c, words).is_some_and(|set| set.is_match(trimmed))
                || any_gated())
            && let Some(k) = (0..c.regexes.len())
                .find(|&k| within(k) && gate_open(k) && c.regexes[k].is_match(trimmed))
        {
            m.strong = Some(&self.entries[self.regex_ids[k]]);
        }
        m
    }
}

/// For a case-insensitive pattern (an `i` among the flags of any `(?flags)` or `(?flags:`
/// group), the first ASCII lower- or upper-case form of a `needs=` literal that the list
/// lacks. The literals are compared byte for byte (a literal search is far cheaper than one
/// that ignores case: +3.5% instructions on plain text under callgrind), so such a pattern
/// would never run on "GOOGLE PLAY" gated on `needs=play` alone: the vocabulary must list
/// `play|PLAY`, and a whole word's title case too (`Play`, checked by no one), or drop the
/// literal's first letter (`ditorial|DITORIAL`).
fn missing_case(needs: &[String], pattern: &str) -> Option<String> {
    static FLAGS: OnceLock<Regex> = OnceLock::new();
    let flags = FLAGS.get_or_init(|| Regex::new(r"\(\?[a-zA-Z]*i[a-zA-Z]*[-:)]").expect("flags"));
    if !flags.is_match(pattern) {
        return None;
    }
    (needs.iter())
        .flat_map(|n| [n.to_ascii_lowercase(), n.to_ascii_uppercase()])
        .find(|v| !needs.contains(v))
}

/// The text of `line` after its first `n` whitespace-separated fields.
fn after_fields(line: &str, n: usize) -> &str {
    let mut rest = line.trim_start();
    for _ in 0..n {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = rest[end..].trim_start();
    }
    rest
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    let (name, max) = match s.split_once(':') {
        Some((n, m)) => {
            let m: usize = m.parse().map_err(|_| format!("bad word limit in {s:?}"))?;
            (n, Some(m))
        }
        None => (s, None),
    };
    Ok(match (name, max) {
        ("line", None) => Kind::Line,
        ("weak", None) => Kind::Weak,
        ("header", None) => Kind::Header,
        ("prefix", m) => Kind::Prefix(m.unwrap_or(12)),
        ("contains", m) => Kind::Contains(m.unwrap_or(25)),
        ("regex", m) => Kind::Regex(m.unwrap_or(40)),
        _ => {
            return Err(format!(
                "unknown MATCH {s:?} (line, weak, header, prefix[:N], contains[:N], regex[:N])"
            ));
        }
    })
}

/// Calls `f(start, end)` for every word of `b` (split at single spaces), finding the
/// spaces eight bytes at a time.
#[inline]
pub(crate) fn for_each_word(b: &[u8], mut f: impl FnMut(usize, usize)) {
    any_word(b, |start, end| {
        f(start, end);
        false
    });
}

/// Calls `f(start, end)` for the words of `b` in order (as [`for_each_word`]) until it
/// returns true; returns whether it did.
#[inline]
pub(crate) fn any_word(b: &[u8], mut f: impl FnMut(usize, usize) -> bool) -> bool {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut start = 0;
    let mut chunks = b.chunks_exact(8);
    let mut base = 0;
    for c in chunks.by_ref() {
        let x = u64::from_le_bytes(c.try_into().expect("8 bytes")) ^ 0x2020_2020_2020_2020;
        // High bit of each byte that was a space (exact: no borrow between bytes).
        let mut spaces = !(((x & LOW7) + LOW7) | x) & !LOW7;
        while spaces != 0 {
            let at = base + spaces.trailing_zeros() as usize / 8;
            if f(start, at) {
                return true;
            }
            start = at + 1;
            spaces &= spaces - 1;
        }
        base += 8;
    }
    for (k, &c) in chunks.remainder().iter().enumerate() {
        if c == b' ' {
            if f(start, base + k) {
                return true;
            }
            start = base + k + 1;
        }
    }
    f(start, b.len())
}

/// A word's slot in a 65,536-bit set, from its length and first and last bytes.
fn word_bit(word: &[u8]) -> usize {
    let (first, last) = (word.first().copied(), word.last().copied());
    let key = (first.unwrap_or(0) as usize) << 8 ^ (last.unwrap_or(0) as usize) << 3 ^ word.len();
    key & 0xffff
}

/// A quick necessary test for a set of words (or phrases): their byte lengths and
/// [`word_bit`]s. A word it rejects is not in the set.
#[derive(Debug, Clone)]
pub(crate) struct WordFilter {
    min_len: usize,
    max_len: usize,
    bits: Box<[u64; 1024]>,
}

impl Default for WordFilter {
    fn default() -> WordFilter {
        WordFilter {
            min_len: usize::MAX,
            max_len: 0,
            bits: Box::new([0; 1024]),
        }
    }
}

impl WordFilter {
    pub(crate) fn insert(&mut self, word: &[u8]) {
        self.min_len = self.min_len.min(word.len());
        self.max_len = self.max_len.max(word.len());
        let bit = word_bit(word);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    #[inline]
    pub(crate) fn may_hold(&self, word: &[u8]) -> bool {
        if word.len() < self.min_len || word.len() > self.max_len {
            return false;
        }
        let bit = word_bit(word);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The longest word of a normalised phrase (the first of equals), with its byte offset.
fn anchor_word(phrase: &str) -> (usize, &str) {
    let mut best = (0, "");
    let mut at = 0;
    for w in phrase.split(' ') {
        if w.len() > best.1.len() {
            best = (at, w);
        }
        at += w.len() + 1;
    }
    best
}

/// `norm` starts with the words of `phrase`; a [`NUMBER`] word of the phrase stands for any
/// word of ASCII digits.
fn starts_with_words(norm: &str, phrase: &str) -> bool {
    let (n, p) = (norm.as_bytes(), phrase.as_bytes());
    let same = n.iter().zip(p).take_while(|(a, b)| a == b).count();
    if same == p.len() {
        return matches!(n.get(same), None | Some(b' '));
    }
    // A normalised line holds no `#`: the phrase's first placeholder is where they part, at
    // the start of a word of both.
    if p[same] != NUMBER.as_bytes()[0] {
        return false;
    }
    let mut words = norm[same..].split(' ');
    phrase[same..].split(' ').all(|p| {
        words.next().is_some_and(|w| {
            if p == NUMBER {
                !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit())
            } else {
                w == p
            }
        })
    })
}

/// A phrase word that stands for any number (a word of ASCII digits): `order within # hours`
/// takes "Order within 3 hours" and "Order within 12 hours". Prefix entries only.
pub const NUMBER: &str = "#";

/// A phrase in normalised form: its words normalised, a [`NUMBER`] word kept as it is (the
/// normaliser would drop it as punctuation).
fn normalize_phrase(raw: &str) -> String {
    if !raw.contains(NUMBER) || !raw.split_whitespace().any(|w| w == NUMBER) {
        return text::normalize(raw);
    }
    let mut out = String::new();
    for piece in raw.split_whitespace() {
        let norm = if piece == NUMBER {
            NUMBER.to_string()
        } else {
            text::normalize(piece)
        };
        if !norm.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&norm);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_as_split_finds_them() {
        for s in [
            "",
            "a",
            " ",
            "  a  b ",
            "one two",
            "twelve chars",
            "exactly8 x",
            "one twothree fourfive six seveneight nine ten",
            "share this story on facebook and x now",
            "über alles é",
        ] {
            let mut got = Vec::new();
            for_each_word(s.as_bytes(), |a, b| got.push(&s[a..b]));
            assert_eq!(got, s.split(' ').collect::<Vec<_>>(), "{s:?}");
        }
        assert_eq!(anchor_word("use of cookies"), (7, "cookies"));
    }

    #[test]
    fn contains_needs_word_boundaries_and_takes_the_leftmost_longest() {
        let lex = Lexicon::parse(
            "a x contains:30 use of cookies\nb y contains:30 cookies\nc z contains:30 of cookies and more\n",
            "test",
        )
        .unwrap();
        assert_eq!(hit(&lex, "We make use of cookies here").unwrap().0, "a");
        assert_eq!(hit(&lex, "Fans of cookies and more").unwrap().0, "c");
        assert_eq!(hit(&lex, "Mycookies are good"), None);
        assert_eq!(hit(&lex, "cookies"), Some(("b".into(), "y".into())));
    }

    /// Each word count gets the anchors of the entries whose limit allows it, and a line
    /// without any of them as a substring skips the word scan: the answer is the same.
    #[test]
    fn contains_word_limits_hold_across_anchor_levels() {
        let src = "a x contains:3 use of cookies\nb x contains:6 cookie policy\nc x contains:12 all rights reserved\nd x contains:30 our cookies\n";
        let lex = Lexicon::parse(src, "x").unwrap();
        assert_eq!(lex.anchor_filters.len(), 4);
        let rule = |line: &str| hit(&lex, line).map(|h| h.0);
        assert_eq!(rule("Use of cookies").as_deref(), Some("a"));
        assert_eq!(rule("We make use of cookies").as_deref(), None);
        assert_eq!(rule("We make use of our cookies").as_deref(), Some("d"));
        assert_eq!(rule("Read our cookie policy").as_deref(), Some("b"));
        assert_eq!(rule("Read our cookie policy, it is short").as_deref(), None);
        let long = format!("{} all rights reserved", "w ".repeat(8));
        assert_eq!(rule(&long).as_deref(), Some("c"));
        let longer = format!("{} all rights reserved and our cookies", "w ".repeat(20));
        assert_eq!(rule(&longer).as_deref(), Some("d"));
        let longest = format!("{} all rights reserved and our cookies", "w ".repeat(30));
        assert_eq!(rule(&longest), None);
        assert_eq!(
            rule(&format!("{} allrightsreserved", "w ".repeat(20))),
            None
        );
    }

    /// A `#` word of a prefix phrase takes any number, and only a number, at its place.
    #[test]
    fn a_number_placeholder_takes_any_count() {
        let lex = Lexicon::parse(
            "a x prefix:8 order within # hours\nb y prefix:8 returns within # days\n",
            "test",
        )
        .unwrap();
        let rule = |line: &str| hit(&lex, line).map(|h| h.0);
        assert_eq!(rule("Order within 3 hours").as_deref(), Some("a"));
        assert_eq!(
            rule("Order within 132 hours to get it Monday").as_deref(),
            Some("a")
        );
        assert_eq!(rule("Returns within 30 days").as_deref(), Some("b"));
        assert_eq!(rule("Order within three hours"), None);
        assert_eq!(rule("Order within 3hours"), None);
        assert_eq!(rule("Order within hours"), None);
        assert_eq!(rule("Order within"), None);
        assert_eq!(rule("Returns within 30 daysago"), None);
        for bad in [
            "a x line order #",
            "a x contains order within #",
            "a x prefix # days",
        ] {
            assert!(Lexicon::parse(bad, "test").is_err(), "{bad}");
        }
    }

    /// The built-in vocabulary lists each entry once (a copy only costs a lookup).
    #[test]
    fn builtin_entries_are_distinct() {
        let lex = Lexicon::builtin();
        let mut seen = std::collections::HashSet::new();
        for e in &lex.entries {
            let key = (&e.rule, &e.reason, e.kind, &e.phrase);
            assert!(seen.insert(key), "listed twice: {key:?}");
        }
    }

    fn hit(lex: &Lexicon, line: &str) -> Option<(String, String)> {
        let norm = text::normalize(line);
        lex.lookup(line, &norm, text::word_count(line))
            .strong
            .map(|e| (e.rule.clone(), e.reason.clone()))
    }

    #[test]
    fn threads_of_a_pool_search_their_own_copies_alike() {
        use rayon::prelude::*;
        let lex = Lexicon::builtin();
        let lines = [
            "Share on Facebook Twitter Email",
            "12 comments",
            "Photo: Jane Doe / Agency",
            "By clicking Subscribe you agree to our terms",
            "© 2024 Example Media",
            "Download our app for the latest news",
            "The council met on Tuesday to discuss the budget.",
            "Home » News » World",
        ];
        let alone: Vec<_> = lines.iter().map(|l| hit(&lex, l)).collect();
        assert!(
            alone.iter().filter(|h| h.is_some()).count() >= 6,
            "{alone:?}"
        );
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let in_pool: Vec<_> = pool.install(|| {
            (0..400)
                .into_par_iter()
                .map(|k| hit(&lex, lines[k % lines.len()]))
                .collect()
        });
        for (k, h) in in_pool.iter().enumerate() {
            assert_eq!(h, &alone[k % lines.len()]);
        }
        // The pool's threads made their copies; the vocabulary's own patterns stay as they were.
        assert!(lex.per_thread.iter().take(2).any(|c| c.get().is_some()));
        assert!(lex.per_thread[2..].iter().all(|c| c.get().is_none()));
    }

    #[test]
    fn builtin_lexicon_parses() {
        let lex = Lexicon::builtin();
        assert!(lex.len() > 500, "{}", lex.len());
    }

    #[test]
    fn widget_lines_in_several_languages() {
        let lex = Lexicon::builtin();
        for (line, reason) in [
            ("Leave a Reply", "comments"),
            (
                "No comments yet. Why don’t you start the discussion?",
                "comments",
            ),
            ("12 Comments", "comments"),
            ("Laisser un commentaire", "comments"),
            ("Kommentare (3)", "comments"),
            ("Deja un comentario", "comments"),
            ("Related Articles", "related"),
            ("Das könnte Sie auch interessieren", "related"),
            ("À lire aussi", "related"),
            ("READ MORE: Ten ways to bake bread", "related"),
            ("Share on Facebook", "share"),
            ("Sign up for our newsletter", "promo"),
            (
                "Get the top stories delivered to your inbox every morning.",
                "promo",
            ),
            ("Image credit: Getty Images", "credit"),
            ("Photo: Jane Doe/Reuters", "credit"),
            ("Tags: asia, economy", "tags"),
            ("Home » Tech » Business", "breadcrumb"),
            ("© 2025 The Courier. All rights reserved.", "copyright"),
            ("Advertisement", "advertisement"),
            ("Anzeige", "advertisement"),
            ("We use cookies to improve your experience.", "cookies"),
            ("Table of Contents", "navigation"),
            ("Inhaltsverzeichnis", "navigation"),
            ("À propos de l'auteur", "byline"),
            ("About the Author", "byline"),
            // Beyond the four core languages: block headers in other scripts.
            ("Читайте также", "related"),
            ("阅读下一篇：", "related"),
            ("関連記事", "related"),
            ("관련기사", "related"),
            ("เรื่องที่เกี่ยวข้อง", "related"),
            ("مقالات ذات صلة", "related"),
            ("分享到微信", "share"),
            ("评论", "comments"),
            ("Komentarze (4)", "comments"),
            (
                "By clicking Sign Me Up, you confirm you are 16+ and agree to our Terms of Use.",
                "promo",
            ),
            ("En vous inscrivant, vous acceptez nos conditions.", "promo"),
            ("Posts: 65,703", "byline"),
            ("Joined: Mon Jul 24, 2017 9:28 am", "byline"),
            ("Beiträge: 138", "byline"),
            ("関連キーワード", "tags"),
        ] {
            assert_eq!(
                hit(&lex, line).map(|h| h.1),
                Some(reason.to_string()),
                "{line}"
            );
        }
    }

    #[test]
    fn article_lines_are_not_widgets() {
        let lex = Lexicon::builtin();
        for line in [
            "Related products and services",
            "Copyright law in the EU has changed this year.",
            "Install the package with pip before you start.",
            "Plus de 1000 personnes arrêtées",
            "Discussion",
            "More information about the programme is available online.",
            "Settings > Privacy > Cookies",
            "Location: Boston, Massachusetts",
            "Registered: yes",
        ] {
            assert_eq!(hit(&lex, line), None, "{line}");
        }
    }

    /// Normalisation joins "m'abonne" into "mabonne": a phrase must keep its apostrophes, or
    /// it can never match. A lone elided letter in a phrase means one went missing.
    #[test]
    fn phrases_keep_their_elisions() {
        let lex = Lexicon::builtin();
        for e in lex
            .entries
            .iter()
            .filter(|e| !matches!(e.kind, Kind::Regex(_)))
        {
            let words: Vec<&str> = e.phrase.split(' ').collect();
            let elided = ["l", "d", "s", "j", "m", "n", "c", "qu", "t"];
            if words.len() > 1 {
                for w in &words[..words.len() - 1] {
                    assert!(
                        !elided.contains(w),
                        "phrase {:?} lost an apostrophe",
                        e.phrase
                    );
                }
            }
        }
    }

    /// A Unicode `\b` makes the lazy DFA give up on non-ASCII text, and the whole vocabulary
    /// then runs on the slow PikeVM: built-in patterns use `(?-u:\b)`.
    #[test]
    fn builtin_patterns_avoid_unicode_word_boundaries() {
        for line in BUILTIN.lines().filter(|l| !l.starts_with('#')) {
            let bare = line.replace("(?-u:\\b)", "");
            assert!(!bare.contains("\\b"), "Unicode \\b in: {line}");
        }
    }

    /// Long lines are checked against only the patterns whose word limit allows them; the
    /// answer is the same as with every pattern.
    #[test]
    fn needs_gates_a_pattern_and_keeps_file_order() {
        // `a` is gated on "»"; `b`, ungated and later in the file, matches some of the same
        // lines: the first entry in file order whose gate is open and pattern matches wins.
        let src = "a x regex:10 needs=»|› ^\\w+ (»|›) \\w+$\nb x regex:10 ^(?i)home\\b.*$\n";
        let lex = Lexicon::parse(src, "x").unwrap();
        let rule = |line: &str| hit(&lex, line).map(|h| h.0);
        assert_eq!(rule("Home » News").as_deref(), Some("a"));
        assert_eq!(rule("Home › News").as_deref(), Some("a"));
        assert_eq!(rule("Home > News").as_deref(), Some("b"));
        assert_eq!(rule("News » World").as_deref(), Some("a"));
        assert_eq!(rule("News > World"), None);
        // Beyond its word limit a gated pattern is not tried even with its literal.
        assert_eq!(rule(&format!("{} »", "w ".repeat(12))), None);
        // A case-insensitive pattern lists its literals in both cases.
        let err = Lexicon::parse("p x regex:20 needs=play|Play (?i)^.*google play.*$", "x");
        assert!(format!("{:#}", err.unwrap_err()).contains("\"PLAY\""));
        assert!(Lexicon::parse("p x regex:20 needs=play|PLAY (?i)^.*google play.*$", "x").is_ok());
        assert!(Lexicon::parse("p x regex:20 needs=play ^.*Google play.*$", "x").is_ok());
        // The flag anywhere, alone or in a group; non-ASCII letters are left as written.
        for re in [
            "^(?i)google play$",
            "(?is)google play",
            "^(?i:google) play$",
        ] {
            let src = format!("p x regex:20 needs=play {re}");
            assert!(Lexicon::parse(&src, "x").is_err(), "{re}");
        }
        assert!(Lexicon::parse("p x regex:20 needs=straße|STRAßE (?i)straße", "x").is_ok());
        // needs= is for regex entries only, and its literals cannot be empty.
        assert!(Lexicon::parse("a x line needs=» Home", "x").is_err());
        assert!(Lexicon::parse("a x regex needs=»|| ^x$", "x").is_err());
    }

    /// A line is searched at once for the literals of the gated patterns its length allows,
    /// not for every pattern's; the answers are those of each pattern's own literals.
    #[test]
    fn a_long_line_is_searched_for_the_long_patterns_literals_only() {
        let src = "a x regex:4 needs=» ^\\w+ » \\w+$\n\
                   b x regex:5 needs=› ^\\w+ › \\w+$\n\
                   c x regex:40 needs=ommission ^.*commission.*earn.*$\n\
                   d x regex:40 needs=ditorial ^.*our editorial policy.*$\n";
        let lex = Lexicon::parse(src, "x").unwrap();
        let bands: Vec<(usize, &str)> = (lex.compiled.any_need.iter())
            .map(|(above, re)| (*above, re.as_str()))
            .collect();
        assert_eq!(
            bands,
            [
                (0, "ditorial|ommission|»|›"),
                (4, "ditorial|ommission|›"),
                (5, "ditorial|ommission")
            ]
        );
        let rule = |line: &str| hit(&lex, line).map(|h| h.0);
        assert_eq!(rule("News » World").as_deref(), Some("a"));
        assert_eq!(
            rule("We earn nothing from this commission").as_deref(),
            None
        );
        assert_eq!(
            rule("A commission is what we earn from links").as_deref(),
            Some("c")
        );
        let long = format!("{} read our editorial policy", "word ".repeat(20));
        assert_eq!(rule(&long).as_deref(), Some("d"));
        assert_eq!(rule(&format!("{} » x", "word ".repeat(20))), None);
        // A line of no words is in the first band.
        let src = "a x regex:3 needs=*** ^\\*{3}$\nb x regex:5 needs=› ^\\w+ › \\w+$\n";
        let lex = Lexicon::parse(src, "x").unwrap();
        assert_eq!(hit(&lex, "***").map(|h| h.0).as_deref(), Some("a"));
    }

    #[test]
    fn regex_word_limits_hold_across_gates() {
        let src = "a x regex:2 ^(?i)one\\b.*$\nb x regex:3 ^(?i)one two\nc x regex:10 ^(?i)one two three\nd x regex:40 (?i)four$\n";
        let lex = Lexicon::parse(src, "x").unwrap();
        assert_eq!(
            lex.compiled.regex_gates.len(),
            2,
            "{:?}",
            lex.gate_bounds(&lex.regex_ids)
        );
        let rule = |line: &str| hit(&lex, line).map(|h| h.0);
        assert_eq!(rule("one two").as_deref(), Some("a"));
        assert_eq!(rule("one two x").as_deref(), Some("b"));
        assert_eq!(rule("one two three four").as_deref(), Some("c"));
        let long = format!("one two three {} four", "w ".repeat(20));
        assert_eq!(rule(&long).as_deref(), Some("d"));
        let longer = format!("one two three {} four", "w ".repeat(40));
        assert_eq!(rule(&longer), None);
    }

    #[test]
    fn user_rules_are_validated() {
        assert!(Lexicon::parse("my_rule promo line Buy now", "x").is_ok());
        assert!(Lexicon::parse("my_rule promo sometimes Buy now", "x").is_err());
        assert!(Lexicon::parse("my_rule promo regex (unclosed", "x").is_err());
        assert!(Lexicon::parse("my_rule promo line", "x").is_err());
        let lex = Lexicon::parse("house_ad promo prefix:5 brought to you by", "x").unwrap();
        assert!(hit(&lex, "Brought to you by Acme").is_some());
        assert!(hit(&lex, "Brought to you by Acme and friends and family").is_none());
    }
}

//! Full-page text dumps (what html-text or a crawler's WET output make of a web page): the
//! menus, link lists, cookie banners and footers come out one item per line around the
//! article. This rule finds the article region from the lines alone and removes the rest.
//!
//! Each line still present (not removed by an earlier rule) gets a score, jusText-style:
//! - prose (at least 8 words, a fifth of them stop words, less than half of its other words
//!   Capitalised): `+words`, halved when it neither ends like a sentence nor has 20 words;
//! - menu-like (at most 4 words, or mostly Title Case, and not ending like a sentence):
//!   [`SHORT`] or [`TITLE`];
//! - anything else (headings, datelines, captions): [`OTHER`];
//! - prose in legal and consent words ([`LEGAL`]: a cookie panel's purposes, a privacy notice,
//!   a disclosure): minus its words, in the gate too (a cookie banner above the menus does not
//!   count as the article's first prose line);
//! - a line an earlier rule removed: [`REMOVED`] for a share bar, related block, comment,
//!   cookie notice or promo ([`OTHER`] for the rest), a barrier that is never re-marked; but
//!   an interface label ("Read more", "Close") is scored as the menu-like line it is.
//!
//! The prose core is the run of lines with the largest score sum (CCNet-like: the densest
//! contiguous prose), extended upwards over up to three headline, byline or dateline lines
//! (at least five words, or a date). Further prose regions set apart from it by menus (a
//! product's description and specifications, a listing's blurbs) are kept too when their own
//! best run scores at least [`REGION_SHARE`] of the core's (and [`REGION_MIN`]); between two
//! regions, any run of prose stays too ([`inner_regions`]: a forum's short posts between their
//! author blocks, a listing's blurbs). A document is
//! a page dump only when at least [`HEAD_MENU`] menu-like lines come before its first prose
//! line, or [`HEAD_MENU_WEAK`] before and [`TAIL_MENU`] after its last prose line, or when
//! [`GATE_MENUS`] menu-like lines make up [`GATE_MENU_SHARE`] of its lines; clean
//! articles open with a headline and prose, so the rule does not fire on them. Nor does it
//! when the core is too thin to be an article ([`CORE_MIN`], [`CORE_SHARE`]): on a listing or
//! catalogue the items look like menus, and cutting around a stray sentence loses them; only
//! the runs of menus at its ends go ([`trim_ends`], `dump_menus`). Runs of price records
//! ([`record_runs`]: a catalogue's grid, a results page) as long as the prose regions are
//! never cut, nor are a product's spec sheets ([`spec_lines`], `dump_specs`). On a
//! dump, every line before the first region (`dump_head`), after the last (`dump_tail`) and
//! between two (`dump_gap`) is removed: `cookies` when it speaks of cookies, `navigation`
//! when menu-like, `chrome` otherwise. Headings, datelines and short lines inside a region
//! stay. The first comment header or count below the article (a lexicon `header` of reason
//! `comments`, or `comment_count`, found once below the top, with prose above it scoring at
//! least [`CORE_MIN`] and [`COMMENTS_SHARE`] of the prose below) ends the regions: every line
//! from it on goes as `dump_comments` (`comments`, or `navigation` / `cookies`). A related-content
//! header below the article (a lexicon `header` of reason `related`: "Related Articles", "You
//! may also like") ends it the same way when the prose below it is thin ([`RELATED_SHARE`] of
//! the prose above) and does not go on as paragraphs within [`RELATED_LOOK`] lines (an inline
//! box inside the article does): every line from it on goes as `dump_related` (`related`, or
//! `navigation` / `cookies`). A thread of posts below the article with no header the lexicon
//! knows (reviews below a product's description, a blog's comments: [`thread_start`], at least
//! [`THREAD_MIN`] author lines or ratings of one kind, [`post_marker`]) ends it the same way
//! when a block of prose with no marker in it stands above the thread, of at least
//! [`THREAD_ARTICLE`] words and [`THREAD_RATIO`] times the median post, and the prose above
//! still makes an article core: every line from its first marker on goes as `dump_thread`.
//! On a forum thread ([`forum_buttons`]: at least [`FORUM_MIN`] per-post "Quote" or
//! "Permalink" buttons, alone or in a row such as "Reply Quote Like") no comment header ends
//! the article: the replies are the content, the last region runs down to the last post's
//! buttons however short the posts are (its tail is not trimmed), and the posts' buttons go
//! as `dump_forum_buttons` (`interface`).
//! Inside the regions, a thread's post details ([`post_meta_lines`]: "asked Feb 11, 2011 at
//! 23:49", "1,430 posts · Joined 2022", "Well-known member") go as `dump_postmeta` (`byline`).
//! The page ends at its footer's copyright line ([`is_footer_copyright`], below the core's
//! first line): the regions end above it, and every line from it on goes as `dump_footer` (a
//! newsletter modal, a cart drawer, a legal notice written out after the footer), price
//! records and table rows too.
//! The article's headline that repeats the page's title (the dump's first line) goes as
//! `dump_title` ([`title_lines`]), as `html_title` does on a page. A banner written out once
//! per locale or currency above the article's first paragraph (the same closing words ending
//! three or more different lines) goes as `dump_banner_variants` ([`banner_variants`]), and
//! among the article's lines a call to sign up for the site's newsletter as `dump_signup`
//! ([`is_signup`]), a link's label on its own line ("Learn more", "View all posts by…") as
//! `dump_link_label` ([`is_link_label`]) and a site's menu or account label ("Privacy
//! Policy", "Sign in") as `dump_chrome_label` ([`CHROME_LABELS`], not above a paragraph it
//! heads: [`heads_prose`]).
//! The last region's tail is trimmed: below a run of
//! [`TRIM_MENU_RUN`] menu-like lines in a row, the prose that scores under [`TRIM_SHARE`] of
//! the region (an author bio between "Previous post" links, a carousel's blurbs, a call to
//! action) goes as `dump_tail`, unless it holds code (braces, " = ", a pilcrow heading: a
//! documentation page's last sections and examples).
//!
//! The first region's head is trimmed the same way ([`trim_head`], `dump_head_trim`): above
//! a run of [`TRIM_MENU_RUN`] menu-like lines, the lines that score under [`HEAD_TRIM_SHARE`]
//! of the region with no paragraph of [`HEAD_PARAGRAPH`] among them go (a promo bar's
//! slogan, a teaser above the menus); the headline and dateline right above the cut are the
//! article's lead again ([`lead`]).
//!
//! A consent manager's panel at the page's end ([`consent_start`]: a cookie notice an earlier
//! rule removed, below the first prose line or in the page's lower half, with the prose below
//! it mostly in legal words or about cookies) ends the regions too: every line from the notice
//! on goes as `dump_consent` (`cookies`), on a page with no article core as well.
//!
//! The gate's first prose line is a paragraph ([`LONE_ANCHOR`]) or a sentence with more prose
//! right below it ([`ANCHOR_PAIR`]): a lone slogan among the menus does not end the count.
//!
//! Linear in the number of lines; one pass for the scores, one per region (at most
//! [`MAX_REGIONS`], then at most [`MAX_INNER`] runs between them).

use crate::classify::{Doc, Evidence, Verdict, is_related_header};
use crate::lexicon::{Entry, Kind, any_word, for_each_word};
use crate::text;
use std::collections::{HashMap, HashSet};

/// Score of a short (at most [`SHORT_WORDS`] words) non-sentence line.
pub const SHORT: f64 = -5.0;
/// Score of a mostly Title Case non-sentence line.
pub const TITLE: f64 = -3.0;
/// Score of any other non-prose line.
pub const OTHER: f64 = -0.5;
const SHORT_WORDS: usize = 4;
const PROSE_WORDS: usize = 8;
const PROSE_NO_STOP_WORDS: usize = 20;
const STOP_DENSITY: f64 = 0.2;
const CAPITALISED: f64 = 0.5;
/// A prose line of this score or more counts as the start or end of the article's prose.
const PROSE_ANCHOR: f64 = 10.0;
/// Score of a line an earlier rule removed (a share bar, a comment thread): a barrier.
pub const REMOVED: f64 = -5.0;
/// Score of a related-content header ("Related Articles", "You may also like", a lexicon
/// `header` of reason `related`): a barrier the article's prose does not run across lightly.
const RELATED_HEADER: f64 = -20.0;
/// A related-content header below the article ends it (as a comment header does) when the
/// prose below it scores under this share of the prose above: the headlines and blurbs of a
/// carousel, not the second half of an article interrupted by an inline box.
const RELATED_SHARE: f64 = 0.5;
/// ... and when two prose lines in a row do not come within this many lines below it (the
/// article going on after an inline box; a carousel's blurbs stand one by one between titles).
const RELATED_LOOK: usize = 12;
/// A run of this many menu-like lines in a row inside the last region is where its tail may
/// be cut ([`trim_tail`]) ...
const TRIM_MENU_RUN: usize = 2;
/// ... when the prose below the run scores under this share of the region's score sum.
const TRIM_SHARE: f64 = 0.1;
/// The first region's head is trimmed ([`trim_head`]) below a run of [`TRIM_MENU_RUN`]
/// menu-like lines when the lines above it score under this share of the region's sum ...
const HEAD_TRIM_SHARE: f64 = 0.05;
/// ... and none of them scores this much (a paragraph of about fifty words).
const HEAD_PARAGRAPH: f64 = 50.0;
/// A comment section's header ends the article only when the prose above it scores at least
/// this share of the prose below (a "Comments: 37" beside the byline is no such header).
const COMMENTS_SHARE: f64 = 0.1;
/// The first prose line scores at least [`LONE_ANCHOR`], or has another prose line within
/// [`ANCHOR_PAIR`] lines below it.
const LONE_ANCHOR: f64 = 20.0;
const ANCHOR_PAIR: usize = 2;
/// Menu-like lines before the first prose line that make a document a page dump.
pub const HEAD_MENU: usize = 8;
/// With at least this many before the first prose line, [`TAIL_MENU`] after the last one.
pub const HEAD_MENU_WEAK: usize = 2;
pub const TAIL_MENU: usize = 12;
/// Or with at least [`HEAD_MENU_BOTH`] before it, [`BOTH_MENU`] before and after together (a
/// clean article's stray menu lines come at one end, a few at most).
pub const HEAD_MENU_BOTH: usize = 4;
pub const BOTH_MENU: usize = 10;
/// Or, whatever the head, at least [`GATE_MENUS`] menu-like lines making up at least
/// [`GATE_MENU_SHARE`] of the document's lines (a banner above the menus reads as prose and
/// ends the head early; a clean article is mostly prose, a noisy one has a few dozen menus).
pub const GATE_MENUS: usize = 100;
pub const GATE_MENU_SHARE: f64 = 0.6;
/// Lines right above the core (headline, byline, dateline) that join it.
const LEAD_LINES: usize = 3;
/// A further prose region is kept when its score sum reaches this share of the core's
/// and at least [`REGION_MIN`].
const REGION_SHARE: f64 = 0.2;
const REGION_MIN: f64 = 20.0;
/// Prose regions kept at most (the core included), before [`inner_regions`] adds the runs
/// between them.
const MAX_REGIONS: usize = 12;
/// Runs between two regions [`inner_regions`] adds at most.
const MAX_INNER: usize = 64;
/// A core below this score, or with prose words under [`CORE_SHARE`] of the document's
/// words, is no article (a listing or a catalogue whose items look like menus): nothing goes.
const CORE_MIN: f64 = 50.0;
const CORE_SHARE: f64 = 0.05;

/// A thread of posts below the article (reviews, a blog's comments): at least this many post
/// marker lines of one kind ([`post_marker`]) from the first prose line on ...
const THREAD_MIN: usize = 3;
/// ... with at most this many words each ...
const MARKER_WORDS: usize = 16;
/// ... below an article: a block of prose with no marker in it, above the first marker, of at
/// least [`THREAD_ARTICLE`] words and [`THREAD_RATIO`] times the median post (the prose
/// words between two markers). A forum's first post is one post among the others, no article.
const THREAD_ARTICLE: usize = 100;
const THREAD_RATIO: usize = 3;

/// The features of one line the score is built from.
#[derive(Debug, Clone, Copy)]
struct LineScore {
    score: f64,
    menu: bool,
}

/// Scores line `i` (non-blank).
fn score_line(doc: &Doc, i: usize, lower: &mut Vec<u8>) -> LineScore {
    let t: &str = &doc.text[i];
    let w = doc.words[i];
    let sentence = ends_like_sentence(t);
    if w == 0 {
        return LineScore {
            score: SHORT,
            menu: true,
        };
    }
    // Too short for prose: the stop words and capitals do not matter.
    if w <= SHORT_WORDS {
        return if sentence {
            LineScore {
                score: OTHER,
                menu: false,
            }
        } else {
            LineScore {
                score: SHORT,
                menu: true,
            }
        };
    }
    let stops = StopSet::get();
    // The density only grows word by word: counting stops once it is reached.
    let dense = w >= PROSE_WORDS && {
        let norm = doc.norm(i).as_bytes();
        let mut sw = 0;
        any_word(norm, |s, e| {
            sw += usize::from(stops.contains_at(norm, s, e));
            sw as f64 / w as f64 >= STOP_DENSITY
        })
    };
    // Neither prose nor a menu, whatever its capitals.
    if !dense && sentence {
        return LineScore {
            score: OTHER,
            menu: false,
        };
    }
    // Share of the words that are not stop words that start with a capital letter.
    let (caps, content) = capitals(t, stops, lower);
    let cap = if content > 0 {
        caps as f64 / content as f64
    } else {
        0.0
    };
    if dense && cap < CAPITALISED {
        let full = sentence || w >= PROSE_NO_STOP_WORDS;
        let score = if full { w as f64 } else { w as f64 / 2.0 };
        return LineScore { score, menu: false };
    }
    if !sentence && cap >= CAPITALISED {
        return LineScore {
            score: TITLE,
            menu: true,
        };
    }
    LineScore {
        score: OTHER,
        menu: false,
    }
}

/// Whether line `t` ends like a sentence: such a line is never menu-like (unless it has no
/// words, or is a related-content header).
fn ends_like_sentence(t: &str) -> bool {
    t.ends_with([
        '.', '!', '?', ':', ';', '"', '”', '’', ')', '…', '。', '！', '？',
    ])
}

/// `(capitalised, content)`: the tokens of `t` (runs of letters, digits and apostrophes `'`
/// `’`) that start with a letter and are not stop words, and how many of those start with a
/// capital. A capitalised token is looked up lower-cased and without its apostrophes, any
/// other as it is. ASCII is classified byte by byte, other characters decoded.
fn capitals(t: &str, stops: &StopSet, lower: &mut Vec<u8>) -> (usize, usize) {
    let b = t.as_bytes();
    // The character at `k` and its length in bytes.
    let char_at = |k: usize| -> (char, usize) {
        if b[k] < 0x80 {
            (char::from(b[k]), 1)
        } else {
            let c = t[k..].chars().next().expect("a character");
            (c, c.len_utf8())
        }
    };
    let is_tok = |c: char| match u8::try_from(c) {
        Ok(a) if a < 0x80 => ASCII_TOKEN[usize::from(a)],
        _ => c.is_alphanumeric() || c == '’',
    };
    let (mut caps, mut content) = (0usize, 0usize);
    let mut k = 0;
    while k < b.len() {
        let (first, n) = char_at(k);
        k += n;
        if !is_tok(first) {
            continue;
        }
        let start = k - n;
        let mut ascii = n == 1;
        while k < b.len() {
            let (c, n) = char_at(k);
            if !is_tok(c) {
                break;
            }
            ascii &= n == 1;
            k += n;
        }
        if !first.is_alphabetic() {
            continue;
        }
        let upper = first.is_uppercase();
        let stop = if !upper {
            stops.contains_at(b, start, k)
        } else {
            lower.clear();
            if ascii {
                lower.extend(
                    (b[start..k].iter())
                        .filter(|&&c| c != b'\'')
                        .map(u8::to_ascii_lowercase),
                );
            } else {
                let mut buf = [0u8; 4];
                for c in t[start..k].chars().filter(|&c| c != '\'' && c != '’') {
                    for l in c.to_lowercase() {
                        lower.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                    }
                }
            }
            stops.contains_at(lower, 0, lower.len())
        };
        if !stop {
            content += 1;
            caps += usize::from(upper);
        }
    }
    (caps, content)
}

/// The ASCII characters of a token for [`capitals`]: letters, digits and `'`.
const ASCII_TOKEN: [bool; 128] = {
    let mut t = [false; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c == b'\'' as usize;
        c += 1;
    }
    t
};

/// The stop words of [`text::stop_words`] in an open-addressing table keyed by the words'
/// bytes and length (up to 15 bytes, in one integer), cheaper to probe than a general hash set.
struct StopSet {
    /// The key of the word in each slot; 0 for an empty slot.
    slots: Vec<u128>,
    shift: u32,
    /// Stop words of more than 15 bytes (none in the built-in lists).
    long: Vec<&'static str>,
}

impl StopSet {
    fn get() -> &'static StopSet {
        static SET: std::sync::OnceLock<StopSet> = std::sync::OnceLock::new();
        SET.get_or_init(|| StopSet::new(text::stop_words().iter().copied()))
    }

    fn new(words: impl Iterator<Item = &'static str>) -> StopSet {
        let words: Vec<&'static str> = words.collect();
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut set = StopSet {
            slots: vec![0; size],
            shift: 64 - size.trailing_zeros(),
            long: Vec::new(),
        };
        for w in words {
            let b = w.as_bytes();
            let Some(key) = Self::key(b, 0, b.len()) else {
                if !w.is_empty() {
                    set.long.push(w);
                }
                continue;
            };
            let mut at = set.slot(key);
            while set.slots[at] != 0 && set.slots[at] != key {
                at = (at + 1) & (size - 1);
            }
            set.slots[at] = key;
        }
        set
    }

    /// The key of the word `b[start..end]` of 1 to 15 bytes: its bytes, zero-padded, with its
    /// length in the top byte (never 0). Reads 16 bytes at once where `b` has them.
    #[inline(always)]
    fn key(b: &[u8], start: usize, end: usize) -> Option<u128> {
        let len = end - start;
        if len == 0 || len > 15 {
            return None;
        }
        let chunk: [u8; 16] = match b.get(start..start + 16) {
            Some(c) => c.try_into().expect("16 bytes"),
            None => {
                let mut buf = [0u8; 16];
                buf[..len].copy_from_slice(&b[start..end]);
                buf
            }
        };
        let bytes = u128::from_le_bytes(chunk) & (u128::MAX >> (128 - 8 * len));
        Some(bytes | (len as u128) << 120)
    }

    #[inline(always)]
    fn slot(&self, key: u128) -> usize {
        let h =
            (key as u64 ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> self.shift) as usize
    }

    #[cfg(test)]
    fn contains(&self, w: &str) -> bool {
        self.contains_at(w.as_bytes(), 0, w.len())
    }

    /// Whether `b[start..end]` is a stop word.
    #[inline(always)]
    fn contains_at(&self, b: &[u8], start: usize, end: usize) -> bool {
        let Some(key) = Self::key(b, start, end) else {
            let w = &b[start..end];
            return !w.is_empty() && self.long.iter().any(|l| l.as_bytes() == w);
        };
        let mask = self.slots.len() - 1;
        let mut at = self.slot(key);
        loop {
            let k = self.slots[at];
            if k == key {
                return true;
            }
            if k == 0 {
                return false;
            }
            at = (at + 1) & mask;
        }
    }
}

/// Marks the lines of a page dump outside its prose regions. Lines already removed keep their
/// verdict (they only weigh as barriers); `protected` lines are never removed. `strong` is each
/// line's strongest vocabulary entry (the comment headers end the article). Returns whether
/// the document is a page dump cut around an article core (its prose regions).
pub fn mark(
    doc: &Doc,
    v: &mut [Option<Verdict>],
    protected: &[bool],
    strong: &[Option<&Entry>],
) -> bool {
    let n = doc.len();
    let mut lower = Vec::new();
    // Every non-blank line, those an earlier rule removed included: they take no part in the
    // gate, and in the regions they are barriers ([`REMOVED`]), so a share bar or a comment
    // thread that went already still sets the article apart from what follows it.
    let idx: Vec<usize> = (0..n).filter(|&i| !doc.lines[i].blank).collect();
    // An interface label ("Read more", "Close") the vocabulary removed still counts here as
    // the menu-like line it is: the dump's menus and footers are made of such lines; so does
    // a bare image link (`media_url`), a line of the page like any other for the regions.
    let gone: Vec<bool> = (idx.iter())
        .map(|&i| (v[i].as_ref()).is_some_and(|x| x.reason != "interface" && x.rule != "media_url"))
        .collect();
    let barrier: Vec<f64> = (idx.iter())
        .map(|&i| match v[i].as_ref().map(|x| x.reason.as_str()) {
            Some("comments" | "share" | "related" | "cookies" | "promo") => REMOVED,
            _ => OTHER,
        })
        .collect();
    // The gate first, scoring lines only from each end up to the prose: an article that is
    // not a dump has prose near its top, and costs a few lines.
    let mut memo: Vec<Option<LineScore>> = vec![None; idx.len()];
    let mut score = |k: usize, lower: &mut Vec<u8>| -> LineScore {
        *memo[k].get_or_insert_with(|| {
            if gone[k] {
                LineScore {
                    score: barrier[k],
                    menu: false,
                }
            } else if strong[idx[k]].is_some_and(is_related_header) {
                LineScore {
                    score: RELATED_HEADER,
                    menu: true,
                }
            } else {
                let i = idx[k];
                let s = score_line(doc, i, lower);
                // Prose in the page's legal and consent vocabulary (a cookie panel's
                // purposes, a privacy notice, an affiliate disclosure) is chrome however well
                // written: it neither opens the article in the gate nor counts in a region.
                if s.score > 0.0 && is_legal(doc.norm(i)) {
                    LineScore {
                        score: -(doc.words[i] as f64) * LEGAL_WEIGHT,
                        menu: false,
                    }
                } else {
                    s
                }
            }
        })
    };
    let mut head = 0;
    let mut first = None;
    let live: Vec<usize> = (0..idx.len()).filter(|&k| !gone[k]).collect();
    for (a, &k) in live.iter().enumerate() {
        let s = score(k, &mut lower);
        // A lone short sentence between menus (a slogan, a promo) does not start the
        // article: a paragraph does, or a sentence with more prose right below it.
        if s.score >= PROSE_ANCHOR
            && (s.score >= LONE_ANCHOR
                || (live[a + 1..].iter().take(ANCHOR_PAIR))
                    .any(|&j| score(j, &mut lower).score > 0.0))
        {
            first = Some(k);
            break;
        }
        head += usize::from(s.menu);
    }
    let Some(first) = first else {
        // No prose line at all: a catalogue or a listing made of menu-like items. Its menus
        // still stand at its ends when there are enough of them to be a page dump's.
        if head >= HEAD_MENU {
            let sc: Vec<LineScore> = (0..idx.len()).map(|k| score(k, &mut lower)).collect();
            no_core(
                doc,
                &idx,
                &gone,
                &sc,
                protected,
                v,
                (head, 0, NO_PROSE_BODY, idx.len()),
            );
            inline_chrome(doc, &idx, v, protected);
        }
        return false;
    };
    // A page made mostly of menus is a dump whatever stands above them: a banner (a shipping
    // offer, a browser notice, a network's blurb) reads as the first prose line and hides the
    // head. Counted only when the head is short, and only up to the answer; the lines that end
    // like a sentence (most of an article's) are no menus, and cost no score to tell.
    let mostly_menus = head < HEAD_MENU && {
        let need = GATE_MENUS.max((GATE_MENU_SHARE * live.len() as f64).ceil() as usize);
        let (mut menus, mut others) = (0, 0);
        let may_be_menu = |k: usize| {
            let i = idx[k];
            doc.words[i] == 0
                || !ends_like_sentence(&doc.text[i])
                || strong[i].is_some_and(is_related_header)
        };
        live.len() >= need
            && live.iter().filter(|&&k| may_be_menu(k)).count() >= need
            && live.iter().any(|&k| {
                if score(k, &mut lower).menu {
                    menus += 1;
                } else {
                    others += 1;
                }
                menus >= need || others > live.len() - need
            })
            && menus >= need
    };
    if head < HEAD_MENU && !mostly_menus {
        if head < HEAD_MENU_WEAK {
            return false;
        }
        let mut tail = 0;
        for k in (first..idx.len()).rev().filter(|&k| !gone[k]) {
            let s = score(k, &mut lower);
            if s.score >= PROSE_ANCHOR {
                break;
            }
            tail += usize::from(s.menu);
        }
        if tail < TAIL_MENU && (head < HEAD_MENU_BOTH || head + tail < BOTH_MENU) {
            return false;
        }
    }
    let sc: Vec<LineScore> = (0..idx.len()).map(|k| score(k, &mut lower)).collect();
    let last = (sc.iter())
        .rposition(|s| s.score >= PROSE_ANCHOR)
        .unwrap_or(first);
    let tail = sc[last + 1..].iter().filter(|s| s.menu).count();
    // The comment section: from the first comment header (or count, or form) that has an
    // article above it, nothing is the article's, however much prose the comments hold.
    // A header that comes more than once below the top is a per-post widget ("Add a
    // comment" under each answer of a Q&A thread, "3 comments" under each post of a blog's
    // front page), not the start of a comment section.
    // A consent manager's panel below the page (a cookie notice an earlier rule removed, and
    // below it prose mostly in legal words or about cookies: the purposes, the vendors, the
    // cookie tables) is no part of it: nothing from its notice on is a region.
    let consent = consent_start(doc, &idx, &gone, v, first).unwrap_or(idx.len());
    let opens: Vec<(usize, &Entry)> = (first..consent)
        .filter_map(|k| strong[idx[k]].filter(|e| opens_comments(e)).map(|e| (k, e)))
        .collect();
    let once = |e: &Entry| opens.iter().filter(|(_, f)| std::ptr::eq(e, *f)).count() == 1;
    // A forum thread's replies, under their per-post "Quote" or "Permalink" buttons, are the
    // page's content: its comment header or count opens no comment section.
    let buttons = forum_buttons(doc, &idx, first);
    let forum = buttons.iter().filter(|&&b| b == Button::Post).count() >= FORUM_MIN;
    let end = (opens.iter())
        .filter(|(_, e)| once(e) && !forum)
        .map(|&(k, _)| k)
        .take(MAX_REGIONS)
        .find(|&k| {
            let before = max_run(&sc, 0, k).map_or(0.0, |r| r.0);
            let after = max_run(&sc, k, sc.len()).map_or(0.0, |r| r.0);
            before >= CORE_MIN && before >= COMMENTS_SHARE * after
        })
        .unwrap_or(consent);
    // A thread of posts below the article (reviews, comments without a header the vocabulary
    // knows) ends it the same way: from its first post marker on.
    // Only when an article core stands above it (as [`CORE_MIN`] and [`CORE_SHARE`] ask of
    // any core): cutting a product's reviews that are its only prose leaves no article.
    let total: usize = (idx.iter().zip(&gone))
        .filter(|(_, g)| !**g)
        .map(|(&i, _)| doc.words[i])
        .sum();
    let prose_of = |(a, b): (usize, usize)| -> usize {
        (a..=b)
            .filter(|&k| sc[k].score > 0.0)
            .map(|k| doc.words[idx[k]])
            .sum()
    };
    let thread = thread_start(doc, &idx, &gone, first).filter(|&k| {
        k < end
            && max_run(&sc, 0, k).is_some_and(|(best, a, b)| {
                best >= CORE_MIN && prose_of((a, b)) as f64 >= CORE_SHARE * total as f64
            })
    });
    let end = thread.unwrap_or(end);
    // A related-content header below the article ends it too, when the prose below it is
    // thinner than above and does not go on as paragraphs (a carousel of headlines and
    // blurbs, not the article's second half below an inline "Related" box). The related
    // section rule of `classify` left the header and its items alone: the blurbs were on topic.
    let comments_end = end;
    let end = (first + 1..end)
        .filter(|&k| !gone[k] && strong[idx[k]].is_some_and(is_related_header))
        .take(MAX_REGIONS)
        .find(|&k| {
            let before = max_run(&sc, 0, k).map_or(0.0, |r| r.0);
            let after = max_run(&sc, k, end).map_or(0.0, |r| r.0);
            let resumes = (k + 1..(end - 1).min(k + RELATED_LOOK))
                .any(|j| sc[j].score >= PROSE_ANCHOR && sc[j + 1].score >= PROSE_ANCHOR);
            before >= CORE_MIN && after < RELATED_SHARE * before && !resumes
        })
        .unwrap_or(end);
    let (best, bs, be) = max_run(&sc, 0, end).unwrap_or((0.0, first, first));
    let mut regions = vec![(lead(doc, &idx, &gone, bs, 0), be)];
    // Further prose regions set apart by menus (a listing's items, a product's description
    // and specifications): each as dense as a real region, searched for in the gaps left.
    let floor = (best * REGION_SHARE).max(REGION_MIN);
    let gaps = vec![(0, regions[0].0), (be + 1, end)];
    split_gaps(
        doc,
        (&idx, &sc, &gone),
        gaps,
        &mut regions,
        floor,
        MAX_REGIONS,
    );
    // The page's footer ends with its copyright line: a region below it (a newsletter modal,
    // a cart drawer, a trade-in form written out after the footer) is none of the article's.
    // Looked for below the core's first line: the page ends there, whatever region (the
    // core's own run included) goes on below it.
    let footer = (regions[0].0 + 1..idx.len()).find(|&k| is_footer_copyright(doc, idx[k]));
    if let Some(c) = footer {
        regions.retain(|r| r.0 < c);
        for r in regions.iter_mut() {
            r.1 = r.1.min(c - 1);
        }
    }
    let past_footer = |k: usize| footer.is_some_and(|c| k >= c);
    regions.sort_unstable();
    // Between two regions, any run of prose is the page's too (a forum's short posts between
    // their author blocks, a listing's blurbs, a product's feature paragraphs): the menus at
    // the page's ends are its chrome, those between its parts set the parts apart.
    inner_regions(doc, &idx, &sc, &gone, &mut regions);
    let last = regions.len() - 1;
    // A forum thread's posts run down to the last post's buttons, however short they are.
    let last_post = (buttons.iter())
        .rposition(|&b| b == Button::Post)
        .filter(|&k| forum && k < end && !past_footer(k));
    if let Some(k) = last_post {
        regions[last].1 = regions[last].1.max(k);
    } else {
        // The last region's tail: what a run of menu lines sets apart below its end (a
        // carousel's blurbs, an author bio, a call to action between "Previous post" links)
        // goes when all of it scores under [`TRIM_SHARE`] of the region: the article's own
        // last part weighs more.
        regions[last].1 = trim_tail(doc, &idx, &sc, &gone, regions[last]);
    }
    // The first region's head, the same way: what a run of menu lines sets apart above the
    // article (a promo bar's slogan, a teaser) goes.
    let untrimmed = regions[0].0;
    let cut = trim_head(&sc, &gone, regions[0]);
    if cut > untrimmed {
        // The headline and dateline right above the article's prose are its lead again.
        regions[0].0 = lead(doc, &idx, &gone, cut, untrimmed);
    }
    let (first_k, last_k) = (regions[0].0, regions[regions.len() - 1].1);
    let (core_from, core_to) = (doc.lines[idx[bs]].start, doc.lines[idx[be]].end);
    let prose = prose_of((bs, be));
    // The consent panel goes whether or not there is an article to cut around.
    for (k, &i) in idx.iter().enumerate().skip(consent) {
        if v[i].is_none() && !protected[i] {
            v[i] = Some(consent_verdict(sc[k].score, head, tail));
        }
    }
    if best < CORE_MIN || (prose as f64) < CORE_SHARE * total as f64 {
        // No article to cut around, but the page's menus still stand at its ends.
        no_core(
            doc,
            &idx,
            &gone,
            &sc,
            protected,
            v,
            (head, tail, 1, consent),
        );
        inline_chrome(doc, &idx, v, protected);
        return false;
    }
    // A run of price records (a catalogue's grid, a results page) outside the prose regions
    // is the page's content when it is as long as they are: its items stay.
    let kept_lines: usize = regions.iter().map(|&(a, b)| b + 1 - a).sum();
    let records = record_runs(doc, &idx, &gone, kept_lines);
    let n_records = records.iter().filter(|&&x| x).count();
    let rows = table_rows(doc, &idx, &gone);
    let specs = spec_lines(doc, &idx, &gone);
    let n_specs = specs.iter().filter(|&&x| x).count();
    let meta = post_meta_lines(doc, &idx, &gone);
    let mut r = 0;
    for (k, (&i, s)) in idx.iter().zip(&sc).enumerate() {
        while r < regions.len() && regions[r].1 < k {
            r += 1;
        }
        let in_region = r < regions.len() && regions[r].0 <= k;
        if forum && buttons[k] != Button::No && !protected[i] && v[i].is_none() {
            let ev = Evidence::detail(format!(
                "a post's button (\"Quote\", \"Report\", \"Reply\", \"Permalink\") in a forum thread ({} \"Quote\" or \"Permalink\" buttons) of a page dump",
                buttons.iter().filter(|&&b| b == Button::Post).count()
            ));
            v[i] = Some(Verdict::new("interface", "dump_forum_buttons", ev));
            continue;
        }
        if in_region && meta[k] && !protected[i] && v[i].is_none() {
            let ev = Evidence::detail("a post's author details in a thread of posts (\"asked Feb 11, 2011 at 23:49\", \"1,430 posts · Joined 2022\", \"Well-known member\", or a bare count on a page with 3+ such lines) inside a page dump's prose region".to_string(),);
            v[i] = Some(Verdict::new("byline", "dump_postmeta", ev));
            continue;
        }
        if in_region
            || protected[i]
            || v[i].is_some()
            || (records[k] || specs[k]) && !past_footer(k)
        {
            continue;
        }
        let (rule, place) = if k < first_k && k >= untrimmed {
            (
                "dump_head_trim",
                "above a run of menus at the top of the article's first prose region",
            )
        } else if k < first_k {
            ("dump_head", "before the article's prose")
        } else if k >= comments_end && thread.is_some() {
            (
                "dump_thread",
                "in the thread of posts (author lines, ratings) after the article",
            )
        } else if k >= comments_end {
            ("dump_comments", "in the comment section after the article")
        } else if k >= end {
            (
                "dump_related",
                "in the related-content section after the article",
            )
        } else if past_footer(k) {
            ("dump_footer", "below the page footer's copyright line")
        } else if rows[k] {
            // A table's rows between two prose regions or below the last are the
            // article's (a ranking, a spec sheet): menus hold no lines of numbers.
            continue;
        } else if k > last_k {
            ("dump_tail", "after the article's prose")
        } else {
            ("dump_gap", "between two prose regions")
        };
        let cookie = speaks_of_cookies(doc, i);
        let reason = if cookie {
            "cookies"
        } else if k >= comments_end && !s.menu {
            "comments"
        } else if k >= end && !s.menu {
            "related"
        } else if s.menu {
            "navigation"
        } else {
            "chrome"
        };
        let kind = if s.menu {
            "menu-like line"
        } else if s.score > 0.0 {
            "prose line"
        } else if s.score <= -(PROSE_WORDS as f64) * LEGAL_WEIGHT && is_legal(doc.norm(i)) {
            "prose line in legal, consent or newsletter words"
        } else {
            "non-prose line"
        };
        let detail = format!(
            "{kind} {place} (core bytes {core_from}..{core_to}, score {best:.1}, {prose} prose words; {} regions, {n_records} lines of price records and {n_specs} of spec sheets kept) of a page dump ({head} menu-like lines before the first prose line, {tail} after the last)",
            regions.len()
        );
        let ev = Evidence {
            score: Some((s.score * 10.0).round() / 10.0),
            detail: Some(detail),
            ..Evidence::default()
        };
        v[i] = Some(Verdict::new(reason, rule, ev));
    }
    inline_chrome(doc, &idx[first_k..=last_k], v, protected);
    for i in banner_variants(doc, &idx, v, protected, first_k) {
        let ev = Evidence::detail(format!(
            "one of {VARIANT_MIN}+ different lines that end in the same {VARIANT_TAIL} words (a banner written out once per locale, currency or store), above the article's first paragraph"
        ));
        v[i] = Some(Verdict::new("promo", "dump_banner_variants", ev));
    }
    for i in title_lines(doc, &idx, v, protected, first_k) {
        let ev = Evidence::detail(
            "the article's headline, repeating the page's title (the dump's first line)"
                .to_string(),
        );
        v[i] = Some(Verdict::new("title", "dump_title", ev));
    }
    true
}

/// The chrome a page dump keeps inside its article's lines (`lines`, from the first region's
/// top to the last one's end; on a dump with no article core or no prose line at all,
/// whatever its ends left): a
/// site's menu or account label (`dump_chrome_label`), a link's
/// label (`dump_link_label`) and a call to sign up for its newsletter (`dump_signup`), each on
/// a line of its own.
fn inline_chrome(doc: &Doc, lines: &[usize], v: &mut [Option<Verdict>], protected: &[bool]) {
    for (a, &i) in lines.iter().enumerate() {
        if v[i].is_some() || protected[i] {
            continue;
        }
        let (reason, rule, detail) = if doc.words[i] <= CHROME_LABEL_WORDS
            && CHROME_LABELS.contains(&doc.norm(i))
            && !heads_prose(doc, &lines[a + 1..], v, doc.norm(i))
        {
            (
                "navigation",
                "dump_chrome_label",
                "a site's menu, footer or account label (\"Privacy Policy\", \"Sign in\") on its own line among a page dump's article lines",
            )
        } else if is_link_label(doc, i) {
            (
                "interface",
                "dump_link_label",
                "a link's label (\"Learn more\", \"View all posts by…\", \"Explore more…\") among a page dump's article lines",
            )
        } else if is_signup(doc, i) {
            (
                "promo",
                "dump_signup",
                "a call to sign up for the site's newsletter or emails among a page dump's article lines",
            )
        } else {
            continue;
        };
        let ev = Evidence::detail(detail);
        v[i] = Some(Verdict::new(reason, rule, ev));
    }
}

/// Most words of a [`CHROME_LABELS`] entry.
const CHROME_LABEL_WORDS: usize = 4;
/// Fewest words of the paragraph right below a label that makes it a heading
/// ([`heads_prose`]).
const HEADING_PROSE: usize = 20;
/// The [`CHROME_LABELS`] that are a form's, a thread's or a pager's controls, never a
/// section's heading: they go whatever follows them (a comment after its "Reply").
const CONTROL_LABELS: &[&str] = &[
    "reply",
    "name",
    "email",
    "email address",
    "website",
    "submit",
    "previous",
    "next",
    "previous next",
    "back to top",
    "more",
    "joined",
    "menu",
    "search",
    "sign in",
    "log in",
    "login",
    "register",
    "subscribe sign in",
];

/// Whether a label (`norm`) heads the paragraph below it: the next kept line of `rest` has
/// [`HEADING_PROSE`] words or more, and the label is no control ([`CONTROL_LABELS`]). A
/// listicle's "Facebook" or a company page's "Careers" above their paragraphs stay.
fn heads_prose(doc: &Doc, rest: &[usize], v: &[Option<Verdict>], norm: &str) -> bool {
    !CONTROL_LABELS.contains(&norm)
        && (rest.iter())
            .find(|&&j| v[j].is_none())
            .is_some_and(|&j| doc.words[j] >= HEADING_PROSE)
}

/// A site's menu, footer and account labels and a comment form's fields (normalised): on its
/// own line inside a page dump's prose regions, such a line is the page's chrome left between
/// the article's parts (`dump_chrome_label`). Skip links, "Contact us" and "Click to expand"
/// are `interface_label`s already (the vocabulary, which runs first).
const CHROME_LABELS: &[&str] = &[
    "contact",
    "about us",
    "privacy policy",
    "terms of service",
    "terms of use",
    "cookie policy",
    "sitemap",
    "careers",
    "press",
    "home",
    "menu",
    "search",
    "help",
    "feedback",
    "blog",
    "sign in",
    "log in",
    "login",
    "register",
    "sign up",
    "sign me up",
    "subscribe",
    "newsletter",
    "my account",
    "cart",
    "shop",
    "submit",
    "follow",
    "download now",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "youtube",
    "about",
    "author",
    "email",
    "email address",
    "name",
    "website",
    "reply",
    "back to top",
    "get in touch",
    "previous",
    "next",
    "previous next",
    "categories",
    "category",
    "more",
    "download",
    "joined",
    "forums",
    "subscribe sign in",
];

/// Most words of a [`is_link_label`] line.
const LINK_LABEL_WORDS: usize = 6;

/// Whether line `i` of a page dump is a link's label written out on its own: at most
/// [`LINK_LABEL_WORDS`] words opening with "Learn more", "Read more", "Find out more", "Explore all
/// / more / our" (not a heading's "Explore the Old Town"), "View all / more", "See all / more",
/// "Discover more / all" or "Shop now / all", with no sentence punctuation ("Learn more about pet
/// insurance", "View all posts by Jane Doe"): a card's or a menu's button that a page dump keeps
/// between the article's lines.
fn is_link_label(doc: &Doc, i: usize) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?i)^(?:learn more|read more|find out more|explore (?:all|more|our)|view (?:all|more)|see (?:all|more)|discover (?:more|all)|shop (?:now|all))\b[^.!?]*$")
            .expect("link label pattern")
    });
    doc.words[i] <= LINK_LABEL_WORDS && re.is_match(doc.text[i].trim())
}

/// Fewest words of a [`is_signup`] line.
const SIGNUP_MIN: usize = 5;
/// Most words of a [`is_signup`] line.
const SIGNUP_MAX: usize = 40;

/// Whether line `i` of a page dump asks the reader to sign up for the site's newsletter or emails:
/// [`SIGNUP_MIN`] to [`SIGNUP_MAX`] words, with "sign up", "subscribe" or "join" followed within 80
/// characters by "newsletter", "email", "inbox" or "mailing list", addressed to the reader ("our
/// newsletter", "your inbox", or opening with "Sign up", "Join", "Stay", "Never miss", "Thanks for
/// reading"…): "Join over 11,200 professionals in receiving our FREE daily email newsletter". An
/// article that speaks of newsletters ("subscribe to industry newsletters") does not address the
/// reader so.
pub(crate) fn is_signup(doc: &Doc, i: usize) -> bool {
    static RE: std::sync::OnceLock<[regex::Regex; 2]> = std::sync::OnceLock::new();
    // `what` holds the verb too ("sign up", "subscribe", "join"), followed by its object.
    let [what, you] = RE.get_or_init(|| {
        [
            regex::Regex::new(r"(?i)\b(?:sign(?:ing|ed)? up|subscribe|subscribing|join)\b.{0,80}\b(?:newsletters?|e-?mails?|inbox|mailing list)\b")
                .expect("signup object pattern"),
            regex::Regex::new(
                r"(?i)\bour (?:free )?(?:\w+ )?(?:newsletters?|e-?mails?|mailing list)\b|\byour inbox\b|^(?:sign up|subscribe|join|stay|never miss|don[’']t miss|enter your|be the first|thanks? (?:you )?for (?:reading|subscribing|signing)|keep up)\b",
            )
            .expect("signup address pattern"),
        ]
    });
    let t = doc.text[i].trim();
    let norm = doc.norm(i);
    (SIGNUP_MIN..=SIGNUP_MAX).contains(&doc.words[i])
        && (norm.contains("sign") || norm.contains("subscrib") || norm.contains("join"))
        && !is_code(t)
        && what.is_match(t)
        && you.is_match(t)
}

/// Fewest words of a line that is one of a banner's variants ([`banner_variants`]).
pub(crate) const VARIANT_WORDS: usize = 14;
/// Words at the end all the variants of one banner share.
pub(crate) const VARIANT_TAIL: usize = 8;
/// Fewest different lines that make a banner's variants.
pub(crate) const VARIANT_MIN: usize = 3;
/// Most lines of [`VARIANT_WORDS`] words or more [`banner_variants`] looks at.
const VARIANT_LOOK: usize = 64;

/// The last [`VARIANT_TAIL`] words of a normalised line (the whole line when it has that
/// many), which the variants of one banner share; none when it has fewer.
pub(crate) fn variant_tail(norm: &str) -> Option<&str> {
    match norm.rmatch_indices(' ').nth(VARIANT_TAIL - 1) {
        Some((at, _)) => Some(&norm[at + 1..]),
        None => (norm.split(' ').count() == VARIANT_TAIL).then_some(norm),
    }
}

/// A banner written out once per locale, currency or store ("Free standard shipping on
/// orders $60 CAD+. For more information on shipping rates and timelines, please visit our
/// international page", then the same in €, ¥, kr…): the kept lines from the top of the
/// first region (`from`), above the first line of [`PROSE_NO_STOP_WORDS`] words or more that
/// is none of them, of at least [`VARIANT_WORDS`] words whose last [`VARIANT_TAIL`] words
/// (normalised) end at least [`VARIANT_MIN`] different lines of the page, when at least
/// [`VARIANT_MIN`] different ones are among those kept lines. A headline or a paragraph the
/// page repeats word for word is one line, not variants.
fn banner_variants(
    doc: &Doc,
    idx: &[usize],
    v: &[Option<Verdict>],
    protected: &[bool],
    from: usize,
) -> Vec<usize> {
    let tail = |i: usize| {
        if doc.words[i] >= VARIANT_WORDS {
            variant_tail(doc.norm(i))
        } else {
            None
        }
    };
    // How many different lines of the page end in each tail: one pass over the page,
    // counting up to [`VARIANT_MIN`] per tail.
    let mut lines_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for &j in idx {
        if let Some(t) = tail(j) {
            let seen = lines_of.entry(t).or_default();
            if seen.len() < VARIANT_MIN && !seen.contains(&doc.norm(j)) {
                seen.push(doc.norm(j));
            }
        }
    }
    let distinct = |t: &str| lines_of.get(t).map_or(0, Vec::len);
    let mut out = Vec::new();
    let mut looked = 0;
    for &i in idx.iter().skip(from) {
        if v[i].is_some() || protected[i] {
            continue;
        }
        let t = tail(i);
        looked += usize::from(t.is_some());
        if looked > VARIANT_LOOK {
            break;
        }
        let n = t.map_or(0, distinct);
        if n >= VARIANT_MIN {
            out.push(i);
        } else if doc.words[i] >= PROSE_NO_STOP_WORDS {
            break;
        }
    }
    // The article's own sections can end alike too (the same terms under each region's
    // label, most of them cut with the menus above): the variants kept must be a banner's.
    let mut kept: Vec<&str> = out.iter().map(|&i| doc.norm(i)).collect();
    kept.sort_unstable();
    kept.dedup();
    if kept.len() < VARIANT_MIN {
        out.clear();
    }
    out
}

/// Kept lines from the top of the article a [`title_lines`] may be among.
const TITLE_LOOK: usize = 3;
/// Fewest words of a part of the page's title a headline may repeat alone.
const TITLE_WORDS: usize = 3;
/// Where a page's title is split into parts ("Headline | Site", "Headline - Section - Site").
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " : ", " · "];

/// The article's headline when it repeats the page's title (and its copy just above or below
/// it, a breadcrumb's last item, or the title line itself when the article's region starts
/// there): a dump opens with the page's
/// `<title>`, and the benchmarks' main content leaves the title out (as `html_title` does
/// on a page). Among the first [`TITLE_LOOK`] kept lines from the first region's top
/// (`from`), above the first line of [`PROSE_NO_STOP_WORDS`] words or more, the line whose
/// normalised text is the whole title or one of its parts ([`TITLE_SEPARATORS`]) of at least
/// [`TITLE_WORDS`] words.
fn title_lines(
    doc: &Doc,
    idx: &[usize],
    v: &[Option<Verdict>],
    protected: &[bool],
    from: usize,
) -> Vec<usize> {
    let Some(title) = idx.first().map(|&i| doc.text[i].as_ref()) else {
        return Vec::new();
    };
    let mut parts = vec![text::normalize(title)];
    let mut rest = title;
    while !rest.is_empty() {
        let cut = (TITLE_SEPARATORS.iter())
            .filter_map(|sep| rest.find(sep).map(|at| (at, sep.len())))
            .min();
        let (part, next) = match cut {
            Some((at, len)) => (&rest[..at], &rest[at + len..]),
            None => (rest, ""),
        };
        parts.push(text::normalize(part));
        rest = next;
    }
    parts.retain(|p| p.split(' ').count() >= TITLE_WORDS);
    let kept = (idx.iter().skip(from)).filter(|&&i| v[i].is_none() && !protected[i]);
    let top = kept
        .take(TITLE_LOOK)
        .take_while(|&&i| doc.words[i] < PROSE_NO_STOP_WORDS);
    let found: Vec<usize> = (top.copied())
        .filter(|&i| parts.iter().any(|p| p == doc.norm(i)))
        .collect();
    // The first line kept (the title itself, when the article's region starts there) goes
    // with a headline below that repeats it; alone, it may be an article's own headline.
    if found.iter().any(|&i| i != idx[0]) {
        found
    } else {
        Vec::new()
    }
}

/// A consent panel's prose (from its notice to the end of the page): at least this many
/// words in lines of [`PROSE_WORDS`] or more ...
const CONSENT_WORDS: usize = 50;
/// ... of which at least this share in lines in legal words ([`is_legal`]) or about cookies.
const CONSENT_SHARE: f64 = 0.5;

/// The first line (by position in `idx`) of a consent panel at the page's end: a cookie
/// notice an earlier rule removed (reason `cookies`), below which the lines of
/// [`PROSE_WORDS`] or more not removed hold at least [`CONSENT_WORDS`] words, at least
/// [`CONSENT_SHARE`] of them in lines in legal words or about cookies (a consent manager's
/// purposes and vendors, a cookie table), below the first prose line (`first`) or in the
/// lower half of the page's lines (a shop's page whose first prose line is the panel's own). A
/// cookie banner above the article is followed by the article's prose, and does not qualify;
/// nor does a privacy policy's own text below the banner on top. One backward pass.
fn consent_start(
    doc: &Doc,
    idx: &[usize],
    gone: &[bool],
    v: &[Option<Verdict>],
    first: usize,
) -> Option<usize> {
    let (mut words, mut legal) = (0usize, 0usize);
    let mut start = None;
    for k in (0..idx.len()).rev() {
        let i = idx[k];
        if gone[k] {
            let notice = v[i].as_ref().is_some_and(|x| x.reason == "cookies");
            if notice
                && (k > first || 2 * k > idx.len())
                && words >= CONSENT_WORDS
                && legal as f64 >= CONSENT_SHARE * words as f64
            {
                start = Some(k);
            }
            continue;
        }
        let w = doc.words[i];
        if w >= PROSE_WORDS {
            words += w;
            if speaks_of_cookies(doc, i) || is_legal(doc.norm(i)) {
                legal += w;
            }
        }
    }
    start
}

/// The verdict on a line of a consent panel (`dump_consent`).
fn consent_verdict(score: f64, head: usize, tail: usize) -> Verdict {
    let detail = format!(
        "line in a consent panel (a cookie notice and, below it, prose mostly in legal words or about cookies) at the end of a page dump ({head} menu-like lines before the first prose line, {tail} after the last)"
    );
    let ev = Evidence {
        score: Some((score * 10.0).round() / 10.0),
        detail: Some(detail),
        ..Evidence::default()
    };
    Verdict::new("cookies", "dump_consent", ev)
}

/// A page dump with no article core loses the menu-like lines at an end of it only when they
/// are at least this many ([`trim_ends`]).
const END_MENU: usize = 4;
/// A page dump with no prose line at all is trimmed ([`no_core`]) only when at least this
/// many of its lines are body: with one stray line among its menus, its items cannot be told
/// from them.
const NO_PROSE_BODY: usize = 8;
/// A body line weighs this many menu-like lines where [`trim_ends`] cuts: a navigation bar's
/// worth. Measured on the dev dumps (10: 0.8399, 20: 0.8407, 30: 0.8401; a body line ends
/// the head, as before: 0.8388).
const END_BODY: f64 = 20.0;
/// A line of at most this many words with a price in it is a record's price field.
const PRICE_WORDS: usize = 12;
/// Price lines at most this many lines apart belong to one run of records ...
const RECORD_GAP: usize = 4;
/// ... which is kept when it has at least [`RECORD_MIN`] price lines, and at least
/// [`RECORD_SHARE`] times as many as the prose regions have lines ...
const RECORD_MIN: usize = 4;
const RECORD_SHARE: f64 = 0.5;
/// ... with this many lines above its first and below its last price (the first item's
/// name, the last item's fields).
const RECORD_LEAD: usize = 3;

/// A page footer's copyright line has at most this many words.
const COPYRIGHT_WORDS: usize = 25;

/// Whether line `i` is a page footer's copyright line: it opens with "©", "(c)" or
/// "Copyright", has a year and at most [`COPYRIGHT_WORDS`] words ("© 2025 iRobot Corporation.
/// All Rights Reserved."). An image credit ("Photo: … © Jane Doe") does not open with it.
fn is_footer_copyright(doc: &Doc, i: usize) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?i)^(?:©|\(c\)|copyright\b).*\b(?:19|20)\d\d\b")
            .expect("copyright pattern")
    });
    doc.words[i] <= COPYRIGHT_WORDS && re.is_match(&doc.text[i])
}

/// Whether `t` holds a price: a currency sign or code next to a number ("$12.99", "€ 5",
/// "12,50 €", "EUR 355.58", "1.299 kr").
fn is_price(t: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:€|(?:EUR|USD|GBP|CHF|zł|kr|Kč)\b)|\b(?:EUR|USD|GBP|CHF|CAD|AUD|Rs\.?)\s?\d",
        )
        .expect("price pattern")
    });
    re.is_match(t)
}

/// The lines (by position in `idx`) of the runs of price records that stay on a page dump
/// (`dump_records`): runs of short price lines ([`is_price`], at most [`PRICE_WORDS`] words)
/// each at most [`RECORD_GAP`] lines below the last, with at least [`RECORD_MIN`] prices and
/// [`RECORD_SHARE`] times `kept` (the lines of the prose regions), widened by
/// [`RECORD_LEAD`] lines at each end. A catalogue whose grid of items sits above a shop's
/// blurb, not a product page's carousel of a few similar items below its description.
fn record_runs(doc: &Doc, idx: &[usize], gone: &[bool], kept: usize) -> Vec<bool> {
    let mut out = vec![false; idx.len()];
    let mut run: Option<(usize, usize, usize)> = None;
    let close = |run: Option<(usize, usize, usize)>, out: &mut Vec<bool>| {
        if let Some((a, b, n)) = run
            && n >= RECORD_MIN
            && n as f64 >= RECORD_SHARE * kept as f64
        {
            widen_run(out, a, b);
        }
    };
    for (k, &i) in idx.iter().enumerate() {
        if gone[k] || doc.words[i] > PRICE_WORDS || !is_price(&doc.text[i]) {
            continue;
        }
        run = match run {
            Some((a, b, n)) if k - b <= RECORD_GAP => Some((a, k, n + 1)),
            prev => {
                close(prev, &mut out);
                Some((k, k, 1))
            }
        };
    }
    close(run, &mut out);
    out
}

/// Marks the run of records `a..=b` in `out`, widened by [`RECORD_LEAD`] lines at each end.
fn widen_run(out: &mut [bool], a: usize, b: usize) {
    let hi = (b + RECORD_LEAD).min(out.len() - 1);
    out[a.saturating_sub(RECORD_LEAD)..=hi].fill(true);
}

/// A table's row: a line with at least this many tokens that hold a digit ...
const ROW_NUMBERS: usize = 4;
/// ... that are at least this share of its tokens, and a letter somewhere ...
const ROW_SHARE: f64 = 0.2;
/// ... in a run of at least this many such lines one below the other.
const ROW_MIN: usize = 4;

/// The lines (by position in `idx`) of the tables in a dump (`dump_table`): runs of at least
/// [`ROW_MIN`] lines next to each other (blank lines aside, none removed) with at least
/// [`ROW_NUMBERS`] tokens holding a digit each ("3 Wharton 1 (tie) 35% 3.6 733 $175,000").
/// Between two prose regions and below the last (above any comments, related content or
/// consent panel) they stay: a ranking or a spec sheet of the article, where menus and link
/// lists hold words. A calendar's rows (numbers alone) are none.
fn table_rows(doc: &Doc, idx: &[usize], gone: &[bool]) -> Vec<bool> {
    let row = |k: usize| {
        let t = &doc.text[idx[k]];
        let numbers = (t.split_whitespace())
            .filter(|w| w.bytes().any(|c| c.is_ascii_digit()))
            .count();
        !gone[k]
            && numbers >= ROW_NUMBERS
            && numbers as f64 >= ROW_SHARE * t.split_whitespace().count() as f64
            && t.chars().any(char::is_alphabetic)
    };
    let mut out = vec![false; idx.len()];
    let mut k = 0;
    while k < idx.len() {
        let a = k;
        while k < idx.len() && row(k) {
            k += 1;
        }
        if k - a >= ROW_MIN {
            out[a..k].fill(true);
        }
        k = k.max(a + 1);
    }
    out
}

/// A spec sheet's line has at most this many words ...
const SPEC_WORDS: usize = 12;
/// ... and the sheet at least this many lines next to each other, with distinct labels.
const SPEC_MIN: usize = 4;
/// A value of digits and separators alone with at least this many digits is a phone number.
const PHONE_DIGITS: usize = 7;
/// The first words of a store's opening hours' labels, which are no spec sheet's.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "hours",
];

/// The lines (by position in `idx`) of the spec sheets in a dump (`dump_specs`): runs of at least
/// [`SPEC_MIN`] lines next to each other (blank lines aside, none removed) that each read "Label:
/// value" (a label of one to four words starting with a letter, a value of one to six words that
/// does not open with a currency sign; at most [`SPEC_WORDS`] words), no label twice ("Body:
/// Alder", "Frets: 22", "Operating System: Windows 10"). Outside the prose regions they stay, as a
/// run of price records does: a product's specifications, which menus never read like. A table of
/// contents numbers its labels ("Part 1: …", "Part 2: …"), a filter list's values repeat its labels
/// ("Black Refine by Color: Black"), a contact block's are phone numbers ([`PHONE_DIGITS`]), email
/// or web addresses, and its opening hours' labels weekdays or "Hours" ([`WEEKDAYS`]), a form's
/// fields have no value yet ("Email: *"), and a headline's subtitle ("Storytelling UX: Why Design
/// Experts Build Stories") is longer than a value.
fn spec_lines(doc: &Doc, idx: &[usize], gone: &[bool]) -> Vec<bool> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"^([^\W\d_]\w*(?:[ -]\w+){0,3}):\s+[^$€£¥₹\s]\S*(?:\s+\S+){0,5}$")
            .expect("spec pattern")
    });
    let label = |k: usize| -> Option<String> {
        let i = idx[k];
        if gone[k] || doc.words[i] > SPEC_WORDS {
            return None;
        }
        let t = doc.text[i].trim();
        let c = re.captures(t)?;
        let label = c[1].to_lowercase();
        let value = t[c.get(1).expect("a label").end() + 1..].trim();
        // A numbered label is a list's item ("Part 1: …", "Chapter 02: …"), a value that
        // only repeats the label's words a filter's option ("Black Refine by Color: Black"),
        // a phone number a contact block's.
        let numbered = label.ends_with(|c: char| c.is_ascii_digit());
        // A weekday's label is a store's opening hours ("Monday: 8 AM – 5 PM").
        let hours = label
            .split_whitespace()
            .next()
            .is_some_and(|w| WEEKDAYS.contains(&w));
        let lower = value.to_lowercase();
        let echo = lower
            .split_whitespace()
            .all(|w| label.split_whitespace().any(|l| l == w));
        let digits = value.bytes().filter(u8::is_ascii_digit).count();
        let phone = digits >= PHONE_DIGITS
            && (value.bytes()).all(|b| b.is_ascii_digit() || b" +().-".contains(&b));
        // A form's field ("Email: *") has no value yet; a contact block's are addresses
        // ("Email: info@example.com", "Website: www.example.com").
        let blank = !value.chars().any(char::is_alphanumeric);
        let address = value.contains('@') || lower.starts_with("www.") || lower.starts_with("http");
        (!numbered && !echo && !phone && !hours && !blank && !address).then_some(label)
    };
    let mut out = vec![false; idx.len()];
    let mut k = 0;
    while k < idx.len() {
        let a = k;
        let mut seen: HashSet<String> = HashSet::new();
        while k < idx.len() {
            if !label(k).is_some_and(|l| seen.insert(l)) {
                break;
            }
            k += 1;
        }
        if k - a >= SPEC_MIN {
            out[a..k].fill(true);
        }
        k = k.max(a + 1);
    }
    out
}

/// Lines of one shape ([`shape`]) at most this many lines apart, at a steady period, are the
/// fields of a run of records.
const SHAPE_GAP: usize = 8;

/// The shape of a record's field: each run of digits as `9`, of letters as `a`, of spaces as
/// one space, other characters as they are ("5.9 (22K) Rate" is `9.9 (9a) a`).
fn shape(t: &str) -> String {
    let mut out = String::new();
    let mut prev = '\0';
    for c in t.trim().chars() {
        let m = if c.is_ascii_digit() {
            '9'
        } else if c.is_alphabetic() {
            'a'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if m != prev || !matches!(m, '9' | 'a' | ' ') {
            out.push(m);
        }
        prev = m;
    }
    out
}

/// The lines (by position in `idx`) of the runs of records whose fields hold numbers (a
/// chart's ranks and ratings, a listing's dates and counts, a catalogue's prices): short lines
/// (at most [`PRICE_WORDS`] words) with a digit, of one [`shape`], at least [`RECORD_MIN`] of
/// them each two to [`SHAPE_GAP`] lines below the last at a steady period (within a line),
/// widened by [`RECORD_LEAD`] lines at each end. A list of years or of "Top 10" links comes
/// one a line: no records.
fn shape_runs(doc: &Doc, idx: &[usize], gone: &[bool]) -> Vec<bool> {
    let mut out = vec![false; idx.len()];
    // Per shape: (first, last, period, count).
    let mut open: std::collections::HashMap<String, (usize, usize, usize, usize)> =
        std::collections::HashMap::new();
    let close = |(a, b, _, n): (usize, usize, usize, usize), out: &mut Vec<bool>| {
        if n >= RECORD_MIN {
            widen_run(out, a, b);
        }
    };
    for (k, &i) in idx.iter().enumerate() {
        let t = &doc.text[i];
        if gone[k] || doc.words[i] > PRICE_WORDS || !t.bytes().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let e = open.entry(shape(t)).or_insert((k, k, 0, 0));
        let gap = k - e.1;
        let steady = e.3 <= 1 || gap.abs_diff(e.2) <= 1;
        if e.3 > 0 && (2..=SHAPE_GAP).contains(&gap) && steady {
            *e = (e.0, k, if e.3 == 1 { gap } else { e.2 }, e.3 + 1);
        } else {
            let prev = *e;
            *e = (k, k, 0, 1);
            close(prev, &mut out);
        }
    }
    for (_, run) in open {
        close(run, &mut out);
    }
    out
}

/// On a page dump with no article to cut around (a catalogue, a listing, a product sheet:
/// the core is under [`CORE_MIN`] or [`CORE_SHARE`], or there is no prose line at all), the
/// lines before its body and after it go (`dump_menus`) when at least [`END_MENU`] of them
/// are left: the navigation bar and the footer's link lists around the items. The body runs
/// between two `body` lines (not menu-like, or in a run of records, [`record_runs`] and
/// [`shape_runs`]; not removed): the first and the last that have the most menu-like lines
/// less [`END_BODY`] times the body lines on their outer side. A stray body line in a long
/// run of menus (a "Skip to content Skip to footer", a shipping banner, a "Menu" with a
/// colon) goes with them.
/// Linear.
fn trim_ends(
    doc: &Doc,
    idx: &[usize],
    sc: &[LineScore],
    body: &[bool],
    protected: &[bool],
    v: &mut [Option<Verdict>],
    (head, tail): (usize, usize),
) {
    if !body.iter().any(|&b| b) {
        return;
    }
    // The cut points: where the count of menu-like lines less [`END_BODY`] times the count of
    // body lines, from each end, is highest. A stray body line among the menus (a "Skip to
    // content", a shipping banner) does not end the navigation.
    let weight = |k: usize| -> f64 {
        if body[k] {
            -END_BODY
        } else if v[idx[k]].is_none() {
            1.0
        } else {
            0.0
        }
    };
    // The body line with the highest sum of weights on its outer side.
    let cut = |order: &mut dyn Iterator<Item = usize>| -> usize {
        let (mut at, mut best, mut sum) = (None, 0.0, 0.0);
        for k in order {
            if body[k] && (at.is_none() || sum > best) {
                (at, best) = (Some(k), sum);
            }
            sum += weight(k);
        }
        at.expect("a body line")
    };
    let a = cut(&mut (0..idx.len()));
    let z = cut(&mut (0..idx.len()).rev());
    if a > z {
        return;
    }
    // Only a run of menus long enough to be a navigation bar or a footer: a clean article the
    // gate took for a dump has a headline and a byline above its first sentence, no more.
    let menus = |r: std::ops::Range<usize>| r.filter(|&k| v[idx[k]].is_none()).count();
    let (a, z) = (
        if menus(0..a) >= END_MENU { a } else { 0 },
        if menus(z + 1..idx.len()) >= END_MENU {
            z
        } else {
            idx.len() - 1
        },
    );
    for (k, &i) in idx.iter().enumerate() {
        // A line an earlier rule removed keeps its verdict.
        if v[i].is_some() || protected[i] || (a..=z).contains(&k) {
            continue;
        }
        let place = if k < a { "before" } else { "after" };
        let cookie = speaks_of_cookies(doc, i);
        let kind = if body[k] {
            "stray line among the menus"
        } else {
            "menu-like line"
        };
        let detail = format!(
            "{kind} {place} the body (its first or last line that is not menu-like, or is a record's, with {END_MENU}+ menu-like lines outside it), of a page dump with no article core ({head} menu-like lines before the first prose line, {tail} after the last)"
        );
        let ev = Evidence {
            score: Some((sc[k].score * 10.0).round() / 10.0),
            detail: Some(detail),
            ..Evidence::default()
        };
        let reason = if cookie {
            "cookies"
        } else if body[k] {
            "chrome"
        } else {
            "navigation"
        };
        v[i] = Some(Verdict::new(reason, "dump_menus", ev));
    }
}

/// A page dump with no article core: the menu-like lines at its ends go ([`trim_ends`]), up
/// to the first and last line that is not menu-like or is in a run of records, when there
/// are at least `min_body` such lines (`head` and `tail` count the menu-like lines before
/// the first prose line and after the last, for the evidence; a page with no prose needs
/// [`NO_PROSE_BODY`] of them: with one stray line among its menus, its items cannot be told
/// from them). Lines from `end` on (a consent panel) are not body, nor is prose in legal,
/// consent or newsletter words ([`is_legal`]: a sign-up box below the items); nor the lines
/// from a footer's copyright line in the page's lower half on ([`is_footer_copyright`]),
/// which go as `dump_footer`, when more of the body stands above it than below.
fn no_core(
    doc: &Doc,
    idx: &[usize],
    gone: &[bool],
    sc: &[LineScore],
    protected: &[bool],
    v: &mut [Option<Verdict>],
    (head, tail, min_body, end): (usize, usize, usize, usize),
) {
    let records = record_runs(doc, idx, gone, 0);
    let shapes = shape_runs(doc, idx, gone);
    // A line in legal, consent or newsletter words (a sign-up box's, a privacy notice's) is no
    // body either: the page's items do not read like that.
    let legal = |k: usize| sc[k].score <= -(PROSE_WORDS as f64) && is_legal(doc.norm(idx[k]));
    let is_body = |k: usize| !gone[k] && (!sc[k].menu || records[k] || shapes[k]) && !legal(k);
    let count = |r: std::ops::Range<usize>| r.filter(|&k| is_body(k)).count();
    // The page's footer ends with its copyright line, in the page's lower half: what is
    // written out below it (a cart drawer, a sign-up modal, a terms-of-use dialog) is none of
    // the page's body, when most of the body stands above it (else it may be the page's
    // content, a form or a grid written out below a footer at the page's top).
    let footer = (idx.len() / 2..end)
        .find(|&k| is_footer_copyright(doc, idx[k]))
        .filter(|&c| count(0..c) >= min_body && count(0..c) > count(c..end));
    if let Some(c) = footer {
        for (k, &i) in idx.iter().enumerate().take(end).skip(c) {
            if v[i].is_some() || protected[i] {
                continue;
            }
            let detail = format!(
                "line below the page footer's copyright line (in the page's lower half) of a page dump with no article core ({head} menu-like lines before the first prose line, {tail} after the last)"
            );
            let ev = Evidence {
                score: Some((sc[k].score * 10.0).round() / 10.0),
                detail: Some(detail),
                ..Evidence::default()
            };
            let reason = if speaks_of_cookies(doc, i) {
                "cookies"
            } else if sc[k].menu {
                "navigation"
            } else {
                "chrome"
            };
            v[i] = Some(Verdict::new(reason, "dump_footer", ev));
        }
    }
    let end = footer.unwrap_or(end);
    if count(0..end) < min_body {
        return;
    }
    let body: Vec<bool> = (0..idx.len()).map(|k| k < end && is_body(k)).collect();
    trim_ends(doc, idx, sc, &body, protected, v, (head, tail));
}

/// Whether line `i` has the word "cookie" or "cookies" (its removal's reason is `cookies`).
fn speaks_of_cookies(doc: &Doc, i: usize) -> bool {
    text::norm_words(doc.norm(i)).any(|w| w == "cookie" || w == "cookies")
}

/// The words of cookie panels, privacy notices, disclosures and newsletter boxes (English,
/// French, German, Spanish). A line with [`LEGAL_WORDS`] different ones is legal chrome. A
/// consent manager's list of purposes ("Use limited data to select advertising: 80 partners
/// can use this purpose", "Object to Legitimate Interests") and a privacy policy shown in a
/// modal ("the personal information we collect") are such chrome too.
const LEGAL: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "privacy",
    "gdpr",
    "ccpa",
    "preferences",
    "analytics",
    "tracking",
    "advertising",
    "advertisers",
    "personalised",
    "personalized",
    "personalise",
    "personalize",
    "affiliate",
    "affiliates",
    "commission",
    "commissions",
    "disclaimer",
    "disclosure",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscribing",
    "unsubscribe",
    "inbox",
    "terms",
    "policy",
    "website",
    "websites",
    "browser",
    "storage",
    "third",
    "partners",
    "opt",
    "rights",
    "reserved",
    "personal",
    "information",
    "purpose",
    "purposes",
    "vendors",
    "legitimate",
    "trademarks",
    "trademark",
    "registered",
    "sponsored",
    "consentement",
    "confidentialité",
    "données",
    "personnelles",
    "navigateur",
    "publicité",
    "abonnez",
    "désabonner",
    "politique",
    "partenaires",
    "mentions",
    "légales",
    "einwilligung",
    "datenschutz",
    "datenschutzerklärung",
    "zustimmung",
    "werbung",
    "abonnieren",
    "nutzungsbedingungen",
    "impressum",
    "rechte",
    "vorbehalten",
    "consentimiento",
    "privacidad",
    "datos",
    "personales",
    "navegador",
    "publicidad",
    "socios",
    "boletín",
    "suscríbete",
    "términos",
    "política",
    "derechos",
    "reservados",
    "aviso",
];
const LEGAL_WORDS: usize = 3;
/// A legal line scores minus this share of its words.
const LEGAL_WEIGHT: f64 = 1.0;

/// Whether the normalised line `norm` has [`LEGAL_WORDS`] different words of [`LEGAL`].
fn is_legal(norm: &str) -> bool {
    // A table, not a scan of the list: prose lines have many words and the list is long.
    static SET: std::sync::OnceLock<StopSet> = std::sync::OnceLock::new();
    let legal = SET.get_or_init(|| StopSet::new(LEGAL.iter().copied()));
    let b = norm.as_bytes();
    let mut found: [&[u8]; LEGAL_WORDS] = [&[]; LEGAL_WORDS];
    let mut n = 0;
    for_each_word(b, |s, e| {
        let w = &b[s..e];
        if n < LEGAL_WORDS && legal.contains_at(b, s, e) && !found[..n].contains(&w) {
            found[n] = w;
            n += 1;
        }
    });
    n >= LEGAL_WORDS
}

/// The new end of region `(a, b)` once its tail is trimmed: walking up from `b`, each run of
/// at least [`TRIM_MENU_RUN`] menu-like (or already removed) lines in a row is a cut point,
/// taken when the prose below it (all of it, down to `b`) scores under [`TRIM_SHARE`] of the
/// region's score sum and holds no code ([`is_code`]). Linear in the region's length.
fn trim_tail(
    doc: &Doc,
    idx: &[usize],
    sc: &[LineScore],
    gone: &[bool],
    (a, b): (usize, usize),
) -> usize {
    let total: f64 = sc[a..=b].iter().map(|s| s.score).sum();
    let (mut end, mut below, mut run, mut code) = (b, 0.0, 0, false);
    for j in (a + 1..=b).rev() {
        if sc[j].menu || gone[j] {
            run += 1;
            code |= !gone[j] && is_code(&doc.text[idx[j]]);
            continue;
        }
        if run >= TRIM_MENU_RUN {
            // Code below the cut (a documentation page's last example, a permalinked
            // section heading) is the article's: chrome below an article is not code.
            if below >= TRIM_SHARE * total || code {
                break;
            }
            end = j;
        }
        run = 0;
        below += sc[j].score.max(0.0);
        code |= is_code(&doc.text[idx[j]]);
    }
    end
}

/// The new start of region `(a, b)` once its head is trimmed: walking down from `a`, each
/// run of at least [`TRIM_MENU_RUN`] menu-like (or already removed) lines in a row is a cut
/// point, taken when the lines above it (all of them, up from `a`) score under
/// [`HEAD_TRIM_SHARE`] of the region's score sum and none of them is a paragraph of
/// [`HEAD_PARAGRAPH`] or more: a promo bar's slogan or a teaser above the menus, not the
/// article's opening paragraph above its table of contents. (The caller extends the cut
/// region's start over its lead again.)
/// Linear in the region's length.
fn trim_head(sc: &[LineScore], gone: &[bool], (a, b): (usize, usize)) -> usize {
    let total: f64 = sc[a..=b].iter().map(|s| s.score).sum();
    let (mut start, mut above, mut run) = (a, 0.0, 0);
    for j in a..b {
        if sc[j].menu || gone[j] {
            run += 1;
            continue;
        }
        if run >= TRIM_MENU_RUN {
            if above >= HEAD_TRIM_SHARE * total {
                break;
            }
            start = j;
        }
        if sc[j].score >= HEAD_PARAGRAPH {
            break;
        }
        run = 0;
        above += sc[j].score.max(0.0);
    }
    start
}

/// Whether line `t` looks like code or a documentation heading: it has a brace, an assignment (" =
/// ", not the `=` of a URL's query in a reference list) or a pilcrow, the permalink mark of a
/// documentation generator's section headings ("Logging ¶"). Measured on the tails [`trim_tail`]
/// cut on the dev set: every such tail held gold text (program listings, config lines and sections
/// of documentation pages); none of an article's chrome (bios, carousels, reference lists) did.
fn is_code(t: &str) -> bool {
    t.bytes().any(|c| c == b'{' || c == b'}') || t.contains(" = ") || t.contains('¶')
}

/// A page with at least this many post details ([`post_meta`]) is a thread: its bare
/// counts (a poster's posts and likes) are post details too.
const META_MIN: usize = 3;
/// A post detail has at most this many words.
const META_WORDS: usize = 12;

/// What kind of post detail line `t` (trimmed) is ([`Meta`]), if any.
fn post_meta(t: &str) -> Option<Meta> {
    static RE: std::sync::OnceLock<[regex::Regex; 2]> = std::sync::OnceLock::new();
    let [own, shared] = RE.get_or_init(|| {
        let m = crate::classify::MONTHS;
        [
            regex::Regex::new(&format!(
                r"(?i)^(?:viewed\s+[\d,.]+k?\s+times|(?:asked|answered|edited|modified|commented)\s+(?:(?:{m})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d+\s+\w+(?:,\s*\d+\s+\w+)?\s+ago|\d{{4}}-\d{{2}}-\d{{2}})(?:\s+at\s+\d{{1,2}}:\d{{2}})?|[\d,.]+k?\s+(?:posts?|messages?)\s*[·•|-]\s*joined\b.*|[\d,.]+k?(?:\s+\d+\s+\d+\s+(?:gold|silver|bronze)\s+badges?)+|\d{{4}}-\d{{2}}-\d{{2}}(?:T|\s+)\d{{2}}:\d{{2}}:\d{{2}}(?:\.\d+)?(?:Z|\s*[+-]\d{{2}}:?\d{{2}})*|reactions:\s+[^.!?]+)$"
            ))
            .expect("post meta pattern"),
            regex::Regex::new(
                r"(?i)^(?:(?:well-known|new|full|senior|junior|active|premium|registered|valued|staff|established|known|veteran|platinum|gold|silver|bronze)\s+member|original\s+poster|discussion\s+starter|thread\s+starter|(?:posts|messages|likes|reaction\s+score|points|reputation|trophy\s+points|solutions):?)$",
            )
            .expect("post label pattern"),
        ]
    });
    if own.is_match(t) {
        Some(Meta::Own)
    } else if shared.is_match(t) {
        Some(Meta::Shared)
    } else {
        None
    }
}

/// A post's author detail in a forum or Q&A thread ([`post_meta`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meta {
    /// A detail no article line reads like: a Q&A site's "asked Feb 11, 2011 at 23:49" /
    /// "Asked 14 years, 10 months ago" / "edited 2019-05-02" / "Viewed 12k times", a forum's
    /// "1,430 posts · Joined 2022", a reputation's badges ("559 2 2 silver badges 12 12 bronze
    /// badges"), a post's machine timestamp ("2011-11-19 13:54:42 +00:00",
    /// "2022-05-03T15:32:09.597Z"), a forum's "Reactions: Jose, piizog and robroy". (The
    /// line rules' `interface_label` removes a reaction bar too; here it still counts
    /// towards [`META_MIN`], which tells a thread's bare counts from a page's numbers.)
    Own,
    /// A member title ("Well-known member", "Staff member", "Discussion starter") or a
    /// counter's label alone ("Posts", "Reaction score:"): a heading could read the same
    /// ("Solutions", "Points"), so it is a post detail only when it repeats from post to post.
    Shared,
}

/// The lines (by position in `idx`) that are a post's author details (lines of at most
/// [`META_WORDS`] words, not removed): every [`Meta::Own`] line, and on a page with at least
/// [`META_MIN`] details the [`Meta::Shared`] lines whose text comes back at least twice and the
/// bare counts ("1,571", "12k"): a forum's or a Q&A site's thread, whose posts a page dump
/// keeps as prose regions with their headers between them (`dump_postmeta`).
fn post_meta_lines(doc: &Doc, idx: &[usize], gone: &[bool]) -> Vec<bool> {
    let short = |k: usize| !gone[k] && doc.words[idx[k]] <= META_WORDS;
    let kinds: Vec<Option<Meta>> = (0..idx.len())
        .map(|k| {
            short(k)
                .then(|| post_meta(doc.text[idx[k]].trim()))
                .flatten()
        })
        .collect();
    let mut out: Vec<bool> = kinds.iter().map(|m| *m == Some(Meta::Own)).collect();
    if kinds.iter().filter(|m| m.is_some()).count() < META_MIN {
        return out;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (k, m) in kinds.iter().enumerate() {
        if *m == Some(Meta::Shared) {
            *seen.entry(doc.norm(idx[k])).or_default() += 1;
        }
    }
    for (k, m) in out.iter_mut().enumerate() {
        let t = doc.text[idx[k]].trim();
        *m |= kinds[k] == Some(Meta::Shared) && seen[doc.norm(idx[k])] >= 2
            || short(k)
                && !t.is_empty()
                && t.bytes()
                    .all(|c| c.is_ascii_digit() || c == b',' || c == b'.' || c == b'k')
                && t.as_bytes()[0].is_ascii_digit();
    }
    out
}

/// A forum thread: at least this many per-post "Quote" or "Permalink" buttons below the
/// first prose line ([`forum_buttons`]; an article's footnotes may have a few permalinks).
const FORUM_MIN: usize = 5;

/// A forum post's buttons stand alone on their line or in a row of at most this many
/// ("Reply Quote Like").
const BUTTON_ROW: usize = 4;

/// What a line is among a forum post's buttons ([`forum_buttons`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Button {
    No,
    /// "Quote", "Multi-Quote", "Permalink": a forum's own (a blog's comments have none).
    Post,
    /// "Reply", "Report", "Embed", "Save", "Parent", "Like", "Share": beside them.
    Other,
}

/// A forum post's buttons from the first prose line (`first`, a position in `idx`) on: lines
/// made only of button labels, at most [`BUTTON_ROW`] of them ("Quote", "Reply Quote Like",
/// "Save Share"). `No` before `first`.
fn forum_buttons(doc: &Doc, idx: &[usize], first: usize) -> Vec<Button> {
    const POST: [&str; 3] = ["quote", "multiquote", "permalink"];
    // "multi" of "Multi-Quote".
    const OTHER: [&str; 8] = [
        "reply", "report", "embed", "save", "parent", "like", "share", "multi",
    ];
    (idx.iter().enumerate())
        .map(|(k, &i)| {
            let w = doc.words[i];
            if k < first || w == 0 || w > BUTTON_ROW {
                return Button::No;
            }
            let words = || doc.norm(i).split(' ');
            if !words().all(|x| POST.contains(&x) || OTHER.contains(&x)) {
                Button::No
            } else if words().any(|x| POST.contains(&x)) {
                Button::Post
            } else {
                Button::Other
            }
        })
        .collect()
}

/// Whether a vocabulary entry names the start of a comment section: a comments header
/// ("Leave a reply", "Kommentare") or a comment count ("12 Comments").
fn opens_comments(e: &Entry) -> bool {
    e.reason == "comments" && (e.kind == Kind::Header || e.rule == "comment_count")
}

/// The kind of post marker a line is: a post's author line (`Says`: "Jane says:", "by jdoe
/// ( 12345 ) writes:"; `By`: "Posted by: John at December 18, 2025 05:48 PM", "Written by
/// Faith on Jul 5th 2022"; `Verified`: "Claudio (verified owner) – May 27, 2020", "Reviewed
/// in the United States on October 18, 2018") or its rating (`Rating`: "(Score: 3,
/// Interesting)", "Rated 4 out of 5", "5.0 out of 5 stars"). A forum's quotes ("X wrote:",
/// "X said:") are no marker: they stand inside the posts that are a forum page's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Says,
    By,
    Verified,
    Rating,
}

/// Whether the normalised line `norm` may be a post marker ([`post_marker`]): it has a word
/// every marker pattern needs, or starts with one of a byline's first words. A cheap test
/// that spares the patterns most lines.
fn may_be_marker(norm: &str) -> bool {
    const WORDS: [&[u8]; 11] = [
        b"says",
        b"writes",
        b"schreibt",
        b"dit",
        b"dice",
        b"score",
        b"rated",
        b"out",
        b"verified",
        b"reviewed",
        b"by",
    ];
    const FIRST: [&[u8]; 6] = [b"posted", b"written", b"submitted", b"von", b"par", b"por"];
    let b = norm.as_bytes();
    let mut first = true;
    any_word(b, |s, e| {
        let w = &b[s..e];
        let hit = WORDS.contains(&w) || (first && FIRST.contains(&w));
        first = false;
        hit
    })
}

/// The post marker line `t` is, if any (see [`Marker`]).
fn post_marker(t: &str) -> Option<Marker> {
    struct Res {
        says: regex::Regex,
        by: regex::Regex,
        by_when: regex::Regex,
        rating: regex::Regex,
        verified: regex::Regex,
    }
    static RES: std::sync::OnceLock<Res> = std::sync::OnceLock::new();
    let r = RES.get_or_init(|| {
        let m = crate::classify::MONTHS;
        Res {
            says: regex::Regex::new(
                r"(?i)^\S.{0,60}?\s(?:says|writes|schreibt|dit|dice)\s*:(?:\s.*)?$|^\S.{0,60}?\ssays$",
            )
            .expect("says pattern"),
            by: regex::Regex::new(
                r"(?i)^(?:posted\s+by|written\s+by|submitted\s+by|by|von|par|por)\s*:?\s+\S.{0,80}$",
            )
            .expect("by pattern"),
            by_when: regex::Regex::new(&format!(
                r"(?i)\b(?:at|on|writes|wrote)\b|\b(?:(?:{m})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+(?:de\s+)?(?:{m})\.?,?\s+(?:de\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
            ))
            .expect("date pattern"),
            rating: regex::Regex::new(
                r"(?i)\(score:\s*-?\d|^rated\s+\d(?:\.\d)?\s+out\s+of\s+\d|^\d(?:\.\d)?\s+out\s+of\s+5\s+stars?$",
            )
            .expect("rating pattern"),
            verified: regex::Regex::new(
                r"(?i)\(verified (?:owner|buyer|purchase)\)|verified (?:purchase|buyer)$|^reviewed in .* on ",
            )
            .expect("verified pattern"),
        }
    });
    if r.says.is_match(t) {
        Some(Marker::Says)
    } else if r.by.is_match(t) && r.by_when.is_match(t) {
        Some(Marker::By)
    } else if r.rating.is_match(t) {
        Some(Marker::Rating)
    } else if r.verified.is_match(t) {
        Some(Marker::Verified)
    } else {
        None
    }
}

/// Where a thread of posts below the article starts (a position in `idx`), if the page has
/// one: the first of at least [`THREAD_MIN`] post markers of one kind ([`post_marker`], lines
/// of at most [`MARKER_WORDS`] words) from `first` on, when a block of prose with no marker in
/// it stands above it, between `first` and it, of at least [`THREAD_ARTICLE`] words and
/// [`THREAD_RATIO`] times the median post's prose words (prose: lines of at least eight words
/// still present). Reviews below a product's description, a blog's comments: not the posts of
/// a forum page, whose first post is about as long as the others. Linear in the lines.
fn thread_start(doc: &Doc, idx: &[usize], gone: &[bool], first: usize) -> Option<usize> {
    // From the lines right above the first prose line on: a forum's first post has its
    // author line there, as every other post of the page, and is then no article above them.
    let from = first.saturating_sub(LEAD_LINES);
    let marks: Vec<Option<Marker>> = (idx.iter().enumerate())
        .map(|(k, &i)| {
            let w = doc.words[i];
            if k < from || w == 0 || w > MARKER_WORDS || !may_be_marker(doc.norm(i)) {
                None
            } else {
                post_marker(doc.text[i].trim())
            }
        })
        .collect();
    let prose = |k: usize| {
        let w = doc.words[idx[k]];
        if gone[k] || w < PROSE_WORDS { 0 } else { w }
    };
    let mut start: Option<usize> = None;
    for kind in [Marker::Says, Marker::By, Marker::Verified, Marker::Rating] {
        let at: Vec<usize> = (0..idx.len()).filter(|&k| marks[k] == Some(kind)).collect();
        if at.len() < THREAD_MIN {
            continue;
        }
        let mut posts: Vec<usize> = (at.windows(2))
            .map(|w| (w[0]..w[1]).map(prose).sum())
            .collect();
        posts.sort_unstable();
        // The median as the Python statistics module takes it: the mean of the middle two.
        let mid = posts.len() / 2;
        let median2 = if posts.len() % 2 == 1 {
            2 * posts[mid]
        } else {
            posts[mid - 1] + posts[mid]
        };
        let s = at[0];
        let (mut best, mut cur) = (0, 0);
        for k in from..s {
            if marks[k].is_some() {
                cur = 0;
                continue;
            }
            cur += prose(k);
            best = best.max(cur);
        }
        if best >= THREAD_ARTICLE && 2 * best >= THREAD_RATIO * median2 {
            start = Some(start.map_or(s, |x| x.min(s)));
        }
    }
    start
}

/// The run of `sc[lo..hi]` with the largest score sum, as (sum, first, last); None when no
/// line scores above zero.
fn max_run(sc: &[LineScore], lo: usize, hi: usize) -> Option<(f64, usize, usize)> {
    let (mut best, mut cur, mut start, mut bs, mut be) = (0.0, 0.0, lo, lo, lo);
    for (k, s) in sc.iter().enumerate().take(hi).skip(lo) {
        if cur <= 0.0 {
            cur = 0.0;
            start = k;
        }
        cur += s.score;
        if cur > best {
            (best, bs, be) = (cur, start, k);
        }
    }
    (best > 0.0).then_some((best, bs, be))
}

/// Adds to `regions` (sorted, at least one) every run of lines between two of them that
/// scores above zero ([`max_run`], searched for again in the gaps it leaves), extended upwards
/// over its headline ([`lead`]): `dump_gap` keeps a forum's short posts, set apart by their
/// author blocks and reply buttons, and a listing's blurbs, too short each to be a region of
/// their own ([`REGION_SHARE`], [`REGION_MIN`]). At most [`MAX_INNER`] runs: each is searched
/// for over the rest of its gap, so the cost is linear in the lines between the first and
/// the last region times that bound.
fn inner_regions(
    doc: &Doc,
    idx: &[usize],
    sc: &[LineScore],
    gone: &[bool],
    regions: &mut Vec<(usize, usize)>,
) {
    let gaps = (regions.windows(2)).map(|w| (w[0].1 + 1, w[1].0)).collect();
    let before = regions.len();
    split_gaps(doc, (idx, sc, gone), gaps, regions, 0.0, before + MAX_INNER);
    if regions.len() > before {
        regions.sort_unstable();
    }
}

/// Adds to `regions`, until it holds `cap` of them, the best run ([`max_run`]) of each gap
/// that scores at least `floor`, extended upwards over its headline ([`lead`]), and looks
/// again in the two gaps it leaves on either side.
fn split_gaps(
    doc: &Doc,
    (idx, sc, gone): (&[usize], &[LineScore], &[bool]),
    mut gaps: Vec<(usize, usize)>,
    regions: &mut Vec<(usize, usize)>,
    floor: f64,
    cap: usize,
) {
    while let Some((lo, hi)) = gaps.pop() {
        if regions.len() >= cap {
            break;
        }
        let Some((score, a, b)) = max_run(sc, lo, hi) else {
            continue;
        };
        if score < floor {
            continue;
        }
        let a = lead(doc, idx, gone, a, lo);
        regions.push((a, b));
        gaps.push((lo, a));
        gaps.push((b + 1, hi));
    }
}

/// Extends a region starting at `bs` upwards (not below `lo`) over the headline, byline and
/// dateline right above it: up to [`LEAD_LINES`] lines of at least five words, or dates (a
/// digit, at most six words).
fn lead(doc: &Doc, idx: &[usize], gone: &[bool], mut bs: usize, lo: usize) -> usize {
    for _ in 0..LEAD_LINES {
        if bs <= lo || gone[bs - 1] {
            break;
        }
        let i = idx[bs - 1];
        let dated = doc.words[i] <= 6 && doc.text[i].chars().any(|c| c.is_ascii_digit());
        if doc.words[i] >= 5 || dated {
            bs -= 1;
        } else {
            break;
        }
    }
    bs
}

#[cfg(test)]
mod tests {
    use super::{Meta, RECORD_LEAD, StopSet, capitals, post_meta};
    use crate::classify::{Classifier, Doc};
    use crate::text;
    use proptest::prelude::*;

    #[test]
    fn the_stop_set_holds_the_stop_words_and_nothing_else() {
        let set = StopSet::get();
        let stops = text::stop_words();
        for w in stops.iter() {
            assert!(set.contains(w), "{w:?}");
            // Inside a longer buffer, as the rules look words up.
            let buf = format!("xx {w} yy and some more text after it");
            assert!(set.contains_at(buf.as_bytes(), 3, 3 + w.len()), "{w:?}");
            for other in [format!("{w}s"), format!("x{w}"), w.to_uppercase()] {
                assert_eq!(
                    set.contains(&other),
                    stops.contains(other.as_str()),
                    "{other:?}"
                );
            }
        }
        for w in [
            "",
            "x",
            "house",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnopq",
            "they'd",
        ] {
            assert_eq!(set.contains(w), stops.contains(w), "{w:?}");
        }
        let long = StopSet::new(["a", "seventeen-letters", "eightletters16ab"].into_iter());
        assert!(long.contains("seventeen-letters") && long.contains("eightletters16ab"));
        assert!(!long.contains("seventeen-letterz") && !long.contains("eightletters16ac"));
    }

    /// The count as it was first written, on `char`s and a general hash set.
    fn reference_capitals(t: &str) -> (usize, usize) {
        let stops = text::stop_words();
        let (mut caps, mut content) = (0usize, 0usize);
        for tok in t
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|x| !x.is_empty())
        {
            let first = tok.chars().next().unwrap();
            if !first.is_alphabetic() {
                continue;
            }
            let upper = first.is_uppercase();
            if upper {
                let lower: String = tok
                    .chars()
                    .filter(|&c| c != '\'' && c != '’')
                    .flat_map(char::to_lowercase)
                    .collect();
                if stops.contains(lower.as_str()) {
                    continue;
                }
            } else if stops.contains(tok) {
                continue;
            }
            content += 1;
            caps += usize::from(upper);
        }
        (caps, content)
    }

    fn check_capitals(t: &str) -> Result<(), TestCaseError> {
        let mut lower = Vec::new();
        prop_assert_eq!(
            capitals(t, StopSet::get(), &mut lower),
            reference_capitals(t),
            "{:?}",
            t
        );
        Ok(())
    }

    #[test]
    fn capitals_of_mixed_text() {
        for t in [
            "",
            "Über die Brücke: Straße, DER Mann und l’homme d'État — ÉTÉ ǅemal İstanbul ΣΑΣ",
            "The Art of War. It's THE one; Don’t don't IT'S 3D 1st x’ ’x ' ’",
        ] {
            check_capitals(t).unwrap();
        }
    }

    proptest! {
        #[test]
        fn capitals_agree_with_the_reference(t in "[ -~]{0,120}") {
            check_capitals(&t)?;
        }

        #[test]
        fn capitals_agree_on_words(t in "((The|the|A|an|Of|of|And|it's|IT'S|Don't|Don’t|dont|Über|über|ÜBER|Für|für|ÉTÉ|été|Ǆ|x|House|1st|22|'s|'|’|  |, |\\.|·)( |-|,|’|))*") {
            check_capitals(&t)?;
        }

        #[test]
        fn capitals_agree_on_any_text(t in "\\PC{0,80}") {
            check_capitals(&t)?;
        }
    }

    /// The rule that removed line `l` in `removed`'s result, if any.
    fn rule_of(r: &[(String, String, String)], l: &str) -> Option<String> {
        r.iter().find(|x| x.0 == l).map(|x| x.2.clone())
    }

    fn removed(src: &str) -> Vec<(String, String, String)> {
        let c = Classifier::new(None);
        let doc = Doc::new(src.as_bytes());
        let v = c.classify(&doc);
        v.iter()
            .enumerate()
            .filter_map(|(i, x)| {
                x.as_ref()
                    .map(|x| (doc.text[i].to_string(), x.reason.clone(), x.rule.clone()))
            })
            .collect()
    }

    /// A news site's menus above its article, and its footer's links below.
    const NEWS_MENUS: &str = "Skip to content\nHome\nWorld\nAsia\nBusiness\nSport\nOpinion\nCulture\nSubscribe Now\nLog In\n";
    const NEWS_FOOT: &str = "About Us\nContact\nPrivacy Policy\nTerms of Use\nCareers\nAdvertise\n";

    const ARTICLE: &str = "Cambodia Arrests Hundreds in Crackdown\n\
        July 16, 2025, 9:14 am\n\
        Police in Cambodia detained hundreds of suspects from scam compounds in several provinces this week.\n\
        The crackdown follows an order from the prime minister, who told officials to act against the gangs.\n\
        What happens next\n\
        Officials said that the suspects would be questioned and that more raids were planned for the coming days.\n\
        Rights groups have said for years that many of the people who work in the compounds were trafficked there and are held against their will.\n";

    #[test]
    fn the_headline_repeating_the_pages_title_goes_on_a_dump() {
        let menus = NEWS_MENUS;
        let foot = NEWS_FOOT;
        let title = "Cambodia Arrests Hundreds in Crackdown | Example News\n";
        let r = removed(&format!("{title}{menus}{ARTICLE}{foot}"));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(
            rule("Cambodia Arrests Hundreds in Crackdown").as_deref(),
            Some("dump_title"),
            "{r:#?}"
        );
        assert_eq!(rule("July 16, 2025, 9:14 am"), None, "{r:#?}");
        // A title that names only the site: the headline stays.
        let r = removed(&format!("Example News | Home\n{menus}{ARTICLE}{foot}"));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(
            rule("Cambodia Arrests Hundreds in Crackdown"),
            None,
            "{r:#?}"
        );
    }

    #[test]
    fn menus_and_footer_of_a_dump_go_and_the_article_stays() {
        let head = "Example News | Home\nSkip to content\nHome\nWorld\nAsia\nBusiness\nSport\nOpinion\nCulture\nSubscribe Now\nLog In\n\
            This website uses cookies to improve your experience and to show you personalised content.\n";
        let foot = "About Us\nContact\nPrivacy Policy\nTerms of Use\nCareers\nAdvertise With Us\nFollow us\nFacebook\nInstagram\n© 2025 Example News\n";
        let src = format!("{head}{ARTICLE}{foot}");
        let r = removed(&src);
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in ARTICLE.lines() {
            assert!(!gone.contains(&l), "article line removed: {l}\n{r:#?}");
        }
        for l in head.lines().chain(foot.lines()) {
            assert!(gone.contains(&l), "chrome line kept: {l}\n{r:#?}");
        }
        let cookie = r.iter().find(|x| x.0.contains("cookies")).unwrap();
        // The vocabulary rule `cookie_notice` may take it first; either way it goes as cookies.
        assert_eq!(cookie.1, "cookies");
        let nav = r.iter().find(|x| x.0 == "World").unwrap();
        assert_eq!(
            (nav.1.as_str(), nav.2.as_str()),
            ("navigation", "dump_head")
        );
        let foot = r.iter().find(|x| x.0 == "Careers").unwrap();
        assert_eq!(foot.2, "dump_tail");
    }

    #[test]
    fn a_table_between_two_prose_regions_stays_and_the_menus_go() {
        let head = "Example News | Home\nSkip to content\nHome\nWorld\nAsia\nBusiness\nSport\nOpinion\nCulture\nSubscribe Now\nLog In\n";
        let menu = "Guides\nMaps\nHotels\nFlights\nTours\nVisas\nWeather\nEvents\n";
        let table = "1 Phnom Penh 412 38% 2024 $1,200\n2 Siem Reap 230 21% 2023 $950\n3 Sihanoukville 198 18% 2024 $1,450\n4 Battambang 87 8% 2022 $700\n";
        let foot = "About Us\nContact\nPrivacy Policy\nTerms of Use\nCareers\nAdvertise With Us\nFollow us\nFacebook\nInstagram\n© 2025 Example News\n";
        let r = removed(&format!(
            "{head}{ARTICLE}{menu}{table}{menu}{ARTICLE}{foot}"
        ));
        let rule = |l: &str| rule_of(&r, l);
        for l in table.lines() {
            assert!(rule(l).is_none(), "table line removed: {l}\n{r:#?}");
        }
        assert_eq!(rule("Hotels").as_deref(), Some("dump_gap"), "{r:#?}");
    }

    #[test]
    fn interface_labels_still_count_as_the_menus_of_a_dump() {
        // Half the head's menu lines are control labels the vocabulary removes on its own:
        // without them as menu-like lines the head would be too short for a dump.
        let head = "Read more\nHome\nClose\nWorld\nShow more\nSport\nLoading\n";
        let r = removed(&format!("{head}{ARTICLE}"));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(rule("World").as_deref(), Some("dump_head"), "{r:#?}");
        assert_eq!(rule("Close").as_deref(), Some("interface_label"), "{r:#?}");
        for l in ARTICLE.lines() {
            assert!(rule(l).is_none(), "article line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn a_clean_article_is_not_a_dump() {
        let list = "Writing Tools\nPens\nPencils\nMarkers\nScissors\nPaper Clips\nNotebooks\nStamps\nEnvelopes\nFolders\n";
        let src = format!(
            "{ARTICLE}{list}{ARTICLE}Related Topics\nAsia\nCrime\nPolice\nPolitics\nScams\nBorders\nCourts\nJustice\nMekong\nLaos\nThailand\nVietnam\n"
        );
        let r = removed(&src);
        assert!(r.iter().all(|x| !x.2.starts_with("dump_")), "{r:#?}");
    }

    const HEAD: &str = "Example Shop | Home\nSkip to content\nHome\nWorld\nAsia\nBusiness\nSport\nOpinion\nCulture\nSubscribe Now\nLog In\n";

    #[test]
    fn a_second_prose_region_past_a_menu_stays_and_the_menu_goes() {
        let menu = "Shop\nPens\nPencils\nMarkers\nScissors\nPaper Clips\nNotebooks\nStamps\n";
        let second = "Specifications\n\
            The pen is made of recycled aluminium and holds a cartridge that lasts for about three months of daily writing.\n\
            It comes with a refill and a case, and the company says that it can be repaired for free for ten years.\n";
        let src = format!("{HEAD}{ARTICLE}{menu}{second}About Us\nContact\n");
        let r = removed(&src);
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in ARTICLE.lines().chain(second.lines().skip(1)) {
            assert!(!gone.contains(&l), "prose line removed: {l}\n{r:#?}");
        }
        let gap = r.iter().find(|x| x.0 == "Scissors").unwrap();
        assert_eq!((gap.1.as_str(), gap.2.as_str()), ("navigation", "dump_gap"));
        assert!(r.iter().any(|x| x.0 == "Contact" && x.2 == "dump_tail"));
    }

    #[test]
    fn an_authors_bio_below_a_dumps_article_goes_above_a_long_footer() {
        // The footer's link lists make the bio a line of the text's first half: the tail it
        // is looked for in is the second half of the lines the dump's regions kept.
        let bio = "Karina Cohen is the owner of a local cleaning company near Denver, and she writes about homes and how to keep them.";
        let foot: String = (1..=120).map(|k| format!("Footer Link {k}\n")).collect();
        let r = removed(&format!(
            "{HEAD}{ARTICLE}{ARTICLE}Karina Cohen\n{bio}\n{foot}"
        ));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(rule(bio).as_deref(), Some("author_bio"), "{r:#?}");
        assert_eq!(
            rule("Karina Cohen").as_deref(),
            Some("author_bio"),
            "{r:#?}"
        );
        for l in ARTICLE.lines() {
            assert!(rule(l).is_none(), "article line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn a_region_below_the_footers_copyright_line_goes() {
        // A newsletter modal written out after the footer reads as prose: a region of its
        // own, but below the page's copyright line it is none of the article's.
        let links: String = (1..=20).map(|k| format!("Footer Link {k}\n")).collect();
        let foot = format!("{links}© 2025 Example News. All rights reserved.\n");
        let modal = "Thanks for visiting, and do not miss your free gift when you sign up for our weekly letter today.\n\
            Our guide to healthy habits is yours for free when you sign up to receive health information from our doctors.\n\
            Sign up to get tips for living a healthy lifestyle, with ways to sleep better and to keep your heart in good shape.\n";
        let r = removed(&format!("{HEAD}{ARTICLE}{foot}{modal}"));
        let rule = |l: &str| rule_of(&r, l);
        for l in modal.lines() {
            assert_eq!(rule(l).as_deref(), Some("dump_footer"), "{l}\n{r:#?}");
        }
        for l in ARTICLE.lines() {
            assert!(rule(l).is_none(), "article line removed: {l}\n{r:#?}");
        }
        // Right below the article, with no menus between, the core's own run ends there.
        let foot = "© 2025 Example News. All rights reserved.\n";
        let r = removed(&format!("{HEAD}{ARTICLE}{foot}{modal}"));
        let rule = |l: &str| rule_of(&r, l);
        for l in modal.lines() {
            assert_eq!(rule(l).as_deref(), Some("dump_footer"), "{l}\n{r:#?}");
        }
        for l in ARTICLE.lines() {
            assert!(rule(l).is_none(), "article line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn the_lines_above_a_run_of_menus_at_the_regions_top_go() {
        // The promo line reads as prose and joins the core's run; the menus below it set it
        // apart from the article, and it weighs little against the article.
        let promo = "Get twenty percent off your first order with the code WELCOME when you sign up for our letter, and free shipping on every order over fifty dollars from now on.\n";
        let bar = "Deals\nGift Cards\n";
        let long: String = (1..=40)
            .map(|k| format!("In part {k} of the report, the officials of the province said that they met the police to talk about the raids and about the people who were held there.\n"))
            .collect();
        let r = removed(&format!("{HEAD}{promo}{bar}{ARTICLE}{long}"));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(
            rule(promo.trim()).as_deref(),
            Some("dump_head_trim"),
            "{r:#?}"
        );
        // The headline and dateline right above the article's prose are its lead again.
        for l in ARTICLE.lines() {
            assert!(rule(l).is_none(), "article line removed: {l}\n{r:#?}");
        }
        // An opening paragraph above a table of contents stays.
        let intro = "Every new year brings a fresh start and a chance to improve ourselves, and we have tested dozens of the newest board games over the past twelve months so that you can find the right one for your family, your friends and the long evenings of winter ahead of us all.\n";
        let toc = "Contents\nThe Best Games\nHow We Tested\n";
        let r = removed(&format!("{HEAD}{intro}{toc}{ARTICLE}{long}"));
        assert!(r.iter().all(|x| x.0 != intro.trim()), "{r:#?}");
    }

    #[test]
    fn a_consent_panel_after_the_article_goes() {
        let panel = "Privacy Overview\n\
            This website uses cookies to improve your experience while you navigate through the website, and some of them are stored in your browser.\n\
            Necessary\n\
            Necessary cookies are absolutely essential for the website to function properly and do not store any personal information or preferences.\n\
            Analytics\n\
            Analytics cookies are used to understand how visitors interact with the website, and they are only set with your consent to tracking.\n";
        let r = removed(&format!("{HEAD}{ARTICLE}Share\nFacebook\nX\n{panel}"));
        article_kept_panel_gone(&r, panel);
    }

    /// Every line of [`ARTICLE`] kept and every line of `panel` removed in `r`.
    fn article_kept_panel_gone(r: &[(String, String, String)], panel: &str) {
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in ARTICLE.lines() {
            assert!(!gone.contains(&l), "article line removed: {l}\n{r:#?}");
        }
        for l in panel.lines() {
            assert!(gone.contains(&l), "panel line kept: {l}\n{r:#?}");
        }
    }

    #[test]
    fn a_banner_above_a_page_of_menus_does_not_hide_a_dump() {
        // The shipping banner is the first prose line: one menu line above it, too few for
        // the head. But the page is mostly menus (a shop's mega-menu and its footer).
        let banner = "Example Shop | Home\n\
            Free standard shipping on orders over forty dollars, and for more information on shipping rates and timelines please visit our international page\n";
        let mega: String = (1..=70).map(|k| format!("Category {k}\n")).collect();
        let foot: String = (1..=40).map(|k| format!("Footer Link {k}\n")).collect();
        let src = format!("{banner}{mega}{ARTICLE}{foot}");
        let r = removed(&src);
        let rule = |l: &str| rule_of(&r, l);
        // Below the banner (kept as a prose region of its own) or above the article.
        let cat = rule("Category 7").unwrap_or_default();
        assert!(cat == "dump_head" || cat == "dump_gap", "{r:#?}");
        assert_eq!(
            rule("Footer Link 7").as_deref(),
            Some("dump_tail"),
            "{r:#?}"
        );
        for l in ARTICLE.lines() {
            assert!(rule(l).is_none(), "article line removed: {l}\n{r:#?}");
        }
        // A few dozen menus around an article with a banner on top: no dump.
        let mega: String = (1..=30).map(|k| format!("Category {k}\n")).collect();
        let r = removed(&format!("{banner}{mega}{ARTICLE}"));
        assert!(r.iter().all(|x| !x.2.starts_with("dump_")), "{r:#?}");
    }

    #[test]
    fn a_consent_managers_list_of_purposes_goes() {
        // Each purpose has two or three words of the older list at most ("advertising",
        // "partners"): without "purpose", "vendors", "legitimate", "personal" and
        // "information" the panel scores as prose and stays as a region of its own.
        let panel = "Use limited data to select advertising, and 80 partners can use this purpose for you.\n\
            Advertising presented to you on this service can be based on limited data, such as the pages you read and the personal information you give.\n\
            Measure content performance, and 40 partners can use this purpose in the list of vendors below.\n\
            Object to legitimate interests of the vendors who read the information stored on your device for this purpose.\n\
            Understand audiences through statistics, and 52 partners can use this purpose with the information they hold.\n";
        let foot = "About Us\nContact\nCareers\n";
        let r = removed(&format!(
            "{HEAD}{ARTICLE}Manage Options\nAccept All\n{panel}{foot}"
        ));
        article_kept_panel_gone(&r, panel);
    }

    #[test]
    fn a_consent_panel_below_the_footer_goes_from_its_notice_on() {
        // The panel's purposes are in legal words; their descriptions are not, and two of
        // them in a row score as a prose region of their own without the rule.
        let purposes = "Use limited data to select advertising, and 80 partners can use this purpose for you.\n\
            Create profiles for personalised advertising, and 71 partners can use this purpose with the information they hold.\n\
            Measure content performance, and 40 partners can use this purpose in the list of vendors below.\n\
            Store and access information on a device, and 91 partners can use this purpose for you.\n";
        let described = "Information regarding which content is presented to you and how you interact with it can be used to determine whether the articles reached you and met your needs.\n\
            Reports can be generated from the combination of many sets of figures, such as the pages you read and the time you spent on each of them, to help us understand what readers like.\n";
        let foot = "About Us\nContact\nPrivacy Policy\nTerms of Service\n";
        let panel = format!(
            "{purposes}Performance Off\n{described}Object to Legitimate Interests\nReject All\n"
        );
        let src = format!("{HEAD}{ARTICLE}{foot}We Care About Your Privacy\n{panel}");
        let r = removed(&src);
        article_kept_panel_gone(&r, &panel);
        for l in described.lines() {
            let x = r.iter().find(|x| x.0 == l).expect("description removed");
            assert_eq!(
                (x.1.as_str(), x.2.as_str()),
                ("cookies", "dump_consent"),
                "{r:#?}"
            );
        }
        // A cookie banner on top of the article is no panel: the article stays.
        let banner = "We Care About Your Privacy\n";
        let r = removed(&format!("{HEAD}{banner}{ARTICLE}{described}{foot}"));
        assert!(r.iter().all(|x| x.2 != "dump_consent"), "{r:#?}");
        article_kept_panel_gone(&r, "");
    }

    #[test]
    fn a_short_head_and_a_long_footer_make_a_dump() {
        // Two menu-like lines above the article's prose (its headline and dateline) and a
        // footer of twelve links: a dump. A clean article's stray lines come at one end, a few
        // at most.
        let foot = "About Us\nContact\nPrivacy Policy\nTerms of Use\nCareers\nAdvertise\nFacebook\nInstagram\nYouTube\nPodcasts\nNewsletters\nArchive\n";
        let r = removed(&format!("{ARTICLE}{foot}"));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(rule("Careers").as_deref(), Some("dump_tail"), "{r:#?}");
        for l in ARTICLE.lines() {
            assert!(rule(l).is_none(), "article line removed: {l}\n{r:#?}");
        }
        // Four above (two of the site's, the headline and dateline), six below: ten in all.
        let head = "Example News\nWorld\n";
        let foot = NEWS_FOOT;
        let r = removed(&format!("{head}{ARTICLE}{foot}"));
        assert!(
            r.iter().any(|x| x.0 == "Careers" && x.2 == "dump_tail"),
            "{r:#?}"
        );
    }

    #[test]
    fn a_slogan_among_the_menus_does_not_hide_a_dump() {
        let head = "Example Agency | Home\nServices\nWork\nAbout\n\
            Partner with our agency and grow your business.\n\
            Get a Proposal\nSEO\nDesign\nHosting\nContact\n";
        let r = removed(&format!("{head}{ARTICLE}About Us\nCareers\n"));
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        assert!(
            gone.contains(&"Partner with our agency and grow your business."),
            "{r:#?}"
        );
        for l in ARTICLE.lines() {
            assert!(!gone.contains(&l), "article line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn the_comment_section_of_a_dump_goes_however_long() {
        // Comments without dates or "Reply" lines: the thread rule does not see them.
        let comment: String = (1..=6)
            .map(|k| format!("In the {k} years since I first tried this I have found that the plants do better when they are watered in the evening, and the neighbours say the same.\n"))
            .collect();
        let thread: String = (1..=3).map(|k| format!("Reader {k}\n{comment}")).collect();
        let src = format!("{HEAD}{ARTICLE}3 Comments\n{thread}About Us\nContact\nPrivacy Policy\n");
        let r = removed(&src);
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in ARTICLE.lines() {
            assert!(!gone.contains(&l), "article line removed: {l}\n{r:#?}");
        }
        for l in comment.lines() {
            let x = r.iter().find(|x| x.0 == l).expect("comment removed");
            assert_eq!(x.1, "comments");
        }
        assert!(r.iter().any(|x| x.2 == "dump_comments"), "{r:#?}");
    }

    #[test]
    fn a_forum_threads_replies_under_their_quote_buttons_stay() {
        // The same comment section, each reply with a forum's button row below it: the
        // replies are the thread's content, the buttons go.
        let comment: String = (1..=6)
            .map(|k| format!("In the {k} years since I first tried this I have found that the plants do better when they are watered in the evening, and the neighbours say the same.\n"))
            .collect();
        let thread: String = (1..=5)
            .map(|k| format!("Reader {k}\n{comment}Reply\nQuote\nReport\n"))
            .collect();
        let src = format!("{HEAD}{ARTICLE}5 Comments\n{thread}About Us\nContact\nPrivacy Policy\n");
        let r = removed(&src);
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in ARTICLE.lines().chain(comment.lines()) {
            assert!(!gone.contains(&l), "content line removed: {l}\n{r:#?}");
        }
        assert!(r.iter().all(|x| x.2 != "dump_comments"), "{r:#?}");
        let buttons = r.iter().filter(|x| x.2 == "dump_forum_buttons").count();
        assert_eq!(buttons, 15, "{r:#?}");
        // Four "Quote" lines are no forum's buttons: the comment section goes.
        let thread: String = (1..=4)
            .map(|k| format!("Reader {k}\n{comment}Reply\nQuote\n"))
            .collect();
        let r = removed(&format!("{HEAD}{ARTICLE}3 Comments\n{thread}About Us\n"));
        assert!(r.iter().any(|x| x.2 == "dump_comments"), "{r:#?}");
    }

    #[test]
    fn a_forums_short_posts_run_down_to_the_last_posts_buttons() {
        // A long first post, then short replies under their author lines, each with a row
        // of buttons: the replies are too short for a region of their own, but the thread
        // runs down to its last post's buttons; the footer below them goes.
        let replies = [
            "I had the same problem last winter and the dealer fixed it for free.",
            "Did you try resetting the module before you took it in?",
            "Thanks, that worked for me as well after the update.",
            "Mine still does it now and then, but much less often.",
            "Same here, no issues since the last software update.",
            "Good to know, I will try that this weekend.",
        ];
        let thread: String = (replies.iter().enumerate())
            .map(|(k, r)| {
                format!(
                    "member{k}\n#{} · Mar 21, 2025\n{r}\nSave Share\nReply Quote Like\n",
                    k + 2
                )
            })
            .collect();
        let foot = NEWS_FOOT;
        let src = format!("{HEAD}{ARTICLE}{MORE}Save Share\nReply Quote Like\n{thread}{foot}");
        let r = removed(&src);
        let rule = |l: &str| r.iter().find(|x| x.0 == l).map(|x| x.2.as_str());
        for l in ARTICLE.lines().chain(MORE.lines()).chain(replies) {
            assert_eq!(rule(l), None, "post line removed: {l}\n{r:#?}");
        }
        assert_eq!(
            rule("Reply Quote Like"),
            Some("dump_forum_buttons"),
            "{r:#?}"
        );
        assert_eq!(rule("Careers"), Some("dump_tail"), "{r:#?}");
    }

    /// More of the article: with [`ARTICLE`], over [`super::THREAD_ARTICLE`] prose words.
    const MORE: &str = "The ministry said that the raids had been planned for months and that police from three provinces had taken part in them.\n\
        Several of the suspects were foreigners who had entered the country on tourist visas, and officials said they would be deported.\n";

    #[test]
    fn a_thread_of_reviews_below_the_article_goes_and_a_forums_posts_stay() {
        let review = |k: usize| {
            format!(
                "Works well, number {k}\nby Reader {k} on March {k}, 2025\nI bought this for my office and it has worked well every single day since it came.\n"
            )
        };
        let thread: String = (1..=4).map(review).collect();
        let src = format!("{HEAD}{ARTICLE}{MORE}Reviews\n{thread}About Us\nContact\n");
        let r = removed(&src);
        let rule = |l: &str| {
            r.iter()
                .find(|x| x.0 == l)
                .map(|x| (x.1.clone(), x.2.clone()))
        };
        for l in ARTICLE.lines().chain(MORE.lines()) {
            assert!(rule(l).is_none(), "article line removed: {l}\n{r:#?}");
        }
        // The first review's title, above the first author line, goes with the page's tail.
        for (n, l) in thread.lines().enumerate() {
            let (reason, name) = rule(l).unwrap_or_else(|| panic!("kept: {l}\n{r:#?}"));
            let want = if n == 0 { "dump_tail" } else { "dump_thread" };
            assert_eq!(name, want, "{l}");
            assert!(
                reason == "comments" || reason == "navigation",
                "{l}: {reason}"
            );
        }
        // A forum: the first post has its author line right above it, as every other post,
        // and is no longer than they are. The posts are the page's content.
        let post = |k: usize| {
            format!(
                "by Member {k} on March {k}, 2025\nI have had the same trouble with the pump since the spring, and the dealer could not tell me what was wrong with it.\n\
                In the end I replaced the seal myself, which took an hour and cost less than the call out fee would have.\n"
            )
        };
        let posts: String = (1..=5).map(post).collect();
        let r = removed(&format!("{HEAD}{posts}About Us\nContact\n"));
        assert!(r.iter().all(|x| x.2 != "dump_thread"), "{r:#?}");
        for l in posts.lines().filter(|l| !l.starts_with("by ")) {
            assert!(r.iter().all(|x| x.0 != l), "post line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn a_short_post_between_two_regions_stays_and_its_buttons_go() {
        // A forum's posts, each set apart by its author block and buttons: the long ones make
        // regions of their own, the short one between them is too thin for one.
        let block = |k: usize| {
            format!(
                "Member{k}\n1,{k}30 posts\nJoined 2022\nSave Share\nReply Quote Like\nReport\nBookmark\nFollow\nIgnore\nMessage\nProfile\nTop\n"
            )
        };
        let short = "Did the dealer say anything about the warranty when you took it in?\n";
        let src = format!(
            "{HEAD}{}{ARTICLE}{}{short}{}{ARTICLE}About Us\nContact\nCareers\nPress\n",
            block(1),
            block(2),
            block(3)
        );
        let r = removed(&src);
        let rule = |l: &str| rule_of(&r, l);
        assert!(
            rule(short.trim_end()).is_none(),
            "short post removed\n{r:#?}"
        );
        assert_eq!(rule("Member3").as_deref(), Some("dump_gap"), "{r:#?}");
        assert_eq!(rule("1,330 posts").as_deref(), Some("dump_gap"), "{r:#?}");
        assert_eq!(rule("Careers").as_deref(), Some("dump_tail"), "{r:#?}");
    }

    #[test]
    fn the_author_details_of_a_threads_posts_go_and_its_posts_stay() {
        let post = |when: &str, who: &str, n: &str| {
            format!(
                "I have had the same trouble with the pump since the spring, and the dealer could not tell me what was wrong with it.\n\
                {when}\n{who}\n{n}\n"
            )
        };
        let thread = format!(
            "{}{}{}",
            post("asked Feb 11, 2011 at 23:49", "Well-known member", "1,571"),
            post(
                "answered Feb 12, 2011 at 1:01",
                "John Roe",
                "559 2 2 silver badges 12 12 bronze badges"
            ),
            post("1,430 posts · Joined 2022", "Well-known member", "12")
        );
        let thread = format!(
            "{thread}In the end I replaced the seal myself, which took an hour and cost less than the call out fee would have.\n"
        );
        let r = removed(&format!(
            "{HEAD}{ARTICLE}{thread}About Us\nContact\nCareers\nPress\n"
        ));
        let rule = |l: &str| {
            r.iter()
                .find(|x| x.0 == l)
                .map(|x| (x.1.as_str(), x.2.as_str()))
        };
        for l in [
            "asked Feb 11, 2011 at 23:49",
            "answered Feb 12, 2011 at 1:01",
            "1,430 posts · Joined 2022",
            "Well-known member",
            "559 2 2 silver badges 12 12 bronze badges",
            "1,571",
            "12",
        ] {
            assert_eq!(rule(l), Some(("byline", "dump_postmeta")), "{l}\n{r:#?}");
        }
        // A counter's label or a member title that does not come back from post to post is
        // a heading like any other ("Solutions", "Points" in an article).
        let r = removed(&format!(
            "{HEAD}{ARTICLE}Solutions\n{ARTICLE}Points\n{ARTICLE}{thread}About Us\nContact\nCareers\nPress\n"
        ));
        for l in ["Solutions", "Points"] {
            assert!(r.iter().all(|x| x.0 != l), "{l}\n{r:#?}");
        }
        for l in ARTICLE
            .lines()
            .chain(thread.lines().filter(|l| l.contains(" the ")))
        {
            assert!(rule(l).is_none(), "post line removed: {l}\n{r:#?}");
        }
        // With one such line only, a bare number is no poster's count.
        let r = removed(&format!(
            "{HEAD}{ARTICLE}{}{ARTICLE}About Us\nContact\nCareers\nPress\n",
            post("asked Feb 11, 2011 at 23:49", "Jane Doe", "1,571")
        ));
        assert!(r.iter().all(|x| x.0 != "1,571"), "{r:#?}");
    }

    #[test]
    fn a_consent_panel_holding_the_first_prose_line_goes() {
        // A shop's page with no prose of its own: the first prose line is the consent
        // panel's, below the footer, and its notice stands in the page's lower half.
        let items = "Trail Pack 25\n$99.95\nDay Pack 18\n$79.95\nSummit Pack 40\n$149.95\nHip Pack 3\n$39.95\n";
        let foot = "About Us\nContact\nPrivacy Policy\nTerms of Service\nCareers\nPress\nStores\nGift Cards\n";
        let panel = "Manage Cookie Preferences\n\
            These technologies are strictly necessary to provide you with the services available through our websites and to use some of their features.\n\
            These cookies collect information about how you use a website, like which pages you visited and which links you clicked on, and none of it identifies you.\n\
            These cookies track your online activity to help advertisers deliver more relevant advertising or to limit how many times you see an ad.\n";
        let src = format!(
            "{HEAD}{items}{foot}We use cookies to improve your experience on our site and to show you personalised offers.\n{panel}"
        );
        let r = removed(&src);
        for l in panel.lines().skip(1) {
            let x = r
                .iter()
                .find(|x| x.0 == l)
                .unwrap_or_else(|| panic!("kept: {l}\n{r:#?}"));
            assert_eq!(x.2, "dump_consent", "{l}");
        }
    }

    #[test]
    fn a_carousel_below_a_related_header_goes_and_an_inline_box_does_not_end_the_article() {
        let items: String = (1..=4)
            .map(|k| format!("Story Number {k} About Gardens\nA short summary of story {k}, which tells readers what the gardeners in the town have planted this year.\n"))
            .collect();
        let src = format!("{HEAD}{ARTICLE}You May Also Like\n{items}About Us\nContact\n");
        let r = removed(&src);
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in ARTICLE.lines() {
            assert!(!gone.contains(&l), "article line removed: {l}\n{r:#?}");
        }
        for l in items.lines() {
            assert!(gone.contains(&l), "carousel line kept: {l}\n{r:#?}");
        }
        // An inline box: the article's paragraphs go on right below its two headlines.
        // Its headlines are on the article's topic, so the related section rule leaves them.
        let inline =
            "Related Articles\nPolice Raid Scam Compounds in Cambodia\nSuspects Held After Raids\n";
        let more = "The police said that the suspects in the scam compounds came from several countries and that many of them would be sent home.\n\
            Officials in the provinces said that the raids on the compounds would go on and that the police would question the suspects.\n";
        let extra = "The prime minister said that the government would not let the gangs use the country as a base and that the police had his full support.\n\
            Neighbouring countries have asked the government for years to close the compounds, where tens of thousands of people are said to work.\n\
            Many of the victims were promised jobs in the capital and found themselves locked in compounds near the border once they arrived.\n";
        let src = format!("{HEAD}{ARTICLE}{extra}{inline}{more}About Us\nContact\n");
        let r = removed(&src);
        assert!(r.iter().all(|x| x.2 != "dump_related"), "{r:#?}");
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in ARTICLE.lines().chain(extra.lines()).chain(more.lines()) {
            assert!(!gone.contains(&l), "article line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn a_bio_below_the_post_links_goes() {
        let extra = "The prime minister said that the government would not let the gangs use the country as a base and that the police had his full support.\n\
            Neighbouring countries have asked the government for years to close the compounds, where tens of thousands of people are said to work.\n";
        let bio = "Jane Doe is a reporter who lives in the capital.\n";
        let src = format!(
            "{HEAD}{ARTICLE}{extra}Previous Post\nNext Post\nJane Doe\n{bio}About Us\nContact\n"
        );
        let r = removed(&src);
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in ARTICLE.lines().chain(extra.lines()) {
            assert!(!gone.contains(&l), "article line removed: {l}\n{r:#?}");
        }
        assert!(gone.contains(&bio.trim_end()), "{r:#?}");
    }

    #[test]
    fn code_below_a_run_of_headings_stays() {
        // A documentation page's last section: two heading-like lines, then an example. The
        // tail trim would take it as a bio below "Previous Post" links, but code is no chrome.
        let extra = "The prime minister said that the government would not let the gangs use the country as a base and that the police had his full support.\n\
            Neighbouring countries have asked the government for years to close the compounds, where tens of thousands of people are said to work.\n\
            Many of the victims were promised jobs in the capital and found themselves locked in compounds near the border once they arrived.\n";
        let code = "Set timeout = 15 to wait a little longer for the slow server.\n";
        let src =
            format!("{HEAD}{ARTICLE}{extra}Configuration\nTimeouts\n{code}About Us\nContact\n");
        let r = removed(&src);
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in ARTICLE.lines().chain(extra.lines()).chain(code.lines()) {
            assert!(!gone.contains(&l), "article line removed: {l}\n{r:#?}");
        }
        assert!(gone.contains(&"Contact"), "{r:#?}");
    }

    #[test]
    fn a_listing_with_a_thin_core_keeps_its_items_and_loses_its_menus() {
        // The core is a lone sentence: no cut around it, but the menus at the ends go, and
        // the items (menu-like names, prices, buttons) stay as a run of price records.
        let items: String = (1..=40)
            .map(|k| format!("Blue Ceramic Mug Model {k}\n$12.99\nAdd to Cart\n"))
            .collect();
        let foot = "About Us\nContact\nPrivacy Policy\nCareers\nShipping\nReturns\nGift Cards\nStores\nPress\nBlog\nHelp\n";
        let src = format!(
            "{HEAD}Shop Mugs\nOur mugs are made by hand in a small workshop near the sea.\nThey are glazed in the colours of the coast and fired twice.\n{items}{foot}"
        );
        let r = removed(&src);
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        // (The buttons go as interface labels; they still count in the records.)
        for l in items.lines().filter(|l| *l != "Add to Cart") {
            assert!(!gone.contains(&l), "item line removed: {l}\n{r:#?}");
        }
        assert!(
            r.iter()
                .any(|x| x.0 == "Add to Cart" && x.2 == "interface_label")
        );
        assert!(!gone.contains(&"Our mugs are made by hand in a small workshop near the sea."));
        // The footer's first lines are in the records' margin ([`RECORD_LEAD`]).
        for l in HEAD.lines().chain(foot.lines().skip(RECORD_LEAD - 1)) {
            assert!(gone.contains(&l), "menu line kept: {l}\n{r:#?}");
        }
        for l in ["World", "Culture", "Returns", "Stores"] {
            let x = r.iter().find(|x| x.0 == l).unwrap();
            assert_eq!((x.1.as_str(), x.2.as_str()), ("navigation", "dump_menus"));
        }
        // Without prices the items cannot be told from a footer's links: they stay only up
        // to the last line that is not menu-like.
        let items: String = (1..=40)
            .map(|k| format!("Blue Ceramic Mug Model {k}\n"))
            .collect();
        let src = format!(
            "{HEAD}Our mugs are made by hand in a small workshop near the sea.\nMugs are sold out this week, see you soon.\n{items}"
        );
        let r = removed(&src);
        assert!(
            r.iter()
                .any(|x| x.0 == "Blue Ceramic Mug Model 7" && x.2 == "dump_menus")
        );
    }

    #[test]
    fn a_chart_with_no_prose_keeps_its_records_and_loses_its_menus() {
        // No line of the page is prose: the gate sees menus only. The chart's items have no
        // price, but their fields (a rank, a year and length, a rating) come at a steady
        // period; a stray sentence among the menus does not end the navigation.
        let menus: String = (1..=25).map(|k| format!("Category {k}\n")).collect();
        let chart: String = (1..=30)
            .map(|k| {
                format!(
                    "#{k}\nMovie Title Number {k}\n2024 1h {}m R\n7.{} ({k}K) Rate\nMark as watched\n",
                    10 + k,
                    k % 10
                )
            })
            .collect();
        let foot = "About Us\nContact\nPrivacy Policy\nCareers\nShipping\nReturns\nGift Cards\nStores\nPress\nBlog\nHelp\n";
        let src = format!("{HEAD}Sign in to rate.\n{menus}Top Movies\n{chart}{foot}");
        let r = removed(&src);
        let rule = |l: &str| rule_of(&r, l);
        for l in [
            "Category 7",
            "Sign in to rate.",
            "World",
            "Careers",
            "Stores",
        ] {
            assert_eq!(rule(l).as_deref(), Some("dump_menus"), "{l}\n{r:#?}");
        }
        for l in [
            "#7",
            "Movie Title Number 7",
            "2024 1h 17m R",
            "7.7 (7K) Rate",
        ] {
            assert_eq!(rule(l), None, "chart line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn a_grid_of_price_records_above_the_shop_blurb_stays() {
        // A catalogue's grid above the shop's blurb: the blurb is the prose core, and the
        // grid's names and prices would go as `dump_head` without the records rule.
        let grid: String = (1..=10)
            .map(|k| format!("Blue Ceramic Mug Model {k}\n$1{k}.99\n"))
            .collect();
        let blurb = "Our mugs are made by hand in a small workshop near the sea, where the potters have worked for forty years.\n\
            Each of them is thrown on the wheel, glazed in the colours of the coast and fired twice so that it lasts for a lifetime.\n\
            We ship them in boxes made of recycled paper, and every order comes with a card that tells you who made your mug.\n";
        let foot = "About Us\nContact\nPrivacy Policy\nCareers\n";
        let r = removed(&format!("{HEAD}{grid}{blurb}{foot}"));
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in grid.lines().chain(blurb.lines()) {
            assert!(
                !gone.contains(&l),
                "grid or blurb line removed: {l}\n{r:#?}"
            );
        }
        assert!(
            r.iter().any(|x| x.0 == "World" && x.2 == "dump_head"),
            "{r:#?}"
        );
        assert!(
            r.iter().any(|x| x.0 == "Careers" && x.2 == "dump_tail"),
            "{r:#?}"
        );
        // A product page's carousel of a few similar items below a long description is no
        // such grid: it goes.
        let carousel = "You might also need\nBlue Ceramic Mug Model 2\n$12.99\nBlue Ceramic Mug Model 3\n$13.99\nBlue Ceramic Mug Model 4\n$14.99\nBlue Ceramic Mug Model 5\n$15.99\n";
        let r = removed(&format!("{HEAD}{ARTICLE}{blurb}{blurb}{carousel}{foot}"));
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in carousel.lines().skip(1) {
            assert!(gone.contains(&l), "carousel line kept: {l}\n{r:#?}");
        }
        // A price field that gives the old price and the saving too is still a record's.
        let grid: String = (1..=10)
            .map(|k| format!("Blue Ceramic Mug Model {k}\nSpecial Price $1{k}.99 You Save $5.00 Regular Price $2{k}.99\n"))
            .collect();
        let r = removed(&format!("{HEAD}{grid}{blurb}{foot}"));
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in grid.lines() {
            assert!(!gone.contains(&l), "grid line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn a_short_footer_of_a_page_with_no_core_goes() {
        // No article core (the items are menu-like and have no prices): the head's menus go,
        // and so does a footer of four links below the last line that is not menu-like. (Of
        // more than END_BODY such items between two body lines, `trim_ends` makes menus.)
        let items: String = (1..=12)
            .map(|k| format!("Blue Ceramic Mug Model {k}\n"))
            .collect();
        let foot = "About Us\nContact\nPrivacy Policy\nCareers\n";
        let src = format!(
            "{HEAD}Our mugs are made by hand in a small workshop near the sea, where the potters have worked for forty years.\n{items}Mugs are sold out this week, see you soon.\n{foot}"
        );
        let r = removed(&src);
        for l in foot.lines() {
            let x = r
                .iter()
                .find(|x| x.0 == l)
                .unwrap_or_else(|| panic!("footer line {l} not removed: {r:#?}"));
            assert_eq!(x.2, "dump_menus", "{r:#?}");
        }
        let gone: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
        for l in items.lines() {
            assert!(!gone.contains(&l), "item line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn a_cart_drawer_below_the_footer_of_a_page_with_no_core_goes() {
        // No article core (the items are menu-like): the page's footer ends at its copyright
        // line, and the cart drawer and sign-up box written out below it are no body, however
        // they read; the items above it stay.
        let items: String = (1..=30)
            .map(|k| format!("Blue Ceramic Mug Model {k}\n$1{k}.99\n"))
            .collect();
        let foot = "About Us\nContact\nPrivacy Policy\nCareers\nShipping\nReturns\nGift Cards\nStores\n© 2025 Example Shop. All rights reserved.\n";
        let drawer = "Your cart is empty, but you still look good in that old mug of yours.\n\
            Shipping and taxes are worked out at the checkout when you place the order.\n\
            Be the first to hear when the new mugs are in: we will write to you once a month.\n";
        let src = format!(
            "{HEAD}Shop Mugs\nOur mugs are made by hand in a small workshop near the sea.\nThey are glazed in the colours of the coast and fired twice.\n{items}{foot}{drawer}"
        );
        let r = removed(&src);
        let rule = |l: &str| rule_of(&r, l);
        for l in drawer.lines() {
            assert_eq!(rule(l).as_deref(), Some("dump_footer"), "{l}\n{r:#?}");
        }
        for l in items.lines() {
            assert_eq!(rule(l), None, "item line removed: {l}\n{r:#?}");
        }
        assert_eq!(rule("Careers").as_deref(), Some("dump_menus"), "{r:#?}");
        // Most of the body below the copyright line: a form or a grid written out under a
        // footer at the page's top, it stays.
        let short: String = (1..=3)
            .map(|k| format!("Blue Ceramic Mug Model {k}\n$1{k}.99\n"))
            .collect();
        let menus: String = (1..=40).map(|k| format!("Category {k}\n")).collect();
        let src = format!("{HEAD}{menus}{short}{foot}{drawer}{drawer}{drawer}");
        let r = removed(&src);
        assert!(!r.iter().any(|x| x.2 == "dump_footer"), "{r:#?}");
    }

    #[test]
    fn a_sign_up_box_in_legal_words_does_not_end_the_body_of_a_page_with_no_core() {
        // The sign-up box below the items reads as prose but is in legal and newsletter
        // words: no body, so the footer's links above it go with it.
        let items: String = (1..=30)
            .map(|k| format!("Blue Ceramic Mug Model {k}\n$1{k}.99\n"))
            .collect();
        let links = "About Us\nContact\nCareers\nShipping\nReturns\nGift Cards\nStores\nPress\n";
        let signup = "We will send you news and offers by email: see our privacy policy and terms for how we use your personal information.\n";
        let src = format!(
            "{HEAD}Shop Mugs\nOur mugs are made by hand in a small workshop near the sea.\nThey are glazed in the colours of the coast and fired twice.\n{items}{links}{signup}Help\n"
        );
        let r = removed(&src);
        let rule = |l: &str| rule_of(&r, l);
        for l in ["Gift Cards", "Stores", "Press"] {
            assert_eq!(rule(l).as_deref(), Some("dump_menus"), "{l}\n{r:#?}");
        }
        assert!(rule(signup.trim_end()).is_some(), "{r:#?}");
        for l in items.lines() {
            assert_eq!(rule(l), None, "item line removed: {l}\n{r:#?}");
        }
    }

    #[test]
    fn a_spec_sheet_outside_the_prose_regions_stays() {
        // A product's specifications above its description: each line a "Label: value", no
        // menu reads like that. They stay where the head's menus go.
        let specs = "Body: Alder\nNeck: Maple\nFingerboard: Rosewood\nFrets: 22\nScale length: 648 mm\nPickups: 3 single coils\n";
        let foot = "About Us\nContact\nPrivacy Policy\nCareers\n";
        let r = removed(&format!(
            "{HEAD}{specs}Reviews\nSupport\nGuides\n{ARTICLE}{foot}"
        ));
        let rule = |l: &str| rule_of(&r, l);
        for l in specs.lines() {
            assert_eq!(rule(l), None, "spec line removed: {l}\n{r:#?}");
        }
        assert_eq!(rule("World").as_deref(), Some("dump_head"), "{r:#?}");
        assert_eq!(rule("Guides").as_deref(), Some("dump_head"), "{r:#?}");
        // A table of contents numbers its labels, a filter list's values repeat its labels,
        // a contact block's are phone numbers, and a label that comes twice is no sheet's.
        for list in [
            "Part 1: Containerize an app\nPart 2: Update the app\nPart 3: Share the app\nPart 4: Persist the data\n",
            "Black Refine by Color: Black\nBlue Refine by Color: Blue\nGreen Refine by Color: Green\nGrey Refine by Color: Grey\n",
            "Operator: 303-436-6000\nPharmacy: 303-389-1390\nNurse Line: (303) 739-1211\nFax: +1 303 602 2744\n",
            "Size: Small\nSize: Medium\nSize: Large\nSize: Extra Large\n",
            "Monday: 8 AM – 5 PM\nTuesday: 8 AM – 5 PM\nWednesday: 8 AM – 5 PM\nSaturday: Closed\n",
            "Email: *\nFirst Name: *\nLast Name: *\nState: *\n",
        ] {
            let r = removed(&format!(
                "{HEAD}{list}Reviews\nSupport\nGuides\n{ARTICLE}{foot}"
            ));
            let rule = |l: &str| rule_of(&r, l);
            for l in list.lines() {
                assert_eq!(rule(l).as_deref(), Some("dump_head"), "{l}\n{r:#?}");
            }
        }
    }

    #[test]
    fn machine_timestamps_and_reactions_are_post_details() {
        for t in [
            "2011-11-19 13:54:42 +00:00",
            "2022-05-03T15:32:09.597Z+00:00",
            "2014-02-08T16:12:54.597Z",
            "Reactions: Jose, piizog and robroy",
        ] {
            assert_eq!(post_meta(t), Some(Meta::Own), "{t}");
        }
        for t in [
            "2024-01-04 release notes",
            "2011-11-19",
            "Reactions: ",
            "Reactions to the ruling were mixed",
        ] {
            assert_eq!(post_meta(t), None, "{t}");
        }
    }

    #[test]
    fn a_banners_locale_variants_above_the_article_go() {
        let menus = NEWS_MENUS;
        let foot = NEWS_FOOT;
        let more = "For more information on shipping rates and timelines, please visit our international page";
        let banners: Vec<String> = ["$60 CAD+", "65€ or more", "¥990 or more", "480kr or more"]
            .iter()
            .map(|p| format!("Free standard shipping on orders {p}. {more}"))
            .collect();
        let r = removed(&format!(
            "Example News\n{menus}{}\n{ARTICLE}{foot}",
            banners.join("\n")
        ));
        let rule = |l: &str| rule_of(&r, l);
        for b in &banners {
            assert_eq!(rule(b).as_deref(), Some("dump_banner_variants"), "{r:#?}");
        }
        assert!(r.iter().all(|x| !ARTICLE.contains(&x.0)), "{r:#?}");
        // One line the page repeats word for word is no banner's variants.
        let same = vec![banners[0].clone(); 4].join("\n");
        let r = removed(&format!("Example News\n{menus}{same}\n{ARTICLE}{foot}"));
        assert!(r.iter().all(|x| x.2 != "dump_banner_variants"), "{r:#?}");
    }

    #[test]
    fn a_call_to_sign_up_inside_the_article_goes() {
        let menus = NEWS_MENUS;
        let foot = NEWS_FOOT;
        let ask = "Join over 11,200 construction industry professionals in receiving our FREE daily email newsletter";
        let talk = "Analysts said readers should subscribe to industry newsletters to follow the trend closely.";
        let r = removed(&format!(
            "Example News\n{menus}{ARTICLE}{ask}\n{talk}\n{ARTICLE}{foot}"
        ));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(rule(ask).as_deref(), Some("dump_signup"), "{r:#?}");
        assert_eq!(rule(talk), None, "{r:#?}");
    }

    #[test]
    fn the_articles_own_headings_and_sentences_are_no_chrome() {
        // Review cases: a listicle's headings that are also menu labels, a heading opening
        // with "Explore", sentences about joining and emails, a "Reactions:" sentence.
        let menus = NEWS_MENUS;
        let foot = NEWS_FOOT;
        let para = "The platform still reaches more older readers than any other network, and its groups remain the place where local news is shared first.";
        let kept = [
            "Facebook",
            "Press",
            "Explore the Old Town",
            "Our emails to the council asking them to join the talks went unanswered for weeks.",
            "Interested volunteers can join the study by sending an email to the lab.",
            "Get this: nobody who signed up for the mailing list was ever told about the vote.",
            "Reactions: mixed, but mostly positive.",
        ];
        let body: String = kept.iter().map(|l| format!("{l}\n{para}\n")).collect();
        let r = removed(&format!(
            "Example News\n{menus}{ARTICLE}{body}{ARTICLE}{foot}"
        ));
        for l in kept {
            assert!(r.iter().all(|x| x.0 != l), "{l}\n{r:#?}");
        }
        // A control's label goes whatever follows it.
        let r = removed(&format!(
            "Example News\n{menus}{ARTICLE}Reply\n{para}\n{ARTICLE}{foot}"
        ));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(
            rule("Reply").as_deref(),
            Some("dump_chrome_label"),
            "{r:#?}"
        );
    }

    #[test]
    fn a_contact_block_is_no_spec_sheet() {
        let contact = "Address: 12 Main Street, Springfield\nEmail: info@example.com\nWebsite: www.example.com\nFollow us: Facebook and Instagram\n";
        let foot = "About Us\nContact\nPrivacy Policy\nCareers\n";
        let r = removed(&format!(
            "{HEAD}{contact}Reviews\nSupport\nGuides\n{ARTICLE}{foot}"
        ));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(
            rule("Email: info@example.com").as_deref(),
            Some("dump_head"),
            "{r:#?}"
        );
    }

    #[test]
    fn a_links_label_inside_the_article_goes() {
        let menus = NEWS_MENUS;
        let foot = NEWS_FOOT;
        let label = "View all posts by Jane Doe";
        let line = "Explore the coast on foot.";
        let r = removed(&format!(
            "Example News\n{menus}{ARTICLE}{label}\n{line}\n{ARTICLE}{foot}"
        ));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(rule(label).as_deref(), Some("dump_link_label"), "{r:#?}");
        assert_eq!(rule(line), None, "{r:#?}");
    }

    #[test]
    fn a_datelines_own_line_goes_from_a_dump_but_a_posts_time_stays() {
        let menus = NEWS_MENUS;
        let foot = NEWS_FOOT;
        let date = "Published on March 2, 2026 by Jane Doe";
        let bare = "Tue, 3 Jul 2024";
        let post = "Jul 18, 2024 at 13:41";
        let line = "The harbour reopened on March 2, 2026.";
        let r = removed(&format!(
            "Example News\n{menus}{date}\n{ARTICLE}{bare}\n{post}\n{line}\n{ARTICLE}{foot}"
        ));
        let rule = |l: &str| rule_of(&r, l);
        assert_eq!(rule(date).as_deref(), Some("dump_dateline"), "{r:#?}");
        assert_eq!(rule(bare).as_deref(), Some("dump_dateline"), "{r:#?}");
        assert_eq!(rule(post), None, "{r:#?}");
        assert_eq!(rule(line), None, "{r:#?}");
        // An article's text already cut out (no page around it) keeps its date.
        let r = removed(&format!("{bare}\n{ARTICLE}"));
        assert_eq!(rule_of(&r, bare), None, "{r:#?}");
        // "by" and words that are not names: a sentence's start, not a byline.
        let lake = "July 4, 2025 by the lake";
        let r = removed(&format!("Example News\n{menus}{lake}\n{ARTICLE}{foot}"));
        assert_eq!(rule_of(&r, lake), None, "{r:#?}");
        // Three or more: a diary's or a changelog's entries, a list of events, not bylines.
        let diary = "March 2, 2026\nMarch 9, 2026\nMarch 16, 2026\n";
        let text = "The garden woke up early this year and the first buds came out.\n";
        let entries: String = diary.lines().map(|d| format!("{d}\n{text}")).collect();
        let r = removed(&format!("Example News\n{menus}{ARTICLE}{entries}{foot}"));
        for d in diary.lines() {
            assert_eq!(rule_of(&r, d), None, "{r:#?}");
        }
    }

    #[test]
    fn a_sites_chrome_label_inside_the_article_goes() {
        for l in super::CHROME_LABELS {
            assert!(l.split(' ').count() <= super::CHROME_LABEL_WORDS, "{l}");
            assert_eq!(text::normalize(l), *l, "{l}");
        }
        let menus = NEWS_MENUS;
        let foot = NEWS_FOOT;
        let r = removed(&format!(
            "Example News\n{menus}{ARTICLE}Privacy Policy\nMy Account\n{ARTICLE}{foot}"
        ));
        let rule = |l: &str| rule_of(&r, l);
        for l in ["Privacy Policy", "My Account"] {
            assert_eq!(rule(l).as_deref(), Some("dump_chrome_label"), "{r:#?}");
        }
        assert!(r.iter().all(|x| !ARTICLE.contains(&x.0)), "{r:#?}");
    }
}

//! Main-content extraction: decides, for every text block of a parsed HTML page (see
//! [`crate::html`]), whether it belongs to the page's main content, and records why not.
//!
//! Each block gets a value: positive for text that reads like content (long, few links, many
//! stop words in any of the supported languages), negative for link lists (a table's linked
//! rows count nothing either way: they are its data), short chrome and blocks inside
//! navigation, sidebars, footers or elements whose class or id names a widget.
//! `<article>`, `<main>`, `itemprop=articleBody` and JSON-LD `articleBody` raise the value of
//! the text they hold: evidence, not a verdict; on a page whose `<main>` holds text, the
//! text outside it counts for half. The main content is the element whose blocks
//! add up to the most (a maximum-sum subtree of the DOM); blocks outside it go, and inside it
//! the blocks of nested navigation, widgets and hidden elements go too, each with its reason.
//! A page of repeated records (product cards, search results, a ranked table) whose records
//! outweigh its best element has them as its content: their short fields count, and each
//! record is a dedup scope of its own (see [`records`]).

use crate::classify::{Evidence, Verdict};
use crate::html::{Block, Element, Page, flag, hint};
use crate::text;
/// Maps keyed by text and node, hashed with foldhash (never iterated in an order that shows).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// Rule names, as they appear in provenance.
pub const OUTSIDE: &str = "html_outside_main";
pub const SEMANTIC: &str = "html_semantic_element";
pub const CLASS_HINT: &str = "html_class_hint";
pub const HIDDEN: &str = "html_hidden";
pub const SCREEN_COPY: &str = "html_screen_copy";
pub const LINK_LIST: &str = "html_link_list";
pub const TITLE: &str = "html_title";
pub const FORM_IN_CONTENT: &str = "html_form_in_content";
pub const CAPTION: &str = "html_figure_caption";
pub const CLASS_CAPTION: &str = "html_class_caption";
pub const CTA_BOX: &str = "html_cta_box";
pub const CONTROLS: &str = "html_interface_controls";
pub const UNSEEN: &str = "html_unseen";
pub const BYLINE: &str = "html_byline";
pub const DATELINE: &str = "html_dateline";
pub const FALLBACK_TAG: &str = "html_fallback_tag";
pub const SHOP_RELATED: &str = "html_shop_related";
pub const SHOP_CARDS: &str = "html_shop_cards";
pub const POST_CARDS: &str = "html_post_cards";
pub const VOTE_COUNT: &str = "html_vote_count";
pub const POSTER_CARD: &str = "html_poster_card";

/// Hints that name a page part other than the content.
const BAD_HINTS: u32 = hint::COMMENT
    | hint::RELATED
    | hint::SHARE
    | hint::NAV
    | hint::CHROME
    | hint::AD
    | hint::COOKIE
    | hint::PROMO
    | hint::POPUP
    | hint::BREADCRUMB
    | hint::BIO
    | hint::SIGNATURE
    | hint::DISCLAIMER;

/// What a block's text is made of, worked out once.
#[derive(Default)]
struct Text {
    words: f64,
    stops: f64,
    /// Its normalised text is in the JSON-LD `articleBody` (blocks of five words or more).
    in_body: bool,
    /// It is a field of a repeated record (see [`records`]).
    record: bool,
    /// The depth of the outermost record it is a field of (0: none).
    record_depth: u32,
}

impl Text {
    fn of(b: &Block, body: Option<&str>, norm: &mut String) -> Text {
        // Minified JSON data written out as text (a product grid's state in a hidden
        // `<div>`) is neither content nor chrome: it weighs nothing, so it never decides
        // where the content is (it goes as `data_blob` wherever it is).
        if crate::classify::data_blob(b.text.trim()).is_some() {
            return Text::default();
        }
        norm.clear();
        text::normalize_into(&b.text, norm);
        if !b.concealed.is_empty() {
            norm.push(' ');
            text::normalize_into(&b.concealed, norm);
        }
        let (mut words, mut stops) = (0.0, 0.0);
        for w in text::norm_words(norm) {
            let (n, s) = text::token_weight(w);
            words += n;
            stops += s;
        }
        let in_body = words >= 5.0
            && body.is_some_and(|body| {
                memchr::memmem::find(body.as_bytes(), norm.as_bytes()).is_some()
            });
        Text {
            words,
            stops,
            in_body,
            record: false,
            record_depth: 0,
        }
    }
}

/// How blocks are valued on a page (see [`value`]).
#[derive(Clone, Copy)]
struct Scoring {
    /// [`hint`]s that do not count.
    ignore: u32,
    /// [`flag`]s that do not count (a `<nav>` or `<aside>` around the whole page).
    ignore_flags: u32,
    /// What short text is worth per word (0: it counts against; see [`LISTING_PROSE`]).
    short: f64,
    /// The share of its value positive text outside `<main>` keeps (see [`OFF_MAIN`]).
    off_main: f64,
    /// Fields of repeated records count as content (see [`records`]).
    records: bool,
}

impl Scoring {
    /// Text alone: no hint counts.
    const RAW: Scoring = Scoring {
        ignore: u32::MAX,
        ignore_flags: 0,
        short: 0.0,
        off_main: 1.0,
        records: false,
    };
}

/// What a block is worth as content (see the module comment).
fn value(b: &Block, t: &Text, s: Scoring) -> f64 {
    let (ignore, short) = (s.ignore, s.short);
    let flags = b.flags & !s.ignore_flags;
    if flags & flag::HIDDEN != 0 && ignore & hint::HIDDEN == 0 {
        return 0.0;
    }
    let (n, stops) = (t.words, t.stops);
    if n == 0.0 {
        return 0.0;
    }
    let ld = b.link_density();
    let mut v = if ld > 0.5 {
        // In a listing, an item's title is a link of several words; menus are one or two.
        if short > 0.0 && n >= 4.0 {
            0.4 * n
        } else if flags & flag::TABLE != 0 {
            // A table's linked cells (a list of laureates, a job board's rows) are its data:
            // they count neither for nor against the page part around them.
            0.0
        } else {
            -n
        }
    } else if n >= 12.0 && stops / n >= 0.1 {
        n * (1.0 - ld)
    } else if n >= 12.0 {
        0.5 * n * (1.0 - ld)
    } else if short > 0.0 {
        short * n * (1.0 - 2.0 * ld) - 0.5
    } else {
        -0.5 - n * ld
    };
    if t.record && s.records {
        v = v.max(record_value(b, n, ld));
    }
    // A field of a record, counted as one, answers for the hints of its record and what is
    // inside it only: a class on the element around a whole run ("pagination" around a
    // product grid that loads page by page) does not name its records, when it names a
    // page part's structure (see [`WRAPPER_HINTS`]).
    let h = if t.record && s.records && t.record_depth > 1 {
        b.hints_below(t.record_depth - 1) | (b.all_hints() & !WRAPPER_HINTS)
    } else {
        b.all_hints()
    } & !ignore;
    // Reader comments count for nothing, neither for nor against the element around them:
    // a theme often puts the comment list inside the post's own container, after its
    // paragraphs. They still go as comments (see `kind_of`).
    if h & hint::COMMENT != 0
        && h & BAD_HINTS & !hint::COMMENT == 0
        && flags & (flag::NAV | flag::ASIDE | flag::FOOTER) == 0
        && !t.in_body
    {
        return 0.0;
    }
    // Nor does a poster's signature or user card (see `hint::SIGNATURE`): one sits beside
    // every post of a thread, however short the posts are. It still goes (see `kind_of`).
    if h & BAD_HINTS == hint::SIGNATURE && flags & (flag::NAV | flag::ASIDE | flag::FOOTER) == 0 {
        return 0.0;
    }
    if flags & (flag::NAV | flag::ASIDE | flag::FOOTER) != 0 || h & BAD_HINTS != 0 {
        v = if v > 0.0 { -0.5 * v } else { v * 1.5 };
    } else if v > 0.0
        && (flags & (flag::ARTICLE | flag::MAIN | flag::BODY_PROP) != 0 || h & hint::CONTENT != 0)
    {
        v *= 1.5;
    }
    if v > 0.0 && flags & flag::MAIN == 0 {
        v *= s.off_main;
    }
    if t.in_body {
        v = v.abs() + n;
    }
    v
}

/// The verdict for every block (None = main content).
pub fn extract(page: &Page) -> Vec<Option<Verdict>> {
    extract_page(page).verdicts
}

/// What extraction finds on a page.
pub struct Extraction {
    /// The verdict for every block (None = main content).
    pub verdicts: Vec<Option<Verdict>>,
    /// Every block's dedup scope: 0 for the page, else the record it is a field of (see
    /// [`records`] and [`crate::dedup::within_document_scoped`]). Records that repeat
    /// another's text word for word (a carousel's clones) share its scope.
    pub scopes: Vec<u32>,
    /// The page is a listing: its best element has little prose, or its content is a run of
    /// records. Its items' short lines (dates, "3 days ago", sources) are fields, not
    /// widgets (see [`crate::classify::Classifier::classify_extracted`]).
    pub listing: bool,
}

/// The verdicts and dedup scopes of a page's blocks (see [`Extraction`]).
pub fn extract_page(page: &Page) -> Extraction {
    let blocks = &page.blocks;
    let body = page.article_body.as_deref().map(text::normalize);
    let mut norm = String::new();
    let mut texts: Vec<Text> = (blocks.iter())
        .map(|b| Text::of(b, body.as_deref(), &mut norm))
        .collect();
    let (rec, runs) = records(page);
    for (t, d) in texts.iter_mut().zip(rec) {
        t.record = d > 0;
        t.record_depth = d;
    }
    // Hints on most of the page's content are what the page is about (a forum's posts, a
    // list of products), not widgets around it: they are ignored.
    // Likewise a `<nav>` or `<aside>` around nearly all the page's text: an
    // element left open, not the page's chrome.
    let ignore_flags = dominant_flags(blocks, &texts);
    let raw_scoring = Scoring {
        ignore_flags,
        ..Scoring::RAW
    };
    // Every block's value under one way of scoring.
    let values_by = |s: Scoring| -> Vec<f64> {
        (blocks.iter())
            .zip(&texts)
            .map(|(b, t)| value(b, t, s))
            .collect()
    };
    let raw = values_by(raw_scoring);
    // A hidden popup or modal is not text waiting to be revealed: it does not count towards
    // what dominates the page.
    let raw: Vec<f64> = (blocks.iter().zip(raw))
        .map(|(b, r)| {
            let popup =
                b.flags & flag::HIDDEN != 0 && b.all_hints() & (hint::PROMO | hint::POPUP) != 0;
            if popup { r.min(0.0) } else { r }
        })
        .collect();
    // (Hidden text is weighed on its own below.)
    let mut dominant = dominant_hints(blocks, &raw, 0, 0..blocks.len()) & !hint::HIDDEN;
    // A consent notice is never what a page is about, however much of its content-like text
    // it holds (a listing's short items weigh less than a consent manager's purposes). A
    // cookie class on `<html>` or `<body>` (`cookies-not-set`) is a state of the page, not a
    // notice: only hints below it count here.
    if dominant_hints(blocks, &raw, BODY_DEPTH, 0..blocks.len()) & hint::COOKIE != 0 {
        dominant &= !hint::COOKIE;
    }
    // Nor is a popup or modal, shown over the page on demand: it never decides where the
    // content is. (Popups that hold most of the page's text still stay inside the content
    // found without them: a product card's "notify me" box.)
    let popups = dominant & hint::POPUP;
    dominant &= !hint::POPUP;
    // Nor is a promo bar that writes out one banner per locale or currency ("Free standard
    // shipping on orders $60 CAD+. For more information on shipping rates and timelines,
    // please visit our international page", then the same in €, ¥, kr…): its long lines
    // outweigh a catalogue's short items, but they are variants of one line.
    if dominant & hint::PROMO != 0 && banner_variants(blocks, &raw) {
        dominant &= !hint::PROMO;
    }
    // On a discussion page the replies are content: a list of them beside the post found
    // without them (the opening post alone) is what the page is about. Comments inside the
    // posts (a Q&A site's remarks under each answer) stay comments.
    if page.discussion && dominant & hint::COMMENT == 0 {
        let values = values_by(Scoring {
            ignore: dominant,
            ..raw_scoring
        });
        let comment = |i: &usize| raw[*i] > 0.0 && blocks[*i].all_hints() & hint::COMMENT != 0;
        let total: f64 = (0..blocks.len()).filter(comment).map(|i| raw[i]).sum();
        // With nothing but replies, no post is found without them.
        let (sum, inside) = best_element(page, &values, dominant).map_or((0.0, 0.0), |(sum, e)| {
            (sum, (e.first..e.end).filter(comment).map(|i| raw[i]).sum())
        });
        if total > 0.0 && inside < REPLIES_INSIDE * total && total > REPLIES_WORTH * sum {
            dominant |= hint::COMMENT;
        }
    }
    // Comments that outweigh the article above them are still comments: they are the
    // content only on a thread, a page whose own text is short beside its replies (or that
    // says it is a discussion).
    // Every block's value under `s` with comment blocks at zero: they count for nothing,
    // neither for nor against (the article's paragraphs and the comment list may be children
    // of one element).
    let without_comments = |s: Scoring| -> Vec<f64> {
        (values_by(s).into_iter().zip(blocks))
            .map(|(v, b)| {
                if b.all_hints() & hint::COMMENT != 0 {
                    0.0
                } else {
                    v
                }
            })
            .collect()
    };
    let article_beside_comments = |dominant: u32| {
        let values = without_comments(Scoring {
            ignore: dominant & !hint::COMMENT,
            ..raw_scoring
        });
        !page.discussion
            && best_element(page, &values, dominant).is_some_and(|(sum, e)| {
                e.hints & hint::COMMENT == 0 && sum >= ARTICLE_BESIDE_COMMENTS
            })
    };
    // On a product page, customer reviews are reviews, however much of the page they are
    // (see `Page::product`); not when the hint is on nearly all of its text (a class on a
    // wrapper of the whole page), nor when there is next to nothing else.
    let reviews = page.product
        && !page.discussion
        && {
            let positive: f64 = raw.iter().filter(|v| **v > 0.0).sum();
            let under: f64 = (0..blocks.len())
                .filter(|&i| raw[i] > 0.0 && blocks[i].all_hints() & hint::COMMENT != 0)
                .map(|i| raw[i])
                .sum();
            under < PAGE_WIDE_HINT * positive
        }
        && {
            // Beside a product sheet of some worth (a few sentences or a list of specs, its short
            // lines counted as on a page without prose): with nothing else, the reviews are the
            // page's text.
            let values = without_comments(Scoring {
                ignore: dominant & !hint::COMMENT,
                short: 0.5,
                ..raw_scoring
            });
            best_element(page, &values, dominant).is_some_and(|(sum, _)| sum >= PRODUCT_SHEET)
        };
    if dominant & hint::COMMENT != 0 && (reviews || article_beside_comments(dominant)) {
        dominant &= !hint::COMMENT;
    }
    // Text hidden until a script shows it (a reveal effect, a consent wall) is still the page's
    // content when it is most of it.
    // A hidden copy of the visible text (a page's raw Markdown in a hidden `<pre>`, a
    // second layout for small screens) reveals nothing: it does not count.
    let hidden_at = |i: usize| blocks[i].flags & flag::HIDDEN != 0 && raw[i] > 0.0;
    let hidden: f64 = (0..blocks.len())
        .filter(|&i| hidden_at(i))
        .map(|i| raw[i])
        .sum();
    let positive: f64 = raw.iter().filter(|v| **v > 0.0).sum();
    if hidden > 0.5 * positive {
        let copy = hidden_copies(blocks);
        let hidden: f64 = (0..blocks.len())
            .filter(|&i| hidden_at(i) && !copy[i])
            .map(|i| raw[i])
            .sum();
        if hidden > 0.5 * positive {
            dominant |= hint::HIDDEN;
        }
    }
    // A page that marks its main element with enough text in it: text outside it counts
    // for less (a cookie notice or a footer blurb must not outweigh it).
    let in_main: f64 = (0..blocks.len())
        .filter(|&i| blocks[i].flags & flag::MAIN != 0 && raw[i] > 0.0)
        .map(|i| raw[i])
        .sum();
    let off_main = if in_main >= MAIN_MIN { OFF_MAIN } else { 1.0 };
    let mut scoring = Scoring {
        ignore: dominant,
        ignore_flags,
        short: 0.0,
        off_main,
        records: false,
    };
    let mut values = values_by(scoring);
    let mut best = best_element(page, &values, dominant);
    // A page without prose (a listing, a product sheet, a catalogue): its short items are the
    // content, so they count for, not against, the element that holds them.
    let prose: f64 = best.map_or(0.0, |(_, e)| {
        values[e.first..e.end].iter().filter(|v| **v > 0.0).sum()
    });
    let listing = prose < LISTING_PROSE && !page.article;
    if listing {
        scoring.short = 0.5;
        values = values_by(scoring);
        best = best_element(page, &values, dominant);
    }
    // A page of records (a catalogue, a list of results) whose records are worth most of
    // its best element (a blurb, a cookie notice, a few comments): the records' fields
    // count as content, and the best element is found again.
    let mut use_scopes = false;
    if !runs.is_empty() {
        let rec_values = values_by(Scoring {
            records: true,
            ..scoring
        });
        // Runs whose members are prose (an article's sections) are not records: what the
        // fields add must be most of what the run is worth. Prose is long text: on a listing,
        // the short items' value is not (`listing_prose`).
        let prose_values = if listing {
            values_by(Scoring {
                short: 0.0,
                ..scoring
            })
        } else {
            values.clone()
        };
        let outweigh = (runs.iter()).any(|run| {
            let (mut sum, mut prose) = (0.0, 0.0);
            // On a product page, cards that are each one link are other products' teasers
            // (a recommendation carousel, a grid of the category's products).
            if page.product && run.iter().all(|&k| one_link(page, &page.elements[k])) {
                return false;
            }
            for &k in run {
                let e = &page.elements[k];
                sum += rec_values[e.first..e.end].iter().sum::<f64>();
                prose += prose_values[e.first..e.end]
                    .iter()
                    .filter(|v| **v > 0.0)
                    .sum::<f64>();
            }
            sum > RECORD_OUTWEIGH * best.map_or(0.0, |(s, _)| s) && prose < RECORD_PROSE * sum
        });
        use_scopes = outweigh;
        if outweigh {
            values = rec_values;
            best = best_element(page, &values, dominant);
        }
    }
    let (first, end, depth, cflags, cpath) = match best {
        Some((_, e)) => (e.first, e.end, e.depth, e.flags, page.path(e.node)),
        None => (0, blocks.len(), 0, 0, "html".to_string()),
    };
    // Content split over sibling elements (streamed chunks, a lead and a body side by side)
    // joins the best one when a sibling is worth a good share of it.
    let mut parts = vec![(first, end, cflags)];
    let mut lists: Option<&Element> = None;
    // The sections that joined a service page's best element (see [`sections`]).
    let mut joined: Vec<&Element> = Vec::new();
    let by_node = elements_by_node(page);
    if let Some((sum, e)) = best {
        // Text outside a `<main>` that counts (see above) does not join the text inside it.
        let within = if off_main < 1.0 { flag::MAIN } else { 0 };
        parts.extend(siblings(page, &by_node, &values, e, sum, within));
        // One level up too: the best element may be the one child of a chunk whose
        // siblings are the other chunks.
        let parent = e.node.and_then(|n| page.doc.tree.get(n)?.parent());
        if let Some(up) = parent.and_then(|p| by_node.get(&p.id())) {
            parts.extend(siblings(page, &by_node, &values, up, sum, within));
        }
        // A service or landing page: the best element is one section among several that the
        // reference keeps (an offer, its benefits, a how-it-works). When the best element
        // holds a small share of the page's content-like text and is not a run of records,
        // the sections beside it and beside its ancestors join it (see [`sections`]).
        let page_pos: f64 = values.iter().filter(|v| **v > 0.0).sum();
        let pick_pos: f64 = values[e.first..e.end].iter().filter(|v| **v > 0.0).sum();
        if !use_scopes && pick_pos < SERVICE_SHARE * page_pos {
            joined = sections(page, &by_node, &texts, e, within);
            parts.extend(joined.iter().map(|s| (s.first, s.end, s.flags)));
        }
        // A page whose content is lists of links (an index, a category's members): the best
        // element is the short intro above them (or one of the lists), and the element around
        // both is the content. Also when JSON-LD says the page is an article (an encyclopedia
        // says so of its list pages): little prose is what counts.
        if prose < LISTING_PROSE && !page.discussion {
            lists = link_lists(page, &by_node, e, dominant);
            if let Some(a) = lists {
                parts.push((a.first, a.end, a.flags));
            }
        }
    }
    let inside = |i: usize| parts.iter().any(|&(a, b, _)| i >= a && i < b);
    let flags_at = |i: usize| {
        (parts.iter())
            .find(|&&(a, b, _)| i >= a && i < b)
            .map_or(0, |p| p.2)
    };
    // Hints on most of the main content's own text are what it is about too; comments the
    // same way as above: not when an article worth its name stands beside them.
    let mut ignore = dominant | popups | dominant_hints(blocks, &raw, depth, first..end);
    if ignore & !dominant & hint::COMMENT != 0 && (reviews || article_beside_comments(ignore)) {
        ignore &= !hint::COMMENT;
    }
    // Text that does not show yet holding most of the page is the page waiting for a script
    // (words split into spans a reveal effect shows one by one), not screen-reader labels.
    let unseen_chars: usize = (blocks.iter())
        .filter(|b| b.flags & flag::UNSEEN != 0)
        .map(|b| b.chars)
        .sum();
    let all_chars: usize = blocks.iter().map(|b| b.chars).sum();
    let unseen_page = unseen_chars as f64 > UNSEEN_PAGE * all_chars as f64;
    let mut v: Vec<Option<Verdict>> = vec![None; blocks.len()];
    let outside = format!("outside the main content ({cpath})");
    for (i, b) in blocks.iter().enumerate() {
        if b.flags & flag::HIDDEN != 0 && dominant & hint::HIDDEN == 0 {
            v[i] = Some(verdict(
                page,
                "hidden",
                HIDDEN,
                b,
                "inside a hidden element (hidden, aria-hidden or display:none)".into(),
            ));
            continue;
        }
        if b.flags & flag::PRE == 0 && is_fallback_tag(&b.text) {
            v[i] = Some(verdict(
                page,
                "hidden",
                FALLBACK_TAG,
                b,
                "an <img>, <link>, <iframe> or <script> tag written out as text (a page saved \
                 with scripts on keeps its <noscript> fallbacks escaped)"
                    .into(),
            ));
            continue;
        }
        if !inside(i) {
            let (reason, _) = kind_of(b, 0, 0);
            v[i] = Some(verdict(page, reason, OUTSIDE, b, outside.clone()));
            continue;
        }
        let below = b.flags & !flags_at(i) & !ignore_flags;
        if below & (flag::NAV | flag::ASIDE | flag::FOOTER) != 0 {
            let (reason, _) = kind_of(b, depth, ignore);
            let what = if below & flag::NAV != 0 {
                "nav"
            } else if below & flag::ASIDE != 0 {
                "aside"
            } else {
                "footer"
            };
            v[i] = Some(verdict(
                page,
                reason,
                SEMANTIC,
                b,
                format!("inside a <{what}> within the main content"),
            ));
            continue;
        }
        // Beside the intro, in the lists around it: hints below the lists' element count.
        let in_lists = lists.filter(|a| (i < first || i >= end) && i >= a.first && i < a.end);
        // A record's field answers for its record's hints only (see `value`).
        // In a section that joined the best element: hints below the section count (a promo
        // box in it goes, the page wrapper's classes do not name it).
        let in_section = (i < first || i >= end)
            .then(|| joined.iter().find(|s| i >= s.first && i < s.end))
            .flatten();
        let (reason, word) = if let Some(a) = in_lists {
            kind_of(b, a.depth, ignore)
        } else if let Some(s) = in_section {
            kind_of(b, s.depth, ignore)
        } else if use_scopes && texts[i].record && texts[i].record_depth > 1 {
            // Wrapper hints given only above the record do not name it.
            let inner = b.hints_below(depth.max(texts[i].record_depth - 1));
            kind_of(b, depth, ignore | (WRAPPER_HINTS & !inner))
        } else {
            kind_of(b, depth, ignore)
        };
        if let Some(word) = word {
            v[i] = Some(verdict(
                page,
                reason,
                CLASS_HINT,
                b,
                format!("inside an element whose class or id says {word:?}"),
            ));
            continue;
        }
        if let Some((reason, rule, detail)) =
            inner_chrome(page, b, &texts[i], below, depth, listing)
        {
            v[i] = Some(verdict(page, reason, rule, b, detail.into()));
            continue;
        }
        if b.link_density() > 0.8
            && b.flags & flag::HEADING == 0
            && values[i] < 0.0
            && (in_lists.is_none() || b.flags & flag::LIST == 0)
        {
            v[i] = Some(verdict(
                page,
                "navigation",
                LINK_LIST,
                b,
                format!("{:.0}% of its text is links", 100.0 * b.link_density()),
            ));
            continue;
        }
        // Nothing of the block shows: an icon button's label for screen readers ("Save this
        // event: …", "Close"), a heading only they read. No one who looks at the page reads it.
        if b.flags & flag::UNSEEN != 0 && b.flags & flag::TABLE == 0 && !unseen_page {
            v[i] = Some(verdict(
                page,
                "interface",
                UNSEEN,
                b,
                "only text sighted readers never see (screen-reader-only or hidden inline \
                 elements)"
                    .into(),
            ));
            continue;
        }
        // Buttons, labels and drop-down lists inside the main content ("Add to cart",
        // "Quantity", a currency picker): a block made of them, with links or alone, is
        // interface, judged like a link list (only text that does not already read as
        // content goes).
        if b.control_chars > 0
            && b.control_density() > 0.8
            && b.flags & flag::HEADING == 0
            && values[i] < 0.0
        {
            v[i] = Some(verdict(
                page,
                "interface",
                CONTROLS,
                b,
                format!(
                    "{:.0}% of its text is buttons, labels, drop-down lists or links",
                    100.0 * b.control_density()
                ),
            ));
        }
    }
    // Captions named by class that make a large share of the text are the text (a recipe's
    // step photos, a photo essay): they stay.
    let class_caption = |v: &Option<Verdict>| v.as_ref().is_some_and(|v| v.rule == CLASS_CAPTION);
    let captions: f64 = (0..blocks.len())
        .filter(|&i| class_caption(&v[i]))
        .map(|i| texts[i].words)
        .sum();
    if captions > 0.0 {
        let kept: f64 = (0..blocks.len())
            .filter(|&i| v[i].is_none())
            .map(|i| texts[i].words)
            .sum();
        if captions > CAPTION_SHARE * (kept + captions) {
            for x in v.iter_mut().filter(|x| class_caption(x)) {
                *x = None;
            }
        }
    }
    shop_related(page, &mut v, &parts);
    // Other products' cards on a product page; also when its records are its content (a
    // sheet of spec rows beside carousels of other products): the cards' share of the
    // content's words still tells a catalogue that says it is a product (see `shop_cards`).
    if page.product {
        shop_cards(page, &by_node, &mut v);
    }
    if !page.product && !page.discussion && !listing && !use_scopes {
        post_cards(page, &by_node, &mut v);
    }
    // Not on an article: its records with a card at their head are its items (a ranked list
    // of colleges with their place and kind above each description, product picks).
    if !page.article {
        poster_cards(page, &by_node, &runs, &mut v);
    }
    drop_title(page, &mut v, first, end);
    if page.discussion {
        drop_vote_counts(page, &mut v);
    }
    if !listing && !page.discussion {
        drop_datelines(page, &texts, &mut v, first, end);
    }
    screen_copies(page, &mut v);
    Extraction {
        verdicts: v,
        // Records in prose (an article's table of plans, a report's rows of costs) are
        // dedup scopes too; not a thread's posts or a product's cards.
        scopes: if use_scopes || !page.discussion && !page.product {
            record_scopes(page, &runs, use_scopes)
        } else {
            Vec::new()
        },
        listing: listing || use_scopes || records_hold(page, &runs, first, end),
    }
}

/// Removes the copies of the kept text written out for other screen sizes (see
/// [`crate::screen`]): elements hidden at a desktop width whose text is mostly in the kept
/// blocks not hidden so. One whose original goes for another reason (a poster's card beside
/// each post, with its phone copy above the post) stays.
fn screen_copies(page: &Page, v: &mut [Option<Verdict>]) {
    if page.screen_roots.is_empty() {
        return;
    }
    let blocks = &page.blocks;
    let copies = crate::screen::copies(blocks, |i| v[i].is_none(), &page.screen_roots);
    for (a, z) in copies {
        for i in a..z {
            if v[i].is_none() {
                v[i] = Some(verdict(
                    page,
                    "hidden",
                    SCREEN_COPY,
                    &blocks[i],
                    "a copy of the kept text for other screen sizes (hidden at a desktop width)"
                        .into(),
                ));
            }
        }
    }
}

/// The dedup scope of every block (see [`Extraction::scopes`]).
fn record_scopes(page: &Page, runs: &[Vec<usize>], content: bool) -> Vec<u32> {
    let mut scopes = vec![0u32; page.blocks.len()];
    let mut by_text: HashMap<String, u32> = HashMap::default();
    let mut key = String::new();
    let mut in_members: HashMap<&str, (usize, usize)> = HashMap::default();
    // Runs are in closing order: inner runs first, and a block keeps the innermost record.
    for run in runs {
        // The record's template: text in nearly every record of the run ("Add to cart",
        // "Quick view") is not a field; it stays in the page's scope, and its copies go.
        // A label ("Weight:") is the template too, but it names the field after it.
        in_members.clear();
        for (m, &k) in run.iter().enumerate() {
            let e = &page.elements[k];
            for b in &page.blocks[e.first..e.end] {
                let c = in_members.entry(b.text.as_str()).or_insert((0, usize::MAX));
                if c.1 != m {
                    *c = (c.0 + 1, m);
                }
            }
        }
        // A sentence in every record is a field too where the records are the content (a
        // coupon's terms); in cards beside prose it is the cards' stock line ("Prices are
        // accurate as of the time of publication.", "Free delivery on orders over $50.").
        let field = |t: &str| {
            t.ends_with(':')
                || content
                    && t.ends_with(['.', '!', '?'])
                    && t.split_whitespace().count() >= TEMPLATE_WORDS
        };
        let template = |t: &str| {
            !field(t)
                && in_members
                    .get(t)
                    .is_some_and(|c| c.0 as f64 >= TEMPLATE * run.len() as f64)
        };
        for &k in run {
            let e = &page.elements[k];
            // Keyed on its fields: the same cards written out again for another screen size
            // (a grid, then a carousel without its buttons) share their scopes, and the
            // second copy goes.
            key.clear();
            for b in &page.blocks[e.first..e.end] {
                if !template(&b.text) {
                    key.push_str(&b.text);
                    key.push('\n');
                }
            }
            let next = by_text.len() as u32 + 1;
            let scope = *by_text.entry(key.clone()).or_insert(next);
            for i in e.first..e.end {
                // A quote repeats what it quotes: it stays in the page's scope.
                let b = &page.blocks[i];
                if scopes[i] == 0 && b.flags & flag::BLOCKQUOTE == 0 && !template(&b.text) {
                    scopes[i] = scope;
                }
            }
        }
    }
    scopes
}

/// Share of a run's records a text must be in to be the records' template (see
/// [`record_scopes`]).
const TEMPLATE: f64 = 0.8;

/// Fewest words of a sentence in nearly every record that is a field all the same, not the
/// records' template (see [`record_scopes`]): a coupon's terms ("Must be presented before
/// start of work.") repeated in each coupon, unlike a button ("Add to cart") or a rating's
/// labels ("1 of 5 stars").
const TEMPLATE_WORDS: usize = 6;

/// Hints that, on an element around a whole run of records, do not name its records (see
/// [`value`]): a page part's structure ("pagination", "menu", "sidebar", "related", a
/// breadcrumb's box), unlike a widget's kind (comments and reviews, a promo, a consent
/// notice, an ad, a share bar).
const WRAPPER_HINTS: u32 = hint::NAV | hint::CHROME | hint::RELATED | hint::BREADCRUMB;

/// What a field of a repeated record is worth (see [`records`]): its words that are not
/// links; a linked title of a few words counts half, a short link (a button, an author's
/// name) nothing, and so do its form controls (a size selector, a quantity).
fn record_value(b: &Block, n: f64, ld: f64) -> f64 {
    if b.flags & flag::FORM != 0 {
        0.0
    } else if ld <= RECORD_LINKS {
        n * (1.0 - ld)
    } else if n >= 3.0 {
        0.5 * n
    } else {
        0.0
    }
}

/// Most of a discussion's reply text the post found without replies may hold for the replies
/// beside it to be the page's content (see [`extract_page`]).
const REPLIES_INSIDE: f64 = 0.5;

/// Least value a discussion's replies beside its post must have, as a share of the post's.
const REPLIES_WORTH: f64 = 0.5;

/// Largest share of a page's characters its blocks of unseen text may hold for them to go as
/// [`UNSEEN`] (more: a reveal effect's hidden words, the page itself).
const UNSEEN_PAGE: f64 = 0.5;

/// Share of the best element's value a run of records must be worth to be the content (see
/// [`extract`]): the best element with the records' fields counted then decides.
const RECORD_OUTWEIGH: f64 = 0.6;

/// Most of a run of records' value its prose may make up (see [`extract`]).
const RECORD_PROSE: f64 = 0.5;

/// Largest share of a run of records' text one record may have.
const RECORD_LARGEST: f64 = 0.6;

/// Fewest siblings of the same shape that make a run of records.
const MIN_RECORDS: usize = 3;

/// Most link text a run of records may have (a menu, a footer's columns are more links).
const RECORD_LINKS: f64 = 0.5;

/// Fewest records of a run outside the page's chrome that may be more links (see
/// [`MANY_RECORD_LINKS`]).
const MANY_RECORDS: usize = 6;

/// Most link text such a run may have (see [`records`]).
const MANY_RECORD_LINKS: f64 = 0.75;

/// Hints and [`flag`]s on a field that make its run part of the page's chrome (see
/// [`MANY_RECORDS`]): navigation, a sidebar, a header or footer, related links.
const RUN_CHROME_HINTS: u32 = hint::NAV | hint::CHROME | hint::RELATED;
const RUN_CHROME_FLAGS: u32 = flag::NAV | flag::ASIDE | flag::FOOTER | flag::HEADER;

/// Fewest blocks a record has on average: a title and a field (one-block items are a list).
const RECORD_BLOCKS: f64 = 2.0;

/// The blocks that are fields of repeated records: product cards, listing items, table rows
/// of a catalogue. A run of records is at least [`MIN_RECORDS`] sibling elements of the same
/// tag and first class, each holding [`RECORD_BLOCKS`] blocks or more on average, with
/// mostly text that is not links (a quarter, for [`MANY_RECORDS`] outside the page's
/// chrome). Their short fields (a price, a date, a one-line summary)
/// are what such a page is about: they count as content (see [`record_value`]), while
/// menus (one link per item) and footers' link columns do not qualify.
/// Returns, for every block, the depth of the outermost record it is a field of (0: none);
/// and the runs, as lists of indices in [`Page::elements`].
fn records(page: &Page) -> (Vec<u32>, Vec<Vec<usize>>) {
    let els = &page.elements;
    let mut rec = vec![0u32; page.blocks.len()];
    let mut runs = Vec::new();
    // Elements are in closing order: children close before their parent, so the children
    // of an element are the elements on the stack, inside its range, when it closes.
    let mut stack: Vec<usize> = Vec::new();
    let mut kids: Vec<usize> = Vec::new();
    let mut groups: Shapes<usize> = Shapes::default();
    for (j, e) in els.iter().enumerate() {
        kids.clear();
        while let Some(&k) = stack.last() {
            if els[k].first >= e.first && els[k].end <= e.end && els[k].depth > e.depth {
                kids.push(k);
                stack.pop();
            } else {
                break;
            }
        }
        stack.push(j);
        if kids.len() < MIN_RECORDS {
            continue;
        }
        groups.clear();
        for &k in &kids {
            let Some(el) = els[k]
                .node
                .and_then(|n| page.doc.tree.get(n))
                .and_then(|n| n.value().as_element())
            else {
                continue;
            };
            // Unnamed wrappers (a page's top-level `<div>`s) say nothing about their shape.
            if crate::html::first_class(el).is_none() && matches!(el.name(), "div" | "section") {
                continue;
            }
            group_by_shape(&mut groups, el, k);
        }
        for (_, members) in &groups {
            if members.len() < MIN_RECORDS {
                continue;
            }
            let (mut blocks, mut chars, mut links, mut largest) = (0usize, 0usize, 0usize, 0usize);
            for &k in members {
                let (mut own, mut linked) = (0, 0);
                for b in &page.blocks[els[k].first..els[k].end] {
                    blocks += 1;
                    own += b.chars;
                    linked += b.link_chars;
                }
                // A card that is one link (`<a href><h3>…</h3><p>…</p></a>`) links to itself:
                // its text is its fields, not a list of links; so does one wrapped in a link
                // beside a short one (a company's profile: see [`card_link`]).
                if linked > 0 && (one_link(page, &els[k]) || card_link(page, &els[k])) {
                    linked = 0;
                }
                links += linked;
                chars += own;
                largest = largest.max(own);
            }
            let per = blocks as f64 / members.len() as f64;
            // A long run outside the page's chrome may be more links: cards whose title,
            // brand and place are each a link (a best-seller list, a grid of events).
            let most_links = if members.len() >= MANY_RECORDS
                && members.iter().all(|&k| {
                    page.blocks[els[k].first..els[k].end].iter().all(|b| {
                        b.all_hints() & RUN_CHROME_HINTS == 0 && b.flags & RUN_CHROME_FLAGS == 0
                    })
                }) {
                MANY_RECORD_LINKS
            } else {
                RECORD_LINKS
            };
            // Records are alike: none of them is most of the run.
            if per < RECORD_BLOCKS
                || links as f64 > most_links * chars as f64
                || largest as f64 > RECORD_LARGEST * chars as f64
            {
                continue;
            }
            for &k in members {
                for d in &mut rec[els[k].first..els[k].end] {
                    // Runs close inner first: an outer record's depth replaces an inner's.
                    *d = els[k].depth;
                }
            }
            runs.push(members.clone());
        }
    }
    (rec, runs)
}

/// Siblings grouped by shape: tag name and first class, in the order each shape first
/// comes, with an index by shape once there are more than [`SHAPES_SCAN`] (a parent of
/// thousands of children, each of a class of its own, is not searched once per child).
struct Shapes<'a, T> {
    groups: Vec<((&'a str, &'a str), Vec<T>)>,
    index: HashMap<(&'a str, &'a str), usize>,
}

/// Shapes [`group_by`] searches one by one before it indexes them.
const SHAPES_SCAN: usize = 16;

impl<T> Default for Shapes<'_, T> {
    fn default() -> Self {
        Shapes {
            groups: Vec::new(),
            index: HashMap::default(),
        }
    }
}

impl<T> Shapes<'_, T> {
    fn clear(&mut self) {
        self.groups.clear();
        self.index.clear();
    }
}

impl<'s, 'a, T> IntoIterator for &'s Shapes<'a, T> {
    type Item = &'s ((&'a str, &'a str), Vec<T>);
    type IntoIter = std::slice::Iter<'s, ((&'a str, &'a str), Vec<T>)>;
    fn into_iter(self) -> Self::IntoIter {
        self.groups.iter()
    }
}

/// Adds `item`, for sibling element `el`, to the group of its shape in `groups` (see
/// [`records`] and [`shop_cards`]).
fn group_by_shape<'a, T>(groups: &mut Shapes<'a, T>, el: &'a scraper::node::Element, item: T) {
    group_by(groups, el, item, false);
}

/// [`group_by_shape`], or with `written` by tag name and the class written first: a blog
/// theme's post cards share their first class (`elementor-post`) but not the smallest one,
/// which names each post's category (`category-announcements`).
fn group_by<'a, T>(
    groups: &mut Shapes<'a, T>,
    el: &'a scraper::node::Element,
    item: T,
    written: bool,
) {
    let class = if written {
        el.attr("class")
            .and_then(|c| c.split_ascii_whitespace().next())
    } else {
        crate::html::first_class(el)
    };
    let shape = (el.name(), class.unwrap_or(""));
    // A few shapes are searched in order; past SHAPES_SCAN of them, by the index.
    let found = if groups.groups.len() <= SHAPES_SCAN {
        groups.groups.iter().position(|g| g.0 == shape)
    } else {
        if groups.index.is_empty() {
            for (g, (s, _)) in groups.groups.iter().enumerate() {
                groups.index.insert(*s, g);
            }
        }
        groups.index.get(&shape).copied()
    };
    match found {
        Some(g) => groups.groups[g].1.push(item),
        None => {
            if !groups.index.is_empty() {
                groups.index.insert(shape, groups.groups.len());
            }
            groups.groups.push((shape, vec![item]));
        }
    }
}

/// Whether a text holds a price: a currency sign right before or after a digit ("$12.99",
/// "12,99 €").
fn has_price(t: &str) -> bool {
    let cur = |c: char| matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₩' | '₪');
    let mut prev = ' ';
    let mut before = ' ';
    for c in t.chars() {
        if (cur(prev) && c.is_ascii_digit())
            || (cur(c) && (prev.is_ascii_digit() || (prev == ' ' && before.is_ascii_digit())))
        {
            return true;
        }
        before = prev;
        prev = c;
    }
    false
}

/// Marks the blocks `r` still kept in `v` as `related` by `rule`, with `detail`.
fn mark_kept(
    page: &Page,
    v: &mut [Option<Verdict>],
    r: std::ops::Range<usize>,
    rule: &str,
    detail: &str,
) {
    for k in r {
        if v[k].is_none() {
            v[k] = Some(verdict(
                page,
                "related",
                rule,
                &page.blocks[k],
                detail.into(),
            ));
        }
    }
}

/// Words of the blocks `r` still kept in `v`.
fn kept_words(page: &Page, v: &[Option<Verdict>], r: std::ops::Range<usize>) -> usize {
    r.filter(|&k| v[k].is_none())
        .map(|k| page.blocks[k].text.split_whitespace().count())
        .sum()
}

/// Calls `f(class, members)` for every run of at least [`MIN_RECORDS`] sibling elements of
/// one shape (tag and first class, see [`group_by_shape`]) under any element of the page;
/// with `written`, the first class is the one written first in the attribute, not the
/// smallest.
fn for_each_sibling_run<'p>(
    page: &'p Page,
    by_node: &HashMap<ego_tree::NodeId, &'p Element>,
    written: bool,
    mut f: impl FnMut(&str, &[&'p Element]),
) {
    let mut groups: Shapes<&Element> = Shapes::default();
    for parent in &page.elements {
        let Some(node) = parent.node.and_then(|n| page.doc.tree.get(n)) else {
            continue;
        };
        groups.clear();
        for c in node.children() {
            let (Some(el), Some(ce)) = (c.value().as_element(), by_node.get(&c.id())) else {
                continue;
            };
            group_by(&mut groups, el, ce, written);
        }
        for ((_, class), members) in &groups {
            if members.len() >= MIN_RECORDS {
                f(class, members);
            }
        }
    }
}

/// On a product page, a run of other products' cards inside the main content (a carousel
/// of accessories, "featured products", a "shop the look" strip): at least [`MIN_RECORDS`]
/// sibling elements of one tag and first class, three in four of them cards: short
/// ([`CARD_WORDS`]), with a link and a price, not naming the product (the page title's
/// name). Not when the cards hold more than [`CARD_SHARE`] of the content's words: then
/// they are what the page is about (a category page that says it is a product).
fn shop_cards(
    page: &Page,
    by_node: &HashMap<ego_tree::NodeId, &Element>,
    v: &mut [Option<Verdict>],
) {
    let (title, longest) = product_name(page);
    let words = |v: &[Option<Verdict>], r| kept_words(page, v, r);
    for_each_sibling_run(page, by_node, false, |_, members| {
        let card = |e: &Element| {
            let blocks = &page.blocks[e.first..e.end];
            let names_product = blocks.iter().any(|b| {
                let t = text::normalize(&b.text);
                t.split(' ').count() >= 3
                    && (title.contains(&t) || longest.as_deref().is_some_and(|n| t.contains(n)))
            });
            (e.first..e.end).any(|k| v[k].is_none())
                && !names_product
                && words(v, e.first..e.end) <= CARD_WORDS
                && blocks.iter().any(|b| b.link_chars > 0)
                && blocks.iter().any(|b| has_price(&b.text))
        };
        if 4 * members.iter().filter(|e| card(e)).count() < 3 * members.len() {
            return;
        }
        let cards: usize = members.iter().map(|e| words(v, e.first..e.end)).sum();
        if cards as f64 > CARD_SHARE * words(v, 0..page.blocks.len()) as f64 {
            return;
        }
        for e in members {
            mark_kept(
                page,
                v,
                e.first..e.end,
                SHOP_CARDS,
                "a card of another product (a link and a price) in a run of them on a product page",
            );
        }
    });
}

/// Below an article, a run of other posts' cards inside the main content (a "more from the
/// blog" strip, a grid of next reads without a header): at least [`MIN_RECORDS`] sibling
/// elements of one tag and first class (the class written first, `elementor-post`, not the
/// smallest, which may differ per post), three in four of them cards: short
/// ([`POST_CARD_WORDS`]; [`POST_TEASER_WORDS`] for a teaser, dated or with its lead cut off
/// with an ellipsis), with a link among their first two lines (the post's title; a date may
/// come first). Only below the article's last paragraph ([`POST_CARD_PARAGRAPH`] words or
/// more, outside the cards), and not when they hold more than [`POST_CARD_SHARE`] of the
/// content's words ([`POST_TEASER_SHARE`] when three in four are teasers). The strip's
/// heading right above the first card ([`POST_CARDS_HEADING`] words at most) goes with them.
fn post_cards(
    page: &Page,
    by_node: &HashMap<ego_tree::NodeId, &Element>,
    v: &mut [Option<Verdict>],
) {
    let wc = |k: usize| page.blocks[k].text.split_whitespace().count();
    let words = |v: &[Option<Verdict>], r| kept_words(page, v, r);
    let mut found: Vec<(usize, usize, bool)> = Vec::new();
    // A teaser that says it is one (a date line, or a lead cut off with an ellipsis) may
    // carry a whole excerpt (WordPress cuts them at 55 words).
    let teaser = |e: &Element| {
        (e.first..e.end).filter(|&k| v[k].is_none()).any(|k| {
            let t = page.blocks[k].text.trim_end();
            t.ends_with("...")
                || t.ends_with('…')
                || (wc(k) <= TEASER_DATE_WORDS && date_pattern().is_match(t))
        })
    };
    let card_words = |e: &Element| {
        if teaser(e) {
            POST_TEASER_WORDS
        } else {
            POST_CARD_WORDS
        }
    };
    // A documentation page's sections (`<section id=…>` with a linked heading) have no
    // class; a theme's cards do.
    for_each_sibling_run(page, by_node, true, |class, members| {
        if class.is_empty() {
            return;
        }
        // The title is a link among the card's first two lines (a date may come first).
        let card = |e: &Element| {
            (e.first..e.end)
                .filter(|&k| v[k].is_none())
                .take(2)
                .any(|k| page.blocks[k].link_density() >= 0.5 && wc(k) >= 2)
                && words(v, e.first..e.end) <= card_words(e)
        };
        if 4 * members.iter().filter(|e| card(e)).count() < 3 * members.len() {
            return;
        }
        let (a, z) = (members[0].first, members[members.len() - 1].end);
        let teasers = 4 * members.iter().filter(|e| teaser(e)).count() >= 3 * members.len();
        found.push((a, z, teasers));
    });
    let total = words(v, 0..page.blocks.len());
    for (a, z, teasers) in found {
        let cards = words(v, a..z);
        let below = (0..a).any(|k| v[k].is_none() && wc(k) >= POST_CARD_PARAGRAPH)
            && !(z..page.blocks.len()).any(|k| v[k].is_none() && wc(k) >= POST_CARD_PARAGRAPH);
        let share = if teasers {
            POST_TEASER_SHARE
        } else {
            POST_CARD_SHARE
        };
        if !below || cards as f64 > share * total as f64 {
            continue;
        }
        let prose: usize = (0..a)
            .filter(|&k| v[k].is_none() && wc(k) >= POST_CARD_PARAGRAPH)
            .map(wc)
            .sum();
        if prose < POST_CARD_PROSE {
            continue;
        }
        mark_kept(
            page,
            v,
            a..z,
            POST_CARDS,
            "a card of another post (a linked title and a short lead) in a run of them below the article",
        );
        // The strip's own heading ("Blog", "More from us") right above its first card.
        if let Some(h) = (0..a).rev().find(|&k| v[k].is_none())
            && page.blocks[h].flags & flag::HEADING != 0
            && wc(h) <= POST_CARDS_HEADING
        {
            v[h] = Some(verdict(
                page,
                "related",
                POST_CARDS,
                &page.blocks[h],
                "the heading right above a run of other posts' cards".into(),
            ));
        }
    }
}

/// Most words a card of another post has (see [`post_cards`]).
const POST_CARD_WORDS: usize = 60;

/// Most words a card of another post has when it is dated or its lead is cut off with an
/// ellipsis (see [`post_cards`]).
const POST_TEASER_WORDS: usize = 80;

/// Most words of a card's date line (see [`post_cards`]).
const TEASER_DATE_WORDS: usize = 12;

/// Most words of the heading right above a run of [`post_cards`] that goes with it.
const POST_CARDS_HEADING: usize = 6;

/// Fewest words of the article's paragraph that [`post_cards`] must come after.
const POST_CARD_PARAGRAPH: usize = 30;

/// Fewest words of paragraphs above a run of [`post_cards`]: an article's, not a listing's
/// intro.
const POST_CARD_PROSE: usize = 200;

/// Largest share of the content's words a run of other posts' cards may hold.
const POST_CARD_SHARE: f64 = 0.3;

/// Largest share of the content's words a run of other posts' teasers (dated, or with leads
/// cut off) may hold (see [`post_cards`]).
const POST_TEASER_SHARE: f64 = 0.5;

/// Most words a card of another product has (see [`shop_cards`]).
const CARD_WORDS: usize = 70;

/// Largest share of the content's words a run of other products' cards may hold.
const CARD_SHARE: f64 = 0.6;

/// Whether a run of records lies inside blocks `first..end` and holds most of their text
/// (a list of teasers with their leads: records, even when their prose outweighs their
/// fields).
fn records_hold(page: &Page, runs: &[Vec<usize>], first: usize, end: usize) -> bool {
    let total: usize = page.blocks[first..end].iter().map(|b| b.chars).sum();
    runs.iter().any(|run| {
        let inside = (run.iter()).all(|&k| {
            let e = &page.elements[k];
            e.first >= first && e.end <= end
        });
        let chars: usize = (run.iter())
            .flat_map(|&k| &page.blocks[page.elements[k].first..page.elements[k].end])
            .map(|b| b.chars)
            .sum();
        inside && chars as f64 > RECORDS_HOLD * total as f64
    })
}

/// Share of the main content's text a run of records inside it must hold for the page to
/// be a listing (see [`records_hold`]).
const RECORDS_HOLD: f64 = 0.5;

/// The page's elements by their DOM node.
fn elements_by_node(page: &Page) -> HashMap<ego_tree::NodeId, &Element> {
    (page.elements.iter())
        .filter_map(|el| el.node.map(|n| (n, el)))
        .collect()
}

/// Whether element `e` holds exactly one link with text.
fn one_link(page: &Page, e: &Element) -> bool {
    let Some(node) = e.node.and_then(|n| page.doc.tree.get(n)) else {
        return false;
    };
    let mut n = 0;
    for d in node.descendants() {
        // A link without text (a product image's) links to the card too.
        if d.value().as_element().is_some_and(|el| el.name() == "a")
            && (d.descendants()).any(|t| t.value().as_text().is_some_and(|t| !t.trim().is_empty()))
        {
            n += 1;
            if n > 1 {
                return false;
            }
        }
    }
    n == 1
}

/// Whether element `e` is a card wrapped in a link of its own: one of its links wraps two
/// block elements or more (a title and a line) and holds at least [`CARD_LINK`] of its
/// text, whatever other short links it has (a job card linked to the job, with a link to
/// the company's profile beside it).
fn card_link(page: &Page, e: &Element) -> bool {
    let Some(node) = e.node.and_then(|n| page.doc.tree.get(n)) else {
        return false;
    };
    let chars = |n: ego_tree::NodeRef<'_, scraper::Node>| -> usize {
        (n.descendants())
            .filter_map(|t| t.value().as_text())
            .map(|t| t.trim().chars().count())
            .sum()
    };
    // The link wraps the card's fields: two block elements or more (a title and a line).
    let wraps = |a: ego_tree::NodeRef<'_, scraper::Node>| {
        (a.descendants())
            .filter(|d| {
                d.value().as_element().is_some_and(|el| {
                    matches!(
                        el.name(),
                        "div" | "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dd"
                    )
                })
            })
            .nth(1)
            .is_some()
    };
    let mut most = 0;
    for d in node.descendants() {
        if d.value().as_element().is_some_and(|el| el.name() == "a") && wraps(d) {
            most = most.max(chars(d));
        }
    }
    most > 0 && most as f64 >= CARD_LINK * chars(node) as f64
}

/// Least share of a card's text its own link holds (see [`card_link`]).
const CARD_LINK: f64 = 0.75;

/// Below this much prose (weighted words of long, low-link blocks) in the best element, a
/// page is read as a listing (see [`extract`]), unless JSON-LD says it is an article
/// (`Page::article`).
const LISTING_PROSE: f64 = 300.0;

/// Content-like text a `<main>` element must hold to count (see [`extract`]).
const MAIN_MIN: f64 = 40.0;

/// What text outside such a `<main>` is worth, as a share of its value.
const OFF_MAIN: f64 = 0.5;

/// What the best element apart from the comments must be worth for a page's comments to
/// stay comments when they are most of its text (see [`extract`]).
const ARTICLE_BESIDE_COMMENTS: f64 = 300.0;

/// What the best element apart from the reviews must be worth on a product page for its
/// reviews to stay reviews (see [`extract`]).
const PRODUCT_SHEET: f64 = 40.0;

/// Share of a page's content-like text above which a comment hint is on the whole page (a
/// class on its wrapper), not on a list of reviews (see [`extract`]).
const PAGE_WIDE_HINT: f64 = 0.95;

/// Share of the best element's value a sibling must have to join the main content.
const SIBLING_SHARE: f64 = 0.1;

/// The siblings of element `e` (worth `sum`) that join it: `(first, end, flags)` of each.
/// The [`flag`]s in `within` that `e` has, a sibling must have too.
fn siblings(
    page: &Page,
    by_node: &HashMap<ego_tree::NodeId, &Element>,
    values: &[f64],
    e: &Element,
    sum: f64,
    within: u32,
) -> Vec<(usize, usize, u32)> {
    let Some(parent) = e.node.and_then(|n| page.doc.tree.get(n)?.parent()) else {
        return Vec::new();
    };
    let bad = flag::NAV | flag::ASIDE | flag::FOOTER | flag::HIDDEN;
    let mut out = Vec::new();
    for child in parent.children() {
        if Some(child.id()) == e.node {
            continue;
        }
        let Some(&s) = by_node.get(&child.id()) else {
            continue;
        };
        let worth: f64 = values[s.first..s.end].iter().sum();
        if worth > SIBLING_SHARE * sum
            && s.flags & bad == 0
            && s.hints & BAD_HINTS == 0
            && s.flags & within & e.flags == within & e.flags
        {
            out.push((s.first, s.end, s.flags));
        }
    }
    out
}

/// Most levels of ancestors of the best element looked at for lists of links (see
/// [`link_lists`]).
const LIST_LEVELS: usize = 6;

/// Fewest link items (list items mostly of link text) beside the best element.
const LIST_ITEMS: usize = 5;

/// Least share of the text beside the best element (headings aside) the link items hold.
const LIST_SHARE: f64 = 0.7;

/// Least text of the link items, as a multiple of the best element's text that is not such
/// items.
const LIST_OUTWEIGH: f64 = 2.0;

/// On a page with little prose (see [`LISTING_PROSE`]), the element around the best one
/// (up to [`LIST_LEVELS`] levels up) whose other text is lists of links: an index or a
/// category page, whose best element is the short intro above its lists. Beside the best
/// element, the element holds at least [`LIST_ITEMS`] list items that are mostly links, with [`LIST_SHARE`] of the text
/// (headings aside) and [`LIST_OUTWEIGH`] times the best element's text that is not such
/// items; it is outside navigation, sidebars, headers and footers, and blocks with a class
/// hint of chrome count against it. Ancestors that add nothing are passed over; the first
/// that adds other text ends the search. The highest such element is returned.
fn link_lists<'p>(
    page: &'p Page,
    by_node: &HashMap<ego_tree::NodeId, &'p Element>,
    e: &Element,
    dominant: u32,
) -> Option<&'p Element> {
    let bad = flag::NAV | flag::ASIDE | flag::FOOTER | flag::HEADER | flag::HIDDEN;
    let item = |b: &Block| b.flags & flag::LIST != 0 && b.link_density() > 0.5;
    let own: usize = (page.blocks[e.first..e.end].iter())
        .filter(|b| !item(b))
        .map(|b| b.chars)
        .sum();
    let mut node = e.node.and_then(|n| page.doc.tree.get(n))?;
    let mut found = None;
    for _ in 0..LIST_LEVELS {
        let Some(parent) = node.parent() else { break };
        let Some(&a) = by_node.get(&parent.id()) else {
            break;
        };
        if a.flags & bad & !e.flags != 0 || a.hints & BAD_HINTS & !dominant != 0 {
            break;
        }
        let (mut items, mut list, mut other) = (0usize, 0usize, 0usize);
        for (i, b) in page.blocks[a.first..a.end].iter().enumerate() {
            let i = i + a.first;
            if (e.first..e.end).contains(&i) || b.flags & flag::HIDDEN != 0 {
                continue;
            }
            if b.flags & bad & !a.flags != 0 || b.hints_below(a.depth) & BAD_HINTS & !dominant != 0
            {
                other += b.chars;
            } else if item(b) {
                items += 1;
                list += b.chars;
            } else if b.flags & flag::HEADING == 0 {
                other += b.chars;
            }
        }
        if items >= LIST_ITEMS
            && list as f64 >= LIST_SHARE * (list + other) as f64
            && list as f64 >= LIST_OUTWEIGH * own as f64
        {
            found = Some(a);
        } else if list + other > 0 {
            // Text beside that is not lists of links: the lists further up are not this
            // element's (a short story's related headlines around its wrapper).
            break;
        }
        node = parent;
    }
    found
}

/// Largest share of the page's content-like text the best element may hold for the sections
/// around it to join it (see [`sections`]).
const SERVICE_SHARE: f64 = 0.8;

/// Fewest words, in blocks that are mostly not links, a section must have to join.
const SECTION_WORDS: f64 = 30.0;

/// Fewest words outside headings a section with a heading must have to join (a landing
/// page's hero: its title and a sentence or two under it; a headline with a byline has fewer).
const SECTION_HEADED_WORDS: f64 = 15.0;

/// Most of a section's words that may be in chrome (a class hint or a hidden element).
const SECTION_CHROME: f64 = 0.5;

/// Most of a section's text that may be links.
const SECTION_LINKS: f64 = 0.3;

/// Most levels of ancestors whose sections are looked at.
const SECTION_LEVELS: usize = 8;

/// The sections beside element `e` and beside its ancestors, up to the `<body>`, that join
/// it on a service page: outside headers, navigation, sidebars, footers and hidden elements,
/// with at most [`SECTION_CHROME`] of their words in blocks a widget class names or that are
/// hidden (a promo box, a hidden caption: they still go), and, those blocks aside, few links
/// and real text. The [`flag`]s in `within` that `e` has, a section must have too.
fn sections<'p>(
    page: &'p Page,
    by_node: &HashMap<ego_tree::NodeId, &'p Element>,
    texts: &[Text],
    e: &Element,
    within: u32,
) -> Vec<&'p Element> {
    let bad = flag::NAV | flag::ASIDE | flag::FOOTER | flag::HEADER | flag::HIDDEN;
    let mut out = Vec::new();
    let Some(mut node) = e.node.and_then(|n| page.doc.tree.get(n)) else {
        return out;
    };
    for _ in 0..SECTION_LEVELS {
        let Some(parent) = node.parent() else { break };
        if parent
            .value()
            .as_element()
            .is_none_or(|el| el.name() == "html")
        {
            break;
        }
        for child in parent.children() {
            if child.id() == node.id() {
                continue;
            }
            let Some(&s) = by_node.get(&child.id()) else {
                continue;
            };
            if s.flags & bad != 0 || s.flags & within & e.flags != within & e.flags {
                continue;
            }
            let (mut words, mut chars, mut links) = (0.0, 0usize, 0usize);
            let (mut all, mut chrome) = (0.0, 0.0);
            let (mut headed, mut told) = (false, 0.0);
            for (b, t) in page.blocks[s.first..s.end]
                .iter()
                .zip(&texts[s.first..s.end])
            {
                all += t.words;
                if b.all_hints() & BAD_HINTS != 0 || b.flags & bad != 0 {
                    chrome += t.words.max(1.0);
                    continue;
                }
                chars += b.chars;
                links += b.link_chars;
                if b.link_density() < 0.5 {
                    words += t.words;
                    if b.flags & flag::HEADING != 0 {
                        headed = true;
                    } else {
                        told += t.words;
                    }
                }
            }
            if chrome <= SECTION_CHROME * all
                && (words >= SECTION_WORDS || headed && told >= SECTION_HEADED_WORDS)
                && (links as f64) <= SECTION_LINKS * chars as f64
            {
                out.push(s);
            }
        }
        node = parent;
    }
    out
}

/// The element whose blocks add up to the most, with that sum; None when none is positive.
fn best_element<'p>(page: &'p Page, values: &[f64], dominant: u32) -> Option<(f64, &'p Element)> {
    let mut prefix = vec![0.0; values.len() + 1];
    for (i, v) in values.iter().enumerate() {
        prefix[i + 1] = prefix[i] + v;
    }
    (page.elements.iter())
        .filter(|e| e.flags & flag::HIDDEN == 0 || dominant & hint::HIDDEN != 0)
        .map(|e| (prefix[e.end] - prefix[e.first], e))
        .filter(|(s, _)| *s > 0.0)
        .max_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(b.1.depth.cmp(&a.1.depth).reverse())
        })
}

/// The semantic [`flag`]s (`<nav>`, `<aside>`) around nearly all of the page's
/// content-like text, weighed as text alone.
fn dominant_flags(blocks: &[Block], texts: &[Text]) -> u32 {
    // Not `<footer>`: on a product page with little text, the footer's blurbs can be most
    // of it.
    const FLAGS: [u32; 2] = [flag::NAV, flag::ASIDE];
    let plain = Scoring {
        ignore_flags: FLAGS[0] | FLAGS[1] | flag::FOOTER,
        ..Scoring::RAW
    };
    let (mut total, mut under) = (0.0, [0.0; 2]);
    for (b, t) in blocks.iter().zip(texts) {
        let v = value(b, t, plain);
        if v > 0.0 {
            total += v;
            for (k, f) in FLAGS.iter().enumerate() {
                if b.flags & f != 0 {
                    under[k] += v;
                }
            }
        }
    }
    (FLAGS.iter().zip(under))
        .filter(|&(_, u)| total > 0.0 && u > DOMINANT_FLAG * total)
        .fold(0, |a, (f, _)| a | f)
}

/// The depth of `<body>` (`<html>` is 1): hints given below it are a page part's.
const BODY_DEPTH: u32 = 2;

/// Share of the page's content-like text a semantic flag must cover to be ignored.
const DOMINANT_FLAG: f64 = 0.9;

/// Share of a hidden block's word triples found in the visible text at or above which the
/// block is a copy of it (see [`hidden_copies`]).
const HIDDEN_COPY: f64 = 0.6;

/// For each block, whether it is hidden and repeats the visible text: at least
/// [`HIDDEN_COPY`] of its word 3-grams ([`crate::near::shingles`]) occur in the blocks that
/// are not hidden. Markup written out beside the words (`[CRM](https://…)`) breaks a few
/// 3-grams, not most.
fn hidden_copies(blocks: &[Block]) -> Vec<bool> {
    let shingles = |b: &Block| crate::near::shingles(&text::normalize(&b.text));
    let visible: std::collections::HashSet<u64> = (blocks.iter())
        .filter(|b| b.flags & flag::HIDDEN == 0)
        .flat_map(shingles)
        .collect();
    (blocks.iter())
        .map(|b| {
            if b.flags & flag::HIDDEN == 0 {
                return false;
            }
            crate::near::mostly_in(&shingles(b), &visible, HIDDEN_COPY)
        })
        .collect()
}

/// Whether most of the positive value under a promo hint is banner variants, the test of a
/// page dump's `dump_banner_variants` (its constants): lines of `VARIANT_WORDS` words or more
/// whose last `VARIANT_TAIL` normalised words end `VARIANT_MIN` or more different lines (one
/// banner written out per locale or currency). Two more conditions keep a text whose
/// paragraphs end alike (a poem's refrain, "Terms and conditions apply" under each offer)
/// from passing for one: a variant shares at least two thirds of its words with the group's
/// first line (one shop's banners per currency differ in two or three words of twenty), and it comes before
/// the page's first heading (a promo bar tops the page; a poem has its title above it).
fn banner_variants(blocks: &[Block], raw: &[f64]) -> bool {
    use crate::pagedump::{VARIANT_MIN, VARIANT_WORDS, variant_tail};
    use std::collections::{HashMap, HashSet};
    let first_heading = (blocks.iter())
        .position(|b| b.flags & flag::HEADING != 0)
        .unwrap_or(blocks.len());
    // The normalised text of each promo line of `VARIANT_WORDS` words or more above the first
    // heading (words between spaces: a script written without them has none to end alike),
    // and for each last `VARIANT_TAIL` words, the different lines that end with them.
    let mut norms: Vec<(usize, String)> = Vec::new();
    let mut tails: HashMap<String, HashSet<&str>> = HashMap::new();
    let mut promo = 0.0;
    for (i, b) in blocks.iter().enumerate() {
        if raw[i] <= 0.0 || b.all_hints() & hint::PROMO == 0 {
            continue;
        }
        promo += raw[i];
        if i < first_heading && b.text.split_whitespace().nth(VARIANT_WORDS - 1).is_some() {
            norms.push((i, text::normalize(&b.text)));
        }
    }
    let tail = |norm: &str| variant_tail(norm).map(str::to_string);
    for (_, norm) in &norms {
        if let Some(t) = tail(norm) {
            tails.entry(t).or_default().insert(norm);
        }
    }
    // A variant shares two thirds of its words with the first line that ends like it.
    let words = |norm: &str| -> HashSet<String> {
        norm.split(' ')
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let mut firsts: HashMap<String, HashSet<String>> = HashMap::new();
    let mut variants = 0.0;
    for (i, norm) in &norms {
        let Some(t) = tail(norm) else { continue };
        if tails[&t].len() < VARIANT_MIN {
            continue;
        }
        let own = words(norm);
        let head = firsts.entry(t).or_insert_with(|| own.clone());
        if 3 * own.intersection(head).count() >= 2 * own.len() {
            variants += raw[*i];
        }
    }
    promo > 0.0 && variants > 0.5 * promo
}

/// The hints (given below `depth`) on more than half the content-like text of `range`. Never
/// a poster's signature or user card ([`hint::SIGNATURE`]): one sits beside every post of a
/// thread, however long it is beside short posts, and is never the posts.
fn dominant_hints(blocks: &[Block], raw: &[f64], depth: u32, range: std::ops::Range<usize>) -> u32 {
    let positive: f64 = raw[range.clone()].iter().filter(|v| **v > 0.0).sum();
    // The positive value under each hint, summed block by block in page order.
    let mut under = [0.0f64; crate::html::HINTS];
    for i in range.filter(|&i| raw[i] > 0.0) {
        let below = blocks[i].hints_below(depth);
        for (k, u) in under.iter_mut().enumerate() {
            if below & (1 << k) != 0 {
                *u += raw[i];
            }
        }
    }
    let mut dominant = 0u32;
    for (k, u) in under.into_iter().enumerate() {
        // Comments under an article are still comments when the article is there: only a
        // page that is nearly all comments (a forum thread) has them as its content.
        if positive > 0.0 && u > 0.5 * positive {
            dominant |= 1 << k;
        }
    }
    dominant & !hint::SIGNATURE
}

/// Whether a block's text is nothing but HTML tags written out, one of them an `<img>`,
/// `<link>`, `<iframe>` or `<script>` with attributes (`<img src="//pixel…" height="1">`,
/// `<p style="…"><img src="…"></p>`): the `<noscript>` fallback of a tracking pixel,
/// stylesheet or tag manager, which a page saved with scripts on holds escaped, as text.
fn is_fallback_tag(text: &str) -> bool {
    let mut rest = text.trim();
    if !rest.starts_with('<') {
        return false;
    }
    let mut fallback = false;
    while !rest.is_empty() {
        let Some(inner) = rest.strip_prefix('<') else {
            return false;
        };
        let Some(close) = inner.find('>') else {
            return false;
        };
        let tag = &inner[..close];
        if tag.contains('<') {
            return false;
        }
        let name_end = tag
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(tag.len());
        let (name, attrs) = tag.split_at(name_end);
        if name.is_empty() && !tag.starts_with('/') {
            return false;
        }
        fallback |= ["img", "link", "iframe", "script"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n))
            && attrs.starts_with(' ')
            && attrs.contains('=');
        rest = inner[close + 1..].trim_start();
    }
    fallback
}

/// Words below which a block in a byline element is the byline, not text about the author.
const BYLINE_WORDS: f64 = 12.0;

/// Words below which a block in an element named a caption is the caption, not text.
const CAPTION_WORDS: f64 = 60.0;

/// Largest share of the content's words that captions named by class may hold and still be
/// captions (see [`CLASS_CAPTION`]).
const CAPTION_SHARE: f64 = 0.25;

/// Most words of a box named a call to action (see [`CTA_BOX`]).
const CTA_WORDS: f64 = 80.0;

/// Class words that make a box named a call to action the article's own (see [`CTA_BOX`]):
/// a review's verdict, the key takeaways with a link to the study (`article-cta
/// key-takeaways`, `review-cta verdict`).
const CTA_CONTENT: &[&str] = &["takeaway", "takeaways", "verdict", "tldr"];

/// Words below which a block in a form within the main content is a field, not prose.
const FORM_FIELD_WORDS: f64 = 12.0;

/// Parts of the main content that are not its text, whatever their value: the fields and
/// labels of a form inside it (a newsletter or lead form, a search box; a page wrapped in one
/// `<form>` has it around the content, not below) and figure captions (photo credits and
/// descriptions, which annotated article text leaves out: about nine in ten caption blocks
/// of WCXB's articles are not in the reference). `below` is the block's [`flag`]s that the
/// content element does not have. Text the JSON-LD `articleBody` has stays.
fn inner_chrome(
    page: &Page,
    b: &Block,
    t: &Text,
    below: u32,
    depth: u32,
    listing: bool,
) -> Option<(&'static str, &'static str, &'static str)> {
    if t.in_body {
        return None;
    }
    // A short line in a byline element inside an article ("By Jane Doe", "Jane Doe, Staff
    // Writer"): annotated article text leaves the byline out. On a page without prose, and
    // in a record, the author is a field of the item, and stays.
    if !listing
        && !t.record
        && t.words < BYLINE_WORDS
        && b.flags & flag::HEADING == 0
        && b.hints_below(depth) & hint::BYLINE != 0
    {
        return Some((
            "byline",
            BYLINE,
            "a short line in a byline element (author)",
        ));
    }
    // (Also on pages without prose: a product's variant picker goes too, which costs
    // product pages a little, less than the forms it removes from short articles gain.)
    if below & flag::FORM != 0 && t.words < FORM_FIELD_WORDS {
        return Some((
            "form",
            FORM_IN_CONTENT,
            "inside a <form> within the main content",
        ));
    }
    if b.flags & flag::FIGURE != 0 && in_figcaption(page, b) {
        return Some(("caption", CAPTION, "a figure caption (<figcaption>)"));
    }
    // A short block in an element named a caption (`wp-caption-text`, `photo-caption`) is a
    // picture's caption too, where the theme writes no `<figcaption>`; in a record or on a
    // page without prose it is an item's text, and stays.
    if !listing
        && !t.record
        && t.words < CAPTION_WORDS
        && b.flags & flag::HEADING == 0
        && b.hints_below(depth) & hint::CAPTION != 0
        && picture_caption(page, b)
    {
        return Some((
            "caption",
            CLASS_CAPTION,
            "a short block in an element named a caption",
        ));
    }
    // A short box named a call to action (`blog-cta`, `post-cta`) inside the article, with
    // the action in it (a link, a button, a form): "Want to see it in action? Book a demo",
    // a download offer. A long element so named holds the article itself (`div.above-cta`);
    // one with no link or button is a note styled like one.
    if !listing
        && !t.record
        && b.hints_below(depth) & hint::CTA != 0
        && short_box(page, b, hint::CTA, CTA_WORDS, true).is_some_and(|n| {
            let elements = || n.descendants().filter_map(|d| d.value().as_element());
            elements().any(|e| matches!(e.name(), "a" | "button" | "input" | "form"))
                && !elements().any(|e| class_word(e, CTA_CONTENT))
        })
    {
        return Some((
            "promo",
            CTA_BOX,
            "inside a short box named a call to action",
        ));
    }
    None
}

/// Whether a block lies in a short element named a caption (at most [`CAPTION_WORDS`]
/// words in all) that holds or sits next to a picture: an `<img>`, `<picture>` or `<video>`
/// in it (`div.wp-caption > img + p.wp-caption-text`), in an element beside
/// it, or beside its parent (`div.photo > div.frame > img` then `div.photo-caption`). A long
/// element named so (`div.item-caption` around a product's description) is not one.
fn picture_caption(page: &Page, b: &Block) -> bool {
    // The outermost one near the text (`div.credit-caption > div.caption-wrap > div.caption`):
    // the picture sits beside the whole caption box. A box with a heading is a card's body
    // (Bootstrap's `div.thumbnail > div.caption > h3 + p`), not a caption.
    let Some(cap) = short_box(page, b, hint::CAPTION, CAPTION_WORDS, false) else {
        return false;
    };
    let picture = |n: ego_tree::NodeRef<'_, scraper::Node>| {
        n.descendants().take(PICTURE_SCAN).any(|d| {
            d.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "img" | "picture" | "video"))
        })
    };
    // The nearest element named a caption holds the text, not its picture too: one that
    // does is a wrapper around a picture and the article's text beside it
    // (`div.lead-media-caption > img + p`).
    let nearest = named_boxes(page, b, hint::CAPTION).next();
    // A card's body (`div.card-caption`) or a how-to's step under its photo
    // (`div.step > img + p.step-caption`) is text of the page.
    let has_word = |n: ego_tree::NodeRef<'_, scraper::Node>, words: &[&str]| {
        (n.value().as_element()).is_some_and(|e| class_word(e, words))
    };
    if nearest.is_some_and(picture)
        || has_word(cap, &["card", "thumbnail"])
        || (std::iter::once(cap).chain(cap.ancestors()).take(3))
            .any(|n| has_word(n, &["step", "steps"]))
    {
        return false;
    }
    // The nearest element on either side.
    let beside = |n: ego_tree::NodeRef<'_, scraper::Node>| {
        let element = |s: &ego_tree::NodeRef<'_, scraper::Node>| s.value().is_element();
        n.prev_siblings().find(element).is_some_and(picture)
            || n.next_siblings().find(element).is_some_and(picture)
    };
    picture(cap) || beside(cap) || cap.parent().is_some_and(beside)
}

/// Most nodes of an element [`picture_caption`] reads for a picture: many captions beside
/// one long block do not each read all of it.
const PICTURE_SCAN: usize = 64;

/// Whether one of an element's class words (parted at any mark: `review-cta`,
/// `step_caption`) is one of `words`.
fn class_word(e: &scraper::node::Element, words: &[&str]) -> bool {
    e.attr("class").is_some_and(|c| {
        c.split(|ch: char| !ch.is_ascii_alphanumeric())
            .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    })
}

/// Levels around a block (itself included) in which [`named_boxes`] looks.
const BOX_LEVELS: usize = 8;

/// The elements around a block, within [`BOX_LEVELS`] levels and from the nearest out,
/// whose class or id gives `hint`.
fn named_boxes<'a>(
    page: &'a Page,
    b: &Block,
    hint: u32,
) -> impl Iterator<Item = ego_tree::NodeRef<'a, scraper::Node>> {
    let node = b.node.and_then(|n| page.doc.tree.get(n));
    (node.into_iter())
        .flat_map(|n| std::iter::once(n).chain(n.ancestors()))
        .take(BOX_LEVELS)
        .filter(move |n| (n.value().as_element()).is_some_and(|e| crate::html::names_part(e, hint)))
}

/// The outermost element of [`named_boxes`] when it holds at most `most` words in all (and,
/// unless `headings`, no heading).
fn short_box<'a>(
    page: &'a Page,
    b: &Block,
    hint: u32,
    most: f64,
    headings: bool,
) -> Option<ego_tree::NodeRef<'a, scraper::Node>> {
    let named = named_boxes(page, b, hint).last()?;
    let mut words = 0.0;
    for n in named.descendants() {
        match n.value() {
            scraper::Node::Text(t) => {
                words += t.split_whitespace().count() as f64;
                if words > most {
                    return None;
                }
            }
            scraper::Node::Element(e)
                if !headings && matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") =>
            {
                return None;
            }
            _ => {}
        }
    }
    Some(named)
}

/// Whether a block lies inside a `<figcaption>` (looked up only for blocks in a figure).
fn in_figcaption(page: &Page, b: &Block) -> bool {
    let Some(node) = b.node.and_then(|n| page.doc.tree.get(n)) else {
        return false;
    };
    for n in std::iter::once(node).chain(node.ancestors()).take(12) {
        if let Some(el) = n.value().as_element() {
            match el.name() {
                "figcaption" => return true,
                "figure" => return false,
                _ => {}
            }
        }
    }
    false
}

/// Headings of a shop's recommendation blocks (normalised: lower case, no punctuation):
/// other products, not the one the page is about. Counts after them ("Related products (12)")
/// are ignored.
const SHOP_RELATED_HEADERS: &[&str] = &[
    "you may also like",
    "you might also like",
    "you may also enjoy",
    "you might also enjoy",
    "you may also need",
    "you might also need",
    "you may also be interested in",
    "you might also be interested in",
    "you may be interested in",
    "customers also bought",
    "customers also viewed",
    "customers also purchased",
    "customers who bought this item also bought",
    "customers who viewed this item also viewed",
    "customers who bought this also bought",
    "frequently bought together",
    "frequently purchased together",
    "people who viewed this item also viewed",
    "people who bought this also bought",
    "people also viewed",
    "people also bought",
    "others also bought",
    "others also viewed",
    "others like you also bought",
    "guests also viewed",
    "shoppers also viewed",
    "similar items",
    "similar products",
    "similar items to consider",
    "compare with similar products",
    "compare similar products",
    "related items",
    "related products",
    "explore related items",
    "recently viewed",
    "recently viewed items",
    "recently viewed products",
    "your recently viewed items",
    "recommended for you",
    "recommended products",
    "recommended accessories",
    "pairs well with",
    "goes well with",
    "complete the look",
    "sellers other items",
    "more from this seller",
    "more items from this seller",
    "das könnte ihnen auch gefallen",
    "das könnte dir auch gefallen",
    "kunden kauften auch",
    "ähnliche produkte",
    "ähnliche artikel",
    "zuletzt angesehen",
    "vous aimerez aussi",
    "vous aimerez peut être aussi",
    "produits similaires",
    "produits associés",
    "articles similaires",
    "récemment consultés",
    "también te puede interesar",
    "productos relacionados",
    "productos similares",
    "prodotti correlati",
    "prodotti simili",
    "potrebbe interessarti anche",
    "produtos relacionados",
    "produtos similares",
    "gerelateerde producten",
    "vergelijkbare producten",
];

/// Most words a heading of a recommendation block has.
const SHOP_RELATED_WORDS: usize = 10;

/// Whether a block's text is a shop's recommendation heading (see [`SHOP_RELATED_HEADERS`]).
fn is_shop_related_header(text: &str, heading: bool) -> bool {
    let norm = text::normalize(text);
    let mut words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() > SHOP_RELATED_WORDS {
        return false;
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        words.pop();
    }
    static HEADERS: std::sync::OnceLock<
        std::collections::HashSet<&'static str, foldhash::fast::FixedState>,
    > = std::sync::OnceLock::new();
    let headers = HEADERS.get_or_init(|| SHOP_RELATED_HEADERS.iter().copied().collect());
    let key = words.join(" ");
    // A heading may go on ("Similar products from other brands"): a header of two words or
    // more, then a space.
    headers.contains(key.as_str())
        || (heading
            && (key.match_indices(' '))
                .any(|(at, _)| key[..at].contains(' ') && headers.contains(&key[..at])))
}

/// The page's `<title>`, normalised, and its longest part of three words or more (the
/// product's name, without the shop's), normalised.
fn product_name(page: &Page) -> (String, Option<String>) {
    let title = page.title.as_deref().unwrap_or("");
    let longest = (title.split(['|', '–', '—', ':']))
        .flat_map(|p| p.split(" - "))
        .map(text::normalize)
        .filter(|p| p.split(' ').count() >= 3)
        .max_by_key(|p| p.len());
    (text::normalize(title), longest)
}

/// The rank of the heading element (`<h1>`..`<h6>`) a block lies in, if any.
fn heading_rank(page: &Page, b: &Block) -> Option<u8> {
    let node = b.node.and_then(|n| page.doc.tree.get(n))?;
    for n in std::iter::once(node).chain(node.ancestors()).take(6) {
        if let Some(el) = n.value().as_element() {
            let name = el.name().as_bytes();
            if name.len() == 2 && name[0] == b'h' && (b'1'..=b'6').contains(&name[1]) {
                return Some(name[1] - b'0');
            }
        }
    }
    None
}

/// A shop's recommendation block inside the main content ("You may also like", "Customers
/// also bought", "Similar items", "Recently viewed"): its heading and the element it opens go.
/// That element is the largest one around the heading, inside the main content, in which the
/// heading is the first text left, which holds no `<h1>`, and none of whose children opens
/// with a heading of the heading's rank or higher (the next section of the page; a heading
/// that is not in an `<h1>`..`<h6>` counts as an `<h2>`), nor the product's name from the
/// page title (a summary card of the item itself).
fn shop_related(page: &Page, v: &mut [Option<Verdict>], parts: &[(usize, usize, u32)]) {
    let mut by_node: Option<HashMap<ego_tree::NodeId, &Element>> = None;
    let mut title_parts: Option<(String, Option<String>)> = None;
    for i in 0..page.blocks.len() {
        let b = &page.blocks[i];
        if v[i].is_some()
            || b.chars > 120
            || !is_shop_related_header(&b.text, b.flags & flag::HEADING != 0)
        {
            continue;
        }
        let Some(&(pa, pb, _)) = parts.iter().find(|&&(a, e, _)| i >= a && i < e) else {
            continue;
        };
        let title_parts = title_parts.get_or_insert_with(|| product_name(page));
        let names_product = |t: &str| {
            let t = text::normalize(t);
            t.split(' ').count() >= 3
                && (title_parts.0.contains(&t)
                    || title_parts.1.as_deref().is_some_and(|n| t.contains(n)))
        };
        let by_node = by_node.get_or_insert_with(|| elements_by_node(page));
        let rank = heading_rank(page, b).unwrap_or(2);
        let Some(node) = b.node.and_then(|n| page.doc.tree.get(n)) else {
            continue;
        };
        let (mut lo, mut hi) = (i, i + 1);
        let mut prev = node.id();
        for a in std::iter::once(node).chain(node.ancestors()) {
            let Some(el) = by_node.get(&a.id()) else {
                continue;
            };
            if el.first <= pa && el.end >= pb {
                break;
            }
            if (el.first..i).any(|k| v[k].is_none()) {
                break;
            }
            let h1 = (el.first..el.end).any(|k| {
                v[k].is_none()
                    && page.blocks[k].flags & flag::HEADING != 0
                    && heading_rank(page, &page.blocks[k]) == Some(1)
            });
            // A child that opens with a heading of the same rank or higher is the next section.
            let next_section = a.children().any(|c| {
                let Some(ce) = (c.id() != prev).then(|| by_node.get(&c.id())).flatten() else {
                    return false;
                };
                (ce.first..ce.end)
                    .find(|&k| v[k].is_none())
                    .is_some_and(|k| {
                        let hb = &page.blocks[k];
                        hb.flags & flag::HEADING != 0
                            && !is_shop_related_header(&hb.text, true)
                            && heading_rank(page, hb).is_some_and(|r| r <= rank)
                    })
            });
            // The product's own name (a sticky summary card of the item) is not a recommendation.
            let own =
                (el.first..el.end).any(|k| v[k].is_none() && names_product(&page.blocks[k].text));
            if h1 || next_section || own {
                break;
            }
            (lo, hi) = (el.first, el.end);
            prev = a.id();
        }
        let detail = format!("in a shop's recommendation block headed {:?}", b.text);
        mark_kept(page, v, lo..hi, SHOP_RELATED, &detail);
    }
}

/// On a discussion page (JSON-LD or microdata `QAPage`, `DiscussionForumPosting`), a kept block
/// that is a bare number (a post's vote or reply count beside its text) goes as `chrome`; not a
/// line of preformatted text (a program's output quoted in a post).
fn drop_vote_counts(page: &Page, v: &mut [Option<Verdict>]) {
    for (i, b) in page.blocks.iter().enumerate() {
        let t = b.text.trim();
        let digits = t.trim_start_matches(['-', '+', '−']);
        if v[i].is_none()
            && b.flags & flag::PRE == 0
            && !digits.is_empty()
            && t.len() <= 7
            && digits.bytes().all(|c| c.is_ascii_digit())
        {
            v[i] = Some(verdict(
                page,
                "chrome",
                VOTE_COUNT,
                b,
                "a bare number beside a discussion's posts (a vote or reply count)".into(),
            ));
        }
    }
}

/// In a thread's run of posts (see [`records`]), the poster's card at the head of each
/// post: a part of the records (one tag and first class, below each record's wrappers of one
/// child; in [`TEMPLATE`] of them) that comes first in its record and is made of
/// [`POSTER_CARD_LINES`] lines or more on average, none longer than [`POSTER_CARD_WORDS`]
/// words or preformatted: a name, a rank, "Founded: Dec 11, 2021", "Location: Boston", "105
/// helpful votes". Only when most records say something in a sentence beside it
/// ([`POSTER_CARD_PROSE`] words) and their sentences hold [`POSTER_CARD_REST`] times the
/// cards' words: the posts, not the cards, are what the records are about.
fn poster_cards(
    page: &Page,
    by_node: &HashMap<ego_tree::NodeId, &Element>,
    runs: &[Vec<usize>],
    v: &mut [Option<Verdict>],
) {
    let words = |k: usize| page.blocks[k].text.split_whitespace().count();
    let mut parts: Shapes<(usize, &Element)> = Shapes::default();
    let mut in_card = vec![false; page.blocks.len()];
    for run in runs {
        parts.clear();
        for (m, &k) in run.iter().enumerate() {
            let Some(mut node) = page.elements[k].node.and_then(|n| page.doc.tree.get(n)) else {
                continue;
            };
            // Down through wrappers of one child that holds text.
            loop {
                let mut kids = node.children().filter(|c| by_node.contains_key(&c.id()));
                match (kids.next(), kids.next()) {
                    (Some(only), None) => node = only,
                    _ => break,
                }
            }
            for c in node.children() {
                if let (Some(el), Some(ce)) = (c.value().as_element(), by_node.get(&c.id())) {
                    group_by_shape(&mut parts, el, (m, *ce));
                }
            }
        }
        for (_, members) in &parts {
            if (members.len() as f64) < TEMPLATE * run.len() as f64 {
                continue;
            }
            let lines: usize = members.iter().map(|(_, e)| e.end - e.first).sum();
            let card: usize = (members.iter())
                .flat_map(|(_, e)| e.first..e.end)
                .filter(|&i| v[i].is_none())
                .map(words)
                .sum();
            // Short lines only, and the first kept text of its record.
            let card_like = members.iter().all(|&(m, e)| {
                let r = &page.elements[run[m]];
                (e.first..e.end)
                    .all(|i| words(i) <= POSTER_CARD_WORDS && page.blocks[i].flags & flag::PRE == 0)
                    && (r.first..e.first).all(|i| v[i].is_some())
            });
            if !card_like || card == 0 || (lines as f64) < POSTER_CARD_LINES * members.len() as f64
            {
                continue;
            }
            // A poster's standing, not an item's fields: half the cards name a member's
            // counts or dates ("Posts: 154", "Joined Mar 2019"), and most have no heading of
            // more than [`POSTER_CARD_NAME`] words (a user name may be one; a post's, a job's
            // or an event's title in a listing's card is longer).
            let stats = (members.iter())
                .filter(|(_, e)| (e.first..e.end).any(|i| poster_stat(&page.blocks[i].text)))
                .count();
            let titled = (members.iter())
                .filter(|(_, e)| {
                    (e.first..e.end).any(|i| {
                        page.blocks[i].flags & flag::HEADING != 0 && words(i) > POSTER_CARD_NAME
                    })
                })
                .count();
            if 2 * stats < members.len() || 2 * titled > members.len() {
                continue;
            }
            for (_, e) in members {
                in_card[e.first..e.end].fill(true);
            }
            let (mut posts, mut prose) = (0usize, 0usize);
            for &k in run {
                let r = &page.elements[k];
                let said: usize = (r.first..r.end)
                    .filter(|&i| v[i].is_none() && !in_card[i] && words(i) >= POSTER_CARD_PROSE)
                    .map(words)
                    .sum();
                posts += usize::from(said > 0);
                prose += said;
            }
            for (_, e) in members {
                in_card[e.first..e.end].fill(false);
            }
            if 2 * posts < run.len() || (prose as f64) < POSTER_CARD_REST * card as f64 {
                continue;
            }
            for (_, e) in members {
                for i in e.first..e.end {
                    if v[i].is_none() {
                        v[i] = Some(verdict(
                            page,
                            "byline",
                            POSTER_CARD,
                            &page.blocks[i],
                            "a poster's card at the head of every post of a thread".into(),
                        ));
                    }
                }
            }
        }
    }
}

/// Whether a line of a card names a forum member's standing: a word of [`POSTER_STATS`].
fn poster_stat(line: &str) -> bool {
    let lower = line.to_lowercase();
    (lower.split(|c: char| !c.is_alphanumeric())).any(|w| POSTER_STATS.contains(&w))
}

/// Words of a forum poster's counts and dates (en, fr, de, es, it, pt, nl): "Posts: 154",
/// "Joined: Mar 2019", "Reputation", "Beiträge", "Inscrit le", "Mensajes".
const POSTER_STATS: &[&str] = &[
    "posts",
    "post",
    "messages",
    "joined",
    "join",
    "member",
    "registered",
    "reputation",
    "karma",
    "threads",
    "likes",
    "points",
    "votes",
    "reply",
    "replies",
    "reactions",
    "edited",
    "beiträge",
    "mitglied",
    "registriert",
    "themen",
    "inscrit",
    "inscription",
    "membre",
    "réponses",
    "mensajes",
    "miembro",
    "registrado",
    "respuestas",
    "messaggi",
    "iscritto",
    "membro",
    "mensagens",
    "berichten",
    "lid",
];

/// Most words of a heading in a poster's card (a user name); see [`poster_cards`].
const POSTER_CARD_NAME: usize = 3;

/// Fewest lines a poster's card has on average (see [`poster_cards`]).
const POSTER_CARD_LINES: f64 = 3.0;

/// Most words of a line of a poster's card.
const POSTER_CARD_WORDS: usize = 8;

/// Words of a sentence of a post beside a poster's card.
const POSTER_CARD_PROSE: usize = 12;

/// Least words the posts beside the cards hold, per word of the cards.
const POSTER_CARD_REST: f64 = 2.0;

/// The heading that repeats the page title before the first paragraph of the main content.
fn drop_title(page: &Page, v: &mut [Option<Verdict>], first: usize, end: usize) {
    let Some(title) = page.title.as_deref().map(text::normalize) else {
        return;
    };
    for i in first..end {
        let b = &page.blocks[i];
        if v[i].is_some() {
            continue;
        }
        if b.flags & flag::HEADING == 0 {
            if text::word_count(&b.text) >= 12 {
                return;
            }
            continue;
        }
        let h = text::normalize(&b.text);
        if !h.is_empty() && title.contains(&h) {
            v[i] = Some(verdict(
                page,
                "title",
                TITLE,
                b,
                "the page title, repeated as the main content's heading".into(),
            ));
        }
        return;
    }
}

/// Words from which a block of the main content is its first paragraph: the article's
/// metadata lines (date, byline) come before it.
const FIRST_PARAGRAPH_WORDS: usize = 30;

/// The date and byline lines above the first paragraph of an article ("March 15, 2022 · 3
/// min read · By ASU Online", "Updated: Dec 12, 2025", "By Jane Doe, Staff Writer"): the
/// page's metadata, which annotated article text leaves out. Headings and record fields
/// stay, and so does everything from the first paragraph on (a date there is content).
fn drop_datelines(
    page: &Page,
    texts: &[Text],
    v: &mut [Option<Verdict>],
    first: usize,
    end: usize,
) {
    for i in first..end {
        let b = &page.blocks[i];
        if v[i].is_some() {
            continue;
        }
        if text::word_count(&b.text) >= FIRST_PARAGRAPH_WORDS {
            return;
        }
        if b.flags & flag::HEADING == 0
            && !texts[i].record
            && !texts[i].in_body
            && let Some(what) = dateline(&b.text)
        {
            v[i] = Some(verdict(page, "byline", DATELINE, b, what.into()));
        }
    }
}

/// A calendar date: a month name with a day and year or a year, a day before a month name,
/// or numbers ("2025-02-06", "6/2/25").
fn date_pattern() -> &'static regex::Regex {
    use std::sync::OnceLock;
    static DATE: OnceLock<regex::Regex> = OnceLock::new();
    DATE.get_or_init(|| {
        let m = crate::classify::MONTHS;
        regex::Regex::new(&format!(
            r"(?i)\b(?:(?:{m})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\.?[\s-]+(?:{m})\.?,?[\s-]+\d{{4}}|(?:{m})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}})\b"
        ))
        .expect("date pattern")
    })
}

/// Whether a trimmed line is a reading time and nothing else: "5 min read", "10 Min Read",
/// "Reading time: 8 minutes", "4 minutes to read".
pub(crate) fn reading_time(line: &str) -> bool {
    use std::sync::OnceLock;
    static READING: OnceLock<regex::Regex> = OnceLock::new();
    READING
        .get_or_init(|| {
            regex::Regex::new(
                r"(?i)^(?:[0-9]+\s*(?:min|mins|minutes?)\.?\s*(?:read|reading|to read)|(?:reading time|read time)\s*:?\s*[0-9]+\s*(?:min|mins|minutes?)\.?)$",
            )
            .expect("reading-time pattern")
        })
        .is_match(line)
}

/// A time of day ("13:41", "9:14 am").
fn time_pattern() -> &'static regex::Regex {
    use std::sync::OnceLock;
    static TIME: OnceLock<regex::Regex> = OnceLock::new();
    TIME.get_or_init(|| {
        regex::Regex::new(r"(?i)\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*(?:[ap]\.?m\.?)?")
            .expect("time pattern")
    })
}

/// Words a date or byline line may hold besides the date and names (see [`dateline`]).
const STAMP: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "date",
    "originally",
    "read",
    "reading",
    "min",
    "mins",
    "minute",
    "minutes",
    "time",
    "by",
    "and",
    "am",
    "pm",
    "est",
    "edt",
    "et",
    "pt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "cet",
    "written",
];

/// Whether what is left of a line is at most `max` capitalised names (or numbers) besides
/// [`STAMP`] words.
fn names_only(s: &str, max: usize) -> bool {
    let w: Vec<&str> = (s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .filter(|w| !STAMP.iter().any(|t| w.eq_ignore_ascii_case(t)))
        .collect();
    w.len() <= max
        && w.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Whether a short line (at most 12 words) is a date and nothing else but publishing words
/// ("updated", "posted on"), capitalised names and, when `time` says so, a time of day:
/// "Last updated on September 16th, 2023 at 09:27 am", "Published March 2, 2026 by Jane Doe".
pub(crate) fn date_line(line: &str, time: bool) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 12 {
        return false;
    }
    let date = date_pattern();
    if !date.is_match(line) {
        return false;
    }
    let no_date = date.replace_all(line, " ");
    if !time && time_pattern().is_match(&no_date) {
        return false;
    }
    let left = time_pattern().replace_all(&no_date, " ");
    names_only(&left, 6)
}

/// Whether a short line is a date or byline line, and which: a date (month name or numbers)
/// with nothing else but time, publishing words ("updated", "posted on", "min read") and
/// capitalised names; or "By" and up to six capitalised names or titles.
fn dateline(line: &str) -> Option<&'static str> {
    let words = line.split_whitespace().count();
    if words == 0 || words > 12 {
        return None;
    }
    if reading_time(line.trim()) {
        return Some("a reading time above the article's first paragraph");
    }
    if date_pattern().is_match(line) {
        return date_line(line, true).then_some("a date line above the article's first paragraph");
    }
    let lower = line.trim().to_lowercase();
    let label = lower.trim_end_matches([':', ' ']);
    if matches!(
        label,
        "by" | "written by"
            | "posted by"
            | "published by"
            | "posted on"
            | "published on"
            | "updated on"
            | "published"
            | "updated"
            | "last updated"
    ) {
        // The label of a date or author field whose value is a link or an image.
        return Some("a date or byline label above the article's first paragraph");
    }
    let after = ["by ", "written by ", "posted by "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &line.trim_start()[p.len()..]))?;
    (!after.trim().is_empty() && names_only(after, 6))
        .then_some("a byline above the article's first paragraph")
}

/// The removal reason a block's surroundings suggest, and the hint that says so when a class
/// or id below depth `depth` does (hints in `ignore` do not count).
fn kind_of(b: &Block, depth: u32, ignore: u32) -> (&'static str, Option<&'static str>) {
    let h = b.hints_below(depth) & !ignore;
    const ORDER: &[(u32, &str, &str)] = &[
        (hint::COMMENT, "comments", "comment"),
        (hint::RELATED, "related", "related"),
        (hint::SHARE, "share", "share"),
        (hint::COOKIE, "cookies", "cookie"),
        (hint::AD, "advertisement", "ad"),
        (hint::PROMO, "promo", "promo"),
        (hint::POPUP, "promo", "popup"),
        (hint::BREADCRUMB, "breadcrumb", "breadcrumb"),
        (hint::BIO, "byline", "author box"),
        (hint::SIGNATURE, "byline", "signature"),
        (hint::DISCLAIMER, "boilerplate", "disclaimer"),
        (hint::NAV, "navigation", "nav"),
        (hint::CHROME, "chrome", "sidebar/header/footer"),
    ];
    for &(bit, reason, word) in ORDER {
        if h & bit != 0 {
            return (reason, Some(word));
        }
    }
    let f = b.flags;
    let reason = if f & flag::NAV != 0 {
        "navigation"
    } else if f & (flag::ASIDE | flag::FOOTER | flag::HEADER) != 0 {
        "chrome"
    } else if f & flag::FORM != 0 {
        "form"
    } else {
        "boilerplate"
    };
    (reason, None)
}

fn verdict(page: &Page, reason: &str, rule: &str, b: &Block, detail: String) -> Verdict {
    Verdict::new(
        reason,
        rule,
        Evidence {
            detail: Some(detail),
            path: Some(page.path(b.node)),
            ..Evidence::default()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse;

    const P: &str = "This is a long paragraph of the article that has plenty of words in it and reads like real text for people.";
    const P2: &str = "The work is slow and mostly done by volunteers, who clear the brush each autumn and repair the steps after storms.";
    const P3: &str = "Below we describe what we found, what it costs to keep a path like this open, and how you can help if you live near.";
    const P4: &str = "Most of the money goes on stone and timber, and the rest on tools, insurance and the vans that carry crews to the coast.";

    #[test]
    fn article_kept_chrome_removed() {
        let html = format!(
            "<html><head><title>Big news - Site</title></head><body>\
             <nav><ul><li><a href=/>Home</a></li><li><a href=/a>World</a></li></ul></nav>\
             <div class=main><article><h1>Big news</h1><p>{P}</p><p>{P}</p>\
             <div class=share-buttons><a href=#>Facebook</a> <a href=#>Twitter</a></div><p>{P}</p></article>\
             <div id=comments><p>{P} I disagree.</p></div></div>\
             <footer><p>Copyright 2024 Site. All rights reserved.</p></footer></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert_eq!(kept, [P, P, P]);
        let reasons: Vec<&str> = v.iter().flatten().map(|v| v.reason.as_str()).collect();
        assert!(
            reasons.contains(&"navigation") && reasons.contains(&"share"),
            "{reasons:?}"
        );
        assert!(reasons.contains(&"title"), "{reasons:?}");
    }

    #[test]
    fn a_block_nothing_of_which_shows_goes() {
        // An event card's save and share buttons are icons; their labels ("Save this event:
        // …") are for screen readers only, and so is a heading above the venue's details.
        // A link's screen-reader words and a button with visible text stay.
        let html = format!(
            "<html><body><main><h1>Tech events</h1><p>{P}</p>\
             <div class=card><h3>Tech talk about compilers</h3><p>Wednesday at 4:00 PM</p>\
             <span><button type=button><i><span class=eds-is-hidden-accessible>Save this event: \
             Tech talk about compilers</span></i></button></span>\
             <span><button type=button><span class=sr-only>Share this event: Tech talk about \
             compilers</span></button></span></div>\
             <p><a href=/e>Read more<span class=sr-only> about the compilers talk</span></a></p>\
             <h2><span class=visually-hidden>Venue details</span></h2>\
             <p><button type=button>Show all events this week</button></p>\
             </main></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v).join("\n");
        for goes in ["Save this event", "Share this event", "Venue details"] {
            assert!(!kept.contains(goes), "{goes}: {kept}");
        }
        for stays in [
            "Tech talk about compilers",
            "Read more",
            "Show all events this week",
        ] {
            assert!(kept.contains(stays), "{stays}: {kept}");
        }
        let rules: Vec<&str> = v.iter().flatten().map(|v| v.rule.as_str()).collect();
        assert!(rules.contains(&UNSEEN), "{rules:?}");
        // A page whose words wait in hidden spans for a reveal effect is still its text.
        let words = |t: &str| -> String {
            (t.split(' '))
                .map(|w| format!("<span style='visibility:hidden'>{w}</span> "))
                .collect()
        };
        let html = format!(
            "<html><body><main><h1>{}</h1><p>{}</p><p>{}</p></main></body></html>",
            words("We design calm software"),
            words(P),
            words(P)
        );
        let page = parse(&html);
        let v = extract(&page);
        assert_eq!(kept_texts(&page, &v).len(), 3, "{v:?}");
        // So is a hero a reveal effect hides word by word, beside a page of ordinary text:
        // a script lifts `visibility:hidden`, and the words keep their spaces. A table's
        // check marks beside a hidden label keep their words too.
        let html = format!(
            "<html><body><main><h1>{}</h1><p>{P}</p><p>{P}</p><table>\
             <tr><th>Video sessions<div class=sr-only>Talk face to face</div></th>\
             <td><span class=sr-only>Yes</span></td><td><span class=sr-only>No</span></td></tr>\
             </table></main></body></html>",
            words("We design calm software"),
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v).join("\n");
        for stays in ["We design calm software", "Yes No"] {
            assert!(kept.contains(stays), "{stays}: {kept}");
        }
    }

    #[test]
    fn a_tooltip_in_the_content_goes_an_alert_box_stays() {
        // A badge's tooltip inside the content is shown on demand, not part of the page's
        // text; an author's alert box (Elementor writes `role="alert"` on every one) and a
        // live blog's updates (`role="status"`) are.
        let html = format!(
            "<html><body><div class=main><h1>Stoneware mug</h1><p>{P}</p>\
             <div class=badge><p>Star Seller</p><div role=tooltip>Star Sellers have an outstanding \
             track record for providing a great customer experience.</div></div>\
             <div class=elementor-alert role=alert>Note: new users can try the app for the first \
             two weeks and cancel if they are not happy with it.</div>\
             <div role=status aria-live=polite><p>{P}</p><p>Update: the count is finished.</p></div>\
             </div></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v).join("\n");
        assert!(
            kept.contains("Stoneware mug") && kept.contains("Star Seller"),
            "{kept}"
        );
        assert!(!kept.contains("track record"), "{kept}");
        assert!(kept.contains("Note: new users"), "{kept}");
        assert!(kept.contains("the count is finished"), "{kept}");
    }

    #[test]
    fn a_block_of_json_data_does_not_decide_where_the_content_is() {
        // A page's script state dumped as text in a div the markup does not hide: its keys
        // and values are many words, but it is data (`data_blob`), not the page's prose.
        let mut blob = String::from("{");
        for k in 0..60 {
            blob.push_str(&format!(
                "\"item{k}\":{{\"title\":\"Wireless headphones with noise cancelling\",\"price\":\"34\"}},"
            ));
        }
        blob.push_str("\"end\":1}");
        let html = format!(
            "<html><body><div class=grid><div class=state>{blob}</div></div>\
             <div class=intro><p>{P}</p><p>{P}</p></div></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert_eq!(kept, [P, P]);
    }

    #[test]
    fn a_section_with_a_promo_box_in_it_joins_a_service_page() {
        // A landing page: the hero's prose, a menu of short links beside it, and further up a
        // benefits section whose call to action has a promo class. The section is mostly
        // prose: it joins the content (the promo box's links do not count against it); the
        // promo box still goes.
        let links: String = (0..30)
            .map(|k| format!("<li><a href=/{k}>Plan {k}</a></li>"))
            .collect();
        let html = format!(
            "<html><body><div class=page><div class=a><div class=b><div class=hero>\
             <p>{P}</p><p>{P}</p><p>{P}</p></div><ul>{links}</ul></div></div>\
             <div class=benefits><p>{P}</p><p>{P}</p>\
             <div class=promo-box><a href=/t>Start your free trial today and save on every plan we offer</a> \
             <a href=/u>Start your free trial today and save on every plan we offer</a></div></div>\
             <ul>{links}</ul></div></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert_eq!(kept, [P, P, P, P, P]);
    }

    #[test]
    fn a_hero_with_a_heading_joins_a_service_page() {
        // A landing page: a hero (its title and one sentence under it, under 30 words) above
        // the offer, a benefits section, and menus of links. The offer is the best element
        // and holds under 80% of the page. The hero has a heading and 15 words or more outside
        // it: it joins, as the benefits do.
        let links: String = (0..30)
            .map(|k| format!("<li><a href=/{k}>Plan {k}</a></li>"))
            .collect();
        let hero = "Talk to a licensed therapist from home, on your schedule, by video, voice or messages, whenever you need it.";
        let offer = format!("<p>{P}</p>").repeat(4);
        let benefits = format!("<p>{P}</p>").repeat(2);
        let html = format!(
            "<html><body><div class=page><div class=top><section class=hero>\
             <h1>Space to figure things out</h1><p>{hero}</p></section></div>\
             <div class=a><div class=b><div class=offer>{offer}</div><ul>{links}</ul></div></div>\
             <div class=benefits>{benefits}</div><ul>{links}</ul></div></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        let mut want = vec!["Space to figure things out", hero];
        want.extend([P; 6]);
        assert_eq!(kept, want);
    }

    #[test]
    fn a_table_of_linked_names_does_not_count_against_its_page() {
        // A list page: a short lead, a long table whose rows are a year and linked names, and
        // a reference list of citations. The rows are the page's data, so the element around
        // lead, table and references is the content, not the reference list alone.
        let mut rows = String::new();
        for year in 1901..1960 {
            rows.push_str(&format!(
                "<tr><td>{year}</td><td><a href=/a>Wilhelm Conrad Röntgen</a></td>\
                 <td><a href=/b>Jacobus Henricus van 't Hoff</a></td><td><a href=/c>Emil von Behring</a></td></tr>"
            ));
        }
        let mut refs = String::new();
        for k in 0..12 {
            refs.push_str(&format!(
                "<li>The Nobel Prize, an account by the Nobel Foundation of how the prizes are awarded, {k}. Retrieved in the year it was read.</li>"
            ));
        }
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/x>Random</a></nav><main><div class=body>\
             <p>{P}</p><table>{rows}</table><div class=refs><ol>{refs}</ol></div></div></main></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert!(kept.contains(&P), "{kept:?}");
        assert!(kept.iter().any(|t| t.contains("1901")), "{kept:?}");
    }

    #[test]
    fn a_discussion_loses_its_bare_vote_counts() {
        let post = |votes: &str, text: &str| {
            format!(
                "<div class=post><div class=votes>{votes}</div><div class=body><p>{P} {text}</p></div></div>"
            )
        };
        let html = format!(
            "<html><head><script type=application/ld+json>{{\"@type\":\"QAPage\"}}</script></head>\
             <body><main>{}{}{}</main></body></html>",
            post("154", "Question."),
            post("12", "Answer one."),
            post("-3", "Answer two.")
        );
        let page = parse(&html);
        assert!(page.discussion);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(v.iter().flatten().filter(|v| v.rule == VOTE_COUNT).count() == 3);
    }

    #[test]
    fn a_microdata_discussion_loses_its_vote_counts_but_not_its_numbers() {
        // Q&A sites say what the page is in microdata on `<html>`, with no JSON-LD: a bare
        // number beside a post goes, a program's output in a post's `<pre>` stays, and so does
        // a lone sign.
        let html = format!(
            "<html itemscope itemtype=\"https://schema.org/QAPage\"><body><main>\
             <div class=post><div class=votes>154</div><div class=body><p>{P}</p>\
             <pre><code>0\n1\n2</code></pre></div></div>\
             <div class=post><div class=votes>12</div><div class=body><p>{P} Answer.</p>\
             <p>-</p></div></div></main></body></html>"
        );
        let page = parse(&html);
        assert!(page.discussion);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        let votes: Vec<&str> = (v.iter().zip(&page.blocks))
            .filter(|(v, _)| v.as_ref().is_some_and(|v| v.rule == VOTE_COUNT))
            .map(|(_, b)| b.text.trim())
            .collect();
        assert_eq!(votes, ["154", "12"], "{kept:?}");
        assert!(kept.iter().any(|t| t.starts_with('0')), "{kept:?}");
        assert!(kept.contains(&"-"), "{kept:?}");
    }

    #[test]
    fn an_index_of_links_is_the_content_around_its_intro() {
        // A list page (JSON-LD says article, as an encyclopedia does): a short intro, then
        // letter headings over lists of linked names. The lists are the content; the menu
        // in the page's <nav> is not.
        let names = [
            "Ada", "Algol", "Awk", "Basic", "Bash", "Boo", "Cobol", "Caml", "Clojure", "Dart",
            "Dylan", "Delphi", "Eiffel", "Elm", "Erlang", "Forth", "Fortran", "Fennel",
        ];
        let lists: String = (names.chunks(3))
            .map(|c| {
                let items: String = (c.iter())
                    .map(|n| format!("<li><a href=/wiki/{n}>{n} language</a></li>"))
                    .collect();
                format!("<h2>{}</h2><ul>{items}</ul>", &c[0][..1])
            })
            .collect();
        let html = format!(
            "<html><head><script type=application/ld+json>{{\"@context\":\"https://schema.org\",\
             \"@type\":\"Article\",\"name\":\"List\"}}</script></head><body>\
             <nav><ul><li><a href=/>Home</a></li><li><a href=/a>About us</a></li></ul></nav>\
             <main><div class=text><p>This is an index to notable programming languages in \
             current or historical use, from the first ones to today's.</p>{lists}</div></main>\
             </body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        for n in names {
            assert!(kept.contains(&format!("{n} language").as_str()), "{kept:?}");
        }
        assert!(
            kept.iter().any(|t| t.starts_with("This is an index")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|t| t.contains("About us")), "{kept:?}");
    }

    #[test]
    fn a_short_article_is_not_read_as_a_listing() {
        // A short news story (well under a listing's prose) with a list of linked headlines
        // beside it: JSON-LD says the page is an article, so the headlines are not its items.
        let heads: String = (0..8)
            .map(|k| {
                format!(
                    "<li><a href=/n{k}>Ministers agree a new plan for the coast number {k}</a></li>"
                )
            })
            .collect();
        let html = format!(
            "<html><head><script type=application/ld+json>{{\"@context\":\"https://schema.org\",\
             \"@type\":\"NewsArticle\",\"headline\":\"Storm\"}}</script></head><body>\
             <div class=wrap><div class=story><p>{P}</p><p>{P} Again.</p></div>\
             <div class=hot><ul>{heads}</ul></div></div></body></html>"
        );
        let page = parse(&html);
        assert!(page.article);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert!(!kept.iter().any(|t| t.contains("Ministers")), "{kept:?}");
    }

    #[test]
    fn escaped_noscript_fallbacks_are_not_text() {
        // A page saved with scripts on: its <noscript> fallbacks are escaped text, and one in
        // <head> lands in the body. A tag in a code sample (<pre>) stays.
        let html = format!(
            "<html><head><noscript>&lt;link href=\"x.css\" rel=\"stylesheet\"&gt;</noscript></head>\
             <body><article><p>{P}</p><p>{P} Two.</p><pre>&lt;img src=\"a.png\" alt=\"\"&gt;</pre></article>\
             <noscript>&lt;img src=\"//pixel.example/?c=2\" height=\"1\" width=\"1\"&gt;</noscript></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        let two = format!("{P} Two.");
        assert_eq!(kept, [P, two.as_str(), "<img src=\"a.png\" alt=\"\">"]);
        let rules: Vec<&str> = v.iter().flatten().map(|v| v.rule.as_str()).collect();
        assert_eq!(
            rules.iter().filter(|r| **r == FALLBACK_TAG).count(),
            2,
            "{rules:?}"
        );
        assert!(!is_fallback_tag("<img"));
        assert!(!is_fallback_tag("<imgs src=x>"));
        assert!(is_fallback_tag(
            "<p style=\"position: absolute\"><img src=\"https://stats.example/s?a=1\" alt=\"\"></p>"
        ));
        assert!(!is_fallback_tag(
            "<img src=\"a.png\"> is how you add an image"
        ));
        assert!(!is_fallback_tag("<p class=\"x\"></p>"));
        assert!(is_fallback_tag(
            "<IFRAME src=\"https://www.googletagmanager.com/ns.html?id=1\">"
        ));
    }

    #[test]
    fn date_and_byline_lines_above_the_first_paragraph_go() {
        let html = format!(
            "<html><body><article><h1>A headline</h1><p>March 15, 2022 · 3 min read · By ASU Online</p>\
             <p>By Jane Doe, Staff Writer</p><p>Effective beginning 6/2/2025:</p><p>{P} {P}</p>\
             <p>Updated: Dec 12, 2025</p><p>{P}</p>{more}</article></body></html>",
            more = format!("<p>{P}</p>").repeat(8)
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        let kept = &kept[..5.min(kept.len())];
        let first = format!("{P} {P}");
        // The date line after the first paragraph is the article's own text.
        assert_eq!(
            kept,
            [
                "A headline",
                "Effective beginning 6/2/2025:",
                first.as_str(),
                "Updated: Dec 12, 2025",
                P
            ]
        );
        assert!(dateline("Last updated on September 16th, 2023 at 09:27 am").is_some());
        assert!(dateline("By clicking to watch this video, you agree").is_none());
        assert!(dateline("19-Dec-2025").is_some());
        assert!(dateline("Posted By").is_some());
        assert!(dateline("Reading Time: 8 minutes").is_some());
        // The month names are classify's: French, German and Spanish too.
        assert!(dateline("12. März 2024").is_some());
        assert!(dateline("12 mars 2024").is_some());
        assert!(dateline("10 Min Read").is_some());
        assert!(dateline("Posted").is_none());
    }

    #[test]
    fn main_outweighs_a_wordier_notice_outside_it() {
        let notice = "<p>The technical storage or access is strictly necessary for the legitimate purpose of enabling the use of a specific service requested by the user.</p>";
        let html = format!(
            "<body><main><h1>Vacuums</h1>{}</main>{}<div class=cmplz-banner>{}</div></body>",
            format!("<p>{P}</p>").repeat(10),
            "<p><a href=/a>Vacuums and cleaners</a> <a href=/b>Robots</a></p>".repeat(100),
            notice.repeat(15),
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert_eq!(kept[0], "Vacuums", "{kept:?}");
        assert_eq!(kept[1..], [P; 10]);
    }

    #[test]
    fn a_consent_notice_is_never_the_content() {
        // A consent manager's purposes outweigh a listing's short items; they are still a
        // notice. A cookie state class on <body> names no notice.
        let purpose = "<p>We and our partners store and access information on a device, such as cookies, and process personal data for personalised advertising and content measurement.</p>";
        let items: String = (1..=12)
            .map(|n| format!("<li><a href=/r{n}>Slow cooker pork stew number {n}</a></li>"))
            .collect();
        let html = format!(
            "<body><main><h1>Dinner recipes</h1><ul>{items}</ul></main>\
             <div id=onetrust-consent-sdk>{}</div></body>",
            purpose.repeat(12)
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&"Slow cooker pork stew number 3"), "{kept:?}");
        assert!(!kept.iter().any(|k| k.contains("partners")), "{kept:?}");
        let html = format!(
            "<body class='single cookies-not-set'><article>{}</article>\
             <div class=cookie-notice><p>We use cookies.</p></div></body>",
            format!("<p>{P}</p>").repeat(6)
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert_eq!(kept[..6], [P; 6]);
    }

    #[test]
    fn an_aside_left_open_around_the_page_is_not_chrome() {
        let html = format!(
            "<body><aside class=banner><a href=/>News</a><div class=menu><a href=/a>A</a></div>\
             <main><article><p>{P}</p><p>{P}</p></article></main></body>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert_eq!(kept, [P, P]);
    }

    #[test]
    fn captions_that_are_much_of_the_text_stay() {
        // A recipe's steps written under their photos: the captions are the instructions.
        let html = format!(
            "<html><head><script type=application/ld+json>{{\"@type\":\"Article\"}}</script></head>\
             <body><article><p>{P}</p><p>{P2}</p>\
             <div class=step><img src=1.jpg><p class=step-caption>Whisk the eggs and sugar until pale and thick, about five minutes with a mixer.</p></div>\
             <div class=step><img src=2.jpg><p class=step-caption>Fold in the flour, lemon zest and melted butter, then pour the batter into the tin.</p></div>\
             <div class=step><img src=3.jpg><p class=step-caption>Bake for forty minutes, until a skewer comes out clean, and let it cool.</p></div>\
             </article></body>"
        );
        let page = parse(&html);
        let v = extract(&page);
        assert_eq!(kept_texts(&page, &v).len(), 5);
    }

    #[test]
    fn short_call_to_action_boxes_go() {
        let html = format!(
            "<html><head><script type=application/ld+json>{{\"@type\":\"BlogPosting\"}}</script></head>\
             <body><article><p>{P}</p><div class=blog-cta><h3>Want to see it in action?</h3>\
             <p>Book a free demo and see how it plans your work days.</p><a href=/demo>Book a demo</a></div>\
             <p>{P2}</p><div class=cta-box><p>Important: call the emergency line before you report it.</p></div>\
             <div class=above-cta><p>{P3}</p><p>{P4}</p></div></article></body>"
        );
        let page = parse(&html);
        let v = extract(&page);
        // The box with no link is a note; the long one named so holds the text.
        assert_eq!(
            kept_texts(&page, &v),
            [
                P,
                P2,
                "Important: call the emergency line before you report it.",
                P3,
                P4
            ]
        );
        assert!(v.iter().flatten().any(|v| v.rule == CTA_BOX));
    }

    #[test]
    fn captions_named_by_class_go_beside_a_picture() {
        // An article by its JSON-LD: short as it is, not a listing.
        const ARTICLE_HEAD: &str =
            "<html><head><script type=application/ld+json>{\"@type\":\"Article\"}</script></head>";
        let html = format!(
            "{ARTICLE_HEAD}<body><article><p>{P}</p><div class=wp-caption><img src=a.jpg>\
             <p class=wp-caption-text>The trail above town. Photo: Jane Doe</p></div>\
             <p>{P}</p><div class=media><div class=frame><img src=b.jpg></div>\
             <div class=c-media__caption>Runners at the start line</div></div>\
             <p>{P}</p><p class=caption>A note with no picture near it</p>\
             <div class=table-caption>Tailwind display utility</div></article></body>"
        );
        let page = parse(&html);
        let v = extract(&page);
        assert_eq!(
            kept_texts(&page, &v),
            [
                P,
                P,
                P,
                "A note with no picture near it",
                "Tailwind display utility"
            ]
        );
        let rules: Vec<&str> = v.iter().flatten().map(|v| v.rule.as_str()).collect();
        assert!(rules.contains(&CLASS_CAPTION), "{rules:?}");
        // A long element named a caption is a description, and one with a heading is a
        // card's body: neither is a caption.
        let long = (1..=70)
            .map(|i| format!("word{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let html = format!(
            "{ARTICLE_HEAD}<body><article><p>{P}</p><div class=item-caption><img src=a.jpg><p>{long}</p></div>\
             <div class=thumbnail><img src=b.jpg><div class=caption><h3>Maria Lopez</h3>\
             <p>Maria has led the crews since 2009.</p></div></div></article></body>"
        );
        let page = parse(&html);
        let v = extract(&page);
        assert_eq!(
            kept_texts(&page, &v),
            [
                P,
                long.as_str(),
                "Maria Lopez",
                "Maria has led the crews since 2009."
            ]
        );
    }

    #[test]
    fn shapes_keep_their_first_order_past_the_index() {
        // More shapes than are searched one by one: each child still joins its shape's
        // group, and the groups come in the order their shapes first came.
        let html: String = (0..3 * SHAPES_SCAN)
            .map(|i| format!("<p class=c{}>x</p>", i % (2 * SHAPES_SCAN)))
            .collect();
        let doc = scraper::Html::parse_fragment(&html);
        let mut groups: Shapes<usize> = Shapes::default();
        let ps = doc.tree.nodes().filter_map(|n| n.value().as_element());
        for (i, el) in ps.filter(|e| e.name() == "p").enumerate() {
            group_by_shape(&mut groups, el, i);
        }
        let got: Vec<(String, Vec<usize>)> = (&groups)
            .into_iter()
            .map(|((_, c), m)| (c.to_string(), m.clone()))
            .collect();
        assert_eq!(got.len(), 2 * SHAPES_SCAN);
        for (k, (class, members)) in got.iter().enumerate() {
            assert_eq!(class, &format!("c{k}"));
            let want: Vec<usize> = (0..3 * SHAPES_SCAN)
                .filter(|i| i % (2 * SHAPES_SCAN) == k)
                .collect();
            assert_eq!(members, &want);
        }
    }

    #[test]
    fn article_text_in_boxes_named_a_caption_or_a_call_to_action_stays() {
        // A wrapper named a caption around a picture and the article's text beside it, a
        // card's body, a how-to's steps under their photos, a review's verdict box.
        const ARTICLE_HEAD: &str =
            "<html><head><script type=application/ld+json>{\"@type\":\"Article\"}</script></head>";
        let cases = [
            (
                "<div class=lead-media-caption><img src=a.jpg><p>The crews met at dawn to clear the lower path.</p></div>",
                "The crews met at dawn to clear the lower path.",
            ),
            (
                "<div class=card><img src=a.jpg><div class=card-caption><strong>Our verdict</strong> The lighter saw is the one to buy.</div></div>",
                "The lighter saw is the one to buy.",
            ),
            (
                "<div class=step><img src=a.jpg><p class=step-caption>Cut the stakes to length and drive them in.</p></div>",
                "Cut the stakes to length and drive them in.",
            ),
            (
                "<div class='review-cta verdict'><p>Worth it for any crew that works steep ground.</p><a href=/buy>See price</a></div>",
                "Worth it for any crew that works steep ground.",
            ),
        ];
        for (box_, text) in cases {
            let html = format!(
                "{ARTICLE_HEAD}<body><article><p>{P}</p><p>{P2}</p>{box_}<p>{P3}</p><p>{P4}</p>\
                 </article></body>"
            );
            let page = parse(&html);
            let v = extract(&page);
            let kept = kept_texts(&page, &v).join("\n");
            assert!(kept.contains(text), "{box_}: {kept}");
        }
    }

    #[test]
    fn forms_and_captions_inside_the_article_go() {
        let html = format!(
            "<body><article><p>{P}</p><figure><img src=a.jpg><figcaption>Photo: Someone / Agency</figcaption></figure>\
             <p>{P}</p><form class=ebook><label>Email*</label><select><option>Owner</option><option>Manager</option></select>\
             <p>Fill out the form to get a copy.</p></form><p>{P}</p></article></body>"
        );
        let page = parse(&html);
        let v = extract(&page);
        assert_eq!(kept_texts(&page, &v), [P, P, P]);
        let rules: Vec<&str> = v.iter().flatten().map(|v| v.rule.as_str()).collect();
        assert!(
            rules.contains(&CAPTION) && rules.contains(&FORM_IN_CONTENT),
            "{rules:?}"
        );
    }

    #[test]
    fn bylines_and_author_boxes_in_an_article_go() {
        let bio = "Jane Doe is a staff writer who has covered science and health for ten years.";
        let html = format!(
            "<body><article><div class=article__byline><a href=/jane>By Jane Doe</a></div>\
             {}<div class=author-bio><p>{bio}</p></div></article></body>",
            format!("<p>{P}</p>").repeat(12),
        );
        let page = parse(&html);
        let v = extract(&page);
        assert_eq!(kept_texts(&page, &v), [P; 12]);
        let rules: Vec<&str> = v.iter().flatten().map(|v| v.rule.as_str()).collect();
        assert!(
            rules.contains(&BYLINE) && rules.contains(&CLASS_HINT),
            "{rules:?}"
        );
    }

    #[test]
    fn a_grid_of_records_outweighs_a_blurb() {
        let card = |n: usize| {
            format!(
                "<li class=card><h3><a href=/p{n}>Dark Roast Coffee {n}</a></h3>\
                 <p>${n}.99 per bag</p><p>Whole bean, 12 oz</p><p>Weight:</p><p>1 lb</p>\
                 <button>Add to cart</button></li>"
            )
        };
        let cards: String = (1..=12).map(card).collect();
        let html = format!(
            "<body><div class=intro><p>{P}</p></div><div>{}</div><div class=shop><div class=results><ul class=grid>{cards}</ul></div></div></body>",
            "<p><a href=/a>Tea cups</a> <a href=/b>Mugs</a></p>".repeat(30)
        );
        let page = parse(&html);
        let e = extract_page(&page);
        let kept = kept_texts(&page, &e.verdicts);
        assert!(kept.contains(&"$7.99 per bag"), "{kept:?}");
        assert!(kept.contains(&"Dark Roast Coffee 7"), "{kept:?}");
        assert!(!kept.contains(&P), "{kept:?}");
        // Each card is a dedup scope of its own, but the cards' template ("Add to cart",
        // in every card) is not: its copies are copies. A label stays with its record.
        let at = |t: &str| page.blocks.iter().position(|b| b.text == t).unwrap();
        let add = at("Add to cart");
        assert_eq!(e.scopes[add], 0);
        let price = at("$7.99 per bag");
        assert_ne!(e.scopes[price], 0);
        assert_ne!(e.scopes[price], e.scopes[at("$8.99 per bag")]);
        assert_eq!(e.scopes[price + 2], e.scopes[price]);
        assert_eq!(page.blocks[price + 2].text, "Weight:");
    }

    #[test]
    fn a_sentence_in_every_record_is_a_field() {
        // Coupons that each end with the same terms: a sentence of a field, kept in each
        // coupon's scope; their button ("Print coupon") is the records' template.
        let card = |n: usize| {
            format!(
                "<li><a href=/c{n}><h3>{n}</h3></a><div class=desc><h2>${n}0 Off Any Repair</h2>\
                 <p>Must be presented before start of work.</p><button>Print coupon</button></div></li>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        let html = format!("<body><div class=coupon><ul>{cards}</ul></div></body>");
        let page = parse(&html);
        let e = extract_page(&page);
        let at = |t: &str| page.blocks.iter().position(|b| b.text == t).unwrap();
        let terms = at("Must be presented before start of work.");
        assert_ne!(e.scopes[terms], 0);
        assert_eq!(e.scopes[terms], e.scopes[at("$10 Off Any Repair")]);
        assert_eq!(e.scopes[at("Print coupon")], 0);
    }

    #[test]
    fn cards_written_out_again_for_another_screen_share_their_scopes() {
        // Feature cards with a button, then the same cards in a carousel without it (the
        // page's small-screen copy): the second copy is a copy, card by card.
        let feats = [
            (
                "Planning",
                "Plan every sprint with boards that update themselves as work moves.",
            ),
            (
                "Docs",
                "Write specs together and keep every decision next to the work.",
            ),
            (
                "Tracking",
                "See what is late, what is blocked and who needs help today.",
            ),
            (
                "Reports",
                "Share a weekly summary with stakeholders without building slides.",
            ),
        ];
        let grid: String = (feats.iter())
            .map(|(h, p)| {
                format!("<div class=card><h3>{h}</h3><p>{p}</p><a href=#>Learn more</a></div>")
            })
            .collect();
        let slides: String = (feats.iter())
            .map(|(h, p)| format!("<div class=slide><h3>{h}</h3><p>{p}</p></div>"))
            .collect();
        let html = format!(
            "<body><main><h1>Why teams choose us</h1><p>{P}</p><div class=grid>{grid}</div>\
             <div class=carousel>{slides}</div></main></body>"
        );
        let page = parse(&html);
        let e = extract_page(&page);
        let at = |t: &str| -> Vec<usize> {
            (page.blocks.iter().enumerate())
                .filter(|(_, b)| b.text == t)
                .map(|(i, _)| i)
                .collect()
        };
        for (h, p) in feats {
            let (hs, ps) = (at(h), at(p));
            assert_eq!((hs.len(), ps.len()), (2, 2), "{h}");
            assert_eq!(e.scopes[hs[0]], e.scopes[hs[1]], "{h}");
            assert_eq!(e.scopes[ps[0]], e.scopes[ps[1]], "{p}");
        }
    }

    #[test]
    fn a_stock_sentence_in_cards_beside_prose_is_their_template() {
        // Product picks in an article, each with the shop's stock line: where the cards are
        // not the content, that line is their template (page scope), and its copies go.
        let card = |n: usize| {
            format!(
                "<div class=pick><h3>Kettle {n}</h3><p>Boils a litre in {n} minutes.</p>\
                 <p>Prices are accurate as of the time of publication.</p></div>"
            )
        };
        let html = format!(
            "<body><article>{}<div class=picks>{}</div></article></body>",
            format!("<p>{P}</p>").repeat(12),
            (1..=6).map(card).collect::<String>()
        );
        let page = parse(&html);
        let e = extract_page(&page);
        let stock = (page.blocks.iter())
            .position(|b| b.text == "Prices are accurate as of the time of publication.")
            .unwrap();
        let kettle = page
            .blocks
            .iter()
            .position(|b| b.text == "Kettle 1")
            .unwrap();
        assert_ne!(e.scopes[kettle], 0);
        assert_eq!(e.scopes[stock], 0);
    }

    #[test]
    fn records_in_prose_are_dedup_scopes() {
        // An article with a comparison of funds: the records are not its content's weight,
        // but a field repeated from fund to fund ("Low cost") stays in each.
        let fund = |n: usize| {
            let cost = if n.is_multiple_of(2) {
                "Low cost"
            } else {
                "High cost"
            };
            format!(
                "<div class=fund><h3>Fund {n}</h3><p>Tries to match its benchmark {n}.</p>\
                 <p>{cost}</p></div>"
            )
        };
        let funds: String = (1..=4).map(fund).collect();
        let html = format!(
            "<body><article>{}<div class=funds>{funds}</div></article></body>",
            format!("<p>{P}</p>").repeat(12)
        );
        let page = parse(&html);
        let e = extract_page(&page);
        let low: Vec<usize> = (page.blocks.iter().enumerate())
            .filter(|(_, b)| b.text == "Low cost")
            .map(|(i, _)| i)
            .collect();
        assert_eq!(low.len(), 2);
        assert_ne!(e.scopes.get(low[0]).copied().unwrap_or(0), 0);
        assert_ne!(e.scopes[low[0]], e.scopes[low[1]]);
    }

    #[test]
    fn a_wrappers_class_does_not_name_its_records() {
        // A product grid inside a "pagination" wrapper (it loads page by page): the cards are
        // the content, not a menu. A review carousel's "reviews" class still names them.
        let card = |n: usize| {
            format!(
                "<article class=product-card><h3><a href=/p{n}>Crest Long Sleeve Shirt {n}</a></h3>\
                 <p>regular fit</p><p>Light Grey Marl</p><p>Regular Price: ${n}6</p></article>"
            )
        };
        let cards: String = (1..=20).map(card).collect();
        let html = format!(
            "<body><main><div class=pagination><div class=product-grid>{cards}</div></div>\
             <div class=seo><p>{P}</p></div></main></body>"
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&"Crest Long Sleeve Shirt 7"), "{kept:?}");
        assert!(kept.contains(&"Regular Price: $76"), "{kept:?}");
        let review = |n: usize| {
            format!("<div class=review><h3>Good item {n}</h3><p>Sturdy</p><p>Jane {n}</p></div>")
        };
        let reviews: String = (1..=20).map(review).collect();
        let html = format!(
            "<body><main><h1>Yoga mat</h1><p>{P}</p></main><div class=reviews-section>{reviews}</div></body>"
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(!kept.contains(&"Good item 7"), "{kept:?}");
    }

    #[test]
    fn a_body_class_names_no_page_part() {
        // A collection page without prose whose `<body>` says the theme has a sidebar
        // (`sidebar-enabled`, `et_left_sidebar`): the class is the page's, not a sidebar's,
        // and the product titles are its content.
        let card = |n: usize| {
            format!(
                "<div class=product-list-item><p class=meta><a href=/lodge>LODGE</a></p>\
                 <h4 class=title><a href=/p{n}>CAST IRON SKILLET {n}\"</a></h4><p>$3{n}.99 USD</p></div>"
            )
        };
        let cards: String = (1..=12).map(card).collect();
        let html = format!(
            "<body class='sidebar-enabled template-collection'><nav><a href=/>Home</a></nav>\
             <div class=main-content><h1>Lodge Cast Iron</h1><div class=collection-products>{cards}</div></div></body>"
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&"CAST IRON SKILLET 7\""), "{kept:?}");
        assert!(kept.contains(&"$37.99 USD"), "{kept:?}");
    }

    #[test]
    fn a_popup_is_never_what_the_page_is_about() {
        // A store finder whose only prose is a sign-up modal's: the modal, however much of the
        // page's prose it holds, does not decide where the content is; the finder does.
        let row = |n: usize| {
            format!("<tr><td>Store {n}</td><td>Main Street {n}</td><td>Open 9-5</td></tr>")
        };
        let rows: String = (1..=12).map(row).collect();
        let html = format!(
            "<body><main><h1>Find a store</h1><table class=stores>{rows}</table></main>\
             <div class=agile-modal><h3>We are growing our dealer network.</h3><p>{P}</p></div></body>"
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&"Store 7 Main Street 7 Open 9-5"), "{kept:?}");
        assert!(!kept.contains(&P), "{kept:?}");
    }

    #[test]
    fn a_card_linked_by_its_image_and_its_text_is_a_record() {
        // Product cards whose image is one link and whose fields are another, to the same
        // product: the image's link has no text, and the card's fields are not a link list.
        let card = |n: usize| {
            format!(
                "<div class=entry><a href=/p{n}><img src=/i{n}.jpg></a><a href=/p{n} class=content>\
                 <div class=title>Studio Headphones Model {n}</div><ul><li>Semi-open back</li>\
                 <li>Circumaural full size</li></ul><div class=price>19.00</div></a></div>"
            )
        };
        let cards: String = (1..=12).map(card).collect();
        let html = format!(
            "<body><h1>Studio headphones</h1><div class=results><div>{cards}</div></div></body>"
        );
        let page = parse(&html);
        let e = extract_page(&page);
        assert!(e.scopes.iter().any(|s| *s != 0), "not read as records");
    }

    #[test]
    fn a_product_pages_linked_cards_are_not_its_content() {
        // A product sheet with its description and a grid of other products, each card one
        // link: the cards are teasers, not records that outweigh the sheet.
        let card = |n: usize| {
            format!(
                "<li class=card><a href=/p{n}><h3>Gas Barbecue Model {n} with Side Burner</h3>\
                 <span class=brand>Grillmaster</span><span class=price>{n}99.00</span>\
                 <span class=stock>In stock, ships today</span></a></li>"
            )
        };
        let cards: String = (1..=40).map(card).collect();
        let d = "A gas barbecue with four burners, a cast iron grill and a side burner for sauces.";
        let html = format!(
            "<html><head><script type=application/ld+json>{{\"@type\":\"Product\"}}</script></head>\
             <body><div class=sheet><h1>Grillmaster Four</h1><p>{d}</p>{}</div>\
             <ul class=grid>{cards}</ul></body></html>",
            format!("<p>{P}</p>").repeat(15)
        );
        let page = parse(&html);
        assert!(page.product);
        let e = extract_page(&page);
        let kept = kept_texts(&page, &e.verdicts);
        assert!(kept.contains(&d), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("Model 7")), "{kept:?}");
    }

    #[test]
    fn other_products_cards_on_a_product_page_go() {
        // A product sheet whose description is followed, in the same element, by a strip of
        // other products' cards (a link and a price each): the cards go, the sheet stays.
        let card = |n: usize| {
            format!(
                "<div class=tile><a href=/p{n}>Precision Screwdriver Set {n}</a>\
                 <span class=stars>4.8</span><span class=price>${n}4.95</span></div>"
            )
        };
        let cards: String = (1..=4).map(card).collect();
        let html = format!(
            "<html><head><title>Magnetic Project Mat | Toolshop</title>\
             <script type=application/ld+json>{{\"@type\":\"Product\"}}</script></head>\
             <body><main><div class=product><h1>Magnetic Project Mat</h1>{}\
             <h3>Featured Products</h3><div class=strip>{cards}</div></div></main></body></html>",
            format!("<p>{P}</p>").repeat(4)
        );
        let page = parse(&html);
        assert!(page.product);
        let e = extract_page(&page);
        let kept = kept_texts(&page, &e.verdicts);
        assert!(kept.contains(&P), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("Set 2")), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("$14.95")), "{kept:?}");
    }

    #[test]
    fn other_products_cards_go_when_a_product_pages_records_are_its_content() {
        // A product sheet of short spec rows (a run of records, worth more than any prose on
        // the page) and a carousel of other products' cards: the records are the content,
        // and the cards still go.
        let card = |n: usize| {
            format!(
                "<div class=tile><div><a href=/p{n}>Precision Screwdriver Set {n}</a></div>\
                 <div class=stars>4.8 stars</div><div class=price>${n}4.95</div></div>"
            )
        };
        let cards: String = (1..=4).map(card).collect();
        let spec =
            |(k, v): (&str, &str)| format!("<div class=spec><div>{k}</div><div>{v}</div></div>");
        let specs: String = [
            ("Width", "60 cm wide"),
            ("Depth", "40 cm deep"),
            ("Weight", "2.5 kg in all"),
            ("Material", "steel and rubber"),
            ("Colour", "matte black finish"),
            ("Warranty", "two full years"),
        ]
        .into_iter()
        .map(spec)
        .collect();
        let html = format!(
            "<html><head><title>Magnetic Project Mat | Toolshop</title>\
             <script type=application/ld+json>{{\"@type\":\"Product\"}}</script></head>\
             <body><main><div class=product><h1>Magnetic Project Mat</h1>\
             <div class=specs>{specs}</div><div class=strip>{cards}</div></div></main></body></html>"
        );
        let page = parse(&html);
        assert!(page.product);
        let e = extract_page(&page);
        assert!(!e.scopes.is_empty(), "the records are not the content");
        let kept = kept_texts(&page, &e.verdicts);
        assert!(
            kept.iter().any(|t| t.contains("steel and rubber")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|t| t.contains("Set 2")), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("$14.95")), "{kept:?}");
    }

    #[test]
    fn other_posts_cards_below_an_article_go() {
        // A blog post whose element goes on, below its last paragraph, with a strip of other
        // posts (a linked title and a lead each): the strip goes, the post stays. The same
        // cards with no article above them (a blog's front page) stay.
        let card = |n: usize| {
            format!(
                "<div class=post-card><h4><a href=/p{n}>How to plan a garden {n}</a></h4>\
                 <p>Short lead of post {n} about soil.</p></div>"
            )
        };
        let cards: String = (1..=4).map(card).collect();
        let body = format!("<p>{P} {P}</p>").repeat(8);
        let html = format!(
            "<html><head><title>Raised beds</title></head><body><main><div class=entry>\
             <h1>Raised beds</h1>{body}<div class=more>{cards}</div></div></main></body></html>"
        );
        let page = parse(&html);
        let e = extract_page(&page);
        let kept = kept_texts(&page, &e.verdicts);
        assert!(kept.iter().any(|t| t.starts_with(P)), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("garden 2")), "{kept:?}");
        let rules: Vec<_> = e
            .verdicts
            .iter()
            .flatten()
            .map(|v| v.rule.as_str())
            .collect();
        assert!(rules.contains(&POST_CARDS), "{rules:?}");
        let front = format!(
            "<html><head><title>Blog</title></head><body><main><div class=more>{cards}</div>\
             </main></body></html>"
        );
        let page = parse(&front);
        let e = extract_page(&page);
        let kept = kept_texts(&page, &e.verdicts);
        assert!(kept.iter().any(|t| t.contains("garden 2")), "{kept:?}");
    }

    #[test]
    fn dated_teasers_with_whole_excerpts_below_an_article_go() {
        // A blog theme's "more posts" strip: each card a linked title, a date and a whole
        // excerpt (55 words, cut off with an ellipsis), over 60 words; the cards' smallest
        // class names their post's category, their first is the theme's. They go. The same
        // cards without date or ellipsis (long blocks of someone's text) stay.
        let lead = "the soil in a raised bed warms up early in spring and drains well ".repeat(4);
        let card = |n: usize, dated: bool| {
            let (date, end) = if dated {
                (format!("<div class=date>March {n}, 2025</div>"), "...")
            } else {
                (String::new(), ".")
            };
            format!(
                "<article class=\"post-card category-c{n} post-{n}\"><h4><a href=/p{n}>How to \
                 plan a garden {n}</a></h4>{date}<p>Lead {n}: {lead}{end}</p></article>"
            )
        };
        let body = format!("<p>{P} {P}</p>").repeat(8);
        for dated in [true, false] {
            let cards: String = (1..=4).map(|n| card(n, dated)).collect();
            let html = format!(
                "<html><head><title>Raised beds</title></head><body><main><div class=entry>\
                 <h1>Raised beds</h1>{body}<h2>Our journal</h2><div class=more>{cards}</div>\
                 </div></main></body></html>"
            );
            let page = parse(&html);
            let kept = kept_texts(&page, &extract_page(&page).verdicts);
            // The strip's heading goes with it.
            assert_eq!(kept.contains(&"Our journal"), !dated, "{kept:?}");
            assert!(kept.iter().any(|t| t.starts_with(P)), "{kept:?}");
            assert_eq!(
                kept.iter().any(|t| t.starts_with("Lead 2")),
                !dated,
                "{kept:?}"
            );
        }
    }

    #[test]
    fn a_price_is_a_currency_sign_beside_a_number() {
        assert!(has_price("$12.99"));
        assert!(has_price("Regular price 12,99 €"));
        assert!(has_price("12€"));
        assert!(!has_price("$ signs and 12 items"));
        assert!(!has_price("Model 2024"));
    }

    #[test]
    fn a_popover_is_never_what_the_page_is_about() {
        // A short forum post beside a `popover` card of browser instructions in tabs (hidden
        // panels count as content): the card is shown only on demand, the post is the page.
        let tab = |n: usize| {
            format!(
                "<div role=tabpanel {}><h5>Browser {n}</h5><ol><li>Tap the lock icon next to the \
                 address bar of the browser.</li><li>Find Notifications and adjust your preference \
                 in the settings.</li><li>Select the site settings and allow what you want.</li></ol></div>",
                if n > 1 { "hidden" } else { "" }
            )
        };
        let tabs: String = (1..=4).map(tab).collect();
        let html = format!(
            "<body><main><article><p>Hi, I would like to know the roadmap for future products and \
             releases. It appears the only information posted is about released ones.</p></article></main>\
             <i-card popover id=pushPrompt><h4>Configure browser push notifications</h4>{tabs}</i-card></body>"
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(
            kept.iter().any(|t| t.starts_with("Hi, I would")),
            "{kept:?}"
        );
        assert!(!kept.iter().any(|t| t.contains("lock icon")), "{kept:?}");
    }

    #[test]
    fn a_listings_linked_fields_are_not_prose_against_its_records() {
        // Job cards that are one link each, their fields phrases of a few words: on a page
        // without prose, their value as short items is not prose, and they are records.
        let card = |n: usize| {
            format!(
                "<li class=job><a href=/j{n}><h3>Senior Software Engineer Backend {n}</h3>\
                 <p>Cortes Twenty Three Company</p><p>Remote anywhere in the world</p><p>Full time</p></a></li>"
            )
        };
        let cards: String = (1..=12).map(card).collect();
        let html = format!(
            "<body><div class=intro><p>Remote jobs in programming.</p></div><ul class=jobs>{cards}</ul></body>"
        );
        let page = parse(&html);
        let e = extract_page(&page);
        assert!(e.listing);
        assert!(e.scopes.iter().any(|s| *s != 0), "not read as records");
    }

    /// Whether `html` holds one run of records, every block of it inside a record.
    fn one_run_of_records(html: &str) -> bool {
        let page = parse(html);
        let (rec, runs) = records(&page);
        runs.len() == 1 && rec.iter().all(|r| *r > 0)
    }

    #[test]
    fn cards_that_are_one_link_are_records() {
        let card = |n: usize| {
            format!(
                "<li class=job><a href=/j{n}><h3>Senior engineer {n}</h3><p>Remote, full time</p><p>$50,000</p></a></li>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        assert!(one_run_of_records(&format!(
            "<body><ul class=jobs>{cards}</ul></body>"
        )));
    }

    #[test]
    fn cards_wrapped_in_a_link_beside_a_short_one_are_records() {
        let card = |n: usize| {
            format!(
                "<li class=job><div class=logo><a href=/c{n}><span>Company profile</span></a></div>\
                 <a href=/j{n}><div><h3>Senior software engineer {n}</h3><p>Acme Widgets Ltd</p>\
                 <p>Remote, full time</p><p>$50,000 - $74,999 USD</p></div></a></li>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        assert!(one_run_of_records(&format!(
            "<body><ul class=jobs>{cards}</ul></body>"
        )));
    }

    #[test]
    fn a_long_run_of_cards_with_linked_fields_outside_the_chrome_is_records() {
        let card = |n: usize| {
            format!(
                "<li class=event><h3><a href=/e{n}>Code camp {n}</a></h3>\
                 <p>Tech conference in <a href=/c{n}>Eau Claire</a>, <a href=/s>Wisconsin</a></p>\
                 <p>March {n}</p></li>"
            )
        };
        let cards = |k: usize| (1..=k).map(card).collect::<String>();
        let events = format!("<body><ul class=events>{}</ul></body>", cards(8));
        assert!(one_run_of_records(&events));
        // Not a short run, nor one in a sidebar.
        let page = parse(&format!("<body><ul class=events>{}</ul></body>", cards(4)));
        assert!(records(&page).1.is_empty());
        let page = parse(&format!(
            "<body><div class=sidebar><ul class=events>{}</ul></div></body>",
            cards(8)
        ));
        assert!(records(&page).1.is_empty());
    }

    #[test]
    fn a_menu_is_not_a_run_of_records() {
        let item = |n: usize| {
            format!(
                "<li class=item><a href=/a{n}>Section {n}</a><ul><li><a href=/b{n}>Sub</a></li></ul></li>"
            )
        };
        let items: String = (1..=8).map(item).collect();
        let page = parse(&format!(
            "<body><ul class=top>{items}</ul><p>{P}</p></body>"
        ));
        let (rec, runs) = records(&page);
        assert!(runs.is_empty() && rec.iter().all(|r| *r == 0));
    }

    #[test]
    fn a_shops_recommendation_block_goes() {
        let card = |n: usize| {
            format!("<li class=card><h3>Blue Mug {n}</h3><p>$1{n}.00</p><p>Free delivery</p></li>")
        };
        let cards: String = (1..=5).map(card).collect();
        let html = format!(
            "<html><head><title>Red Teapot 1 litre | Shop</title></head><body><main>\
             <div class=product><h1>Red Teapot 1 litre</h1><p>{P}</p><p>$30.00</p></div>\
             <div class=recs><div class=head><h2>Customers also bought:</h2></div>\
             <div class=carousel><ul>{cards}</ul></div></div>\
             <div class=more><h2>Specifications</h2><p>{P} Specs.</p></div>\
             <div class=sticky><p>Red Teapot 1 litre</p><p>$30.00</p></div></main></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        let specs = format!("{P} Specs.");
        assert!(
            kept.contains(&P) && kept.contains(&specs.as_str()),
            "{kept:?}"
        );
        assert!(kept.contains(&"Specifications"), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("Mug")), "{kept:?}");
        assert!(!kept.contains(&"Customers also bought:"), "{kept:?}");
        let rules: Vec<&str> = v.iter().flatten().map(|v| v.rule.as_str()).collect();
        assert!(rules.contains(&SHOP_RELATED), "{rules:?}");
        assert!(is_shop_related_header("RELATED PRODUCTS (12)", false));
        assert!(is_shop_related_header("Ähnliche Produkte", false));
        assert!(!is_shop_related_header("Related", true));
        assert!(is_shop_related_header(
            "Similar products from other brands",
            true
        ));
        assert!(!is_shop_related_header(
            "Similar products from other brands",
            false
        ));
    }

    #[test]
    fn reviews_on_a_product_page_stay_reviews() {
        let r = "I bought this kettle for my mother and she says that it boils water faster than the old one did.";
        let html = format!(
            "<html><head><script type=application/ld+json>{{\"@type\":\"Product\",\"name\":\"Kettle\"}}</script></head>\
             <body><div class=product><h1>Kettle</h1><p>A steel kettle with a wide spout, a filter for limescale and a base that turns all the way round.</p><p>It switches itself off when the water boils, or when it is lifted from its base without water in it.</p><ul><li>Capacity: 1.7 litres</li>\
             <li>Power: 2200 W</li><li>Colour: silver</li></ul></div>\
             <div class=product-reviews>{}</div></body></html>",
            format!("<div class=review><p>{r}</p></div>").repeat(12),
        );
        let page = parse(&html);
        assert!(page.product);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&"Power: 2200 W"), "{kept:?}");
        assert!(!kept.contains(&r), "{kept:?}");
        // With next to nothing beside them, they are the page's text.
        let bare = html.replace(
            "<p>A steel kettle with a wide spout, a filter for limescale and a base that turns all the way round.</p><p>It switches itself off when the water boils, or when it is lifted from its base without water in it.</p><ul><li>Capacity: 1.7 litres</li>",
            "<ul>",
        )
        .replace(
            "<div class=product-reviews>",
            "<div class=newsletter><p>Sign up to our letter and get ten per cent off your next order of kitchen things from us.</p></div><div class=product-reviews>",
        );
        let page = parse(&bare);
        assert!(page.product);
        assert!(kept_texts(&page, &extract(&page)).contains(&r));
        // Without the product markup, reviews that are nearly all the page are its content.
        let page = parse(&html.replace("Product", "Thing"));
        assert!(!page.product);
        assert!(kept_texts(&page, &extract(&page)).contains(&r));
    }

    #[test]
    fn a_promo_bars_banner_variants_do_not_outweigh_a_catalogue() {
        // A shop's promo bar writes out its banner once per currency; the page's own content
        // is a grid of products with short lines. The banners are variants of one line.
        let tail = "For more information on shipping rates and timelines, please visit our \
                    international page";
        let bar: String = ["$40+", "$60 CAD+", "65€ or more", "¥990 or more", "480kr or more"]
            .iter()
            .map(|c| format!("<div class=promo-bar__slide><p>Free standard shipping on orders {c}. {tail}</p></div>"))
            .collect();
        let items: String = (1..=8)
            .map(|k| {
                format!(
                    "<li class=collection__item><h3>Balm Trio {k}</h3><p>Original formula</p>\
                     <p>Sale price: €{k}9,95</p></li>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><div class=promo-bar>{bar}</div>\
             <section id=collection><h1>Skincare Sets</h1><ul class=grid>{items}</ul></section>\
             </body></html>"
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&"Balm Trio 3"), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains(tail)), "{kept:?}");
    }

    #[test]
    fn paragraphs_that_end_alike_under_a_promo_hint_are_not_banner_variants() {
        // A poem in a newsletter's page, each stanza ending in its refrain, and offers that
        // each end in the same terms: they are the page's text, not a banner per currency.
        let refrain = "and still the tide came in and the tide went out.";
        let stanzas: String = [
            "The gulls were loud",
            "My father mended nets",
            "The harbour slept",
        ]
        .iter()
        .map(|s| format!("<p>{s} beside the grey stone wall that summer, {refrain}</p>"))
        .collect();
        let cards: String = (1..=8)
            .map(|k| format!("<li><h3>Story {k}</h3><p>Town news</p><p>2 min read</p></li>"))
            .collect();
        let html = format!(
            "<html><body><div class=newsletter><h1>The Tide, a poem</h1>{stanzas}</div>\
             <section class=more><ul>{cards}</ul></section></body></html>"
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.iter().any(|t| t.contains(refrain)), "{kept:?}");
        // Offers of different wording with the same terms at the end (no heading above).
        let terms = "Offer valid while supplies last. Terms and conditions apply.";
        let offers: String = [
            "Half price on every winter coat in the store this weekend only for members.",
            "Buy two pairs of boots and get a third pair free, any size or colour.",
            "Twenty percent off all kitchen knives when you spend fifty pounds or more.",
            "A free scarf with every order of a wool jumper from the autumn range.",
        ]
        .iter()
        .map(|o| format!("<p>{o} {terms}</p>"))
        .collect();
        let html = format!(
            "<html><body><div class=promo>{offers}</div>\
             <section class=more><ul>{cards}</ul></section></body></html>"
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.iter().any(|t| t.contains(terms)), "{kept:?}");
    }

    /// The texts of the blocks `v` keeps.
    fn kept_texts<'p>(page: &'p Page, v: &[Option<Verdict>]) -> Vec<&'p str> {
        (page.blocks.iter().zip(v))
            .filter(|(_, v)| v.is_none())
            .map(|(b, _)| b.text.as_str())
            .collect()
    }

    #[test]
    fn a_discussions_replies_beside_its_post_are_content() {
        // A forum thread: the opening post in its own box, the replies in a comment list
        // beside it. The page says it is a discussion, so the replies are its content too.
        let r = "I had the same trouble last week and moving the files to a new folder fixed it for me.";
        let html = format!(
            "<html itemscope itemtype=https://schema.org/DiscussionForumPosting><body><main>\
             <div class=discussion><div class=message>{}</div></div>\
             <ul class=comments>{}</ul></main></body></html>",
            format!("<p>{P}</p>").repeat(6),
            format!("<li class=item-comment><div class=message><p>{r}</p></div></li>").repeat(5),
        );
        let page = parse(&html);
        assert!(page.discussion);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&P), "{kept:?}");
        assert_eq!(kept.iter().filter(|t| **t == r).count(), 5, "{kept:?}");
        // Comments inside the posts (a Q&A site's remarks under an answer) stay comments.
        let c = "Could you add the version of the program that you used when you saw this happen?";
        let html = format!(
            "<html itemscope itemtype=https://schema.org/QAPage><body><main>{}</main></body></html>",
            format!(
                "<div class=answer><div class=post-body><p>{P}</p><p>{P}</p></div>\
                 <ul class=comments><li class=comment>{c}</li></ul></div>"
            )
            .repeat(3),
        );
        let page = parse(&html);
        assert!(page.discussion);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&P), "{kept:?}");
        assert!(!kept.contains(&c), "{kept:?}");
    }

    #[test]
    fn a_threads_user_cards_and_signatures_go_but_not_its_short_posts() {
        // A forum thread of short replies, each beside its poster's card (title, join date,
        // message count) and over a long signature. The cards and signatures go; they do
        // not weigh against the thread, nor does the signatures' prose make them its text.
        let r = "Congrats, that is great news for you!";
        let sig = "Design should be simple and honest, and I advocate for both on behalf of everyone who uses it.";
        let post = |text: &str| {
            format!(
                "<article class=message><div class=message-user><h4 class=message-name>poster</h4>\
                 <h5 class=\"userTitle message-userTitle\">Full Member</h5>\
                 <div class=message-userExtras><dl><dt>Joined</dt><dd>Jun 29, 2016</dd></dl>\
                 <dl><dt>Messages</dt><dd>4,726</dd></dl><dl><dt>Reaction score</dt><dd>12</dd></dl>\
                 <dl><dt>Points</dt><dd>113</dd></dl></div></div>\
                 <div class=message-content><p>{text}</p>\
                 <div class=message-signature><p>{sig}</p><p>{sig}</p></div></div></article>"
            )
        };
        let html = format!(
            "<body><div class=p-nav><ul>{}</ul></div><div class=thread>{}{}</div></body>",
            "<li><a href=/>Forums</a></li>".repeat(8),
            post(P),
            (0..6).map(|_| post(r)).collect::<String>(),
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&P), "{kept:?}");
        assert_eq!(kept.iter().filter(|t| **t == r).count(), 6, "{kept:?}");
        for chrome in ["Full Member", "Joined", "4,726", "Reaction score", sig] {
            assert!(!kept.contains(&chrome), "{chrome}: {kept:?}");
        }
    }

    #[test]
    fn a_posters_card_at_the_head_of_every_post_goes() {
        // A thread of posts, each a profile list (a name, a rank, a join date, a place) at
        // its left and the post beside it; no class says what the list is.
        let card = |who: &str, rank: &str| {
            format!(
                "<dl class=postprofile><dt>{who}</dt><dd>{rank}</dd><dd>Founded: Dec 11, 2021</dd>\
                 <dd>Posts: 1,204 in all</dd><dd>Primary OS: Mac OS X other</dd></dl>"
            )
        };
        let post = |who: &str, rank: &str, text: &str| {
            format!(
                "<div class=\"post bg2\"><div class=inner>{}<div class=postbody>\
                 <p class=author>by {who} » Tue Aug 27, 2019</p><div class=content>{text}</div>\
                 <div class=content>{P}</div></div></div></div>",
                card(who, rank)
            )
        };
        let r =
            "I have to tell you that the league has decided to expel the club after all this time.";
        let html = format!(
            "<body><div id=page-body>{}{}{}{}</div></body>",
            post("Minoa", "Negotiator", P),
            post("Bombadil", "Post Marshal", r),
            post("Ayytaly", "Minister", r),
            post("Minoa", "Negotiator", r),
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        // The posts hold about two and a half times the cards' words.
        assert_eq!(kept.iter().filter(|t| **t == P).count(), 5, "{kept:?}");
        assert_eq!(kept.iter().filter(|t| **t == r).count(), 3, "{kept:?}");
        assert!(kept.contains(&"by Bombadil » Tue Aug 27, 2019"), "{kept:?}");
        for chrome in [
            "Negotiator",
            "Post Marshal",
            "Founded: Dec 11, 2021",
            "Posts: 1,204 in all",
            "Primary OS: Mac OS X other",
        ] {
            assert!(!kept.contains(&chrome), "{chrome}: {kept:?}");
        }
        assert!(v.iter().flatten().any(|v| v.rule == POSTER_CARD));
        // On a page that says it is an article, such records are its items (a ranked list
        // of colleges, each with its place and kind above its description): they stay.
        let html = html.replace(
            "<body>",
            "<head><script type=application/ld+json>{\"@type\":\"Article\"}</script></head><body>",
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert!(kept.contains(&"Post Marshal"), "{kept:?}");
    }

    #[test]
    fn a_blog_archives_post_headers_are_no_posters_cards() {
        // A category page of a blog theme (its JSON-LD says CollectionPage, not Article):
        // each post's header (a linked title, a byline and date, a category) above its
        // excerpt. The shape of a thread's poster cards, but a title leads each and no line
        // names a member's counts.
        let excerpt = "The committee met on Tuesday to discuss the budget for the coming year, and \
                       after a long debate the members agreed to raise spending on schools.";
        let post = |n: usize| {
            format!(
                "<article class=\"post type-post\"><header class=entry-header><h2 class=entry-title>\
                 <a href=/p{n}>Notes from the council, week {n}</a></h2><div class=entry-meta>\
                 <span>By Sam Lee</span> <span>March {n}, 2024</span></div>\
                 <span class=cat><a href=/c>Local</a></span></header>\
                 <div class=entry-summary><p>{excerpt} Part {n}.</p></div></article>"
            )
        };
        let html = format!(
            "<head><script type=application/ld+json>{{\"@type\":\"CollectionPage\"}}</script></head>\
             <body><main><h1>Category: Local</h1>{}</main></body>",
            (1..=6).map(post).collect::<String>()
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        for n in 1..=6 {
            let title = format!("Notes from the council, week {n}");
            assert!(kept.contains(&title.as_str()), "{title}: {kept:?}");
        }
        assert!(
            !v.iter().flatten().any(|v| v.rule == POSTER_CARD),
            "{kept:?}"
        );
    }

    #[test]
    fn long_comments_under_an_article_stay_comments() {
        let c = "I read this and I think that the author is right about most of it, but not all of it, as usual.";
        let html = format!(
            "<body><article>{}</article><div id=comments>{}</div></body>",
            format!("<p>{P}</p>").repeat(10),
            format!("<div class=comment><p>{c}</p><p>{c}</p></div>").repeat(20),
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert_eq!(kept, [P; 10]);
        // The same page saying it is a discussion keeps its replies.
        let forum = html.replace(
            "<body>",
            r#"<script type="application/ld+json">{"@type":"DiscussionForumPosting"}</script><body>"#,
        );
        let page = parse(&forum);
        assert!(page.discussion);
        let kept = extract(&page).iter().filter(|v| v.is_none()).count();
        assert_eq!(kept, 50);
    }

    #[test]
    fn comments_inside_the_posts_own_container_stay_comments() {
        // A theme that puts the comment list after the post's paragraphs, in one element,
        // beside a sidebar and under a menu: the post is the content, the comments go. Were
        // the comments counted against the element, the sidebar would outweigh the post.
        let c = "I read this and I think that the author is right about most of it, but not all of it, as usual.";
        let html = format!(
            "<body><ul>{}</ul><div class=postarea>{}<div id=comments><ol class=commentlist>{}</ol></div></div>\
             <div class=side><p>{P}</p></div></body>",
            "<li><a href=/x>Section</a></li>".repeat(40),
            format!("<p>{P}</p>").repeat(16),
            format!("<li class=comment><p>{c}</p><p>{c}</p><p>{c}</p></li>").repeat(15),
        );
        let page = parse(&html);
        let v = extract(&page);
        assert_eq!(kept_texts(&page, &v), [P; 16]);
    }

    #[test]
    fn a_headings_anchor_is_not_a_widget_name() {
        // `reply` in a heading's slug does not make its section a comment widget.
        let html = format!(
            "<body><article>{}<h2 id=receive-and-reply-to-an-inbound-message>Receive and reply</h2>\
             <section id=receive-and-reply-to-an-inbound-message-section><p>{P}</p></section>\
             </article></body>",
            format!("<p>{P}</p>").repeat(6),
        );
        let page = parse(&html);
        let v = extract(&page);
        assert_eq!(kept_texts(&page, &v).len(), 8);
    }

    #[test]
    fn a_hidden_modal_is_not_text_to_reveal() {
        let html = format!(
            "<body><article>{}</article><div class=modal style='display: none'>{}</div></body>",
            format!("<p>{P}</p>").repeat(3),
            format!("<p>{P} Republish it.</p>").repeat(8),
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = kept_texts(&page, &v);
        assert_eq!(kept, [P; 3]);
    }

    #[test]
    fn a_hidden_copy_of_the_text_reveals_nothing() {
        // The page's own Markdown, hidden, is longer than the article: it is still not text
        // waiting to be revealed, so it goes and the article stays.
        let paras = [
            "Choosing the right tool is a balancing act between features and price.",
            "Most teams overbuy and then spend months configuring what they never use.",
            "Start with your needs and be honest about what your team can maintain.",
        ];
        let md: String = paras
            .iter()
            .map(|p| format!("## {p} [link](https://x.example/a)\n"))
            .collect();
        let html = format!(
            "<body><main><article>{}</article><pre aria-hidden=true hidden>{md}{md}</pre></main></body>",
            paras
                .iter()
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>(),
        );
        let page = parse(&html);
        let kept = kept_texts(&page, &extract(&page));
        assert_eq!(kept, paras);
    }

    #[test]
    fn forum_posts_are_the_content() {
        let post = |n: usize| {
            format!(
                "<div class='comment post' id=c{n}><span class=author>user{n}</span><p>{P}</p></div>"
            )
        };
        let html = format!(
            "<body><nav><a href=/>Forum index</a></nav><div class=thread>{}{}{}</div></body>",
            post(1),
            post(2),
            post(3)
        );
        let page = parse(&html);
        let v = extract(&page);
        let kept = page
            .blocks
            .iter()
            .zip(&v)
            .filter(|(b, v)| v.is_none() && b.text == P)
            .count();
        assert_eq!(kept, 3);
    }
}

//! Main-content extraction: decides, for every text block of a parsed HTML page (see
//! [`crate::html`]), whether it belongs to the page's main content, and records why not.
//!
//! Each block gets a value: positive for text that reads like content (long, few links, many
//! stop words in any of the supported languages), negative for link lists, short chrome and
//! blocks inside navigation, sidebars, footers or elements whose class or id names a widget.
//! `<article>`, `<main>`, `itemprop=articleBody` and JSON-LD `articleBody` raise the value of
//! the text they hold: evidence, not a verdict; on a page whose `<main>` holds text, the
//! text outside it counts for half. The main content is the element whose blocks
//! add up to the most (a maximum-sum subtree of the DOM); blocks outside it go, and inside it
//! the blocks of nested navigation, widgets and hidden elements go too, each with its reason.

use crate::classify::{Evidence, Verdict};
use crate::html::{Block, Element, Page, flag, hint};
use crate::text;
use std::collections::HashMap;

/// Rule names, as they appear in provenance.
pub const OUTSIDE: &str = "html_outside_main";
pub const SEMANTIC: &str = "html_semantic_element";
pub const CLASS_HINT: &str = "html_class_hint";
pub const HIDDEN: &str = "html_hidden";
pub const LINK_LIST: &str = "html_link_list";
pub const TITLE: &str = "html_title";
pub const FORM_IN_CONTENT: &str = "html_form_in_content";
pub const CAPTION: &str = "html_figure_caption";

/// Hints that name a page part other than the content.
const BAD_HINTS: u32 = hint::COMMENT
    | hint::RELATED
    | hint::SHARE
    | hint::NAV
    | hint::CHROME
    | hint::AD
    | hint::COOKIE
    | hint::PROMO
    | hint::BREADCRUMB;

/// What a block's text is made of, worked out once.
struct Text {
    words: f64,
    stops: f64,
    /// Its normalised text is in the JSON-LD `articleBody` (blocks of five words or more).
    in_body: bool,
}

impl Text {
    fn of(b: &Block, body: Option<&str>, norm: &mut String) -> Text {
        norm.clear();
        text::normalize_into(&b.text, norm);
        let (mut words, mut stops) = (0.0, 0.0);
        for w in text::norm_words(norm) {
            words += 1.0;
            stops += f64::from(u8::from(text::stop_words().contains(w)));
        }
        let in_body = words >= 5.0 && body.is_some_and(|body| body.contains(norm.as_str()));
        Text {
            words,
            stops,
            in_body,
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
}

impl Scoring {
    /// Text alone: no hint counts.
    const RAW: Scoring = Scoring {
        ignore: u32::MAX,
        ignore_flags: 0,
        short: 0.0,
        off_main: 1.0,
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
        if short > 0.0 && n >= 4.0 { 0.4 * n } else { -n }
    } else if n >= 12.0 && stops / n >= 0.1 {
        n * (1.0 - ld)
    } else if n >= 12.0 {
        0.5 * n * (1.0 - ld)
    } else if short > 0.0 {
        short * n * (1.0 - 2.0 * ld) - 0.5
    } else {
        -0.5 - n * ld
    };
    let h = b.all_hints() & !ignore;
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
    let blocks = &page.blocks;
    let body = page.article_body.as_deref().map(text::normalize);
    let mut norm = String::new();
    let texts: Vec<Text> = (blocks.iter())
        .map(|b| Text::of(b, body.as_deref(), &mut norm))
        .collect();
    // Hints on most of the page's content are what the page is about (a forum's posts, a
    // list of products), not widgets around it: they are ignored.
    // Likewise a `<nav>` or `<aside>` around nearly all the page's text: an
    // element left open, not the page's chrome.
    let ignore_flags = dominant_flags(blocks, &texts);
    let raw_scoring = Scoring {
        ignore_flags,
        ..Scoring::RAW
    };
    let raw: Vec<f64> = (blocks.iter())
        .zip(&texts)
        .map(|(b, t)| value(b, t, raw_scoring))
        .collect();
    // A hidden popup or modal is not text waiting to be revealed: it does not count towards
    // what dominates the page.
    let raw: Vec<f64> = (blocks.iter().zip(raw))
        .map(|(b, r)| {
            let popup = b.flags & flag::HIDDEN != 0 && b.all_hints() & hint::PROMO != 0;
            if popup { r.min(0.0) } else { r }
        })
        .collect();
    let mut dominant = dominant_hints(blocks, &raw, 0, 0..blocks.len());
    // Comments that outweigh the article above them are still comments: they are the
    // content only on a thread, a page whose own text is short beside its replies (or that
    // says it is a discussion).
    if dominant & hint::COMMENT != 0 && !page.discussion {
        let scoring = Scoring {
            ignore: dominant & !hint::COMMENT,
            ignore_flags,
            short: 0.0,
            off_main: 1.0,
        };
        let values: Vec<f64> = (blocks.iter())
            .zip(&texts)
            .map(|(b, t)| value(b, t, scoring))
            .collect();
        if best_element(page, &values, dominant)
            .is_some_and(|(sum, e)| e.hints & hint::COMMENT == 0 && sum >= ARTICLE_BESIDE_COMMENTS)
        {
            dominant &= !hint::COMMENT;
        }
    }
    // Text hidden until a script shows it (a reveal effect, a consent wall) is still the page's
    // content when it is most of it.
    let hidden: f64 = (0..blocks.len())
        .filter(|&i| blocks[i].flags & flag::HIDDEN != 0 && raw[i] > 0.0)
        .map(|i| raw[i])
        .sum();
    let positive: f64 = raw.iter().filter(|v| **v > 0.0).sum();
    if hidden > 0.5 * positive {
        dominant |= hint::HIDDEN;
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
    };
    let mut values: Vec<f64> = (blocks.iter())
        .zip(&texts)
        .map(|(b, t)| value(b, t, scoring))
        .collect();
    let mut best = best_element(page, &values, dominant);
    // A page without prose (a listing, a product sheet, a catalogue): its short items are the
    // content, so they count for, not against, the element that holds them.
    let prose: f64 = best.map_or(0.0, |(_, e)| {
        values[e.first..e.end].iter().filter(|v| **v > 0.0).sum()
    });
    let listing = prose < LISTING_PROSE;
    if listing {
        scoring.short = 0.5;
        values = (blocks.iter())
            .zip(&texts)
            .map(|(b, t)| value(b, t, scoring))
            .collect();
        best = best_element(page, &values, dominant);
    }
    let (first, end, depth, cflags, cpath) = match best {
        Some((_, e)) => (e.first, e.end, e.depth, e.flags, page.path(e.node)),
        None => (0, blocks.len(), 0, 0, "html".to_string()),
    };
    // Content split over sibling elements (streamed chunks, a lead and a body side by side)
    // joins the best one when a sibling is worth a good share of it.
    let mut parts = vec![(first, end, cflags)];
    if let Some((sum, e)) = best {
        let by_node: HashMap<ego_tree::NodeId, &Element> = (page.elements.iter())
            .filter_map(|el| el.node.map(|n| (n, el)))
            .collect();
        // Text outside a `<main>` that counts (see above) does not join the text inside it.
        let within = if off_main < 1.0 { flag::MAIN } else { 0 };
        parts.extend(siblings(page, &by_node, &values, e, sum, within));
        // One level up too: the best element may be the one child of a chunk whose
        // siblings are the other chunks.
        let parent = e.node.and_then(|n| page.doc.tree.get(n)?.parent());
        if let Some(up) = parent.and_then(|p| by_node.get(&p.id())) {
            parts.extend(siblings(page, &by_node, &values, up, sum, within));
        }
    }
    let inside = |i: usize| parts.iter().any(|&(a, b, _)| i >= a && i < b);
    let flags_at = |i: usize| {
        (parts.iter())
            .find(|&&(a, b, _)| i >= a && i < b)
            .map_or(0, |p| p.2)
    };
    let ignore = dominant | dominant_hints(blocks, &raw, depth, first..end);
    let mut v: Vec<Option<Verdict>> = vec![None; blocks.len()];
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
        if !inside(i) {
            let (reason, _) = kind_of(b, 0, 0);
            v[i] = Some(verdict(
                page,
                reason,
                OUTSIDE,
                b,
                format!("outside the main content ({cpath})"),
            ));
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
        let (reason, word) = kind_of(b, depth, ignore);
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
        if let Some((reason, rule, detail)) = inner_chrome(page, b, &texts[i], below) {
            v[i] = Some(verdict(page, reason, rule, b, detail.into()));
            continue;
        }
        if b.link_density() > 0.8 && b.flags & flag::HEADING == 0 && values[i] < 0.0 {
            v[i] = Some(verdict(
                page,
                "navigation",
                LINK_LIST,
                b,
                format!("{:.0}% of its text is links", 100.0 * b.link_density()),
            ));
        }
    }
    drop_title(page, &mut v, first, end);
    v
}

/// Below this much prose (weighted words of long, low-link blocks) in the best element, a
/// page is read as a listing (see [`extract`]).
const LISTING_PROSE: f64 = 300.0;

/// Content-like text a `<main>` element must hold to count (see [`extract`]).
const MAIN_MIN: f64 = 40.0;

/// What text outside such a `<main>` is worth, as a share of its value.
const OFF_MAIN: f64 = 0.5;

/// What the best element apart from the comments must be worth for a page's comments to
/// stay comments when they are most of its text (see [`extract`]).
const ARTICLE_BESIDE_COMMENTS: f64 = 300.0;

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

/// Share of the page's content-like text a semantic flag must cover to be ignored.
const DOMINANT_FLAG: f64 = 0.9;

/// The hints (given below `depth`) on more than half the content-like text of `range`.
fn dominant_hints(blocks: &[Block], raw: &[f64], depth: u32, range: std::ops::Range<usize>) -> u32 {
    let positive: f64 = raw[range.clone()].iter().filter(|v| **v > 0.0).sum();
    let mut dominant = 0u32;
    for k in 0..crate::html::HINTS {
        let bit = 1u32 << k;
        let under: f64 = (range.clone())
            .filter(|&i| blocks[i].hints_below(depth) & bit != 0 && raw[i] > 0.0)
            .map(|i| raw[i])
            .sum();
        // Comments under an article are still comments when the article is there: only a
        // page that is nearly all comments (a forum thread) has them as its content.
        if positive > 0.0 && under > 0.5 * positive {
            dominant |= bit;
        }
    }
    dominant
}

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
) -> Option<(&'static str, &'static str, &'static str)> {
    if t.in_body {
        return None;
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
    None
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
        (hint::BREADCRUMB, "breadcrumb", "breadcrumb"),
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

    /// The texts of the blocks `v` keeps.
    fn kept_texts<'p>(page: &'p Page, v: &[Option<Verdict>]) -> Vec<&'p str> {
        (page.blocks.iter().zip(v))
            .filter(|(_, v)| v.is_none())
            .map(|(b, _)| b.text.as_str())
            .collect()
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

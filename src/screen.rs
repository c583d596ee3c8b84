//! Copies written out for other screen sizes. A responsive page often holds one section two
//! or three times, one copy per breakpoint, and hides all but one with CSS: a desktop and a
//! phone layout of the same hero (Framer's `ssr-variant`s), a product description repeated
//! in a `hide-on-desktop` box, a `d-lg-none` copy of a sidebar. A reader at one screen width
//! sees each section once.
//!
//! An element is *for other screens* when a class of it is one the page's own `<style>`
//! hides inside an `@media` rule that covers a desktop width ([`DESKTOP`]), or hides outside
//! any and shows again inside one that does not (`.mobile-only{display:none}` then
//! `@media (max-width:767px){.mobile-only{display:block}}`). Such an element whose kept
//! text is mostly a copy of the kept text not for other screens is a screen copy (see
//! [`copies`]) and goes; one with text of its own (a phone-only notice), or whose original
//! goes for another reason, stays, as do elements hidden at every width.
//!
//! Only the page's own style sheets count, not a framework's class names (`d-lg-none`,
//! `md:hidden`, `elementor-hidden-desktop`, `mobile-only`): their style sheets are not in
//! the page, and a name can mislead (`sc-margin-small-only--md` is a margin). On the WCXB
//! pages such names marked copies that half the references keep.

use crate::html::{Block, flag};
use std::collections::HashSet;

/// Sets of class names, hashed with foldhash (looked up for every class name of the page).
pub type Names<'a> = HashSet<&'a str, foldhash::fast::FixedState>;

/// The screen width, in CSS pixels, taken as the reader's: a laptop or desktop screen.
pub const DESKTOP: f64 = 1280.0;

/// Share of a copy's word triples found in the text not for other screens at or above which
/// it is a screen copy (as for hidden copies: markup differs a little between layouts).
pub const COPY: f64 = 0.6;

/// Class names that the page's `<style>` elements (`styles`: their contents' byte ranges in
/// `html`, see [`crate::html::prepare`]) hide at [`DESKTOP`] width by a media
/// query (see the module comment). A lexical scan: rules whose selector is a list of
/// single class names (`.hidden-c64fhs`, `.mobile-only, .phone-only`), in `@media` blocks
/// whose condition is nothing but a `min-width` / `max-width` range (not `hover`,
/// `pointer`, `max-height`, `orientation`), or at the top level. Returned with them: the
/// class names a media rule that covers [`DESKTOP`] shows (an element with one of those is
/// shown whatever else its classes say: `d-lg-none d-xl-block`).
pub fn css_classes<'a>(html: &'a str, styles: &[(usize, usize)]) -> (Names<'a>, Names<'a>) {
    let mut rules = Rules::default();
    let media = memchr::memmem::Finder::new(b"@media");
    let display = memchr::memmem::Finder::new(b"display");
    for &(a, z) in styles {
        let css = &html[a..z];
        // Only a style sheet with media rules can hide a class at some widths.
        if media.find(css.as_bytes()).is_some() {
            scan(css, &display, &mut rules);
        }
    }
    let Rules {
        base_hidden,
        hidden_here,
        shown_here,
        shown_elsewhere,
        ..
    } = rules;
    let hidden = (hidden_here.iter().copied())
        .chain(base_hidden.intersection(&shown_elsewhere).copied())
        .filter(|c| !shown_here.contains(c))
        .collect();
    (hidden, shown_here)
}

/// What the style sheets say of single class names (see [`css_classes`]).
#[derive(Default)]
struct Rules<'a> {
    /// `display:none` outside any media rule.
    base_hidden: Names<'a>,
    /// `display:none` in a media rule that covers [`DESKTOP`].
    hidden_here: Names<'a>,
    /// Another `display` in a media rule that covers [`DESKTOP`].
    shown_here: Names<'a>,
    /// Another `display` in a media rule that does not.
    shown_elsewhere: Names<'a>,
    /// `display:none !important` anywhere: no later rule without it shows the class.
    important: Names<'a>,
}

/// Reads the rules of `css` in one pass over its braces: rules at the top level, and rules
/// right inside an `@media` block at the top level (see [`covers`]). Other at-rules' blocks
/// (`@supports`, `@layer`, `@keyframes`) are passed over.
fn scan<'a>(css: &'a str, display: &memchr::memmem::Finder, rules: &mut Rules<'a>) {
    let b = css.as_bytes();
    // Depth of braces; whether the media block being read (at depth 1) covers the width
    // (None: not a width range, its rules are passed over); where the text before the next
    // `{` starts.
    let (mut depth, mut media, mut head_from) = (0usize, None::<Option<bool>>, 0usize);
    let mut i = 0;
    while let Some(p) = memchr::memchr2(b'{', b'}', &b[i..]) {
        let at = i + p;
        i = at + 1;
        if b[at] == b'}' {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                media = None;
            }
            head_from = i;
            continue;
        }
        let head = &css[head_from..at];
        depth += 1;
        head_from = i;
        // `@charset "…";` or a comment before the head.
        let mut head = head.trim_start();
        if head.starts_with('@') {
            head = head.rsplit(';').next().unwrap_or(head).trim_start();
        }
        if head.starts_with("/*")
            && let Some(c) = head.rfind("*/")
        {
            head = head[c + 2..].trim_start();
        }
        let context = match (depth, media) {
            (1, _) => None,
            (2, Some(Some(covers))) => Some(covers),
            _ => continue,
        };
        if let Some(cond) = head.strip_prefix("@media") {
            if depth == 1 {
                media = Some(covers(cond));
            }
        } else if head.starts_with('.') {
            let end = memchr::memchr2(b'}', b'{', &b[i..]).map_or(b.len(), |e| i + e);
            rule(head.trim_end(), &b[i..end], context, display, rules);
        }
    }
}

/// Whether a media condition (`(min-width: 810px) and (max-width: 1199.98px)`) covers
/// [`DESKTOP`]; None when it is not a plain width range (print, a list of queries, `not`).
fn covers(cond: &str) -> Option<bool> {
    let cond = cond.to_ascii_lowercase();
    if cond.contains("print") || cond.contains(',') || cond.contains("not ") {
        return None;
    }
    // Only width ranges: any other feature (hover, pointer, height, orientation,
    // prefers-*) makes the answer depend on more than the width.
    for g in cond.split('(').skip(1) {
        let f = g.trim_start();
        if !(f.starts_with("min-width") || f.starts_with("max-width")) {
            return None;
        }
    }
    let (mut lo, mut hi, mut any) = (f64::MIN, f64::MAX, false);
    for (key, min) in [("min-width", true), ("max-width", false)] {
        for (p, _) in cond.match_indices(key) {
            let rest = cond[p + key.len()..]
                .trim_start()
                .strip_prefix(':')?
                .trim_start();
            let n = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let v: f64 = rest[..n].parse().ok()?;
            let v = match rest[n..].trim_start() {
                u if u.starts_with("px") => v,
                u if u.starts_with("em") || u.starts_with("rem") => 16.0 * v,
                _ => return None,
            };
            if min {
                lo = lo.max(v);
            } else {
                hi = hi.min(v);
            }
            any = true;
        }
    }
    any.then_some(lo <= DESKTOP && DESKTOP <= hi)
}

/// Records one rule: its selector must be a list of single class names.
fn rule<'a>(
    selector: &'a str,
    body: &[u8],
    media: Option<bool>,
    display: &memchr::memmem::Finder,
    rules: &mut Rules<'a>,
) {
    if display.find(body).is_none() {
        return;
    }
    // The last declaration of `display` itself (not `--mobile-display`, nor one in a
    // comment) is the one that holds.
    let mut found = None;
    for decl in body.split(|&c| c == b';') {
        let d = decl.trim_ascii_start();
        if let Some(v) = d.strip_prefix(b"display")
            && let Some(v) = v.trim_ascii_start().strip_prefix(b":")
        {
            let important = memchr::memmem::find(v, b"!important").is_some();
            found = Some((v.trim_ascii_start().starts_with(b"none"), important));
        }
    }
    let Some((none, important)) = found else {
        return;
    };
    for part in selector.split(',') {
        let Some(class) = part.trim().strip_prefix('.') else {
            continue;
        };
        if class.is_empty()
            || !class
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        {
            continue;
        }
        if none && important {
            rules.important.insert(class);
        }
        let set = match (media, none) {
            (None, true) => &mut rules.base_hidden,
            (None, false) => {
                // A later rule at the top level shows the class at every width, over the
                // rules before it that hide it (the cascade), unless they are `!important`.
                if !rules.important.contains(class) {
                    rules.hidden_here.remove(class);
                    rules.base_hidden.remove(class);
                }
                continue;
            }
            (Some(true), true) => &mut rules.hidden_here,
            (Some(true), false) => &mut rules.shown_here,
            (Some(false), true) => continue,
            (Some(false), false) => &mut rules.shown_elsewhere,
        };
        set.insert(class);
    }
}

/// The screen copies among a page's blocks: the outermost elements for other screens
/// (`roots`, block ranges) at least [`COPY`] of whose kept word triples occur in the kept
/// blocks that are not for other screens. `kept` says which blocks are kept.
pub fn copies(
    blocks: &[Block],
    kept: impl Fn(usize) -> bool,
    roots: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let shingles = |i: usize| crate::near::shingles(&crate::text::normalize(&blocks[i].text));
    let own: Vec<HashSet<u64>> = (roots.iter())
        .map(|&(a, z)| (a..z).filter(|&i| kept(i)).flat_map(shingles).collect())
        .collect();
    if own.iter().all(HashSet::is_empty) {
        return Vec::new();
    }
    let wanted: HashSet<u64> = own.iter().flatten().copied().collect();
    let original: HashSet<u64> = (0..blocks.len())
        .filter(|&i| kept(i) && blocks[i].flags & flag::SCREEN == 0)
        .flat_map(shingles)
        .filter(|h| wanted.contains(h))
        .collect();
    (roots.iter().zip(&own))
        .filter(|(_, s)| crate::near::mostly_in(s, &original, COPY))
        .map(|(r, _)| *r)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::html::parse;

    #[test]
    fn classes_hidden_at_a_desktop_width() {
        let css = "<style>.x{color:red}\
            @media(min-width: 1200px) and (max-width: 1365.98px){.hidden-c64fhs{display:none!important}}\
            @media (max-width: 809.98px){.hidden-sxxatw{display:none!important}}\
            .mobile-only{display:none} .modal{display:none}\
            @media screen and (max-width:767px){.mobile-only, .nav{display:block}}\
            @media print{.print-hide{display:none}}\
            @media (min-width:64em){.wide-hide{display: none}}\
            @media (min-width:1200px){.menu .item{display:none}/* x */ .wide2{display:none}}\
            @supports (display:grid){@media (min-width:1200px){.grid-hide{display:none}}}</style>";
        let styles = crate::html::prepare(css, 8).styles;
        let mut got: Vec<&str> = css_classes(css, &styles).0.into_iter().collect();
        got.sort();
        assert_eq!(got, ["hidden-c64fhs", "mobile-only", "wide-hide", "wide2"]);
        // Only the last declaration of `display` itself counts, and only width ranges.
        let css = "<style>@media (min-width:1024px){.a{--mobile-display:none; display:block}\
            .b{display:none; display:flex} .c{display:none}}\
            @media (hover:none) and (min-width:1024px){.d{display:none}}\
            @media (min-width:1024px) and (max-height:600px){.e{display:none}}</style>";
        let styles = crate::html::prepare(css, 8).styles;
        let got: Vec<&str> = css_classes(css, &styles).0.into_iter().collect();
        assert_eq!(got, ["c"]);
        // A later rule at the top level shows a class again, unless the hiding one is
        // `!important`; a still later media rule hides it again.
        let css = "<style>@media (min-width:1024px){.a{display:none} .b{display:none!important}}\
            .a{display:block} .b{display:block} .c{display:block}\
            @media (min-width:1024px){.c{display:none}}</style>";
        let styles = crate::html::prepare(css, 8).styles;
        let mut got: Vec<&str> = css_classes(css, &styles).0.into_iter().collect();
        got.sort();
        assert_eq!(got, ["b", "c"]);
    }

    fn kept(html: &str) -> Vec<String> {
        let page = parse(html);
        let v = extract(&page);
        (page.blocks.iter().zip(&v))
            .filter(|(_, v)| v.is_none())
            .map(|(b, _)| b.text.clone())
            .collect()
    }

    const STYLE: &str = "<style>@media (min-width:1024px){.phone{display:none}}\
        @media (max-width:1023px){.desk{display:none}}</style>";
    const INTRO: &str = "Our planners help small teams ship the right thing faster, with \
        templates for every stage of the work and reviews that keep everyone aligned.";
    const MORE: &str = "Pricing stays the same whatever the size of the team, and every plan \
        comes with support from people who have run projects like yours before.";

    #[test]
    fn a_section_written_out_again_for_phones_goes_once() {
        let html = format!(
            "<html><head>{STYLE}</head><body><main><h1>Plan better</h1>\
             <div class=desk><p>{INTRO}</p><p>{MORE}</p></div>\
             <div class=phone><p>{INTRO}</p><p>{MORE}</p></div></main></body></html>"
        );
        assert_eq!(kept(&html), ["Plan better", INTRO, MORE]);
        let page = parse(&html);
        let v = extract(&page);
        let rules: Vec<&str> = v.iter().flatten().map(|v| v.rule.as_str()).collect();
        assert_eq!(rules, [crate::extract::SCREEN_COPY; 2]);
    }

    #[test]
    fn text_shown_at_a_desktop_width_stays() {
        // A class hidden from 992 px beside one that shows it again from 1200 px: the
        // element shows, and its copy of the text is no screen copy.
        let style = "<style>@media (min-width:992px){.d-lg-none{display:none}}\
            @media (min-width:1200px){.d-xl-block{display:block}}\
            @media (min-width:1024px){.phone{display:none}}</style>";
        let html = format!(
            "<html><head>{style}</head><body><main><h1>Plan better</h1>\
             <div class='d-lg-none d-xl-block'><p>{INTRO}</p></div><p>{INTRO}</p><p>{MORE}</p>\
             </main></body></html>"
        );
        let page = parse(&html);
        let v = extract(&page);
        let rules: Vec<&str> = v.iter().flatten().map(|v| v.rule.as_str()).collect();
        assert!(!rules.contains(&crate::extract::SCREEN_COPY), "{rules:?}");
        // A sentence before an inline link whose paragraph is the phone's copy is not in it.
        let said = "Ask us anything.";
        let html = format!(
            "<html><head>{style}</head><body><main><h1>Plan better</h1><p>{INTRO}</p>\
             <p>{MORE}</p><div>{said} <a class=phone href=/p><p>{INTRO}</p></a></div>\
             </main></body></html>"
        );
        assert!(kept(&html).iter().any(|t| t == said));
    }

    #[test]
    fn text_of_its_own_for_phones_stays() {
        // A phone-only notice is no copy; nor is a copy whose original goes (a poster's card
        // in the sidebar, repeated above the post for phones).
        let note = "Swipe left on any card to see the next plan and its full list of features.";
        let html = format!(
            "<html><head>{STYLE}</head><body><main><h1>Plan better</h1>\
             <div class=phone><p>{note}</p></div><p>{INTRO}</p><p>{MORE}</p></main>\
             <aside><p>Written by Ann Lee, who has planned projects for twenty years.</p></aside>\
             </body></html>"
        );
        assert_eq!(kept(&html), ["Plan better", note, INTRO, MORE]);
        let html = format!(
            "<html><head>{STYLE}</head><body><main><article><h1>Plan better</h1>\
             <div class=phone><p>Written by Ann Lee, who has planned projects for twenty years.</p></div>\
             <p>{INTRO}</p><p>{MORE}</p></article></main>\
             <aside><p>Written by Ann Lee, who has planned projects for twenty years.</p></aside>\
             </body></html>"
        );
        assert!(
            kept(&html)
                .iter()
                .any(|t| t.starts_with("Written by Ann Lee"))
        );
    }
}

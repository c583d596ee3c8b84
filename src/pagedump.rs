//! Full-page text dumps (what html-text or a crawler's WET output make of a web page): the
//! menus, link lists, cookie banners and footers come out one item per line around the
//! article. This rule finds the article region from the lines alone and removes the rest.
//!
//! Each line still present (not removed by an earlier rule) gets a score, jusText-style:
//! - prose (at least 8 words, a fifth of them stop words, less than half of its other words
//!   Capitalised): `+words`, halved when it neither ends like a sentence nor has 20 words;
//! - menu-like (at most 4 words, or mostly Title Case, and not ending like a sentence):
//!   [`SHORT`] or [`TITLE`];
//! - anything else (headings, datelines, captions): [`OTHER`].
//!
//! The prose core is the run of lines with the largest score sum (CCNet-like: the densest
//! contiguous prose), extended upwards over up to three headline, byline or dateline lines
//! (at least five words, or a date). A document is a page dump only when at least [`HEAD_MENU`] menu-like
//! lines come before its first prose line, or [`HEAD_MENU_WEAK`] before and [`TAIL_MENU`]
//! after its last prose line; clean articles open with a headline and prose, so the rule does
//! not fire on them. On a dump, every line before the core (`dump_head`) and after it
//! (`dump_tail`) is removed: `cookies` when it speaks of cookies, `navigation` when menu-like,
//! `chrome` otherwise. Headings, datelines and short lines inside the core stay.
//!
//! Linear in the number of lines; one pass for the scores, one for the core.

use crate::classify::{Doc, Evidence, Verdict};
use crate::text;

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
/// Menu-like lines before the first prose line that make a document a page dump.
pub const HEAD_MENU: usize = 8;
/// With at least this many before the first prose line, [`TAIL_MENU`] after the last one.
pub const HEAD_MENU_WEAK: usize = 3;
pub const TAIL_MENU: usize = 12;
/// Lines right above the core (headline, byline, dateline) that join it.
const LEAD_LINES: usize = 3;

/// The features of one line the score is built from.
#[derive(Debug, Clone, Copy)]
struct LineScore {
    score: f64,
    menu: bool,
}

/// Scores line `i` (non-blank).
fn score_line(doc: &Doc, i: usize, lower: &mut String) -> LineScore {
    let t: &str = &doc.text[i];
    let w = doc.words[i];
    let sentence = t.ends_with([
        '.', '!', '?', ':', ';', '"', '”', '’', ')', '…', '。', '！', '？',
    ]);
    if w == 0 {
        return LineScore {
            score: SHORT,
            menu: true,
        };
    }
    let stops = text::stop_words();
    let sw = text::norm_words(doc.norm(i))
        .filter(|x| stops.contains(x))
        .count();
    let density = sw as f64 / w as f64;
    // Share of the words that are not stop words that start with a capital letter.
    let (mut caps, mut content) = (0usize, 0usize);
    for tok in t
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|x| !x.is_empty())
    {
        let Some(first) = tok.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() {
            continue;
        }
        let upper = first.is_uppercase();
        if upper {
            lower.clear();
            lower.extend(
                tok.chars()
                    .filter(|&c| c != '\'' && c != '’')
                    .flat_map(char::to_lowercase),
            );
            if stops.contains(lower.as_str()) {
                continue;
            }
        } else if stops.contains(tok) {
            continue;
        }
        content += 1;
        caps += usize::from(upper);
    }
    let cap = if content > 0 {
        caps as f64 / content as f64
    } else {
        0.0
    };
    if w >= PROSE_WORDS && density >= STOP_DENSITY && cap < CAPITALISED {
        let full = sentence || w >= PROSE_NO_STOP_WORDS;
        let score = if full { w as f64 } else { w as f64 / 2.0 };
        return LineScore { score, menu: false };
    }
    if !sentence && w <= SHORT_WORDS {
        return LineScore {
            score: SHORT,
            menu: true,
        };
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

/// Marks the lines of a page dump outside its prose core. Lines already removed are skipped;
/// `protected` lines are never removed.
pub fn mark(doc: &Doc, v: &mut [Option<Verdict>], protected: &[bool]) {
    let n = doc.len();
    let mut lower = String::new();
    let idx: Vec<usize> = (0..n)
        .filter(|&i| !doc.lines[i].blank && v[i].is_none())
        .collect();
    // The gate first, scoring lines only from each end up to the prose: an article that is
    // not a dump has prose near its top, and costs a few lines.
    let mut memo: Vec<Option<LineScore>> = vec![None; idx.len()];
    let mut score = |k: usize, lower: &mut String| -> LineScore {
        *memo[k].get_or_insert_with(|| score_line(doc, idx[k], lower))
    };
    let mut head = 0;
    let mut first = None;
    for k in 0..idx.len() {
        let s = score(k, &mut lower);
        if s.score >= PROSE_ANCHOR {
            first = Some(k);
            break;
        }
        head += usize::from(s.menu);
    }
    let Some(first) = first else {
        return;
    };
    if head < HEAD_MENU {
        if head < HEAD_MENU_WEAK {
            return;
        }
        let mut tail = 0;
        for k in (first..idx.len()).rev() {
            let s = score(k, &mut lower);
            if s.score >= PROSE_ANCHOR {
                break;
            }
            tail += usize::from(s.menu);
        }
        if tail < TAIL_MENU {
            return;
        }
    }
    let sc: Vec<LineScore> = (0..idx.len()).map(|k| score(k, &mut lower)).collect();
    let last = (sc.iter())
        .rposition(|s| s.score >= PROSE_ANCHOR)
        .unwrap_or(first);
    let tail = sc[last + 1..].iter().filter(|s| s.menu).count();
    let (mut best, mut cur, mut start, mut bs, mut be) = (f64::MIN, 0.0, 0, 0, 0);
    for (k, s) in sc.iter().enumerate() {
        if cur <= 0.0 {
            cur = 0.0;
            start = k;
        }
        cur += s.score;
        if cur > best {
            (best, bs, be) = (cur, start, k);
        }
    }
    // The headline, byline and dateline right above the core belong to the article: up to
    // [`LEAD_LINES`] lines of at least five words, or dates (a digit, at most six words).
    for _ in 0..LEAD_LINES {
        let Some(k) = bs.checked_sub(1) else { break };
        let i = idx[k];
        let dated = doc.words[i] <= 6 && doc.text[i].chars().any(|c| c.is_ascii_digit());
        if doc.words[i] >= 5 || dated {
            bs = k;
        } else {
            break;
        }
    }
    let (core_from, core_to) = (doc.lines[idx[bs]].start, doc.lines[idx[be]].end);
    let prose: usize = sc[bs..=be]
        .iter()
        .zip(&idx[bs..=be])
        .filter(|(s, _)| s.score > 0.0)
        .map(|(_, &i)| doc.words[i])
        .sum();
    for (k, (&i, s)) in idx.iter().zip(&sc).enumerate() {
        if (bs..=be).contains(&k) || protected[i] {
            continue;
        }
        let (rule, place) = if k < bs {
            ("dump_head", "before")
        } else {
            ("dump_tail", "after")
        };
        let cookie = text::norm_words(doc.norm(i)).any(|w| w == "cookie" || w == "cookies");
        let reason = if cookie {
            "cookies"
        } else if s.menu {
            "navigation"
        } else {
            "chrome"
        };
        let kind = if s.menu {
            "menu-like line"
        } else if s.score > 0.0 {
            "prose line"
        } else {
            "non-prose line"
        };
        let detail = format!(
            "{kind} {place} the article's prose core (bytes {core_from}..{core_to}, score {:.1}, {prose} prose words) of a page dump ({head} menu-like lines before the first prose line, {tail} after the last)",
            best
        );
        let ev = Evidence {
            score: Some((s.score * 10.0).round() / 10.0),
            detail: Some(detail),
            ..Evidence::default()
        };
        v[i] = Some(Verdict::new(reason, rule, ev));
    }
}

#[cfg(test)]
mod tests {
    use crate::classify::{Classifier, Doc};

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

    const ARTICLE: &str = "Cambodia Arrests Hundreds in Crackdown\n\
        July 16, 2025\n\
        Police in Cambodia detained hundreds of suspects from scam compounds in several provinces this week.\n\
        The crackdown follows an order from the prime minister, who told officials to act against the gangs.\n\
        What happens next\n\
        Officials said that the suspects would be questioned and that more raids were planned for the coming days.\n";

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
    fn a_clean_article_is_not_a_dump() {
        let list = "Writing Tools\nPens\nPencils\nMarkers\nScissors\nPaper Clips\nNotebooks\nStamps\nEnvelopes\nFolders\n";
        let src = format!(
            "{ARTICLE}{list}{ARTICLE}Related Topics\nAsia\nCrime\nPolice\nPolitics\nScams\nBorders\nCourts\nJustice\nMekong\nLaos\nThailand\nVietnam\n"
        );
        let r = removed(&src);
        assert!(r.iter().all(|x| !x.2.starts_with("dump_")), "{r:#?}");
    }
}

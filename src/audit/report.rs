//! Report: `decruft audit DIR --html FILE` writes one self-contained HTML file (no network, no
//! external assets): the corpus summary with inline SVG charts (removed bytes by reason, a
//! histogram of the share removed per document), the most frequent removed lines, a
//! paginated and filterable document list, and each document with its removed spans
//! highlighted by reason. Every document's text is embedded as its own JSON block, parsed and
//! turned into DOM only when that document is opened (`#doc=ID`), so the file stays usable with
//! tens of thousands of documents. Documents are read once, one at a time.

use crate::audit::{self, Audit, Stats};
use crate::output::AtomicFile;
use crate::provenance::Action;
use anyhow::Context;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

/// Colours of the known reasons (chart bars, highlight borders); others cycle through
/// [`SPARE`].
const COLOURS: &[(&str, &str)] = &[
    ("comments", "#e6550d"),
    ("related", "#3182bd"),
    ("share", "#31a354"),
    ("promo", "#d6336c"),
    ("cookies", "#8c6d31"),
    ("credit", "#9467bd"),
    ("tags", "#17becf"),
    ("breadcrumb", "#a5a51a"),
    ("copyright", "#636363"),
    ("advertisement", "#d62728"),
    ("duplicate", "#5254a3"),
    ("boilerplate", "#ad494a"),
    ("whitespace", "#b0b0b0"),
];
const SPARE: &[&str] = &["#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"];

/// A reason's colour.
pub fn colour(reason: &str, spare: usize) -> &'static str {
    COLOURS
        .iter()
        .find(|(r, _)| *r == reason)
        .map(|(_, c)| *c)
        .unwrap_or(SPARE[spare % SPARE.len()])
}

/// A reason name as a CSS class suffix (`r-NAME`).
pub fn css_class(reason: &str) -> String {
    reason
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON that is safe inside a `<script>` element: `<`, `>` and `&` (which only occur inside
/// strings) become `\u` escapes, so no `</script>` or `<!--` can end or confuse the element,
/// and U+2028/U+2029 are escaped too.
pub fn script_json(v: &Value) -> String {
    let s = v.to_string();
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Names numbered in order of first use (reasons, rules).
#[derive(Default)]
struct Table {
    index: HashMap<String, usize>,
    names: Vec<String>,
}

impl Table {
    fn id(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), self.names.len() - 1);
        self.names.len() - 1
    }
}

/// Writes the HTML report of output folder `dir` to `dest`, showing the `top` most frequent
/// removed lines. Returns the audit it summarises.
pub fn write(dir: &Path, dest: &Path, top: usize) -> anyhow::Result<Audit> {
    let mut f =
        AtomicFile::create(dest).with_context(|| format!("cannot write {}", dest.display()))?;
    let title = format!("decruft audit: {}", dir.display());
    write!(
        f,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n",
        esc(&title)
    )?;
    // Each document's text, as its own JSON block: [start, text] for kept bytes, [start,
    // text, reason, rule, evidence, duplicate doc, its start, its end] for removed ones.
    let mut stats = Stats::new(None, top);
    let (mut reasons, mut rules) = (Table::default(), Table::default());
    let mut docs: Vec<Value> = Vec::new();
    let mut failure = None;
    audit::walk(dir, &mut |doc| {
        let ds = stats.add(&doc);
        let clean = match doc.clean_text(dir) {
            Ok(c) => c,
            Err(e) => {
                failure = Some(e);
                return Ok(false);
            }
        };
        let mut segments = Vec::with_capacity(doc.spans.len());
        for (s, bytes) in doc.pieces(&clean) {
            let text = String::from_utf8_lossy(&bytes);
            segments.push(match s.action {
                Action::Keep => json!([s.start, text]),
                Action::Remove => {
                    let (dd, ds, de) = match &s.duplicate_of {
                        Some(d) => (Value::from(d.doc.as_str()), d.start, d.end),
                        None => (Value::Null, 0, 0),
                    };
                    json!([
                        s.start,
                        text,
                        reasons.id(audit::reason_of(s)),
                        rules.id(audit::rule_of(s)),
                        audit::evidence_text(s),
                        dd,
                        ds,
                        de
                    ])
                }
            });
        }
        let k = docs.len();
        writeln!(
            f,
            "<script type=\"application/json\" id=\"d{k}\">{}</script>",
            script_json(&json!({ "g": segments }))
        )?;
        let per: serde_json::Map<String, Value> = ds
            .reasons
            .iter()
            .map(|(r, b)| (reasons.id(r).to_string(), Value::from(*b)))
            .collect();
        docs.push(json!([
            doc.id,
            doc.bytes_in,
            doc.bytes_out,
            ds.bytes_removed,
            per
        ]));
        Ok(true)
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    let audit = stats.finish(dir);
    let reason_meta: Vec<Value> = reasons
        .names
        .iter()
        .enumerate()
        .map(|(i, r)| json!({"name": r, "cls": css_class(r), "color": colour(r, i)}))
        .collect();
    let meta = json!({ "reasons": reason_meta, "rules": rules.names, "docs": docs });
    f.write_all(b"</head>\n<body>\n")?;
    f.write_all(body(&audit, &title, &reasons).as_bytes())?;
    write!(
        f,
        "<script type=\"application/json\" id=\"meta\">{}</script>\n<script>{JS}</script>\n</body>\n</html>\n",
        script_json(&meta)
    )?;
    f.commit()
        .with_context(|| format!("cannot write {}", dest.display()))?;
    Ok(audit)
}

fn reason_colour(reasons: &Table, r: &str) -> &'static str {
    colour(r, reasons.index.get(r).copied().unwrap_or(0))
}

/// The static part of the page: summary, charts, tables, and the empty document list and
/// document view the script fills.
fn body(a: &Audit, title: &str, reasons: &Table) -> String {
    let mut h = String::new();
    let t = audit::thousands;
    let _ = writeln!(
        h,
        "<header><h1>{}</h1><p class=\"sub\">decruft {} · schema {}</p></header>",
        esc(title),
        env!("CARGO_PKG_VERSION"),
        audit::SCHEMA
    );
    let share = format!("{:.1}%", 100.0 * a.share_removed);
    let cards = [
        (t(a.documents), "documents".to_string()),
        (t(a.failed), "failed inputs".to_string()),
        (t(a.bytes_in), "bytes in".to_string()),
        (t(a.bytes_out), "bytes out".to_string()),
        (t(a.bytes_removed), format!("bytes removed ({share})")),
        (t(a.blocks_removed), "blocks removed".to_string()),
        (t(a.lines_removed), "lines removed".to_string()),
    ];
    h.push_str("<section class=\"cards\">");
    for (n, label) in cards {
        let _ = write!(
            h,
            "<div class=\"card\"><b>{}</b><span>{}</span></div>",
            esc(&n),
            esc(&label)
        );
    }
    h.push_str("</section>\n");
    let (cls, check) = if !a.summary_json.found {
        (
            "warn",
            "summary.json not found: nothing to compare with".to_string(),
        )
    } else if a.summary_json.mismatches.is_empty() {
        (
            "ok",
            "summary.json: every count matches provenance".to_string(),
        )
    } else {
        (
            "bad",
            format!(
                "summary.json differs: {}",
                a.summary_json.mismatches.join("; ")
            ),
        )
    };
    let _ = writeln!(
        h,
        "<p class=\"check {cls}\" id=\"check\">{}</p>",
        esc(&check)
    );
    if !a.errors.is_empty() {
        h.push_str("<details class=\"errors\"><summary>failed inputs</summary><ul>");
        for e in &a.errors {
            let _ = write!(h, "<li>{}: {}</li>", esc(&e.path), esc(&e.error));
        }
        h.push_str("</ul></details>\n");
    }
    h.push_str("<section class=\"charts\">");
    let _ = write!(
        h,
        "<figure><figcaption>Removed bytes by reason</figcaption>{}</figure>",
        reason_chart(a, reasons)
    );
    let _ = write!(
        h,
        "<figure><figcaption>Share of each document removed</figcaption>{}</figure>",
        histogram(a)
    );
    h.push_str("</section>\n<section class=\"tables\">");
    // Reasons table, doubling as the colour legend; a click filters the document list.
    h.push_str(
        "<div><h2>Reasons</h2><table id=\"reasons\"><thead><tr><th>reason</th><th>blocks</th>\
         <th>bytes</th><th>lines</th><th>docs</th></tr></thead><tbody>",
    );
    let mut by_bytes: Vec<_> = a.reasons.iter().collect();
    by_bytes.sort_by(|x, y| y.1.bytes.cmp(&x.1.bytes).then(x.0.cmp(y.0)));
    for (r, s) in &by_bytes {
        let _ = write!(
            h,
            "<tr data-reason=\"{}\"><td><i class=\"sw\" style=\"background:{}\"></i>{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(r),
            reason_colour(reasons, r),
            esc(r),
            t(s.blocks),
            t(s.bytes),
            t(s.lines),
            t(s.documents)
        );
    }
    h.push_str("</tbody></table></div>");
    let _ = write!(
        h,
        "<div><h2>Most frequent removed lines</h2><table id=\"toplines\"><thead><tr><th>count</th>\
         <th>docs</th><th>reason</th><th>line</th></tr></thead><tbody>"
    );
    for l in &a.top_lines {
        let rs: Vec<String> = l
            .reasons
            .keys()
            .map(|r| {
                format!(
                    "<i class=\"sw\" style=\"background:{}\"></i>{}",
                    reason_colour(reasons, r),
                    esc(r)
                )
            })
            .collect();
        let _ = write!(
            h,
            "<tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"rs\">{}</td><td class=\"line\"><div title=\"{}\">{}</div></td></tr>",
            t(l.count),
            t(l.documents),
            rs.join(" "),
            esc(&l.text),
            esc(&l.text)
        );
    }
    h.push_str("</tbody></table></div></section>\n");
    h.push_str(
        "<main class=\"split\">\n<section id=\"list\"><h2>Documents</h2>\
         <div class=\"filters\"><label>reason <select id=\"freason\"><option value=\"-1\">any</option></select></label>\
         <label>id <input id=\"fq\" type=\"search\" placeholder=\"contains…\"></label>\
         <label>removed ≥ <input id=\"fmin\" type=\"number\" min=\"0\" max=\"100\" step=\"1\" value=\"0\">%</label>\
         <label>sort <select id=\"fsort\"><option value=\"id\">id</option><option value=\"share\">share removed</option>\
         <option value=\"bytes\">bytes removed</option></select></label></div>\
         <table class=\"docs\"><thead><tr><th>id</th><th>bytes in</th><th>removed</th><th>share</th><th>by reason</th></tr></thead>\
         <tbody id=\"rows\"></tbody></table>\
         <div class=\"pager\"><button id=\"prev\">‹ prev</button><span id=\"count\"></span><button id=\"next\">next ›</button></div>\
         </section>\n<section id=\"docview\"><p class=\"hint\" id=\"hint\">Pick a document to see its text with every removed span highlighted by reason. \
         Hover a span for its rule and evidence; click it for details.</p>\
         <div id=\"dochead\" hidden><h2 id=\"dtitle\"></h2><p id=\"dstats\"></p><p id=\"dlegend\" class=\"legend\"></p>\
         <div id=\"detail\" class=\"detail\" hidden></div></div><pre id=\"text\"></pre></section>\n</main>\n",
    );
    h
}

/// Horizontal bars: removed bytes per reason, largest first.
fn reason_chart(a: &Audit, reasons: &Table) -> String {
    let mut rows: Vec<_> = a.reasons.iter().collect();
    rows.sort_by(|x, y| y.1.bytes.cmp(&x.1.bytes).then(x.0.cmp(y.0)));
    let (label_w, bar_w, row_h) = (110.0, 260.0, 24.0);
    let height = (rows.len().max(1) as f64) * row_h + 10.0;
    let max = rows.iter().map(|r| r.1.bytes).max().unwrap_or(0).max(1) as f64;
    let mut s = format!(
        "<svg id=\"chart-reasons\" role=\"img\" \
         aria-label=\"removed bytes by reason\" width=\"600\" height=\"{height}\" viewBox=\"0 0 600 {height}\">"
    );
    for (i, (r, st)) in rows.iter().enumerate() {
        let y = 5.0 + i as f64 * row_h;
        let w = (st.bytes as f64 / max * bar_w).max(1.0);
        let _ = write!(
            s,
            "<g class=\"bar\" data-reason=\"{r}\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{r}</text>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\"><title>{r}: {} bytes in {}</title></rect>\
             <text x=\"{:.1}\" y=\"{}\" class=\"val\">{} B · {}</text></g>",
            label_w - 6.0,
            y + 16.0,
            row_h - 6.0,
            reason_colour(reasons, r),
            audit::thousands(st.bytes),
            blocks(st.blocks),
            label_w + w + 6.0,
            y + 16.0,
            audit::thousands(st.bytes),
            blocks(st.blocks),
            r = esc(r),
        );
    }
    if rows.is_empty() {
        s.push_str("<text x=\"10\" y=\"20\">nothing removed</text>");
    }
    s.push_str("</svg>");
    s
}

fn blocks(n: u64) -> String {
    match n {
        1 => "1 block".to_string(),
        n => format!("{} blocks", audit::thousands(n)),
    }
}

/// Vertical bars: documents per tenth of share removed.
fn histogram(a: &Audit) -> String {
    let (w, h, left, bottom, top) = (560.0, 240.0, 50.0, 40.0, 20.0);
    let plot_h = h - bottom - top;
    let n = a.share_histogram.len().max(1) as f64;
    let slot = (w - left - 10.0) / n;
    let max = a.histogram_peak() as f64;
    let mut s = format!(
        "<svg id=\"chart-share\" role=\"img\" \
         aria-label=\"histogram of share removed per document\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
         <line x1=\"{left}\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" class=\"axis\"/>\
         <text x=\"12\" y=\"{2}\" transform=\"rotate(-90 12 {2})\" text-anchor=\"middle\">documents</text>\
         <text x=\"{3}\" y=\"{4}\" text-anchor=\"middle\">share of the document removed</text>",
        h - bottom,
        w - 10.0,
        top + plot_h / 2.0,
        left + (w - left - 10.0) / 2.0,
        h - 4.0
    );
    for (i, b) in a.share_histogram.iter().enumerate() {
        let bh = b.documents as f64 / max * plot_h;
        let x = left + i as f64 * slot + 3.0;
        let y = h - bottom - bh;
        let (from, to) = (
            (b.from * 100.0).round() as u32,
            (b.to * 100.0).round() as u32,
        );
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"#4c78a8\">\
             <title>{from}–{to}%: {} documents</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"val\">{}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"tick\">{from}–{to}%</text>",
            slot - 6.0,
            audit::thousands(b.documents),
            x + (slot - 6.0) / 2.0,
            y - 4.0,
            audit::thousands(b.documents),
            x + (slot - 6.0) / 2.0,
            h - bottom + 14.0,
        );
    }
    s.push_str("</svg>");
    s
}

const CSS: &str = r#"
:root{--fg:#1d1d1f;--muted:#666;--line:#ddd;--bg:#fafafa}
*{box-sizing:border-box}
body{margin:0;padding:16px 24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:20px;margin:0}h2{font-size:16px;margin:8px 0}
.sub{color:var(--muted);margin:2px 0 12px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:8px}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:18px}.card span{color:var(--muted);font-size:12px}
.check{margin:6px 0 10px;padding:4px 10px;border-radius:4px;display:inline-block}
.check.ok{background:#e6f4ea;color:#1e5e2e}.check.bad{background:#fde7e9;color:#8a1c24}.check.warn{background:#fff4e0}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px}
figcaption{font-weight:600;margin-bottom:4px}
svg text{font:12px system-ui,sans-serif;fill:#333}svg .val{fill:#555;font-size:11px}svg .tick{font-size:11px}
svg .axis{stroke:#999}
.tables{display:flex;flex-wrap:wrap;gap:16px;margin-top:12px}
.tables>div{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px;flex:1 1 420px;overflow:auto;max-height:420px}
table{border-collapse:collapse;width:100%}th,td{padding:2px 6px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th{font-weight:600;color:#444;position:sticky;top:0;background:#fff}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.line{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-word}
td.line div{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
td.rs{white-space:nowrap}
.sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
#reasons tbody tr{cursor:pointer}#reasons tbody tr:hover{background:#f2f2f2}
.split{display:grid;grid-template-columns:minmax(380px,2fr) 3fr;gap:16px;margin-top:16px;align-items:start}
#list,#docview{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px}
#docview{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow:auto;padding-top:0}
#dochead{position:sticky;top:0;background:#fff;z-index:1;padding-top:8px;border-bottom:1px solid #eee}
.filters{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:6px}.filters input[type=number]{width:60px}
table.docs td:first-child{word-break:break-all}
table.docs tr.cur{background:#fff6d5}
td.bar{width:130px}td.bar span{display:inline-block;height:10px;vertical-align:middle}
.pager{display:flex;gap:10px;align-items:center;margin-top:6px}
pre#text{white-space:pre-wrap;word-break:break-word;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;margin:0}
.rm{text-decoration:line-through;text-decoration-color:rgba(0,0,0,.35);cursor:pointer;border-left:3px solid transparent}
.rm.blank::before{content:"\23CE";opacity:.6}
.rm.sel{outline:2px solid #000}
a.dup{font:11px system-ui,sans-serif;background:#eef;border-radius:3px;padding:0 4px;margin-right:4px;text-decoration:none}
mark#target{background:#ffe066;outline:2px solid #f0b400}
.legend span{display:inline-block;margin-right:10px;white-space:nowrap}
.detail{background:#f6f6f6;border:1px solid var(--line);border-radius:4px;padding:6px 10px;margin:6px 0}
.hint{color:var(--muted)}
"#;

const JS: &str = r#"
(function () {
'use strict';
var meta = JSON.parse(document.getElementById('meta').textContent);
var R = meta.reasons, RULES = meta.rules, docs = meta.docs, PAGE = 100;
var byId = new Map();
docs.forEach(function (d, k) { if (!byId.has(d[0])) byId.set(d[0], k); });
var st = { reason: -1, q: '', min: 0, sort: 'id', page: 0, list: [], cur: -1 };
function $(id) { return document.getElementById(id); }
function fmt(n) { return Number(n).toLocaleString('en-US'); }
function pct(a, b) { return (b ? 100 * a / b : 0).toFixed(1) + '%'; }
function share(d) { return d[1] ? d[3] / d[1] : 0; }
function href(id) { return '#doc=' + encodeURIComponent(id); }
function td(tr, text, cls) {
  var c = document.createElement('td'); if (cls) c.className = cls;
  if (text !== undefined) c.textContent = text; tr.appendChild(c); return c;
}
var css = '';
R.forEach(function (r) {
  css += '.r-' + r.cls + '{background:' + r.color + '2e;border-left-color:' + r.color + '}';
  var o = document.createElement('option'); o.value = R.indexOf(r); o.textContent = r.name; $('freason').appendChild(o);
});
var styleEl = document.createElement('style'); styleEl.textContent = css; document.head.appendChild(styleEl);

function filter() {
  var q = st.q.toLowerCase(), list = [];
  for (var k = 0; k < docs.length; k++) {
    var d = docs[k];
    if (st.reason >= 0 && !d[4][st.reason]) continue;
    if (q && d[0].toLowerCase().indexOf(q) < 0) continue;
    if (st.min > 0 && 100 * share(d) < st.min) continue;
    list.push(k);
  }
  if (st.sort === 'share') list.sort(function (a, b) { return share(docs[b]) - share(docs[a]) || a - b; });
  else if (st.sort === 'bytes') list.sort(function (a, b) { return docs[b][3] - docs[a][3] || a - b; });
  st.list = list; st.page = 0; renderList();
}
function renderList() {
  var list = st.list, pages = Math.max(1, Math.ceil(list.length / PAGE));
  if (st.page >= pages) st.page = pages - 1;
  var tb = $('rows'), frag = document.createDocumentFragment();
  list.slice(st.page * PAGE, (st.page + 1) * PAGE).forEach(function (k) {
    var d = docs[k], tr = document.createElement('tr');
    if (k === st.cur) tr.className = 'cur';
    var a = document.createElement('a'); a.href = href(d[0]); a.textContent = d[0];
    td(tr).appendChild(a);
    td(tr, fmt(d[1]), 'num'); td(tr, fmt(d[3]), 'num'); td(tr, pct(d[3], d[1]), 'num');
    var bar = td(tr, undefined, 'bar');
    Object.keys(d[4]).forEach(function (ri) {
      var s = document.createElement('span');
      s.style.width = (100 * d[4][ri] / Math.max(1, d[1])) + '%';
      s.style.background = R[ri].color;
      s.title = R[ri].name + ': ' + fmt(d[4][ri]) + ' bytes';
      bar.appendChild(s);
    });
    frag.appendChild(tr);
  });
  tb.textContent = ''; tb.appendChild(frag);
  $('count').textContent = fmt(list.length) + ' of ' + fmt(docs.length) + ' documents · page ' + (st.page + 1) + ' of ' + pages;
  $('prev').disabled = st.page === 0; $('next').disabled = st.page >= pages - 1;
}
// UTF-8 length of a string, and the string index where `bytes` UTF-8 bytes end.
function u8index(s, bytes) {
  var n = 0, i = 0;
  while (i < s.length && n < bytes) {
    var c = s.charCodeAt(i);
    if (c < 0x80) n += 1; else if (c < 0x800) n += 2;
    else if (c >= 0xD800 && c < 0xDC00) { n += 4; i++; } else n += 3;
    i++;
  }
  return i;
}
function u8len(s) { return new TextEncoder().encode(s).length; }
function showDetail(el) {
  var box = $('detail'), g = el._g, r = R[g[2]];
  box.textContent = '';
  var h = document.createElement('div');
  h.innerHTML = '<i class="sw"></i><b></b> · rule <code></code> · bytes <span></span>';
  h.querySelector('.sw').style.background = r.color;
  h.querySelector('b').textContent = r.name;
  h.querySelector('code').textContent = RULES[g[3]];
  h.querySelector('span').textContent = g[0] + '..' + (g[0] + u8len(g[1]));
  box.appendChild(h);
  if (g[4]) { var e = document.createElement('div'); e.textContent = 'evidence: ' + g[4]; box.appendChild(e); }
  if (g[5] !== null) {
    var a = document.createElement('a'); a.href = href(g[5]) + '&at=' + g[6] + '&to=' + g[7];
    a.textContent = 'go to the kept copy in ' + g[5] + ' (bytes ' + g[6] + '..' + g[7] + ')';
    box.appendChild(a);
  }
  box.hidden = false;
  document.querySelectorAll('.rm.sel').forEach(function (x) { x.classList.remove('sel'); });
  el.classList.add('sel');
}
function openDoc(k, at, to) {
  var d = docs[k], data = JSON.parse($('d' + k).textContent);
  st.cur = k;
  $('hint').hidden = true; $('dochead').hidden = false; $('detail').hidden = true;
  $('dtitle').textContent = d[0];
  $('dstats').textContent = fmt(d[1]) + ' bytes in · ' + fmt(d[2]) + ' out · ' + fmt(d[3]) + ' removed (' + pct(d[3], d[1]) + ')';
  var lg = $('dlegend'); lg.textContent = '';
  Object.keys(d[4]).forEach(function (ri) {
    var s = document.createElement('span');
    s.innerHTML = '<i class="sw"></i>';
    s.firstChild.style.background = R[ri].color;
    s.appendChild(document.createTextNode(R[ri].name + ' ' + fmt(d[4][ri]) + ' B'));
    lg.appendChild(s);
  });
  var pre = $('text'), frag = document.createDocumentFragment(), target = null;
  data.g.forEach(function (g) {
    var start = g[0], text = g[1];
    if (g.length === 2) {
      var kept = document.createElement('span'); kept.className = 'k'; kept.dataset.s = start;
      var len = at !== null ? u8len(text) : 0;
      if (at !== null && at >= start && at < start + len) {
        var i = u8index(text, at - start), j = u8index(text, Math.max(at, to === null ? at + 1 : to) - start);
        kept.appendChild(document.createTextNode(text.slice(0, i)));
        var m = document.createElement('mark'); m.id = 'target'; m.textContent = text.slice(i, j);
        kept.appendChild(m);
        kept.appendChild(document.createTextNode(text.slice(j)));
        target = m;
      } else kept.textContent = text;
      frag.appendChild(kept);
      return;
    }
    var r = R[g[2]];
    if (g[5] !== null) {
      var a = document.createElement('a'); a.className = 'dup';
      a.href = href(g[5]) + '&at=' + g[6] + '&to=' + g[7];
      a.textContent = '\u21AA kept copy'; a.title = 'duplicate of ' + g[5] + ' bytes ' + g[6] + '..' + g[7];
      frag.appendChild(a);
    }
    var s = document.createElement('span');
    s.className = 'rm r-' + r.cls + (/^\s*$/.test(text) ? ' blank' : '');
    s.dataset.s = start; s.dataset.reason = r.name; s.dataset.rule = RULES[g[3]];
    s.title = r.name + ' \u00B7 ' + RULES[g[3]] + (g[4] ? ' \u00B7 ' + g[4] : '');
    s.textContent = text; s._g = g;
    if (at !== null && at === start) target = s;
    frag.appendChild(s);
  });
  pre.textContent = ''; pre.appendChild(frag);
  // Scroll the document pane only (not the page, so the summary stays in view).
  var box = $('docview');
  if (target) {
    if (target.classList.contains('rm')) showDetail(target);
    box.scrollTop = Math.max(0, target.offsetTop - $('dochead').offsetHeight - 80);
  } else box.scrollTop = 0;
  renderList();
}
function route() {
  var h = new URLSearchParams(location.hash.slice(1)), id = h.get('doc');
  if (id === null) { return; }
  var k = byId.get(id);
  if (k === undefined) {
    $('hint').hidden = false; $('dochead').hidden = true; $('text').textContent = '';
    $('hint').textContent = 'No document with id ' + id + ' in this report.';
    return;
  }
  openDoc(k, h.has('at') ? Number(h.get('at')) : null, h.has('to') ? Number(h.get('to')) : null);
}
$('text').addEventListener('click', function (e) {
  var el = e.target.closest('.rm'); if (el) showDetail(el);
});
$('freason').addEventListener('change', function () { st.reason = Number(this.value); filter(); });
$('fq').addEventListener('input', function () { st.q = this.value; filter(); });
$('fmin').addEventListener('input', function () { st.min = Number(this.value) || 0; filter(); });
$('fsort').addEventListener('change', function () { st.sort = this.value; filter(); });
$('prev').addEventListener('click', function () { st.page--; renderList(); });
$('next').addEventListener('click', function () { st.page++; renderList(); });
document.querySelectorAll('#reasons tbody tr').forEach(function (tr) {
  tr.addEventListener('click', function () {
    var i = R.findIndex(function (r) { return r.name === tr.dataset.reason; });
    $('freason').value = String(i); st.reason = i; filter();
    $('list').scrollIntoView();
  });
});
window.addEventListener('hashchange', route);
filter();
route();
// Milliseconds from navigation to a rendered page (read by bench/audit_browser.sh).
document.documentElement.setAttribute('data-render-ms', String(Math.round(performance.now())));
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script() {
        let v = json!(["</script><!-- & \u{2028}"]);
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('\u{2028}'));
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn escaping_and_classes() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(css_class("Foo bar!"), "foo-bar-");
        assert_eq!(colour("comments", 0), "#e6550d");
        assert_eq!(colour("mystery", 1), SPARE[1]);
    }
}

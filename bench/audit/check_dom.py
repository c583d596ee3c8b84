#!/usr/bin/env python3
"""Checks a report DOM dumped by headless Chromium (`--dump-dom` of report.html#doc=ID)
against the document's provenance record: every removed span is in the DOM as
<span class="rm r-REASON" data-s=START data-reason data-rule> holding exactly its text, and
the kept spans hold the clean text. Prints the removed non-blank lines found (reason, text)
and `render-ms N`; exits 1 on any difference.

usage: check_dom.py DOM.html OUTPUT_DIR DOC_ID
"""
import html.parser
import json
import os
import sys


class Spans(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, attrs, text parts)
        self.removed = []  # (attrs, text)
        self.kept = []
        self.render_ms = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html" and "data-render-ms" in a:
            self.render_ms = int(a["data-render-ms"])
        self.stack.append((tag, a, []))

    def handle_endtag(self, tag):
        while self.stack:
            t, a, parts = self.stack.pop()
            text = "".join(parts)
            if self.stack:
                self.stack[-1][2].append(text)
            cls = a.get("class", "").split()
            if t == "span" and "rm" in cls:
                self.removed.append((a, text))
            elif t == "span" and "k" in cls:
                self.kept.append(text)
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)


def main():
    dom, out_dir, doc_id = sys.argv[1:4]
    rec = None
    with open(os.path.join(out_dir, "provenance.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] == doc_id:
                rec = r
                break
    if rec is None:
        sys.exit(f"check_dom: no record {doc_id}")
    p = Spans()
    with open(dom, encoding="utf-8") as f:
        p.feed(f.read())
    got = {int(a["data-s"]): (a, text) for a, text in p.removed}
    fail = 0
    lines = []
    for s in rec["spans"]:
        if s["action"] != "remove":
            continue
        a, text = got.get(s["start"], ({}, None))
        want_cls = "r-" + "".join(c if c.isalnum() else "-" for c in s["reason"].lower())
        if text != s["text"] or a.get("data-reason") != s["reason"] or a.get("data-rule") != s["rule"] \
                or want_cls not in a.get("class", "").split():
            print(f"MISSING removed span {s['start']}..{s['end']} {s['reason']}/{s['rule']}: {s['text']!r}")
            fail = 1
            continue
        for l in text.splitlines():
            if l.strip():
                lines.append((s["reason"], s["rule"], " ".join(l.split())))
    if len(got) != sum(1 for s in rec["spans"] if s["action"] == "remove"):
        print(f"DOM has {len(got)} removed spans, the record more or fewer")
        fail = 1
    with open(os.path.join(out_dir, rec["output"]), encoding="utf-8") as f:
        clean = f.read()
    if "".join(p.kept) != clean:
        print("kept spans in the DOM differ from the clean text")
        fail = 1
    for reason, rule, text in lines:
        print(f"  removed  {reason:<10} {rule:<16} {text[:70]}")
    print(f"removed-lines {len(lines)}")
    print(f"render-ms {p.render_ms}")
    sys.exit(fail)


main()

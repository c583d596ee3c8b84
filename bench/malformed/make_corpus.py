#!/usr/bin/env python3
"""Writes a malformed-HTML corpus into DIR: unclosed tags, 100,000-deep nesting, a 100 MB
page, wrong charset declarations, binary garbage and an empty file with .html names, a
truncated .html.gz and a page with no text. Usage: make_corpus.py DIR"""
import gzip, os, random, sys

d = sys.argv[1]
os.makedirs(d, exist_ok=True)
para = ("<p>" + " ".join(["A long sentence of an article about the harbour that people read."] * 6)
        + "</p>\n")
def write(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
write("deep-div.html", "<div>" * 100_000 + para + "</div>" * 100_000)
write("deep-unclosed.html", "<section><span><b><i>" * 50_000 + para)
write("unclosed.html", "<html><body><div><p>Unclosed paragraph of the page that has words<p>another "
      "<b>bold <i>italic <table><tr><td>cell" + "<li>item " * 5000)
with open(os.path.join(d, "huge.html"), "w") as f:
    f.write("<html><head><title>Huge</title></head><body><nav><a href=/>Home</a></nav><article>")
    n, k = 0, 0
    while n < 100_000_000:
        p = para.replace("harbour", f"harbour {k}")  # distinct paragraphs, no dedup shortcut
        f.write(p); n += len(p); k += 1
    f.write("</article></body></html>")
write("utf8-declared-cp1251.html", '<meta charset="windows-1251"><p>Ünïcödé “quotes” – valid UTF-8 '
      "in a page that declares another charset, long enough to be kept as text.</p>")
write("latin1-declared-utf8.html", '<meta charset="utf-8"><p>Café crème brûlée, déjà vu, naïve façade: '
      "Latin-1 bytes in a page that says UTF-8.</p>".encode("latin-1"))
write("utf16-bom.html", "\ufeff<p>A page in UTF-16 with a byte-order mark and enough words.</p>".encode("utf-16-le"))
random.seed(1)
write("garbage.html", bytes(random.getrandbits(8) for _ in range(50_000)))
write("empty.html", b"")
write("no-text.html", "<html><head><script>var x = 1;</script></head><body><img src=a.png></body></html>")
gz = gzip.compress((para * 200).encode())
write("truncated.html.gz", gz[: len(gz) // 2])

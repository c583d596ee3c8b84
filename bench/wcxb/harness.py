#!/usr/bin/env python3
"""Run one peer extractor over a folder of gzipped HTML pages, single-threaded, and time it.

Usage: harness.py {trafilatura,resiliparse} --html DIR --out OUT

For every DIR/NAME.html.gz (sorted by name) the page is read and gunzipped (not timed), then
the extractor turns the bytes into plain text (timed: character decoding + parsing +
extraction), and the text goes to OUT/NAME.txt (empty when the extractor gives nothing or
fails; writing is not timed). One process, one thread.

  trafilatura: trafilatura.extract(bytes, output_format='txt', include_comments=False,
               include_tables=True, favor_precision=False, with_metadata=False); trafilatura
               decodes the bytes itself, so decoding is inside the timed call. Other settings
               are trafilatura's defaults.
  resiliparse: detect_encoding + bytes_to_str + HTMLTree.parse +
               extract_plain_text(tree, main_content=True), other arguments at their defaults.

Progress goes to stderr. The last line on stdout is
  pages=N errors=E empty=M extract_s=S wall_s=W docs_per_s=D version=V
where extract_s is the sum of the per-page timed sections, docs_per_s = N / extract_s, and
wall_s is the whole loop including reading, gunzip and writing (imports excluded).
"""
import argparse
import gzip
import logging
import sys
import time
from pathlib import Path


def make_trafilatura():
    import trafilatura
    from importlib.metadata import version

    # trafilatura and its helpers log a warning per odd page; keep stderr for our progress.
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)

    def run(raw: bytes) -> str:
        text = trafilatura.extract(
            raw,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            favor_precision=False,
            with_metadata=False,
        )
        return text or ""

    return run, version("trafilatura")


def make_resiliparse():
    from importlib.metadata import version
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(raw: bytes) -> str:
        tree = HTMLTree.parse(bytes_to_str(raw, detect_encoding(raw)))
        return extract_plain_text(tree, main_content=True) or ""

    return run, version("resiliparse")


SYSTEMS = {"trafilatura": make_trafilatura, "resiliparse": make_resiliparse}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("system", choices=sorted(SYSTEMS))
    ap.add_argument("--html", required=True, help="folder of NAME.html.gz pages")
    ap.add_argument("--out", required=True, help="folder for NAME.txt predictions")
    a = ap.parse_args()

    run, ver = SYSTEMS[a.system]()
    pages = sorted(Path(a.html).glob("*.html.gz"))
    if not pages:
        print(f"harness: no *.html.gz in {a.html}", file=sys.stderr)
        return 2
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)

    clock = time.perf_counter
    total = 0.0
    errors = empty = 0
    w0 = clock()
    for i, path in enumerate(pages, 1):
        name = path.name[: -len(".html.gz")]
        raw = gzip.decompress(path.read_bytes())
        t0 = clock()
        try:
            text = run(raw)
        except Exception as e:  # a peer failing on one page must not stop the run
            text = ""
            errors += 1
            print(f"harness: {a.system}: {name}: {type(e).__name__}: {e}", file=sys.stderr)
        total += clock() - t0
        empty += not text.strip()
        (out / f"{name}.txt").write_bytes(text.encode("utf-8", errors="replace"))
        if i % 250 == 0 or i == len(pages):
            print(
                f"harness: {a.system}: {i}/{len(pages)} pages, {total:.1f} s extracting, "
                f"{i / total if total else 0:.1f} docs/s",
                file=sys.stderr,
            )
    wall = clock() - w0
    n = len(pages)
    print(
        f"pages={n} errors={errors} empty={empty} extract_s={total:.3f} wall_s={wall:.3f} "
        f"docs_per_s={n / total if total else 0:.2f} version={ver}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

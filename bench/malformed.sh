#!/usr/bin/env bash
# Malformed HTML: builds the corpus of bench/malformed/make_corpus.py (100,000-deep nesting,
# a 100 MB page, wrong charsets, garbage with an .html name, ...) and checks that decruft
# cleans what can be cleaned, names every file it cannot in one stderr line, exits 1, never
# panics, and that `verify` passes on what it wrote. Usage: bench/malformed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
base=${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm/decruft-malformed || echo bench/out/malformed )}
rm -rf "$base" && mkdir -p "$base"
python3 bench/malformed/make_corpus.py "$base/in"
set +e
# A run this size takes seconds: five minutes means something went quadratic (a hang guard,
# not a speed measurement).
timeout 300 /usr/bin/time -f "%e s, peak RSS %M KB" target/release/decruft clean --jobs 2 "$base/in" --out "$base/out" 2> "$base/stderr"
code=$?
[ "$code" != 124 ] || echo "malformed: no result within 300 s" >&2
set -e
cat "$base/stderr"
fail=0
[ "$code" = 1 ] || { echo "malformed: expected exit 1, got $code" >&2; fail=1; }
if grep -qi "panick" "$base/stderr"; then echo "malformed: a panic" >&2; fail=1; fi
for f in garbage.html empty.html no-text.html truncated.html.gz; do
  grep -q "$f: " "$base/stderr" || { echo "malformed: no error line for $f" >&2; fail=1; }
done
for f in deep-div deep-unclosed unclosed huge utf8-declared-cp1251 latin1-declared-utf8 utf16-bom; do
  [ -s "$base/out/$f.txt" ] || { echo "malformed: no text for $f" >&2; fail=1; }
done
grep -q "Café crème" "$base/out/latin1-declared-utf8.txt" || { echo "malformed: latin-1 misread" >&2; fail=1; }
grep -q "Ünïcödé" "$base/out/utf8-declared-cp1251.txt" || { echo "malformed: UTF-8 misread" >&2; fail=1; }
target/release/decruft verify "$base/out" || fail=1
rm -rf "$base"
[ "$fail" = 0 ] && echo "malformed: ok"
exit "$fail"

#!/usr/bin/env bash
# A second, small check of main-content extraction on news pages in many languages, away from
# WCXB: the 23 article pages of newspaper4k's test data (English, Chinese, Japanese, Arabic,
# Thai, Burmese, Korean, Latvian, Spanish; html/NAME.html with the text newspaper4k is expected
# to extract in txt/NAME.txt), taken from its source package on PyPI (newspaper4k==0.9.6,
# MIT). The expected texts are newspaper4k's own output, not human labels: read the figures
# as agreement with another extractor's idea of the article, and compare systems, not levels.
# Prints word F1 and shingle F1 for decruft and, when bench/.venv-peers has it (bench/wcxb.sh
# installs it), trafilatura with the settings of bench/wcxb/harness.py.
#
# Usage: bench/news.sh        (downloads once into bench/out/news/; needs pip and PyPI)
#   NO_BUILD=1   skip `cargo build --release` and use target/release/decruft as it is
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/news
pkg=newspaper4k==0.9.6
score_py=${SHARED_BENCH:-../shared/bench}/score.py
log() { echo "news: $*" >&2; }
[ -f "$score_py" ] || { log "$score_py not found (needs ../shared beside the repo, or SHARED_BENCH)"; exit 2; }
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
if [ ! -f "$out/.complete" ]; then
  rm -rf "$out" && mkdir -p "$out/dl" "$out/html" "$out/gold"
  log "pip download $pkg (source package)"
  python3 -m pip download -q --no-deps --no-binary :all: "$pkg" -d "$out/dl" >&2 \
    || { log "cannot download $pkg from PyPI"; exit 2; }
  tar xzf "$out"/dl/newspaper4k-*.tar.gz -C "$out/dl"
  data=$(echo "$out"/dl/newspaper4k-*/tests/data)
  for t in "$data"/txt/*.txt; do
    n=$(basename "$t" .txt)
    [ -f "$data/html/$n.html" ] || continue
    gzip -c "$data/html/$n.html" > "$out/html/$n.html.gz"
    cp "$t" "$out/gold/$n.txt"
  done
  touch "$out/.complete"
fi
pages=$(ls "$out/gold" | wc -l)
rm -rf "$out/decruft" && target/release/decruft clean -q --jobs 1 "$out/html" --out "$out/decruft" || true
systems=decruft
py=bench/.venv-peers/bin/python
if [ -x "$py" ] && "$py" -c 'import trafilatura' 2>/dev/null; then
  rm -rf "$out/trafilatura"
  "$py" bench/wcxb/harness.py trafilatura --html "$out/html" --out "$out/trafilatura" >/dev/null 2>&1 \
    && systems="$systems trafilatura" || log "trafilatura failed: left out"
else
  log "no bench/.venv-peers with trafilatura (run bench/wcxb.sh first): decruft only"
fi
printf 'news pages (%s, %d pages)\n%-12s %8s %8s\n' "$pkg" "$pages" system "word F1" shingle
for s in $systems; do
  w=$(python3 "$score_py" words --gold "$out/gold" --pred "$out/$s" | tail -1 | awk '{print $NF}')
  sh=$(python3 "$score_py" shingles --gold "$out/gold" --pred "$out/$s" | tail -1 | awk '{print $NF}')
  printf '%-12s %8s %8s\n' "$s" "$w" "$sh"
done

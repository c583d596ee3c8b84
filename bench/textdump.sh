#!/usr/bin/env bash
# decruft on full-page text dumps of the WCXB pages (textdump-dev/docs/NAME.txt), against a
# "do nothing" baseline that hands in each dump unchanged. Prints, for both: word F1 on all
# pages, word F1 on articles and shingle F1 (gold: wcxb-dev/ground-truth/NAME.json, scored by
# score.py), and decruft's single-thread docs/s (wall clock of the whole command). The do-nothing
# baseline scores about 0.702 (all) and 0.794 (articles).
# Predictions: bench/out/textdump/{decruft,nothing}/; table: bench/out/textdump/results.md.
#
# Usage: bench/textdump.sh
#   SHARED_BENCH=DIR   the shared bench folder (default ../shared/bench, beside the repo)
#   NO_BUILD=1         skip `cargo build --release` and use target/release/decruft as it is
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;; esac
cd "$(dirname "$0")/.."
shared=${SHARED_BENCH:-../shared/bench}
docs=$shared/textdump-dev/docs
gold=$shared/wcxb-dev/ground-truth
score_py=$shared/score.py
out=bench/out/textdump
log() { echo "textdump: $*" >&2; }
[ -d "$docs" ] && [ -d "$gold" ] && [ -f "$score_py" ] \
  || { log "$docs, $gold or $score_py not found (needs ../shared beside the repo, or SHARED_BENCH)"; exit 2; }
start=$(date +%s)
pages=$(find "$docs" -maxdepth 1 -name '*.txt' | wc -l)
log "$pages text dumps from $docs"

if [ "${NO_BUILD:-0}" != 1 ]; then
  log "cargo build --release"
  cargo build --release --quiet
fi
bin=target/release/decruft
[ -x "$bin" ] || { log "$bin missing (run without NO_BUILD=1 to build it)"; exit 2; }

mkdir -p "$out"
rm -rf "$out/decruft" "$out/nothing"
log "decruft: clean -q --jobs 1 on $pages dumps"
cat "$docs"/*.txt > /dev/null  # warm the disk cache: the timed run is the cleaning
t0=$(date +%s.%N)
rc=0
"$bin" clean -q --jobs 1 "$docs" --out "$out/decruft" || rc=$?
t1=$(date +%s.%N)
secs=$(echo "$t1 - $t0" | bc -l)
[ "$rc" = 0 ] || log "decruft: exit $rc (some dumps failed; see $out/decruft/summary.json)"

log "nothing: copying the dumps as they are"
mkdir -p "$out/nothing"
cp "$docs"/*.txt "$out/nothing/"

last_num() { tail -n 1 | awk '{print $NF}'; }
declare -A f_all f_art f_sh
for s in decruft nothing; do
  log "$s: scoring"
  f_all[$s]=$(python3 "$score_py" words --gold "$gold" --pred "$out/$s" | last_num)
  f_art[$s]=$(python3 "$score_py" words --gold "$gold" --pred "$out/$s" --types article | last_num)
  f_sh[$s]=$(python3 "$score_py" shingles --gold "$gold" --pred "$out/$s" | last_num)
done
dps=$(printf '%.1f' "$(echo "$pages / $secs" | bc -l)")

{
  echo "# Text dumps: decruft vs doing nothing"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $pages dumps from \`$docs\`, decruft @ $(git rev-parse --short HEAD 2>/dev/null || echo '?')."
  echo
  echo "| system | word F1 all pages | word F1 articles | shingle F1 | docs/s (1 thread) |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| decruft | ${f_all[decruft]} | ${f_art[decruft]} | ${f_sh[decruft]} | $dps |"
  echo "| do nothing | ${f_all[nothing]} | ${f_art[nothing]} | ${f_sh[nothing]} | |"
  echo
  printf 'decruft: whole command %.1f s, exit %s.\n' "$secs" "$rc"
} > "$out/results.md"

printf '\n%-12s %10s %10s %10s %12s\n' system 'F1 all' 'F1 article' 'shingle F1' 'docs/s 1thr'
printf '%-12s %10s %10s %10s %12s\n' decruft "${f_all[decruft]}" "${f_art[decruft]}" "${f_sh[decruft]}" "$dps"
printf '%-12s %10s %10s %10s %12s\n' 'do nothing' "${f_all[nothing]}" "${f_art[nothing]}" "${f_sh[nothing]}" ''
printf '\ndecruft: whole command %.1f s, exit %s; markdown: %s; run time %d s\n' "$secs" "$rc" "$out/results.md" "$(( $(date +%s) - start ))"

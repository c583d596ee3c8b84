#!/usr/bin/env bash
# Throughput of `decruft clean` on 1 and 2 threads, on a corpus of at least 200 MB built from
# copies of ../shared/bench/noisy-dev (20,000 files of ~10 KB, as scraped corpora come).
# Input and output live on tmpfs (/dev/shm) when there is one, so the figure is decruft's,
# not the disk's; set BENCH_DIR to use another place. Each figure is the best of three runs
# (this VM's timings drift by 10-20% from run to run). Last, the same per-file reads, temporary
# writes and renames with no cleaning (examples/copy_floor.rs): the machine's floor for one
# output file per input. Usage: bench/throughput.sh [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-100}
src=../shared/bench/noisy-dev/docs
[ -d "$src" ] || { echo "throughput: $src not found (needs ../shared)" >&2; exit 2; }
base=${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm/decruft-bench || echo bench/out/throughput )}
cargo build --release --quiet
bin=target/release/decruft
corpus=$base/corpus
if [ ! -f "$corpus/.complete-$copies" ]; then
  rm -rf "$corpus" && mkdir -p "$corpus"
  for i in $(seq -w 1 "$copies"); do mkdir -p "$corpus/c$i" && cp "$src"/*.txt "$corpus/c$i/"; done
  touch "$corpus/.complete-$copies"
fi
bytes=$(du -sb --exclude='.complete-*' "$corpus" | cut -f1)
files=$(find "$corpus" -name '*.txt' | wc -l)
printf 'corpus: %d files, %.1f MB (%s)\n' "$files" "$(echo "$bytes/1000000" | bc -l)" "$corpus"
printf '%-8s %10s %10s %12s\n' threads seconds MB/s MB/s/thread
for jobs in 1 2; do
  best=
  for run in 1 2 3; do
    rm -rf "$base/out"
    t0=$(date +%s.%N)
    "$bin" clean -q "$corpus" --out "$base/out" --jobs "$jobs"
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  mbs=$(echo "$bytes / $best / 1000000" | bc -l)
  printf '%-8s %10.2f %10.1f %12.1f\n' "$jobs" "$best" "$mbs" "$(echo "$mbs / $jobs" | bc -l)"
done
rm -rf "$base/out"
# The floor: the same per-file reads, temporary writes and renames on one thread, with no
# cleaning (examples/copy_floor.rs). decruft's 1-thread MB/s reads against this figure.
cargo build --release --quiet --example copy_floor
best=
for run in 1 2; do
  rm -rf "$base/out"
  t=$(target/release/examples/copy_floor "$corpus" "$base/out" | cut -d' ' -f3)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
rm -rf "$base/out"
printf 'file-system floor (copy, 1 thread, no cleaning): %.2f s, %.1f MB/s\n' "$best" "$(echo "$bytes / $best / 1000000" | bc -l)"

#!/usr/bin/env bash
# Peak memory of `decruft clean --dedup corpus` against the number of distinct paragraphs:
# synthetic documents of distinct paragraphs (default 10,000,000 of 24 words, on tmpfs when
# there is one), peak RSS from /usr/bin/time. Usage: bench/memory.sh [PARAGRAPHS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
base=${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm/decruft-memory || echo bench/out/memory )}
cargo build --release --quiet
rm -rf "$base" && mkdir -p "$base/corpus"
python3 - "$base/corpus" "$n" <<'PY'
import os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(1)
vocab = [''.join(rng.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(rng.randint(3, 9))) for _ in range(50000)]
per_doc, k = 100, 0
for d in range(0, n, per_doc):
    sub = os.path.join(out, f"{d // 100000:04d}")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"doc{d:09d}.txt"), "w") as f:
        for _ in range(min(per_doc, n - d)):
            f.write(' '.join(rng.choices(vocab, k=23)) + f" p{k}.\n\n")
            k += 1
PY
bytes=$(du -sb "$base/corpus" | cut -f1)
/usr/bin/time -f '%M %e' -o "$base/time" target/release/decruft clean -q "$base/corpus" --out "$base/out" --dedup corpus
read -r kb secs < "$base/time"
printf 'paragraphs %d, corpus %.0f MB, --dedup corpus: peak RSS %.0f MB (%.0f bytes per paragraph), %.1f s, %.1f MB/s\n' \
  "$n" "$(echo "$bytes/1000000" | bc -l)" "$(echo "$kb/1024" | bc -l)" "$(echo "$kb*1024/$n" | bc -l)" "$secs" "$(echo "$bytes/$secs/1000000" | bc -l)"
rm -rf "$base"

#!/usr/bin/env bash
# Main-content extraction from HTML on the WCXB development split: decruft, trafilatura and
# resiliparse side by side, in one run, on the same pages, each on one thread. Prints one table
#   system | word F1 all pages | word F1 articles | shingle F1 | docs/s (1 thread) | x trafilatura
# and writes it as markdown to bench/out/wcxb/results.md (predictions: bench/out/wcxb/SYSTEM/).
#
# Usage: bench/wcxb.sh [--only SYSTEMS] [WCXB_DIR]
#   WCXB_DIR       folder with html/NAME.html.gz and ground-truth/NAME.json
#                  (default $SHARED_BENCH/wcxb-dev; SHARED_BENCH defaults to ../shared/bench)
#   --only LIST    comma-separated subset of decruft,trafilatura,resiliparse (env ONLY=...)
#   LIMIT=N        only the first N pages in name order (copied to a temporary folder)
#   NO_BUILD=1     skip `cargo build --release` and use target/release/decruft as it is
#
# Timing. decruft: wall clock of the whole `decruft clean -q --jobs 1 HTML --out OUT` command
# (process start and file IO included; the pages are read once before, to warm the disk cache;
# OUT is on tmpfs when /dev/shm is there, as in bench/throughput.sh, and copied after timing). Peers (bench/wcxb/harness.py, one process, one thread):
# the sum over pages of decoding + parsing + extraction; reading, gunzip, writing and imports
# are not timed (their whole-loop wall time is reported beside it). docs/s = pages / seconds.
# Scores: $SHARED_BENCH/score.py words (all pages, then --types article) and shingles.
# The peers are installed from PyPI into bench/.venv-peers when missing; a peer that cannot
# be installed or that fails is reported and left out, the rest of the run goes on.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
only=${ONLY:-}
arg_dir=
while [ $# -gt 0 ]; do
  case $1 in
    --only) [ $# -ge 2 ] || { usage >&2; exit 2; }; only=$2; shift 2 ;;
    --only=*) only=${1#--only=}; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "wcxb: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$arg_dir" ] || { echo "wcxb: one WCXB_DIR only" >&2; exit 2; }; arg_dir=$1; shift ;;
  esac
done
# A WCXB_DIR given on the command line is relative to the caller's folder, not the repo's.
if [ -n "$arg_dir" ]; then
  [ -d "$arg_dir" ] || { echo "wcxb: $arg_dir: no such folder" >&2; exit 2; }
  arg_dir=$(cd "$arg_dir" && pwd)
fi
cd "$(dirname "$0")/.."
repo=$PWD
shared=${SHARED_BENCH:-../shared/bench}
wcxb=${arg_dir:-$shared/wcxb-dev}
score_py=$shared/score.py
limit=${LIMIT:-0}
out=bench/out/wcxb
venv=bench/.venv-peers
all_systems="decruft trafilatura resiliparse"

log() { echo "wcxb: $*" >&2; }
[ -d "$wcxb/html" ] && [ -d "$wcxb/ground-truth" ] \
  || { log "$wcxb/html and $wcxb/ground-truth not found (needs ../shared beside the repo, or SHARED_BENCH / WCXB_DIR)"; exit 2; }
[ -f "$score_py" ] || { log "$score_py not found"; exit 2; }
[[ $limit =~ ^[0-9]+$ ]] || { log "LIMIT must be a number"; exit 2; }

systems=
for s in ${only//,/ }; do
  case " $all_systems " in *" $s "*) systems="$systems $s" ;; *) log "unknown system '$s' (choose from: $all_systems)"; exit 2 ;; esac
done
systems=${systems:-$all_systems}
wants() { case " $systems " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)

# ---- pages (all, or the first LIMIT by name, copied so that decruft sees only those) ----
html=$wcxb/html
gold=$wcxb/ground-truth
if [ "$limit" -gt 0 ]; then
  mkdir -p "$tmp/data/html" "$tmp/data/ground-truth"
  # (no `| head` here: under pipefail its early exit would fail the pipeline with SIGPIPE)
  mapfile -t names < <(find "$html" -maxdepth 1 -name '*.html.gz' -printf '%f\n' | sort)
  for f in "${names[@]:0:$limit}"; do
    cp "$html/$f" "$tmp/data/html/"
    g=$gold/${f%.html.gz}.json
    if [ -f "$g" ]; then cp "$g" "$tmp/data/ground-truth/"; fi
  done
  html=$tmp/data/html
  gold=$tmp/data/ground-truth
fi
pages=$(find "$html" -maxdepth 1 -name '*.html.gz' | wc -l)
[ "$pages" -gt 0 ] || { log "no *.html.gz pages in $html"; exit 2; }
limit_note=; if [ "$limit" -gt 0 ]; then limit_note=" (LIMIT=$limit)"; fi
log "$pages pages from $wcxb$limit_note; systems:$(printf ' %s' $systems)"
mkdir -p "$out"

# Per-system results, filled in below: F1 figures, docs/s, and a note for the footer.
declare -A wall_s docs_s f_all f_art f_sh note version

# ---- decruft ----
if wants decruft; then
  if [ "${NO_BUILD:-0}" != 1 ]; then
    log "cargo build --release"
    cargo build --release --quiet
  fi
  bin=$repo/target/release/decruft
  if [ ! -x "$bin" ]; then
    log "decruft: $bin missing (run without NO_BUILD=1 to build it)"; note[decruft]="binary missing"
  else
    version[decruft]="$("$bin" --version 2>/dev/null | awk '{print $NF}') @ $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock 2>/dev/null || echo '+dirty')"
    rm -rf "$out/decruft"
    log "decruft: clean -q --jobs 1 on $pages pages"
    # The pages are read once first, so the timed run does not pay for a cold disk cache
    # (decruft runs first; the peers' reading is not timed at all).
    cat "$html"/* > /dev/null
    # Its output (text and provenance, ~120 MB) goes to tmpfs when there is one, as in
    # bench/throughput.sh: the writes stay timed, the disk's journal and writeback do not
    # (on this VM they added 15-25% and most of the run-to-run spread). Moved after timing.
    dec_out="$out/decruft"
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then dec_out=$(mktemp -d /dev/shm/decruft-wcxb.XXXXXX); rmdir "$dec_out"; fi
    t0=$(date +%s.%N)
    rc=0
    "$bin" clean -q --jobs 1 "$html" --out "$dec_out" || rc=$?
    t1=$(date +%s.%N)
    if [ "$dec_out" != "$out/decruft" ]; then
      if [ -d "$dec_out" ]; then mkdir -p "$out/decruft" && cp -r "$dec_out"/. "$out/decruft"/; fi
      rm -rf "$dec_out"
    fi
    wall_s[decruft]=$(echo "$t1 - $t0" | bc -l)
    docs_s[decruft]=$(echo "$pages / ${wall_s[decruft]}" | bc -l)
    note[decruft]=$(printf 'whole command %.1f s' "${wall_s[decruft]}")
    [ "$rc" = 0 ] || { log "decruft: exit $rc (some pages failed; see $out/decruft/summary.json)"; note[decruft]="${note[decruft]}; exit $rc"; }
    # score.py reads OUT/NAME.txt. A decruft that treats NAME.html.gz as text names its output
    # NAME.html.txt: rename so that what it wrote is what gets scored, and say so.
    renamed=0
    for f in "$out/decruft"/*.html.txt; do
      [ -e "$f" ] || continue
      [ -e "${f%.html.txt}.txt" ] || { mv "$f" "${f%.html.txt}.txt"; renamed=$((renamed + 1)); }
    done
    if [ "$renamed" -gt 0 ]; then
      log "decruft: wrote NAME.html.txt, not NAME.txt, for $renamed pages (no HTML input mode?); renamed for scoring"
      note[decruft]="${note[decruft]}; $renamed outputs were NAME.html.txt (renamed)"
    fi
  fi
fi

# ---- peers: venv with trafilatura and resiliparse ----
peers_py=
setup_peers() {
  local need_traf=0 need_resi=0
  wants trafilatura && need_traf=1
  wants resiliparse && need_resi=1
  [ $need_traf = 1 ] || [ $need_resi = 1 ] || return 0
  if ! command -v python3 >/dev/null; then log "python3 not found: no peers"; return 1; fi
  if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 8))'; then
    log "$(python3 --version 2>&1) is older than 3.8: no peers"; return 1
  fi
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
    log "creating $venv with $(python3 --version 2>&1) ($(command -v python3))"
    rm -rf "$venv"
    if ! python3 -c 'import venv, ensurepip' 2>/dev/null || ! python3 -m venv "$venv" >/dev/null 2>&1; then
      rm -rf "$venv"
      if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        local pyver
        pyver=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
        log "python3 -m venv failed: apt-get install python3-venv python$pyver-venv"
        { apt-get update -qq && apt-get install -y -qq python3-venv "python$pyver-venv" \
            || apt-get install -y -qq python3-venv; } >/dev/null 2>&1 || true
        python3 -m venv "$venv" >/dev/null 2>&1 || { rm -rf "$venv"; log "cannot create a venv: no peers"; return 1; }
      else
        log "python3 -m venv failed (install python3-venv): no peers"; return 1
      fi
    fi
    echo '*' > "$venv/.gitignore"   # keep the venv out of git, as Python >= 3.13 venvs do
  fi
  local py=$venv/bin/python pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
  log "peers' python: $("$py" --version 2>&1), $("$py" -m pip --version 2>&1 | cut -d' ' -f1-2)"
  if [ $need_traf = 1 ] && ! "$py" -c 'import trafilatura' 2>/dev/null; then
    # lxml >= 5.2 moved lxml.html.clean (which jusText, used by trafilatura, imports) out.
    log "pip install trafilatura"
    "${pip[@]}" trafilatura lxml_html_clean >&2 || log "pip install trafilatura failed"
    "$py" -c 'import trafilatura' 2>/dev/null || { log "trafilatura unavailable: left out"; note[trafilatura]="could not be installed"; }
  fi
  if [ $need_resi = 1 ] && ! "$py" -c 'import resiliparse.extract.html2text' 2>/dev/null; then
    # Wheels only (a source build needs lexbor and a C++ toolchain); newest with a wheel for
    # this Python first, then older pins.
    local spec
    for spec in resiliparse 'resiliparse==1.1.0' 'resiliparse==0.15.2' 'resiliparse==0.14.9'; do
      log "pip install --only-binary=:all: $spec"
      "${pip[@]}" --only-binary=:all: "$spec" >/dev/null 2>&1 && break || log "no wheel for $spec"
    done
    "$py" -c 'import resiliparse.extract.html2text' 2>/dev/null \
      || { log "resiliparse has no wheel for $("$py" --version 2>&1): left out"; note[resiliparse]="no wheel for $("$py" --version 2>&1)"; }
  fi
  peers_py=$py
}
if wants trafilatura || wants resiliparse; then
  setup_peers || { for s in trafilatura resiliparse; do wants $s && note[$s]=${note[$s]:-"no Python venv"}; done; }
fi

for s in trafilatura resiliparse; do
  wants $s && [ -n "$peers_py" ] && [ -z "${note[$s]:-}" ] || continue
  rm -rf "${out:?}/$s"
  log "$s: bench/wcxb/harness.py on $pages pages"
  rc=0
  line=$(OMP_NUM_THREADS=1 "$peers_py" bench/wcxb/harness.py "$s" --html "$html" --out "$out/$s" | tail -n 1) || rc=$?
  if [ "$rc" != 0 ] || [[ $line != pages=* ]]; then
    log "$s: harness failed (exit $rc): left out"; note[$s]="harness failed (exit $rc)"; continue
  fi
  get() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$line"; }
  wall_s[$s]=$(get extract_s)
  docs_s[$s]=$(get docs_per_s)
  version[$s]=$(get version)
  note[$s]="extraction $(printf '%.1f' "$(get extract_s)") s of a $(printf '%.1f' "$(get wall_s)") s loop; errors $(get errors), empty $(get empty)"
done

# ---- scores ----
last_num() { tail -n 1 | awk '{print $NF}'; }
scored=
for s in $all_systems; do
  [ -n "${docs_s[$s]:-}" ] || continue
  log "$s: scoring"
  f_all[$s]=$(python3 "$score_py" words --gold "$gold" --pred "$out/$s" | last_num)
  f_art[$s]=$(python3 "$score_py" words --gold "$gold" --pred "$out/$s" --types article | last_num)
  f_sh[$s]=$(python3 "$score_py" shingles --gold "$gold" --pred "$out/$s" | last_num)
  scored="$scored $s"
done

# ---- table ----
articles=$(python3 - "$gold" <<'EOF'
import json, sys
from pathlib import Path
print(sum(json.loads(f.read_text(encoding="utf-8")).get("_internal", {}).get("page_type", {}).get("primary") == "article"
          for f in Path(sys.argv[1]).glob("*.json")))
EOF
)
ratio() { # SYSTEM
  if [ -n "${docs_s[trafilatura]:-}" ] && [ -n "${docs_s[$1]:-}" ]; then printf '%.2f' "$(echo "${docs_s[$1]} / ${docs_s[trafilatura]}" | bc -l)"; else echo n/a; fi
}
md=$out/results.md
{
  echo "# WCXB extraction: decruft vs peers"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $pages pages ($articles articles) from \`$wcxb\`$limit_note, $(nproc) cores."
  echo
  echo "| system | word F1 all pages | word F1 articles | shingle F1 | docs/s (1 thread) | docs/s vs trafilatura |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  for s in $scored; do
    printf '| %s | %s | %s | %s | %.1f | %s |\n' "$s" "${f_all[$s]}" "${f_art[$s]}" "${f_sh[$s]}" "${docs_s[$s]}" "$(ratio "$s")"
  done
  echo
  for s in $systems; do
    v=${version[$s]:-}
    echo "- $s${v:+ $v}: ${note[$s]:-}"
  done
  echo
  echo "decruft: wall clock of \`decruft clean -q --jobs 1\` over the folder. Peers: sum of per-page decode+parse+extract times in one Python process (bench/wcxb/harness.py)."
} > "$md"

printf '\n%-12s %10s %10s %10s %12s %10s\n' system 'F1 all' 'F1 article' 'shingle F1' 'docs/s 1thr' 'x trafil.'
for s in $scored; do
  printf '%-12s %10s %10s %10s %12.1f %10s\n' "$s" "${f_all[$s]}" "${f_art[$s]}" "${f_sh[$s]}" "${docs_s[$s]}" "$(ratio "$s")"
done
for s in $systems; do
  [ -n "${docs_s[$s]:-}" ] || printf '%-12s %s\n' "$s" "left out: ${note[$s]:-no result}"
done
echo
sed -n '/^- /p' "$md"
echo "pages $pages (articles $articles); markdown: $md; run time $(( $(date +%s) - start )) s"

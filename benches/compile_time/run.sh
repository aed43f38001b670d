#!/usr/bin/env bash
# Compile-time benchmark: how long `cargo check` takes on a crate that holds one generator of a
# given shape and size, for four ways of writing the same body:
#
#   gen           #[generator] fn f(n: u64) -> impl Iterator<Item = u64> { .. yield_!(x); .. }
#   async-stream  fn f(n: u64) -> impl Stream<Item = u64> { async_stream::stream! { .. yield x; .. } }
#   plain         fn f(n: u64, out: &mut Vec<u64>) { .. out.push(x); .. }
#   nightly       fn f(n: u64) -> impl Iterator<Item = u64> { gen move { .. yield x; .. } }
#                 (`#![feature(gen_blocks)]`, `cargo +nightly check`; "skipped" without nightly)
#
# Shapes (from the issue report):
#   A  N sequential `yield_!(i);` (i = 0..N)                                  N = 100 200 300 500
#   B  K locals `let mut v{j} = n + j;`, then `yield_!(v{t}); v{t} += 1;` for each t, then one
#      yield of their sum: every local is live across every yield            K = 50 100 150
#   C  `match n % N { 0 => { yield_!(0); } .. N-1 => { yield_!(N-1); } _ => {} }` N = 100 250 500
#
# Usage (from anywhere; needs cargo + stable, nightly optional):
#   bash benches/compile_time/run.sh            full run: every shape and size, min of 3 timed checks
#   bash benches/compile_time/run.sh --smoke    CI: each shape at its smallest size, checked once
#   bash benches/compile_time/run.sh --runs 5 A C   more runs, only shapes A and C
#   bash benches/compile_time/run.sh --table    only print the table of the last full run again
#   --no-nightly                                 leave the nightly column out ("skipped")
#   --sizes "10 20"                              other sizes for the shapes named (investigations)
#   --at REV                                     measure gen-core/gen-macros as committed at REV
#                                                (a git archive under target/compile-time/src-<rev>)
#                                                instead of the working tree
#
# Method: the crates are generated in a throwaway workspace under target/compile-time/ (its own
# target directories; gen-core is a path dependency on this repository's gen-core, the lock file
# is this workspace's Cargo.lock, so async-stream is the version the benches already use and
# nothing new is fetched). Dependencies are built once (warm-up); then each measured check
# touches the crate's lib.rs so only that crate is re-checked, with CARGO_INCREMENTAL=0 (a fresh
# check of the crate, not an incremental replay). The time is rustc's, for that crate alone
# (rustc-timer.sh, a RUSTC_WRAPPER): macro expansion, type checking and borrow checking, but not
# cargo's start-up. Both its wall time and its CPU time (user + sys) are kept; on a shared,
# loaded machine the CPU time is the steadier one. The expansion size is the gen crate checked
# once more with GEN_DEBUG_EXPAND=<file> (the macro writes its expansion there), counted in lines
# after rustfmt (and in bytes before it).
#
# The full run also measures a one-yield baseline (shape A, N = 1): the fixed cost of checking a
# crate that uses each variant (rustc start-up, loading std's and the dependencies' metadata).
# gen-macros is built as cargo builds proc macros for `cargo check` by default (dev profile,
# unoptimised), as in a user's project. The gen crate builds the working tree's gen-core (or
# the commit given with --at); a full run stops if gen-core's or gen-macros' sources change
# while it runs, since its table would then mix two versions of the macro.
#
# Output, all in target/compile-time/: results.tsv (one row per shape and size: the minimum
# seconds of each variant, expansion lines and bytes, lines of the body), runs.tsv (every timed
# run), table.md (the Markdown tables of BENCHMARKS.md's "Compile time" section), meta.txt
# (toolchains, commit, async-stream version, machine load) and, for a variant that does not compile,
# errors/<shape><size>-<variant>.log (the first 40 lines are also printed).
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${CARGO_TARGET_DIR:-$ROOT/target}/compile-time
WORK=$(mkdir -p "$WORK" && cd "$WORK" && pwd)

# ---------------------------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------------------------
SMOKE=0
TABLE_ONLY=0
NO_NIGHTLY=0
AT=
SIZES_ARG=
RUNS=3
ONLY=()
while (($#)); do
  case $1 in
    --smoke) SMOKE=1 ;;
    --runs) RUNS=$2; shift ;;
    --table) TABLE_ONLY=1 ;;
    --no-nightly) NO_NIGHTLY=1 ;;
    --at) AT=$2; shift ;;
    --sizes) SIZES_ARG=$2; shift ;;
    A | B | C) ONLY+=("$1") ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
((${#ONLY[@]})) || ONLY=(A B C)

# Sizes per shape; the smoke run takes the first (smallest) of each.
declare -A SIZES=([A]="100 200 300 500" [B]="50 100 150" [C]="100 250 500")
if [[ -n $SIZES_ARG ]]; then for shape in "${ONLY[@]}"; do SIZES[$shape]=$SIZES_ARG; done; fi
VARIANTS=(gen async-stream plain nightly)

# ---------------------------------------------------------------------------------------------
# Environment shared by every cargo call
# ---------------------------------------------------------------------------------------------
export CARGO_TERM_COLOR=never
export CARGO_INCREMENTAL=0                   # every measured check is a full check of the crate
export RUSTC_WRAPPER=$HERE/rustc-timer.sh    # records rustc's time for the ct_* crates
unset RUSTC_WORKSPACE_WRAPPER RUSTFLAGS CARGO_BUILD_RUSTFLAGS GEN_DEBUG_EXPAND GEN_DEBUG_PLAN
STABLE_WS=$WORK/stable    # workspace of ct_gen, ct_async_stream, ct_plain (stable toolchain)
NIGHTLY_WS=$WORK/nightly  # workspace of ct_nightly alone (nightly; no dependencies)
TIMES=$WORK/times         # rustc-timer.sh's output for the current check
mkdir -p "$WORK/errors"

# Is a nightly toolchain available? (`cargo +nightly` needs rustup's proxy.)
HAVE_NIGHTLY=0
if ((NO_NIGHTLY == 0)) && command -v rustup >/dev/null 2>&1 && cargo +nightly -V >/dev/null 2>&1; then
  HAVE_NIGHTLY=1
fi

# ---------------------------------------------------------------------------------------------
# Source generation
# ---------------------------------------------------------------------------------------------

# yield_stmt STYLE EXPR: one yield of EXPR as the variant writes it.
yield_stmt() {
  case $1 in
    gen) echo "yield_!($2);" ;;
    async-stream | nightly) echo "yield $2;" ;;
    plain) echo "out.push($2);" ;;
  esac
}

# body STYLE SHAPE SIZE: the body of f, one statement per line.
body() {
  local style=$1 shape=$2 size=$3 i sum=
  case $shape in
    A) # N sequential yields
      for ((i = 0; i < size; i++)); do yield_stmt "$style" "$i"; done ;;
    B) # K locals, each live across every yield (the last yield reads them all)
      for ((i = 0; i < size; i++)); do echo "let mut v$i = n + $i;"; done
      for ((i = 0; i < size; i++)); do
        yield_stmt "$style" "v$i"
        echo "v$i += 1;"
        sum+="${sum:+ + }v$i"
      done
      yield_stmt "$style" "$sum" ;;
    C) # a match with N yielding arms
      echo "match n % $size {"
      for ((i = 0; i < size; i++)); do echo "$i => { $(yield_stmt "$style" "$i") }"; done
      echo "_ => {}"
      echo "}" ;;
  esac
}

# source VARIANT SHAPE SIZE: the whole lib.rs of the variant's crate.
source_of() {
  local variant=$1 shape=$2 size=$3
  echo "// Generated by benches/compile_time/run.sh: shape $shape, size $size, $variant."
  [[ $variant == nightly ]] && echo '#![feature(gen_blocks)]'
  echo '#![allow(unused_variables)] // shape A does not read `n`'
  echo
  case $variant in
    gen)
      echo 'use gen_core::generator;'
      echo
      echo '#[generator]'
      echo 'pub fn f(n: u64) -> impl Iterator<Item = u64> {'
      body gen "$shape" "$size"
      echo '}' ;;
    async-stream)
      echo 'pub fn f(n: u64) -> impl futures_core::Stream<Item = u64> {'
      echo 'async_stream::stream! {'
      body async-stream "$shape" "$size"
      echo '}'
      echo '}' ;;
    plain)
      echo 'pub fn f(n: u64, out: &mut Vec<u64>) {'
      body plain "$shape" "$size"
      echo '}' ;;
    nightly)
      echo 'pub fn f(n: u64) -> impl Iterator<Item = u64> {'
      echo 'gen move {'
      body nightly "$shape" "$size"
      echo '}'
      echo '}' ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# The throwaway workspaces
# ---------------------------------------------------------------------------------------------

# crate_dir VARIANT: where the variant's crate lives.
crate_dir() {
  case $1 in
    nightly) echo "$NIGHTLY_WS" ;;
    *) echo "$STABLE_WS/ct_${1//-/_}" ;;
  esac
}

# manifest NAME DEPS: a package manifest with the given [dependencies] lines.
manifest() {
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[lib]\npath = "src/lib.rs"\n\n[dependencies]\n%s\n' "$1" "$2"
}

setup_workspaces() {
  mkdir -p "$STABLE_WS" "$NIGHTLY_WS/src"
  # `[workspace]` makes each its own root: cargo must not take them for members of the
  # repository's workspace, whose directory they are inside.
  printf '[workspace]\nresolver = "3"\nmembers = ["ct_gen", "ct_async_stream", "ct_plain"]\n' \
    >"$STABLE_WS/Cargo.toml"
  local v
  for v in gen async_stream plain; do mkdir -p "$STABLE_WS/ct_$v/src"; done
  manifest ct_gen "gen-core = { path = \"$SRC/gen-core\" }" >"$STABLE_WS/ct_gen/Cargo.toml"
  manifest ct_async_stream $'async-stream = "0.3"\nfutures-core = "0.3"' \
    >"$STABLE_WS/ct_async_stream/Cargo.toml"
  manifest ct_plain "" >"$STABLE_WS/ct_plain/Cargo.toml"
  { manifest ct_nightly ""; printf '\n[workspace]\n'; } >"$NIGHTLY_WS/Cargo.toml"
  # The repository's lock file: the same versions as the workspace (async-stream included),
  # already downloaded. Taken again whenever the repository's is newer.
  if [[ ! -f $STABLE_WS/Cargo.lock || $ROOT/Cargo.lock -nt $STABLE_WS/Cargo.lock ]]; then
    cp "$ROOT/Cargo.lock" "$STABLE_WS/Cargo.lock"
  fi
}

# write_case SHAPE SIZE: every variant's lib.rs for this case.
write_case() {
  local v
  for v in "${VARIANTS[@]}"; do
    source_of "$v" "$1" "$2" >"$(crate_dir "$v")/src/lib.rs"
  done
}

# ---------------------------------------------------------------------------------------------
# Checking and timing
# ---------------------------------------------------------------------------------------------

# check VARIANT LOG: touch the crate's lib.rs and `cargo check` it alone. On success prints
# "<wall> <cpu>", rustc's seconds for the crate (cpu = user + sys); on failure leaves cargo's
# output in LOG and returns 1.
check() {
  local variant=$1 log=$2 dir toolchain=() target
  dir=$(crate_dir "$variant")
  if [[ $variant == nightly ]]; then
    toolchain=(+nightly)
    target=$WORK/target-nightly
  else
    target=$WORK/target-stable
  fi
  : >"$TIMES"
  touch "$dir/src/lib.rs"
  if ! CT_TIMES=$TIMES CARGO_TARGET_DIR=$target cargo "${toolchain[@]}" check -q \
    --manifest-path "$dir/Cargo.toml" --lib >"$log" 2>&1; then
    return 1
  fi
  if [[ ! -s $TIMES ]]; then
    echo "cargo did not re-check ct_${variant//-/_} after touching its source" >>"$log"
    return 1
  fi
  awk '{ printf "%.3f %.3f", $2, $3 + $4 }' "$TIMES"
}

# expansion_size: check the gen crate once more with GEN_DEBUG_EXPAND set and print
# "<lines after rustfmt>\t<bytes>" of the expansion (lines "-" when rustfmt fails on it).
expansion_size() {
  local file=$WORK/expansion.rs lines=- bytes=-
  rm -f "$file"
  if GEN_DEBUG_EXPAND=$file check gen "$WORK/expand.log" >/dev/null && [[ -s $file ]]; then
    bytes=$(wc -c <"$file")
    if rustfmt --edition 2024 "$file" >/dev/null 2>&1; then
      lines=$(wc -l <"$file")
    fi
  fi
  printf '%s\t%s' "$lines" "$bytes"
}

# smaller A B: is A < B (or B empty)?
smaller() { [[ -z $2 ]] || awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# What the gen column depends on in this repository (gen-core inherits from the root manifest).
MACRO_SOURCES=(Cargo.toml gen-core/Cargo.toml gen-core/src gen-macros/Cargo.toml gen-macros/src)

# sources_fingerprint: a checksum of those files. The path dependency builds the working tree
# as it is, so an edit during a full run would mix two versions of the macro in one table:
# run_case compares it with the one taken at the start after each case, and stops the run if
# it changed.
sources_fingerprint() {
  (cd "$SRC" && find "${MACRO_SOURCES[@]}" -type f | LC_ALL=C sort | xargs cksum | cksum | cut -d' ' -f1)
}

# run_case SHAPE SIZE: generate the four crates of one case, time them, append the results.
run_case() {
  local shape=$1 size=$2 rounds=$RUNS run v log times wall cpu summary size_cols body_lines
  local -A wall_min=() cpu_min=()
  write_case "$shape" "$size"
  for v in "${VARIANTS[@]}"; do wall_min[$v]=; cpu_min[$v]=; done
  ((HAVE_NIGHTLY)) || { wall_min[nightly]=skipped; cpu_min[nightly]=skipped; }

  # Timed checks: RUNS rounds, each round checking every variant once (interleaved, so that
  # a slow spell of the shared machine hits all of them alike); the minimum is kept, of the
  # wall time and of the CPU time separately.
  ((SMOKE)) && rounds=1
  for ((run = 1; run <= rounds; run++)); do
    for v in "${VARIANTS[@]}"; do
      [[ ${wall_min[$v]} == skipped || ${wall_min[$v]} == error ]] && continue
      log=$WORK/errors/$shape$size-$v.log
      if times=$(check "$v" "$log"); then
        rm -f "$log"
        read -r wall cpu <<<"$times"
        ((SMOKE)) || printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$size" "$v" "$run" "$wall" "$cpu" >>"$RUNLOG"
        smaller "$wall" "${wall_min[$v]}" && wall_min[$v]=$wall
        smaller "$cpu" "${cpu_min[$v]}" && cpu_min[$v]=$cpu
      else
        wall_min[$v]=error
        cpu_min[$v]=error
        echo "!! shape $shape size $size: $v does not compile (log: $log)" >&2
        sed -n '1,40p' "$log" >&2
        # A broken nightly feature is not this crate's failure; anything else is.
        [[ $v == nightly ]] || FAILED=1
      fi
    done
  done

  summary=""
  for v in "${VARIANTS[@]}"; do summary+=" $v=${wall_min[$v]}"; done
  if ((SMOKE)); then
    echo "smoke $shape$size (rustc wall s):$summary"
    return
  fi
  size_cols=$(expansion_size)
  body_lines=$(body plain "$shape" "$size" | wc -l)
  if [[ $(sources_fingerprint) != "$FINGERPRINT" ]]; then
    echo "!! gen-core or gen-macros changed during the run (${MACRO_SOURCES[*]}):" \
      "the table would mix two versions of the macro; stopping. Run again." >&2
    exit 3
  fi
  echo "$shape$size (min wall s):$summary expansion(lines,bytes)=${size_cols/$'\t'/,}"
  {
    printf '%s\t%s' "$shape" "$size"
    for v in "${VARIANTS[@]}"; do printf '\t%s' "${wall_min[$v]}"; done
    for v in "${VARIANTS[@]}"; do printf '\t%s' "${cpu_min[$v]}"; done
    printf '\t%s\t%s\n' "$size_cols" "$body_lines"
  } >>"$RESULTS"
}

# ---------------------------------------------------------------------------------------------
# The Markdown tables (wall time, then CPU time): times, ratios, doubling ratio of gen (time at
# size s / time at size s/2, when both sizes are measured) and the expansion size.
# ---------------------------------------------------------------------------------------------

# table FIRST_COLUMN: one table from results.tsv, whose times (gen, async-stream, nightly,
# plain) start at column FIRST_COLUMN.
table() {
  awk -F'\t' -v f="$1" '
    function num(x) { return x ~ /^[0-9.]+$/ }
    function secs(x) { return num(x) ? sprintf("%.3f s", x) : x }
    function ratio(a, b) { return num(a) && num(b) && b > 0 ? sprintf("%.2fx", a / b) : "-" }
    NR > 1 { row[++n] = $0; gen[$1, $2] = $f }
    END {
      print "| shape | size | gen | async-stream | nightly `gen` | plain | gen / async-stream | gen / plain | gen doubling (s / s÷2) | expansion lines |"
      print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      for (i = 1; i <= n; i++) {
        split(row[i], c, "\t")
        g = c[f]; a = c[f + 1]; ng = c[f + 2]; p = c[f + 3]
        half = c[2] / 2
        dbl = ((c[1], half) in gen) ? ratio(g, gen[c[1], half]) : ""
        lines = c[11] != "-" ? c[11] : c[12] " bytes"
        size = c[2] == 1 ? "1 (baseline)" : c[2]
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c[1], size, secs(g), \
          secs(a), secs(ng), secs(p), ratio(g, a), ratio(g, p), dbl, lines
      }
    }' "$RESULTS"
}

render_table() {
  {
    echo "rustc wall time (min of the runs):"
    echo
    table 3
    echo
    echo "rustc CPU time, user + sys (min of the same runs):"
    echo
    table 7
  } | tee "$WORK/table.md"
}

# meta: what measured this run (printed and kept next to the results).
meta() {
  echo "date: $(date -u '+%F %H:%M UTC'), nproc: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ -n $AT ]]; then
    echo "gen-core: commit $AT_REV ($(git -C "$ROOT" log -1 --format='%cd' --date=iso "$AT_REV")), from $SRC"
  else
    echo "gen-core: working tree $ROOT at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" \
      "with $(git -C "$ROOT" status --porcelain -- "${MACRO_SOURCES[@]}" 2>/dev/null | wc -l) uncommitted file(s)" \
      "in gen-core/gen-macros, sources fingerprint $(sources_fingerprint)"
  fi
  echo "stable: $(rustc -V)"
  ((HAVE_NIGHTLY)) && echo "nightly: $(rustc +nightly -V)"
  echo "async-stream: $(awk '/^name = "async-stream"$/ { getline; gsub(/"/, "", $3); print $3 }' "$STABLE_WS/Cargo.lock")"
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
RESULTS=$WORK/results.tsv
RUNLOG=$WORK/runs.tsv
if ((TABLE_ONLY)); then render_table; exit 0; fi

# The gen-core that the gen crate depends on: the working tree, or a commit's copy (--at).
SRC=$ROOT
if [[ -n $AT ]]; then
  AT_REV=$(git -C "$ROOT" rev-parse --short "$AT^{commit}")
  SRC=$WORK/src-$AT_REV
  if [[ ! -d $SRC ]]; then
    rm -rf "$SRC.tmp" && mkdir -p "$SRC.tmp"
    git -C "$ROOT" archive "$AT_REV" Cargo.toml gen-core gen-macros | tar -x -C "$SRC.tmp"
    # The copy has only these two of the workspace's members.
    sed -i 's/^members = .*/members = ["gen-core", "gen-macros"]/' "$SRC.tmp/Cargo.toml"
    mv "$SRC.tmp" "$SRC"
  fi
fi

setup_workspaces
FAILED=0
FINGERPRINT=$(sources_fingerprint)

# Warm-up: build every dependency (gen-macros and syn, async-stream, futures-core) with the
# smallest case, so that no timed check builds anything but its own crate.
echo "== compile-time: warm-up (dependencies) in $WORK"
write_case A 1
for v in "${VARIANTS[@]}"; do
  [[ $v == nightly && $HAVE_NIGHTLY == 0 ]] && continue
  if ! check "$v" "$WORK/warmup-$v.log" >/dev/null; then
    echo "warm-up of $v failed:" >&2
    cat "$WORK/warmup-$v.log" >&2
    [[ $v == nightly ]] || exit 1
  fi
done

if ((SMOKE == 0)); then
  meta | tee "$WORK/meta.txt"
  printf 'shape\tsize\tgen_wall\tasync_stream_wall\tnightly_wall\tplain_wall\tgen_cpu\tasync_stream_cpu\tnightly_cpu\tplain_cpu\texpansion_lines\texpansion_bytes\tbody_lines\n' >"$RESULTS"
  printf 'shape\tsize\tvariant\trun\twall\tcpu\n' >"$RUNLOG"
fi

# The full run starts with the one-yield baseline (see the top of this file).
if ((SMOKE == 0)) && [[ " ${ONLY[*]} " == *" A "* ]]; then run_case A 1; fi
for shape in "${ONLY[@]}"; do
  sizes=(${SIZES[$shape]})
  ((SMOKE)) && sizes=("${sizes[0]}")
  for size in "${sizes[@]}"; do run_case "$shape" "$size"; done
done

if ((SMOKE)); then
  ((FAILED)) && { echo "compile-time smoke: FAILED" >&2; exit 1; }
  echo "compile-time smoke: ok"
  exit 0
fi

render_table
echo "after the run: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/meta.txt"
echo
echo "results: $RESULTS, every run: $RUNLOG, table: $WORK/table.md"
((FAILED == 0)) || { echo "some variants did not compile: see $WORK/errors/" >&2; exit 1; }

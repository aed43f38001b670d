#!/usr/bin/env bash
# Instructions per item of every case under callgrind (deterministic, unlike wall time on a
# shared machine). Writes benches/results/ir.tsv (or ir-nightly.tsv with NIGHTLY=1).
#
#   benches/scripts/callgrind.sh               # every case, stable
#   benches/scripts/callgrind.sh pairs_        # cases whose `workload/impl` starts with this
#   NIGHTLY=1 benches/scripts/callgrind.sh     # cargo +nightly --features nightly
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${NIGHTLY:-}" == 1 ]]; then
  target="${CARGO_TARGET_DIR:-target}-nightly"
  CARGO_TARGET_DIR="$target" cargo +nightly build --profile bench -p gen-benches --example ir --features nightly
  out=benches/results/ir-nightly.tsv
else
  target="${CARGO_TARGET_DIR:-target}"
  cargo build --profile bench -p gen-benches --example ir
  out=benches/results/ir.tsv
fi
bin="$target/release/examples/ir"
filter="${1:-}"
printf 'case\titems\tir\tir_per_item\n' > "$out"
"$bin" --list | while IFS=$'\t' read -r case items; do
  [[ -n "$filter" && "$case" != "$filter"* ]] && continue
  [[ "${NIGHTLY:-}" == 1 && "$case" != */hand && "$case" != */nightly* ]] && continue
  ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no \
         --toggle-collect='*wl_run*' "$bin" "$case" 2>&1 >/dev/null \
       | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  per=$(awk -v a="$ir" -v b="$items" 'BEGIN { printf "%.2f", a / b }')
  printf '%s\t%s\t%s\t%s\n' "$case" "$items" "$ir" "$per" | tee -a "$out"
done

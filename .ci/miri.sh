#!/usr/bin/env bash
# Runs gen-core's tests under Miri, with Stacked Borrows (the default) and Tree Borrows.
# Needs the nightly toolchain with the `miri` and `rust-src` components; when they cannot be
# installed this prints `MIRI SKIPPED: <reason>` and exits 0 (Miri is a check on top of CI,
# not a build requirement: everything else builds on stable).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
# Its own target dir: Miri builds are incompatible with normal ones, and this avoids lock
# contention with concurrent stable builds.
export CARGO_TARGET_DIR="${MIRI_TARGET_DIR:-$PWD/target/miri}"

skip() {
    echo "MIRI SKIPPED: $1"
    exit 0
}

command -v rustup >/dev/null 2>&1 || skip "rustup not found"
rustup toolchain list | grep -q '^nightly' || skip "no nightly toolchain installed"
rustup component add miri rust-src --toolchain nightly </dev/null >/dev/null 2>&1 \
    || skip "could not add the miri and rust-src components to the nightly toolchain"
cargo +nightly miri setup </dev/null >/dev/null 2>&1 || skip "cargo +nightly miri setup failed"

base_flags="${MIRIFLAGS:-}"
for mode in stacked tree; do
    flags="$base_flags"
    [ "$mode" = tree ] && flags="$flags -Zmiri-tree-borrows"
    echo "-- miri ($mode borrows): cargo +nightly miri test -p gen-core"
    MIRIFLAGS="$flags" cargo +nightly miri test -p gen-core </dev/null
done

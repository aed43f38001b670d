#!/usr/bin/env bash
# Checks that rust-analyzer shows the user's code, not the expansion, for locals inside
# generators (hover and go-to-definition). See README.md. Exit status: 0 all passed,
# 1 some check failed, 2 rust-analyzer or the samples could not be set up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

RA="${RUST_ANALYZER:-rust-analyzer}"
if ! "$RA" --version >/dev/null 2>&1; then
    echo "error: \`$RA --version\` failed; install it with \`rustup component add rust-analyzer\`" >&2
    "$RA" --version >&2 || true
    exit 2
fi
echo "using $("$RA" --version 2>/dev/null | head -n1), $(rustc --version)"

# The samples (and their plain twins) must compile, or rust-analyzer's answers mean nothing.
python3 check.py --twin-only
mkdir -p target
if ! cargo check --quiet --all-targets >target/cargo-check.log 2>&1; then
    echo "error: the samples do not compile (cargo check):" >&2
    grep -v '^warning' target/cargo-check.log | head -n 60 >&2
    exit 2
fi

RUST_ANALYZER="$RA" exec python3 check.py "$@"

#!/usr/bin/env bash
# The user's clippy lints fire inside generators: runs `cargo clippy` on this fixture crate
# (outside the workspace, whose clippy denies warnings) and checks that every line marked
# `// clippy: <lint>` in src/lib.rs draws a clippy warning at that line, in each flavour, and
# that nothing else draws any warning or error: not the other lines of src/lib.rs, and not the
# correct generators of tests/ui/lints/pass/ it includes (the expansions add no lint of their
# own, rustc's or clippy's).
#
#   bash tests/lint_fixtures/check.sh
#
# Uses the workspace's target dir, so the dependencies built by the workspace are reused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

# The dependency versions of the workspace, not whatever is newest today.
cp "$root/Cargo.lock" Cargo.lock
trap 'rm -f "$here/Cargo.lock"' EXIT

out="$(cargo clippy --quiet --target-dir "$root/target" --message-format short 2>&1)" || {
    echo "$out"
    echo "FAIL: the lint fixture does not build under clippy (an error, or a warning denied by tests/ui/lints/pass/)"
    exit 1
}

others="$(printf '%s\n' "$out" | grep -E '(warning|error)(\[[A-Z0-9]+\])?: ' | grep -v '^src/lib\.rs:' |
    grep -vE '^(warning|error): `gen-lint-fixtures` \(lib\) generated [0-9]+ warnings?' || true)"
if [ -n "$others" ]; then
    echo "$out"
    echo "FAIL: diagnostics outside the marked lines:"
    echo "$others"
    exit 1
fi

# Each warning once: a lint of the user's code reported by two copies of the body (with two
# suggestions) would show twice.
twice="$(printf '%s\n' "$out" | grep -E '^src/lib\.rs:[0-9]+:[0-9]+: warning: ' | cut -d: -f1-3 | sort | uniq -d)"
if [ -n "$twice" ]; then
    echo "$out"
    echo "FAIL: a warning reported more than once at:"
    echo "$twice"
    exit 1
fi

expected="$(grep -n '// clippy: ' src/lib.rs | cut -d: -f1 | sort -n)"
got="$(printf '%s\n' "$out" | sed -n 's#^src/lib\.rs:\([0-9]*\):[0-9]*: warning: .*#\1#p' | sort -nu)"
if [ "$expected" != "$got" ]; then
    echo "$out"
    echo "FAIL: lines with a clippy warning differ from the marked lines"
    diff <(echo "$expected") <(echo "$got") || true
    exit 1
fi
n="$(echo "$expected" | wc -l)"
echo "ok: $n clippy warnings on user code inside generators, each on its marked line, no others"

//! Compile-fail cases: every error the macros promise, with the exact message rustc shows.
//! Each case under `tests/ui/<topic>/` has its `.stderr` next to it; refresh them with
//! `TRYBUILD=overwrite cargo test -p gen-tests --test ui` and read every diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*/*.rs");
}

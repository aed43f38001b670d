//! Compile-fail cases: every error the macros promise, with the exact message rustc shows.
//! Each case under `tests/ui/<topic>/` has its `.stderr` next to it; refresh them with
//! `TRYBUILD=overwrite cargo test -p gen-tests --test ui` and read every diff.
//!
//! `tests/ui/lints/` holds the user's own lints firing inside generators of every flavour
//! (`#![deny(warnings)]` makes each one an error); `tests/ui/lints/pass/` is the other half,
//! correct generators of every flavour that compile under `#![deny(warnings)]` and run.

use std::io::Write;
use std::process::Command;

/// The toolchain the `.stderr` files were written with (`.ci/run` uses it). rustc's wording and
/// layout change between releases, so on another toolchain the comparison would fail for
/// reasons that are not the macros'.
const STDERR_TOOLCHAIN: &str = "rustc 1.95.";

/// Whether to compare: the `rustc` in use is the pinned release, or `GEN_UI_ANY_TOOLCHAIN` is
/// set (to refresh the files on a new release). Otherwise says why the test does nothing, on
/// the real stderr: the test harness would swallow an `eprintln!` of a passing test.
fn pinned_toolchain(test: &str) -> bool {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let version = Command::new(&rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .unwrap_or_default();
    if version.starts_with(STDERR_TOOLCHAIN) || std::env::var_os("GEN_UI_ANY_TOOLCHAIN").is_some() {
        return true;
    }
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: the .stderr files were written with `{STDERR_TOOLCHAIN}x`, this is `{}`; \
         run with that toolchain (`cargo +1.95 test -p gen-tests --test ui`), or set \
         GEN_UI_ANY_TOOLCHAIN=1 to compare anyway",
        version.trim()
    );
    false
}

#[test]
fn ui() {
    if !pinned_toolchain("ui") {
        return;
    }
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*/*.rs");
}

/// Correct generators draw no warning: each case has `#![deny(warnings)]`, so any lint the
/// expansion makes fire on them fails the build. (`tests/lint_fixtures/check.sh` compiles the
/// same files under clippy.)
#[test]
fn lints_pass() {
    if !pinned_toolchain("lints_pass") {
        return;
    }
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/lints/pass/*.rs");
}

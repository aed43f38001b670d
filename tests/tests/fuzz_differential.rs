//! CI batch of the differential fuzzer: random generator programs built as one crate, each
//! compared with its plain-function twin (items and drop logs: run to the end, `fold`,
//! dropped after `k` items, `k` items then `fold`; streams on paused tokio time).
//!
//! The seed changes every run and is printed (`FUZZ SEED=<n>`); rerun one with
//! `GEN_FUZZ_SEED=<n>`. `GEN_FUZZ_PROGRAMS` sets the count (default 300). The programs stay
//! within the macro's documented contract (RELIABILITY.md); within it every failure counts: a
//! mismatch, and a generator rejected (not compiling) while its plain twin compiles. Reduce a
//! failing program with `cargo run -p gen-tests --bin fuzz -- --seed <n> --minimize <i>`.

use gen_tests::fuzz::{Options, env_count, run_batch, seed_from_env};

#[test]
fn generators_behave_like_their_plain_twins() {
    let programs = env_count("GEN_FUZZ_PROGRAMS", 300);
    run(programs, false);
}

/// The same with every flat generator in the frame layout, which the macro otherwise takes
/// only for large state machines (few random programs are that large): `GEN_FUZZ_FRAME_PROGRAMS`
/// sets the count (default 120).
#[test]
fn generators_in_the_frame_layout_behave_like_their_plain_twins() {
    let programs = env_count("GEN_FUZZ_FRAME_PROGRAMS", 120);
    run(programs, true);
}

/// Runs a batch of `programs` of a new seed (or `GEN_FUZZ_SEED`), every failure counted.
fn run(programs: usize, frame_layout: bool) {
    let seed = seed_from_env();
    let (label, env) = if frame_layout {
        (" (frame layout)", "GEN_FLAT_LAYOUT=frame ")
    } else {
        ("", "")
    };
    println!("FUZZ SEED={seed}{label}");
    let opts = Options {
        seed,
        first: 0,
        programs,
        only: None,
        frame_layout,
    };
    let summary = run_batch(&opts).unwrap_or_else(|e| panic!("FUZZ SEED={seed}{label}: {e}"));
    println!("{}", summary.line());
    let report = summary.report();
    print!("{report}");
    assert!(
        summary.clean(),
        "FUZZ SEED={seed}{label}: {}\n{report}\nreduce one with: {env}cargo run -p gen-tests --bin \
         fuzz -- --seed {seed} --minimize <program>",
        summary.line()
    );
}

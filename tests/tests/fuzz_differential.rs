//! CI batch of the differential fuzzer (DESIGN 4, issue 6): random generator programs built
//! as one crate, each compared with its plain-function twin (items and drop logs: run to the
//! end, `fold`, dropped after `k` items, `k` items then `fold`; streams on paused tokio time).
//!
//! The seed changes every run and is printed (`FUZZ SEED=<n>`); rerun one with
//! `GEN_FUZZ_SEED=<n>`. `GEN_FUZZ_PROGRAMS` sets the count (default 300). Programs that hit a
//! known, reported bug are not generated unless `GEN_FUZZ_KNOWN_BUGS=1` (see RELIABILITY.md).
//! Reduce a failing program with `cargo run -p gen-tests --bin fuzz -- --seed <n> --minimize <i>`.

use gen_tests::fuzz::{Options, env_count, run_batch, seed_from_env};

#[test]
fn generators_behave_like_their_plain_twins() {
    let seed = seed_from_env();
    let programs = env_count("GEN_FUZZ_PROGRAMS", 300);
    println!("FUZZ SEED={seed}");
    let opts = Options {
        seed,
        first: 0,
        programs,
        only: None,
        known_bugs: env_count("GEN_FUZZ_KNOWN_BUGS", 0) == 1,
    };
    let summary = run_batch(&opts).unwrap_or_else(|e| panic!("FUZZ SEED={seed}: {e}"));
    println!("{}", summary.line());
    let report = summary.report();
    print!("{report}");
    assert!(
        summary.clean(),
        "FUZZ SEED={seed}: {}\n{report}\nreduce one with: cargo run -p gen-tests --bin fuzz -- \
         --seed {seed} --minimize <program>",
        summary.line()
    );
}

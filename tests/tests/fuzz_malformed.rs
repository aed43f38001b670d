//! The macro never panics on malformed input: a few hundred mutants of
//! valid generators (token-tree edits: deletions, duplications, swaps, truncated groups,
//! yields in closures/macros/async blocks, stray keywords, bad attribute arguments and
//! return types) are built as one crate; the compiler output must hold no proc-macro panic
//! and no ICE. The seed changes every run (`FUZZ SEED=<n>`, `GEN_FUZZ_SEED` to replay);
//! `GEN_FUZZ_MUTANTS` sets the count (default 300). Mutants rustc's own parser rejects never
//! reach the macro; `reached` counts those that did (it must be at least a quarter).

use gen_tests::fuzz::{env_count, malformed, seed_from_env};

#[test]
fn malformed_generators_get_errors_not_panics() {
    let seed = seed_from_env();
    let count = env_count("GEN_FUZZ_MUTANTS", 300);
    println!("FUZZ SEED={seed}");
    let outcome = malformed::run(seed, 0, count);
    println!("{}", outcome.line());
    assert!(
        outcome.panics.is_empty(),
        "FUZZ SEED={seed}: the macro panicked:\n{}",
        outcome.panics.join("\n")
    );
    assert!(
        outcome.reached * 4 >= count,
        "FUZZ SEED={seed}: only {} of {count} mutants were expanded: {}",
        outcome.reached,
        outcome.line()
    );
}

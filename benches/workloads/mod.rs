//! The workloads of the suite, one module each. Every module implements its workload
//! several ways (hand-written `Iterator`/`Stream`, the `gen` lowerings, `std::iter::from_fn`,
//! peer crates) as plain `fn() -> u64` runners that do the whole workload and return a
//! checksum; a `#[test]` in the module (run by `tests/workloads.rs`) checks that every runner
//! returns the hand-written one's checksum. Input sizes are fixed.
//!
//! Included by each bench, example and test target of `gen-benches` (see the library docs);
//! each uses a different part, hence the `dead_code` allowance at the `mod` declarations.

pub mod allocations;
pub mod consumers;
pub mod count;
#[cfg(feature = "nightly")]
pub mod nightly;
pub mod pairs;
pub mod parser;
pub mod startup;
pub mod stream_yield_from;
pub mod streams;
pub mod styles;
pub mod take;
pub mod tokenizer;

use gen_benches::Workload;

/// Every workload of the suite, sync first.
pub fn all() -> Vec<Workload> {
    let mut v = Vec::new();
    v.extend_from_slice(count::WORKLOADS);
    v.extend_from_slice(pairs::WORKLOADS);
    v.extend_from_slice(tokenizer::WORKLOADS);
    v.extend_from_slice(take::WORKLOADS);
    v.extend_from_slice(startup::WORKLOADS);
    v.extend_from_slice(parser::WORKLOADS);
    v.extend(styles::all());
    v.extend_from_slice(streams::WORKLOADS);
    v.extend_from_slice(stream_yield_from::WORKLOADS);
    v.extend_from_slice(consumers::WORKLOADS);
    for w in &mut v {
        if w.name.starts_with("tokenizer_") {
            w.items = *tokenizer::ITEMS;
        }
    }
    v
}

/// Builds inputs (texts, runtimes) so that runs measure only the workload.
pub fn prepare() {
    let _ = tokenizer::text().len() + parser::text().len();
}

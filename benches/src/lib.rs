//! Workloads of the `gen` benchmark suite, shared by the criterion benches (`benches/`), the
//! instruction-count runner (`src/bin/ir.rs`) and the allocation/size report
//! (`src/bin/report.rs`).
//!
//! One module per workload. Each module implements the workload several ways (hand-written
//! `Iterator`/`Stream`, the `gen` lowerings, `std::iter::from_fn`, peer crates) as plain
//! `fn() -> u64` runners that do the whole workload and return a checksum; a `#[test]` in the
//! module checks that every runner returns the same checksum. Input sizes are fixed.
#![cfg_attr(feature = "nightly", feature(gen_blocks, async_iterator))]

pub mod count;
#[cfg(feature = "nightly")]
pub mod nightly;
pub mod pairs;
pub mod parser;
pub mod startup;
pub mod streams;
pub mod take;
pub mod tokenizer;

/// One implementation of one workload.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// Implementation name (`hand`, `gen`, `gen_no_fold`, `genawaiter`, ...).
    pub imp: &'static str,
    /// Runs the whole workload once; returns a checksum of the items.
    pub run: fn() -> u64,
}

/// A workload: a fixed input, a consumer, and its implementations.
#[derive(Clone, Copy, Debug)]
pub struct Workload {
    /// Criterion group name.
    pub name: &'static str,
    /// Items produced (or generators started, for `startup`) per run.
    pub items: u64,
    /// The implementations; the first one is the hand-written baseline.
    pub cases: &'static [Case],
}

/// Every workload of the suite, sync first.
pub fn all() -> Vec<Workload> {
    let mut v = Vec::new();
    v.extend_from_slice(count::WORKLOADS);
    v.extend_from_slice(pairs::WORKLOADS);
    v.extend_from_slice(tokenizer::WORKLOADS);
    v.extend_from_slice(take::WORKLOADS);
    v.extend_from_slice(startup::WORKLOADS);
    v.extend_from_slice(parser::WORKLOADS);
    v.extend_from_slice(streams::WORKLOADS);
    for w in &mut v {
        if w.name == "tokenizer_for" {
            w.items = *tokenizer::ITEMS;
        }
    }
    v
}

/// Builds inputs (texts, runtimes) so that runs measure only the workload.
pub fn prepare() {
    let _ = tokenizer::text().len() + parser::text().len();
}

/// Runs one case. Not inlined: the callgrind runner collects instructions inside this
/// function only (`--toggle-collect='*wl_run*'`).
#[inline(never)]
pub fn wl_run(run: fn() -> u64) -> u64 {
    run()
}

/// Asserts that every case of `w` returns the baseline's checksum.
pub fn check_workload(w: &Workload) {
    let expected = (w.cases[0].run)();
    for c in w.cases {
        assert_eq!(
            (c.run)(),
            expected,
            "{}/{} disagrees with {}",
            w.name,
            c.imp,
            w.cases[0].imp
        );
    }
}

/// Deterministic pseudo-random numbers (xorshift64*), for generated inputs.
#[derive(Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed` (non-zero).
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    /// The next number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) % n
    }
}

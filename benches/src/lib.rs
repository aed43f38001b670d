//! The harness of the `gen` benchmark suite: what a workload and an implementation are, the
//! function the instruction counter measures, the checksum check, and the input generator.
//!
//! The workloads themselves, every implementation of them and therefore every peer crate,
//! live in `workloads/` and are compiled only into this package's bench, example and test
//! targets, so the peers (async-stream, genawaiter, next-gen, asynk-strim, `futures`'
//! `unfold`, tokio) are dev-dependencies and this library depends on nothing:
//!
//! * `benches/sync.rs`, `benches/streams.rs`: the criterion benches (`cargo bench`);
//! * `examples/ir.rs`: runs single cases for `valgrind --tool=callgrind`
//!   (`scripts/callgrind.sh`);
//! * `examples/report.rs`: heap allocations per run and generator sizes, as Markdown;
//! * `tests/workloads.rs`: every implementation returns the hand-written checksum;
//!   `tests/allocations.rs`: flat and stream generators allocate nothing.
//!
//! Each of them includes the tree with `#[path = "../workloads/mod.rs"] mod workloads;`.

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

//! Heap allocations per run of each case, counted by the `stats_alloc` allocator that the
//! including target installs as its global allocator:
//!
//! ```text
//! #[global_allocator]
//! static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;
//! ```
//!
//! The counts are process-wide, so the target must not run anything else meanwhile (the
//! report is a plain `main`, the test has `harness = false`).

use std::alloc::System;

use gen_benches::Workload;
use stats_alloc::{Region, StatsAlloc};

/// `(workload, implementation, allocations per run)`.
pub type Row = (&'static str, &'static str, usize);

/// Allocations and reallocations made by one run of `run`, after one warm-up run (which
/// fills lazy statics and the runtime's caches).
pub fn per_run(counter: &StatsAlloc<System>, run: fn() -> u64) -> usize {
    run();
    let region = Region::new(counter);
    std::hint::black_box(run());
    let change = region.change();
    change.allocations + change.reallocations
}

/// [`per_run`] for every case of every workload.
pub fn every_case(counter: &StatsAlloc<System>, workloads: &[Workload]) -> Vec<Row> {
    super::prepare();
    let mut rows = Vec::new();
    for w in workloads {
        for c in w.cases {
            rows.push((w.name, c.imp, per_run(counter, c.run)));
        }
    }
    rows
}

/// The allocations of `imp` on workload `w`, if it implements it.
pub fn lookup(rows: &[Row], w: &str, imp: &str) -> Option<usize> {
    rows.iter()
        .find(|(n, i, _)| *n == w && *i == imp)
        .map(|(_, _, a)| *a)
}

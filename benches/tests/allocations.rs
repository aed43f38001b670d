//! Flat generators allocate nothing; stream generators allocate exactly what the
//! hand-written stream's run does (0 inline; the driver's one `Box` for `dyn`; the channel
//! and task for `mpsc`). A plain `main` (`harness = false`): the allocation counter is
//! process-wide, so no other test may run beside it.
#![cfg_attr(feature = "nightly", feature(gen_blocks, async_iterator))]

use std::alloc::System;

use stats_alloc::{INSTRUMENTED_SYSTEM, StatsAlloc};

// Each target uses a different part of the shared workload tree.
#[allow(dead_code)]
#[path = "../workloads/mod.rs"]
mod workloads;

use workloads::allocations;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The generator implementations held to the hand-written allocation count.
const GEN_IMPS: [&str; 5] = [
    "gen",
    "gen_no_fold",
    "gen_match",
    "gen_rederive",
    "gen_stream",
];

fn main() {
    let workloads = workloads::all();
    let rows = allocations::every_case(GLOBAL, &workloads);
    let mut checked = 0;
    for w in &workloads {
        let hand = allocations::lookup(&rows, w.name, "hand").expect("every workload has `hand`");
        for imp in GEN_IMPS {
            if let Some(a) = allocations::lookup(&rows, w.name, imp) {
                assert_eq!(
                    a, hand,
                    "{}/{imp}: {a} allocations, hand-written {hand}",
                    w.name
                );
                checked += 1;
            }
        }
        let boxes_or_channel = (w.name.starts_with("stream_") && !w.name.ends_with("_inline"))
            || w.name.contains("mpsc");
        if !boxes_or_channel {
            assert_eq!(hand, 0, "{}: the hand-written baseline allocates", w.name);
        }
    }
    // The boxed generators are the control: the counter does see their one allocation
    // (where the consumer calls `next`: `sum` and `for_each` on a boxed generator that has
    // not started run its plain copy, which allocates nothing).
    for w in &workloads {
        if w.name.ends_with("_sum") || w.name.ends_with("_for_each") {
            continue;
        }
        if let Some(a) = allocations::lookup(&rows, w.name, "gen_boxed") {
            assert!(
                a >= 1,
                "{}/gen_boxed: the counter saw no allocation",
                w.name
            );
        }
    }
    println!("allocations: {checked} generator cases allocate what the hand-written baseline does");
}

//! Every implementation of every workload returns the hand-written baseline's checksum, and
//! each baseline the workload's (the `#[test]` of each workload module, `workloads/*.rs`,
//! compiled here).
#![cfg_attr(feature = "nightly", feature(gen_blocks, async_iterator))]

// Each target uses a different part of the shared workload tree.
#[allow(dead_code)]
#[path = "../workloads/mod.rs"]
mod workloads;

/// Every implementation of every workload returns its baseline's checksum (each module's own
/// test checks the baseline against a direct computation).
#[test]
fn every_implementation_agrees_with_its_baseline() {
    for w in &workloads::all() {
        gen_benches::check_workload(w);
    }
}

/// The suite covers every workload the benchmark issue names, each with a baseline first.
#[test]
fn every_workload_is_present_with_its_baseline_first() {
    let names: Vec<&str> = workloads::all().iter().map(|w| w.name).collect();
    for prefix in [
        "count_",
        "pairs_",
        "tokenizer_",
        "take",
        "startup",
        "parser_",
        "stream_none",
        "stream_ready",
        "stream_mpsc",
    ] {
        assert!(
            names.iter().any(|n| n.starts_with(prefix)),
            "no `{prefix}` workload in {names:?}"
        );
    }
    for w in workloads::all() {
        assert_eq!(
            w.cases[0].imp, "hand",
            "{}: the baseline must come first",
            w.name
        );
    }
}

//! Heap allocations per run of every case and the size of every generator before its first
//! resume (`size_of_val`), as Markdown tables:
//! `cargo run --release -p gen-benches --example report`. `tests/allocations.rs` asserts
//! the zero-allocation claims for the flat and stream generators.
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

fn main() {
    let workloads = workloads::all();
    let rows = allocations::every_case(GLOBAL, &workloads);
    let mut imps: Vec<&str> = Vec::new();
    for (_, imp, _) in &rows {
        if !imps.contains(imp) {
            imps.push(imp);
        }
    }
    println!("### Heap allocations per run\n");
    println!("| workload | {} |", imps.join(" | "));
    println!("|---|{}", "---:|".repeat(imps.len()));
    for w in &workloads {
        let cells: Vec<String> = imps
            .iter()
            .map(|imp| {
                allocations::lookup(&rows, w.name, imp).map_or(String::new(), |a| a.to_string())
            })
            .collect();
        println!("| {} | {} |", w.name, cells.join(" | "));
    }
    println!("\n### State size before the first resume (`size_of_val`, bytes)\n");
    let groups: [(&str, Vec<(&str, usize)>); 6] = [
        ("count", workloads::count::sizes()),
        ("pairs", workloads::pairs::sizes()),
        ("tokenizer", workloads::tokenizer::sizes()),
        ("take/startup", workloads::take::sizes()),
        ("parser", workloads::parser::sizes()),
        ("streams", workloads::streams::sizes()),
    ];
    println!("| workload | implementation | bytes |\n|---|---|---:|");
    for (name, sizes) in groups {
        for (imp, size) in sizes {
            println!("| {name} | {imp} | {size} |");
        }
    }
}

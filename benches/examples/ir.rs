//! Runs one or more cases once for instruction counting under callgrind:
//!
//! ```text
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*wl_run*' \
//!     target/release/examples/ir count_for/gen
//! ```
//!
//! Each case runs once outside `wl_run` (warm-up: inputs, runtime, lazy statics), then once
//! inside it. `ir --list` prints every `workload/impl` with its item count.
//! `benches/scripts/callgrind.sh` runs every case this way.
#![cfg_attr(feature = "nightly", feature(gen_blocks, async_iterator))]

// Each target uses a different part of the shared workload tree.
#[allow(dead_code)]
#[path = "../workloads/mod.rs"]
mod workloads;

fn main() {
    let workloads = workloads::all();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        for w in &workloads {
            for c in w.cases {
                println!("{}/{}\t{}", w.name, c.imp, w.items);
            }
        }
        return;
    }
    workloads::prepare();
    for arg in &args {
        let (name, imp) = arg.split_once('/').expect("argument: workload/impl");
        let w = workloads
            .iter()
            .find(|w| w.name == name)
            .expect("unknown workload");
        let c = w
            .cases
            .iter()
            .find(|c| c.imp == imp)
            .expect("unknown implementation");
        let warm = (c.run)();
        let sum = gen_benches::wl_run(c.run);
        assert_eq!(warm, sum);
        println!("{arg}\titems={}\tchecksum={sum}", w.items);
    }
}

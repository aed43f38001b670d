//! Criterion benches of the async workloads: `cargo bench -p gen-benches --bench streams`.
//! Each group is one workload; each benchmark one implementation; throughput is in items.
#![cfg_attr(feature = "nightly", feature(gen_blocks, async_iterator))]

use std::time::Duration;

use criterion::{Criterion, Throughput};
use gen_benches::Workload;

// Each target uses a different part of the shared workload tree.
#[allow(dead_code)]
#[path = "../workloads/mod.rs"]
mod workloads;

fn bench(c: &mut Criterion, selected: &[Workload]) {
    workloads::prepare();
    for w in selected {
        let mut g = c.benchmark_group(w.name);
        g.throughput(Throughput::Elements(w.items));
        for case in w.cases {
            g.bench_function(case.imp, |b| b.iter(|| gen_benches::wl_run(case.run)));
        }
        g.finish();
    }
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let streams: Vec<Workload> = workloads::all()
        .into_iter()
        .filter(|w| w.name.starts_with("stream_"))
        .collect();
    bench(&mut c, &streams);
    c.final_summary();
}

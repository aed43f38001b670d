//! Heap allocations per run of every case (a counting `#[global_allocator]`) and the size of
//! every generator before its first resume (`size_of_val`), as Markdown tables:
//! `cargo run --release -p gen-benches --bin report`. The test asserts the zero-allocation
//! claims for the flat and stream generators.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use gen_benches::Workload;

struct Counting;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
}

fn bump() {
    let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
}

// SAFETY: forwards every call to `System` unchanged; only counts calls on the side.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: same contract as ours.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by one run of `run` on this thread (after one warm-up run).
fn allocations(run: fn() -> u64) -> u64 {
    run();
    let before = ALLOCS.with(Cell::get);
    std::hint::black_box(run());
    ALLOCS.with(Cell::get) - before
}

/// `(workload, impl, allocations per run)` for every case.
fn all_allocations(workloads: &[Workload]) -> Vec<(&'static str, &'static str, u64)> {
    gen_benches::prepare();
    let mut v = Vec::new();
    for w in workloads {
        for c in w.cases {
            v.push((w.name, c.imp, allocations(c.run)));
        }
    }
    v
}

fn main() {
    let workloads = gen_benches::all();
    let allocs = all_allocations(&workloads);
    let imps: Vec<&str> = {
        let mut v: Vec<&str> = Vec::new();
        for (_, imp, _) in &allocs {
            if !v.contains(imp) {
                v.push(imp);
            }
        }
        v
    };
    println!("### Heap allocations per run\n");
    println!("| workload | {} |", imps.join(" | "));
    println!("|---|{}", "---:|".repeat(imps.len()));
    for w in &workloads {
        let cells: Vec<String> = imps
            .iter()
            .map(|imp| {
                allocs
                    .iter()
                    .find(|(n, i, _)| *n == w.name && i == imp)
                    .map_or("".into(), |(_, _, a)| a.to_string())
            })
            .collect();
        println!("| {} | {} |", w.name, cells.join(" | "));
    }
    println!("\n### State size before the first resume (`size_of_val`, bytes)\n");
    let groups: [(&str, Vec<(&str, usize)>); 6] = [
        ("count", gen_benches::count::sizes()),
        ("pairs", gen_benches::pairs::sizes()),
        ("tokenizer", gen_benches::tokenizer::sizes()),
        ("take/startup", gen_benches::take::sizes()),
        ("parser", gen_benches::parser::sizes()),
        ("streams", gen_benches::streams::sizes()),
    ];
    println!("| workload | implementation | bytes |\n|---|---|---:|");
    for (name, sizes) in groups {
        for (imp, size) in sizes {
            println!("| {name} | {imp} | {size} |");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Flat generators allocate nothing; stream generators allocate exactly what the
    /// hand-written stream's run does (0 inline; the driver's one `Box` for `dyn`; the
    /// channel and task for `mpsc`).
    #[test]
    fn flat_and_stream_generators_do_not_allocate() {
        let workloads = gen_benches::all();
        let allocs = all_allocations(&workloads);
        let get = |w: &str, imp: &str| {
            allocs
                .iter()
                .find(|(n, i, _)| *n == w && *i == imp)
                .map(|(_, _, a)| *a)
        };
        for w in &workloads {
            let hand = get(w.name, "hand").expect("baseline");
            for imp in [
                "gen",
                "gen_no_fold",
                "gen_match",
                "gen_rederive",
                "gen_stream",
            ] {
                if let Some(a) = get(w.name, imp) {
                    assert_eq!(
                        a, hand,
                        "{}/{imp}: {a} allocations, hand-written {hand}",
                        w.name
                    );
                }
            }
            if (!w.name.starts_with("stream_") || w.name.ends_with("_inline"))
                && !w.name.contains("mpsc")
            {
                assert_eq!(hand, 0, "{}", w.name);
            }
        }
    }
}

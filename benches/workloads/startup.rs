//! `startup`: create a generator (the `take` workload's id generator, from a varying start)
//! and pull one item, 100,000 times. Measures construction + first resume (+ drop).

use std::hint::black_box;

use super::take::{
    Ids, boxed_ids, from_fn_ids, gen_ids, gen_ids_no_fold, genawaiter_ids, next_gen_ids,
};
use gen_benches::{Case, Workload};

/// Generators started per run.
pub const N: u64 = 100_000;

/// Creates `make(i)` and pulls its first item, for `i in 0..N`.
#[inline(always)]
fn startup<I: Iterator<Item = u64>>(make: impl Fn(u64) -> I) -> u64 {
    let mut acc = 0u64;
    for i in 0..black_box(N) {
        let mut g = make(black_box(i));
        acc = acc.wrapping_add(black_box(g.next().unwrap_or(0)));
    }
    acc
}

/// `startup`.
pub const WORKLOADS: &[Workload] = &[Workload {
    name: "startup",
    items: N,
    cases: &[
        Case {
            imp: "hand",
            run: || startup(Ids::new),
        },
        Case {
            imp: "gen",
            run: || startup(gen_ids),
        },
        Case {
            imp: "gen_no_fold",
            run: || startup(gen_ids_no_fold),
        },
        Case {
            imp: "gen_boxed",
            run: || startup(boxed_ids),
        },
        Case {
            imp: "from_fn",
            run: || startup(from_fn_ids),
        },
        Case {
            imp: "genawaiter",
            run: || startup(genawaiter_ids),
        },
        Case {
            imp: "next_gen",
            run: || {
                let mut acc = 0u64;
                for i in 0..black_box(N) {
                    next_gen::mk_gen!(let mut g = next_gen_ids(black_box(i)));
                    acc = acc.wrapping_add(black_box(g.next().unwrap_or(0)));
                }
                acc
            },
        },
        #[cfg(feature = "nightly")]
        Case {
            imp: "nightly_gen",
            run: || startup(super::nightly::ids),
        },
    ],
}];

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        assert_eq!(
            (super::WORKLOADS[0].cases[0].run)(),
            super::N * (super::N - 1) / 2
        );
    }
}

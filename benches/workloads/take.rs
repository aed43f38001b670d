//! `take`: an infinite id generator, `.take(1000)`, consumed by a `for` loop. Also the
//! generators that `startup` creates.

use std::hint::black_box;

use gen_core::generator;

use gen_benches::{Case, Workload};

/// Items per run.
pub const N: usize = 1000;

/// Hand-written baseline: ids `start, start + 1, ...` forever.
#[derive(Debug)]
pub struct Ids {
    next: u64,
}

impl Ids {
    /// Ids from `start`.
    pub fn new(start: u64) -> Self {
        Ids { next: start }
    }
}

impl Iterator for Ids {
    type Item = u64;

    #[inline]
    fn next(&mut self) -> Option<u64> {
        let id = self.next;
        self.next = id.wrapping_add(1);
        Some(id)
    }
}

/// Flat `#[generator]` (with the `fold` fast path).
#[generator]
pub fn gen_ids(start: u64) -> impl Iterator<Item = u64> {
    let mut id = start;
    loop {
        yield_!(id);
        id = id.wrapping_add(1);
    }
}

/// Flat `#[generator(no_fold)]`.
#[generator(no_fold)]
pub fn gen_ids_no_fold(start: u64) -> impl Iterator<Item = u64> {
    let mut id = start;
    loop {
        yield_!(id);
        id = id.wrapping_add(1);
    }
}

/// Compiler-backed `#[generator(boxed)]`.
#[generator(boxed)]
pub fn boxed_ids(start: u64) -> impl Iterator<Item = u64> {
    let mut id = start;
    loop {
        yield_!(id);
        id = id.wrapping_add(1);
    }
}

/// `std::iter::from_fn`.
pub fn from_fn_ids(start: u64) -> impl Iterator<Item = u64> {
    let mut id = start;
    std::iter::from_fn(move || {
        let r = id;
        id = id.wrapping_add(1);
        Some(r)
    })
}

/// genawaiter (`rc`).
pub fn genawaiter_ids(start: u64) -> impl Iterator<Item = u64> {
    genawaiter::rc::Gen::new(move |co| async move {
        let mut id = start;
        loop {
            co.yield_(id).await;
            id = id.wrapping_add(1);
        }
    })
    .into_iter()
}

/// next-gen.
#[next_gen::generator(yield(u64))]
pub fn next_gen_ids(start: u64) {
    let mut id = start;
    loop {
        yield_!(id);
        id = id.wrapping_add(1);
    }
}

/// The consumer: `.take(N)` in a `for` loop, each item through `black_box`.
#[inline(always)]
pub fn consume_take(it: impl Iterator<Item = u64>) -> u64 {
    let mut acc = 0u64;
    for x in it.take(N) {
        acc = acc.wrapping_add(black_box(x));
    }
    acc
}

fn s() -> u64 {
    black_box(7)
}

/// `take`.
pub const WORKLOADS: &[Workload] = &[Workload {
    name: "take",
    items: N as u64,
    cases: &[
        Case {
            imp: "hand",
            run: || consume_take(Ids::new(s())),
        },
        Case {
            imp: "gen",
            run: || consume_take(gen_ids(s())),
        },
        Case {
            imp: "gen_no_fold",
            run: || consume_take(gen_ids_no_fold(s())),
        },
        Case {
            imp: "gen_boxed",
            run: || consume_take(boxed_ids(s())),
        },
        Case {
            imp: "from_fn",
            run: || consume_take(from_fn_ids(s())),
        },
        Case {
            imp: "genawaiter",
            run: || consume_take(genawaiter_ids(s())),
        },
        Case {
            imp: "next_gen",
            run: || {
                next_gen::mk_gen!(let g = next_gen_ids(s()));
                consume_take(g)
            },
        },
        #[cfg(feature = "nightly")]
        Case {
            imp: "nightly_gen",
            run: || consume_take(super::nightly::ids(s())),
        },
    ],
}];

/// `size_of_val` of each implementation's generator before the first `next()`.
pub fn sizes() -> Vec<(&'static str, usize)> {
    use std::mem::size_of_val;
    vec![
        ("hand", size_of_val(&Ids::new(0))),
        ("gen", size_of_val(&gen_ids(0))),
        ("gen_no_fold", size_of_val(&gen_ids_no_fold(0))),
        ("gen_boxed (handle)", size_of_val(&boxed_ids(0))),
        ("from_fn", size_of_val(&from_fn_ids(0))),
        ("genawaiter (handle)", size_of_val(&genawaiter_ids(0))),
        #[cfg(feature = "nightly")]
        ("nightly_gen", size_of_val(&super::nightly::ids(0))),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        assert_eq!(
            (super::WORKLOADS[0].cases[0].run)(),
            (7..7 + super::N as u64).sum()
        );
    }
}

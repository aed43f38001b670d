//! `count`: yield `0..100_000`, consumed by a `for` loop (each item through `black_box`) and
//! by `.sum()` (which the flat generator serves through its `fold` fast path).

use std::hint::black_box;

use gen_core::generator;

use gen_benches::{Case, Workload};

/// Items per run.
pub const N: u64 = 100_000;

/// Hand-written baseline.
#[derive(Debug)]
pub struct Counter {
    cur: u64,
    limit: u64,
}

impl Counter {
    /// Counts `0..limit`.
    pub fn new(limit: u64) -> Self {
        Counter { cur: 0, limit }
    }
}

impl Iterator for Counter {
    type Item = u64;

    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.cur < self.limit {
            let c = self.cur;
            self.cur += 1;
            Some(c)
        } else {
            None
        }
    }
}

/// Flat `#[generator]` (with the `fold` fast path).
#[generator]
pub fn gen_count(limit: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    while i < limit {
        yield_!(i);
        i += 1;
    }
}

/// Flat `#[generator(no_fold)]`.
#[generator(no_fold)]
pub fn gen_count_no_fold(limit: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    while i < limit {
        yield_!(i);
        i += 1;
    }
}

/// Compiler-backed `#[generator(boxed)]`.
#[generator(boxed)]
pub fn boxed_count(limit: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    while i < limit {
        yield_!(i);
        i += 1;
    }
}

/// `std::iter::from_fn`.
pub fn from_fn_count(limit: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    std::iter::from_fn(move || {
        (i < limit).then(|| {
            let c = i;
            i += 1;
            c
        })
    })
}

/// genawaiter (`rc` flavour: the one that can be returned from a function).
pub fn genawaiter_count(limit: u64) -> impl Iterator<Item = u64> {
    genawaiter::rc::Gen::new(move |co| async move {
        let mut i = 0;
        while i < limit {
            co.yield_(i).await;
            i += 1;
        }
    })
    .into_iter()
}

/// next-gen (stack-pinned with `mk_gen!` by the caller).
#[next_gen::generator(yield(u64))]
pub fn next_gen_count(limit: u64) {
    let mut i = 0;
    while i < limit {
        yield_!(i);
        i += 1;
    }
}

/// The `for` consumer: every item goes through `black_box`.
#[inline(always)]
pub fn consume_for(it: impl Iterator<Item = u64>) -> u64 {
    let mut acc = 0u64;
    for x in it {
        acc = acc.wrapping_add(black_box(x));
    }
    acc
}

/// The `.sum()` consumer.
#[inline(always)]
pub fn consume_sum(it: impl Iterator<Item = u64>) -> u64 {
    it.sum()
}

fn n() -> u64 {
    black_box(N)
}

/// `count_for` and `count_sum`.
pub const WORKLOADS: &[Workload] = &[
    Workload {
        name: "count_for",
        items: N,
        cases: &[
            Case {
                imp: "hand",
                run: || consume_for(Counter::new(n())),
            },
            Case {
                imp: "gen",
                run: || consume_for(gen_count(n())),
            },
            Case {
                imp: "gen_no_fold",
                run: || consume_for(gen_count_no_fold(n())),
            },
            Case {
                imp: "gen_boxed",
                run: || consume_for(boxed_count(n())),
            },
            Case {
                imp: "from_fn",
                run: || consume_for(from_fn_count(n())),
            },
            Case {
                imp: "genawaiter",
                run: || consume_for(genawaiter_count(n())),
            },
            Case {
                imp: "next_gen",
                run: || {
                    next_gen::mk_gen!(let g = next_gen_count(n()));
                    consume_for(g)
                },
            },
            #[cfg(feature = "nightly")]
            Case {
                imp: "nightly_gen",
                run: || consume_for(super::nightly::count(n())),
            },
        ],
    },
    Workload {
        name: "count_sum",
        items: N,
        cases: &[
            Case {
                imp: "hand",
                run: || consume_sum(Counter::new(n())),
            },
            Case {
                imp: "gen",
                run: || consume_sum(gen_count(n())),
            },
            Case {
                imp: "gen_no_fold",
                run: || consume_sum(gen_count_no_fold(n())),
            },
            Case {
                imp: "gen_boxed",
                run: || consume_sum(boxed_count(n())),
            },
            Case {
                imp: "from_fn",
                run: || consume_sum(from_fn_count(n())),
            },
            Case {
                imp: "genawaiter",
                run: || consume_sum(genawaiter_count(n())),
            },
            Case {
                imp: "next_gen",
                run: || {
                    next_gen::mk_gen!(let g = next_gen_count(n()));
                    consume_sum(g)
                },
            },
            #[cfg(feature = "nightly")]
            Case {
                imp: "nightly_gen",
                run: || consume_sum(super::nightly::count(n())),
            },
        ],
    },
];

/// `size_of_val` of each implementation's generator before the first `next()`.
pub fn sizes() -> Vec<(&'static str, usize)> {
    use std::mem::size_of_val;
    vec![
        ("hand", size_of_val(&Counter::new(N))),
        ("gen", size_of_val(&gen_count(N))),
        ("gen_no_fold", size_of_val(&gen_count_no_fold(N))),
        ("gen_boxed (handle)", size_of_val(&boxed_count(N))),
        ("from_fn", size_of_val(&from_fn_count(N))),
        ("genawaiter (handle)", size_of_val(&genawaiter_count(N))),
        #[cfg(feature = "nightly")]
        ("nightly_gen", size_of_val(&super::nightly::count(N))),
    ]
}

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

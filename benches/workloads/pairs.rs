//! `pairs`: `i * j` for `0 <= i < j < 300` (44,850 items), consumed by a `for` loop
//! (`next()`), by `for_each` and by `.sum()`.

use std::hint::black_box;

use gen_core::generator;

use gen_benches::{Case, Workload};

/// The bound: pairs below `N`.
pub const N: u64 = 300;
/// Items per run.
pub const ITEMS: u64 = N * (N - 1) / 2;

/// Hand-written baseline.
#[derive(Debug)]
pub struct Pairs {
    i: u64,
    j: u64,
    n: u64,
}

impl Pairs {
    /// Pairs below `n`.
    pub fn new(n: u64) -> Self {
        Pairs { i: 0, j: 1, n }
    }
}

impl Iterator for Pairs {
    type Item = u64;

    #[inline]
    fn next(&mut self) -> Option<u64> {
        loop {
            if self.j < self.n {
                let r = self.i * self.j;
                self.j += 1;
                return Some(r);
            }
            if self.i >= self.n {
                return None;
            }
            self.i += 1;
            self.j = self.i + 1;
        }
    }
}

/// Flat `#[generator]` (with the `fold` fast path).
#[generator]
pub fn gen_pairs(n: u64) -> impl Iterator<Item = u64> {
    for i in 0..n {
        for j in i + 1..n {
            yield_!(i * j);
        }
    }
}

/// Flat `#[generator(no_fold)]`.
#[generator(no_fold)]
pub fn gen_pairs_no_fold(n: u64) -> impl Iterator<Item = u64> {
    for i in 0..n {
        for j in i + 1..n {
            yield_!(i * j);
        }
    }
}

/// Compiler-backed `#[generator(boxed)]`.
#[generator(boxed)]
pub fn boxed_pairs(n: u64) -> impl Iterator<Item = u64> {
    for i in 0..n {
        for j in i + 1..n {
            yield_!(i * j);
        }
    }
}

/// `std::iter::from_fn` (the hand-written state in a closure).
pub fn from_fn_pairs(n: u64) -> impl Iterator<Item = u64> {
    let mut p = Pairs::new(n);
    std::iter::from_fn(move || p.next())
}

/// genawaiter (`rc`).
pub fn genawaiter_pairs(n: u64) -> impl Iterator<Item = u64> {
    genawaiter::rc::Gen::new(move |co| async move {
        for i in 0..n {
            for j in i + 1..n {
                co.yield_(i * j).await;
            }
        }
    })
    .into_iter()
}

/// next-gen.
#[next_gen::generator(yield(u64))]
pub fn next_gen_pairs(n: u64) {
    for i in 0..n {
        for j in i + 1..n {
            yield_!(i * j);
        }
    }
}

/// async-stream, polled synchronously with a no-op waker (`styles::Polled`).
pub fn async_stream_pairs(n: u64) -> impl futures::Stream<Item = u64> {
    async_stream::stream! {
        for i in 0..n {
            for j in i + 1..n {
                yield i * j;
            }
        }
    }
}

/// The `for` consumer (`next()` per item, each item through `black_box`).
#[inline(always)]
pub fn consume_for(it: impl Iterator<Item = u64>) -> u64 {
    let mut acc = 0u64;
    for x in it {
        acc = acc.wrapping_add(black_box(x));
    }
    acc
}

/// The `for_each` consumer (internal iteration, each item through `black_box`).
#[inline(always)]
pub fn consume_for_each(it: impl Iterator<Item = u64>) -> u64 {
    let mut acc = 0u64;
    it.for_each(|x| acc = acc.wrapping_add(black_box(x)));
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

macro_rules! pairs_workload {
    ($name:literal, $consume:ident) => {
        Workload {
            name: $name,
            items: ITEMS,
            cases: &[
                Case { imp: "hand", run: || $consume(Pairs::new(n())) },
                Case { imp: "gen", run: || $consume(gen_pairs(n())) },
                Case { imp: "gen_no_fold", run: || $consume(gen_pairs_no_fold(n())) },
                Case { imp: "gen_boxed", run: || $consume(boxed_pairs(n())) },
                Case { imp: "from_fn", run: || $consume(from_fn_pairs(n())) },
                Case {
                    imp: "async_stream",
                    run: || $consume(super::styles::Polled(std::pin::pin!(async_stream_pairs(n())))),
                },
                Case { imp: "genawaiter", run: || $consume(genawaiter_pairs(n())) },
                Case {
                    imp: "next_gen",
                    run: || {
                        next_gen::mk_gen!(let g = next_gen_pairs(n()));
                        $consume(g)
                    },
                },
                #[cfg(feature = "nightly")]
                Case { imp: "nightly_gen", run: || $consume(super::nightly::pairs(n())) },
            ],
        }
    };
}

/// `pairs_for`, `pairs_for_each`, `pairs_sum`.
pub const WORKLOADS: &[Workload] = &[
    pairs_workload!("pairs_for", consume_for),
    pairs_workload!("pairs_for_each", consume_for_each),
    pairs_workload!("pairs_sum", consume_sum),
];

/// `size_of_val` of each implementation's generator before the first `next()`.
pub fn sizes() -> Vec<(&'static str, usize)> {
    use std::mem::size_of_val;
    vec![
        ("hand", size_of_val(&Pairs::new(N))),
        ("gen", size_of_val(&gen_pairs(N))),
        ("gen_no_fold", size_of_val(&gen_pairs_no_fold(N))),
        ("gen_boxed (handle)", size_of_val(&boxed_pairs(N))),
        ("from_fn", size_of_val(&from_fn_pairs(N))),
        ("genawaiter (handle)", size_of_val(&genawaiter_pairs(N))),
        #[cfg(feature = "nightly")]
        ("nightly_gen", size_of_val(&super::nightly::pairs(N))),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        let direct: u64 = (0..super::N)
            .flat_map(|i| (i + 1..super::N).map(move |j| i * j))
            .sum();
        assert_eq!((super::WORKLOADS[0].cases[0].run)(), direct);
    }
}

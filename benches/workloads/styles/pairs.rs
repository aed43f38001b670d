//! `pairs` styles: `i * j` for `0 <= i < j < 300` (the items of `pairs_for`, whose body is
//! two nested `for` loops over ranges), written two other ways:
//!
//! * `pairs_while`: two nested `while` index loops;
//! * `pairs_flat_map`: `for x in (0..n).flat_map(move |i| (i + 1..n).map(move |j| i * j))`,
//!   the adapter chain kept across the yield (`hand` is the adapter chain itself).

use std::hint::black_box;

use gen_core::generator;

use super::polled;
use crate::workloads::pairs::{ITEMS, N, Pairs, consume_for};
use gen_benches::{Case, Workload};

// ---- while ----------------------------------------------------------------------------

/// Flat `#[generator]`, `while` style.
#[generator]
pub fn gen_while(n: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n {
            yield_!(i * j);
            j += 1;
        }
        i += 1;
    }
}

/// `#[generator(boxed)]`, `while` style.
#[generator(boxed)]
pub fn boxed_while(n: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n {
            yield_!(i * j);
            j += 1;
        }
        i += 1;
    }
}

/// `#[generator] -> impl Stream`, `while` style (polled synchronously).
#[generator]
pub fn stream_while(n: u64) -> impl futures::Stream<Item = u64> {
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n {
            yield_!(i * j);
            j += 1;
        }
        i += 1;
    }
}

/// async-stream, `while` style (polled synchronously).
pub fn async_stream_while(n: u64) -> impl futures::Stream<Item = u64> {
    async_stream::stream! {
        let mut i = 0;
        while i < n {
            let mut j = i + 1;
            while j < n {
                yield i * j;
                j += 1;
            }
            i += 1;
        }
    }
}

/// genawaiter, `while` style.
pub fn genawaiter_while(n: u64) -> impl Iterator<Item = u64> {
    genawaiter::rc::Gen::new(move |co| async move {
        let mut i = 0;
        while i < n {
            let mut j = i + 1;
            while j < n {
                co.yield_(i * j).await;
                j += 1;
            }
            i += 1;
        }
    })
    .into_iter()
}

/// next-gen, `while` style.
#[next_gen::generator(yield(u64))]
pub fn next_gen_while(n: u64) {
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n {
            yield_!(i * j);
            j += 1;
        }
        i += 1;
    }
}

// ---- flat_map -------------------------------------------------------------------------

/// The adapter chain, `flat_map` style (the "hand-written" row).
pub fn adapters_flat_map(n: u64) -> impl Iterator<Item = u64> {
    (0..n).flat_map(move |i| (i + 1..n).map(move |j| i * j))
}

/// Flat `#[generator]`, `flat_map` style.
#[generator]
pub fn gen_flat_map(n: u64) -> impl Iterator<Item = u64> {
    for x in (0..n).flat_map(move |i| (i + 1..n).map(move |j| i * j)) {
        yield_!(x);
    }
}

/// `#[generator(boxed)]`, `flat_map` style.
#[generator(boxed)]
pub fn boxed_flat_map(n: u64) -> impl Iterator<Item = u64> {
    for x in (0..n).flat_map(move |i| (i + 1..n).map(move |j| i * j)) {
        yield_!(x);
    }
}

/// `#[generator] -> impl Stream`, `flat_map` style (polled synchronously).
#[generator]
pub fn stream_flat_map(n: u64) -> impl futures::Stream<Item = u64> {
    for x in (0..n).flat_map(move |i| (i + 1..n).map(move |j| i * j)) {
        yield_!(x);
    }
}

/// async-stream, `flat_map` style (polled synchronously).
pub fn async_stream_flat_map(n: u64) -> impl futures::Stream<Item = u64> {
    async_stream::stream! {
        for x in (0..n).flat_map(move |i| (i + 1..n).map(move |j| i * j)) {
            yield x;
        }
    }
}

/// genawaiter, `flat_map` style.
pub fn genawaiter_flat_map(n: u64) -> impl Iterator<Item = u64> {
    genawaiter::rc::Gen::new(move |co| async move {
        for x in (0..n).flat_map(move |i| (i + 1..n).map(move |j| i * j)) {
            co.yield_(x).await;
        }
    })
    .into_iter()
}

/// next-gen, `flat_map` style.
#[next_gen::generator(yield(u64))]
pub fn next_gen_flat_map(n: u64) {
    for x in (0..n).flat_map(move |i| (i + 1..n).map(move |j| i * j)) {
        yield_!(x);
    }
}

fn n() -> u64 {
    black_box(N)
}

macro_rules! pairs_style {
    ($name:literal, $hand:expr, $gen:ident, $boxed:ident, $stream:ident, $as:ident,
     $ga:ident, $ng:ident, $nightly:ident) => {
        Workload {
            name: $name,
            items: ITEMS,
            cases: &[
                Case {
                    imp: "hand",
                    run: || consume_for($hand(n())),
                },
                Case {
                    imp: "gen",
                    run: || consume_for($gen(n())),
                },
                Case {
                    imp: "gen_boxed",
                    run: || consume_for($boxed(n())),
                },
                Case {
                    imp: "gen_stream_sync",
                    run: || polled!(consume_for, $stream(n())),
                },
                Case {
                    imp: "async_stream",
                    run: || polled!(consume_for, $as(n())),
                },
                Case {
                    imp: "genawaiter",
                    run: || consume_for($ga(n())),
                },
                Case {
                    imp: "next_gen",
                    run: || {
                        next_gen::mk_gen!(let g = $ng(n()));
                        consume_for(g)
                    },
                },
                #[cfg(feature = "nightly")]
                Case {
                    imp: "nightly_gen",
                    run: || consume_for(crate::workloads::nightly::styles::$nightly(n())),
                },
            ],
        }
    };
}

/// `pairs_while`, `pairs_flat_map`.
pub const WORKLOADS: &[Workload] = &[
    pairs_style!(
        "pairs_while",
        Pairs::new,
        gen_while,
        boxed_while,
        stream_while,
        async_stream_while,
        genawaiter_while,
        next_gen_while,
        pairs_while
    ),
    pairs_style!(
        "pairs_flat_map",
        adapters_flat_map,
        gen_flat_map,
        boxed_flat_map,
        stream_flat_map,
        async_stream_flat_map,
        genawaiter_flat_map,
        next_gen_flat_map,
        pairs_flat_map
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        let nested = (crate::workloads::pairs::WORKLOADS[0].cases[0].run)();
        for w in super::WORKLOADS {
            assert_eq!((w.cases[0].run)(), nested, "{}", w.name);
        }
    }
}

//! `count` and `take` styles: the items of `count_for` (`0..100_000`, a `while` loop in the
//! body) and `take` (an infinite id generator, `loop`), written other ways:
//!
//! * `count_range`: `for i in 0..limit`, the range kept across the yield;
//! * `count_loop`: `loop` with an `if .. { break }` exit;
//! * `take_range`: `for id in start..` (an unbounded range), `.take(1000)`.

use std::hint::black_box;

use gen_core::generator;

use super::polled;
use crate::workloads::count::{self, Counter, N};
use crate::workloads::take::{self, Ids};
use gen_benches::{Case, Workload};

/// Flat `#[generator]`, `range` style.
#[generator]
pub fn gen_range(limit: u64) -> impl Iterator<Item = u64> {
    for i in 0..limit {
        yield_!(i);
    }
}

/// `#[generator(boxed)]`, `range` style.
#[generator(boxed)]
pub fn boxed_range(limit: u64) -> impl Iterator<Item = u64> {
    for i in 0..limit {
        yield_!(i);
    }
}

/// `#[generator] -> impl Stream`, `range` style (polled synchronously).
#[generator]
pub fn stream_range(limit: u64) -> impl futures::Stream<Item = u64> {
    for i in 0..limit {
        yield_!(i);
    }
}

/// async-stream, `range` style (polled synchronously).
pub fn async_stream_range(limit: u64) -> impl futures::Stream<Item = u64> {
    async_stream::stream! {
        for i in 0..limit {
            yield i;
        }
    }
}

/// genawaiter, `range` style.
pub fn genawaiter_range(limit: u64) -> impl Iterator<Item = u64> {
    genawaiter::rc::Gen::new(move |co| async move {
        for i in 0..limit {
            co.yield_(i).await;
        }
    })
    .into_iter()
}

/// next-gen, `range` style.
#[next_gen::generator(yield(u64))]
pub fn next_gen_range(limit: u64) {
    for i in 0..limit {
        yield_!(i);
    }
}

/// Flat `#[generator]`, `loop` style.
#[generator]
pub fn gen_loop(limit: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    loop {
        if i >= limit {
            break;
        }
        yield_!(i);
        i += 1;
    }
}

/// `#[generator(boxed)]`, `loop` style.
#[generator(boxed)]
pub fn boxed_loop(limit: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    loop {
        if i >= limit {
            break;
        }
        yield_!(i);
        i += 1;
    }
}

/// `#[generator] -> impl Stream`, `loop` style (polled synchronously).
#[generator]
pub fn stream_loop(limit: u64) -> impl futures::Stream<Item = u64> {
    let mut i = 0;
    loop {
        if i >= limit {
            break;
        }
        yield_!(i);
        i += 1;
    }
}

/// async-stream, `loop` style (polled synchronously).
pub fn async_stream_loop(limit: u64) -> impl futures::Stream<Item = u64> {
    async_stream::stream! {
        let mut i = 0;
        loop {
            if i >= limit {
                break;
            }
            yield i;
            i += 1;
        }
    }
}

/// genawaiter, `loop` style.
pub fn genawaiter_loop(limit: u64) -> impl Iterator<Item = u64> {
    genawaiter::rc::Gen::new(move |co| async move {
        let mut i = 0;
        loop {
            if i >= limit {
                break;
            }
            co.yield_(i).await;
            i += 1;
        }
    })
    .into_iter()
}

/// next-gen, `loop` style.
#[next_gen::generator(yield(u64))]
pub fn next_gen_loop(limit: u64) {
    let mut i = 0;
    loop {
        if i >= limit {
            break;
        }
        yield_!(i);
        i += 1;
    }
}

/// Flat `#[generator]`, unbounded `range` style.
#[generator]
pub fn gen_ids_range(start: u64) -> impl Iterator<Item = u64> {
    for id in start.. {
        yield_!(id);
    }
}

/// `#[generator(boxed)]`, unbounded `range` style.
#[generator(boxed)]
pub fn boxed_ids_range(start: u64) -> impl Iterator<Item = u64> {
    for id in start.. {
        yield_!(id);
    }
}

/// `#[generator] -> impl Stream`, unbounded `range` style (polled synchronously).
#[generator]
pub fn stream_ids_range(start: u64) -> impl futures::Stream<Item = u64> {
    for id in start.. {
        yield_!(id);
    }
}

/// async-stream, unbounded `range` style (polled synchronously).
pub fn async_stream_ids_range(start: u64) -> impl futures::Stream<Item = u64> {
    async_stream::stream! {
        for id in start.. {
            yield id;
        }
    }
}

/// genawaiter, unbounded `range` style.
pub fn genawaiter_ids_range(start: u64) -> impl Iterator<Item = u64> {
    genawaiter::rc::Gen::new(move |co| async move {
        for id in start.. {
            co.yield_(id).await;
        }
    })
    .into_iter()
}

/// next-gen, unbounded `range` style.
#[next_gen::generator(yield(u64))]
pub fn next_gen_ids_range(start: u64) {
    for id in start.. {
        yield_!(id);
    }
}

fn n() -> u64 {
    black_box(N)
}

fn s() -> u64 {
    black_box(7)
}

macro_rules! style {
    ($name:literal, $items:expr, $consume:path, $arg:ident, $hand:expr, $gen:ident,
     $boxed:ident, $stream:ident, $as:ident, $ga:ident, $ng:ident, $nightly:ident) => {
        Workload {
            name: $name,
            items: $items,
            cases: &[
                Case {
                    imp: "hand",
                    run: || $consume($hand($arg())),
                },
                Case {
                    imp: "gen",
                    run: || $consume($gen($arg())),
                },
                Case {
                    imp: "gen_boxed",
                    run: || $consume($boxed($arg())),
                },
                Case {
                    imp: "gen_stream_sync",
                    run: || polled!($consume, $stream($arg())),
                },
                Case {
                    imp: "async_stream",
                    run: || polled!($consume, $as($arg())),
                },
                Case {
                    imp: "genawaiter",
                    run: || $consume($ga($arg())),
                },
                Case {
                    imp: "next_gen",
                    run: || {
                        next_gen::mk_gen!(let g = $ng($arg()));
                        $consume(g)
                    },
                },
                #[cfg(feature = "nightly")]
                Case {
                    imp: "nightly_gen",
                    run: || $consume(crate::workloads::nightly::styles::$nightly($arg())),
                },
            ],
        }
    };
}

/// `count_range`, `count_loop`, `take_range`.
pub const WORKLOADS: &[Workload] = &[
    style!(
        "count_range",
        N,
        count::consume_for,
        n,
        Counter::new,
        gen_range,
        boxed_range,
        stream_range,
        async_stream_range,
        genawaiter_range,
        next_gen_range,
        count_range
    ),
    style!(
        "count_loop",
        N,
        count::consume_for,
        n,
        Counter::new,
        gen_loop,
        boxed_loop,
        stream_loop,
        async_stream_loop,
        genawaiter_loop,
        next_gen_loop,
        count_loop
    ),
    style!(
        "take_range",
        take::N as u64,
        take::consume_take,
        s,
        Ids::new,
        gen_ids_range,
        boxed_ids_range,
        stream_ids_range,
        async_stream_ids_range,
        genawaiter_ids_range,
        next_gen_ids_range,
        ids_range
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        let count = (crate::workloads::count::WORKLOADS[0].cases[0].run)();
        assert_eq!((super::WORKLOADS[0].cases[0].run)(), count);
        assert_eq!((super::WORKLOADS[1].cases[0].run)(), count);
        let take = (crate::workloads::take::WORKLOADS[0].cases[0].run)();
        assert_eq!((super::WORKLOADS[2].cases[0].run)(), take);
    }
}

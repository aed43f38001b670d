//! The stream workloads consumed the way applications consume streams (the `stream_none`,
//! `stream_ready` and `stream_mpsc` streams of `streams.rs`, same constructors):
//!
//! * `block_on`: `while let Some(x) = s.next().await` in an `async fn`, run by
//!   `futures::executor::block_on`;
//! * `tokio`: the same `async fn` run by a tokio current-thread runtime's `block_on` (the
//!   runtime is built once per thread, outside the measured run, as an application builds it
//!   once);
//! * `chain`: a `StreamExt` chain, `.map(..).filter(..).fold(..)`, run by
//!   `futures::executor::block_on`;
//! * `boxstream`: the stream as a `BoxStream<'static, u64>` (`Pin<Box<dyn Stream + Send>>`,
//!   from `StreamExt::boxed`, passed through `black_box` so it cannot be devirtualised),
//!   consumed by the `async fn` under `futures::executor::block_on`.
//!
//! The `mpsc` stream runs on the tokio runtime in every consumer (its producer is a tokio
//! task); its `tokio` consumer is `stream_mpsc_inline` of `streams.rs`.
//!
//! The no-op-waker poll loops of `streams.rs` stay the floor these are compared with.
//! Every workload instantiates its constructors with its own `const V` (see `streams.rs`).

use std::future::{Future, ready};
use std::hint::black_box;
use std::pin::pin;

use futures::stream::BoxStream;
use futures::{Stream, StreamExt};
use tokio::sync::mpsc::{self, Receiver};

use super::streams::{N, RT, chan, none, ready};
use gen_benches::{Case, Workload};

/// The consumer of `block_on`, `tokio` and `boxstream`: `next().await` until `None`, summing
/// the items through `black_box`.
async fn sum_next<S: Stream<Item = u64>>(s: S) -> u64 {
    let mut s = pin!(s);
    let mut acc = 0u64;
    while let Some(x) = s.next().await {
        acc = acc.wrapping_add(black_box(x));
    }
    acc
}

/// The `chain` consumer: keeps 3 items in 4, sums them through `black_box`.
#[inline(always)]
fn chain_fold<S: Stream<Item = u64>>(s: S) -> impl Future<Output = u64> {
    s.map(|x| x ^ 0x55)
        .filter(|x| ready(x & 3 != 0))
        .fold(0u64, |a, x| ready(a.wrapping_add(black_box(x))))
}

/// `futures::executor::block_on` + `next().await`.
#[inline(always)]
pub fn block_on<S: Stream<Item = u64>>(make: impl FnOnce(u64) -> S) -> u64 {
    futures::executor::block_on(sum_next(make(black_box(N))))
}

/// tokio current-thread runtime `block_on` + `next().await`.
#[inline(always)]
pub fn tokio<S: Stream<Item = u64>>(make: impl FnOnce(u64) -> S) -> u64 {
    RT.with(|rt| rt.block_on(sum_next(make(black_box(N)))))
}

/// `futures::executor::block_on` + `map`/`filter`/`fold`.
#[inline(always)]
pub fn chain<S: Stream<Item = u64>>(make: impl FnOnce(u64) -> S) -> u64 {
    futures::executor::block_on(chain_fold(make(black_box(N))))
}

/// `BoxStream` + `next().await` under `futures::executor::block_on`.
#[inline(always)]
pub fn boxstream<S: Stream<Item = u64> + Send + 'static>(make: impl FnOnce(u64) -> S) -> u64 {
    let s: BoxStream<'static, u64> = black_box(make(black_box(N)).boxed());
    futures::executor::block_on(sum_next(s))
}

/// `mpsc`: a producer task sends `0..N` into a channel; `consume` gets the receiver (the
/// same set-up as `streams::with_channel`).
#[inline(always)]
fn with_channel<F: Future<Output = u64>>(consume: impl FnOnce(Receiver<u64>) -> F) -> u64 {
    RT.with(|rt| {
        rt.block_on(async {
            let (tx, rx) = mpsc::channel(super::streams::CAP);
            let producer = tokio::spawn(async move {
                for i in 0..black_box(N) {
                    if tx.send(i).await.is_err() {
                        break;
                    }
                }
            });
            let acc = consume(rx).await;
            producer.await.expect("producer task");
            acc
        })
    })
}

/// `mpsc` + `map`/`filter`/`fold` (on the tokio runtime).
#[inline(always)]
pub fn mpsc_chain<S: Stream<Item = u64>>(make: fn(Receiver<u64>) -> S) -> u64 {
    with_channel(|rx| chain_fold(make(rx)))
}

/// `mpsc` as a `BoxStream` + `next().await` (on the tokio runtime).
#[inline(always)]
pub fn mpsc_boxstream<S: Stream<Item = u64> + Send + 'static>(make: fn(Receiver<u64>) -> S) -> u64 {
    with_channel(|rx| {
        let s: BoxStream<'static, u64> = black_box(make(rx).boxed());
        sum_next(s)
    })
}

/// Every implementation, genawaiter included (its `rc::Gen` is not `Send`).
macro_rules! consumer_workload {
    ($name:literal, $m:ident, $drive:ident, $v:literal) => {
        Workload {
            name: $name,
            items: N,
            cases: &[
                Case {
                    imp: "hand",
                    run: || $drive($m::hand::<$v>),
                },
                Case {
                    imp: "gen_stream",
                    run: || $drive($m::gen_stream::<$v>),
                },
                Case {
                    imp: "async_stream",
                    run: || $drive($m::async_stream::<$v>),
                },
                Case {
                    imp: "asynk_strim",
                    run: || $drive($m::asynk_strim::<$v>),
                },
                Case {
                    imp: "unfold",
                    run: || $drive($m::unfold::<$v>),
                },
                Case {
                    imp: "genawaiter",
                    run: || $drive($m::genawaiter::<$v>),
                },
                #[cfg(feature = "nightly")]
                Case {
                    imp: "nightly_async_gen",
                    run: || $drive(super::nightly::$m::<$v>),
                },
            ],
        }
    };
}

/// The `Send` implementations only (`BoxStream` needs `Send`; genawaiter's `rc::Gen` is not).
macro_rules! send_workload {
    ($name:literal, $m:ident, $drive:ident, $v:literal) => {
        Workload {
            name: $name,
            items: N,
            cases: &[
                Case {
                    imp: "hand",
                    run: || $drive($m::hand::<$v>),
                },
                Case {
                    imp: "gen_stream",
                    run: || $drive($m::gen_stream::<$v>),
                },
                Case {
                    imp: "async_stream",
                    run: || $drive($m::async_stream::<$v>),
                },
                Case {
                    imp: "asynk_strim",
                    run: || $drive($m::asynk_strim::<$v>),
                },
                Case {
                    imp: "unfold",
                    run: || $drive($m::unfold::<$v>),
                },
                #[cfg(feature = "nightly")]
                Case {
                    imp: "nightly_async_gen",
                    run: || $drive(super::nightly::$m::<$v>),
                },
            ],
        }
    };
}

/// The consumer workloads (names: `stream_<stream>_<consumer>`).
pub const WORKLOADS: &[Workload] = &[
    consumer_workload!("stream_none_block_on", none, block_on, 2),
    consumer_workload!("stream_none_tokio", none, tokio, 3),
    consumer_workload!("stream_none_chain", none, chain, 4),
    send_workload!("stream_none_boxstream", none, boxstream, 5),
    consumer_workload!("stream_ready_block_on", ready, block_on, 2),
    consumer_workload!("stream_ready_tokio", ready, tokio, 3),
    consumer_workload!("stream_ready_chain", ready, chain, 4),
    send_workload!("stream_ready_boxstream", ready, boxstream, 5),
    consumer_workload!("stream_mpsc_chain", chan, mpsc_chain, 4),
    send_workload!("stream_mpsc_boxstream", chan, mpsc_boxstream, 5),
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_baseline_computes_the_workload() {
        let n = super::N;
        assert_eq!((super::WORKLOADS[0].cases[0].run)(), n * (n - 1) / 2);
    }
}

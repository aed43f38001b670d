//! An async generator that yields every item of another stream (`yield_from!` of
//! `futures::stream::iter(0..100_000)`), polled inline with a no-op waker: what one item of a
//! delegated stream costs. The hand-written row is the `none` workload's counting stream;
//! async-stream, which has no `yield_from`, loops over the inner stream.

use std::pin::pin;

use futures::{Stream, StreamExt};
use gen_core::generator;

use super::streams::{N, drive_inline, none};
use gen_benches::{Case, Workload};

/// `#[generator]` stream: `yield_from!` of an inner stream.
#[generator]
pub fn gen_stream(limit: u64) -> impl Stream<Item = u64> {
    yield_from!(futures::stream::iter(0..limit));
}

/// async-stream: a `while let` over the inner stream.
pub fn async_stream(limit: u64) -> impl Stream<Item = u64> {
    ::async_stream::stream! {
        let mut inner = pin!(futures::stream::iter(0..limit));
        while let Some(x) = inner.next().await {
            yield x;
        }
    }
}

/// The workload.
pub const WORKLOADS: &[Workload] = &[Workload {
    name: "stream_yield_from_inline",
    items: N,
    cases: &[
        Case {
            imp: "hand",
            run: || drive_inline(none::hand::<0>),
        },
        Case {
            imp: "gen_stream",
            run: || drive_inline(gen_stream),
        },
        Case {
            imp: "async_stream",
            run: || drive_inline(async_stream),
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

//! Section 9, "Async iterator exhaustion": a stream is single-use. The second loop over the
//! same stream sees nothing; the fix is to call the generator function again (or hand out a
//! factory, `impl Fn() -> impl Stream`).

use std::pin::pin;

use futures::stream::FusedStream;
use futures::{Stream, StreamExt};
use gen_core::generator;

use crate::{Transcript, say};

/// `0..limit`, handing control back to the scheduler before each item.
#[generator]
pub fn ticks(limit: u32) -> impl Stream<Item = u32> {
    for i in 0..limit {
        tokio::task::yield_now().await;
        yield_!(i);
    }
}

/// Drains the same stream twice: `(first pass, second pass, is_terminated afterwards)`.
pub async fn drain_twice<S: Stream + FusedStream>(stream: S) -> (Vec<S::Item>, Vec<S::Item>, bool) {
    let mut stream = pin!(stream);
    let mut first = Vec::new();
    while let Some(x) = stream.next().await {
        first.push(x);
    }
    let mut second = Vec::new();
    while let Some(x) = stream.next().await {
        second.push(x);
    }
    (first, second, stream.is_terminated())
}

/// The fix: a factory runs a fresh generator per pass.
pub async fn drain_fresh<S: Stream>(make: impl Fn() -> S, passes: usize) -> Vec<Vec<S::Item>> {
    let mut out = Vec::new();
    for _ in 0..passes {
        out.push(make().collect().await);
    }
    out
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    let (first, second, done) = drain_twice(ticks(3)).await;
    say!(
        t,
        "same stream, two loops: {first:?} then {second:?} (is_terminated: {done})"
    );
    let fresh = drain_fresh(|| ticks(3), 2).await;
    say!(t, "fresh generator per loop: {fresh:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_stream_is_single_use_and_fused() {
        assert_eq!(drain_twice(ticks(3)).await, (vec![0, 1, 2], vec![], true));
    }

    #[tokio::test]
    async fn a_factory_gives_a_fresh_stream_each_time() {
        assert_eq!(drain_fresh(|| ticks(2), 3).await, [[0, 1], [0, 1], [0, 1]]);
    }

    #[tokio::test]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains("[0, 1, 2] then [] (is_terminated: true)"));
        assert!(t.contains("[[0, 1, 2], [0, 1, 2]]"));
    }
}

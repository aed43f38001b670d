//! Section 15, "Designing streaming APIs": accept `impl Stream`, return `impl Stream`.
//!
//! Two reusable operators written as generators: [`dedupe`] drops consecutive repeats,
//! [`rate_limited`] spaces items out. Both accept any stream and return an opaque
//! `impl Stream`, so callers chain them freely and the implementation can change without
//! breaking them. Errors stay values in the item type ([`until_error`] shows a
//! `Stream<Item = Result<..>>` operator that stops after the first `Err`).

use std::pin::pin;
use std::time::Duration;

use futures::{Stream, StreamExt};
use gen_core::generator;
use tokio::time::{Instant, sleep_until};

use crate::{Transcript, say};

/// Drops items equal to the previous one.
#[generator]
pub fn dedupe<T: PartialEq + Clone>(input: impl Stream<Item = T>) -> impl Stream<Item = T> {
    let mut input = pin!(input);
    let mut last: Option<T> = None;
    while let Some(item) = input.next().await {
        if last.as_ref() != Some(&item) {
            last = Some(item.clone());
            yield_!(item);
        }
    }
}

/// Yields at most one item per `interval`.
#[generator]
pub fn rate_limited<T>(input: impl Stream<Item = T>, interval: Duration) -> impl Stream<Item = T> {
    let mut input = pin!(input);
    let mut next_slot = Instant::now();
    while let Some(item) = input.next().await {
        sleep_until(next_slot).await;
        next_slot = Instant::now() + interval;
        yield_!(item);
    }
}

/// Passes items through up to and including the first `Err`.
#[generator]
pub fn until_error<T, E>(
    input: impl Stream<Item = Result<T, E>>,
) -> impl Stream<Item = Result<T, E>> {
    let mut input = pin!(input);
    while let Some(item) = input.next().await {
        let stop = item.is_err();
        yield_!(item);
        if stop {
            break;
        }
    }
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    let readings = futures::stream::iter([20, 20, 21, 21, 21, 20, 22]);
    let start = Instant::now();
    let out: Vec<(i32, u128)> = rate_limited(dedupe(readings), Duration::from_millis(50))
        .map(|v| (v, start.elapsed().as_millis() / 50 * 50))
        .collect()
        .await;
    say!(
        t,
        "rate_limited(dedupe(stream::iter([20, 20, 21, 21, 21, 20, 22])), 50ms)"
    );
    say!(t, "  -> (value, ms) {out:?}");
    let results = futures::stream::iter([Ok(1), Ok(2), Err("disk full"), Ok(3)]);
    let kept: Vec<Result<i32, &str>> = until_error(results).collect().await;
    say!(t, "until_error: {kept:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn operators_chain_over_any_stream() {
        let start = Instant::now();
        let out: Vec<(i32, Duration)> = rate_limited(
            dedupe(futures::stream::iter([1, 1, 2, 2, 3, 1])),
            Duration::from_millis(50),
        )
        .map(|v| (v, start.elapsed()))
        .collect()
        .await;
        let ms = Duration::from_millis;
        assert_eq!(out, [(1, ms(0)), (2, ms(50)), (3, ms(100)), (1, ms(150))]);
    }

    #[tokio::test]
    async fn dedupe_over_a_channel() {
        let (tx, rx) = futures::channel::mpsc::unbounded();
        for s in ["a", "a", "b", "a"] {
            tx.unbounded_send(s.to_owned()).unwrap();
        }
        drop(tx);
        assert_eq!(dedupe(rx).collect::<Vec<_>>().await, ["a", "b", "a"]);
    }

    #[tokio::test]
    async fn until_error_stops_after_the_first_error() {
        let items = futures::stream::iter([Ok(1), Err("x"), Ok(2)]);
        assert_eq!(
            until_error(items).collect::<Vec<_>>().await,
            [Ok(1), Err("x")]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains("-> (value, ms) [(20, 0), (21, 50), (20, 100), (22, 150)]"));
        assert!(t.contains("until_error: [Ok(1), Ok(2), Err(\"disk full\")]"));
    }
}

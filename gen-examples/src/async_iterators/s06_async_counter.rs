//! Section 6, "Async generator (recommended)": `async_counter` sleeps a second, then yields.

use std::pin::pin;
use std::time::Duration;

use futures::{Stream, StreamExt};
use gen_core::generator;
use tokio::time::Instant;

use crate::{Transcript, say};

/// Yields `0..limit`, one per second.
#[generator]
pub fn async_counter(limit: u32) -> impl Stream<Item = u32> {
    for i in 0..limit {
        tokio::time::sleep(Duration::from_secs(1)).await;
        yield_!(i);
    }
}

/// Consumes `async_counter(limit)`, recording each value with the time it arrived.
pub async fn timed(limit: u32) -> Vec<(u32, Duration)> {
    let start = Instant::now();
    let mut counter = pin!(async_counter(limit));
    let mut out = Vec::new();
    while let Some(value) = counter.next().await {
        out.push((value, start.elapsed()));
    }
    out
}

/// Runs the section (three real seconds).
pub async fn demo(t: &mut Transcript) {
    say!(t, "while let Some(value) = async_counter(3).next().await:");
    let start = Instant::now();
    let mut counter = pin!(async_counter(3));
    while let Some(value) = counter.next().await {
        say!(t, "{value}   (at {:.1}s)", start.elapsed().as_secs_f64());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn yields_one_value_per_second() {
        let got = timed(3).await;
        let expected: Vec<(u32, Duration)> = (0..3)
            .map(|i| (i, Duration::from_secs(u64::from(i) + 1)))
            .collect();
        assert_eq!(got, expected);
    }

    #[tokio::test(start_paused = true)]
    async fn nothing_happens_until_polled() {
        let start = Instant::now();
        let counter = async_counter(3);
        tokio::time::sleep(Duration::from_secs(10)).await;
        let mut counter = pin!(counter);
        assert_eq!(counter.next().await, Some(0));
        assert_eq!(start.elapsed(), Duration::from_secs(11));
    }

    #[tokio::test(start_paused = true)]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert_eq!(
            t.lines()[1..],
            ["0   (at 1.0s)", "1   (at 2.0s)", "2   (at 3.0s)"]
        );
    }
}

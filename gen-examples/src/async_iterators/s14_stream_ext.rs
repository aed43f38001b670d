//! Section 14, "Async iterators + itertools": Python has no async `itertools`; Rust has
//! `futures::StreamExt` (and `TryStreamExt` for streams of `Result`). A stream generator plugs
//! straight into it: map/filter/take, `then` (async map), `buffered` (bounded concurrency,
//! order kept), `chunks`, `zip`, `scan`, `fold`, and `try_collect` that stops at the first error.

use std::time::Duration;

use futures::{Stream, StreamExt, TryStreamExt, future};
use gen_core::generator;
use tokio::time::Instant;

use crate::{Transcript, say};

/// Order ids `first..`, one every `every`.
#[generator]
pub fn orders(first: u32, count: u32, every: Duration) -> impl Stream<Item = u32> {
    for id in first..first + count {
        tokio::time::sleep(every).await;
        yield_!(id);
    }
}

/// A slow async lookup (100 ms): the order's amount in cents.
pub async fn amount(order: u32) -> u64 {
    tokio::time::sleep(Duration::from_millis(100)).await;
    u64::from(order % 7) * 250 + 99
}

/// Parses order lines; a bad line is an error value.
#[generator]
pub fn parse_orders(lines: Vec<&'static str>) -> impl Stream<Item = Result<u32, String>> {
    for line in lines {
        tokio::task::yield_now().await;
        let id = line
            .trim()
            .parse::<u32>()
            .map_err(|e| format!("bad order line {line:?}: {e}"))?;
        yield_!(Ok(id));
    }
}

/// The pipelines the section shows, with the time each took.
#[derive(Debug)]
pub struct Results {
    /// Even ids among the first 6, mapped to a label.
    pub labels: Vec<String>,
    /// Amounts fetched one at a time (`then`) and the time it took.
    pub sequential: (Vec<u64>, Duration),
    /// The same amounts, 4 lookups in flight (`buffered(4)`), and the time it took.
    pub concurrent: (Vec<u64>, Duration),
    /// Ids in batches of 3 (`chunks`).
    pub batches: Vec<Vec<u32>>,
    /// Running totals (`scan`).
    pub running: Vec<u64>,
    /// Zip of two generators.
    pub zipped: Vec<(u32, u32)>,
    /// `try_collect` of good and bad input.
    pub parsed: (Result<Vec<u32>, String>, Result<Vec<u32>, String>),
}

/// Runs every pipeline (in paused time in tests, about 2 seconds of real time otherwise).
pub async fn run(tick: Duration) -> Results {
    let labels = orders(1, 6, tick)
        .filter(|id| future::ready(id % 2 == 0))
        .map(|id| format!("order-{id}"))
        .collect()
        .await;
    let start = Instant::now();
    let seq: Vec<u64> = orders(1, 8, Duration::ZERO).then(amount).collect().await;
    let sequential = (seq, start.elapsed());
    let start = Instant::now();
    let conc: Vec<u64> = orders(1, 8, Duration::ZERO)
        .map(amount)
        .buffered(4)
        .collect()
        .await;
    let concurrent = (conc, start.elapsed());
    let batches = orders(1, 7, tick).chunks(3).collect().await;
    let running = orders(1, 5, tick)
        .then(amount)
        .scan(0, |total, a| {
            *total += a;
            future::ready(Some(*total))
        })
        .collect()
        .await;
    let zipped = orders(1, 3, tick).zip(orders(100, 5, tick)).collect().await;
    let good = parse_orders(vec!["1", " 2", "3 "]).try_collect().await;
    let bad = parse_orders(vec!["1", "two", "3"]).try_collect().await;
    Results {
        labels,
        sequential,
        concurrent,
        batches,
        running,
        zipped,
        parsed: (good, bad),
    }
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    let r = run(Duration::from_millis(10)).await;
    say!(t, "filter + map:        {:?}", r.labels);
    say!(
        t,
        "then (sequential):   {:?} in {} ms",
        r.sequential.0,
        r.sequential.1.as_millis()
    );
    say!(
        t,
        "map + buffered(4):   {:?} in {} ms",
        r.concurrent.0,
        r.concurrent.1.as_millis()
    );
    say!(t, "chunks(3):           {:?}", r.batches);
    say!(t, "then + scan (total): {:?}", r.running);
    say!(t, "zip (shorter wins):  {:?}", r.zipped);
    say!(t, "try_collect good:    {:?}", r.parsed.0);
    say!(t, "try_collect bad:     {:?}", r.parsed.1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn stream_ext_pipelines_on_generators() {
        let r = run(Duration::from_millis(10)).await;
        assert_eq!(r.labels, ["order-2", "order-4", "order-6"]);
        let amounts: Vec<u64> = (1..=8u32).map(|o| u64::from(o % 7) * 250 + 99).collect();
        assert_eq!(r.sequential, (amounts.clone(), Duration::from_millis(800)));
        assert_eq!(r.concurrent, (amounts, Duration::from_millis(200)));
        assert_eq!(r.batches, [vec![1, 2, 3], vec![4, 5, 6], vec![7]]);
        assert_eq!(r.running, [349, 948, 1797, 2896, 4245]);
        assert_eq!(r.zipped, [(1, 100), (2, 101), (3, 102)]);
        assert_eq!(r.parsed.0, Ok(vec![1, 2, 3]));
        let err = r.parsed.1.unwrap_err();
        assert!(err.starts_with("bad order line \"two\""), "{err}");
    }
}

//! Section 15, "Backpressure patterns": a bounded channel between a fast producer and a slow
//! consumer, with a generator in the middle.
//!
//! The producer `send().await`s into a channel of capacity [`CAPACITY`]; when it is full the
//! producer is suspended until the consumer pulls. The generator [`from_channel`] turns the
//! receiver into a stream and pulls only when its own consumer asks. Counters show it: the
//! producer pauses, and never more than capacity + 1 items (the channel plus the one in the
//! consumer's hands) are ever in flight.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::{Stream, StreamExt};
use gen_core::generator;
use tokio::sync::mpsc;

use crate::{Transcript, say};

/// Channel capacity.
pub const CAPACITY: usize = 2;

/// The receiving side as a stream generator.
#[generator]
pub fn from_channel<T: Send>(mut rx: mpsc::Receiver<T>) -> impl Stream<Item = T> {
    while let Some(item) = rx.recv().await {
        yield_!(item);
    }
}

/// What the run observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// Items produced and consumed.
    pub items: usize,
    /// How many sends found the channel full and had to wait.
    pub producer_pauses: usize,
    /// The most items sent but not yet consumed, seen at any time.
    pub max_in_flight: usize,
}

/// A producer sends `items` as fast as it can; the consumer does `work_per_item` scheduler
/// hops of "work" per item.
pub async fn run(items: usize, work_per_item: usize) -> Report {
    let (tx, rx) = mpsc::channel(CAPACITY);
    let sent = Arc::new(AtomicUsize::new(0));
    let pauses = Arc::new(AtomicUsize::new(0));
    let producer = tokio::spawn({
        let (sent, pauses) = (sent.clone(), pauses.clone());
        async move {
            for i in 0..items {
                let item = match tx.try_send(i) {
                    Ok(()) => None,
                    Err(mpsc::error::TrySendError::Full(item)) => Some(item),
                    Err(mpsc::error::TrySendError::Closed(_)) => return,
                };
                if let Some(item) = item {
                    pauses.fetch_add(1, Ordering::SeqCst);
                    if tx.send(item).await.is_err() {
                        return;
                    }
                }
                sent.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    let mut consumed = 0;
    let mut max_in_flight = 0;
    let mut stream = std::pin::pin!(from_channel(rx));
    while let Some(_item) = stream.next().await {
        for _ in 0..work_per_item {
            tokio::task::yield_now().await;
            max_in_flight = max_in_flight.max(sent.load(Ordering::SeqCst).saturating_sub(consumed));
        }
        consumed += 1;
    }
    let _ = producer.await;
    Report {
        items: consumed,
        producer_pauses: pauses.load(Ordering::SeqCst),
        max_in_flight,
    }
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    let r = run(20, 10).await;
    say!(
        t,
        "20 items, channel capacity {CAPACITY}, slow consumer (10 hops per item):"
    );
    say!(
        t,
        "  consumed {}, producer paused {} times, at most {} in flight",
        r.items,
        r.producer_pauses,
        r.max_in_flight
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_slow_consumer_pauses_the_producer() {
        let r = run(50, 10).await;
        assert_eq!(r.items, 50);
        assert!(r.producer_pauses > 0, "{r:?}");
        assert!(r.max_in_flight <= CAPACITY + 1, "{r:?}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_bound_holds_across_threads() {
        let r = run(200, 3).await;
        assert_eq!(r.items, 200);
        assert!(r.max_in_flight <= CAPACITY + 1, "{r:?}");
    }

    #[tokio::test]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains("consumed 20, producer paused"));
    }
}

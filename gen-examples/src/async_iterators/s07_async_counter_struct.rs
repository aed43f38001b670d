//! Section 7, "Manual async iterator (low-level)": `AsyncCounter` implementing `Stream` by
//! hand, next to the five-line generator of section 6.
//!
//! Where Python's `__anext__` is an `async def`, a hand-written `Stream` is a poll function:
//! the pending sleep must be stored in the struct between polls and re-polled, and the waker
//! contract respected. That bookkeeping is what the generator writes for you.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use futures::Stream;
use futures::stream::FusedStream;
use tokio::time::Sleep;

use crate::{Transcript, say};

/// Yields `0..limit`, one per second, by hand.
#[derive(Debug)]
pub struct AsyncCounter {
    limit: u32,
    current: u32,
    delay: Duration,
    sleep: Option<Pin<Box<Sleep>>>,
}

impl AsyncCounter {
    /// A counter with the document's one-second delay.
    pub fn new(limit: u32) -> Self {
        Self::with_delay(limit, Duration::from_secs(1))
    }

    /// A counter with another delay.
    pub fn with_delay(limit: u32, delay: Duration) -> Self {
        Self {
            limit,
            current: 0,
            delay,
            sleep: None,
        }
    }
}

impl Stream for AsyncCounter {
    type Item = u32;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.current >= self.limit {
            return Poll::Ready(None);
        }
        let delay = self.delay;
        let sleep = self
            .sleep
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(delay)));
        ready!(sleep.as_mut().poll(cx));
        self.sleep = None;
        let value = self.current;
        self.current += 1;
        Poll::Ready(Some(value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.limit - self.current.min(self.limit)) as usize;
        (n, Some(n))
    }
}

impl FusedStream for AsyncCounter {
    fn is_terminated(&self) -> bool {
        self.current >= self.limit
    }
}

/// Runs the section (three real seconds).
pub async fn demo(t: &mut Transcript) {
    use futures::StreamExt;

    say!(
        t,
        "while let Some(n) = AsyncCounter::new(3).next().await (no pin needed: Unpin):"
    );
    let mut counter = AsyncCounter::new(3);
    while let Some(n) = counter.next().await {
        say!(t, "{n}");
    }
    let generated: Vec<u32> = super::s06_async_counter::async_counter(3).collect().await;
    say!(t, "same as async_counter(3): {generated:?}");
}

#[cfg(test)]
mod tests {
    use futures::StreamExt;
    use tokio::time::Instant;

    use super::*;
    use crate::async_iterators::s06_async_counter::async_counter;

    #[tokio::test(start_paused = true)]
    async fn matches_the_generator_item_for_item_and_second_for_second() {
        let start = Instant::now();
        let manual: Vec<_> = AsyncCounter::new(4)
            .map(|v| (v, start.elapsed()))
            .collect()
            .await;
        let start = Instant::now();
        let generated: Vec<_> = async_counter(4)
            .map(|v| (v, start.elapsed()))
            .collect()
            .await;
        assert_eq!(manual, generated);
        assert_eq!(manual.last(), Some(&(3, Duration::from_secs(4))));
    }

    #[tokio::test(start_paused = true)]
    async fn is_fused_and_sized() {
        let mut c = AsyncCounter::with_delay(1, Duration::from_millis(5));
        assert_eq!(c.size_hint(), (1, Some(1)));
        assert_eq!(c.next().await, Some(0));
        assert!(c.is_terminated());
        assert_eq!(c.next().await, None);
    }

    #[tokio::test(start_paused = true)]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert_eq!(t.lines()[1..4], ["0", "1", "2"]);
        assert!(t.contains("same as async_counter(3): [0, 1, 2]"));
    }
}

//! The streams and helpers shared by the async generator tests (`stream_behaviour.rs`,
//! `stream_select_and_join.rs`, `stream_cancellation.rs`, `stream_composition.rs`): one second
//! of (paused) time, a `collect` for `!Unpin` streams, and small generator streams used as inputs.

use std::time::Duration;

use futures::stream::{Stream, StreamExt};
use gen_core::generator;
use tokio::time::sleep;

pub const SEC: Duration = Duration::from_secs(1);

/// Collects a (possibly `!Unpin`) stream.
pub async fn collect<S: Stream>(s: S) -> Vec<S::Item> {
    s.collect().await
}

#[generator]
pub fn letters(tag: char, n: u32) -> impl Stream<Item = String> + Send {
    for i in 0..n {
        sleep(SEC).await;
        yield_!(format!("{tag}{i}"));
    }
}

#[generator]
pub fn numbers(n: u64) -> impl Stream<Item = u64> + Send {
    for i in 1..=n {
        if i % 3 == 0 {
            tokio::task::yield_now().await;
        }
        yield_!(i);
    }
}

#[generator]
pub fn numbers_u32(n: u32) -> impl Stream<Item = u32> + Send {
    for i in 1..=n {
        yield_!(i);
    }
}

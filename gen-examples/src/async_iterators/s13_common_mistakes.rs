//! Section 13, "Common mistakes", each shown at run time.
//!
//! 1. Forgetting `await`: in Rust an un-awaited future or an unpolled stream does nothing at
//!    all (and the compiler warns about the unused future). [`unpolled_does_nothing`].
//! 2. Returning values instead of yielding: a function that collects everything before
//!    returning makes the consumer wait for the last item to see the first.
//!    [`first_item_latency`].
//! 3. Mixing sync iterators with async loops: a sync iterator is not a `Stream`
//!    (`while let Some(x) = iter.next().await` does not compile); adapt it with
//!    `stream::iter`, or `yield_from!` its items in a generator. [`iterator_as_stream`].
//! 4. Blocking inside an async iterator: a blocking call in a stream stalls every task on that
//!    executor thread; move it to `spawn_blocking`. [`blocking_vs_spawn_blocking`].
//! 5. Forgetting exhaustion: see section 9; here, the fused stream keeps saying `None`.

use std::cell::Cell;
use std::pin::pin;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use futures::{Stream, StreamExt};
use gen_core::generator;
use tokio::time::Instant;

use crate::iterators::s09_counter_generator::counter;
use crate::{Transcript, say};

/// A stream that counts how many items it has produced in `produced`.
#[generator]
pub fn counted(limit: u32, produced: Rc<Cell<u32>>) -> impl Stream<Item = u32> {
    for i in 0..limit {
        produced.set(produced.get() + 1);
        yield_!(i);
    }
}

/// Mistake 1: creates a stream (and a future) and never polls it; returns how many items were
/// produced (0).
pub async fn unpolled_does_nothing() -> u32 {
    let produced = Rc::new(Cell::new(0));
    let stream = counted(3, produced.clone());
    let future = stream.collect::<Vec<_>>();
    drop(future);
    produced.get()
}

async fn work(i: u32) -> u32 {
    tokio::time::sleep(Duration::from_secs(1)).await;
    i * 10
}

/// Mistake 2, the wrong shape: returns all values at once.
pub async fn all_at_once(limit: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for i in 0..limit {
        out.push(work(i).await);
    }
    out
}

/// Mistake 2, the right shape: yields each value when it is ready.
#[generator]
pub fn one_by_one(limit: u32) -> impl Stream<Item = u32> {
    for i in 0..limit {
        yield_!(work(i).await);
    }
}

/// When the consumer sees the first item: `(returning a Vec, yielding)`.
pub async fn first_item_latency(limit: u32) -> (Duration, Duration) {
    let start = Instant::now();
    let _first = all_at_once(limit).await.first().copied();
    let returning = start.elapsed();
    let start = Instant::now();
    let _first = pin!(one_by_one(limit)).next().await;
    (returning, start.elapsed())
}

/// Mistake 3, fixed two ways: `stream::iter` around a sync generator, and `yield_from!` of
/// its items interleaved with async work.
pub async fn iterator_as_stream() -> (Vec<u32>, Vec<u32>) {
    let adapted = futures::stream::iter(counter(3)).collect().await;
    let delegated = from_sync_then_async().collect().await;
    (adapted, delegated)
}

#[generator]
fn from_sync_then_async() -> impl Stream<Item = u32> {
    yield_from!(futures::stream::iter(counter(2)));
    tokio::task::yield_now().await;
    yield_!(100);
}

/// A checksum heavy enough to call "blocking".
fn checksum(seed: u64) -> u64 {
    (0..2_000_000u64).fold(seed, |acc, x| {
        acc.rotate_left(5) ^ x.wrapping_mul(0x9E37_79B9)
    })
}

/// Items computed by blocking work, inline or on the blocking pool, each paired with how many
/// times the heartbeat task ran while it was computed.
#[generator]
fn checksums(inline: bool, beats: Arc<AtomicUsize>) -> impl Stream<Item = (u64, usize)> {
    for seed in 0..3u64 {
        let before = beats.load(Ordering::SeqCst);
        let sum = if inline {
            checksum(seed)
        } else {
            tokio::task::spawn_blocking(move || checksum(seed))
                .await
                .unwrap_or_default()
        };
        yield_!((sum, beats.load(Ordering::SeqCst) - before));
    }
}

/// Mistake 4: on a single-threaded runtime a heartbeat task counts its beats while a stream
/// computes three checksums. Inline blocking work starves it (0 beats during each item);
/// `spawn_blocking` lets it run. Returns the beats seen per item, `(inline, spawn_blocking)`.
pub fn blocking_vs_spawn_blocking() -> std::io::Result<(Vec<usize>, Vec<usize>)> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let run = |inline: bool| {
        rt.block_on(async {
            let beats = Arc::new(AtomicUsize::new(0));
            let stop = Arc::new(AtomicBool::new(false));
            let heartbeat = tokio::spawn({
                let (beats, stop) = (beats.clone(), stop.clone());
                async move {
                    while !stop.load(Ordering::SeqCst) {
                        beats.fetch_add(1, Ordering::SeqCst);
                        tokio::task::yield_now().await;
                    }
                }
            });
            tokio::task::yield_now().await;
            let seen: Vec<usize> = checksums(inline, beats)
                .map(|(_, beats)| beats)
                .collect()
                .await;
            stop.store(true, Ordering::SeqCst);
            let _ = heartbeat.await;
            seen
        })
    };
    Ok((run(true), run(false)))
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    say!(
        t,
        "1. never polled: a stream of 3 produced {} items",
        unpolled_does_nothing().await
    );
    let (returning, yielding) = first_item_latency_real().await;
    say!(
        t,
        "2. first item after {returning:?} when returning a Vec, {yielding:?} when yielding"
    );
    let (adapted, delegated) = iterator_as_stream().await;
    say!(
        t,
        "3. sync iterator via stream::iter: {adapted:?}; via yield_from!: {delegated:?}"
    );
    match tokio::task::spawn_blocking(blocking_vs_spawn_blocking).await {
        Ok(Ok((inline, pooled))) => {
            say!(
                t,
                "4. heartbeat beats per item: blocking inline {inline:?}, spawn_blocking {pooled:?}"
            );
        }
        other => say!(t, "4. could not run: {other:?}"),
    }
    let mut s = pin!(one_by_one_fast());
    while s.next().await.is_some() {}
    say!(
        t,
        "5. exhausted stream, polled again: {:?}, {:?}",
        s.next().await,
        s.next().await
    );
}

/// Mistake 2 in real time for the tour: a 3-item run of 100 ms steps.
async fn first_item_latency_real() -> (Duration, Duration) {
    let start = Instant::now();
    let mut all = Vec::new();
    for i in 0..3u32 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        all.push(i);
    }
    let returning = start.elapsed();
    let start = Instant::now();
    let _first = pin!(fast_steps()).next().await;
    let round = |d: Duration| Duration::from_millis(d.as_millis() as u64 / 100 * 100);
    (round(returning), round(start.elapsed()))
}

#[generator]
fn fast_steps() -> impl Stream<Item = u32> {
    for i in 0..3u32 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        yield_!(i);
    }
}

#[generator]
fn one_by_one_fast() -> impl Stream<Item = u32> {
    yield_!(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_unpolled_stream_does_nothing() {
        assert_eq!(unpolled_does_nothing().await, 0);
    }

    #[tokio::test(start_paused = true)]
    async fn returning_a_vec_delays_the_first_item() {
        let (returning, yielding) = first_item_latency(3).await;
        assert_eq!(returning, Duration::from_secs(3));
        assert_eq!(yielding, Duration::from_secs(1));
        assert_eq!(
            one_by_one(3).collect::<Vec<_>>().await,
            all_at_once(3).await
        );
    }

    #[tokio::test]
    async fn sync_iterators_are_adapted_not_mixed() {
        assert_eq!(iterator_as_stream().await, (vec![0, 1, 2], vec![0, 1, 100]));
    }

    #[test]
    fn blocking_inline_starves_other_tasks() {
        let (inline, pooled) = blocking_vs_spawn_blocking().unwrap();
        assert_eq!(inline, [0, 0, 0]);
        assert!(pooled.iter().all(|&beats| beats > 0), "{pooled:?}");
    }

    #[tokio::test]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains("1. never polled: a stream of 3 produced 0 items"));
        assert!(t.contains("via yield_from!: [0, 1, 100]"));
        assert!(t.contains("blocking inline [0, 0, 0]"));
        assert!(t.contains("5. exhausted stream, polled again: None, None"));
    }
}

//! Section 12, "Async iterators vs awaitables vs streams": one job, four shapes.
//!
//! The job: fetch the price of three symbols, each taking `delay`.
//!
//! - `await` on an `async fn`: one result, when everything is done.
//! - A stream generator: each result as soon as it is ready, pulled by the consumer.
//! - A callback: pushed at the consumer, who must share state (`Arc<Mutex<..>>`) and learn
//!   about the end through a second channel.
//! - A thread: an OS thread and a blocking channel; correct, but heavy: [`cost`] runs many of
//!   each shape side by side.

use std::pin::pin;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use futures::{Stream, StreamExt};
use gen_core::generator;
use tokio::sync::oneshot;
use tokio::time::Instant;

use crate::{Transcript, say};

/// The symbols priced.
pub const SYMBOLS: [&str; 3] = ["AAA", "BBB", "CCC"];

/// A stand-in price: deterministic, derived from the symbol.
pub fn price_of(symbol: &str) -> u32 {
    symbol.bytes().map(u32::from).sum::<u32>() * 3
}

async fn fetch_price(symbol: &str, delay: Duration) -> u32 {
    tokio::time::sleep(delay).await;
    price_of(symbol)
}

/// `await`: all prices, once, at the end.
pub async fn prices_at_once(delay: Duration) -> Vec<(&'static str, u32)> {
    let mut all = Vec::new();
    for symbol in SYMBOLS {
        all.push((symbol, fetch_price(symbol, delay).await));
    }
    all
}

/// Stream: each price as soon as it is fetched.
#[generator]
pub fn price_stream(delay: Duration) -> impl Stream<Item = (&'static str, u32)> {
    for symbol in SYMBOLS {
        let price = fetch_price(symbol, delay).await;
        yield_!((symbol, price));
    }
}

/// Callback: `on_price` is called from a spawned task; the returned receiver fires at the end.
pub fn watch_prices(
    delay: Duration,
    mut on_price: impl FnMut(&'static str, u32) + Send + 'static,
) -> oneshot::Receiver<()> {
    let (done, finished) = oneshot::channel();
    tokio::spawn(async move {
        for symbol in SYMBOLS {
            on_price(symbol, fetch_price(symbol, delay).await);
        }
        let _ = done.send(());
    });
    finished
}

/// Thread: a blocking worker sending over a std channel.
pub fn price_thread(delay: Duration) -> mpsc::Receiver<(&'static str, u32)> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for symbol in SYMBOLS {
            std::thread::sleep(delay);
            if tx.send((symbol, price_of(symbol))).is_err() {
                return;
            }
        }
    });
    rx
}

/// When each shape delivered each result, in milliseconds since it started.
pub async fn arrival_times(delay: Duration) -> [Vec<u128>; 3] {
    let start = Instant::now();
    let all = prices_at_once(delay).await;
    let awaited = vec![start.elapsed().as_millis(); all.len()];

    let start = Instant::now();
    let streamed = price_stream(delay)
        .map(|_| start.elapsed().as_millis())
        .collect()
        .await;

    let start = Instant::now();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let finished = watch_prices(delay, move |_, _| {
        sink.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(start.elapsed().as_millis());
    });
    let _ = finished.await;
    let called = std::mem::take(&mut *seen.lock().unwrap_or_else(|e| e.into_inner()));
    [awaited, streamed, called]
}

/// Runs `n` concurrent price streams on this task, then `n` threads; returns the wall time
/// of each in milliseconds. Shows the weight of a thread against a stream.
pub async fn cost(n: usize, delay: Duration) -> (u128, u128) {
    let start = std::time::Instant::now();
    let streams = (0..n).map(|_| Box::pin(price_stream(delay)));
    let total = futures::stream::select_all(streams).count().await;
    assert_eq!(total, n * SYMBOLS.len());
    let streams_ms = start.elapsed().as_millis();

    let start = std::time::Instant::now();
    let threads: Vec<_> = (0..n).map(|_| price_thread(delay)).collect();
    let total: usize =
        tokio::task::spawn_blocking(move || threads.iter().map(|rx| rx.iter().count()).sum())
            .await
            .unwrap_or(0);
    assert_eq!(total, n * SYMBOLS.len());
    (streams_ms, start.elapsed().as_millis())
}

/// Runs the section (about a second of real time).
pub async fn demo(t: &mut Transcript) {
    let delay = Duration::from_millis(100);
    let [awaited, streamed, called] = arrival_times(delay).await;
    say!(
        t,
        "await    -> all 3 prices at {awaited:?} ms   (single result)"
    );
    say!(
        t,
        "stream   -> prices at {streamed:?} ms   (pulled as they come)"
    );
    say!(
        t,
        "callback -> prices at {called:?} ms   (pushed; needs Arc<Mutex> + a done signal)"
    );
    let from_thread: Vec<_> = price_thread(delay).iter().collect();
    say!(
        t,
        "thread   -> {from_thread:?} (one OS thread per producer)"
    );
    let mut stream = pin!(price_stream(Duration::ZERO));
    let first = stream.next().await;
    say!(
        t,
        "the stream stops when you stop pulling: took {first:?} and dropped the rest"
    );
    let (streams_ms, threads_ms) = cost(500, Duration::from_millis(20)).await;
    say!(
        t,
        "500 concurrent producers: streams on one task {streams_ms} ms, 500 threads {threads_ms} ms"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn await_delivers_once_stream_and_callback_as_they_come() {
        let [awaited, streamed, called] = arrival_times(Duration::from_millis(100)).await;
        assert_eq!(awaited, [300, 300, 300]);
        assert_eq!(streamed, [100, 200, 300]);
        assert_eq!(called, [100, 200, 300]);
    }

    #[tokio::test(start_paused = true)]
    async fn all_shapes_deliver_the_same_prices() {
        let expected: Vec<_> = SYMBOLS.iter().map(|s| (*s, price_of(s))).collect();
        assert_eq!(prices_at_once(Duration::ZERO).await, expected);
        assert_eq!(
            price_stream(Duration::ZERO).collect::<Vec<_>>().await,
            expected
        );
        let threaded: Vec<_> = price_thread(Duration::ZERO).iter().collect();
        assert_eq!(threaded, expected);
        assert_eq!(price_of("AAA"), 585);
    }

    #[tokio::test]
    async fn many_streams_and_threads_finish() {
        let (_streams, _threads) = cost(20, Duration::ZERO).await;
    }
}

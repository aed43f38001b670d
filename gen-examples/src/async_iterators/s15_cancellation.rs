//! Section 15, "Async context managers" and cleanup on cancellation.
//!
//! Python cleans up an async generator with `async with` and `aclose()`. A stream generator
//! cleans up by ownership: a guard held in the body (here a connection-pool lease) is released
//! when the stream finishes *or* when the consumer drops it early: after `take`, on a `break`,
//! when `select!` or `timeout` abandons it. No `finally`, no `aclose()` to forget.

use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::{Stream, StreamExt};
use gen_core::generator;

use crate::{Transcript, say};

/// A pool with a count of leases in use.
#[derive(Debug, Default, Clone)]
pub struct Pool {
    in_use: Arc<AtomicUsize>,
    released: Arc<AtomicUsize>,
}

/// A lease on a pool connection; returned to the pool on drop.
#[derive(Debug)]
pub struct Lease {
    pool: Pool,
}

impl Pool {
    /// Takes a lease.
    pub fn lease(&self) -> Lease {
        self.in_use.fetch_add(1, Ordering::SeqCst);
        Lease { pool: self.clone() }
    }

    /// Leases currently out.
    pub fn in_use(&self) -> usize {
        self.in_use.load(Ordering::SeqCst)
    }

    /// Leases returned so far.
    pub fn released(&self) -> usize {
        self.released.load(Ordering::SeqCst)
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        self.pool.in_use.fetch_sub(1, Ordering::SeqCst);
        self.pool.released.fetch_add(1, Ordering::SeqCst);
    }
}

/// Streams `count` rows over a leased connection, `every` apart.
#[generator]
pub fn rows(pool: Pool, count: u32, every: Duration) -> impl Stream<Item = u32> {
    let _lease = pool.lease();
    for i in 0..count {
        tokio::time::sleep(every).await;
        yield_!(i);
    }
}

/// What each way of stopping left behind: `(items seen, leases in use afterwards)`.
pub async fn scenarios(every: Duration) -> Vec<(&'static str, usize, usize)> {
    let mut out = Vec::new();
    let pool = Pool::default();
    let n = rows(pool.clone(), 3, every).count().await;
    out.push(("ran to the end", n, pool.in_use()));

    let pool = Pool::default();
    let n = rows(pool.clone(), 1_000, every).take(2).count().await;
    out.push(("take(2) of 1000", n, pool.in_use()));

    let pool = Pool::default();
    let mut seen = 0;
    {
        let mut s = pin!(rows(pool.clone(), 1_000, every));
        while let Some(i) = s.next().await {
            seen += 1;
            if i == 4 {
                break;
            }
        }
        out.push(("break, stream still in scope", seen, pool.in_use()));
    }
    out.push(("break, stream dropped", seen, pool.in_use()));

    let pool = Pool::default();
    let mut seen = 0;
    let _ = tokio::time::timeout(every * 5 + every / 2, async {
        let mut s = pin!(rows(pool.clone(), 1_000, every));
        while s.next().await.is_some() {
            seen += 1;
        }
    })
    .await;
    out.push(("timeout cancelled it", seen, pool.in_use()));
    out
}

/// Runs the section.
pub async fn demo(t: &mut Transcript) {
    for (how, seen, in_use) in scenarios(Duration::from_millis(10)).await {
        say!(
            t,
            "{how:<30} items {seen:>2}, leases still in use: {in_use}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn the_lease_is_released_however_the_stream_stops() {
        let got = scenarios(Duration::from_millis(10)).await;
        assert_eq!(
            got,
            [
                ("ran to the end", 3, 0),
                ("take(2) of 1000", 2, 0),
                ("break, stream still in scope", 5, 1),
                ("break, stream dropped", 5, 0),
                ("timeout cancelled it", 5, 0),
            ]
        );
    }

    #[tokio::test]
    async fn an_unpolled_stream_takes_no_lease() {
        let pool = Pool::default();
        let s = rows(pool.clone(), 3, Duration::ZERO);
        assert_eq!(pool.in_use(), 0);
        drop(s);
        assert_eq!(pool.released(), 0);
    }

    #[tokio::test(start_paused = true)]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains("timeout cancelled it           items  5, leases still in use: 0"));
    }
}

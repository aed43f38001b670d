//! Async generators (`#[generator] fn f(..) -> impl Stream<Item = T>`) dropped early, cancelled
//! or panicking: an early drop (cancellation) drops the live locals, in reverse order, then the
//! arguments, like a cancelled plain `async fn` with the same body; so do a poll cancelled
//! while the body awaits and an aborted consuming task. A panic in the body propagates out of
//! `poll_next` (or is the `JoinError` of a spawned consumer), after which the stream is
//! finished. Time is always paused (`start_paused = true`): no test sleeps for real.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::executor::block_on;
use futures::stream::{FusedStream, Stream, StreamExt};
use gen_core::generator;
use gen_tests::{Noisy, live, log, take_log};
use tokio::time::sleep;

mod common;
use common::stream::{SEC, collect};

// ---------------------------------------------------------------------------------------
// Early drop (cancellation) drops the live locals, in reverse order, then the arguments.

#[generator]
fn guarded(arg: Noisy, n: u32) -> impl Stream<Item = u32> {
    let _a = Noisy::new("a");
    let b = Noisy::new("b");
    for i in 0..n {
        let _c = Noisy::new(format!("c{i}"));
        sleep(SEC).await;
        yield_!(i);
    }
    drop(b);
    let _d = Noisy::new("d");
    log(format!("end {}", arg.name()));
}

/// The same body as a plain `async fn`: a yield pushes and, at the budget, waits forever (so
/// the caller cancels it there, like dropping the generator after that item).
async fn guarded_plain(out: &mut Vec<u32>, budget: usize, arg: Noisy, n: u32) {
    let _a = Noisy::new("a");
    let b = Noisy::new("b");
    for i in 0..n {
        let _c = Noisy::new(format!("c{i}"));
        sleep(SEC).await;
        out.push(i);
        if out.len() == budget {
            std::future::pending::<()>().await;
        }
    }
    drop(b);
    let _d = Noisy::new("d");
    log(format!("end {}", arg.name()));
}

async fn plain_log(budget: usize, n: u32) -> (Vec<u32>, Vec<String>) {
    let mut out = Vec::new();
    let _ = tokio::time::timeout(
        1000 * SEC,
        guarded_plain(&mut out, budget, Noisy::new("arg"), n),
    )
    .await;
    (out, take_log())
}

#[tokio::test(start_paused = true)]
async fn early_drop_drops_live_locals_like_a_cancelled_async_fn() {
    for budget in 1..=3 {
        let _ = take_log();
        let mut got = Vec::new();
        {
            let mut s = pin!(guarded(Noisy::new("arg"), 3));
            while got.len() < budget {
                got.push(s.next().await.unwrap());
            }
        }
        let log = take_log();
        assert_eq!((got, log), plain_log(budget, 3).await, "budget {budget}");
        assert_eq!(live(), 0);
    }
    // By hand, for budget 2.
    {
        let mut s = pin!(guarded(Noisy::new("arg"), 3));
        s.next().await;
        s.next().await;
    }
    assert_eq!(
        take_log(),
        ["drop c0", "drop c1", "drop b", "drop a", "drop arg"]
    );

    // Run to completion.
    let got = collect(guarded(Noisy::new("arg"), 2)).await;
    assert_eq!(got, [0, 1]);
    assert_eq!(
        take_log(),
        [
            "drop c0", "drop c1", "drop b", "end arg", "drop d", "drop a", "drop arg"
        ]
    );
    let (out, log) = plain_log(usize::MAX, 2).await;
    assert_eq!(out, [0, 1]);
    assert_eq!(
        log,
        [
            "drop c0", "drop c1", "drop b", "end arg", "drop d", "drop a", "drop arg"
        ]
    );

    // Never polled: only the arguments exist.
    drop(guarded(Noisy::new("arg"), 3));
    assert_eq!(take_log(), ["drop arg"]);
    assert_eq!(live(), 0);
}

#[tokio::test(start_paused = true)]
async fn cancelled_while_awaiting() {
    let _ = take_log();
    {
        let mut s = pin!(guarded(Noisy::new("arg"), 3));
        assert_eq!(s.next().await, Some(0));
        // The body is now inside `sleep` with `_c` live; the timeout cancels the poll.
        let r = tokio::time::timeout(Duration::from_millis(500), s.next()).await;
        assert!(r.is_err());
        assert_eq!(live(), 4, "arg, a, b, c1 are live while suspended");
        assert_eq!(take_log(), ["drop c0"]);
    }
    assert_eq!(take_log(), ["drop c1", "drop b", "drop a", "drop arg"]);
    assert_eq!(live(), 0);
}

/// A counting guard, for a cancellation observed from another task.
struct Guard(Arc<AtomicUsize>);

impl Drop for Guard {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[generator]
fn guarded_forever(drops: Arc<AtomicUsize>) -> impl Stream<Item = u64> + Send {
    let _outer = Guard(drops.clone());
    let mut i = 0;
    loop {
        let _inner = Guard(drops.clone());
        sleep(SEC).await;
        yield_!(i);
        i += 1;
    }
}

#[tokio::test(start_paused = true)]
async fn aborting_the_consuming_task_drops_the_locals() {
    let drops = Arc::new(AtomicUsize::new(0));
    let seen = Arc::new(AtomicUsize::new(0));
    let (d, s2) = (drops.clone(), seen.clone());
    let task = tokio::spawn(async move {
        let mut s = pin!(guarded_forever(d));
        while let Some(i) = s.next().await {
            s2.store(i as usize + 1, Ordering::SeqCst);
        }
    });
    sleep(SEC * 5 + SEC / 2).await;
    assert_eq!(seen.load(Ordering::SeqCst), 5);
    // Every finished iteration dropped its `_inner`.
    assert_eq!(drops.load(Ordering::SeqCst), 5);
    task.abort();
    assert!(task.await.unwrap_err().is_cancelled());
    assert_eq!(drops.load(Ordering::SeqCst), 5 + 2);
}

// ---------------------------------------------------------------------------------------
// A panic in the body propagates out of `poll_next`; the stream is then finished.

#[generator]
fn panicky(at: u32) -> impl Stream<Item = u32> {
    let _g = Noisy::new("panicky local");
    for i in 0..5 {
        futures::future::ready(()).await;
        if i == at {
            panic!("boom at {i}");
        }
        yield_!(i);
    }
}

#[test]
fn panic_propagates_out_of_poll_next_then_none() {
    let _ = take_log();
    let mut s = Box::pin(panicky(2));
    assert_eq!(block_on(s.next()), Some(0));
    assert_eq!(block_on(s.next()), Some(1));
    let err = catch_unwind(AssertUnwindSafe(|| block_on(s.next()))).unwrap_err();
    assert_eq!(err.downcast_ref::<String>().unwrap(), "boom at 2");
    // The body's locals were dropped by the unwind (exactly once).
    assert_eq!(take_log(), ["drop panicky local"]);
    assert_eq!(live(), 0);
    assert!(s.is_terminated());
    assert_eq!(block_on(s.next()), None);
    assert_eq!(block_on(s.next()), None);
    drop(s);
    assert!(take_log().is_empty());

    // Panicking on the first poll.
    let mut s = Box::pin(panicky(0));
    assert!(catch_unwind(AssertUnwindSafe(|| block_on(s.next()))).is_err());
    assert_eq!(block_on(s.next()), None);
    assert_eq!(take_log(), ["drop panicky local"]);
}

#[tokio::test]
async fn panic_in_a_spawned_consumer_is_a_join_error() {
    let task = tokio::spawn(async {
        let s = panicky(1);
        let mut s = pin!(s);
        let mut got = Vec::new();
        while let Some(v) = s.next().await {
            got.push(v);
        }
        got
    });
    let err = task.await.unwrap_err();
    assert!(err.is_panic());
    let payload = err.into_panic();
    assert_eq!(payload.downcast_ref::<String>().unwrap(), "boom at 1");
}

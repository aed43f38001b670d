//! Async generators that yield inside `tokio::select!` branches (also in a branch future that
//! loses the race, and from a nested `stream!`), `futures::select!` and `futures::join!`
//! branches, with `?` inside `select!`, and are fused after the end; against a plain `async fn`
//! where one applies. Timers run on paused time (`start_paused = true`): none sleeps for real.

use std::pin::pin;

use futures::stream::{FusedStream, Stream, StreamExt};
use gen_core::generator;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

mod common;
use common::stream::{SEC, collect, letters, numbers, numbers_u32};

// ---------------------------------------------------------------------------------------
// `tokio::select!` between two channels, yielding in both branches.

#[derive(Debug, Clone, PartialEq)]
enum Event {
    Num(u32, u64),
    Text(String, u64),
    TextLen(usize),
    Closed(&'static str),
}

/// Sends `a` at seconds 1, 3, 5 and `b` at 2, 4, then closes both.
fn producers() -> (mpsc::Receiver<u32>, mpsc::Receiver<String>) {
    let (tx_a, rx_a) = mpsc::channel(4);
    let (tx_b, rx_b) = mpsc::channel(4);
    tokio::spawn(async move {
        let start = Instant::now();
        for (t, v) in [(1, 10), (3, 30), (5, 50)] {
            tokio::time::sleep_until(start + SEC * t).await;
            tx_a.send(v).await.unwrap();
        }
    });
    tokio::spawn(async move {
        let start = Instant::now();
        for (t, v) in [(2, "xy"), (4, "hello")] {
            tokio::time::sleep_until(start + SEC * t).await;
            tx_b.send(v.to_string()).await.unwrap();
        }
    });
    (rx_a, rx_b)
}

#[generator]
fn merge(mut a: mpsc::Receiver<u32>, mut b: mpsc::Receiver<String>) -> impl Stream<Item = Event> {
    let start = Instant::now();
    let (mut a_open, mut b_open) = (true, true);
    while a_open || b_open {
        tokio::select! {
            v = a.recv(), if a_open => match v {
                Some(v) => yield_!(Event::Num(v, start.elapsed().as_secs())),
                None => {
                    a_open = false;
                    yield_!(Event::Closed("a"));
                }
            },
            s = b.recv(), if b_open => {
                if let Some(s) = s {
                    let len = s.len();
                    yield_!(Event::Text(s, start.elapsed().as_secs()));
                    yield_!(Event::TextLen(len));
                } else {
                    b_open = false;
                    yield_!(Event::Closed("b"));
                }
            }
        }
    }
}

async fn merge_plain(mut a: mpsc::Receiver<u32>, mut b: mpsc::Receiver<String>) -> Vec<Event> {
    let mut out = Vec::new();
    let start = Instant::now();
    let (mut a_open, mut b_open) = (true, true);
    while a_open || b_open {
        tokio::select! {
            v = a.recv(), if a_open => match v {
                Some(v) => out.push(Event::Num(v, start.elapsed().as_secs())),
                None => {
                    a_open = false;
                    out.push(Event::Closed("a"));
                }
            },
            s = b.recv(), if b_open => {
                if let Some(s) = s {
                    let len = s.len();
                    out.push(Event::Text(s, start.elapsed().as_secs()));
                    out.push(Event::TextLen(len));
                } else {
                    b_open = false;
                    out.push(Event::Closed("b"));
                }
            }
        }
    }
    out
}

#[tokio::test(start_paused = true)]
async fn select_between_two_channels_yields_in_both_branches() {
    let (a, b) = producers();
    let got = collect(merge(a, b)).await;
    let (a, b) = producers();
    assert_eq!(got, merge_plain(a, b).await);
    // Only one channel is ready at any instant, so the order is fixed; `b` closes at 4s.
    assert_eq!(
        got,
        [
            Event::Num(10, 1),
            Event::Text("xy".into(), 2),
            Event::TextLen(2),
            Event::Num(30, 3),
            Event::Text("hello".into(), 4),
            Event::TextLen(5),
            Event::Closed("b"),
            Event::Num(50, 5),
            Event::Closed("a"),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// `?` inside `select!`: the error is the last item, then `None`; the body is dropped.

#[generator]
fn parse_both(
    mut a: mpsc::Receiver<&'static str>,
    mut b: mpsc::Receiver<&'static str>,
) -> impl Stream<Item = Result<u32, String>> {
    loop {
        tokio::select! {
            biased;
            Some(s) = a.recv() => yield_!(Ok(s.parse::<u32>().map_err(|e| format!("a {s}: {e}"))?)),
            Some(s) = b.recv() => {
                let n: u32 = s.parse().map_err(|e| format!("b {s}: {e}"))?;
                yield_!(Ok(n * 100));
            }
            else => return,
        }
    }
}

async fn parse_both_plain(
    mut a: mpsc::Receiver<&'static str>,
    mut b: mpsc::Receiver<&'static str>,
) -> Vec<Result<u32, String>> {
    let mut out = Vec::new();
    let res: Result<(), String> = async {
        loop {
            tokio::select! {
                biased;
                Some(s) = a.recv() => out.push(Ok(s.parse::<u32>().map_err(|e| format!("a {s}: {e}"))?)),
                Some(s) = b.recv() => {
                    let n: u32 = s.parse().map_err(|e| format!("b {s}: {e}"))?;
                    out.push(Ok(n * 100));
                }
                else => return Ok(()),
            }
        }
    }
    .await;
    if let Err(e) = res {
        out.push(Err(e));
    }
    out
}

fn filled(
    a: &[&'static str],
    b: &[&'static str],
) -> (
    mpsc::Sender<&'static str>,
    mpsc::Receiver<&'static str>,
    mpsc::Receiver<&'static str>,
) {
    let (tx_a, rx_a) = mpsc::channel(8);
    let (tx_b, rx_b) = mpsc::channel(8);
    for &s in a {
        tx_a.try_send(s).unwrap();
    }
    for &s in b {
        tx_b.try_send(s).unwrap();
    }
    (tx_a, rx_a, rx_b)
}

#[tokio::test]
async fn question_mark_inside_select_yields_the_error_last() {
    // `tx_a` stays open, so only an error (or `return` once both are empty and closed) ends it.
    let (tx_a, a, b) = filled(&["1", "2", "x3"], &["4"]);
    let mut s = pin!(parse_both(a, b));
    assert_eq!(s.next().await, Some(Ok(1)));
    assert_eq!(s.next().await, Some(Ok(2)));
    let err = "x3".parse::<u32>().unwrap_err();
    assert_eq!(s.next().await, Some(Err(format!("a x3: {err}"))));
    // The body has finished and was dropped with its receivers.
    assert!(tx_a.is_closed());
    assert!(s.is_terminated());
    assert_eq!(s.next().await, None);
    assert_eq!(s.next().await, None);

    // The error in the other branch, and the plain `async fn` agrees.
    let (_tx, a, b) = filled(&["7"], &["8", "nine", "10"]);
    let got: Vec<_> = tokio::time::timeout(SEC, collect(parse_both(a, b)))
        .await
        .unwrap();
    let (_tx, a, b) = filled(&["7"], &["8", "nine", "10"]);
    assert_eq!(got, parse_both_plain(a, b).await);
    let err = "nine".parse::<u32>().unwrap_err();
    assert_eq!(got, [Ok(7), Ok(800), Err(format!("b nine: {err}"))]);

    // `else => return` in a fallible body ends without an error item.
    let (tx, a, b) = filled(&["5"], &["6"]);
    drop(tx);
    let got = collect(parse_both(a, b)).await;
    assert_eq!(got, [Ok(5), Ok(600)]);
}

// ---------------------------------------------------------------------------------------
// A yield inside a `futures::join!` branch, while another branch makes progress.

#[generator]
fn join_with_timer() -> impl Stream<Item = (&'static str, u64)> {
    let start = Instant::now();
    let (a, b) = futures::join!(
        async {
            yield_!(("joined", start.elapsed().as_secs()));
            1
        },
        async {
            sleep(3 * SEC).await;
            2
        },
    );
    yield_!(("after", start.elapsed().as_secs() + a + b));
}

#[tokio::test(start_paused = true)]
async fn yield_inside_a_join_branch() {
    let got = collect(join_with_timer()).await;
    assert_eq!(got, [("joined", 0), ("after", 3 + 1 + 2)]);
}

// ---------------------------------------------------------------------------------------
// Fused after the end.

#[tokio::test]
async fn fused_after_the_end() {
    let mut s = pin!(numbers(2));
    assert!(!s.is_terminated());
    assert_eq!(s.next().await, Some(1));
    assert!(!s.is_terminated());
    assert_eq!(s.next().await, Some(2));
    assert_eq!(s.next().await, None);
    assert!(s.is_terminated());
    for _ in 0..3 {
        assert_eq!(s.next().await, None);
    }
    // `futures::select!` needs `FusedStream`: the generator is usable there directly.
    let mut a = pin!(numbers(2));
    let mut b = pin!(numbers_u32(1));
    let mut seen = Vec::new();
    loop {
        futures::select! {
            x = a.next() => if let Some(x) = x { seen.push(x as u32) },
            y = b.next() => if let Some(y) = y { seen.push(y + 100) },
            complete => break,
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, [1, 2, 101]);

    // A fallible stream after its error item.
    let (_tx, a, b) = filled(&["bad"], &[]);
    let mut s = pin!(parse_both(a, b));
    assert!(matches!(s.next().await, Some(Err(_))));
    assert!(s.is_terminated());
    assert_eq!(s.next().await, None);
}

// ---------------------------------------------------------------------------------------
// Yields in other positions of `select!`: in a branch future that loses the race (its value
// is still handed out, before the next one), in `futures::select!`, and a nested `stream!`.

#[generator]
fn losing_branch_yields() -> impl Stream<Item = u32> {
    tokio::select! {
        biased;
        _ = async { yield_!(1); } => { yield_!(100); }
        _ = std::future::ready(()) => { yield_!(2); }
    }
    yield_!(3);
}

#[tokio::test]
async fn a_yield_in_a_cancelled_branch_is_still_delivered_in_order() {
    assert_eq!(collect(losing_branch_yields()).await, [1, 2, 3]);
}

#[generator]
fn futures_select(n: u32) -> impl Stream<Item = String> {
    let mut a = pin!(numbers_u32(n).fuse());
    let mut b = pin!(letters('q', n).fuse());
    loop {
        futures::select! {
            x = a.next() => if let Some(x) = x { yield_!(format!("n{x}")) },
            y = b.next() => if let Some(y) = y { yield_!(y) },
            complete => return,
        }
    }
}

#[tokio::test(start_paused = true)]
async fn yields_inside_futures_select() {
    // `numbers_u32` never waits, so it is drained before the first `letters` timer fires.
    let got = collect(futures_select(2)).await;
    assert_eq!(got, ["n1", "n2", "q0", "q1"]);
}

#[generator]
fn nested_stream_in_select(mut rx: mpsc::Receiver<u32>) -> impl Stream<Item = u32> {
    use gen_core::stream;
    while let Some(v) = rx.recv().await {
        tokio::select! {
            _ = sleep(SEC) => yield_from!(stream! { yield_!(v); yield v + 1; }),
            else => {}
        }
    }
    yield_!(99);
}

#[tokio::test(start_paused = true)]
async fn a_nested_stream_inside_select_keeps_its_own_yields() {
    let (tx, rx) = mpsc::channel(4);
    tx.send(5).await.unwrap();
    tx.send(7).await.unwrap();
    drop(tx);
    assert_eq!(collect(nested_stream_in_select(rx)).await, [5, 6, 7, 8, 99]);
}

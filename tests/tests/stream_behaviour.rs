//! Async generators (`#[generator] fn f(..) -> impl Stream<Item = T>`) on a tokio
//! runtime: awaits between yields, borrows across awaits, yields inside `tokio::select!` and
//! `futures::join!` branches, `?` inside `select!`, `yield_from!` of generator streams,
//! cancellation, `Send`, `StreamExt` combinators, methods and generics, `stream!`, fusing and
//! panics. Where it makes sense each generator is compared with the same logic written as a
//! plain `async fn` pushing into a `Vec`, and with a hand-checked value. Time is always paused
//! (`start_paused = true`): no test sleeps for real.

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::executor::block_on;
use futures::stream::{self, BoxStream, FusedStream, Stream, StreamExt};
use gen_core::generator;
use gen_tests::{Noisy, live, log, take_log};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, BufReader};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

const SEC: Duration = Duration::from_secs(1);

/// Collects a (possibly `!Unpin`) stream.
async fn collect<S: Stream>(s: S) -> Vec<S::Item> {
    s.collect().await
}

// ---------------------------------------------------------------------------------------
// Awaits between yields; the body runs only when polled.

#[generator]
fn ticker(n: u32, period: Duration) -> impl Stream<Item = (u32, Duration)> {
    let start = Instant::now();
    for i in 0..n {
        sleep(period * (i + 1)).await;
        yield_!((i, start.elapsed()));
    }
}

async fn ticker_plain(n: u32, period: Duration) -> Vec<(u32, Duration)> {
    let mut out = Vec::new();
    let start = Instant::now();
    for i in 0..n {
        sleep(period * (i + 1)).await;
        out.push((i, start.elapsed()));
    }
    out
}

#[tokio::test(start_paused = true)]
async fn awaits_between_yields() {
    let got = collect(ticker(4, SEC)).await;
    assert_eq!(got, ticker_plain(4, SEC).await);
    let secs: Vec<(u32, u64)> = got.iter().map(|&(i, d)| (i, d.as_secs())).collect();
    assert_eq!(secs, [(0, 1), (1, 3), (2, 6), (3, 10)]);
    assert!(collect(ticker(0, SEC)).await.is_empty());
}

#[tokio::test(start_paused = true)]
async fn the_body_waits_for_the_consumer() {
    let t0 = Instant::now();
    let mut s = pin!(ticker(2, SEC));
    // Nothing runs before the first poll.
    sleep(10 * SEC).await;
    let (i, at) = s.next().await.unwrap();
    assert_eq!((i, at.as_secs()), (0, 1));
    assert_eq!(t0.elapsed().as_secs(), 11);
    // The body is suspended at the yield while the consumer is busy.
    sleep(5 * SEC).await;
    let (i, at) = s.next().await.unwrap();
    assert_eq!((i, at.as_secs()), (1, 1 + 5 + 2));
    assert_eq!(s.next().await, None);
}

// ---------------------------------------------------------------------------------------
// A borrow of a local across awaits and yields: `read_line(&mut buf)` and words of `buf`.

#[generator]
fn words<R: AsyncBufRead + Unpin>(mut reader: R) -> impl Stream<Item = Result<String, String>> {
    let mut buf = String::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        let n = reader
            .read_line(&mut buf)
            .await
            .map_err(|e| format!("line {line_no}: {:?}", e.kind()))?;
        if n == 0 {
            return;
        }
        line_no += 1;
        // `parts` borrows `buf` across the awaits and yields below.
        let parts: Vec<&str> = buf.split_whitespace().collect();
        for (k, w) in parts.iter().enumerate() {
            tokio::task::yield_now().await;
            yield_!(Ok(format!("{line_no}.{k}:{w}")));
        }
    }
}

async fn words_plain<R: AsyncBufRead + Unpin>(mut reader: R) -> Vec<Result<String, String>> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        let n = match reader.read_line(&mut buf).await {
            Ok(n) => n,
            Err(e) => {
                out.push(Err(format!("line {line_no}: {:?}", e.kind())));
                return out;
            }
        };
        if n == 0 {
            return out;
        }
        line_no += 1;
        let parts: Vec<&str> = buf.split_whitespace().collect();
        for (k, w) in parts.iter().enumerate() {
            tokio::task::yield_now().await;
            out.push(Ok(format!("{line_no}.{k}:{w}")));
        }
    }
}

#[tokio::test]
async fn borrows_a_local_across_awaits_and_yields() {
    let text: &[u8] = b"alpha beta\n\n  gamma   delta epsilon\nlast";
    // A tiny buffer makes every `read_line` span several reads.
    let got = collect(words(BufReader::with_capacity(3, text))).await;
    assert_eq!(got, words_plain(BufReader::with_capacity(3, text)).await);
    let ok = |s: &str| Ok::<String, String>(s.to_string());
    assert_eq!(
        got,
        [
            ok("1.0:alpha"),
            ok("1.1:beta"),
            ok("3.0:gamma"),
            ok("3.1:delta"),
            ok("3.2:epsilon"),
            ok("4.0:last"),
        ]
    );

    // Invalid UTF-8 makes `read_line` fail: the error is the last item.
    let bad: &[u8] = b"one two\n\xff\xfe\nthree\n";
    let cursor = std::io::Cursor::new(bad.to_vec());
    let got = collect(words(BufReader::new(cursor.clone()))).await;
    assert_eq!(got, words_plain(BufReader::new(cursor)).await);
    assert_eq!(
        got,
        [
            ok("1.0:one"),
            ok("1.1:two"),
            Err("line 1: InvalidData".to_string())
        ]
    );
}

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
// `yield_from!` of other generator streams (also boxed, and an inline `stream!`).

#[generator]
fn letters(tag: char, n: u32) -> impl Stream<Item = String> + Send {
    for i in 0..n {
        sleep(SEC).await;
        yield_!(format!("{tag}{i}"));
    }
}

#[generator]
fn nested() -> impl Stream<Item = String> {
    yield_!("start".to_string());
    yield_from!(letters('a', 2));
    let inner: BoxStream<'static, String> = letters('b', 1).boxed();
    yield_from!(inner);
    let tail = "tail".to_string();
    yield_from!(gen_core::stream! {
        yield_!(format!("{tail}-1"));
        sleep(SEC).await;
        yield format!("{tail}-2");
    });
    yield_from!(letters('c', 0));
    yield_!("end".to_string());
}

#[tokio::test(start_paused = true)]
async fn yield_from_other_generators() {
    let t0 = Instant::now();
    let got = collect(nested()).await;
    assert_eq!(
        got,
        ["start", "a0", "a1", "b0", "tail-1", "tail-2", "end"].map(String::from)
    );
    assert_eq!(t0.elapsed().as_secs(), 4);
}

/// Recursion goes through a boxed stream.
#[generator]
fn countdown(n: u32) -> impl Stream<Item = u32> + Send {
    if n == 0 {
        return;
    }
    yield_!(n);
    let rest: BoxStream<'static, u32> = Box::pin(countdown(n - 1));
    yield_from!(rest);
}

#[tokio::test]
async fn recursive_yield_from() {
    assert_eq!(collect(countdown(4)).await, [4, 3, 2, 1]);
}

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
// `Send`: consumed inside `tokio::spawn` on a multi-threaded runtime.

#[generator]
fn shared_counter(
    state: Arc<tokio::sync::Mutex<Vec<u32>>>,
    n: u32,
) -> impl Stream<Item = u32> + Send {
    let label = String::from("held across awaits");
    for i in 0..n {
        // A `tokio::sync::MutexGuard` (Send) held across an await and a yield.
        let mut guard = state.lock().await;
        guard.push(i);
        tokio::task::yield_now().await;
        yield_!(i * label.len() as u32);
        drop(guard);
    }
}

fn assert_send<T: Send>(t: T) -> T {
    t
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consumed_inside_tokio_spawn() {
    let state = Arc::new(tokio::sync::Mutex::new(Vec::new()));
    let s = assert_send(shared_counter(state.clone(), 4));
    let got = tokio::spawn(async move {
        let mut s = pin!(s);
        let mut got = Vec::new();
        while let Some(v) = s.next().await {
            got.push(v);
            tokio::task::yield_now().await;
        }
        got
    })
    .await
    .unwrap();
    let len = "held across awaits".len() as u32;
    assert_eq!(got, [0, len, 2 * len, 3 * len]);
    assert_eq!(*state.lock().await, [0, 1, 2, 3]);

    // Also started on this task and moved to another one half-way (it is pinned in a box).
    let mut s = Box::pin(shared_counter(state.clone(), 3));
    assert_eq!(s.next().await, Some(0));
    let rest = tokio::spawn(async move { s.collect::<Vec<_>>().await })
        .await
        .unwrap();
    assert_eq!(rest, [len, 2 * len]);
}

// ---------------------------------------------------------------------------------------
// `StreamExt` combinators.

#[generator]
fn numbers(n: u64) -> impl Stream<Item = u64> + Send {
    for i in 1..=n {
        if i % 3 == 0 {
            tokio::task::yield_now().await;
        }
        yield_!(i);
    }
}

/// Yields futures that finish in the reverse order of their index.
#[generator]
fn jobs(n: u64) -> impl Stream<Item = Pin<Box<dyn Future<Output = (u64, u64)> + Send>>> + Send {
    for i in 0..n {
        let start = Instant::now();
        let job: Pin<Box<dyn Future<Output = (u64, u64)> + Send>> = Box::pin(async move {
            sleep(SEC * (n - i) as u32).await;
            (i, start.elapsed().as_secs())
        });
        yield_!(job);
    }
}

#[tokio::test(start_paused = true)]
async fn stream_ext_combinators() {
    let plain: Vec<u64> = (1..=20).collect();

    let got: Vec<u64> = numbers(20)
        .map(|x| x * x)
        .filter(|x| std::future::ready(x % 2 == 1))
        .take(4)
        .collect()
        .await;
    let want: Vec<u64> = plain
        .iter()
        .map(|x| x * x)
        .filter(|x| x % 2 == 1)
        .take(4)
        .collect();
    assert_eq!(got, want);
    assert_eq!(got, [1, 9, 25, 49]);

    let got: Vec<Vec<u64>> = numbers(7).chunks(3).collect().await;
    assert_eq!(got, [vec![1, 2, 3], vec![4, 5, 6], vec![7]]);

    let got: Vec<u64> = numbers(10)
        .skip_while(|x| std::future::ready(*x < 4))
        .take_while(|x| std::future::ready(*x < 8))
        .collect()
        .await;
    assert_eq!(got, [4, 5, 6, 7]);

    let sum = numbers(100).fold(0, |a, x| async move { a + x }).await;
    assert_eq!(sum, 5050);

    let zipped: Vec<(u64, String)> = numbers(3).zip(letters('z', 5)).collect().await;
    assert_eq!(
        zipped,
        [(1, "z0".into()), (2, "z1".into()), (3, "z2".into())]
    );

    // `buffered` keeps the order; three jobs run concurrently.
    let t0 = Instant::now();
    let got: Vec<(u64, u64)> = jobs(4).buffered(3).collect().await;
    assert_eq!(got, [(0, 4), (1, 3), (2, 2), (3, 1)]);
    // The fourth job is pulled only once the first one is handed out (at 4s).
    assert_eq!(t0.elapsed().as_secs(), 5);
    let got: Vec<u64> = jobs(4).buffer_unordered(4).map(|(i, _)| i).collect().await;
    assert_eq!(got, [3, 2, 1, 0]);

    // `then` with an async closure, and `boxed` into a trait object.
    let got: Vec<u64> = numbers(3)
        .then(|x| async move {
            sleep(SEC).await;
            x + 100
        })
        .boxed()
        .collect()
        .await;
    assert_eq!(got, [101, 102, 103]);
}

// ---------------------------------------------------------------------------------------
// Methods (`&self`, `&mut self`, `self`, trait impls) and generics.

struct Account {
    name: String,
    history: Vec<i64>,
}

impl Account {
    #[generator]
    fn entries(&self, min: i64) -> impl Stream<Item = String> + '_ {
        for (i, amount) in self.history.iter().enumerate() {
            tokio::task::yield_now().await;
            if *amount >= min {
                yield_!(format!("{}#{i}={amount}", self.name));
            }
        }
    }

    #[generator]
    fn apply(&mut self, ops: Vec<i64>) -> impl Stream<Item = i64> + '_ {
        for op in ops {
            sleep(SEC).await;
            self.history.push(op);
            yield_!(self.history.iter().sum::<i64>());
        }
    }

    #[generator]
    fn into_entries(self) -> impl Stream<Item = i64> {
        for amount in self.history {
            yield_!(amount);
        }
    }
}

trait Source {
    fn items(&self) -> impl Stream<Item = u32> + '_;
}

struct Range(u32, u32);

impl Source for Range {
    #[generator]
    fn items(&self) -> impl Stream<Item = u32> + '_ {
        for i in self.0..self.1 {
            tokio::task::yield_now().await;
            yield_!(i);
        }
    }
}

#[generator]
fn intersperse<T, S>(inner: S, sep: T) -> impl Stream<Item = T>
where
    T: Clone,
    S: Stream<Item = T>,
{
    // A pinned local borrowed by every `next().await` across the yields.
    let mut inner = pin!(inner);
    let mut first = true;
    while let Some(item) = inner.next().await {
        if !first {
            yield_!(sep.clone());
        }
        first = false;
        yield_!(item);
    }
}

#[generator]
fn window_sums<'a, const N: usize>(values: &'a [i64]) -> impl Stream<Item = i64> + 'a {
    for w in values.windows(N) {
        yield_!(w.iter().sum());
    }
}

#[generator]
fn sum_all(streams: impl IntoIterator<Item = BoxStream<'static, u32>>) -> impl Stream<Item = u32> {
    let mut total = 0;
    for mut s in streams {
        while let Some(v) = s.next().await {
            total += v;
        }
        yield_!(total);
    }
}

#[tokio::test(start_paused = true)]
async fn methods_and_generics() {
    let mut acc = Account {
        name: "acc".to_string(),
        history: vec![5, -3, 12],
    };
    assert_eq!(collect(acc.entries(0)).await, ["acc#0=5", "acc#2=12"]);
    assert_eq!(collect(acc.apply(vec![1, -20, 4])).await, [15, -5, -1]);
    assert_eq!(acc.history, [5, -3, 12, 1, -20, 4]);
    assert_eq!(
        collect(acc.entries(4)).await,
        ["acc#0=5", "acc#2=12", "acc#5=4"]
    );
    assert_eq!(collect(acc.into_entries()).await, [5, -3, 12, 1, -20, 4]);

    assert_eq!(collect(Range(3, 6).items()).await, [3, 4, 5]);

    let got = collect(intersperse(letters('x', 3), "-".to_string())).await;
    assert_eq!(got, ["x0", "-", "x1", "-", "x2"]);
    let got = collect(intersperse(stream::iter([1, 2]), 0)).await;
    assert_eq!(got, [1, 0, 2]);
    let got = collect(intersperse(stream::empty::<u8>(), 0)).await;
    assert!(got.is_empty());

    let values = [1, 2, 3, 4];
    assert_eq!(collect(window_sums::<2>(&values)).await, [3, 5, 7]);
    assert_eq!(collect(window_sums::<3>(&values)).await, [6, 9]);

    let streams: Vec<BoxStream<'static, u32>> =
        vec![numbers_u32(3).boxed(), stream::iter([10]).boxed()];
    assert_eq!(collect(sum_all(streams)).await, [6, 16]);
}

#[generator]
fn numbers_u32(n: u32) -> impl Stream<Item = u32> + Send {
    for i in 1..=n {
        yield_!(i);
    }
}

// ---------------------------------------------------------------------------------------
// `stream!` with captures and the `yield` keyword.

#[tokio::test(start_paused = true)]
async fn stream_expression_captures_by_move() {
    let names = ["ann".to_string(), "bob".to_string()];
    let base = 10;
    let guard = Noisy::new("captured");
    let s = gen_core::stream! {
        let _keep = &guard;
        for (i, n) in names.iter().enumerate() {
            sleep(SEC).await;
            yield format!("{n}{}", base + i);
        }
        yield_!(format!("total {}", names.len()));
        yield_from!(letters('s', 1));
    };
    // `base` is `Copy`: still usable here; `names` and `guard` moved into the stream.
    assert_eq!(base, 10);
    let t0 = Instant::now();
    let got = collect(s).await;
    assert_eq!(got, ["ann10", "bob11", "total 2", "s0"]);
    assert_eq!(t0.elapsed().as_secs(), 3);
    // The captured guard was dropped with the stream.
    assert_eq!(take_log(), ["drop captured"]);

    // A fallible inline stream: `?` yields the error last.
    let inputs = vec!["1", "2", "oops", "4"];
    let s = gen_core::stream! {
        for s in inputs {
            tokio::task::yield_now().await;
            let n: u32 = s.parse().map_err(|_| format!("bad {s}"))?;
            yield Ok::<u32, String>(n);
        }
    };
    let got = collect(s).await;
    assert_eq!(got, [Ok(1), Ok(2), Err("bad oops".to_string())]);
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

#[test]
fn an_empty_stream_has_unit_items_and_a_bare_yield_yields_a_unit() {
    let empty = gen_core::stream! {};
    assert_eq!(block_on(empty.collect::<Vec<()>>()), []);
    let units = gen_core::stream! {
        yield;
        std::future::ready(()).await;
        yield;
    };
    assert_eq!(block_on(units.count()), 2);
}

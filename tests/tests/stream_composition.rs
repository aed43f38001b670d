//! Async generators (`#[generator] fn f(..) -> impl Stream<Item = T>`) composed with other
//! streams and code: `yield_from!` of other generator streams (boxed, recursive, an inline
//! `stream!`), `Send` streams consumed inside `tokio::spawn`, `StreamExt` combinators,
//! methods (`&self`, `&mut self`, `self`, trait impls) and generics, and `stream!`
//! expressions with captures and the `yield` keyword. Each is compared with a hand-checked
//! value. Time is always paused (`start_paused = true`): no test sleeps for real.

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;

use futures::executor::block_on;
use futures::stream::{self, BoxStream, Stream, StreamExt};
use gen_core::generator;
use gen_tests::{Noisy, take_log};
use tokio::time::{Instant, sleep};

mod common;
use common::stream::{SEC, collect, letters, numbers, numbers_u32};

// ---------------------------------------------------------------------------------------
// `yield_from!` of other generator streams (also boxed, and an inline `stream!`).

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

/// Recursion boxed in the operand itself: `.boxed()`, `.boxed_local()`, `Box::pin(..)` with an
/// adapter after it.
#[generator]
fn countdown_boxed(n: u32) -> impl Stream<Item = u32> + Send {
    yield_!(n);
    if n > 0 {
        yield_from!(countdown_boxed(n - 1).boxed());
    }
}

#[generator]
fn countdown_boxed_local(n: u32) -> impl Stream<Item = u32> {
    yield_!(n);
    if n > 0 {
        yield_from!(countdown_boxed_local(n - 1).boxed_local());
    }
}

#[generator]
fn countdown_pinned_then_mapped(n: u32) -> impl Stream<Item = u32> + Send {
    yield_!(n);
    if n > 0 {
        yield_from!(Box::pin(countdown_pinned_then_mapped(n - 1)).map(|x| x * 10));
    }
}

#[tokio::test]
async fn recursive_yield_from() {
    assert_eq!(collect(countdown(4)).await, [4, 3, 2, 1]);
    assert_eq!(collect(countdown_boxed(2)).await, [2, 1, 0]);
    assert_eq!(collect(countdown_boxed_local(2)).await, [2, 1, 0]);
    assert_eq!(collect(countdown_pinned_then_mapped(2)).await, [2, 10, 0]);
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

//! async-stream's own behaviour tests, written with `gen_core::stream!` and `#[generator]`:
//! an empty block, a captured `&mut`, fusing, yields in `select!` arms, a channel consumer,
//! a stream inside a stream, items that are futures, `?` (async-stream's `try_stream!`,
//! whose `yield v` is `yield Ok(v)` here), and a method borrowing `&self`.

use futures::pin_mut;
use futures::stream::{FusedStream, Stream, StreamExt};
use gen_core::{generator, stream};

#[tokio::test]
async fn noop_stream() {
    let s = stream! {};
    pin_mut!(s);
    let first: Option<()> = s.next().await;
    assert!(first.is_none());
}

#[tokio::test]
async fn empty_stream_runs_its_body() {
    let mut ran = false;
    {
        let r = &mut ran;
        let s = stream! {
            *r = true;
        };
        pin_mut!(s);
        let first: Option<()> = s.next().await;
        assert!(first.is_none());
    }
    assert!(ran);
}

#[tokio::test]
async fn yield_values_and_fuse() {
    let s = stream! {
        yield "hello";
        yield "world";
    };
    pin_mut!(s);
    assert!(!s.is_terminated());
    assert_eq!(s.next().await, Some("hello"));
    assert_eq!(s.next().await, Some("world"));
    assert_eq!(s.next().await, None);
    assert!(s.is_terminated());
    assert_eq!(s.next().await, None);
}

async fn do_stuff_async() {}

async fn more_async_work() {}

#[tokio::test]
async fn yields_in_select_arms() {
    let s = stream! {
        tokio::select! {
            _ = do_stuff_async() => yield "hey",
            _ = more_async_work() => yield "hey",
            else => yield "hey",
        }
    };
    let values: Vec<_> = s.collect().await;
    assert_eq!(values, ["hey"]);
    let units = stream! {
        tokio::select! {
            _ = do_stuff_async() => yield,
            else => yield,
        }
    };
    let values: Vec<()> = units.collect().await;
    assert_eq!(values.len(), 1);
}

fn build_stream() -> impl Stream<Item = u32> {
    stream! {
        yield 1;
        yield 2;
        yield 3;
    }
}

#[tokio::test]
async fn return_stream() {
    let values: Vec<_> = build_stream().collect().await;
    assert_eq!(values, [1, 2, 3]);
}

#[tokio::test]
async fn consume_channel() {
    let (tx, mut rx) = tokio::sync::mpsc::channel(10);
    let s = stream! {
        while let Some(v) = rx.recv().await {
            yield v;
        }
    };
    pin_mut!(s);
    for i in 0..3 {
        tx.send(i).await.expect("the receiver is alive");
        assert_eq!(Some(i), s.next().await);
    }
    drop(tx);
    assert_eq!(None, s.next().await);
}

struct Data(String);

impl Data {
    fn stream(&self) -> impl Stream<Item = &str> + '_ {
        stream! {
            yield &self.0[..];
        }
    }

    #[generator]
    fn words(&self) -> impl Stream<Item = &str> + '_ {
        for w in self.0.split(' ') {
            yield_!(w);
        }
    }
}

#[tokio::test]
async fn borrow_self() {
    let data = Data("hello world".to_string());
    let s = data.stream();
    pin_mut!(s);
    assert_eq!(Some("hello world"), s.next().await);
    let words: Vec<_> = data.words().collect().await;
    assert_eq!(words, ["hello", "world"]);
}

#[tokio::test]
async fn stream_in_stream() {
    let s = stream! {
        let inner = stream! {
            for i in 0..3 {
                yield i;
            }
        };
        pin_mut!(inner);
        while let Some(v) = inner.next().await {
            yield v;
        }
    };
    let values: Vec<i32> = s.collect().await;
    assert_eq!(values, [0, 1, 2]);
}

#[tokio::test]
async fn yield_non_unpin_value() {
    let s: Vec<_> = stream! {
        for i in 0..3 {
            yield async move { i };
        }
    }
    .buffered(1)
    .collect()
    .await;
    assert_eq!(s, vec![0, 1, 2]);
}

#[tokio::test]
async fn question_mark_ends_with_the_error() {
    let single = stream! {
        if true {
            Err("hello")?;
        } else {
            yield Ok("world");
        }
        unreachable!();
    };
    let values: Vec<Result<&str, &str>> = single.collect().await;
    assert_eq!(values, [Err("hello")]);
    let then_err = stream! {
        yield Ok("hello");
        Err("world")?;
        unreachable!();
    };
    let values: Vec<Result<&str, &str>> = then_err.collect().await;
    assert_eq!(values, [Ok("hello"), Err("world")]);
}

struct ErrorA(u8);

#[derive(PartialEq, Debug)]
struct ErrorB(u8);

impl From<ErrorA> for ErrorB {
    fn from(a: ErrorA) -> ErrorB {
        ErrorB(a.0)
    }
}

fn converting() -> impl Stream<Item = Result<&'static str, ErrorB>> {
    stream! {
        if true {
            Err(ErrorA(1))?;
        } else {
            Err(ErrorB(2))?;
        }
        yield Ok("unreachable");
    }
}

fn multi_try() -> impl Stream<Item = Result<i32, String>> {
    stream! {
        let a = Ok::<_, String>(Ok::<_, String>(123))??;
        for _ in 1..10 {
            yield Ok(a);
        }
    }
}

#[tokio::test]
async fn question_mark_converts_and_nests() {
    let values: Vec<_> = converting().collect().await;
    assert_eq!(values, [Err(ErrorB(1))]);
    let values: Vec<_> = multi_try().collect().await;
    assert_eq!(values, vec![Ok(123); 9]);
}

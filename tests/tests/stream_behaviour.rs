//! Async generators (`#[generator] fn f(..) -> impl Stream<Item = T>`) on a tokio runtime:
//! awaits between yields, a body that runs only when polled, a borrow of a local across awaits,
//! `?`, `return Err(e)` and `return Ok(())`, each against a plain `async fn`. More in
//! `stream_select_and_join.rs`, `stream_cancellation.rs` and `stream_composition.rs`.

use std::pin::pin;
use std::time::Duration;

use futures::stream::{Stream, StreamExt};
use gen_core::generator;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, BufReader};
use tokio::time::{Instant, sleep};

mod common;
use common::stream::{SEC, collect};

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
// `return Err(e)` and `return Ok(())` end a generator of `Result` items as they end a
// function returning `Result<(), E>`, with `?` converting and `return Err(e)` not.

#[derive(Debug, PartialEq)]
enum ReadError {
    Empty,
    Parse(String),
}

impl From<std::num::ParseIntError> for ReadError {
    fn from(e: std::num::ParseIntError) -> Self {
        ReadError::Parse(e.to_string())
    }
}

#[generator]
fn read_numbers(lines: Vec<&'static str>) -> impl Stream<Item = Result<u32, ReadError>> {
    for line in lines {
        tokio::task::yield_now().await;
        if line == "end" {
            return Ok(());
        }
        if line.is_empty() {
            return Err(ReadError::Empty);
        }
        yield_!(Ok(line.parse::<u32>()?));
    }
}

async fn read_numbers_plain(lines: Vec<&'static str>, out: &mut Vec<u32>) -> Result<(), ReadError> {
    for line in lines {
        tokio::task::yield_now().await;
        if line == "end" {
            return Ok(());
        }
        if line.is_empty() {
            return Err(ReadError::Empty);
        }
        out.push(line.parse::<u32>()?);
    }
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn return_err_and_return_ok_end_the_stream_as_the_plain_function_returns() {
    for lines in [
        vec!["1", "2", "end", "3"],
        vec!["1", "", "3"],
        vec!["1", "x", "3"],
        vec!["4", "5"],
    ] {
        let mut plain = Vec::new();
        let end = read_numbers_plain(lines.clone(), &mut plain).await;
        let mut expected: Vec<Result<u32, ReadError>> = plain.into_iter().map(Ok).collect();
        if let Err(e) = end {
            expected.push(Err(e));
        }
        assert_eq!(collect(read_numbers(lines)).await, expected);
    }
}

//! Correct async (`impl Stream`) generators draw no warning: awaits between yields, a `mut`
//! local assigned after a yield, a borrow of a local across an await, `?`, `yield_from!`, a
//! method, a body that never yields (its yield handle is then never used mutably). Compiled by `tests/ui.rs` (`lints_pass`) and, under clippy, by
//! `tests/lint_fixtures/check.sh`.
#![deny(warnings)]

use std::num::ParseIntError;

use futures::executor::block_on;
use futures::stream::{Stream, StreamExt};
use gen_core::generator;

#[generator]
fn counter(limit: u32) -> impl Stream<Item = u32> {
    let mut current = 0;
    while current < limit {
        std::future::ready(()).await;
        yield_!(current);
        current += 1;
    }
}

#[generator]
fn reassigned_after_yield(limit: u32) -> impl Stream<Item = u32> {
    let mut last = limit;
    yield_!(last);
    last = std::future::ready(limit * 2).await;
    yield_!(last);
}

#[generator]
fn borrows_across_await() -> impl Stream<Item = usize> {
    let text = String::from("borrowed across an await");
    let words: Vec<&str> = text.split(' ').collect();
    std::future::ready(()).await;
    for word in &words {
        yield_!(word.len());
    }
}

#[generator]
fn parse_all(lines: Vec<&'static str>) -> impl Stream<Item = Result<i64, ParseIntError>> {
    for line in lines {
        let value: i64 = std::future::ready(line.trim().parse()).await?;
        yield_!(Ok(value));
    }
}

#[generator]
fn chained(limit: u32) -> impl Stream<Item = u32> {
    yield_from!(counter(limit));
    yield_!(limit);
}

#[derive(Debug)]
struct Numbers {
    values: Vec<u32>,
}

impl Numbers {
    #[generator]
    fn each(&self) -> impl Stream<Item = u32> + '_ {
        for v in &self.values {
            std::future::ready(()).await;
            yield_!(*v);
        }
    }
}

/// Ends before its first item: the generator's own yield handle goes unused.
#[generator]
fn nothing_to_yield(ready: bool) -> impl Stream<Item = u32> {
    if !ready {
        return;
    }
    std::future::ready(()).await;
}

// A body that is one expression draws no `unused_braces`.
#[generator]
fn one_expression_body(v: Vec<u32>) -> impl Stream<Item = u32> {
    for x in v {
        yield_!(x);
    }
}

pub fn main() {
    assert_eq!(block_on(one_expression_body(vec![1, 2]).collect::<Vec<_>>()), [1, 2]);
    assert_eq!(block_on(counter(3).collect::<Vec<_>>()), [0, 1, 2]);
    assert_eq!(
        block_on(reassigned_after_yield(5).collect::<Vec<_>>()),
        [5, 10]
    );
    assert_eq!(
        block_on(borrows_across_await().collect::<Vec<_>>()),
        [8, 6, 2, 5]
    );
    let parsed: Vec<_> = block_on(parse_all(vec!["1", "x", "3"]).collect());
    assert!(matches!(parsed.as_slice(), [Ok(1), Err(_)]));
    assert_eq!(block_on(chained(2).collect::<Vec<_>>()), [0, 1, 2]);
    let numbers = Numbers { values: vec![1, 2] };
    assert_eq!(block_on(numbers.each().collect::<Vec<_>>()), [1, 2]);
    assert_eq!(block_on(nothing_to_yield(true).collect::<Vec<_>>()), []);
}

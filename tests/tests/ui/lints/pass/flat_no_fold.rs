//! Correct `#[generator(no_fold)]` generators draw no warning: the bodies of `flat.rs` without
//! the fold copy, so the state machine alone is what rustc and clippy see. Compiled by
//! `tests/ui.rs` (`lints_pass`) and, under clippy, by `tests/lint_fixtures/check.sh`.
#![deny(warnings)]

use std::collections::HashMap;
use std::num::ParseIntError;

use gen_core::generator;

#[generator(no_fold)]
fn counter(limit: u32) -> impl Iterator<Item = u32> {
    let mut current = 0;
    while current < limit {
        yield_!(current);
        current += 1;
    }
}

#[generator(no_fold)]
fn reassigned_after_yield(limit: u32) -> impl Iterator<Item = u32> {
    let mut last = limit;
    yield_!(last);
    last = limit * 2;
    yield_!(last);
}

#[generator(no_fold)]
fn kept_across_yields(limit: u32) -> impl Iterator<Item = usize> {
    let label = String::from("label");
    yield_!(label.len());
    let mut seen = HashMap::new();
    for word in ["a", "bb", "a"] {
        *seen.entry(word).or_insert(0) += 1;
        yield_!(seen.len());
    }
    yield_!(label.len() + seen.len() + limit as usize);
}

#[generator(no_fold)]
fn loops_and_matches(words: Vec<&'static str>) -> impl Iterator<Item = usize> {
    let mut total = 0;
    'outer: for word in words {
        match word.len() {
            0 => continue,
            1 => yield_!(1),
            n if n > 8 => break 'outer,
            n => {
                total += n;
                if total > 20 {
                    continue 'outer;
                }
                yield_!(n);
            }
        }
    }
    if total == 0 {
        return;
    }
    yield_!(total);
}

#[generator(no_fold)]
fn parse_all(lines: Vec<&'static str>) -> impl Iterator<Item = Result<i64, ParseIntError>> {
    for line in lines {
        let value: i64 = line.trim().parse()?;
        yield_!(Ok(value));
    }
}

#[generator(no_fold)]
fn chained(parts: Vec<Vec<u8>>) -> impl Iterator<Item = u8> {
    for part in parts {
        yield_from!(part);
    }
    let mut tail = vec![7, 8];
    tail.push(9);
    yield_from!(tail);
}

#[generator(no_fold)]
fn shadowed(limit: u32) -> impl Iterator<Item = u32> {
    let value = limit;
    yield_!(value);
    let value = value + 1;
    yield_!(value);
    let (first, second) = (value, value * 2);
    yield_!(first + second);
}

#[derive(Debug)]
struct Numbers {
    values: Vec<u32>,
}

impl Numbers {
    #[generator(no_fold)]
    fn each(&self) -> impl Iterator<Item = u32> + '_ {
        for v in &self.values {
            yield_!(*v);
        }
    }
}

#[generator(no_fold)]
fn repeat<T: Clone>(value: T, times: usize) -> impl Iterator<Item = T> {
    for _ in 0..times {
        yield_!(value.clone());
    }
}

/// A job changed after a yield.
pub struct Job {
    pub id: u32,
}

// A pattern's `mut` that only the arm after the yield needs.
#[generator(no_fold)]
fn pattern_changed_after_a_yield(jobs: Vec<Job>) -> impl Iterator<Item = u32> {
    for mut job in jobs {
        yield_!(job.id);
        job.id += 10;
        yield_!(job.id);
    }
}

#[generator(no_fold)]
fn popped_and_changed_after_a_yield(mut jobs: Vec<Job>) -> impl Iterator<Item = u32> {
    while let Some(mut job) = jobs.pop() {
        yield_!(job.id);
        job.id *= 2;
        yield_!(job.id);
    }
}

pub fn main() {
    assert_eq!(
        pattern_changed_after_a_yield(vec![Job { id: 1 }]).collect::<Vec<_>>(),
        [1, 11]
    );
    assert_eq!(
        popped_and_changed_after_a_yield(vec![Job { id: 2 }]).collect::<Vec<_>>(),
        [2, 4]
    );
    assert_eq!(counter(3).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(reassigned_after_yield(5).collect::<Vec<_>>(), [5, 10]);
    assert_eq!(kept_across_yields(1).collect::<Vec<_>>(), [5, 1, 2, 2, 8]);
    let words = vec!["", "a", "bb", "ccc", "overlong words", "dd"];
    assert_eq!(loops_and_matches(words).collect::<Vec<_>>(), [1, 2, 3, 5]);
    assert_eq!(loops_and_matches(vec![]).count(), 0);
    let items: Vec<_> = parse_all(vec!["1", " 2 ", "x", "4"]).collect();
    assert!(matches!(items.as_slice(), [Ok(1), Ok(2), Err(_)]));
    assert_eq!(
        chained(vec![vec![1], vec![2, 3]]).collect::<Vec<_>>(),
        [1, 2, 3, 7, 8, 9]
    );
    assert_eq!(shadowed(1).collect::<Vec<_>>(), [1, 2, 6]);
    let numbers = Numbers { values: vec![1, 2] };
    assert_eq!(numbers.each().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(repeat("x", 2).collect::<Vec<_>>(), ["x", "x"]);
}

//! Correct flat generators draw no warning (`#![deny(warnings)]`): locals kept across yields,
//! a `mut` local assigned after a yield, loops, `match`, early `return;`, `?`, `yield_from!`,
//! shadowing, a method and a generic function. Compiled by `tests/ui.rs` (`lints_pass`) and,
//! under clippy, by `tests/lint_fixtures/check.sh`.
#![deny(warnings)]

use std::collections::HashMap;
use std::num::ParseIntError;

use gen_core::generator;

#[generator]
fn counter(limit: u32) -> impl Iterator<Item = u32> {
    let mut current = 0;
    while current < limit {
        yield_!(current);
        current += 1;
    }
}

#[generator]
fn reassigned_after_yield(limit: u32) -> impl Iterator<Item = u32> {
    let mut last = limit;
    yield_!(last);
    last = limit * 2;
    yield_!(last);
}

#[generator]
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

#[generator]
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

#[generator]
fn parse_all(lines: Vec<&'static str>) -> impl Iterator<Item = Result<i64, ParseIntError>> {
    for line in lines {
        let value: i64 = line.trim().parse()?;
        yield_!(Ok(value));
    }
}

#[generator]
fn chained(parts: Vec<Vec<u8>>) -> impl Iterator<Item = u8> {
    for part in parts {
        yield_from!(part);
    }
    let mut tail = vec![7, 8];
    tail.push(9);
    yield_from!(tail);
}

#[generator]
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
    #[generator]
    fn each(&self) -> impl Iterator<Item = u32> + '_ {
        for v in &self.values {
            yield_!(*v);
        }
    }
}

#[generator]
fn repeat<T: Clone>(value: T, times: usize) -> impl Iterator<Item = T> {
    for _ in 0..times {
        yield_!(value.clone());
    }
}

// A local `macro_rules!` used in one state and not in others draws no unused-macro warning.
#[generator]
fn local_macro(v: Vec<u32>) -> impl Iterator<Item = u32> {
    macro_rules! double {
        ($e:expr) => {
            $e * 2
        };
    }
    yield_!(0);
    for x in v {
        yield_!(double!(x));
    }
}

// `let .. else { return; }` draws no `clippy::question_mark` (the plain function, which
// returns `()`, cannot use `?` there either).
#[generator]
fn first_and_rest(v: Vec<u32>) -> impl Iterator<Item = u32> {
    let mut it = v.into_iter();
    let Some(first) = it.next() else {
        return;
    };
    for x in it {
        yield_!(x + first);
    }
}

const WIDTH: usize = 2;

// Inline `const` repeat lengths, kept across a yield: no `const_evaluatable_unchecked` (the
// generator's code runs in a closure, where rustc would take the length for a generic one)
// and no `unused_braces`.
#[generator]
fn inline_const_lengths() -> impl Iterator<Item = usize> {
    let row = [0u8; const { WIDTH + 1 }];
    let cols: [u8; const { WIDTH }] = [1; const { WIDTH }];
    let one = [2u8; const { 1 }];
    yield_!(row.len());
    yield_!(row.len() + cols.len() + one.len());
}

pub fn main() {
    assert_eq!(inline_const_lengths().collect::<Vec<_>>(), [3, 6]);
    assert_eq!(first_and_rest(vec![1, 2]).collect::<Vec<_>>(), [3]);
    assert_eq!(counter(3).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(local_macro(vec![1, 2]).collect::<Vec<_>>(), [0, 2, 4]);
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

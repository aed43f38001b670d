//! Section 5, "Using an iterator": `iter(numbers)` then `next(it)` until `StopIteration`.
//!
//! In Rust `into_iter()` plays `iter()`, `Iterator::next` plays `next()`, and the end is the
//! value `None` rather than an exception. A generator answers the same protocol.

use gen_core::generator;

use crate::{Transcript, say};

/// Calls `next` by hand one more time than there are elements: `[Some(1), Some(2), Some(3),
/// None]` for `vec![1, 2, 3]`.
pub fn next_by_hand(numbers: Vec<i32>) -> Vec<Option<i32>> {
    let mut it = numbers.into_iter();
    let mut calls = Vec::new();
    for _ in 0..4 {
        calls.push(it.next());
    }
    calls
}

/// The same three numbers from a generator instead of a `Vec`.
#[generator]
pub fn one_two_three() -> impl Iterator<Item = i32> {
    yield_!(1);
    yield_!(2);
    yield_!(3);
}

/// Runs the section.
pub fn demo(t: &mut Transcript) {
    let numbers = vec![1, 2, 3];
    say!(t, "let mut it = vec!{numbers:?}.into_iter();");
    for (n, value) in next_by_hand(numbers).into_iter().enumerate() {
        let note = if value.is_none() {
            "   <- exhausted: None is Rust's StopIteration"
        } else {
            ""
        };
        say!(t, "it.next() #{} = {value:?}{note}", n + 1);
    }
    let mut generated = one_two_three();
    let calls: Vec<_> = (0..4).map(|_| generated.next()).collect();
    say!(t, "a generator answers the same protocol: {calls:?}");
    say!(t, "and stays exhausted: next() = {:?}", generated.next());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_returns_each_value_then_none() {
        assert_eq!(
            next_by_hand(vec![1, 2, 3]),
            [Some(1), Some(2), Some(3), None]
        );
    }

    #[test]
    fn generator_follows_the_same_protocol_and_is_fused() {
        let mut it = one_two_three();
        assert_eq!(it.next(), Some(1));
        assert_eq!(it.next(), Some(2));
        assert_eq!(it.next(), Some(3));
        assert_eq!(it.next(), None);
        assert_eq!(it.next(), None);
    }

    #[test]
    fn demo_shows_the_calls() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("it.next() #3 = Some(3)"));
        assert!(t.contains("it.next() #4 = None"));
        assert!(t.contains("[Some(1), Some(2), Some(3), None]"));
    }
}

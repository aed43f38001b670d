//! Section 13, "Iterator vs generator vs comprehension", with the same sequence (squares)
//! written three ways.
//!
//! - An iterator struct when the state is complex or the iterator is reused: a struct can
//!   also implement `DoubleEndedIterator`, `ExactSizeIterator` and `Clone`.
//! - A generator for sequential logic: the default.
//! - `collect` (Python's list comprehension) when all the values are needed now.

use gen_core::generator;

use crate::{Transcript, say};

/// Squares of `start..end`, by hand, walkable from both ends.
#[derive(Debug, Clone)]
pub struct Squares {
    start: u64,
    end: u64,
}

impl Squares {
    /// Squares of `range`.
    pub fn new(range: std::ops::Range<u64>) -> Self {
        Self {
            start: range.start,
            end: range.end.max(range.start),
        }
    }
}

impl Iterator for Squares {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        (self.start < self.end).then(|| {
            self.start += 1;
            (self.start - 1).pow(2)
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.end - self.start) as usize;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Squares {
    fn next_back(&mut self) -> Option<u64> {
        (self.start < self.end).then(|| {
            self.end -= 1;
            self.end.pow(2)
        })
    }
}

impl ExactSizeIterator for Squares {}

/// Squares of `start..end`, as a generator.
#[generator]
pub fn squares(start: u64, end: u64) -> impl Iterator<Item = u64> {
    for n in start..end {
        yield_!(n * n);
    }
}

/// Squares of `start..end`, all now.
pub fn squares_vec(start: u64, end: u64) -> Vec<u64> {
    (start..end).map(|n| n * n).collect()
}

/// Runs the section.
pub fn demo(t: &mut Transcript) {
    let by_struct: Vec<u64> = Squares::new(1..6).collect();
    let by_generator: Vec<u64> = squares(1, 6).collect();
    let by_collect = squares_vec(1, 6);
    say!(t, "struct    Squares::new(1..6) = {by_struct:?}");
    say!(t, "generator squares(1, 6)      = {by_generator:?}");
    say!(t, "collect   squares_vec(1, 6)  = {by_collect:?}");
    let back: Vec<u64> = Squares::new(1..6).rev().collect();
    say!(
        t,
        "only the struct can .rev() ({back:?}) and .len() ({})",
        Squares::new(1..6).len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_ways_agree() {
        for end in 0..12 {
            let expected = squares_vec(2, end);
            assert_eq!(Squares::new(2..end).collect::<Vec<_>>(), expected);
            assert_eq!(squares(2, end).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn the_struct_has_extra_powers() {
        let mut s = Squares::new(0..4);
        assert_eq!(s.len(), 4);
        assert_eq!(s.next_back(), Some(9));
        assert_eq!(s.next(), Some(0));
        assert_eq!(s.clone().collect::<Vec<_>>(), [1, 4]);
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("squares(1, 6)      = [1, 4, 9, 16, 25]"));
        assert!(t.contains(".rev() ([25, 16, 9, 4, 1]) and .len() (5)"));
    }
}

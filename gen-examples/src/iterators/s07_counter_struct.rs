//! Section 7, "Writing your own iterator (manual)": the `Counter` class as a struct.
//!
//! Python's `__iter__` returning `self` is free in Rust: every `Iterator` is also an
//! `IntoIterator` for itself. `__next__` raising `StopIteration` is `next` returning `None`.
//! Compare with the four-line generator of [`super::s09_counter_generator`].

use crate::{Transcript, say};

/// Counts from 0 up to (not including) `limit`, by hand.
#[derive(Debug, Clone)]
pub struct Counter {
    limit: u32,
    current: u32,
}

impl Counter {
    /// A counter that yields `0..limit`.
    pub fn new(limit: u32) -> Self {
        Self { limit, current: 0 }
    }
}

impl Iterator for Counter {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.current >= self.limit {
            return None;
        }
        let value = self.current;
        self.current += 1;
        Some(value)
    }
}

/// Runs the section.
pub fn demo(t: &mut Transcript) {
    say!(t, "for n in Counter::new(3):");
    for n in Counter::new(3) {
        say!(t, "{n}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_to_the_limit() {
        assert_eq!(Counter::new(3).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(Counter::new(0).next(), None);
    }

    #[test]
    fn stays_exhausted() {
        let mut c = Counter::new(1);
        assert_eq!(c.next(), Some(0));
        assert_eq!(c.next(), None);
        assert_eq!(c.next(), None);
    }

    #[test]
    fn demo_prints_0_1_2() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert_eq!(t.lines()[1..], ["0", "1", "2"]);
    }
}

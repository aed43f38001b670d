//! Section 9, "Generators are iterators": the `Counter` of section 7 as a generator.
//!
//! The function keeps its signature; `#[generator]` turns the body into a state machine that
//! implements `Iterator` (and `FusedIterator`), as fast as the hand-written struct.

use std::iter::FusedIterator;

use gen_core::generator;

use crate::{Transcript, say};

use super::s07_counter_struct::Counter;

/// Counts from 0 up to (not including) `limit`.
#[generator]
pub fn counter(limit: u32) -> impl Iterator<Item = u32> {
    let mut current = 0;
    while current < limit {
        yield_!(current);
        current += 1;
    }
}

fn assert_fused<I: FusedIterator>(it: I) -> I {
    it
}

/// Runs the section.
pub fn demo(t: &mut Transcript) {
    let generated: Vec<u32> = counter(3).collect();
    let manual: Vec<u32> = Counter::new(3).collect();
    say!(t, "counter(3) (generator, 5 lines) = {generated:?}");
    say!(t, "Counter::new(3) (struct, 20 lines) = {manual:?}");
    let sum: u32 = assert_fused(counter(101)).sum();
    say!(
        t,
        "counter(101).sum() = {sum}; the generator is a FusedIterator too"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_hand_written_counter() {
        for limit in 0..20 {
            assert!(counter(limit).eq(Counter::new(limit)), "limit {limit}");
        }
    }

    #[test]
    fn is_lazy_and_resumable() {
        let mut it = counter(u32::MAX);
        assert_eq!(it.next(), Some(0));
        assert_eq!(it.nth(9), Some(10));
    }

    #[test]
    fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("counter(3) (generator, 5 lines) = [0, 1, 2]"));
        assert!(t.contains("counter(101).sum() = 5050"));
    }
}

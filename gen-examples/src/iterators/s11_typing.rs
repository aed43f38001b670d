//! Section 11, "Typing iterators": return `impl Iterator`, accept `impl IntoIterator`.
//!
//! The Python rule "accept `Iterable`, return `Iterator`" maps one to one: [`sum_all`] takes
//! anything iterable (a `Vec`, an array, a set, a range, a generator), and [`generate_ids`]
//! promises only `impl Iterator<Item = i64>`, so its body can change freely.

use std::collections::BTreeSet;

use gen_core::generator;

use crate::{Transcript, say};

/// `count` ids from `first` on, skipping the ones `reserved` holds.
#[generator]
pub fn generate_ids(first: i64, count: usize, reserved: &[i64]) -> impl Iterator<Item = i64> {
    let mut id = first;
    let mut produced = 0;
    while produced < count {
        if !reserved.contains(&id) {
            yield_!(id);
            produced += 1;
        }
        id += 1;
    }
}

/// Sums anything iterable over `i64`.
pub fn sum_all(values: impl IntoIterator<Item = i64>) -> i64 {
    values.into_iter().sum()
}

/// Runs the section.
pub fn demo(t: &mut Transcript) {
    let ids: Vec<i64> = generate_ids(100, 5, &[102, 103]).collect();
    say!(t, "generate_ids(100, 5, reserved [102, 103]) = {ids:?}");
    say!(t, "sum_all(Vec)       = {}", sum_all(vec![1, 2, 3]));
    say!(t, "sum_all([i64; 3])  = {}", sum_all([10, 20, 30]));
    say!(
        t,
        "sum_all(BTreeSet)  = {}",
        sum_all(BTreeSet::from([5, 5, 6]))
    );
    say!(t, "sum_all(1..=100)   = {}", sum_all(1..=100));
    say!(
        t,
        "sum_all(generator) = {}",
        sum_all(generate_ids(100, 5, &[102, 103]))
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_skip_reserved_ones() {
        assert_eq!(generate_ids(1, 4, &[2]).collect::<Vec<_>>(), [1, 3, 4, 5]);
        assert_eq!(generate_ids(1, 0, &[]).count(), 0);
    }

    #[test]
    fn sum_all_accepts_any_iterable() {
        assert_eq!(sum_all(vec![1, 2, 3]), 6);
        assert_eq!(sum_all([4, 5]), 9);
        assert_eq!(sum_all(BTreeSet::from([7, 7])), 7);
        assert_eq!(sum_all(generate_ids(10, 3, &[11])), 10 + 12 + 13);
        assert_eq!(sum_all(std::iter::empty()), 0);
    }

    #[test]
    fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("= [100, 101, 104, 105, 106]"));
        assert!(t.contains("sum_all(generator) = 516"));
    }
}

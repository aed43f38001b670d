//! Section 10, "Iterator exhaustion": a consumed iterator stays empty; the fix is an
//! *iterable* that makes a fresh iterator each time.
//!
//! In Rust the iterable is a type with `impl IntoIterator for &T`. Here
//! [`Readings::iter`] is a generator method and `&Readings` hands it out, so
//! `for r in &readings` can run any number of times. Stable Rust cannot name a generator's
//! type in an associated type (`type IntoIter = impl Iterator` is unstable), so the
//! `IntoIterator` impl boxes it; [`Reiterable`] shows the zero-cost alternative, which names
//! the type through a generic parameter instead.

use gen_core::generator;

use crate::{Transcript, say};

/// `list(it)` twice on the same iterator: the second is empty.
pub fn collect_twice<I: Iterator>(mut it: I) -> (Vec<I::Item>, Vec<I::Item>) {
    let first = it.by_ref().collect();
    let second = it.collect();
    (first, second)
}

/// Sensor readings, iterable any number of times.
#[derive(Debug, Clone)]
pub struct Readings {
    raw: Vec<i64>,
}

impl Readings {
    /// Wraps raw readings.
    pub fn new(raw: Vec<i64>) -> Self {
        Self { raw }
    }

    /// A fresh generator over the readings, skipping the sensor's error marker (`-1`).
    #[generator]
    pub fn iter(&self) -> impl Iterator<Item = i64> + '_ {
        for &r in &self.raw {
            if r != -1 {
                yield_!(r);
            }
        }
    }
}

impl<'a> IntoIterator for &'a Readings {
    type Item = i64;
    type IntoIter = Box<dyn Iterator<Item = i64> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// An iterable built from a function that returns a fresh iterator (a generator call).
///
/// `IntoIterator for &Reiterable<F>` names the iterator type as the generic `I`, so nothing
/// is boxed.
#[derive(Debug, Clone, Copy)]
pub struct Reiterable<F>(pub F);

impl<F, I> IntoIterator for &Reiterable<F>
where
    F: Fn() -> I,
    I: Iterator,
{
    type Item = I::Item;
    type IntoIter = I;

    fn into_iter(self) -> I {
        (self.0)()
    }
}

/// Even numbers below `limit`.
#[generator]
pub fn evens_below(limit: u32) -> impl Iterator<Item = u32> {
    let mut n = 0;
    while n < limit {
        yield_!(n);
        n += 2;
    }
}

/// Runs the section.
pub fn demo(t: &mut Transcript) {
    let (first, second) = collect_twice(vec![1, 2, 3].into_iter());
    say!(
        t,
        "vec iterator, collected twice: {first:?} then {second:?}"
    );
    let (first, second) = collect_twice(evens_below(7));
    say!(
        t,
        "generator, collected twice:    {first:?} then {second:?}"
    );

    let readings = Readings::new(vec![20, -1, 21, 23]);
    let a: Vec<i64> = (&readings).into_iter().collect();
    let b: i64 = (&readings).into_iter().sum();
    say!(t, "fix: iterate &readings twice -> {a:?}, then sum = {b}");
    let evens = Reiterable(|| evens_below(7));
    let once: Vec<u32> = evens.into_iter().collect();
    let twice: Vec<u32> = evens.into_iter().collect();
    say!(
        t,
        "Reiterable(|| evens_below(7)) twice -> {once:?} {twice:?}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_consumed_iterator_stays_empty() {
        assert_eq!(
            collect_twice(vec![1, 2, 3].into_iter()),
            (vec![1, 2, 3], vec![])
        );
        assert_eq!(collect_twice(evens_below(5)), (vec![0, 2, 4], vec![]));
    }

    #[test]
    fn an_iterable_makes_a_fresh_generator_each_time() {
        let readings = Readings::new(vec![5, -1, 7]);
        let mut runs = Vec::new();
        for _ in 0..3 {
            let mut run = Vec::new();
            for r in &readings {
                run.push(r);
            }
            runs.push(run);
        }
        assert_eq!(runs, [[5, 7], [5, 7], [5, 7]]);
    }

    #[test]
    fn reiterable_is_reusable() {
        let evens = Reiterable(|| evens_below(5));
        let sum: u32 = evens.into_iter().sum();
        let max = evens.into_iter().max();
        assert_eq!((sum, max), (6, Some(4)));
    }

    #[test]
    fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("generator, collected twice:    [0, 2, 4, 6] then []"));
        assert!(t.contains("-> [20, 21, 23], then sum = 64"));
    }
}

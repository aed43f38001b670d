//! Types of the user's with methods named like std ones, shared by
//! `flat_methods_named_like_std.rs` and `flat_results_of_methods_named_like_std.rs`: statistics
//! whose `count`, `max` and `sum` take `&self`, and a pool whose `get` and `peek` return values.

use gen_tests::Noisy;

/// Statistics with a visible `Drop` and `&self` methods named like consuming std methods.
#[derive(Debug)]
pub struct Stats {
    pub seen: Vec<u32>,
    pub _noisy: Noisy,
}

impl Stats {
    pub fn new(name: &str, seen: Vec<u32>) -> Stats {
        Stats {
            seen,
            _noisy: Noisy::new(name),
        }
    }

    pub fn count(&self) -> usize {
        self.seen.len()
    }

    pub fn max(&self) -> u32 {
        self.seen.iter().copied().max().unwrap_or(0)
    }

    pub fn sum(&self) -> u32 {
        self.seen.iter().sum()
    }
}

/// A pool whose `get` and `peek` hand out owned values with a visible `Drop`.
#[derive(Debug)]
pub struct Pool(pub &'static str);

impl Pool {
    pub fn get(&self) -> Noisy {
        Noisy::new(format!("{} conn", self.0))
    }

    pub fn peek(&self, n: u32) -> Stats {
        Stats::new(self.0, (0..n).collect())
    }
}

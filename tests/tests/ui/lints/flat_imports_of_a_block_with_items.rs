//! The `use`s of a nested block that declares items, in a loop that yields: one that only
//! the block's function uses draws no warning (the item sees the block's imports, as in the
//! plain function); one that nothing uses is reported once, on the user's `use`.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn tallies(n: u32) -> impl Iterator<Item = usize> {
    for i in 0..n {
        use std::collections::HashMap;
        use std::collections::VecDeque;
        fn tally(s: &str) -> HashMap<char, usize> {
            let mut m = HashMap::new();
            for c in s.chars() {
                *m.entry(c).or_insert(0) += 1;
            }
            m
        }
        yield_!(tally(&"ab".repeat(i as usize)).len());
    }
}

fn main() {}

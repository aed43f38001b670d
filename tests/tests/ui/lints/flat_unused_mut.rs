//! A needless `mut` is reported inside a flat generator, also on a local kept across a yield.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn before_yield(limit: u32) -> impl Iterator<Item = u32> {
    let mut doubled = limit * 2;
    yield_!(doubled);
}

#[generator]
fn across_yield(limit: u32) -> impl Iterator<Item = u32> {
    let mut base = limit * 2;
    yield_!(base);
    yield_!(base + 1);
}

// The receiver of a method whose argument yields is evaluated into a hidden local first: a
// needless `mut` inside that receiver is still the user's to hear about.
#[generator]
fn in_a_receiver_evaluated_before_a_yield(limit: u32) -> impl Iterator<Item = u32> {
    {
        let mut fresh: Vec<()> = Vec::new();
        fresh
    }
    .push(yield_!(limit));
    yield_!(limit + 1);
}

fn main() {
    let _ = before_yield(3).count()
        + across_yield(1).count()
        + in_a_receiver_evaluated_before_a_yield(2).count();
}

/// A job whose id a method reads by reference.
pub struct Job {
    pub id: u32,
}

impl Job {
    pub fn describe(&self) -> u32 {
        self.id
    }
}

// A pattern's needless `mut` on a binding kept across a yield, read by a method the macro
// does not know (which might take `&mut self`): still the user's to hear about, once.
#[generator]
fn pattern_binding_kept_across_a_yield(jobs: Vec<Job>) -> impl Iterator<Item = u32> {
    for mut job in jobs {
        yield_!(job.id);
        yield_!(job.describe());
    }
}

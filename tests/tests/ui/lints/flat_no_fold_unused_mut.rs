//! A needless `mut` is reported inside a `#[generator(no_fold)]` flat generator (no fold copy:
//! the state machine alone), also on a local kept across a yield.
#![deny(warnings)]

use gen_core::generator;

#[generator(no_fold)]
fn before_yield(limit: u32) -> impl Iterator<Item = u32> {
    let mut doubled = limit * 2;
    yield_!(doubled);
}

#[generator(no_fold)]
fn across_yield(limit: u32) -> impl Iterator<Item = u32> {
    let mut base = limit * 2;
    yield_!(base);
    yield_!(base + 1);
}

fn main() {
    let _ = before_yield(3).count() + across_yield(1).count();
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

// Without the `fold` copy too: the pattern keeps the user's `mut` for rustc to judge.
#[generator(no_fold)]
fn pattern_binding_kept_across_a_yield(jobs: Vec<Job>) -> impl Iterator<Item = u32> {
    for mut job in jobs {
        yield_!(job.id);
        yield_!(job.describe());
    }
}

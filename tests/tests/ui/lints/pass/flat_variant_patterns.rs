//! Enum variant patterns that leave fields in the matched value (`..`, `_`), in a `match`, an
//! `if let`, a `while let`, a `let .. else` and a `let` chain, with the value kept across
//! yields: the checks the macro adds for the copied bindings draw no warning, rustc's or
//! clippy's (`#![deny(warnings)]`), and each generator yields what the plain code computes.
#![deny(warnings)]

use std::sync::mpsc::{Sender, channel};

use gen_core::generator;

pub enum Job {
    Run { id: u32, done: Sender<u32> },
    Skip(u32, Sender<u32>),
    Stop,
}

#[generator]
fn ids_match(jobs: Vec<Job>) -> impl Iterator<Item = u32> {
    for job in jobs {
        match job {
            Job::Run { id, .. } => yield_!(id),
            Job::Skip(id, _) => yield_!(id + 100),
            Job::Stop => break,
        }
        yield_!(0);
    }
}

#[generator]
fn ids_if_let(jobs: Vec<Job>) -> impl Iterator<Item = u32> {
    for job in jobs {
        if let Job::Run { id, .. } = job {
            yield_!(id);
        } else if let Job::Skip(id, _) = job {
            yield_!(id + 100);
        }
        yield_!(0);
    }
}

#[generator]
fn ids_while_let(first: Job, mut rest: Vec<Job>) -> impl Iterator<Item = u32> {
    let mut job = first;
    while let Job::Run { id, done: _ } = job {
        yield_!(id);
        job = rest.pop().unwrap_or(Job::Stop);
    }
}

#[generator]
fn ids_let_else(jobs: Vec<Job>, verbose: bool) -> impl Iterator<Item = u32> {
    for job in jobs {
        let Job::Skip(id, _) = job else { continue };
        if verbose && let Job::Skip(again, _) = job && again > 1 {
            yield_!(again * 10);
        }
        yield_!(id);
    }
}

fn jobs(done: &Sender<u32>) -> Vec<Job> {
    vec![
        Job::Run { id: 1, done: done.clone() },
        Job::Skip(2, done.clone()),
        Job::Stop,
        Job::Run { id: 3, done: done.clone() },
    ]
}

pub fn main() {
    let (done, _results) = channel();
    assert_eq!(ids_match(jobs(&done)).collect::<Vec<_>>(), [1, 0, 102, 0]);
    assert_eq!(ids_if_let(jobs(&done)).collect::<Vec<_>>(), [1, 0, 102, 0, 0, 3, 0]);
    let first = Job::Run { id: 7, done: done.clone() };
    assert_eq!(ids_while_let(first, jobs(&done)).collect::<Vec<_>>(), [7, 3]);
    assert_eq!(ids_let_else(jobs(&done), true).collect::<Vec<_>>(), [20, 2]);
}

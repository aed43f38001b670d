//! A `for` loop whose iterator borrows a temporary of its head (a lock's guard, a `RefCell`
//! borrow, a formatted string) and whose body yields: the plain function keeps the temporary
//! until the loop ends, a flat generator cannot. So does a `yield_from!` of such an iterator.
use std::cell::RefCell;
use std::sync::Mutex;

use gen_core::generator;

#[generator]
fn drain_jobs(queue: &Mutex<Vec<String>>) -> impl Iterator<Item = String> + '_ {
    for job in queue.lock().unwrap().drain(..) {
        yield_!(job);
    }
}

struct Board {
    items: RefCell<Vec<u32>>,
}

impl Board {
    #[generator]
    fn doubled(&self) -> impl Iterator<Item = u32> + '_ {
        for x in self.items.borrow().iter() {
            yield_!(x * 2);
        }
    }
}

#[generator]
fn letters(n: u32) -> impl Iterator<Item = char> {
    for c in format!("{n}").chars() {
        yield_!(c);
    }
}

#[generator]
fn listed(n: u32) -> impl Iterator<Item = u32> {
    for x in &vec![n, n + 1] {
        yield_!(*x);
    }
}

struct Items {
    items: Vec<u32>,
}

#[generator]
fn through_a_field(s: &RefCell<Items>) -> impl Iterator<Item = u32> + '_ {
    for x in s.borrow().items.iter() {
        yield_!(*x);
    }
}

#[generator]
fn yielded_from(n: u32) -> impl Iterator<Item = u32> {
    yield_from!(vec![n, n + 1].iter().copied());
}

#[generator]
fn yielded_from_a_lock(queue: &Mutex<Vec<String>>) -> impl Iterator<Item = String> + '_ {
    yield_from!(queue.lock().unwrap().drain(..));
}

fn main() {
    let _ = yielded_from;
    let _ = yielded_from_a_lock;
    let _ = through_a_field;
    let _ = listed;
    let _ = drain_jobs;
    let _ = Board::doubled;
    let _ = letters;
}

//! A `#[generator(boxed)]` body that holds a lock's or a `RefCell`'s guard across its yields
//! draws no clippy warning about values held across an await: the body has no `.await`, as
//! the plain function has none. Compiled by `tests/ui.rs` (`lints_pass`) and, under clippy,
//! by `tests/lint_fixtures/check.sh`.
#![deny(warnings)]

use std::cell::RefCell;
use std::sync::Mutex;

use gen_core::generator;

#[generator(boxed)]
pub fn drain_cell(queue: &RefCell<Vec<String>>) -> impl Iterator<Item = String> + '_ {
    for job in queue.borrow_mut().drain(..) {
        yield_!(job);
    }
}

#[generator(boxed)]
pub fn drain_lock(queue: &Mutex<Vec<String>>) -> impl Iterator<Item = String> + '_ {
    let mut guard = queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for job in guard.drain(..) {
        yield_!(job);
    }
}

pub fn main() {
    let cell = RefCell::new(vec![String::from("a")]);
    assert_eq!(drain_cell(&cell).count(), 1);
    let lock = Mutex::new(vec![String::from("b"), String::from("c")]);
    assert_eq!(drain_lock(&lock).collect::<Vec<_>>(), ["b", "c"]);
}

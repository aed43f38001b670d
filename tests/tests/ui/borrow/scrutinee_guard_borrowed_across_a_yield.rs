//! A binding that borrows the guard a scrutinee takes (`cache.borrow()`), still used after a
//! yield in the arm: the plain function keeps the guard until the `match` (the `if let`,
//! the `while let` iteration) ends; a flat generator keeps the guard, but not a borrow of it.
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Mutex;

use gen_core::generator;

#[generator]
fn lookup<'a>(
    cache: &'a RefCell<HashMap<u32, String>>,
    key: u32,
) -> impl Iterator<Item = String> + 'a {
    match cache.borrow().get(&key) {
        Some(name) => {
            yield_!(name.clone());
            yield_!(name.to_uppercase());
        }
        None => {}
    }
}

#[generator]
fn newest(log: &Mutex<Vec<String>>) -> impl Iterator<Item = usize> + '_ {
    if let Some(line) = log.lock().unwrap().first() {
        yield_!(line.len());
        yield_!(line.len() + 1);
    }
}

// The fix the message names: an owned copy out of the guard.
#[generator]
fn lookup_owned<'a>(
    cache: &'a RefCell<HashMap<u32, String>>,
    key: u32,
) -> impl Iterator<Item = String> + 'a {
    match cache.borrow().get(&key).cloned() {
        Some(name) => {
            yield_!(name.clone());
            yield_!(name.to_uppercase());
        }
        None => {}
    }
}

fn main() {
    let _ = lookup;
    let _ = newest;
    let _ = lookup_owned;
}

// A lock's or a `RefCell`'s guard lives to the end of its block, whatever its name, as in
// the plain function: a guard of the generator's own `Mutex` (or `RefCell`, or an owned
// `Arc<Mutex<_>>` argument) in scope at a yield would keep a borrow of that local in the
// state, which is the macro's error naming the fixes (it is not released at its last use).
use std::cell::RefCell;
use std::sync::{Arc, Mutex};

use gen_core::generator;

#[generator]
fn locked() -> impl Iterator<Item = bool> {
    let m = Mutex::new(0u32);
    let g = m.lock().unwrap();
    let v = *g;
    yield_!(v == 0);
    yield_!(m.try_lock().is_err());
}

#[generator]
fn bump(m: Arc<Mutex<u32>>) -> impl Iterator<Item = u32> {
    let mut guard = m.lock().unwrap();
    *guard += 1;
    let now = *guard;
    yield_!(now);
}

#[generator]
fn counted() -> impl Iterator<Item = u32> {
    let cell = RefCell::new(vec![1u32, 2]);
    let items = cell.borrow();
    let first = items[0];
    yield_!(first);
}

// (A `lock()` of a value of the user's type, `door.lock()`, may be a method of the user's
// that returns data: that body lowers `boxed`, see `flat_results_of_methods_named_like_std.rs`.)

fn main() {}

// A lock guard of the generator's own mutex, held to the end of its block across a yield:
// the guard borrows the mutex, which a flat generator cannot keep; the error names the fixes.
use std::sync::Mutex;

use gen_core::generator;

#[generator]
fn under_lock(m: Mutex<u32>) -> impl Iterator<Item = u32> {
    let _lock = m.lock().unwrap();
    yield_!(1);
    yield_!(2);
}

// A fix: the mutex by reference.
#[generator]
fn under_borrowed_lock<'a>(m: &'a Mutex<u32>) -> impl Iterator<Item = u32> + 'a {
    let _lock = m.lock().unwrap();
    yield_!(1);
    yield_!(2);
}

fn main() {}

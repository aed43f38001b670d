// A loop over a lock guard's contents borrows the guard, a local: the fix named copies the
// data out of the guard (`for x in guard` does not iterate a guard).
use std::sync::Mutex;

use gen_core::generator;

#[generator]
fn names(m: &'static Mutex<Vec<String>>) -> impl Iterator<Item = String> {
    let guard = m.lock().unwrap();
    for s in guard.iter() {
        yield_!(s.clone());
    }
}

// The fix, which compiles.
#[generator]
fn names_copied(m: &'static Mutex<Vec<String>>) -> impl Iterator<Item = String> {
    let guard = m.lock().unwrap();
    let items = guard.clone();
    for s in items {
        yield_!(s);
    }
    drop(guard);
}

fn main() {}

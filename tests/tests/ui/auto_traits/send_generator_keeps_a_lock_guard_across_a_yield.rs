// A generator declared `+ Send` keeps a `MutexGuard` across a yield: the macro's check names
// the local, and proposes no borrow of it (a `&MutexGuard<u32>` would be `Send`; taking one
// is no fix).
use std::sync::Mutex;

use gen_core::generator;

#[generator]
fn locked(m: &Mutex<u32>) -> impl Iterator<Item = u32> + Send + '_ {
    let g = m.lock().unwrap();
    yield_!(*g);
    yield_!(*g + 1);
}

fn main() {
    let _ = locked;
}

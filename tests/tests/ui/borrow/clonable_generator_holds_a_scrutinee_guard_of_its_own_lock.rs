// A `while let` (or `match`) whose scrutinee reads through a guard of the generator's own
// lock (an owned `Arc<Mutex<_>>` argument) and whose body yields: Rust keeps the guard until
// the construct ends, which a flat state cannot (it would borrow the lock beside it), and a
// generator declared `+ Clone` cannot be lowered `boxed`. The macro's error on the guard,
// naming the fix (read the value out with a `let` first), which compiles below.
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use gen_core::generator;

type Queue = Arc<Mutex<VecDeque<u32>>>;

#[generator]
pub fn jobs(queue: Queue) -> impl Iterator<Item = u32> + Clone {
    while let Some(job) = queue.lock().unwrap().pop_front() {
        yield_!(job);
    }
}

#[generator]
pub fn jobs_fixed(queue: Queue) -> impl Iterator<Item = u32> + Clone {
    loop {
        let next = queue.lock().unwrap().pop_front();
        let Some(job) = next else { break };
        yield_!(job);
    }
}

fn main() {}

// A loop over a local map's `drain()` across yields: the fix the error names takes the map's
// items out (`mem::take`), with no range a map's `drain` does not take.
use std::collections::HashMap;

use gen_core::generator;

#[generator]
fn pairs(n: u32) -> impl Iterator<Item = (u32, u32)> {
    let mut m: HashMap<u32, u32> = (0..n).map(|i| (i, i * i)).collect();
    for (k, v) in m.drain() {
        yield_!((k, v));
    }
    yield_!((m.len() as u32, 0));
}

fn main() {
    let _ = pairs(3).count();
}

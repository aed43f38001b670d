//! A value assigned after a yield and never read is reported (`unused_assignments`) inside a
//! flat generator, and the `mut` that assignment needs is not called needless.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn dead_store(limit: u32) -> impl Iterator<Item = u32> {
    let mut last = limit;
    yield_!(last);
    last = limit * 2;
}

fn main() {
    let _ = dead_store(3).count();
}

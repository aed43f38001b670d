//! A value assigned after a yield and never read is reported (`unused_assignments`) inside a
//! flat generator, and the `mut` that assignment needs is not called needless. An initial
//! value overwritten after a yield before any read is reported the same way, and nothing
//! else: the variable is used (not "unused") and its `mut` is needed.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn dead_store(limit: u32) -> impl Iterator<Item = u32> {
    let mut last = limit;
    yield_!(last);
    last = limit * 2;
}

#[generator]
fn dead_initial_value(limit: u32) -> impl Iterator<Item = u32> {
    let mut depth = 0u32;
    yield_!(0);
    depth = limit;
    yield_!(depth);
}

fn main() {
    let _ = dead_store(3).count();
    let _ = dead_initial_value(3).count();
}

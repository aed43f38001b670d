//! A needless `mut` on a parameter is reported on a flat generator, as on a plain function.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn numbers(mut limit: u32) -> impl Iterator<Item = u32> {
    yield_!(limit);
}

fn main() {
    let _ = numbers(3).count();
}

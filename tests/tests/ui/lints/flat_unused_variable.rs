//! An unused local is reported inside a flat generator: one that ends before the first
//! yield, and one (with drop glue) that would live across a yield.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn before_yield(limit: u32) -> impl Iterator<Item = u32> {
    let doubled = limit * 2;
    for i in 0..limit {
        yield_!(i);
    }
}

#[generator]
fn across_yield(limit: u32) -> impl Iterator<Item = u32> {
    let label = String::from("numbers");
    yield_!(limit);
    yield_!(limit + 1);
}

fn main() {
    let _ = before_yield(3).count() + across_yield(1).count();
}

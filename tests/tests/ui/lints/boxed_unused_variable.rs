//! An unused local is reported inside a `#[generator(boxed)]` generator.
#![deny(warnings)]

use gen_core::generator;

#[generator(boxed)]
fn before_yield(limit: u32) -> impl Iterator<Item = u32> {
    let doubled = limit * 2;
    for i in 0..limit {
        yield_!(i);
    }
}

#[generator(boxed)]
fn across_yield(limit: u32) -> impl Iterator<Item = u32> {
    let label = String::from("numbers");
    yield_!(limit);
    yield_!(limit + 1);
}

fn main() {
    let _ = before_yield(3).count() + across_yield(1).count();
}

//! A needless `mut` is reported inside a `#[generator(boxed)]` generator.
#![deny(warnings)]

use gen_core::generator;

#[generator(boxed)]
fn before_yield(limit: u32) -> impl Iterator<Item = u32> {
    let mut doubled = limit * 2;
    yield_!(doubled);
}

#[generator(boxed)]
fn across_yield(limit: u32) -> impl Iterator<Item = u32> {
    let mut base = limit * 2;
    yield_!(base);
    yield_!(base + 1);
}

fn main() {
    let _ = before_yield(3).count() + across_yield(1).count();
}

//! A needless `mut` is reported inside an async (`impl Stream`) generator.
#![deny(warnings)]

use futures::Stream;
use gen_core::generator;

#[generator]
fn before_yield(limit: u32) -> impl Stream<Item = u32> {
    let mut doubled = limit * 2;
    yield_!(doubled);
}

#[generator]
fn across_yield(limit: u32) -> impl Stream<Item = u32> {
    let mut base = limit * 2;
    yield_!(base);
    std::future::ready(()).await;
    yield_!(base + 1);
}

fn main() {
    let _ = (before_yield(3), across_yield(1));
}

//! An unused local is reported inside an async (`impl Stream`) generator.
#![deny(warnings)]

use futures::Stream;
use gen_core::generator;

#[generator]
fn before_yield(limit: u32) -> impl Stream<Item = u32> {
    let doubled = limit * 2;
    for i in 0..limit {
        std::future::ready(()).await;
        yield_!(i);
    }
}

#[generator]
fn across_yield(limit: u32) -> impl Stream<Item = u32> {
    let label = String::from("numbers");
    yield_!(limit);
    std::future::ready(()).await;
    yield_!(limit + 1);
}

fn main() {
    let _ = (before_yield(3), across_yield(1));
}

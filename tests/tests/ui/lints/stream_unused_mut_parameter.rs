//! A needless `mut` on a parameter is reported on an async (`impl Stream`) generator, as on a
//! plain function.
#![deny(warnings)]

use futures::Stream;
use gen_core::generator;

#[generator]
fn numbers(mut limit: u32) -> impl Stream<Item = u32> {
    yield_!(limit);
}

fn main() {
    let _ = numbers(3);
}

//! An unused parameter of an async (`impl Stream`) generator is reported on the parameter,
//! as in the plain function: one of plain data (captured as it is) and an owned one (moved
//! into the body).
#![deny(warnings)]

use futures::Stream;
use gen_core::generator;

#[generator]
fn plain(limit: u32, step: u32) -> impl Stream<Item = u32> {
    for i in 0..limit {
        yield_!(i);
    }
}

#[generator]
fn owned(limit: u32, label: String) -> impl Stream<Item = u32> {
    yield_!(limit);
}

fn main() {
    let _ = (plain(3, 1), owned(1, String::new()));
}

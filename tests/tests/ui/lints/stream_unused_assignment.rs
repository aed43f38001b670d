//! A value assigned after a yield and never read is reported (`unused_assignments`) inside an
//! async (`impl Stream`) generator.
#![deny(warnings)]

use futures::Stream;
use gen_core::generator;

#[generator]
fn dead_store(limit: u32) -> impl Stream<Item = u32> {
    let mut last = limit;
    yield_!(last);
    last = std::future::ready(limit * 2).await;
}

fn main() {
    let _ = dead_store(3);
}

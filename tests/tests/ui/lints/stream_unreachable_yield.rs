//! A yield after `return;` is reported as unreachable inside an async (`impl Stream`)
//! generator.
#![deny(warnings)]

use futures::Stream;
use gen_core::generator;

#[generator]
fn yield_after_return(limit: u32) -> impl Stream<Item = u32> {
    yield_!(limit);
    return;
    yield_!(limit + 1);
}

fn main() {
    let _ = yield_after_return(1);
}

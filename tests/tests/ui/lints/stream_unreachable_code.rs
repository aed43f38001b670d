//! Statements after `return;` are reported as unreachable inside an async (`impl Stream`)
//! generator.
#![deny(warnings)]

use futures::Stream;
use gen_core::generator;

#[generator]
fn after_return(limit: u32) -> impl Stream<Item = u32> {
    yield_!(limit);
    return;
    let next = limit + 1;
    assert!(next > limit);
}

fn main() {
    let _ = after_return(3);
}

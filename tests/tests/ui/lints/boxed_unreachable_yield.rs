//! A yield after `return;` is reported as unreachable inside a `#[generator(boxed)]`
//! generator.
#![deny(warnings)]

use gen_core::generator;

#[generator(boxed)]
fn yield_after_return(limit: u32) -> impl Iterator<Item = u32> {
    yield_!(limit);
    return;
    yield_!(limit + 1);
}

fn main() {
    let _ = yield_after_return(1).count();
}

//! An unused local is reported inside a `#[generator(no_fold)]` flat generator (no fold copy:
//! the state machine alone). (An unused local with drop glue that lives across a yield is not:
//! the state machine keeps it, which counts as a use; see the README's Limits.)
#![deny(warnings)]

use gen_core::generator;

#[generator(no_fold)]
fn before_yield(limit: u32) -> impl Iterator<Item = u32> {
    let doubled = limit * 2;
    for i in 0..limit {
        yield_!(i);
    }
}

fn main() {
    let _ = before_yield(3).count();
}

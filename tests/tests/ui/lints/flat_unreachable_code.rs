//! Statements after `return;` are reported as unreachable inside a flat generator.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn after_return(limit: u32) -> impl Iterator<Item = u32> {
    yield_!(limit);
    return;
    let next = limit + 1;
    assert!(next > limit);
}

fn main() {
    let _ = after_return(3).count();
}

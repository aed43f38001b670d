//! An attribute on the yielded expression: unstable on any expression, and named on the
//! attribute with the `let` that takes it.
use gen_core::generator;

#[generator]
fn pairs(a: u64) -> impl Iterator<Item = (u64, u64)> {
    yield_!(#[inline] (7u64, a));
}

fn main() {
    let _ = pairs;
}

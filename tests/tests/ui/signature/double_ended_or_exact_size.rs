// A generator makes its items front to back without knowing how many are left: returning
// `impl DoubleEndedIterator` or `+ ExactSizeIterator` is rejected on that bound, with no
// second error from the stub body.
use gen_core::generator;

#[generator]
fn evens(n: u32) -> impl DoubleEndedIterator<Item = u32> {
    for i in 0..n {
        yield_!(i * 2);
    }
}

#[generator]
fn odds(n: u32) -> impl Iterator<Item = u32> + ExactSizeIterator {
    for i in 0..n {
        yield_!(i * 2 + 1);
    }
}

fn main() {}

// A closure in a `for` loop's iterator (`filter(|&x| x > threshold)`) captures an argument by
// reference, and the loop keeps the iterator across its yields: the macro's error on the
// closure, naming the fix (`move`), not a borrow-checker error on generated code.
use gen_core::generator;

#[generator]
fn above(items: Vec<u32>, threshold: u32) -> impl Iterator<Item = u32> {
    for x in items.into_iter().filter(|&x| x > threshold) {
        yield_!(x);
    }
}

fn main() {
    let _ = above;
}

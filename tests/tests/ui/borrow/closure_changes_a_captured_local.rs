// A closure that changes a local it captures by reference, kept across a yield: a `move`
// closure would change a copy of its own (the later read would see the old value), so the
// error names passing the local as an argument instead. A closure that only reads a number
// computed in the body gets the `move` fix.
use gen_core::generator;

#[generator]
fn running_total(xs: Vec<u32>) -> impl Iterator<Item = u32> {
    let mut count = 0;
    let mut bump = |x: u32| count += x;
    for x in xs {
        bump(x);
        yield_!(x);
    }
    yield_!(count);
}

#[generator]
fn above_mean(values: Vec<u32>) -> impl Iterator<Item = u32> {
    let threshold = values.iter().sum::<u32>() / values.len().max(1) as u32;
    let is_big = |x: &u32| *x > threshold;
    for v in values {
        if is_big(&v) {
            yield_!(v);
        }
    }
}

fn main() {}

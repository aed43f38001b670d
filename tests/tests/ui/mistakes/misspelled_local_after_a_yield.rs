//! A misspelled local after a yield: rustc's E0425 once, with its "a local variable with a
//! similar name exists" help, as for the plain function (the local is dead after the yield).
use gen_core::generator;

#[generator]
fn counts(n: u32) -> impl Iterator<Item = u32> {
    let count = n;
    yield_!(count);
    yield_!(cuont);
}

#[generator]
fn totals(items: Vec<u32>) -> impl Iterator<Item = u32> {
    let mut total = 0;
    for x in items {
        total += x;
        yield_!(x);
    }
    yield_!(totl);
}

fn main() {
    let _ = (counts(3), totals(vec![1]));
}

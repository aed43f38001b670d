// `&names[0]` borrows the local `names`; kept across a yield, it is the flat generator's one
// limit, reported on the borrow.
use gen_core::generator;

#[generator]
fn first_twice(n: u32) -> impl Iterator<Item = String> {
    let names: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    let first = &names[0];
    yield_!(first.clone());
    yield_!(format!("{first}!"));
}

fn main() {}

// `impl Iterator` that does not name its item type: one error, on `Iterator`.
use gen_core::generator;

#[generator]
fn one() -> impl Iterator {
    yield_!(1u32);
}

fn main() {}

// `#[generator]` written twice on one function: the error is on the second one.
use gen_core::generator;

#[generator]
#[generator]
fn one() -> impl Iterator<Item = u32> {
    yield_!(1);
}

fn main() {}

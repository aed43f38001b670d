// A generator cannot be a `const fn`: calling it builds its state machine at run time.
use gen_core::generator;

#[generator]
const fn one() -> impl Iterator<Item = u32> {
    yield_!(1);
}

fn main() {}

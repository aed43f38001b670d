// `yield_!(x,)`: one expression and a trailing comma; the error is on the comma.
use gen_core::generator;

#[generator]
fn numbers() -> impl Iterator<Item = u32> {
    let x = 1;
    yield_!(x,);
}

fn main() {}

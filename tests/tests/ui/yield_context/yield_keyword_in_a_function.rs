// The `yield` keyword in a `#[generator]` function: rustc rejects it as unstable before the
// macro runs (only `iter!`/`stream!` blocks accept it); the macro's error names `yield_!`.
use gen_core::generator;

#[generator]
fn one() -> impl Iterator<Item = u32> {
    yield 1;
}

fn main() {
    let _ = one();
}

//! `yield_from!` of a value that is no iterator: rustc's error, at the value (each copy of the
//! body reports it there, none at `#[generator]`).
use gen_core::generator;

#[generator]
fn nums(n: u32) -> impl Iterator<Item = u32> {
    yield_from!(n);
}

fn main() {
    let _ = nums(1);
}

// A local declared without a value and read after a yield on a path that never set it: the
// plain function's error (E0381, on the read), nothing about the generator.
use gen_core::generator;

#[generator]
fn uninitialized() -> impl Iterator<Item = u32> {
    let x: u32;
    yield_!(1);
    yield_!(x);
}

#[generator]
fn set_on_one_path(ready: bool) -> impl Iterator<Item = u32> {
    let x: u32;
    if ready {
        x = 2;
    }
    yield_!(1);
    yield_!(x);
}

fn main() {}

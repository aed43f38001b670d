use futures::Stream;
use gen_core::generator;

#[generator]
fn words() -> impl Stream<Item = String> {
    yield_!(String::from("a"));
}

// A stream of `String`s in a generator of `usize`s: the error names the generator's item
// type, first on the operand (rustc checks the bound again at the call and its `.await`).
#[generator]
fn lengths() -> impl Stream<Item = usize> {
    yield_from!(words());
}

fn main() {}

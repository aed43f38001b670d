use futures::Stream;
use gen_core::generator;

#[generator]
fn words() -> impl Stream<Item = String> {
    yield_!(String::from("a"));
}

// A stream of `String`s in a generator of `usize`s: one error, on the operand, naming the
// generator's item type.
#[generator]
fn lengths() -> impl Stream<Item = usize> {
    yield_from!(words());
}

fn main() {}

// Async iterators §13, mistake 2: returning the values instead of yielding them.
use futures::Stream;
use gen_core::generator;

#[generator]
fn numbers(n: u32) -> impl Stream<Item = u32> {
    return (0..n).collect::<Vec<_>>();
}

fn main() {}

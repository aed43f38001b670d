use futures::Stream;
use gen_core::generator;

#[generator(boxed)]
fn ticks(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        yield_!(i);
    }
}

fn main() {}

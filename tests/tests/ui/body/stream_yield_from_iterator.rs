use futures::Stream;
use gen_core::generator;

#[generator]
fn from_vec() -> impl Stream<Item = u32> {
    yield_from!(vec![1, 2, 3]);
}

fn main() {}

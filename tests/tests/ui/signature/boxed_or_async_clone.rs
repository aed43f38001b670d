//! `+ Clone` on a generator whose body is an `async` block (`boxed`, async): never `Clone`.
use futures::Stream;
use gen_core::generator;

#[generator(boxed)]
fn boxed_nums() -> impl Iterator<Item = u32> + Clone {
    yield_!(1);
}

#[generator]
fn stream_nums() -> impl Stream<Item = u32> + Clone {
    yield_!(1);
}

fn main() {
    let _ = boxed_nums;
    let _ = stream_nums;
}

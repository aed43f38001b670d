//! `+ Clone` on a generator whose body is an `async` block (`boxed`, async): never `Clone`;
//! the error is on the user's `Clone`.
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

// The error is on `Clone` wherever it stands among the bounds.
#[generator(boxed)]
fn boxed_clone_first(n: u32) -> impl Iterator<Item = u32> + Clone + Send {
    for i in 0..n {
        yield_!(i);
    }
}

fn main() {
    let _ = boxed_nums;
    let _ = stream_nums;
    let _ = boxed_clone_first;
}

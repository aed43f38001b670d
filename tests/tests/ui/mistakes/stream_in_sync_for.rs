// Async iterators §13, mistake 3: a `Stream` in a sync `for` loop (it needs `.next().await`).
use futures::Stream;
use gen_core::generator;

#[generator]
fn async_counter(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        yield_!(i);
    }
}

fn main() {
    for value in async_counter(3) {
        println!("{value}");
    }
}

// Async iterators §13, mistake 1: forgetting `.await` on an async call inside a stream.
use futures::Stream;
use gen_core::generator;

async fn fetch(i: u32) -> u32 {
    i * 10
}

#[generator]
fn fetch_all(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        let value = fetch(i);
        yield_!(value);
    }
}

fn main() {}

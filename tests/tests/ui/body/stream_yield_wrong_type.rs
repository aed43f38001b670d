use futures::Stream;
use gen_core::generator;

#[generator]
fn wrong() -> impl Stream<Item = u32> {
    std::future::ready(()).await;
    yield_!("text");
}

fn main() {}

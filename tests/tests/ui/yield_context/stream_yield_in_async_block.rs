use futures::Stream;
use gen_core::generator;

#[generator]
fn in_async_block() -> impl Stream<Item = u32> {
    let fut = async {
        yield_!(1);
    };
    fut.await;
    yield_!(2);
}

fn main() {}

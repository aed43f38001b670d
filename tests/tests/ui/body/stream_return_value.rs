use futures::Stream;
use gen_core::generator;

#[generator]
fn returns() -> impl Stream<Item = u32> {
    yield_!(1);
    return 5;
}

fn main() {}

use futures::Stream;
use gen_core::generator;

#[generator]
fn two_at_once() -> impl Stream<Item = u32> {
    futures::join!(
        async {
            yield_!(1);
        },
        async {
            yield_!(2);
        },
    );
}

fn main() {}

use gen_core::generator;

#[generator]
fn in_async_block() -> impl Iterator<Item = u32> {
    let fut = async {
        yield_!(1);
    };
    drop(fut);
    yield_!(2);
}

fn main() {}

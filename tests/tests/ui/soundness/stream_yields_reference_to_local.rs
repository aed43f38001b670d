use futures::Stream;
use gen_core::generator;

#[generator]
fn leak() -> impl Stream<Item = &'static str> {
    let local = String::from("local");
    yield_!(local.as_str());
}

fn main() {}

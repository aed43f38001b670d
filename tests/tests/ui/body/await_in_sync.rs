use gen_core::generator;

#[generator]
fn awaits() -> impl Iterator<Item = u32> {
    let x = std::future::ready(1).await;
    yield_!(x);
}

fn main() {}

use gen_core::generator;

#[generator(boxed)]
fn awaits() -> impl Iterator<Item = u32> {
    let v = vec![1, 2];
    for x in &v {
        let y = std::future::ready(*x).await;
        yield_!(y);
    }
}

fn main() {}

use gen_core::generator;

#[generator]
async fn counter(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        yield_!(i);
    }
}

fn main() {}

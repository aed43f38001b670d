use gen_core::generator;

#[generator(fast)]
fn counter(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        yield_!(i);
    }
}

fn main() {}

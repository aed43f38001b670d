use gen_core::generator;

#[generator]
fn returns_value(n: u32) -> impl Iterator<Item = u32> {
    yield_!(n);
    return n + 1;
}

fn main() {}

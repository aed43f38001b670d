use gen_core::generator;

#[generator]
fn returns_vec() -> Vec<u32> {
    yield_!(1);
}

fn main() {}

use gen_core::generator;

#[generator]
fn wrong_type() -> impl Iterator<Item = u32> {
    yield_!("one");
}

fn main() {}

use gen_core::generator;

#[generator]
fn empty_yield() -> impl Iterator<Item = u32> {
    yield_!();
}

fn main() {}

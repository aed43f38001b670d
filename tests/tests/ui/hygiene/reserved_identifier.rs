use gen_core::generator;

#[generator]
fn uses_reserved() -> impl Iterator<Item = u32> {
    let __gen_st = 1;
    yield_!(__gen_st);
}

fn main() {}

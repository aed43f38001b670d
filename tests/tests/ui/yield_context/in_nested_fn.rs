use gen_core::generator;

#[generator]
fn in_nested_fn() -> impl Iterator<Item = u32> {
    fn helper() {
        yield_!(1);
    }
    helper();
    yield_!(2);
}

fn main() {}

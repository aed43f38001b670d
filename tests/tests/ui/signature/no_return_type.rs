use gen_core::generator;

#[generator]
fn no_return_type() {
    yield_!(1);
}

fn main() {}

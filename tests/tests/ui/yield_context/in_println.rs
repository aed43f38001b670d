use gen_core::generator;

#[generator]
fn in_println() -> impl Iterator<Item = u32> {
    println!("{:?}", yield_!(1));
}

fn main() {}

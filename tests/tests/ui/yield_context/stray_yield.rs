use gen_core::yield_;

fn not_a_generator() -> u32 {
    yield_!(1);
    2
}

fn main() {
    let _ = not_a_generator();
}

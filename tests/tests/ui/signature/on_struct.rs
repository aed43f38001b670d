use gen_core::generator;

#[generator]
struct NotAFunction {
    x: u32,
}

fn main() {}

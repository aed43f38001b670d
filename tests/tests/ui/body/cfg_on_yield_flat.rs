use gen_core::generator;

#[generator]
fn counted(n: u32) -> impl Iterator<Item = u32> {
    #[cfg(debug_assertions)]
    yield_!(0);
    #[cfg(not(debug_assertions))]
    let extra = n * 2;
    yield_!(n);
}

fn main() {}

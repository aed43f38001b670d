// A yield used as a value (it is `()`) inside another macro's input: one E0308, on `yield_!`.
use gen_core::generator;

#[generator]
fn triple(n: u32) -> impl Iterator<Item = u32> {
    let v = vec![n, yield_!(n + 1), n + 2];
    yield_!(v.len() as u32);
}

fn main() {
    let _ = triple(1);
}

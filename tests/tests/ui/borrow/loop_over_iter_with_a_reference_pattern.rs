// A loop over `v.iter()` with a reference pattern (`for &x in v.iter()`) across a yield,
// with `v` not used after it: the fix named is the owned loop with the pattern's `&x`
// written `x` (the code has no `*x` to change).
use gen_core::generator;

#[generator]
fn doubled() -> impl Iterator<Item = u32> {
    let v = vec![1u32, 2];
    for &x in v.iter() {
        yield_!(x * 2);
    }
}

fn main() {
    let _ = doubled();
}

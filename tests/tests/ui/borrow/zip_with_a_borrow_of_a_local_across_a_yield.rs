//! `xs.iter().zip(doubled.iter())` holds a borrow of the local `doubled` as well as of the
//! argument `xs`: kept across the loop's yield, it is the local the error names, with the fix
//! for that local (not for `xs`).
use gen_core::generator;

#[generator]
fn sums(xs: &[u32]) -> impl Iterator<Item = u32> + '_ {
    let doubled: Vec<u32> = xs.iter().map(|x| x * 2).collect();
    for (a, b) in xs.iter().zip(doubled.iter()) {
        yield_!(a + b);
    }
}

#[generator]
fn chained(xs: &[u32]) -> impl Iterator<Item = u32> + '_ {
    let extra = vec![7, 8];
    for a in xs.iter().chain(&extra) {
        yield_!(*a);
    }
}

fn main() {
    let _ = sums(&[1]);
    let _ = chained(&[1]);
}

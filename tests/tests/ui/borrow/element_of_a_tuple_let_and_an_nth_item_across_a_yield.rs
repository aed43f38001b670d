// A local bound by a tuple pattern from a tuple of values owns its element, and an item of
// `local.iter().nth(1)` is a view into the local: kept across a yield, both are the macro's
// error on the borrow (not rustc's about the generator's state).
use gen_core::generator;

#[generator]
fn sums() -> impl Iterator<Item = u32> {
    let (list, offset) = (vec![1u32, 2], 5u32);
    for t in list.iter() {
        yield_!(*t + offset);
    }
}

#[generator]
fn second(v: Vec<String>) -> impl Iterator<Item = usize> {
    let local = v;
    let s = local.iter().nth(1).unwrap();
    yield_!(0);
    yield_!(s.len());
}

fn main() {}

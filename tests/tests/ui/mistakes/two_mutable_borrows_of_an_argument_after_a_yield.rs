// Two `&mut` borrows of a `mut` argument alive at once, after a yield: rustc's one E0499,
// naming the argument, as for the plain function (not a second one about "value").
use gen_core::generator;

#[generator]
fn pushes(mut v: Vec<u32>) -> impl Iterator<Item = u32> {
    yield_!(0);
    let a = &mut v;
    let b = &mut v;
    a.push(1);
    b.push(2);
    yield_!(v.len() as u32);
}

fn main() {
    let _ = pushes(Vec::new()).count();
}

// A loop over `v.drain(1..3)` of a local keeps a borrow of it across the yields; the rest of
// `v` stays in place, so the fix is to take the items out first, not `mem::take` (which
// would empty `v`) or a clone (which would leave the items in it).
use gen_core::generator;

#[generator]
fn middle() -> impl Iterator<Item = String> {
    let mut v: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
    for x in v.drain(1..3) {
        yield_!(x);
    }
    yield_!(v.concat());
}

fn main() {
    let _ = middle();
}

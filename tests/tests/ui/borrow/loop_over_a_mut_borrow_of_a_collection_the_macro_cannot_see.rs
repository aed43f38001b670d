// `for x in &mut v` whose body yields, over a local the macro cannot tell from an iterator
// (made by a function of the user's): the loop steps `v` itself, which for an iterator is
// the same loop (`flat_peekable.rs`). `v` is a `Vec`, so the plain loop would iterate it by
// reference, keeping a borrow of the generator's own local across the yield (README limit
// 1): the error is on `&mut v` and names the fixes. So is a `&mut` borrow of such a local
// kept across a yield by a `let`.
use gen_core::generator;

fn load() -> Vec<u8> {
    vec![3, 0, 7]
}

fn digits() -> std::vec::IntoIter<u8> {
    vec![3, 0, 7].into_iter()
}

#[generator]
fn doubled() -> impl Iterator<Item = u8> {
    let mut v = load();
    for x in &mut v {
        *x *= 2;
        yield_!(*x);
    }
}

#[generator]
fn first_two() -> impl Iterator<Item = u8> {
    let mut rest = digits();
    let borrowed = &mut rest;
    yield_!(borrowed.next().unwrap_or(0));
    yield_!(borrowed.next().unwrap_or(0));
}

fn main() {}

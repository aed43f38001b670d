// A borrow of one of two locals chosen by an `if` (or a `match`), kept across a yield: the
// value's type holds the borrow whichever branch ran, so it is limit 1's error on the
// user's borrow, not rustc's errors about the generator's state.
use gen_core::generator;

#[generator]
fn pick(flag: bool) -> impl Iterator<Item = usize> {
    let a = vec![1u32];
    let b = vec![2u32, 3];
    let x = if flag { &a } else { &b };
    yield_!(1);
    yield_!(x.len());
}

#[generator]
fn pick_by_match(side: char) -> impl Iterator<Item = usize> {
    let bids = vec![1u32];
    let asks = vec![2u32];
    let book = match side {
        'B' => &bids,
        _ => &asks,
    };
    yield_!(1);
    yield_!(book.len());
}

fn main() {
    let _ = pick(true);
    let _ = pick_by_match('B');
}

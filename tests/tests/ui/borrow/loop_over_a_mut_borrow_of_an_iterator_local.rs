// `for c in &mut it` over a local the macro cannot tell from a collection (made by a function
// of the user's) keeps a borrow of the local `it` across the yield, which the macro cannot
// tell either: rustc's borrow error, naming the generator's state (README limit 1). The fix
// is to advance `it` in a `while let`, which needs no loop borrow. (`for c in it.by_ref()`,
// and `&mut it` of a local bound by `let` to an `iter()`, an adapter or a range, or of an
// iterator parameter, are lowered that way: `flat_peekable.rs`.)
use gen_core::generator;

fn digits() -> std::vec::IntoIter<u8> {
    vec![3, 0, 7].into_iter()
}

#[generator]
fn until_zero() -> impl Iterator<Item = u8> {
    let mut it = digits();
    for c in &mut it {
        yield_!(c);
        if c == 0 {
            break;
        }
    }
    yield_!(it.count() as u8);
}

fn main() {}

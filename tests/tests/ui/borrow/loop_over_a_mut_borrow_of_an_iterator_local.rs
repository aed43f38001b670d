// `for c in &mut it` where `it` iterates over an argument keeps a borrow of the local `it`
// across the yield: the fix is to advance `it` in a `while let`, which needs no loop borrow
// (`for c in it.by_ref()` is lowered that way, `flat_peekable.rs`).
use gen_core::generator;

#[generator]
fn until_zero<'a>(data: &'a [u8]) -> impl Iterator<Item = u8> + 'a {
    let mut it = data.iter();
    for c in &mut it {
        yield_!(*c);
        if *c == 0 {
            break;
        }
    }
    yield_!(it.len() as u8);
}

fn main() {}

// `for x in it.by_ref()` over an iterator local, with a yield in the body: the loop borrows
// `it` across the yield. The fix named is the one that fits an iterator: advance it in a
// `while let` condition (an iterator has no `len()` to index by, and a clone would yield
// its items again).
use gen_core::generator;

#[generator]
fn skip_while_small(values: Vec<u32>) -> impl Iterator<Item = u32> {
    let mut it = values.into_iter();
    for x in it.by_ref() {
        if x >= 3 {
            yield_!(x);
            break;
        }
    }
    yield_from!(it);
}

fn main() {
    let _ = skip_while_small(vec![1, 5, 2]);
}

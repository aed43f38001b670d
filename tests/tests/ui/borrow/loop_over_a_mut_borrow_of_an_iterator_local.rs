// `for c in &mut it` (or `it.by_ref()`) where `it` iterates over an argument keeps a borrow
// of the local `it` across the yield: the fix is to advance `it` in a `while let`, which
// needs no loop borrow.
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

#[generator]
fn pairs_until_zero<'a>(data: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let mut chunks = data.chunks(2);
    for c in chunks.by_ref() {
        yield_!(c.len());
        if c[0] == 0 {
            break;
        }
    }
    yield_!(chunks.count());
}

fn main() {}

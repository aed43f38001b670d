// `(&mut it).enumerate()` over an iterator local, kept across a yield: the fix named steps
// the iterator itself (`while let`), as for `it.by_ref().enumerate()`, not an index loop,
// which an iterator has none of.
use gen_core::generator;

#[generator]
fn head_then_rest(v: Vec<String>) -> impl Iterator<Item = (usize, String)> {
    let mut it = v.into_iter();
    for (i, x) in (&mut it).enumerate() {
        yield_!((i, x));
        if i == 1 {
            break;
        }
    }
    for x in it {
        yield_!((99, x));
    }
}

fn main() {
    let _ = head_then_rest(vec![]);
}

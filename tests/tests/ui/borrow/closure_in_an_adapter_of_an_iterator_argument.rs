// An adapter of an iterator argument (`it: I` with `I: Iterator`) holding a closure that
// captures an argument by reference, kept across a yield: the macro's error naming a `move`
// closure, as for an adapter of `v.into_iter()`, not rustc's errors about the generator's
// state.
use gen_core::generator;

#[generator]
fn positions<T, I: Iterator<Item = T>, P: FnMut(&T) -> bool>(
    it: I,
    mut p: P,
) -> impl Iterator<Item = usize> {
    let mut it = it.enumerate().filter(|(_, x)| p(x));
    while let Some((i, _)) = it.next() {
        yield_!(i);
    }
}

fn main() {
    let _ = positions([1, 4].into_iter(), |x| *x > 3);
}

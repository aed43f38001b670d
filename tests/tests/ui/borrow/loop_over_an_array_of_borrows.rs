//! A loop over an array of borrows of the generator's own arguments, across a yield: the fix
//! is an array of the values themselves (or arguments taken by reference), not a method of
//! one of them.
use gen_core::generator;

struct Doc(String);

#[generator]
fn lengths(a: Doc, b: Doc, c: Doc) -> impl Iterator<Item = usize> {
    for x in [&a, &b, &c] {
        yield_!(x.0.len());
    }
}

// The fix the message names.
#[generator]
fn lengths_owned(a: Doc, b: Doc, c: Doc) -> impl Iterator<Item = usize> {
    for x in [a, b, c] {
        yield_!(x.0.len());
    }
}

fn main() {
    let _ = lengths;
    let _ = lengths_owned;
}

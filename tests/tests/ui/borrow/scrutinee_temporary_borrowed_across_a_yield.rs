//! A binding that borrows an owned temporary the scrutinee reads through (`xs.clone()`),
//! still used after a yield in the arm: the plain function keeps the temporary until the
//! `match` ends; a flat generator keeps the temporary, but not a borrow of it.
use gen_core::generator;

#[generator]
fn tails(xs: Vec<u32>) -> impl Iterator<Item = usize> {
    match xs.clone().as_slice() {
        [_, rest @ ..] => {
            yield_!(1);
            yield_!(rest.len());
        }
        [] => {}
    }
}

// The fix the message names: an owned copy out of the borrow before the yield.
#[generator]
fn tails_owned(xs: Vec<u32>) -> impl Iterator<Item = usize> {
    match xs.clone().as_slice() {
        [_, rest @ ..] => {
            let rest = rest.to_vec();
            yield_!(1);
            yield_!(rest.len());
        }
        [] => {}
    }
}

fn main() {
    let _ = tails;
    let _ = tails_owned;
}

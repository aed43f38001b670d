//! `yield_from!(it.by_ref().take(n))` borrows the iterator local across its yields; the fix
//! named is the one that applies to a `Peekable` (no `len()`, and a clone would not advance
//! `it`).
use gen_core::generator;

#[generator]
fn skip_zeros(v: Vec<u32>) -> impl Iterator<Item = u32> {
    let mut it = v.into_iter().peekable();
    loop {
        match it.peek() {
            Some(&0) => {
                it.next();
            }
            Some(_) => yield_from!(it.by_ref().take(2)),
            None => return,
        }
    }
}

fn main() {
    let _ = skip_zeros;
}

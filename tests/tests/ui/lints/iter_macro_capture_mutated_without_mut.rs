//! `iter!` captures like a `move` closure: a captured variable the block assigns to must be
//! declared `mut`, as for a closure.
#![deny(warnings)]

fn main() {
    let count = 0u32;
    let counting = gen_core::iter! {
        for _ in 0..3 {
            count += 1;
            yield count;
        }
    };
    let _ = counting.count();
}

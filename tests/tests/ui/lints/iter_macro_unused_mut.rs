//! A needless `mut` is reported inside `iter!`, and on a variable the block only reads.
#![deny(warnings)]

fn main() {
    let mut limit = 3u32;
    let before_yield = gen_core::iter! {
        let mut doubled = limit * 2;
        yield doubled;
    };
    let across_yield = gen_core::iter! {
        let mut base = limit * 2;
        yield base;
        yield base + 1;
    };
    let _ = before_yield.count() + across_yield.count();
}

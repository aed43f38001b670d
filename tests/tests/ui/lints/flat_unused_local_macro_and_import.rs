//! A local `macro_rules!` or `use` that the body never uses is reported once inside a flat
//! generator, on the user's item, as for the plain function (the state machine's copies of
//! the block's items report nothing of their own).
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn unused_macro(v: Vec<u32>) -> impl Iterator<Item = u32> {
    macro_rules! never {
        () => {
            1
        };
    }
    for x in v {
        yield_!(x);
    }
}

#[generator]
fn unused_import(v: Vec<u32>) -> impl Iterator<Item = u32> {
    use std::fmt::Write;
    for x in v {
        yield_!(x);
    }
}

fn main() {}

//! An `iter!` or `stream!` block that is made and dropped unused is rustc's `unused_must_use`,
//! as an unused iterator adapter or stream is: neither runs anything unless driven.
#![deny(unused_must_use)]

use gen_core::{iter, stream};

fn main() {
    let n = 3u32;
    iter! {
        for i in 0..n {
            yield i;
        }
    };
    stream! {
        for i in 0..n {
            yield i;
        }
    };
}

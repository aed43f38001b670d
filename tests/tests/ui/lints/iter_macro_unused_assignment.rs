//! A value assigned after a yield and never read is reported (`unused_assignments`) inside
//! `iter!`, and the `mut` that assignment needs is not called needless.
#![deny(warnings)]

fn main() {
    let limit = 3u32;
    let dead_store = gen_core::iter! {
        let mut last = limit;
        yield last;
        last = limit * 2;
    };
    let _ = dead_store.count();
}

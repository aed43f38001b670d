//! A yield after `return;` is reported as unreachable inside `iter!`.
#![deny(warnings)]

fn main() {
    let limit = 3u32;
    let yield_after_return = gen_core::iter! {
        yield limit;
        return;
        yield limit + 1;
    };
    let _ = yield_after_return.count();
}

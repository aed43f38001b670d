//! Statements after `return;` are reported as unreachable inside `iter!`.
#![deny(warnings)]

fn main() {
    let limit = 3u32;
    let after_return = gen_core::iter! {
        yield limit;
        return;
        let next = limit + 1;
        assert!(next > limit);
    };
    let _ = after_return.count();
}

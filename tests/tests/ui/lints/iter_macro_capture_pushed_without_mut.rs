//! `iter!` captures like a `move` closure: a captured variable the block calls a `&mut self`
//! method on (`Vec::push`) must be declared `mut`, as for a closure; rustc names it at each
//! call, as for a closure.

fn main() {
    let seen = Vec::new();
    let items = gen_core::iter! {
        let before = seen.len();
        for x in 0..3u32 {
            seen.push(x);
            yield before + seen.len();
        }
        seen.clear();
    };
    let _ = items.count();
}

// An `iter!` block yielding `&a` of a value it captured (by move) or declared: the items
// would borrow the block itself. The macro's error on `&a`, naming the fix, not rustc's
// E0521 about the block's internals.
fn main() {
    let limit = 3;
    let _captured = gen_core::iter! {
        yield &limit;
    };
    let _declared = gen_core::iter! {
        let name = String::from("n");
        yield &name;
    };
}

// An `iter!` block owns what it captures: `for x in &v` over a captured `v` borrows the
// block's own local across the yield, whatever `v`'s type. The macro's error names the fixes
// (`for x in v`, or `let v = &v;` before the block, so that it captures the reference).
fn main() {
    let v = vec![1u32, 2, 3];
    let doubled = gen_core::iter! {
        for x in &v {
            yield *x * 2;
        }
    };
    let _ = doubled.count();
}

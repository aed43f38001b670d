// A value an `iter!` block captured (moved in, as a `move` closure does) and used after the
// block: rustc's E0382, "value moved into closure here" at the block, with no label about
// the block's internal loop and no suggestion that does not apply.
fn main() {
    let v = vec![1u32, 2];
    let it = gen_core::iter! {
        for x in v { yield x * 2; }
    };
    println!("{:?} {}", v, it.count());
}

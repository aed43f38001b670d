// The sync form of async-stream #107.
fn main() {
    let mut outer: Vec<&u32> = vec![];
    {
        let v = vec![0u32; 10];
        let v_ref = &v;
        let s = gen_core::iter! {
            for x in v_ref {
                yield_!(x);
            }
        };
        outer.extend(s);
    }
    println!("{outer:?}");
}

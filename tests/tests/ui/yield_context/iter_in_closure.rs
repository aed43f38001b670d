fn main() {
    let v = vec![1, 2];
    let g = gen_core::iter! {
        v.iter().for_each(|x| {
            yield *x;
        });
    };
    drop(g);
}

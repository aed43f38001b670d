use gen_core::generator;

// A yield inside another macro's input makes a `#[generator]` `boxed`, which cannot be
// `Clone`.
#[generator]
fn in_vec_macro(n: u32) -> impl Iterator<Item = u32> + Clone {
    let v = vec![yield_!(n)];
    drop(v);
}

fn main() {}

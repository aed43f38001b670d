use gen_core::generator;

#[generator]
fn in_vec_macro() -> impl Iterator<Item = u32> {
    let v = vec![yield_!(1)];
    drop(v);
}

fn main() {}

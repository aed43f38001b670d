use gen_core::generator;

#[generator]
fn borrows_local() -> impl Iterator<Item = u32> {
    let v = vec![1];
    for x in &v {
        yield_!(*x);
    }
}

fn main() {}

use gen_core::generator;

#[generator]
fn in_closure(v: Vec<u32>) -> impl Iterator<Item = u32> {
    v.iter().for_each(|x| {
        yield_!(*x);
    });
}

fn main() {}

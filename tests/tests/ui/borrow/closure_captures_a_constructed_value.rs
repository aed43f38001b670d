// A local made by a constructor (`String::from(..)`, `Type::new(..)`) owns its value: a named
// closure that captures it by reference, or a reference to it, kept across a yield is the
// macro's own error naming the fix.
use gen_core::generator;

#[generator]
fn labels(ids: Vec<u32>) -> impl Iterator<Item = String> {
    let prefix = String::from("id");
    let label = |id: u32| prefix.clone() + &id.to_string();
    for id in ids {
        yield_!(label(id));
    }
}

#[generator]
fn sizes(n: usize) -> impl Iterator<Item = usize> {
    let buffer = Vec::with_capacity(n);
    let view: &Vec<u8> = &buffer;
    yield_!(n);
    yield_!(view.capacity());
}

fn main() {}

// `yield_from!` of an iterable whose items are not the generator's: one error, at the
// iterable, in a flat and in a `boxed` generator alike.
use gen_core::generator;

#[generator]
fn flat() -> impl Iterator<Item = u32> {
    yield_from!(vec!["a", "b"]);
}

#[generator(boxed)]
fn boxed() -> impl Iterator<Item = u32> {
    yield_from!(vec!["a", "b"]);
}

fn main() {
    let _ = (flat(), boxed());
}

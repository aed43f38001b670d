// A value of a type parameter used in a format string after a yield moved it: one E0382, on
// the name inside the string.
use gen_core::generator;

#[generator]
pub fn twice<T: std::fmt::Debug>(first: T, rest: Vec<T>) -> impl Iterator<Item = T> {
    let head = first;
    yield_!(head);
    for x in rest {
        yield_!(x);
    }
    println!("head was {head:?}");
}

fn main() {
    let _ = twice(1, vec![2]).count();
}

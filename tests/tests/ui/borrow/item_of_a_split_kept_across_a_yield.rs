// An item of an iterator over the generator's own text (`parts.next()` of `let mut parts =
// line.split(',');`) is a view into that local: used after a yield, it is the macro's
// error on the borrow (not rustc's about the generator's state).
use gen_core::generator;

#[generator]
fn fields() -> impl Iterator<Item = usize> {
    let line = String::from("a,bb");
    let mut parts = line.split(',');
    let first = parts.next().unwrap_or("");
    yield_!(first.len());
    yield_!(first.len() + 1);
}

fn main() {}

// A `ref mut` binding into a local of the generator (here an `Option` it owns) kept across a
// yield would keep a borrow of the generator's own local: the error is on the binding and
// names binding the value itself.
use gen_core::generator;

#[generator]
fn bump_first(values: Vec<u32>) -> impl Iterator<Item = u32> {
    let mut first = values.into_iter().next();
    match first {
        Some(ref mut x) => {
            yield_!(0);
            *x += 1;
        }
        None => {}
    }
    yield_!(first.unwrap_or(0));
}

fn main() {}

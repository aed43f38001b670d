// The same on a value the `match` computes (`it.next()`), which the generator keeps as a
// local while an arm that yields needs it: the binding borrows that value.
use gen_core::generator;

#[generator]
fn first_twice(values: Vec<String>) -> impl Iterator<Item = usize> {
    let mut it = values.into_iter();
    match it.next() {
        Some(ref mut s) => {
            yield_!(s.len());
            s.push('!');
            yield_!(s.len());
        }
        None => {}
    }
}

fn main() {}

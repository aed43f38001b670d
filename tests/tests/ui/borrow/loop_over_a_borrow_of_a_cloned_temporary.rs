// A `for` loop over `name.clone().chars()` whose body yields: the iterator borrows the
// cloned temporary, which the plain function keeps until the loop ends; the macro's error
// names the fixes (README limit 4), in a generator and in an `iter!` block.
use gen_core::generator;

#[generator]
fn letters(name: String) -> impl Iterator<Item = char> {
    for c in name.clone().chars() {
        yield_!(c);
    }
    yield_!(name.len() as u8 as char);
}

fn block(name: String) -> impl Iterator<Item = char> {
    gen_core::iter! {
        for c in name.clone().chars() {
            yield c;
        }
    }
}

fn main() {
    let _ = block;
}

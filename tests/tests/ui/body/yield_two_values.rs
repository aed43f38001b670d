// `yield_!(a, b)`: one expression per yield; the error names the tuple form.
use gen_core::generator;

#[generator]
fn indexed(s: String) -> impl Iterator<Item = (usize, char)> {
    for (i, c) in s.chars().enumerate().collect::<Vec<_>>() {
        yield_!(i, c);
    }
}

fn main() {}

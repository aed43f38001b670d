// `text.lines()` of a `String` argument borrows it (`str::lines`), and the loop keeps that
// borrow across its yields: the macro's error on the loop's iterator, with fixes that apply to
// text (not `for x in text`, which a `String` does not support).
use gen_core::generator;

#[generator]
fn line_lengths(text: String) -> impl Iterator<Item = usize> {
    for line in text.lines() {
        yield_!(line.len());
    }
}

fn main() {
    let _ = line_lengths;
}

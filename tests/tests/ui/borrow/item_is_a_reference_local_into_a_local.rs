// An item that is a reference local borrowing a local of the generator (`w`, a word of the
// owned `up`): the item must outlive the step that yields it, as `yield_!(up.as_str())`.
// The macro's error is on the yielded value, naming both locals (rustc's borrow errors
// pointed at the generated state machine).
use gen_core::generator;

#[generator]
fn first_words(text: &str) -> impl Iterator<Item = &str> {
    for line in text.lines() {
        let up = line.to_uppercase();
        let w = up.split(' ').next().unwrap_or("");
        yield_!(w);
    }
}

fn main() {}

// A slice pattern over a local's slice (`match words.as_slice()`) binds references into the
// local: a loop over the `rest @ ..` binding keeps a borrow of `words` across its yields,
// which a flat generator cannot store. The error is the macro's, on the borrow.
use gen_core::generator;

#[generator]
fn rest_words(lines: &[String]) -> impl Iterator<Item = String> + '_ {
    for line in lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [_, rest @ ..] => {
                for w in rest {
                    yield_!(w.to_string());
                }
            }
            [] => {}
        }
    }
}

fn main() {
    let _ = rest_words;
}

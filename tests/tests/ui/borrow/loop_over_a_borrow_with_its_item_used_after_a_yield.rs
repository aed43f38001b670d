// A loop over a borrow of an owned parameter whose item is read after the yield: one
// mistake, one error, on the loop's borrow (not a second one for the item).
use gen_core::generator;

#[generator]
fn scan(words: Vec<&'static str>) -> impl Iterator<Item = usize> {
    for w in &words {
        yield_!(1);
        if w.is_empty() {
            break;
        }
    }
}

fn main() {
    let _ = scan(vec!["a"]);
}

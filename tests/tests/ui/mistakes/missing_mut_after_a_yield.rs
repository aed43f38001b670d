// A local changed after a yield without `mut` (rustc's E0596 in the plain function): one
// error, on the user's tokens, with rustc's own `mut` suggestion.
use gen_core::generator;

#[generator]
fn lines(words: Vec<String>) -> impl Iterator<Item = String> {
    let line = String::new();
    for w in words {
        yield_!(line.clone());
        line.push_str(&w);
    }
}

fn main() {}

// `for line in lines` over a `Vec<String>` parameter binds owned items, so `line.trim()` is a
// borrow of the generator's own local; kept across a yield, it is the macro's error on the
// borrow (naming the fixes), not a borrow-checker error on generated code.
use gen_core::generator;

#[generator]
fn shout(lines: Vec<String>) -> impl Iterator<Item = String> {
    for line in lines {
        let line = line.trim();
        yield_!(line.to_uppercase());
        yield_!(line.to_lowercase());
    }
}

fn main() {
    let _ = shout;
}

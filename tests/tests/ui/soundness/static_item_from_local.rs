use gen_core::generator;

// A `'static` item made from a local's contents.
#[generator]
fn words() -> impl Iterator<Item = &'static str> {
    let text = String::from("a b c");
    for w in text.split(' ') {
        yield_!(w);
    }
}

fn main() {}

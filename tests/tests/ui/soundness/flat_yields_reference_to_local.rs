use gen_core::generator;

// A flat generator's item cannot borrow one of its own locals: the local is gone (or moved
// into the next state) by the time the consumer holds the item.
#[generator]
fn leak<'a>(_x: &'a String) -> impl Iterator<Item = &'a String> {
    let local = String::from("local");
    yield_!(&local);
}

fn main() {}

use std::fmt::Display;

use gen_core::generator;

// A `dyn Trait + 'a` item holding a borrow of a local instead of data that lives for `'a`.
#[generator(boxed)]
fn shown<'a>(prefix: &'a str) -> impl Iterator<Item = Box<dyn Display + 'a>> {
    let local = format!("{prefix}!");
    yield_!(Box::new(prefix));
    yield_!(Box::new(&local));
}

fn main() {}

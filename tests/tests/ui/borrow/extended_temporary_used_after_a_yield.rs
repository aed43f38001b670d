//! `let tag = &make();` keeps the temporary alive to the end of the block; used after a yield,
//! `tag` borrows it across the yield, which a flat generator cannot keep.
use gen_core::generator;

struct Tag(&'static str);

fn make(name: &'static str) -> Tag {
    Tag(name)
}

#[generator]
fn tagged() -> impl Iterator<Item = &'static str> {
    let tag = &make("t");
    yield_!("start");
    yield_!(tag.0);
}

fn main() {
    let _ = tagged();
}

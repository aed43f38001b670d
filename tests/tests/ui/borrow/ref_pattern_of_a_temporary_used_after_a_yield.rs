//! `let (ref name, _) = (make(), 1);` binds `name` by reference into the tuple, a temporary
//! the `let` keeps alive to the end of the block; used after a yield, `name` borrows it across
//! the yield. The fix binds the value itself (no `ref`).
use gen_core::generator;

fn make() -> String {
    "t".to_owned()
}

#[generator]
fn named() -> impl Iterator<Item = usize> {
    let (ref name, _) = (make(), 1);
    yield_!(name.len());
    yield_!(name.len());
}

fn main() {
    let _ = named();
}

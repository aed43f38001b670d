//! An `iter!` block that yields a borrow of a `String` it captured by move (`yield
//! owned.as_str()`): the macro's check on the capture, not rustc's error about data escaping
//! a closure, once per capture. Through a captured reference it compiles
//! (`tests/inline_items_borrowing_captures.rs`).
use gen_core::iter;

fn main() {
    let owned = String::from("x");
    let it = iter! {
        yield owned.as_str();
        yield owned.trim();
    };
    for x in it {
        println!("{x}");
    }
}

//! A `stream!` block whose yields hand over items of two types: rustc's E0308 on the second
//! value, as on the value of a `gen` block, not on the whole block.
use gen_core::stream;

fn main() {
    let n = 2u32;
    let s = stream! {
        yield n;
        yield "two";
    };
    let _ = s;
}

// An `iter!` block's item type is what its first yield yields: an item of another type later
// is one "mismatched types" at that value, as a closure returning two types is, with nothing
// about the block's own code.
use gen_core::iter;

fn main() {
    let words = vec![1u32, 2];
    let items = iter! {
        for w in words {
            yield w;
            yield "separator";
        }
    };
    let _ = items.count();

    let more = iter! {
        yield_!(0u8);
        yield_from!(vec!['a', 'b']);
    };
    let _ = more.count();
}

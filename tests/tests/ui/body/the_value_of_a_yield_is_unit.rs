// A yield is an expression of type `()`, as in nightly `gen` blocks: using its value as
// another type is rustc's one type error, on the user's yield.
use gen_core::generator;

#[generator]
fn resumed_with_a_number() -> impl Iterator<Item = u32> {
    let y: u32 = yield_!(1);
    yield_!(y);
}

#[generator]
fn branches_of_two_types(total: u32) -> impl Iterator<Item = u32> {
    if total > 10 {
        yield_!(total)
    } else {
        1
    };
}

fn a_block_resumed_with_a_number() -> impl Iterator<Item = u32> {
    gen_core::iter! {
        let y: u32 = yield 1;
        yield y;
    }
}

fn main() {}

// A refutable pattern in a `let` is rustc's E0005, once, with its `let .. else` suggestion
// written where the plain function's goes (after the value), in the state machine's copy of
// the statement as in the fold copy.
use gen_core::generator;

#[generator]
fn firsts(o: Option<u32>) -> impl Iterator<Item = u32> {
    let Some(x) = o;
    yield_!(x);
    yield_!(x + 1);
}

fn main() {
    let _ = firsts(Some(1)).count();
}

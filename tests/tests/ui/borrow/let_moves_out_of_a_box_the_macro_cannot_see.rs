// `let v = *b;` out of a box the macro cannot see (popped off a `Vec<Box<String>>`), while
// the box is still in scope at a later yield, and no field of `v` named: taken for a copy out
// of a `Deref` value (so that a lock guard keeps its lock), which `String` is not. The error
// names the fixes that apply to a `let`; `let v: String = *b;` compiles.
use gen_core::generator;

#[generator]
fn unboxed(mut stack: Vec<Box<String>>) -> impl Iterator<Item = String> {
    while let Some(b) = stack.pop() {
        let v = *b;
        yield_!(v);
    }
}

#[generator]
fn annotated(mut stack: Vec<Box<String>>) -> impl Iterator<Item = String> {
    while let Some(b) = stack.pop() {
        let v: String = *b;
        yield_!(v);
    }
}

fn main() {
    let _ = unboxed;
    let _ = annotated;
}

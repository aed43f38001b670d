//! A named closure that captures an argument by reference, passed into an adapter whose
//! iterator is kept across yields: the error is on the closure, naming the `move` fix.
use gen_core::generator;

#[generator]
fn scaled(v: Vec<i64>, factor: i64) -> impl Iterator<Item = i64> {
    let scale = |n: i64| n * factor;
    let it = v.into_iter().map(scale);
    for x in it {
        yield_!(x);
    }
}

// The fix the message names.
#[generator]
fn scaled_by_move(v: Vec<i64>, factor: i64) -> impl Iterator<Item = i64> {
    let scale = move |n: i64| n * factor;
    let it = v.into_iter().map(scale);
    for x in it {
        yield_!(x);
    }
}

fn main() {
    let _ = scaled;
    let _ = scaled_by_move;
}

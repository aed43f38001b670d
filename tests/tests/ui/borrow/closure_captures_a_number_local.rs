// A non-`move` closure that reads a number local captures it by reference, even where it
// uses it by value (`d.min(cap)`): kept across a yield, that is the macro's own error naming
// the `move` fix (a `move` closure copies the number).
use gen_core::generator;

#[generator]
fn clamped(ds: Vec<u32>) -> impl Iterator<Item = u32> {
    let cap = 10u32;
    let clamp = |d: u32| d.min(cap);
    for d in ds {
        yield_!(clamp(d));
    }
}

#[generator]
fn over(ds: Vec<u32>) -> impl Iterator<Item = u32> {
    let limit = 2;
    for d in ds.into_iter().filter(|&d| d > limit) {
        yield_!(d);
    }
}

// The fix, which compiles.
#[generator]
fn clamped_move(ds: Vec<u32>) -> impl Iterator<Item = u32> {
    let cap = 10u32;
    let clamp = move |d: u32| d.min(cap);
    for d in ds {
        yield_!(clamp(d));
    }
}

fn main() {}

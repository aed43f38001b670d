//! An `if let` or `while let` whose pattern always matches is reported
//! (`irrefutable_let_patterns`) inside a flat generator, on the user's `let`, whether the
//! branch yields or not, as in the plain function.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn ends_of(a: [i64; 3]) -> impl Iterator<Item = i64> {
    if let [first, .., last] = a {
        yield_!(first);
        yield_!(last);
    }
}

#[generator]
fn sum_of(a: [i64; 3]) -> impl Iterator<Item = i64> {
    yield_!(0);
    if let [x, y, z] = a {
        yield_!(x + y + z);
    }
    while let (n, m) = (a[0], a[1]) {
        yield_!(n * m);
        break;
    }
}

fn main() {
    let _ = ends_of([1, 2, 3]).count();
    let _ = sum_of([1, 2, 3]).count();
}

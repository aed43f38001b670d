//! An endless `loop` that yields, and statements left after a `break` or `continue` in a
//! loop that yields (dead code left while editing): the generator draws no warning of its own
//! (`#![deny(warnings)]`; under clippy, no `diverging_sub_expression` on `#[generator]`), and
//! yields what the plain code computes. An `#[allow(unreachable_code)]` on a statement after
//! the jump holds in the generator as in the plain function.
#![deny(warnings)]

use gen_core::generator;

#[generator]
pub fn ones() -> impl Iterator<Item = u8> {
    loop {
        yield_!(1);
    }
}

#[generator]
#[allow(unreachable_code)]
#[allow(clippy::never_loop)] // the plain function's lint, as written
pub fn first_of_each(rows: Vec<Vec<u8>>) -> impl Iterator<Item = u8> {
    for row in rows {
        for b in row {
            yield_!(b);
            break;
            yield_!(b + 100);
        }
    }
}

#[generator]
#[allow(unreachable_code)]
pub fn evens(n: u8) -> impl Iterator<Item = u8> {
    for i in 0..n {
        if i % 2 == 1 {
            continue;
            yield_!(i);
        }
        yield_!(i);
    }
}

#[generator]
pub fn after_return(n: u8) -> impl Iterator<Item = u8> {
    yield_!(n);
    return;
    #[allow(unreachable_code)]
    {
        yield_!(n + 1);
    }
}

pub fn main() {
    assert_eq!(after_return(4).collect::<Vec<_>>(), [4]);
    assert_eq!(ones().take(3).collect::<Vec<_>>(), [1, 1, 1]);
    assert_eq!(
        first_of_each(vec![vec![1, 2], vec![], vec![3]]).collect::<Vec<_>>(),
        [1, 3]
    );
    assert_eq!(evens(5).collect::<Vec<_>>(), [0, 2, 4]);
}

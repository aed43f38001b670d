//! A capitalized name bound where a pattern cannot be refutable (`let N = n * 2;`, `for (K,
//! V) in v`, a closure's parameter) is a local, as in Rust (with `non_snake_case` allowed),
//! also when it is read after a yield; a capitalized name in a `match` arm is still the
//! constant it names, unless the body binds that name as a local.
#![allow(non_snake_case)]

use gen_core::{generator, iter};
use gen_tests::{check, twin};

const LIMIT: u32 = 3;

twin! {
    fn capitalized_locals(n: u32) -> u32 {
        let N = n * 2;
        for i in 0..N {
            yield_!(i);
        }
        yield_!(N);
        for (K, V) in vec![(1u32, 2u32), (N, N + 1)] {
            yield_!(K);
            yield_!(V);
        }
        let scale = |F: u32| F * 10;
        yield_!(scale(N));
        for x in [1u32, LIMIT, 5] {
            match x {
                LIMIT => {
                    yield_!(100);
                    yield_!(LIMIT);
                }
                other => yield_!(other),
            }
        }
    }
}

#[generator]
fn clonable_total(n: u32) -> impl Iterator<Item = u32> + Clone {
    let Total = n + 1;
    for i in 0..n {
        yield_!(i + Total);
    }
}

#[test]
fn capitalized_locals_are_kept_across_yields() {
    check!(capitalized_locals(2));
    check!(capitalized_locals(0));
    let mut g = clonable_total(3);
    assert_eq!(g.next(), Some(4));
    let copy = g.clone();
    assert_eq!(g.collect::<Vec<_>>(), [5, 6]);
    assert_eq!(copy.collect::<Vec<_>>(), [5, 6]);
    let n = 3u32;
    let block = iter! {
        let N = n;
        yield 0;
        yield N;
    };
    assert_eq!(block.collect::<Vec<_>>(), [0, 3]);
}

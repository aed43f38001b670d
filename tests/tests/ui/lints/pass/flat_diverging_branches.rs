//! A branch of a value `if` or `match` that yields and then leaves (`break`, `continue`,
//! `return`) has no value to hand on; the generator draws no "unreachable statement" warning
//! of its own (`#![deny(warnings)]`), and yields what the plain code computes.
#![deny(warnings)]

use gen_core::generator;

#[generator]
fn first_zero_then_stop(input: Vec<u8>) -> impl Iterator<Item = u8> {
    for b in input {
        let _width = if b == 0 {
            yield_!(b);
            break;
        } else {
            1
        };
    }
}

#[generator]
fn skip_marked(input: Vec<u8>) -> impl Iterator<Item = u8> {
    for b in input {
        let doubled = match b {
            0 => {
                yield_!(0);
                continue;
            }
            255 => {
                yield_!(255);
                return;
            }
            n => n.wrapping_mul(2),
        };
        yield_!(doubled);
    }
}

fn main() {
    let plain_first: Vec<u8> = vec![0];
    assert_eq!(first_zero_then_stop(vec![0, 1, 0]).collect::<Vec<_>>(), plain_first);
    assert_eq!(
        skip_marked(vec![1, 0, 2, 255, 3]).collect::<Vec<_>>(),
        vec![2, 0, 4, 255]
    );
}

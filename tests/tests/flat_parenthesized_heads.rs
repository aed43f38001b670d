//! Struct literals in positions that need their parentheses (`match (P { .. }) { .. }`,
//! `for x in (Countdown { .. })`, `if let P { .. } = (P { .. })`) with yields inside: the
//! generator compiles as the plain function does, and adds no `unused_parens` warning (this
//! file denies it). Each body runs against its plain twin.
#![deny(unused_parens)]

use gen_tests::{check, same_drops, twin};

#[derive(Debug)]
pub struct P {
    x: u32,
    y: u32,
}

/// Counts down from `left`.
#[derive(Debug)]
pub struct Countdown {
    left: u32,
}

impl Iterator for Countdown {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        self.left = self.left.checked_sub(1)?;
        Some(self.left)
    }
}

twin! {
    // Written as a `match` on purpose: its scrutinee's parentheses are the subject.
    #[allow(clippy::match_single_binding)]
    fn match_on_a_literal(n: u32) -> u32 {
        match (P { x: n, y: 2 }) {
            P { x, y } => {
                yield_!(x);
                yield_!(y);
            }
        }
        if let P { x, y: 7 } = (P { x: n + 1, y: 7 }) {
            yield_!(x);
            yield_!(x * 2);
        }
    }
}

twin! {
    fn loop_over_a_literal(n: u32) -> u32 {
        for x in (Countdown { left: n }) {
            yield_!(x);
        }
        for (i, x) in (Countdown { left: n }).enumerate() {
            yield_!(x + i as u32);
        }
    }
}

#[test]
fn struct_literals_that_need_their_parentheses() {
    assert_eq!(check!(match_on_a_literal(3)), [3, 2, 4, 8]);
    same_drops!(match_on_a_literal(3));
    assert_eq!(check!(loop_over_a_literal(3)), [2, 1, 0, 2, 2, 2]);
    same_drops!(loop_over_a_literal(3));
}

//! Resident loop heads: a `for` loop whose head saves only its own iterator keeps the iterator
//! inside the generator's stored state (`gen_core::__private::Resident`) instead of moving it
//! out and back on every item. Every way out of such a loop must leave the state right and
//! drop the iterator where the plain function drops it:
//! - the loop ends, or `break`s to the code after it or to an enclosing labelled block;
//! - `return;`, `?`, or a yield followed by `return;` inside it;
//! - a yield in the middle of the body (the resume state takes the iterator along) or inside a
//!   nested compound (the join takes it along), and back to the head;
//! - a loop nested in it (the outer iterator moves into the inner loop's states);
//! - a panic in the body (the iterator drops while unwinding; the generator is finished);
//! - the generator dropped while suspended.
//!
//! Each body iterates over a [`NoisyIter`], which logs `drop <name>`; the logs are compared
//! with the plain function's for every way of driving the generator (`same_drops!`).
//! `gen-macros/snapshots/parse_lines.expanded.rs` shows the lowering.

use std::num::ParseIntError;
use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_core::generator;
use gen_tests::{Noisy, NoisyIter, check, live, log, same_drops, take_log, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    fn loop_then_more(len: u32) -> u32 {
        for x in NoisyIter::new("it", len) {
            yield_!(x);
        }
        let _after = n("after");
        yield_!(100);
    }
}

#[test]
fn the_iterator_drops_when_the_loop_ends() {
    let full = same_drops!(loop_then_more(2));
    #[rustfmt::skip]
    let expected = ["yield 0", "yield 1", "drop it", "yield 100", "drop after"];
    assert_eq!(full, expected);
    same_drops!(loop_then_more(0));
    assert_eq!(check!(loop_then_more(3)), [0, 1, 2, 100]);
}

twin! {
    fn break_out(len: u32) -> u32 {
        for x in NoisyIter::new("it", len) {
            let _body = n(&format!("body{x}"));
            if x == 2 {
                break;
            }
            yield_!(x);
        }
        yield_!(100);
    }
}

twin! {
    fn return_out(len: u32) -> u32 {
        for x in NoisyIter::new("it", len) {
            let _body = n(&format!("body{x}"));
            if x == 2 {
                return;
            }
            yield_!(x);
        }
        yield_!(100);
    }
}

#[test]
fn break_and_return_drop_the_body_then_the_iterator() {
    let full = same_drops!(break_out(5));
    #[rustfmt::skip]
    let expected = [
        "yield 0", "drop body0", "yield 1", "drop body1", "drop body2", "drop it", "yield 100",
    ];
    assert_eq!(full, expected);
    let full = same_drops!(return_out(5));
    #[rustfmt::skip]
    let expected = ["yield 0", "drop body0", "yield 1", "drop body1", "drop body2", "drop it"];
    assert_eq!(full, expected);
    let full = same_drops!(return_out(2));
    #[rustfmt::skip]
    let expected = ["yield 0", "drop body0", "yield 1", "drop body1", "drop it", "yield 100"];
    assert_eq!(full, expected);
}

twin! {
    fn break_labelled_block(len: u32) -> u32 {
        'found: {
            for x in NoisyIter::new("it", len) {
                if x == 2 {
                    break 'found;
                }
                yield_!(x);
            }
            yield_!(100);
        }
        yield_!(200);
    }
}

#[test]
fn a_break_to_an_enclosing_block_drops_the_iterator_on_the_way() {
    let full = same_drops!(break_labelled_block(4));
    assert_eq!(full, ["yield 0", "yield 1", "drop it", "yield 200"]);
    let full = same_drops!(break_labelled_block(1));
    assert_eq!(full, ["yield 0", "drop it", "yield 100", "yield 200"]);
}

twin! {
    fallible fn question_mark(items: Vec<Noisy>) -> Result<u32, ParseIntError> {
        for item in items {
            let v: u32 = item.name().parse()?;
            yield_!(Ok(v));
        }
    }
}

#[test]
fn question_mark_drops_the_item_then_the_iterator_then_yields_the_error() {
    let items = || vec![n("1"), n("x"), n("3")];
    let full = same_drops!(question_mark(items()));
    #[rustfmt::skip]
    let expected = [
        "yield Ok(1)", "drop 1", "drop x", "drop 3",
        "yield Err(ParseIntError { kind: InvalidDigit })",
    ];
    assert_eq!(full, expected);
    assert_eq!(check!(question_mark(vec![n("4"), n("5")])), [Ok(4), Ok(5)]);
}

twin! {
    fn resume_mid_body(len: u32) -> u32 {
        for x in NoisyIter::new("it", len) {
            let body = n(&format!("body{x}"));
            yield_!(x);
            drop(body);
            yield_!(x + 10);
        }
    }
}

#[test]
fn a_yield_mid_body_carries_the_iterator_to_its_resume_and_back() {
    let full = same_drops!(resume_mid_body(2));
    #[rustfmt::skip]
    let expected = [
        "yield 0", "drop body0", "yield 10", "yield 1", "drop body1", "yield 11", "drop it",
    ];
    assert_eq!(full, expected);
}

twin! {
    fn yield_in_a_join(len: u32) -> u32 {
        for x in NoisyIter::new("it", len) {
            let v = if x % 2 == 0 {
                yield_!(x);
                x * 10
            } else {
                x
            };
            yield_!(v);
        }
    }
}

#[test]
fn a_yield_in_a_nested_compound_carries_the_iterator_to_the_join() {
    let full = same_drops!(yield_in_a_join(3));
    #[rustfmt::skip]
    let expected = ["yield 0", "yield 0", "yield 1", "yield 2", "yield 20", "drop it"];
    assert_eq!(full, expected);
}

twin! {
    fn yield_then_return(len: u32) -> u32 {
        for x in NoisyIter::new("it", len) {
            if x == 1 {
                yield_!(100);
                return;
            }
            yield_!(x);
        }
    }
}

twin! {
    fn yield_then_return_plain_range(len: u32) -> u32 {
        for x in 0..len {
            if x == 1 {
                yield_!(100);
                return;
            }
            yield_!(x);
        }
    }
}

#[test]
fn a_yield_before_return_keeps_the_iterator_until_the_resume() {
    // `NoisyIter` has drop glue: the iterator drops after the resume, at the `return`.
    let full = same_drops!(yield_then_return(3));
    assert_eq!(full, ["yield 0", "yield 100", "drop it"]);
    // A `Range` has none: the generator finishes at the yield.
    assert_eq!(check!(yield_then_return_plain_range(3)), [0, 100]);
    assert_eq!(check!(yield_then_return_plain_range(1)), [0]);
}

twin! {
    fn nested_loops(rows: u32) -> u32 {
        for r in NoisyIter::new("rows", rows) {
            for c in NoisyIter::new(format!("row{r}"), r) {
                yield_!(r * 10 + c);
            }
        }
    }
}

#[test]
fn an_inner_loop_takes_the_outer_iterator_along_and_back() {
    let full = same_drops!(nested_loops(3));
    #[rustfmt::skip]
    let expected = [
        "drop row0", "yield 10", "drop row1", "yield 20", "yield 21", "drop row2", "drop rows",
    ];
    assert_eq!(full, expected);
}

twin! {
    fn two_yield_froms(len: u32) -> u32 {
        yield_from!(NoisyIter::new("a", len));
        yield_from!(NoisyIter::new("b", 2));
    }
}

twin! {
    fn break_into_the_next_loop(len: u32) -> u32 {
        for x in NoisyIter::new("a", len) {
            let _body = n(&format!("body{x}"));
            if x == 1 {
                break;
            }
            yield_!(x);
        }
        for y in NoisyIter::new("b", 2) {
            yield_!(y + 10);
        }
    }
}

#[test]
fn consecutive_resident_loops() {
    let full = same_drops!(two_yield_froms(2));
    #[rustfmt::skip]
    let expected = ["yield 0", "yield 1", "drop a", "yield 0", "yield 1", "drop b"];
    assert_eq!(full, expected);
    let full = same_drops!(break_into_the_next_loop(3));
    #[rustfmt::skip]
    let expected = [
        "yield 0", "drop body0", "drop body1", "drop a", "yield 10", "yield 11", "drop b",
    ];
    assert_eq!(full, expected);
}

twin! {
    fn skip_odd(len: u32) -> u32 {
        for x in NoisyIter::new("it", len) {
            if x % 2 == 1 {
                continue;
            }
            yield_!(x);
        }
    }
}

#[test]
fn continue_stays_in_the_resident_loop() {
    let full = same_drops!(skip_odd(5));
    assert_eq!(full, ["yield 0", "yield 2", "yield 4", "drop it"]);
}

#[generator]
fn panics_at_two(len: u32) -> impl Iterator<Item = u32> {
    for x in NoisyIter::new("it", len) {
        let _body = n(&format!("body{x}"));
        assert!(x != 2, "boom");
        yield_!(x);
    }
}

fn panics_at_two_plain(len: u32) {
    for x in NoisyIter::new("it", len) {
        let _body = n(&format!("body{x}"));
        assert!(x != 2, "boom");
        log(format!("yield {x}"));
    }
}

#[test]
fn a_panic_drops_the_iterator_while_unwinding_and_finishes_the_generator() {
    let _ = take_log();
    assert!(catch_unwind(|| panics_at_two_plain(4)).is_err());
    let want = take_log();
    #[rustfmt::skip]
    let expected = [
        "yield 0", "drop body0", "yield 1", "drop body1", "drop body2", "drop it",
    ];
    assert_eq!(want, expected);

    let mut g = panics_at_two(4);
    let r = catch_unwind(AssertUnwindSafe(|| {
        for v in g.by_ref() {
            log(format!("yield {v}"));
        }
    }));
    assert!(r.is_err(), "the panic must propagate out of next()");
    assert_eq!(take_log(), want, "unwinding drops like the plain function");
    assert_eq!(live(), 0);
    assert_eq!(g.next(), None, "a panicked generator is finished");
    assert_eq!(g.next(), None);
    drop(g);
    assert!(take_log().is_empty(), "nothing is dropped twice");

    let r = catch_unwind(|| panics_at_two(4).fold((), |(), v| log(format!("yield {v}"))));
    assert!(r.is_err());
    assert_eq!(take_log(), want, "unwinding out of fold");
    assert_eq!(live(), 0);
}

#[test]
fn dropping_a_suspended_generator_drops_the_resident_iterator() {
    let _ = take_log();
    let mut g = loop_then_more::generator(5);
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.next(), Some(1));
    assert!(take_log().is_empty(), "the iterator is still in use");
    assert_eq!(live(), 1);
    drop(g);
    assert_eq!(take_log(), ["drop it"]);
    assert_eq!(live(), 0);
}

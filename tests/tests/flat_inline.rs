//! `gen_core::iter! { ... }`: an inline generator expression (`impl Iterator`) that accepts
//! `yield_!(v)`, `yield_from!(it)`, the `yield v` keyword and `?`, runs nothing until the first
//! `next`, takes its item type from the context when it yields nothing, and may be returned from
//! a function or used in a `#[generator]` body. What it captures is in `flat_inline_captures.rs`.

use gen_core::{generator, iter};
use gen_tests::{check_iter, log, take_log};

#[test]
fn yield_macro_and_yield_keyword() {
    check_iter(&[1, 2, 3], || iter! { yield_!(1); yield 2; yield_!(3) });
    check_iter(&[0, 10, 1, 11], || {
        iter! {
            for i in 0..2 {
                yield i;
                yield_!(i + 10);
            }
        }
    });
    check_iter(&[7], || iter! { yield 7 });
    check_iter(&[] as &[u8], || iter! { if false { yield 1u8 } });
}

fn evens(v: Vec<u32>) -> impl Iterator<Item = u32> {
    iter! {
        for x in v {
            if x % 2 == 0 {
                yield x;
            }
        }
    }
}

#[test]
fn returned_from_a_function() {
    check_iter(&[2, 4], || evens(vec![1, 2, 3, 4]));
    check_iter(&[], || evens(vec![]));
}

#[test]
fn lazy_until_first_next() {
    let _ = take_log();
    let mut g = iter! {
        log("start");
        yield 1;
        log("after 1");
        yield 2;
        log("end");
    };
    assert!(take_log().is_empty(), "creating an iter! must run nothing");
    assert_eq!(g.next(), Some(1));
    assert_eq!(take_log(), ["start"]);
    assert_eq!(g.next(), Some(2));
    assert_eq!(g.next(), None);
    assert_eq!(take_log(), ["after 1", "end"]);
    assert_eq!(g.next(), None);
    assert!(take_log().is_empty(), "a finished iter! must run nothing");
}

#[test]
fn control_flow_inside_iter() {
    let make = |limit: u32| {
        iter! {
            let mut state = 0u32;
            'outer: loop {
                state = match state {
                    s if s >= limit => break 'outer,
                    s if s % 3 == 0 => {
                        yield_from!(0..s);
                        s + 1
                    }
                    s => {
                        let Some(h) = s.checked_sub(1) else { continue 'outer };
                        yield h * 100;
                        s + 1
                    }
                };
            }
            yield 9999;
        }
    };
    let expected = |limit: u32| {
        let mut out = Vec::new();
        let mut state = 0u32;
        while state < limit {
            if state.is_multiple_of(3) {
                out.extend(0..state);
            } else {
                out.push((state - 1) * 100);
            }
            state += 1;
        }
        out.push(9999);
        out
    };
    for limit in [0, 1, 2, 5, 8] {
        check_iter(&expected(limit), || make(limit));
    }
}

#[test]
fn iter_of_non_copy_items_and_zipping_two() {
    let a = iter! {
        for s in ["x", "y", "z"] {
            yield s.repeat(2);
        }
    };
    let b = iter! {
        let mut n = 0;
        loop {
            n += 1;
            yield n;
        }
    };
    let zipped: Vec<(String, i32)> = a.zip(b).collect();
    assert_eq!(
        zipped,
        [
            ("xx".to_string(), 1),
            ("yy".to_string(), 2),
            ("zz".to_string(), 3)
        ]
    );
}

#[generator]
fn outer_with_inline(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        let squares = iter! {
            for j in 0..i {
                yield j * j;
            }
        };
        yield_!(i);
        yield_from!(squares);
    }
}

#[test]
fn iter_inside_a_generator_body() {
    check_iter(&[0, 1, 0, 2, 0, 1], || outer_with_inline(3));
}

#[test]
fn a_bare_yield_yields_a_unit_and_an_empty_body_has_unit_items() {
    let units = gen_core::iter! {
        yield;
        yield;
    };
    assert_eq!(units.count(), 2);
    let empty = gen_core::iter! {};
    assert_eq!(empty.collect::<Vec<()>>(), []);
}

#[derive(Debug, PartialEq)]
pub struct ParseFailure(String);

impl From<std::num::ParseIntError> for ParseFailure {
    fn from(e: std::num::ParseIntError) -> Self {
        ParseFailure(e.to_string())
    }
}

fn parsed(words: Vec<&'static str>) -> impl Iterator<Item = Result<u32, ParseFailure>> {
    gen_core::iter! {
        for w in words {
            let n: u32 = w.parse()?;
            yield Ok(n * 2);
        }
    }
}

// `?` in an `iter!` block: the error, converted with `From`, is the last item.
#[test]
fn question_mark_in_an_iter_block_yields_the_converted_error_last() {
    assert_eq!(parsed(vec!["1", "2"]).collect::<Vec<_>>(), [Ok(2), Ok(4)]);
    let e = "x".parse::<u32>().unwrap_err().to_string();
    assert_eq!(
        parsed(vec!["1", "x", "3"]).collect::<Vec<_>>(),
        [Ok(2), Err(ParseFailure(e.clone()))]
    );
    let mut it = parsed(vec!["x"]);
    assert_eq!(it.next(), Some(Err(ParseFailure(e))));
    assert_eq!(it.next(), None);
}

/// An `iter!` block that yields nothing takes its item type from where it is used, as a `gen`
/// block does: here the signature's `u32`.
fn nothing() -> impl Iterator<Item = u32> {
    iter! {}
}

fn nothing_but_an_early_return(stop: bool) -> impl Iterator<Item = u32> {
    iter! {
        if stop {
            return;
        }
    }
}

#[test]
fn a_block_without_yields_takes_its_item_type_from_the_context() {
    assert_eq!(nothing().count(), 0);
    assert_eq!(nothing_but_an_early_return(true).next(), None);
    assert_eq!(nothing_but_an_early_return(false).sum::<u32>(), 0);
    let mut typed: Vec<String> = iter! {}.collect();
    typed.push(String::from("x"));
    assert_eq!(typed, ["x"]);
}

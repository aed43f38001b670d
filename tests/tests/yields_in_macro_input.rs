//! A yield inside another macro's input (`vec![yield_!(1)]`, `println!("{:?}", yield_!(x))`,
//! `assert_eq!(yield_!(v), ())`): the flat state machine cannot see it there, so such a
//! `#[generator]` is lowered `boxed`, and runs as the plain function does: the macro's other
//! operands are evaluated in order around the suspension, and its temporaries drop where the
//! plain function drops them. A generator declared `+ Clone` cannot be `boxed`: that is the
//! macro's error (`tests/ui/yield_context/in_vec_macro_clone.rs`).

use std::fmt::Write as _;

use gen_core::generator;
use gen_tests::{Noisy, check, same_drops, twin};

twin! {
    fn yields_inside_vec(n: u32) -> u32 {
        let before = Noisy::new("before");
        let mut v = vec![n, { yield_!(n + 1); n + 2 }, n + 3];
        v.push(n);
        yield_!(v.iter().sum::<u32>());
        let mut units = vec![yield_!(n * 10), yield_!(n * 20)];
        units.push(());
        yield_!(u32::try_from(units.len()).unwrap_or(0));
        drop(before);
    }
}

#[test]
fn a_yield_inside_vec() {
    assert_eq!(check!(yields_inside_vec(1)), [2, 9, 10, 20, 3]);
    same_drops!(yields_inside_vec(1));
}

twin! {
    fn yields_inside_format_macros(words: Vec<String>) -> String {
        let mut out = String::new();
        for (i, w) in words.iter().enumerate() {
            let guard = Noisy::new(format!("guard {i}"));
            write!(out, "{}:{:?};", w, yield_!(w.to_uppercase())).unwrap();
            let line = format!("{}-{:?}-{}", guard.name(), yield_!(format!("{i}")), w.len());
            yield_!(line);
        }
        assert_eq!(yield_!(out.clone()), ());
        yield_!(out);
    }
}

#[test]
fn yields_inside_format_write_and_assert() {
    let words = || vec![String::from("ab"), String::from("c")];
    assert_eq!(
        check!(yields_inside_format_macros(words())),
        [
            "AB",
            "0",
            "guard 0-()-2",
            "C",
            "1",
            "guard 1-()-1",
            "ab:();c:();",
            "ab:();c:();"
        ]
    );
    let log = same_drops!(yields_inside_format_macros(words()));
    assert!(log.iter().any(|e| e == "drop guard 1"), "{log:?}");
}

#[test]
fn a_yield_inside_a_macro_in_an_iter_block() {
    let n = 4u32;
    let items: Vec<u32> = gen_core::iter! {
        let mut v = vec![yield n, yield n + 1];
        v.push(());
        yield u32::try_from(v.len()).unwrap_or(0);
    }
    .collect();
    assert_eq!(items, [4, 5, 3]);
}

/// A generator that keeps a borrow of its own local across a yield inside a macro is fine
/// too: it is `boxed`.
#[generator]
fn borrow_across_a_yield_in_a_macro(text: String) -> impl Iterator<Item = usize> {
    let local = text;
    let words: Vec<&str> = local.split(' ').collect();
    let mut lens = vec![words[0].len(), {
        yield_!(words.len());
        words[1].len()
    }];
    lens.push(words.len());
    yield_!(lens.iter().sum());
}

#[test]
fn a_borrow_across_a_yield_inside_a_macro() {
    let items: Vec<usize> = borrow_across_a_yield_in_a_macro("ab cde".into()).collect();
    assert_eq!(items, [2, 7]);
}

//! An `iter!` block that keeps across its yields a borrow of what it captured (`&v`, `let
//! first = &items;`, `if let Some(s) = &opt`, `v.drain(..)`, `yr.iter_mut()`, a closure
//! that borrows a capture): the block owns its captures as a `move` closure does, and runs
//! as the `move` closure holding the same body runs, items and drops alike.

use gen_core::iter;
use gen_tests::{Noisy, log, take_log};

/// Runs the `move` closure `body`, collecting what it emits.
fn emitted<T>(body: impl FnOnce(&mut dyn FnMut(T))) -> Vec<T> {
    let mut out = Vec::new();
    body(&mut |x| out.push(x));
    out
}

#[test]
fn a_loop_over_a_borrow_of_an_owned_capture() {
    let v = vec![1u32, 2, 3];
    let doubled = iter! {
        for x in &v {
            yield *x * 2;
        }
        yield v.len() as u32;
    };
    let v2 = vec![1u32, 2, 3];
    let plain = emitted(move |e| {
        for x in &v2 {
            e(*x * 2);
        }
        e(v2.len() as u32);
    });
    assert_eq!(doubled.collect::<Vec<_>>(), plain);
}

fn first_and_len(opt: &Option<String>, items: &[String]) -> impl Iterator<Item = usize> {
    iter! {
        if let Some(s) = &opt {
            yield 1;
            yield s.len();
        }
        let first = &items;
        yield 0;
        yield first.len();
        if let [a, b, ..] = &items {
            yield a.len();
            yield b.len();
        }
    }
}

#[test]
fn a_borrow_of_a_captured_reference_in_a_scrutinee_or_a_let() {
    let opt = Some(String::from("abc"));
    let items = vec![String::from("x"), String::from("yz")];
    let got: Vec<usize> = first_and_len(&opt, &items).collect();
    let (o, i) = (&opt, &items[..]);
    let plain = emitted(move |e| {
        if let Some(s) = &o {
            e(1);
            e(s.len());
        }
        let first = &i;
        e(0);
        e(first.len());
        if let [a, b, ..] = &i {
            e(a.len());
            e(b.len());
        }
    });
    assert_eq!(got, plain);
    assert_eq!(got, [1, 3, 0, 2, 1, 2]);
}

#[test]
fn a_closure_borrowing_a_capture_kept_across_yields() {
    let shifted = |k: u32, v: Vec<u32>| {
        iter! {
            let add = |x: u32| x + k;
            for x in v {
                yield add(x);
            }
        }
    };
    assert_eq!(shifted(1, vec![1, 2]).collect::<Vec<_>>(), [2, 3]);
    let prefix = String::from("p");
    let items = vec![String::from("a"), String::from("b")];
    let listing = {
        let (prefix, items) = (&prefix, &items);
        iter! {
            yield format!("{prefix}:start");
            yield_from!(items.iter().map(|i| format!("{prefix}/{i}")));
        }
    };
    assert_eq!(listing.collect::<Vec<_>>(), ["p:start", "p/a", "p/b"]);
}

#[test]
fn a_captured_mutable_reference_drained_or_iterated_mutably() {
    let mut v = vec![Noisy::new("a"), Noisy::new("b")];
    {
        let v = &mut v;
        let drained = iter! {
            for x in v.drain(..) {
                log(format!("got {}", x.name()));
                yield x.name().len();
            }
        };
        assert_eq!(drained.collect::<Vec<_>>(), [1, 1]);
    }
    assert!(v.is_empty());
    assert_eq!(take_log(), ["got a", "drop a", "got b", "drop b"]);

    let mut y = vec![1_i32, 2];
    {
        let yr = &mut y;
        let items = iter! {
            for p in yr.iter_mut() {
                yield p;
            }
        };
        for p in items {
            *p *= 10;
        }
    }
    assert_eq!(y, [10, 20]);
}

// The fix the captured-by-reference error names for a block that outlives its function:
// the borrow written as the block's first statement, shadowing the capture.
fn words(text: String) -> impl Iterator<Item = String> {
    iter! {
        let text = &text;
        for w in text.split_whitespace() {
            yield w.to_uppercase();
        }
    }
}

struct Config {
    names: Vec<String>,
    _noisy: Noisy,
}

fn name_lengths(cfg: Config) -> impl Iterator<Item = usize> {
    iter! {
        let cfg = &cfg;
        for name in cfg.names.iter() {
            yield name.len();
        }
    }
}

#[test]
fn a_borrow_of_a_capture_shadowing_it_in_a_returned_block() {
    let out: Vec<String> = words("a bc".into()).collect();
    assert_eq!(out, ["A", "BC"]);
    let _ = take_log();
    let cfg = Config {
        names: vec!["ab".into(), "c".into()],
        _noisy: Noisy::new("cfg"),
    };
    let mut lengths = name_lengths(cfg);
    assert_eq!(lengths.next(), Some(2));
    assert_eq!(take_log(), Vec::<String>::new());
    drop(lengths);
    assert_eq!(take_log(), ["drop cfg"]);
}

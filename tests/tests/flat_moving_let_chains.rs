//! A `let` chain whose pattern moves out of a local before a later part may fail (`if let
//! Some(x) = o && x.ready()`): when the later part fails, the binding drops before `else`
//! runs and the local stays moved; when the pattern fails, the local is whole. Each body runs
//! flat against its plain twin (items, drop log at every early stop), with and without
//! `else`, with the chain's value used, with later parts that borrow an earlier binding, and
//! in a generator that must stay `Clone`.

use gen_core::generator;
use gen_tests::{Noisy, Tag, check, log, same_drops, take_log, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    // The chain's value, with `else`.
    fn chain_value(a: Option<Noisy>, min: usize) -> usize {
        let r = if let Some(x) = a && x.name().len() > min { x.name().len() } else { 0 };
        yield_!(r);
        let _after = n("after");
        yield_!(r + 1);
    }
}

twin! {
    // No `else`: the binding drops at the end of the chain's block.
    fn chain_in_a_loop(names: Vec<Option<String>>) -> String {
        for (i, name) in names.into_iter().enumerate() {
            let o = name.map(Noisy::new);
            if let Some(x) = o && !x.name().is_empty() {
                let name = x.name().to_string();
                yield_!(name);
                log(format!("then {i}"));
                continue;
            }
            yield_!(format!("none {i}"));
        }
    }
}

twin! {
    // Two moving patterns, yields in both branches.
    fn two_moving_lets(a: Option<Noisy>, b: Option<Noisy>) -> String {
        let guard = n("guard");
        if let Some(first) = a && let Some(second) = b && first.name() < second.name() {
            let (one, two) = (first.name().to_string(), second.name().to_string());
            yield_!(one);
            yield_!(two);
        } else {
            let name = format!("else {}", guard.name());
            yield_!(name);
            log("else end".to_string());
        }
        yield_!("end".to_string());
    }
}

twin! {
    // A later part borrows an earlier binding (`line.split_once`), with `else`.
    fn later_part_borrows(lines: Vec<Option<String>>) -> String {
        for pending in lines {
            let held = pending.map(|l| (n("line"), l));
            if let Some((tag, line)) = held
                && let Some((key, value)) = line.split_once('=')
                && !key.is_empty()
            {
                yield_!(format!("{key}:{value}"));
                log(format!("then {}", tag.name()));
            } else {
                yield_!("skip".to_string());
            }
        }
    }
}

twin! {
    // `else if` of another moving chain, and a mutable binding.
    fn else_if_chains(a: Option<Noisy>, b: Option<Vec<u32>>, k: u32) -> String {
        if let Some(x) = a && k > 1 {
            yield_!(format!("a {}", x.name()));
        } else if let Some(mut v) = b && k > 0 {
            v.push(k);
            yield_!(format!("b {v:?}"));
        } else {
            yield_!("neither".to_string());
        }
        yield_!("end".to_string());
    }
}

#[test]
fn a_chain_that_moves_before_a_later_part_drops_as_the_plain_function() {
    for min in [0, 5] {
        check!(chain_value(Some(n("abc")), min));
        same_drops!(chain_value(Some(n("abc")), min));
    }
    check!(chain_value(None, 0));
    let names = || vec![Some("a".to_string()), Some(String::new()), None];
    assert_eq!(check!(chain_in_a_loop(names())), ["a", "none 1", "none 2"]);
    same_drops!(chain_in_a_loop(names()));
    for (a, b) in [("a", "b"), ("b", "a")] {
        check!(two_moving_lets(Some(n(a)), Some(n(b))));
        same_drops!(two_moving_lets(Some(n(a)), Some(n(b))));
    }
    same_drops!(two_moving_lets(Some(n("a")), None));
    same_drops!(two_moving_lets(None, Some(n("b"))));
    let lines = || {
        vec![
            Some("k=v".to_string()),
            Some("=v".to_string()),
            Some("no pair".to_string()),
            None,
        ]
    };
    assert_eq!(
        check!(later_part_borrows(lines())),
        ["k:v", "skip", "skip", "skip"]
    );
    same_drops!(later_part_borrows(lines()));
    for k in 0..3 {
        check!(else_if_chains(Some(n("x")), Some(vec![1]), k));
        same_drops!(else_if_chains(Some(n("x")), Some(vec![1]), k));
        same_drops!(else_if_chains(None, Some(vec![1]), k));
    }
}

/// A generator that must stay `Clone` (which only the flat lowering gives).
#[generator]
fn clonable(items: Vec<Option<Tag>>, min: usize) -> impl Iterator<Item = String> + Clone {
    for o in items {
        let r = if let Some(t) = o
            && t.0.len() > min
        {
            t.0.len()
        } else {
            0
        };
        yield_!(format!("len {r}"));
    }
}

fn clonable_plain(items: Vec<Option<Tag>>, min: usize) -> Vec<String> {
    let mut out = Vec::new();
    for o in items {
        let r = if let Some(t) = o
            && t.0.len() > min
        {
            t.0.len()
        } else {
            0
        };
        log(format!("item len {r}"));
        out.push(format!("len {r}"));
    }
    out
}

#[test]
fn a_clonable_generator_with_a_moving_chain_compiles_and_drops_as_the_plain_function() {
    let items = || vec![Some(Tag("abc")), Some(Tag("a")), None];
    let _ = take_log();
    let expected = clonable_plain(items(), 1);
    let plain_log = take_log();
    let mut got = Vec::new();
    for item in clonable(items(), 1) {
        log(format!("item {item}"));
        got.push(item);
    }
    assert_eq!(got, expected);
    assert_eq!(take_log(), plain_log);
    assert_eq!(
        plain_log,
        [
            "drop tag abc",
            "item len 3",
            "drop tag a",
            "item len 0",
            "item len 0"
        ]
    );
    let mut a = clonable(items(), 0);
    assert_eq!(a.next().as_deref(), Some("len 3"));
    let b = a.clone();
    assert_eq!(a.collect::<Vec<_>>(), ["len 1", "len 0"]);
    assert_eq!(b.collect::<Vec<_>>(), ["len 1", "len 0"]);
}

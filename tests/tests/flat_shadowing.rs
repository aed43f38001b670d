//! Shadowing of every kind, with the shadowed local still kept across yields: a `let` that
//! reuses its own name, a `match`/`if let` binding reusing an outer name, a `let` in a loop
//! body shadowing a local used after the loop, shadowing in a nested block. Compared with the
//! plain function, items and drops.

use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    fn same_name_let(x: u32) -> u32 {
        let x = x + 1;
        yield_!(x);
        let x = x * 10;
        yield_!(x);
        let x = format!("{x}");
        yield_!(x.len() as u32);
    }
}

#[test]
fn a_let_that_reuses_its_own_name() {
    assert_eq!(check!(same_name_let(4)), [5, 50, 2]);
}

// The outer `g` is still alive (and kept) while an inner `g` shadows it.
twin! {
    fn shadowed_guard_is_kept(count: u32) -> String {
        let g = n("outer");
        for i in 0..count {
            let g = n(&format!("inner{i}"));
            yield_!(g.name().to_string());
        }
        yield_!(g.name().to_string());
        {
            let g = n("block");
            yield_!(g.name().to_string());
        }
        yield_!(g.name().to_string());
    }
}

#[test]
fn a_let_in_a_loop_body_shadowing_a_kept_local() {
    check!(shadowed_guard_is_kept(3));
    same_drops!(shadowed_guard_is_kept(3));
}

twin! {
    fn bindings_reusing_outer_names(items: Vec<Option<u32>>) -> u32 {
        let x = 100;
        for item in items {
            if let Some(x) = item {
                yield_!(x);
            }
            match item {
                Some(x) if x > 1 => yield_!(x * 2),
                x => yield_!(x.unwrap_or(0) + 1000),
            }
            yield_!(x);
        }
    }
}

#[test]
fn match_and_if_let_bindings_reusing_an_outer_name() {
    check!(bindings_reusing_outer_names(vec![Some(1), None, Some(5)]));
}

twin! {
    fn shadow_then_outer_again(v: Vec<String>) -> String {
        let s = String::from("outer");
        for w in v {
            let s = w.trim();
            yield_!(s.to_string());
        }
        yield_!(s);
    }
}

#[test]
fn the_outer_binding_is_visible_again_after_the_shadow_ends() {
    check!(shadow_then_outer_again(vec![" a".into(), "b ".into()]));
}

/// A helper named like a local (`count` and `counts`), passed by name: the local, dead after
/// the first yield, stays a local of its own where the helper is named (the arms after it
/// hold a placeholder of `count` for rustc's "similar name" help, which nothing reads).
fn counts(n: u32) -> u32 {
    n * 10
}

twin! {
    fn local_named_like_a_function(n: u32) -> u32 {
        let count = n + 1;
        yield_!(count);
        for i in 0..n {
            yield_!([i].into_iter().map(counts).sum::<u32>());
        }
        let count = counts(n);
        yield_!(count);
    }
}

#[test]
fn a_local_named_like_a_function_it_calls() {
    assert_eq!(check!(local_named_like_a_function(2)), [3, 0, 10, 20]);
}

// A `mut` binding of a pattern (`for`, `while let`, `if let`, a `match` arm), changed on one
// path, shadowed by an inner `let` on the other path across a yield, and used after it: the
// state keeps the outer binding, not the pattern's value it was re-bound from.
twin! {
    fn mut_pattern_bindings_shadowed_across_a_yield(names: Vec<String>) -> String {
        let mut queue = names.clone();
        for mut name in names {
            if name.is_empty() {
                let name = String::from("anon");
                yield_!(name);
            } else {
                name.push('!');
            }
            yield_!(name);
        }
        while let Some(mut name) = queue.pop() {
            if name.len() < 2 {
                let name = format!("short {}", queue.len());
                yield_!(name);
            } else {
                name.insert(0, '>');
            }
            yield_!(name);
        }
        if let Some(mut first) = queue.first().cloned() {
            first.push('?');
            yield_!(first);
        }
        match Some(String::from("m")) {
            Some(mut name) if !name.is_empty() => {
                if name == "x" {
                    let name = 7;
                    yield_!(format!("{name}"));
                } else {
                    name += "atch";
                }
                yield_!(name);
            }
            _ => {}
        }
    }
}

// With values that log their drops: the shadowing `let` drops at the end of its block, the
// outer binding where the plain function drops it.
twin! {
    fn mut_noisy_bindings_shadowed_across_a_yield(count: u32) -> u32 {
        for i in 0..count {
            let item = if i % 2 == 0 { Some(n("even")) } else { None };
            if let Some(mut held) = item {
                if i == 2 {
                    let held = n("inner");
                    yield_!(i * 100);
                    drop(held);
                } else {
                    held = n("replaced");
                }
                yield_!(i);
                drop(held);
            }
            yield_!(i + 1000);
        }
    }
}

#[test]
fn mut_pattern_bindings_shadowed_by_an_inner_let_across_a_yield() {
    assert_eq!(
        check!(mut_pattern_bindings_shadowed_across_a_yield(vec![
            String::new(),
            "bo".into(),
        ])),
        ["anon", "", "bo!", ">bo", "short 0", "", "match"]
    );
    check!(mut_pattern_bindings_shadowed_across_a_yield(vec![]));
    same_drops!(mut_noisy_bindings_shadowed_across_a_yield(4));
}

/// A guard of a one-letter name, as the function that makes it (`g`): a misspelling's
/// placeholder for a shadowed local (`let v: ();`) hid the outer one from the glue that
/// carries it to the next state (E0308 "expected `Noisy`, found `()`").
fn g(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    fn one_letter_locals_shadowed_beside_a_one_letter_function(n: u32) -> u32 {
        let v = g("v");
        let _ = &v;
        for v in 0..n {
            yield_!(v);
        }
    }
}

twin! {
    fn a_kept_one_letter_local_shadowed_in_a_block() -> u32 {
        let x = g("outer");
        yield_!(0);
        {
            let x = g("inner");
            drop(x);
            yield_!(1);
        }
        yield_!(x.name().len() as u32);
    }
}

#[test]
fn shadowed_one_letter_locals_beside_a_one_letter_function() {
    assert_eq!(
        check!(one_letter_locals_shadowed_beside_a_one_letter_function(2)),
        [0, 1]
    );
    same_drops!(one_letter_locals_shadowed_beside_a_one_letter_function(2));
    assert_eq!(
        check!(a_kept_one_letter_local_shadowed_in_a_block()),
        [0, 1, 5]
    );
    same_drops!(a_kept_one_letter_local_shadowed_in_a_block());
}

twin! {
    fn a_local_named_as_a_raw_identifier() -> u32 {
        let bar = g("bar");
        yield_!(1);
        drop(r#bar);
        yield_!(2);
        let r#baz = g("baz");
        yield_!(3);
        drop(baz);
    }
}

#[test]
fn a_raw_identifier_names_the_same_local() {
    assert_eq!(check!(a_local_named_as_a_raw_identifier()), [1, 2, 3]);
    same_drops!(a_local_named_as_a_raw_identifier());
}

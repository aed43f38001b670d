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

//! Drop timing of flat generators, with the drop-recording `Noisy` type:
//! - locals are dropped at the same point relative to the yields as in the plain function
//!   (block ends, loop iterations, shadowing, reassignment, moves, temporaries);
//! - dropping a generator part-way drops its live locals in reverse declaration order, then
//!   its arguments, exactly like the plain function returning at that yield;
//! - a panic in the body drops everything (no leak) and leaves the generator finished.

use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_core::generator;
use gen_tests::{Noisy, live, log, same_drops, take_log, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    fn block_scopes(_a: Noisy, _b: Noisy) -> u32 {
        let x = n("x");
        yield_!(1);
        {
            let _y = n("y");
            yield_!(2);
            let _z = n("z");
            yield_!(3);
        }
        yield_!(4);
        drop(x);
        yield_!(5);
        let _w = n("w");
        yield_!(6);
        let _w = n("w2");
        yield_!(7);
    }
}

#[test]
fn block_scope_drops_and_early_drops_match_the_plain_function() {
    let full = same_drops!(block_scopes(n("a"), n("b")));
    #[rustfmt::skip]
    let expected = [
        "yield 1", "yield 2", "yield 3", "drop z", "drop y", "yield 4", "drop x", "yield 5",
        "yield 6", "yield 7", "drop w2", "drop w", "drop b", "drop a",
    ];
    assert_eq!(full, expected);
}

#[test]
fn early_drop_drops_locals_in_reverse_declaration_order_then_arguments() {
    let _ = take_log();
    let mut g = block_scopes::generator(n("a"), n("b"));
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), Some(2));
    assert_eq!(g.next(), Some(3));
    drop(g);
    assert_eq!(
        take_log(),
        ["drop z", "drop y", "drop x", "drop b", "drop a"]
    );

    let mut g = block_scopes::generator(n("a"), n("b"));
    for _ in 0..7 {
        g.next();
    }
    let _ = take_log();
    drop(g);
    assert_eq!(take_log(), ["drop w2", "drop w", "drop b", "drop a"]);
    assert_eq!(live(), 0);
}

#[test]
fn dropping_an_unstarted_generator_drops_only_its_arguments_in_reverse_order() {
    let _ = take_log();
    let g = block_scopes::generator(n("a"), n("b"));
    assert_eq!(live(), 2);
    drop(g);
    assert_eq!(take_log(), ["drop b", "drop a"]);
    assert_eq!(live(), 0);
}

twin! {
    fn loop_scopes(count: u32, _tag: Noisy) -> u32 {
        for i in 0..count {
            let _g = n(&format!("g{i}"));
            yield_!(i);
            if i == 1 {
                continue;
            }
            let _h = n(&format!("h{i}"));
            yield_!(i + 10);
            if i == 2 {
                break;
            }
        }
        let mut cur = n("c0");
        yield_!(100);
        assert_eq!(cur.name(), "c0");
        cur = n("c1");
        yield_!(101);
        assert_eq!(cur.name(), "c1");
        let _ = n("underscore");
        let _kept = n("kept");
        yield_!(102);
        let (p, _q) = (n("p"), n("q"));
        yield_!(103);
        drop(p);
        yield_!(104);
    }
}

#[test]
fn loop_iterations_reassignment_and_patterns() {
    let full = same_drops!(loop_scopes(4, n("tag")));
    #[rustfmt::skip]
    let expected = [
        "yield 0", "yield 10", "drop h0", "drop g0",
        "yield 1", "drop g1",
        "yield 2", "yield 12", "drop h2", "drop g2",
        "yield 100", "drop c0", "yield 101", "drop underscore", "yield 102",
        "yield 103", "drop p", "yield 104",
        "drop q", "drop kept", "drop c1", "drop tag",
    ];
    assert_eq!(full, expected);
    same_drops!(loop_scopes(0, n("tag")));
}

fn consume(v: Noisy) -> usize {
    v.name().len()
}

twin! {
    fn moves_and_temporaries(items: Vec<Noisy>, extra: Option<Noisy>) -> usize {
        for item in items {
            let len = consume(item);
            yield_!(len);
        }
        yield_!(Vec::from([n("temp")]).len());
        match extra {
            Some(e) if e.name() == "drop-early" => {
                drop(e);
                yield_!(0);
            }
            Some(e) => {
                yield_!(1);
                let kept = e;
                yield_!(2);
                yield_!(kept.name().len());
            }
            None => yield_!(3),
        }
        let later = n("later");
        yield_!(4);
        let moved = later;
        yield_!(moved.name().len());
    }
}

#[test]
fn moved_values_are_not_dropped_twice_and_temporaries_drop_at_statement_end() {
    let items = || vec![n("i0"), n("item1"), n("i2")];
    let full = same_drops!(moves_and_temporaries(items(), Some(n("e"))));
    #[rustfmt::skip]
    let expected = [
        "drop i0", "yield 2", "drop item1", "yield 5", "drop i2", "yield 2",
        "yield 1", "drop temp", "yield 1", "yield 2", "yield 1", "drop e", "yield 4",
        "yield 5", "drop later",
    ];
    assert_eq!(full, expected);
    same_drops!(moves_and_temporaries(items(), Some(n("drop-early"))));
    same_drops!(moves_and_temporaries(vec![], None));
}

twin! {
    fn for_iterator_holds_the_rest(items: Vec<Noisy>) -> String {
        let outer = n("outer");
        for item in items {
            if item.name().starts_with('s') {
                continue;
            }
            yield_!(item.name().to_string());
            let inner = n(&format!("in-{}", item.name()));
            yield_!(inner.name().to_string());
        }
        yield_!(outer.name().to_string());
    }
}

#[test]
fn dropping_mid_for_drops_the_loop_variable_then_the_remaining_items() {
    let items = || vec![n("a"), n("skip"), n("b"), n("c")];
    same_drops!(for_iterator_holds_the_rest(items()));
    let _ = take_log();
    let mut g = for_iterator_holds_the_rest::generator(items());
    assert_eq!(g.next().as_deref(), Some("a"));
    assert_eq!(g.next().as_deref(), Some("in-a"));
    assert_eq!(g.next().as_deref(), Some("b"));
    assert_eq!(take_log(), ["drop in-a", "drop a", "drop skip"]);
    drop(g);
    assert_eq!(take_log(), ["drop b", "drop c", "drop outer"]);
}

// A yield whose resume would only jump on (the end of a loop body, of a branch, of the body,
// or `yield_!(v); return;`) stores the jump's target directly when nothing it would drop
// there has drop glue; with drop glue (`Noisy`) the drop still waits for the resume.
twin! {
    fn tail_yields(words: Vec<Noisy>, stop: usize) -> String {
        let outer = n("outer");
        for (i, word) in words.into_iter().enumerate() {
            let len = word.name().len();
            let copy = i * 10;
            match len % 3 {
                0 => yield_!(format!("{i}:{copy}")),
                1 => {
                    let inner = n(&format!("in{i}"));
                    yield_!(format!("{}:{len}", inner.name()));
                }
                _ => {
                    if i == stop {
                        yield_!(format!("stop at {}", word.name()));
                        return;
                    }
                    yield_!(word.name().to_string());
                }
            }
        }
        let last = 7_u8;
        yield_!(format!("{}:{last}", outer.name()));
    }
}

#[test]
fn tail_yields_drop_where_the_plain_function_drops() {
    let words = || vec![n("abc"), n("a"), n("ab"), n("abcd"), n("xy"), n("q")];
    let full = same_drops!(tail_yields(words(), 99));
    #[rustfmt::skip]
    let expected = [
        "yield \"0:0\"", "drop abc",
        "yield \"in1:1\"", "drop in1", "drop a",
        "yield \"ab\"", "drop ab",
        "yield \"in3:4\"", "drop in3", "drop abcd",
        "yield \"xy\"", "drop xy",
        "yield \"in5:1\"", "drop in5", "drop q",
        "yield \"outer:7\"", "drop outer",
    ];
    assert_eq!(full, expected);
    let stopped = same_drops!(tail_yields(words(), 4));
    assert_eq!(
        stopped[stopped.len() - 4..],
        ["yield \"stop at xy\"", "drop xy", "drop q", "drop outer"]
    );
}

// The same for a yield followed by a bare `continue;`, `break;` or `return;`.
twin! {
    fn jump_after_yield(count: usize, stop: usize) -> String {
        let outer = n("outer");
        'outer: for i in 0..count {
            let copy = i * 2;
            if i % 3 == 0 {
                yield_!(format!("continue {copy}"));
                continue;
            }
            if i == stop {
                let inner = n("inner");
                yield_!(format!("break {}", inner.name()));
                break 'outer;
            }
            if i % 3 == 1 {
                let _guard = n(&format!("g{i}"));
                yield_!(format!("guarded {copy}"));
                continue 'outer;
            }
            yield_!(format!("copy break {copy}"));
            break;
        }
        yield_!(outer.name().to_string());
        drop(outer);
        let last = 1_u8;
        yield_!(format!("last {last}"));
        return;
    }
}

#[test]
fn a_yield_before_a_bare_jump_drops_where_the_plain_function_drops() {
    let full = same_drops!(jump_after_yield(6, 99));
    #[rustfmt::skip]
    let expected = [
        "yield \"continue 0\"", "yield \"guarded 2\"", "drop g1", "yield \"copy break 4\"",
        "yield \"outer\"", "drop outer", "yield \"last 1\"",
    ];
    assert_eq!(full, expected);
    let stopped = same_drops!(jump_after_yield(6, 1));
    #[rustfmt::skip]
    let expected = [
        "yield \"continue 0\"", "yield \"break inner\"", "drop inner",
        "yield \"outer\"", "drop outer", "yield \"last 1\"",
    ];
    assert_eq!(stopped, expected);
}

twin! {
    fn while_let_and_let_else(stack: Vec<Noisy>) -> String {
        let mut stack = stack;
        let guard = n("guard");
        while let Some(top) = stack.pop() {
            let Some(first) = top.name().chars().next() else {
                yield_!("empty".to_string());
                continue;
            };
            yield_!(first.to_string());
            if first == 'x' {
                return;
            }
        }
        yield_!(guard.name().to_string());
    }
}

#[test]
fn while_let_let_else_and_return() {
    same_drops!(while_let_and_let_else(vec![n("b"), n(""), n("a")]));
    let full = same_drops!(while_let_and_let_else(vec![n("z"), n("x1"), n("y")]));
    #[rustfmt::skip]
    let expected = [
        "yield \"y\"", "drop y", "yield \"x\"", "drop x1", "drop guard", "drop z",
    ];
    assert_eq!(full, expected);
}

twin! {
    fn let_underscore_does_not_move(_a: Noisy) -> u32 {
        let x = n("x");
        let _ = x;
        yield_!(1);
        {
            let y = n("y");
            let _ = y;
            yield_!(2);
        }
        yield_!(3);
    }
}

#[test]
fn let_underscore_of_a_local_keeps_it_alive_to_the_end_of_its_scope() {
    let full = same_drops!(let_underscore_does_not_move(n("a")));
    #[rustfmt::skip]
    let expected = ["yield 1", "yield 2", "drop y", "yield 3", "drop x", "drop a"];
    assert_eq!(full, expected);
}

#[generator]
fn panicky(arg: Noisy, at: u32) -> impl Iterator<Item = u32> {
    let x = n("x");
    for i in 0..4 {
        let y = n(&format!("y{i}"));
        assert!(i != at, "boom at {i}");
        yield_!(i);
        let _ = (&x, &y);
    }
    let _ = &arg;
}

fn panicky_plain(arg: Noisy, at: u32) {
    let x = n("x");
    for i in 0..4 {
        let y = n(&format!("y{i}"));
        assert!(i != at, "boom at {i}");
        log(format!("yield {i}"));
        let _ = (&x, &y);
    }
    let _ = &arg;
}

#[test]
fn a_panic_in_the_body_leaks_nothing_and_finishes_the_generator() {
    for at in 0..4 {
        let _ = take_log();
        let r = catch_unwind(|| panicky_plain(n("arg"), at));
        assert!(r.is_err());
        let want = take_log();

        let mut g = panicky(n("arg"), at);
        let r = catch_unwind(AssertUnwindSafe(|| {
            for v in g.by_ref() {
                log(format!("yield {v}"));
            }
        }));
        assert!(r.is_err(), "the panic must propagate out of next()");
        assert_eq!(
            take_log(),
            want,
            "unwinding drops like the plain function (at={at})"
        );
        assert_eq!(live(), 0, "a panic must not leak (at={at})");
        assert_eq!(g.next(), None, "a panicked generator is finished");
        assert_eq!(g.next(), None);
        drop(g);
        assert!(take_log().is_empty(), "nothing is dropped twice");

        let r = catch_unwind(|| {
            panicky(n("arg"), at).fold((), |(), v| log(format!("yield {v}")));
        });
        assert!(r.is_err(), "the panic must propagate out of fold()");
        assert_eq!(take_log(), want, "unwinding out of fold (at={at})");
        assert_eq!(live(), 0, "a panic in fold must not leak (at={at})");
    }
}

#[test]
fn a_panic_in_the_fold_callback_leaks_nothing() {
    let _ = take_log();
    let r = catch_unwind(|| {
        panicky(n("arg"), 9).fold(0, |acc, v| {
            assert!(v < 2, "callback panic");
            acc + v
        })
    });
    assert!(r.is_err());
    assert_eq!(live(), 0);
    // y0 and y1 ended with their iterations; the panic at item 2 unwinds y2, x, arg.
    assert_eq!(
        take_log(),
        ["drop y0", "drop y1", "drop y2", "drop x", "drop arg"]
    );
}

//! Bindings and scopes in the flat lowering: `let` with patterns, `let ... else` (with a yield
//! inside the `else` block too), shadowing across yields, block scopes, and code without
//! yields left verbatim (closures, macros, nested fns whose `?`/`return` keep their own
//! meaning). Each generator is compared with the same body run as a plain function pushing
//! into a `Vec` (see `gen_tests::twin!`).

use gen_tests::{check, twin};

#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

twin! {
    fn let_patterns(p: Point, pair: (u8, String), arr: [u32; 3]) -> String {
        let Point { x, y: why } = p;
        let (n, s) = pair;
        let [first, .., last] = arr;
        let mut count @ 0..=100 = first else { return };
        yield_!(format!("{x} {why}"));
        count += 1;
        let (a, (b, c)): (u32, (u32, u32)) = (last, (n.into(), count));
        yield_!(format!("{s} {a} {b} {c}"));
        let _ = &s;
        let _unused = a;
        yield_!(format!("{first}{last}"));
    }
}

#[test]
fn let_with_destructuring_patterns() {
    let p = || Point { x: -1, y: 2 };
    let pair = || (7, "s".to_string());
    assert_eq!(
        check!(let_patterns(p(), pair(), [1, 2, 3])),
        ["-1 2", "s 3 7 2", "13"]
    );
    assert_eq!(
        check!(let_patterns(p(), pair(), [101, 2, 3])),
        [] as [String; 0]
    );
}

twin! {
    fn let_else(v: Vec<&'static str>) -> u32 {
        for s in v {
            let Ok(n) = s.parse::<u32>() else {
                yield_!(0);
                continue;
            };
            let Some(m) = n.checked_sub(10) else {
                yield_!(1);
                yield_!(n);
                if n == 5 {
                    return;
                }
                continue;
            };
            yield_!(m);
        }
    }
}

#[test]
fn let_else_with_yields_in_the_else_block() {
    assert_eq!(check!(let_else(vec![])), [] as [u32; 0]);
    assert_eq!(
        check!(let_else(vec!["x", "12", "3", "40", "5", "99"])),
        [0, 2, 1, 3, 30, 1, 5]
    );
}

twin! {
    fn let_else_diverging_without_yield(v: Vec<Option<u32>>) -> u32 {
        let mut total = 0;
        for o in v {
            let Some(x) = o else { break };
            total += x;
            yield_!(total);
        }
        let Some(last) = total.checked_mul(2) else { unreachable!() };
        yield_!(last);
    }
}

#[test]
fn let_else_breaking_out_of_a_loop() {
    assert_eq!(
        check!(let_else_diverging_without_yield(vec![
            Some(1),
            Some(2),
            None,
            Some(9)
        ])),
        [1, 3, 6]
    );
}

twin! {
    fn shadowing(n: u32) -> String {
        let x = n;
        yield_!(format!("a{x}"));
        let x = x * 10;
        yield_!(format!("b{x}"));
        let x = format!("s{x}");
        yield_!(x.clone());
        {
            let x = 5;
            yield_!(format!("inner{x}"));
        }
        yield_!(format!("after{x}"));
        let n = x.len();
        yield_!(format!("n{n}"));
    }
}

#[test]
fn shadowing_across_yields() {
    assert_eq!(
        check!(shadowing(3)),
        ["a3", "b30", "s30", "inner5", "afters30", "n3"]
    );
    check!(shadowing(0));
}

twin! {
    fn shadow_in_loops(n: u32) -> u32 {
        let i = 1000;
        for i in 0..n {
            yield_!(i);
            let i = i * 2;
            yield_!(i);
        }
        yield_!(i);
        let mut acc = 0;
        while acc < n {
            let acc2 = acc + 1;
            yield_!(acc2);
            acc = acc2;
        }
    }
}

#[test]
fn shadowing_inside_and_around_loops() {
    assert_eq!(check!(shadow_in_loops(2)), [0, 0, 1, 2, 1000, 1, 2]);
    check!(shadow_in_loops(0));
}

twin! {
    fn block_scopes(n: u32) -> u32 {
        let outer = n + 1;
        {
            let a = outer * 2;
            yield_!(a);
            {
                let b = a + 1;
                yield_!(b);
            }
            let b = a + 2;
            yield_!(b);
        }
        let v = {
            let t = outer + 3;
            t * 2
        };
        yield_!(v);
        let w = {
            yield_!(11);
            let t = v + 1;
            yield_!(t);
            t * 2
        };
        yield_!(w);
    }
}

#[test]
fn block_scopes_and_block_values() {
    assert_eq!(check!(block_scopes(1)), [4, 5, 6, 10, 11, 11, 22]);
}

twin! {
    fn verbatim_closures_and_macros(v: Vec<u32>) -> String {
        let add = |a: u32, b: u32| a + b;
        let mut seen = Vec::new();
        for x in v.clone() {
            let parsed: Option<u32> = (|| {
                let s = x.to_string();
                let n: u32 = s.parse().ok()?;
                if n == 3 {
                    return None;
                }
                Some(n)
            })();
            seen.push(x);
            let msg = format!("{}-{:?}-{}", add(x, 1), parsed, seen.len());
            assert!(!msg.is_empty(), "{msg}");
            yield_!(msg);
            let joined = seen.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(",");
            yield_!(joined);
        }
        let total: u32 = v.iter().sum();
        yield_!(format!("{total}"));
        yield_!(vec![1, 2, 3].len().to_string());
    }
}

#[test]
fn closures_and_macros_in_the_body_work() {
    assert_eq!(
        check!(verbatim_closures_and_macros(vec![2, 3])),
        ["3-Some(2)-1", "2", "4-None-2", "2,3", "5", "3"]
    );
}

twin! {
    fn nested_fn_keeps_return_and_question_mark(v: Vec<&'static str>) -> i64 {
        fn parse(s: &str) -> Result<i64, std::num::ParseIntError> {
            let n: i64 = s.trim().parse()?;
            if n < 0 {
                return Ok(0);
            }
            Ok(n * 2)
        }
        for s in v {
            match parse(s) {
                Ok(n) => yield_!(n),
                Err(_) => yield_!(-1),
            }
        }
    }
}

#[test]
fn nested_fn_with_question_mark_and_return() {
    assert_eq!(
        check!(nested_fn_keeps_return_and_question_mark(vec![
            " 4", "x", "-3"
        ])),
        [8, -1, 0]
    );
}

twin! {
    fn moves_and_reassignment(words: Vec<String>) -> String {
        let mut current = String::new();
        for w in words {
            let prev = current;
            yield_!(prev);
            current = w;
            yield_!(current.clone());
        }
        let last = current;
        yield_!(last);
    }
}

#[test]
fn a_moved_local_reassigned_before_the_next_yield() {
    let w = || vec!["a".to_string(), "b".to_string()];
    assert_eq!(
        check!(moves_and_reassignment(w())),
        ["", "a", "a", "b", "b"]
    );
    assert_eq!(check!(moves_and_reassignment(vec![])), [""]);
}

twin! {
    fn consumed_by_methods(v: Vec<u32>, o: Option<String>) -> String {
        let s = o.unwrap_or_default();
        yield_!(s);
        let doubled: Vec<u32> = v.into_iter().map(|x| x * 2).collect();
        yield_!(format!("{doubled:?}"));
        let text = doubled.iter().map(u32::to_string).collect::<String>();
        let bytes = text.into_bytes();
        yield_!(format!("{}", bytes.len()));
    }
}

#[test]
fn locals_consumed_by_by_value_methods_before_a_yield() {
    assert_eq!(
        check!(consumed_by_methods(vec![1, 5], Some("o".into()))),
        ["o", "[2, 10]", "3"]
    );
    check!(consumed_by_methods(vec![], None));
}

twin! {
    fn format_captures_count_as_uses(n: u32) -> String {
        let name = "gen";
        let width = 6;
        yield_!(String::new());
        for i in 0..n {
            yield_!(format!("{name:>width$}{i}"));
        }
        let s = format!("{name}!");
        yield_!(s);
    }
}

#[test]
fn locals_used_only_in_format_strings_live_across_yields() {
    assert_eq!(
        check!(format_captures_count_as_uses(2)),
        ["", "   gen0", "   gen1", "gen!"]
    );
}

// Regression (found by the differential fuzzer): a `let` in one branch shadows a local the
// generator keeps; the other branch must still reach that local by its own name.
twin! {
    fn shadow_in_one_branch(c: bool) -> String {
        let a = String::from("outer");
        if c {
            let a = 5;
            yield_!(a.to_string());
        } else {
            yield_!("else".to_string());
        }
        yield_!(a);
    }
}

#[test]
fn a_shadowing_let_in_one_branch_leaves_the_other_alone() {
    assert_eq!(check!(shadow_in_one_branch(true)), ["5", "outer"]);
    assert_eq!(check!(shadow_in_one_branch(false)), ["else", "outer"]);
}

// Regression (found by the differential fuzzer): a `let` inside a loop shadows a local that the
// loop's head keeps; the back edge must still reach the outer one.
twin! {
    fn shadow_kept_by_the_loop_head(n: u64) -> u64 {
        let mut b = 1u64;
        let mut i = 0;
        while i < n {
            yield_!(b);
            let b = b + 10;
            yield_!(b);
            i += 1;
        }
        b += 1;
        yield_!(b);
    }
}

#[test]
fn a_shadowing_let_inside_a_loop_keeps_the_outer_local_for_the_back_edge() {
    assert_eq!(check!(shadow_kept_by_the_loop_head(2)), [1, 11, 1, 11, 2]);
    assert_eq!(check!(shadow_kept_by_the_loop_head(0)), [2]);
}

/// A `#[generator]` function (or method) declared inside a generator's body is a generator
/// of its own, in every flavour of the outer one.
#[test]
fn a_generator_declared_inside_a_generator_body() {
    #[gen_core::generator]
    fn outer(n: u32) -> impl Iterator<Item = u32> {
        #[gen_core::generator]
        fn inner(k: u32) -> impl Iterator<Item = u32> {
            for i in 0..k {
                yield_!(i * 10);
            }
        }
        struct Evens;
        impl Evens {
            #[gen_core::generator]
            fn upto(&self, k: u32) -> impl Iterator<Item = u32> {
                for i in (0..k).filter(|i| i % 2 == 0) {
                    yield_!(i);
                }
            }
        }
        for x in inner(n) {
            yield_!(x);
        }
        yield_from!(Evens.upto(n));
    }
    #[gen_core::generator(boxed)]
    fn outer_boxed(n: u32) -> impl Iterator<Item = u32> {
        #[gen_core::generator]
        fn inner(k: u32) -> impl Iterator<Item = u32> {
            for i in 0..k {
                yield_!(i + 100);
            }
        }
        yield_from!(inner(n));
    }
    assert_eq!(outer(3).collect::<Vec<_>>(), [0, 10, 20, 0, 2]);
    assert_eq!(outer_boxed(2).collect::<Vec<_>>(), [100, 101]);
}

// Locals (and a parameter) with raw identifiers, `r#type`, named by a format string's
// implicit capture, `{type}`, after a yield: kept like any other local.
twin! {
    fn raw_identifiers_in_format_strings(r#in: &'static str) -> String {
        let r#type = "kind";
        let r#ref = 5u32;
        yield_!(String::new());
        yield_!(format!("{type} {in}"));
        yield_!(format!("{ref:>4} {ref:?}"));
    }
}

#[test]
fn raw_identifiers_named_by_format_strings() {
    assert_eq!(
        check!(raw_identifiers_in_format_strings("x")),
        ["", "kind x", "   5 5"]
    );
}

// A `use` declaration after a yield, at the body's top level and in a loop's body: visible in
// its whole block, as in the plain function.
twin! {
    fn use_declarations_after_a_yield(xs: Vec<u32>) -> String {
        yield_!(String::new());
        use std::collections::BTreeSet;
        let s: BTreeSet<u32> = xs.iter().copied().collect();
        yield_!(format!("{s:?}"));
        for x in xs {
            yield_!(x.to_string());
            use std::fmt::Write;
            let mut o = String::new();
            write!(o, "<{x}>").unwrap();
            yield_!(o);
        }
    }
}

#[test]
fn use_declarations_after_a_yield_are_visible_in_their_block() {
    assert_eq!(
        check!(use_declarations_after_a_yield(vec![3, 1])),
        ["", "{1, 3}", "3", "<3>", "1", "<1>"]
    );
}

#[test]
fn a_use_declaration_after_a_yield_in_an_iter_block() {
    let xs = vec![3u32, 1];
    let items: Vec<String> = gen_core::iter! {
        yield String::new();
        use std::collections::BTreeSet;
        let s: BTreeSet<u32> = xs.into_iter().collect();
        yield format!("{s:?}");
    }
    .collect();
    assert_eq!(items, ["", "{1, 3}"]);
}

// A raw-identifier parameter in a generator lowered `boxed` (written so, or because a loop's
// item is partly moved).
#[gen_core::generator(boxed)]
fn raw_parameter_boxed(r#type: u32) -> impl Iterator<Item = u32> {
    yield_!(r#type);
    yield_!(r#type + 1);
}

#[gen_core::generator]
fn raw_parameter_partly_moved(xs: Vec<(String, u32)>, r#type: u32) -> impl Iterator<Item = String> {
    for t in xs {
        yield_!(format!("{}", t.1 + r#type));
        yield_!(t.0);
    }
}

#[test]
fn raw_identifier_parameters_of_boxed_generators() {
    assert_eq!(raw_parameter_boxed(2).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(
        raw_parameter_partly_moved(vec![("a".into(), 1)], 2).collect::<Vec<_>>(),
        ["3", "a"]
    );
}

// An item of an inner block named like a local of the body (a `const`, a `fn`): in the block
// the name is the item, after it the local, as in the plain function.
twin! {
    #[allow(non_upper_case_globals)]
    fn inner_items_named_like_locals(k: u32) -> u32 {
        let limit = k;
        {
            const limit: u32 = 100;
            yield_!(limit);
        }
        yield_!(limit);
        let twice = 3;
        {
            fn twice(x: u32) -> u32 {
                x * 2
            }
            yield_!(twice(limit));
        }
        yield_!(twice);
    }
}

#[test]
fn items_of_an_inner_block_do_not_outlive_it() {
    assert_eq!(check!(inner_items_named_like_locals(9)), [100, 9, 18, 3]);
}

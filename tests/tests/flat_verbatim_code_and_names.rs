//! Code without yields in a flat body is kept as written: closures, macros, nested fns whose
//! `?`/`return` keep their own meaning, generators declared inside, `use` declarations and inner
//! items named like locals; so are the names of locals in format strings and raw identifiers.
//! Each generator is compared with the same body run as a plain function (see `gen_tests::twin!`).

use gen_tests::{check, twin};

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

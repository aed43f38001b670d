//! Bindings and scopes in the flat lowering: `let` with patterns, `let ... else` (with a yield
//! inside the `else` block too), shadowing across yields (also in one branch, and in a loop whose
//! head keeps the outer local), block scopes, locals moved and reassigned between yields. Each
//! generator is compared with the same body run as a plain function (see `gen_tests::twin!`).

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

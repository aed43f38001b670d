//! Branches in the flat lowering: `if`/`else`, `else if` chains, `if let`, let-chains,
//! `match` with guards, bindings and yields inside arms. Each generator is compared with the
//! same body run as a plain function pushing into a `Vec` (see `gen_tests::twin!`).

use gen_tests::{check, twin};

twin! {
    fn if_else(v: Vec<i32>) -> &'static str {
        for x in v {
            if x < 0 {
                yield_!("negative");
            } else if x == 0 {
                yield_!("zero");
                yield_!("still zero");
            } else {
                if x % 2 == 0 {
                    yield_!("even");
                }
                yield_!("positive");
            }
        }
    }
}

#[test]
fn if_else_chains() {
    assert_eq!(check!(if_else(vec![])), [] as [&str; 0]);
    assert_eq!(
        check!(if_else(vec![-1, 0, 3, 4])),
        [
            "negative",
            "zero",
            "still zero",
            "positive",
            "even",
            "positive"
        ]
    );
}

twin! {
    fn if_without_else(flag: bool, n: u32) -> u32 {
        if flag {
            yield_!(1);
        }
        if n > 2 {
            yield_!(n);
        }
        yield_!(0);
    }
}

#[test]
fn if_without_else_on_every_path() {
    assert_eq!(check!(if_without_else(false, 0)), [0]);
    assert_eq!(check!(if_without_else(true, 0)), [1, 0]);
    assert_eq!(check!(if_without_else(false, 3)), [3, 0]);
    assert_eq!(check!(if_without_else(true, 3)), [1, 3, 0]);
}

twin! {
    fn if_let(v: Vec<Option<u32>>) -> u32 {
        for o in v {
            if let Some(x) = o {
                yield_!(x);
                yield_!(x * 2);
            } else {
                yield_!(0);
            }
        }
    }
}

#[test]
fn if_let_with_else() {
    assert_eq!(
        check!(if_let(vec![Some(3), None, Some(5)])),
        [3, 6, 0, 5, 10]
    );
    check!(if_let(vec![]));
    check!(if_let(vec![None, None]));
}

twin! {
    fn let_chain(v: Vec<Option<u32>>) -> u32 {
        for a in v {
            if let Some(x) = a && x > 2 {
                yield_!(x);
            } else if let Some(y) = a && let Some(z) = y.checked_sub(1) && z % 2 == 0 {
                yield_!(1000 + z);
            } else {
                yield_!(0);
            }
        }
    }
}

#[test]
fn let_chains() {
    assert_eq!(
        check!(let_chain(vec![Some(3), Some(1), Some(2), None, Some(0)])),
        [3, 1000, 0, 0, 0]
    );
    check!(let_chain(vec![]));
}

#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Circle(u32),
    Rect { w: u32, h: u32 },
    Empty,
}

twin! {
    fn match_arms(shapes: Vec<Shape>) -> u32 {
        for s in shapes {
            match s {
                Shape::Circle(r) if r > 10 => {
                    yield_!(r);
                    yield_!(r * 3);
                }
                Shape::Circle(r) => yield_!(r),
                Shape::Rect { w, h } if w == h => {
                    yield_!(w * h);
                }
                Shape::Rect { w, h: height } => {
                    for i in 0..height {
                        yield_!(w + i);
                    }
                }
                Shape::Empty => {}
            }
            yield_!(7);
        }
    }
}

#[test]
fn match_with_guards_bindings_and_yields_in_arms() {
    let shapes = || {
        vec![
            Shape::Circle(11),
            Shape::Circle(2),
            Shape::Rect { w: 3, h: 3 },
            Shape::Rect { w: 5, h: 2 },
            Shape::Empty,
        ]
    };
    assert_eq!(
        check!(match_arms(shapes())),
        [11, 33, 7, 2, 7, 9, 7, 5, 6, 7, 7]
    );
    check!(match_arms(vec![]));
}

twin! {
    fn match_by_ref_and_or_patterns(v: Vec<(u8, String)>) -> String {
        for pair in v {
            match &pair {
                (0 | 1, s) => {
                    yield_!(format!("small {s}"));
                }
                (n @ 2..=9, s) if s.len() > 1 => {
                    // The bindings borrow `pair`: compute owned values before yielding.
                    let upper = s.to_uppercase();
                    yield_!(format!("{n} long {s}"));
                    yield_!(upper);
                }
                (n, _) => yield_!(n.to_string()),
            }
            // `pair` stays usable: the match only borrowed it (no yield holds the borrow).
            yield_!(pair.1.clone());
        }
    }
}

#[test]
fn match_by_reference_with_or_and_at_patterns() {
    let v = || {
        vec![
            (1, "a".to_string()),
            (3, "bc".to_string()),
            (3, "d".to_string()),
        ]
    };
    assert_eq!(
        check!(match_by_ref_and_or_patterns(v())),
        ["small a", "a", "3 long bc", "BC", "bc", "3", "d"]
    );
}

twin! {
    fn nested_match_in_loop(v: Vec<Result<u32, String>>) -> String {
        'items: for r in v {
            match r {
                Ok(0) => continue 'items,
                Ok(n) => match n % 3 {
                    0 => {
                        yield_!("fizz".to_string());
                        if n > 10 {
                            break 'items;
                        }
                    }
                    k => yield_!(format!("{n}/{k}")),
                },
                Err(e) => {
                    yield_!(e);
                    return;
                }
            }
            yield_!("-".to_string());
        }
        yield_!("end".to_string());
    }
}

#[test]
fn nested_match_with_break_continue_and_return_in_arms() {
    let run = |v: Vec<Result<u32, &str>>| {
        v.into_iter()
            .map(|r| r.map_err(str::to_string))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        check!(nested_match_in_loop(run(vec![Ok(0), Ok(4), Ok(3)]))),
        ["4/1", "-", "fizz", "-", "end"]
    );
    assert_eq!(
        check!(nested_match_in_loop(run(vec![Ok(12), Ok(1)]))),
        ["fizz", "end"]
    );
    assert_eq!(
        check!(nested_match_in_loop(run(vec![Ok(1), Err("bad"), Ok(2)]))),
        ["1/1", "-", "bad"]
    );
}

twin! {
    fn branches_without_yields(v: Vec<u32>) -> u32 {
        for x in v {
            // Branches with no yield inside are emitted verbatim.
            let label = if x > 5 { x * 2 } else if x == 0 { 100 } else { x };
            let bonus = match x {
                0 => 1,
                n if n % 2 == 0 => 2,
                _ => 3,
            };
            if let Some(half) = x.checked_div(2) && half > 1 {
                yield_!(half);
            }
            yield_!(label + bonus);
        }
    }
}

#[test]
fn yield_free_branches_next_to_yields() {
    assert_eq!(
        check!(branches_without_yields(vec![0, 4, 7])),
        [101, 2, 6, 3, 17]
    );
}

twin! {
    fn if_let_else_if_let(a: Option<u32>, b: Result<u32, u32>) -> u32 {
        if let Some(x) = a {
            yield_!(x);
        } else if let Err(y) = b {
            yield_!(y + 10);
        }
        match (a, b) {
            (Some(x), Ok(y)) if x == y => yield_!(0),
            (_, Err(e)) => {
                yield_!(e);
            }
            _ => {}
        }
    }
}

#[test]
fn if_let_else_if_let_and_tuple_match() {
    assert_eq!(check!(if_let_else_if_let(Some(1), Ok(1))), [1, 0]);
    assert_eq!(check!(if_let_else_if_let(None, Err(4))), [14, 4]);
    assert_eq!(check!(if_let_else_if_let(None, Ok(2))), [] as [u32; 0]);
    assert_eq!(check!(if_let_else_if_let(Some(2), Ok(3))), [2]);
}

/// A list and its next entry, made by a call.
fn with_next(n: usize) -> (Vec<usize>, usize) {
    ((0..n).collect(), n)
}

// A `match` on a value made by a call, whose arm yields: the value is kept as a hidden local,
// `mut` only because an arm binds `ref mut` into it (a borrow that ends before the yield).
twin! {
    // The second `match` binds the whole value on purpose: its scrutinee is the subject.
    #[allow(clippy::match_single_binding)]
    fn scrutinee_bound_ref_mut(n: usize) -> usize {
        match with_next(n) {
            (ref mut list, next) if next > 1 => {
                list.push(next);
                let (len, last) = (list.len(), list[next]);
                yield_!(len);
                yield_!(last);
            }
            (list, _) => yield_!(list.len()),
        }
        match with_next(n + 1) {
            (list, next) => {
                yield_!(next);
                yield_!(list.iter().sum());
            }
        }
    }
}

#[test]
fn match_on_a_call_whose_arm_yields_and_binds_ref_mut() {
    assert_eq!(check!(scrutinee_bound_ref_mut(3)), vec![4, 3, 4, 6]);
    assert_eq!(check!(scrutinee_bound_ref_mut(1)), vec![1, 2, 1]);
}

twin! {
    /// `ref`/`ref mut` bindings into locals that end before the next yield: the value is
    /// mutated in place and read again after it.
    fn ref_bindings_between_yields(values: Vec<u32>) -> u32 {
        let mut first = values.iter().copied().next();
        if let Some(ref mut x) = first {
            *x += 10;
        }
        yield_!(first.unwrap_or(0));
        match first {
            Some(ref x) if *x > 10 => yield_!(*x * 2),
            Some(ref mut x) => {
                *x = 1;
                yield_!(*x);
            }
            None => yield_!(0),
        }
        let mut pair = (values.len() as u32, 5u32);
        let (ref mut a, ref b) = pair;
        *a += *b;
        yield_!(pair.0);
    }
}

#[test]
fn ref_bindings_that_end_before_a_yield() {
    assert_eq!(check!(ref_bindings_between_yields(vec![3, 4])), [13, 26, 7]);
    assert_eq!(check!(ref_bindings_between_yields(vec![])), [0, 0, 5]);
}

fn double(x: u64) -> u64 {
    x * 2
}

fn triple(x: u64) -> u64 {
    x * 3
}

// Branches whose values are two functions or two closures, one branch yielding: the plain
// function's `let` takes a function pointer (the branches' common type), and so does the
// value the state machine carries to the join (typed by the body's plain copy, which a
// `no_fold` generator does not have: there, rustc asks for the cast).
#[gen_core::generator]
fn functions_of_two_branches(c: bool, n: u64) -> impl Iterator<Item = u64> {
    let f = if c {
        yield_!(1);
        double
    } else {
        triple
    };
    yield_!(f(n));
    let g = match n % 3 {
        0 => |x: u64| x + 1,
        1 => {
            yield_!(2);
            |x: u64| x + 2
        }
        _ => |x: u64| x * 10,
    };
    yield_!(g(n));
    // One closure, the value of a block that yields: its own type, in each copy of the body.
    let h = {
        yield_!(3);
        move |x: u64| x + n
    };
    yield_!(h(1));
}

fn functions_of_two_branches_plain(c: bool, n: u64) -> Vec<u64> {
    let mut out = Vec::new();
    let f = if c {
        out.push(1);
        double
    } else {
        triple
    };
    out.push(f(n));
    let g = match n % 3 {
        0 => |x: u64| x + 1,
        1 => {
            out.push(2);
            |x: u64| x + 2
        }
        _ => |x: u64| x * 10,
    };
    out.push(g(n));
    let h = {
        out.push(3);
        move |x: u64| x + n
    };
    out.push(h(1));
    out
}

#[test]
fn a_join_of_two_functions_is_a_function_pointer() {
    for c in [false, true] {
        for n in 0..4 {
            gen_tests::check_iter(&functions_of_two_branches_plain(c, n), || {
                functions_of_two_branches(c, n)
            });
        }
    }
}

twin! {
    // A `let` chain whose pattern moves out of the argument before a later part may fail:
    // the value is moved on some paths only after the `if` (one `if` per part, see
    // `flat_moving_let_chains.rs`).
    fn let_chain_moving_a_part(o: Option<gen_tests::Noisy>, min: usize) -> usize {
        if let Some(g) = o && g.name().len() > min {
            yield_!(g.name().len());
            gen_tests::log("then end");
        }
        yield_!(5);
    }
}

#[test]
fn a_let_chain_that_moves_before_a_later_part_behaves_as_the_plain_function() {
    use gen_tests::Noisy;
    let log = gen_tests::same_drops!(let_chain_moving_a_part(Some(Noisy::new("abc")), 1));
    assert_eq!(log, ["yield 3", "then end", "drop abc", "yield 5"]);
    let log = gen_tests::same_drops!(let_chain_moving_a_part(Some(Noisy::new("abc")), 5));
    assert_eq!(log, ["drop abc", "yield 5"]);
    gen_tests::same_drops!(let_chain_moving_a_part(None, 0));
}

//! Yields in expression positions: a `match`/`if`/`loop`/block whose value is used and which
//! yields inside (`let x = match v { A => { yield_!(1); 5 } B => 6 };`,
//! `state = match state { .. }`, `let v = loop { .. break value; };`), a yield as a block
//! tail, as a match-arm expression and as an if-branch expression, and `yield_from!`. Each
//! generator is compared with the same body run as a plain function (see `gen_tests::twin!`).

use gen_core::generator;
use gen_tests::{check, twin};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Ab {
    A,
    B,
}

twin! {
    fn let_match_value(v: Vec<Ab>) -> u32 {
        for ab in v {
            let x = match ab {
                Ab::A => {
                    yield_!(1);
                    5
                }
                Ab::B => 6,
            };
            yield_!(x);
        }
    }
}

#[test]
fn let_bound_to_a_match_that_yields() {
    assert_eq!(
        check!(let_match_value(vec![Ab::A, Ab::B, Ab::A])),
        [1, 5, 6, 1, 5]
    );
    check!(let_match_value(vec![]));
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Lex {
    Start,
    Word,
    Space,
}

twin! {
    fn tokenizer(text: &'static str) -> String {
        let mut state = Lex::Start;
        let mut word = String::new();
        for c in text.chars() {
            state = match state {
                Lex::Start | Lex::Space if c.is_whitespace() => Lex::Space,
                Lex::Start | Lex::Space => {
                    word.push(c);
                    Lex::Word
                }
                Lex::Word if c.is_whitespace() => {
                    yield_!(std::mem::take(&mut word));
                    Lex::Space
                }
                Lex::Word => {
                    word.push(c);
                    Lex::Word
                }
            };
        }
        if state == Lex::Word {
            yield_!(word);
        }
    }
}

#[test]
fn state_assigned_from_a_match_that_yields() {
    assert_eq!(check!(tokenizer("")), [] as [String; 0]);
    assert_eq!(check!(tokenizer("  ")), [] as [String; 0]);
    assert_eq!(check!(tokenizer(" ab c  def")), ["ab", "c", "def"]);
    assert_eq!(check!(tokenizer("x ")), ["x"]);
}

twin! {
    #[allow(clippy::never_loop)]
    fn let_loop_value(n: u32) -> u32 {
        let mut i = 0;
        let v = loop {
            i += 1;
            yield_!(i);
            if i >= n {
                break i * 100;
            }
        };
        yield_!(v);
        let w = 'outer: loop {
            for j in 0..n {
                yield_!(j);
                if j == 1 {
                    break 'outer j + v;
                }
            }
            break 7;
        };
        yield_!(w);
    }
}

#[test]
fn let_bound_to_a_loop_that_yields_and_breaks_a_value() {
    assert_eq!(check!(let_loop_value(1)), [1, 100, 0, 7]);
    assert_eq!(check!(let_loop_value(3)), [1, 2, 3, 300, 0, 1, 301]);
}

twin! {
    fn let_if_value(v: Vec<i32>) -> i32 {
        for x in v {
            let y = if x > 0 {
                yield_!(x);
                x * 2
            } else if x == 0 {
                0
            } else {
                yield_!(-1);
                yield_!(-2);
                -x
            };
            yield_!(y);
        }
    }
}

#[test]
fn let_bound_to_an_if_that_yields() {
    assert_eq!(check!(let_if_value(vec![3, 0, -4])), [3, 6, 0, -1, -2, 4]);
}

twin! {
    fn assign_from_block(n: u32) -> u32 {
        let mut acc = 0;
        for i in 0..n {
            acc = {
                yield_!(acc);
                acc + i
            };
            acc += match i % 2 {
                0 => {
                    yield_!(1000 + i);
                    1
                }
                _ => 0,
            };
        }
        yield_!(acc);
    }
}

#[test]
fn assignment_and_compound_assignment_from_yielding_expressions() {
    assert_eq!(check!(assign_from_block(3)), [0, 1000, 1, 2, 1002, 5]);
    assert_eq!(check!(assign_from_block(0)), [0]);
}

twin! {
    #[allow(clippy::needless_else)]
    fn yield_as_tail(v: Vec<u32>) -> u32 {
        for x in v {
            // A yield as a block tail, an if-branch expression and a match-arm expression.
            {
                yield_!(x)
            }
            if x % 2 == 0 { yield_!(x / 2) } else { yield_!(x * 3) }
            match x {
                0 => yield_!(100),
                1 | 2 => yield_!(200),
                _ => {}
            }
            let () = if x > 5 { yield_!(600) } else {};
            // The `()` value of a yield, bound by name (clippy says so, as in a plain fn).
            #[allow(clippy::let_unit_value)]
            let unit = {
                yield_!(7)
            };
            let () = unit;
        }
    }
}

#[test]
fn yield_as_block_tail_if_branch_and_match_arm() {
    assert_eq!(
        check!(yield_as_tail(vec![0, 1, 6])),
        [0, 0, 100, 7, 1, 3, 200, 7, 6, 3, 600, 7]
    );
}

twin! {
    fn yield_from_iterables(n: u32, extra: Vec<u32>) -> u32 {
        yield_from!(0..n);
        yield_from!(extra);
        yield_from!(std::iter::empty::<u32>());
        for i in 0..n {
            yield_from!([i; 2]);
        }
        yield_from!(Some(99));
    }
}

#[test]
fn yield_from_ranges_vecs_arrays_options() {
    assert_eq!(
        check!(yield_from_iterables(2, vec![7, 8])),
        [0, 1, 7, 8, 0, 0, 1, 1, 99]
    );
    assert_eq!(check!(yield_from_iterables(0, vec![])), [99]);
}

#[generator]
fn inner(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        yield_!(i * 10);
    }
}

#[generator]
fn outer(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        yield_!(i);
        yield_from!(inner(i));
    }
    yield_from!(inner(0));
}

#[test]
fn yield_from_another_generator() {
    let expected = [0, 1, 0, 2, 0, 10, 3, 0, 10, 20];
    gen_tests::check_iter(&expected, || outer(4));
    assert!(outer(0).next().is_none());
}

twin! {
    #[allow(clippy::never_loop)]
    fn nested_expression_yields(v: Vec<Option<u32>>) -> u32 {
        for o in v {
            let r = match o {
                Some(x) if x > 3 => loop {
                    yield_!(x);
                    let next = if x > 5 {
                        yield_!(50);
                        x + 1
                    } else {
                        x
                    };
                    break next;
                },
                Some(x) => {
                    let inner = {
                        yield_!(x);
                        x * 2
                    };
                    inner + 1
                }
                None => 0,
            };
            yield_!(r);
        }
    }
}

#[test]
fn yielding_expressions_nested_in_each_other() {
    assert_eq!(
        check!(nested_expression_yields(vec![
            Some(1),
            None,
            Some(4),
            Some(9)
        ])),
        [1, 3, 0, 4, 4, 9, 50, 10]
    );
}

twin! {
    #[allow(clippy::never_loop)]
    fn yield_in_break_operand(v: Vec<u32>) -> u32 {
        for x in v {
            let r = loop {
                yield_!(x);
                break if x > 5 {
                    yield_!(50);
                    x + 1
                } else {
                    x
                };
            };
            yield_!(r);
        }
    }
}

#[test]
fn yield_inside_a_break_operand() {
    assert_eq!(
        check!(yield_in_break_operand(vec![4, 9])),
        [4, 4, 9, 50, 10]
    );
}

// A yield in a `match` guard runs while the arm is being chosen, which the flat state
// machine cannot split: the generator is lowered `boxed`, with the plain function's items
// and drops.
twin! {
    fn yield_in_a_match_guard(v: Vec<u32>) -> u32 {
        for x in v {
            let g = gen_tests::Noisy::new(format!("g{x}"));
            match x {
                n if {
                    yield_!(n);
                    n % 2 == 0
                } => yield_!(n * 10),
                n => yield_!(n + 1),
            }
            drop(g);
        }
    }
}

#[test]
fn a_yield_in_a_match_guard() {
    assert_eq!(
        check!(yield_in_a_match_guard(vec![1, 2, 3])),
        [1, 2, 2, 20, 3, 4]
    );
    gen_tests::same_drops!(yield_in_a_match_guard(vec![1, 2, 3]));
}

fn name_len(n: &gen_tests::Noisy, extra: usize) -> usize {
    n.name().len() + extra
}

fn push_len(v: &mut Vec<usize>, extra: usize) -> usize {
    v.push(extra);
    v.len()
}

// A call whose earlier argument borrows a temporary (`&Noisy::new(..)`, `&mut vec![..]`,
// `&format!(..)`) and whose later argument yields: the temporary lives to the end of the
// statement, across the yield, and drops there, as in the plain function.
twin! {
    fn borrowed_temporary_before_a_yielding_argument(tag: &'static str) -> usize {
        let n = name_len(&gen_tests::Noisy::new(tag), {
            yield_!(1);
            2
        });
        yield_!(n);
        let m = push_len(&mut vec![1, 2], {
            yield_!(3);
            4
        });
        let k = str::len(&format!("{tag}{m}"))
            + name_len(&gen_tests::Noisy::new("second"), {
                yield_!(5);
                0
            });
        yield_!(m + k);
    }
}

#[test]
fn a_borrowed_temporary_before_a_yielding_argument() {
    assert_eq!(
        check!(borrowed_temporary_before_a_yielding_argument("t")),
        [1, 3, 3, 5, 11]
    );
    gen_tests::same_drops!(borrowed_temporary_before_a_yielding_argument("t"));
}

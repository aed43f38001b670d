//! Back edges of lowered loops: the arm resumed after a yield in a loop's body runs the loop's
//! head in place instead of jumping to it (`emit/inline_heads.rs`). Whatever the arm still
//! holds must drop at the back edge, where the plain function drops it, and the copied head
//! must mean what the head means (labels, shadowing, closures, `|` patterns). Each body is
//! compared with its plain twin, items and the full drop log at every early stop.

use gen_core::iter;
use gen_tests::{Noisy, check, same_drops, twin};

fn n(name: &str) -> Noisy {
    Noisy::new(name)
}

twin! {
    fn nested_whiles_with_guards(rows: u32, cols: u32) -> u32 {
        let mut i = 0;
        while i < rows {
            let _row = n("row");
            let mut j = i + 1;
            while j < cols {
                let _cell = n("cell");
                yield_!(i * 10 + j);
                let _after = n("after");
                j += 1;
            }
            i += 1;
        }
    }
}

#[test]
fn guards_of_an_iteration_drop_at_the_back_edge() {
    assert_eq!(
        check!(nested_whiles_with_guards(3, 4)),
        [1, 2, 3, 12, 13, 23]
    );
    same_drops!(nested_whiles_with_guards(3, 4));
    same_drops!(nested_whiles_with_guards(0, 4));
}

twin! {
    fn labelled_continue_after_a_yield(rows: u32) -> u32 {
        let mut i = 0;
        'rows: while i < rows {
            i += 1;
            let _row = n("row");
            let mut j = 0;
            loop {
                let _cell = n("cell");
                yield_!(i * 100 + j);
                j += 1;
                if j > i {
                    continue 'rows;
                }
                if j == 2 {
                    break;
                }
            }
            yield_!(i);
        }
    }
}

#[test]
fn labelled_continue_and_break_after_a_yield() {
    check!(labelled_continue_after_a_yield(4));
    same_drops!(labelled_continue_after_a_yield(4));
}

twin! {
    fn shadowing_in_the_loop_body(limit: u32) -> u32 {
        let mut k = 0;
        while k < limit {
            let k2 = k * 2;
            let k2 = k2 + 1;
            yield_!(k2);
            let k2 = n(&format!("k{k2}"));
            drop(k2);
            k += 1;
        }
    }
}

#[test]
fn a_name_shadowed_in_the_loop_body() {
    assert_eq!(check!(shadowing_in_the_loop_body(3)), [1, 3, 5]);
    same_drops!(shadowing_in_the_loop_body(3));
}

twin! {
    fn head_with_a_closure_and_an_or_pattern(limit: u32) -> u32 {
        let mut k = 0;
        while k < limit {
            let double = move |x: u32| x * 2;
            match k % 3 {
                0 | 1 => yield_!(double(k)),
                _ => yield_!(k),
            }
            let _guard = n("guard");
            k += 1;
        }
    }
}

#[test]
fn a_head_with_a_closure_or_an_or_pattern() {
    assert_eq!(
        check!(head_with_a_closure_and_an_or_pattern(5)),
        [0, 2, 2, 6, 8]
    );
    same_drops!(head_with_a_closure_and_an_or_pattern(5));
}

twin! {
    fn while_let_over_a_stack(seed: u32) -> u32 {
        let mut stack = vec![seed];
        while let Some(top) = stack.pop() {
            let _visit = n("visit");
            yield_!(top);
            if top > 1 {
                stack.push(top / 2);
                stack.push(top / 3);
            }
        }
    }
}

#[test]
fn while_let_with_work_after_the_yield() {
    check!(while_let_over_a_stack(12));
    same_drops!(while_let_over_a_stack(12));
}

/// A closure of the user's macro: each expansion is a type of its own.
macro_rules! scaler {
    ($k:expr) => {
        move |x: u32| x * $k
    };
}

twin! {
    fn heads_that_make_types_through_macros(rows: Vec<Vec<u32>>) -> String {
        let label = String::from("label");
        for row in rows {
            // A block of its own for the inner generator, bound and then looped over.
            let evens = gen_core::iter! { for c in row { if c % 2 == 0 { yield c; } } };
            let scale = scaler!(10);
            for x in evens {
                yield_!(format!("{label} {}", scale(x)));
            }
        }
    }
}

twin! {
    fn inner_generators_in_loop_heads(rows: Vec<Vec<u32>>) -> u32 {
        let keep = String::from("keep");
        for row in rows.clone() {
            for x in gen_core::iter! { for c in row { if c > 1 { yield c; } } } {
                yield_!(x);
            }
        }
        for row in rows {
            yield_from!(gen_core::iter! { for c in row { yield c * 100; } });
        }
        drop(keep);
    }
}

twin! {
    fn an_inner_generator_as_the_head_of_a_nested_loop(rows: Vec<Vec<u32>>) -> String {
        let label = String::from("even");
        for row in rows {
            for x in iter! { for c in row { if c % 2 == 0 { yield c; } } } {
                yield_!(format!("{label} {x}"));
            }
        }
    }
}

#[test]
fn heads_with_inner_generators_or_closures_of_macros() {
    let rows = || vec![vec![1, 2, 3], vec![4], vec![]];
    assert_eq!(
        check!(heads_that_make_types_through_macros(rows())),
        ["label 20", "label 40"]
    );
    same_drops!(heads_that_make_types_through_macros(rows()));
    assert_eq!(
        check!(inner_generators_in_loop_heads(rows())),
        [2, 3, 4, 100, 200, 300, 400]
    );
    same_drops!(inner_generators_in_loop_heads(rows()));
    assert_eq!(
        check!(an_inner_generator_as_the_head_of_a_nested_loop(rows())),
        ["even 2", "even 4"]
    );
}
